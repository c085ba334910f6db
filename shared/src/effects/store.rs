//! The vault, as an effect. The host executes these against
//! [`crate::vault::Vault`]; `update` stays pure.

use zeroize::Zeroizing;

use crate::vault::{Change, Passcode, StoredRecord, ThrottleStatus, VaultError};

/// A platform key's raw bytes on their way to the vault: wiped on drop and
/// never printed.
pub struct RawKey(Zeroizing<Vec<u8>>);

impl RawKey {
    pub fn new(bytes: Vec<u8>) -> Self {
        Self(Zeroizing::new(bytes))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for RawKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RawKey(<redacted>)")
    }
}

/// How the participant unlocks.
#[derive(Debug)]
pub enum UnlockWith {
    /// The passcode, and this device's secret (from the shell's device key).
    Passcode(Passcode, RawKey),
    /// The raw key the shell read from the platform keystore.
    PlatformKey(RawKey),
}

#[derive(Debug)]
pub enum StoreOperation {
    /// Does a vault exist, and what is the throttle state (as the file says)?
    Probe,
    /// The lock screen's wait, from the attempt counter as this device's
    /// secret authenticates it (an edited row shows the longest delay).
    Throttle(RawKey),
    /// A new vault under the passcode and this device's secret.
    Create(Passcode, RawKey),
    Unlock(UnlockWith),
    /// Writes one participant action's changes in one transaction.
    Apply(Vec<Change>),
    ChangePasscode {
        current: Passcode,
        new: Passcode,
        /// This device's secret: the new wrap is device-bound.
        device: RawKey,
    },
    /// Enrols the key the shell just stored in its keystore.
    EnrollPlatformKey(RawKey),
    /// Stops accepting the platform key; the passcode still opens the vault.
    RemovePlatformKey,
    SetEraseAfterFailures(Option<u32>),
    /// Keeps the language choice where the lock screen can read it
    /// (outside the encrypted data); `None` follows the device.
    SetLockLanguage(Option<crate::i18n::Language>),
    /// A backup of everything, sealed by a passphrase, with these changes
    /// made to the file's copy only (the pairing's keys stay on this phone).
    ExportBackup(Passcode, Vec<Change>),
    /// Replaces everything with a verified backup's contents.
    ImportBackup {
        file: Vec<u8>,
        passphrase: Passcode,
    },
    /// Closes the vault; the keys leave memory.
    Lock,
    /// Removes everything, open or locked.
    Erase,
}

impl PartialEq for StoreOperation {
    fn eq(&self, other: &Self) -> bool {
        // Secrets are not compared; tests compare the kind of operation.
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

#[derive(Debug)]
pub enum StoreOutput {
    Probed {
        exists: bool,
        throttle: ThrottleStatus,
        /// The language chosen for the lock screen.
        language: Option<crate::i18n::Language>,
    },
    /// The authenticated attempt counter, for the lock screen.
    Throttle(ThrottleStatus),
    /// The vault is open; every record, decrypted.
    Opened {
        records: Vec<StoredRecord>,
        damaged: usize,
        has_platform_key: bool,
    },
    Done,
    Backup(Vec<u8>),
    Failed(VaultError),
}

impl crux_core::capability::Operation for StoreOperation {
    type Output = StoreOutput;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_in_store_operations_are_never_printed() {
        let operations = [
            StoreOperation::Unlock(UnlockWith::PlatformKey(RawKey::new(vec![0xAB; 32]))),
            StoreOperation::EnrollPlatformKey(RawKey::new(vec![0xAB; 32])),
            StoreOperation::Throttle(RawKey::new(vec![0xAB; 32])),
            StoreOperation::Unlock(UnlockWith::Passcode(
                Passcode::new(String::from("quiet harbor 7")),
                RawKey::new(vec![0xAB; 32]),
            )),
            StoreOperation::Create(
                Passcode::new(String::from("quiet harbor 7")),
                RawKey::new(vec![0xAB; 32]),
            ),
            StoreOperation::ChangePasscode {
                current: Passcode::new(String::from("quiet harbor 7")),
                new: Passcode::new(String::from("new harbor words")),
                device: RawKey::new(vec![0xAB; 32]),
            },
        ];
        for operation in operations {
            let printed = format!("{operation:?}");
            assert!(!printed.contains("171"), "{printed}");
            assert!(!printed.contains("harbor"), "{printed}");
        }
    }
}
