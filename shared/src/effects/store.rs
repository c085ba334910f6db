//! The vault, as an effect. The host executes these against
//! [`crate::vault::Vault`]; `update` stays pure.

use crate::vault::{Change, Passcode, StoredRecord, ThrottleStatus, VaultError};

/// How the participant unlocks.
#[derive(Debug)]
pub enum UnlockWith {
    Passcode(Passcode),
    /// The raw key the shell read from the platform keystore.
    PlatformKey(Vec<u8>),
}

#[derive(Debug)]
pub enum StoreOperation {
    /// Does a vault exist, and what is the throttle state?
    Probe,
    Create(Passcode),
    Unlock(UnlockWith),
    /// Writes one participant action's changes in one transaction.
    Apply(Vec<Change>),
    ChangePasscode {
        current: Passcode,
        new: Passcode,
    },
    /// Enrols the key the shell just stored in its keystore.
    EnrollPlatformKey(Vec<u8>),
    /// Stops accepting the platform key; the passcode still opens the vault.
    RemovePlatformKey,
    SetEraseAfterFailures(Option<u32>),
    /// A backup of everything, sealed by a passphrase.
    ExportBackup(Passcode),
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
    },
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
