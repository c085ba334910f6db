//! Two error layers, as in application-services: a rich internal [`Error`]
//! that keeps causes for debugging, and the small public [`VaultError`] that
//! crosses every boundary. Neither ever carries participant content or SQL
//! text: SQLite messages can quote the data they choked on.

use serde::{Deserialize, Serialize};

/// What went wrong, in terms a shell can act on. Carries no participant data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum VaultError {
    /// No vault exists at this path yet: the participant has not set a passcode.
    #[error("no vault exists yet")]
    NotFound,
    /// A vault already exists at this path; creating another would destroy it.
    #[error("a vault already exists")]
    AlreadyExists,
    /// The passcode or the platform key does not open this vault.
    #[error("wrong passcode or key")]
    WrongCredential,
    /// Too many wrong attempts: the next one is accepted after this many seconds.
    #[error("too many attempts; try again in {retry_after_secs} seconds")]
    Throttled { retry_after_secs: u64 },
    /// The participant opted in to erase after this many failures and it happened.
    #[error("the vault was erased after too many wrong attempts")]
    ErasedAfterFailures,
    /// No platform key is enrolled for this vault.
    #[error("no platform key is enrolled")]
    NoPlatformKey,
    /// A passcode must not be empty.
    #[error("the passcode is too short")]
    PasscodeTooShort,
    /// A platform key must be exactly 32 bytes.
    #[error("the platform key must be 32 bytes")]
    InvalidKeyLength,
    /// The file was written by a newer version of Phoenix; it is left untouched.
    #[error("this data was written by a newer version of Phoenix")]
    NewerSchema,
    /// The database file is damaged or is not a Phoenix vault; it is left untouched.
    #[error("the stored data is damaged")]
    Corrupt,
    /// A sealed value failed authentication: it was altered or moved.
    #[error("a stored value was altered")]
    Tampered,
    /// The backup file is truncated, altered, not a backup, or the passphrase is wrong.
    #[error("the backup cannot be opened: wrong passphrase, or the file is damaged")]
    BackupRejected,
    /// The device has no space left; nothing already stored was lost.
    #[error("the device is full")]
    StorageFull,
    /// The storage is read-only; nothing already stored was lost.
    #[error("the storage is read-only")]
    ReadOnly,
    /// Any other storage failure (I/O, locking).
    #[error("storage failure")]
    Storage,
    /// The platform's random number generator or cipher failed.
    #[error("cryptographic failure")]
    Crypto,
}

/// Internal error: keeps the cause (for debugging, never shown) and maps to
/// [`VaultError`] at the module boundary.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    #[error(transparent)]
    Public(#[from] VaultError),
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

impl From<Error> for VaultError {
    fn from(error: Error) -> Self {
        match error {
            Error::Public(public) => public,
            Error::Sqlite(sqlite) => from_sqlite(&sqlite),
            Error::Io(io) => match io.kind() {
                std::io::ErrorKind::StorageFull => Self::StorageFull,
                std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => {
                    Self::ReadOnly
                }
                _ => Self::Storage,
            },
        }
    }
}

fn from_sqlite(error: &rusqlite::Error) -> VaultError {
    use rusqlite::ffi::ErrorCode;
    match error.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => VaultError::StorageFull,
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            VaultError::ReadOnly
        }
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => VaultError::Corrupt,
        _ => VaultError::Storage,
    }
}

/// Maps an internal result to the public error at the API boundary.
pub(crate) trait Public<T> {
    fn public(self) -> Result<T, VaultError>;
}

impl<T> Public<T> for Result<T> {
    fn public(self) -> Result<T, VaultError> {
        self.map_err(VaultError::from)
    }
}
