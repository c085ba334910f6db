//! What opens the vault: the passcode the participant types, the platform
//! key and the device secret the shell's keystore holds, and the
//! [`Credential`] an unlock brings. Wiped when dropped, never printed.

use ring::rand::SecureRandom;
use zeroize::Zeroizing;

use super::KEY_LEN;
use crate::vault::error::VaultError;

/// A passcode or passphrase typed by the participant. Wiped when dropped,
/// never printed.
///
/// Normalised to Unicode NFC: keyboards on different platforms can send
/// "ñ" as one code point or as "n" plus a combining tilde, and a backup made
/// on one must open on the other.
pub struct Passcode(Zeroizing<String>);

impl Passcode {
    pub fn new(text: impl Into<String>) -> Self {
        use unicode_normalization::UnicodeNormalization;
        let typed = Zeroizing::new(text.into());
        Self(Zeroizing::new(typed.nfc().collect()))
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    pub(crate) fn check_not_empty(&self) -> Result<(), VaultError> {
        if self.0.trim().is_empty() {
            Err(VaultError::PasscodeTooShort)
        } else {
            Ok(())
        }
    }
}

impl std::fmt::Debug for Passcode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passcode(<redacted>)")
    }
}

/// A raw 32-byte key the shell keeps in the platform keystore (iOS Keychain,
/// Android Keystore, a non-extractable WebCrypto key) for biometric unlock.
pub struct PlatformKey(Zeroizing<[u8; KEY_LEN]>);

impl PlatformKey {
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, VaultError> {
        let array: [u8; KEY_LEN] = bytes.try_into().map_err(|_| VaultError::InvalidKeyLength)?;
        Ok(Self(Zeroizing::new(array)))
    }

    /// A fresh random key, for the shell to store in its keystore.
    pub fn generate() -> Result<Self, VaultError> {
        let mut bytes = Zeroizing::new([0u8; KEY_LEN]);
        ring::rand::SystemRandom::new()
            .fill(bytes.as_mut())
            .map_err(|_| VaultError::Crypto)?;
        Ok(Self(bytes))
    }

    pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }
}

impl std::fmt::Debug for PlatformKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PlatformKey(<redacted>)")
    }
}

/// This device's 32-byte secret: HMAC-SHA-256 under a key the shell keeps in
/// the platform keystore and never exports (Android Keystore, iOS Keychain
/// this-device-only, a non-extractable WebCrypto key), over
/// [`DEVICE_SECRET_SALT`]. Combined with the passcode's Argon2id output, it
/// makes the key that wraps the data key. Wiped when dropped, never printed.
pub struct DeviceSecret(Zeroizing<[u8; KEY_LEN]>);

/// What the core asks the shell to MAC into the device secret: fixed, so
/// the secret is the same at every unlock, and naming its purpose.
pub const DEVICE_SECRET_SALT: &[u8] = b"phoenix/vault/device-secret/v1";

impl DeviceSecret {
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, VaultError> {
        let array: [u8; KEY_LEN] = bytes.try_into().map_err(|_| VaultError::InvalidKeyLength)?;
        Ok(Self(Zeroizing::new(array)))
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_slice()
    }
}

impl std::fmt::Debug for DeviceSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DeviceSecret(<redacted>)")
    }
}

/// What the participant unlocks with.
#[derive(Debug)]
pub enum Credential {
    /// The passcode alone: opens only a wrap made before the device-bound
    /// key (it is then left as it is).
    Passcode(Passcode),
    /// The passcode on this device: opens a device-bound wrap, and moves an
    /// older wrap to the device-bound one.
    PasscodeOnDevice(Passcode, DeviceSecret),
    PlatformKey(PlatformKey),
}

impl Credential {
    /// The passcode and, when given, the device secret.
    pub(crate) fn passcode(&self) -> Option<(&Passcode, Option<&DeviceSecret>)> {
        match self {
            Self::Passcode(passcode) => Some((passcode, None)),
            Self::PasscodeOnDevice(passcode, device) => Some((passcode, Some(device))),
            Self::PlatformKey(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Passcode;

    #[test]
    fn composed_and_decomposed_passcodes_are_the_same_passcode() {
        let composed = Passcode::new("contrase\u{f1}a");
        let decomposed = Passcode::new("contrasen\u{303}a");
        assert_eq!(composed.as_bytes(), decomposed.as_bytes());
    }

    #[test]
    fn passcodes_never_print() {
        let text = format!("{:?}", Passcode::new("secret words"));
        assert!(!text.contains("secret"), "{text}");
    }
}
