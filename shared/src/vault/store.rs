//! [`Vault`]: an unlocked vault file and every operation on it.

use std::path::{Path, PathBuf};

use ring::rand::SystemRandom;
use rusqlite::{Connection, OpenFlags};

use super::error::{Public, VaultError};
use super::file::{erase_path, open_existing};
use super::keys::DataKey;
use super::schema;

mod key_changes;
mod records;
mod unlock;

/// An unlocked vault: an open SQLite connection and the data key.
///
/// Dropping it closes the file and wipes the keys from memory.
pub struct Vault {
    conn: Connection,
    path: PathBuf,
    key: DataKey,
    rng: SystemRandom,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").finish_non_exhaustive()
    }
}

impl Vault {
    /// Whether a vault (with a passcode set) exists at `path`.
    pub fn exists(path: impl AsRef<Path>) -> bool {
        let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
            return false;
        };
        matches!(schema::version(&conn), Ok(Some(_)))
    }

    /// The language chosen for the lock screen (a short code such as
    /// "es"), readable while locked; `None` when none was chosen.
    pub fn lock_language(path: impl AsRef<Path>) -> Result<Option<String>, VaultError> {
        open_existing(path.as_ref())
            .and_then(|conn| super::meta::language(&conn))
            .public()
    }

    /// Keeps the language choice outside the encrypted data, for the lock
    /// screen; `None` forgets it.
    pub fn set_lock_language(&mut self, code: Option<&str>) -> Result<(), VaultError> {
        super::meta::set_language(&self.conn, code).public()
    }

    /// "Erase everything" from the lock screen: destroys the wrapped keys,
    /// then removes the database and its -wal and -shm files. Works on a
    /// damaged or newer file too; a missing file is not an error.
    pub fn erase_at(path: impl AsRef<Path>) -> Result<(), VaultError> {
        erase_path(path.as_ref()).public()
    }

    /// Erases this vault (see [`Vault::erase_at`]).
    pub fn erase(self) -> Result<(), VaultError> {
        let path = self.path.clone();
        drop(self);
        erase_path(&path).public()
    }

    /// The file this vault lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }
}
