//! The vault: encrypted on-device storage for everything a participant records.
//!
//! One SQLite file per participant. Every value that a person wrote, and every
//! timestamp that reveals behaviour, is sealed with AES-256-GCM before it
//! reaches SQLite (see [`envelope`]); the data key is random and stored only
//! wrapped by the passcode (PBKDF2-HMAC-SHA256, 600,000 iterations) and,
//! optionally, by a raw platform key kept in the phone's keystore (see [`keys`]).
//!
//! Queries happen in memory: [`Vault::load_all`] decrypts every record once on
//! unlock and the core keeps them in its model; writes go through
//! [`Vault::apply`], one transaction per participant action.

mod backup;
mod envelope;
mod error;
mod keys;
mod record;
mod schema;
mod store;
mod throttle;

pub use error::VaultError;
pub use keys::{Credential, Passcode, PlatformKey};
pub use record::{Change, LoadedData, RecordKind, StoredRecord};
pub use store::Vault;
pub use throttle::ThrottleStatus;
