//! A test phone switched off: its files, clock and keystore, and what
//! someone holding the files would find.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use tempfile::TempDir;

use super::clocks::Clocks;
use super::{DeviceKey, PASSCODE, Phone, Setup};
use crate::model::messages::Messaging;
use crate::model::record::{PROFILE_ID, Record};
use crate::vault::{Credential, Passcode, Vault};

/// A phone's files, clock and keystore while the app is closed.
pub struct SwitchedOff {
    pub(super) dir: TempDir,
    pub(super) clock: Arc<Clocks>,
    pub(super) device_key: DeviceKey,
    pub(super) setup: Setup,
}

impl SwitchedOff {
    /// The directory holding the vault's files.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The phone's keystore, which holds the device key.
    pub fn device_key(&self) -> &DeviceKey {
        &self.device_key
    }

    /// Every file in [`SwitchedOff::dir`].
    pub fn files(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.dir.path())
            .expect("the vault's directory")
            .map(|entry| entry.expect("a directory entry").path())
            .collect()
    }

    /// The pairing record as the vault file holds it, unlocked with
    /// [`PASSCODE`]: what someone who copied the phone's files and learned
    /// its passcode would find (the channel's current state among it).
    pub fn stored_pairing(&self) -> Option<Messaging> {
        let passcode =
            Credential::PasscodeOnDevice(Passcode::new(PASSCODE), self.device_key.device_secret());
        let now_ms = self.clock.wall.load(Ordering::SeqCst);
        let vault = Vault::unlock(self.dir.path().join("phoenix.db"), &passcode, now_ms).ok()?;
        vault
            .load_all()
            .ok()?
            .records
            .iter()
            .find(|record| record.kind == Messaging::KIND && record.id == PROFILE_ID)
            .and_then(|record| Messaging::from_body(&record.body))
    }

    /// The app opened again: a new core over the same files and clock.
    pub fn switch_on(self) -> Phone {
        Phone::start(self.dir, self.clock, self.device_key, self.setup)
    }
}
