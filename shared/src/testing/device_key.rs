//! The test phone's keystore: the device key, as a shell keeps it.

use std::cell::{Cell, RefCell};

use crate::effects::{PlatformKeyOperation, PlatformKeyOutput};
use crate::vault::{DEVICE_SECRET_SALT, DeviceSecret};

/// The phone keystore's device key, as a shell keeps it: created on the
/// first ask, never handed out, only its HMAC of the core's salt.
#[derive(Default)]
pub struct DeviceKey {
    key: RefCell<Option<ring::hmac::Key>>,
    /// The keystore cannot answer (a locked or broken keystore).
    unavailable: Cell<bool>,
}

impl DeviceKey {
    /// The answer a shell gives to a device-key request; `None` for the
    /// biometric key's, which tests answer themselves.
    pub(super) fn answer(&self, operation: &PlatformKeyOperation) -> Option<PlatformKeyOutput> {
        match operation {
            PlatformKeyOperation::DeviceSecret { salt } => Some(if self.unavailable.get() {
                PlatformKeyOutput::Unavailable
            } else {
                PlatformKeyOutput::Key(self.secret(salt))
            }),
            PlatformKeyOperation::DestroyDeviceKey => {
                self.destroy();
                Some(PlatformKeyOutput::Deleted)
            }
            _ => None,
        }
    }

    fn secret(&self, salt: &[u8]) -> Vec<u8> {
        let mut key = self.key.borrow_mut();
        let key = key.get_or_insert_with(|| {
            ring::hmac::Key::generate(ring::hmac::HMAC_SHA256, &ring::rand::SystemRandom::new())
                .expect("a random device key")
        });
        ring::hmac::sign(key, salt).as_ref().to_vec()
    }

    /// This device's secret, as the core asks for it (creating the key if
    /// there is none yet).
    pub fn device_secret(&self) -> DeviceSecret {
        DeviceSecret::from_bytes(&self.secret(DEVICE_SECRET_SALT)).expect("32 bytes")
    }

    /// Destroys the device key, as the shell does on erase.
    pub fn destroy(&self) {
        self.key.replace(None);
    }

    /// Whether the keystore holds a device key.
    pub fn exists(&self) -> bool {
        self.key.borrow().is_some()
    }

    /// Makes the keystore refuse (or answer again).
    pub fn set_unavailable(&self, unavailable: bool) {
        self.unavailable.set(unavailable);
    }
}
