//! The vault: encrypted on-device storage for everything a participant records.
//!
//! One SQLite file per participant. Every value that a person wrote, and every
//! timestamp that reveals behaviour, is sealed with AES-256-GCM before it
//! reaches SQLite (see [`envelope`]); the data key is random and stored only
//! wrapped by the passcode (Argon2id; PBKDF2 in vaults not yet migrated),
//! combined with this device's secret when the wrap is device-bound, and,
//! optionally, by a raw platform key kept in the phone's keystore (see [`keys`]).
//!
//! Queries happen in memory: [`Vault::load_all`] decrypts every record once on
//! unlock and the core keeps them in its model; writes go through
//! [`Vault::apply`], one transaction per participant action.

mod backup;
mod envelope;
mod error;
mod file;
mod keys;
mod loader;
mod meta;
mod record;
mod schema;
mod store;
mod throttle;
mod wraps;

pub use error::VaultError;
pub use keys::{Credential, DEVICE_SECRET_SALT, DeviceSecret, Passcode, PlatformKey};
pub use record::{Change, LoadedData, RecordKind, StoredRecord};
pub use store::Vault;
pub use throttle::{Now, ThrottleStatus};

/// Entry points for the fuzz targets (`fuzz/`): the parsers that read
/// untrusted bytes, reachable without the deliberately slow KDF.
#[cfg(feature = "fuzzing")]
pub mod fuzzing {
    use super::{backup, envelope};

    /// Splits a backup file's header (what runs before the KDF).
    pub fn backup_header(file: &[u8]) -> bool {
        backup::split(file).is_ok()
    }

    /// Parses a decrypted backup payload.
    pub fn backup_payload(plaintext: &[u8]) -> usize {
        backup::parse_payload(plaintext).map_or(0, |records| records.len())
    }

    /// Opens an envelope with a fixed key at a fixed place.
    pub fn envelope(sealed: &[u8]) -> bool {
        let key = ring::aead::LessSafeKey::new(
            ring::aead::UnboundKey::new(&ring::aead::AES_256_GCM, &[7; 32]).expect("32-byte key"),
        );
        let place = envelope::Place {
            table: "goals",
            id: 1,
            column: "body",
        };
        envelope::open(&key, place, sealed).is_ok()
    }
}
