//! The key hierarchy.
//!
//! A random 256-bit data key (DEK) encrypts everything. It is stored only
//! wrapped (sealed with AES-256-GCM) by:
//! - a key derived from the passcode with Argon2id ([`Kdf::CURRENT`]; salt
//!   and cost stored beside the wrap) combined by HKDF with this device's
//!   secret ([`DeviceSecret`], from a key the shell holds and never exports),
//!   so a copied file cannot be attacked offline and erase (which destroys
//!   the device key) leaves no copy that opens, and
//! - optionally a raw 32-byte platform key kept by the shell in the phone's
//!   keystore, used directly as the wrapping key (it never goes through a KDF).
//!
//! Vaults and backups written before Argon2id used PBKDF2-HMAC-SHA256 at
//! 600,000 iterations: those still open, and a vault moves to Argon2id on its
//! next passcode unlock.
//!
//! From the DEK, HKDF derives the record-sealing key and the blind-index key,
//! so neither is ever used for two purposes.

use ring::{aead, hkdf, hmac, rand::SecureRandom};
use zeroize::Zeroizing;

use super::error::{Result, VaultError};

mod credential;
mod kdf;
mod seal;

pub use credential::{Credential, DEVICE_SECRET_SALT, DeviceSecret, Passcode, PlatformKey};
use kdf::wrapping_key;
pub(crate) use kdf::{Kdf, derive_passcode_key};
use seal::{aead_key, open_key, seal_key};

pub(crate) const SALT_LEN: usize = 16;
pub(crate) const KEY_LEN: usize = 32;

/// The wrap slots stored in `key_wraps`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    Passcode,
    Platform,
}

impl Slot {
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Self::Passcode => "passcode",
            Self::Platform => "platform",
        }
    }
}

/// The data key as stored in a wrap: salt and KDF (passcode slot only) and
/// `nonce | ciphertext | tag`.
pub(crate) struct Wrap {
    pub salt: Vec<u8>,
    /// `None` for the platform slot, whose key needs no derivation.
    pub kdf: Option<Kdf>,
    /// The wrapping key also needed this device's secret.
    pub device_bound: bool,
    pub sealed: Vec<u8>,
}

impl Wrap {
    /// The AAD of a passcode wrap: the KDF, its cost and salt, and whether
    /// the device secret took part, so none can be swapped.
    fn passcode_aad(&self, kdf: Kdf) -> Vec<u8> {
        let aad = kdf.wrap_aad(&self.salt);
        if self.device_bound {
            [b"phoenix/wrap/v3/device-bound/".as_slice(), &aad].concat()
        } else {
            aad
        }
    }
}

/// The random data key, and the working keys derived from it.
pub(crate) struct DataKey {
    raw: Zeroizing<[u8; KEY_LEN]>,
    records: aead::LessSafeKey,
    blind_index: hmac::Key,
}

impl DataKey {
    pub(crate) fn generate(rng: &dyn SecureRandom) -> Result<Self> {
        let mut raw = Zeroizing::new([0u8; KEY_LEN]);
        rng.fill(raw.as_mut()).map_err(|_| VaultError::Crypto)?;
        Self::from_raw(raw)
    }

    fn from_raw(raw: Zeroizing<[u8; KEY_LEN]>) -> Result<Self> {
        let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, b"phoenix/vault/v1").extract(raw.as_ref());
        let records = prk
            .expand(&[b"records"], &aead::AES_256_GCM)
            .map_err(|_| VaultError::Crypto)?;
        let blind_index = prk
            .expand(&[b"blind-index"], hmac::HMAC_SHA256)
            .map_err(|_| VaultError::Crypto)?;
        Ok(Self {
            raw,
            records: aead::LessSafeKey::new(aead::UnboundKey::from(records)),
            blind_index: hmac::Key::from(blind_index),
        })
    }

    /// The key that seals record bodies.
    pub(crate) fn records(&self) -> &aead::LessSafeKey {
        &self.records
    }

    /// A keyed hash for equality lookups over encrypted values.
    #[allow(dead_code)] // kept for the first lookup that needs one; see ARCHITECTURE.md
    pub(crate) fn blind_index(&self, label: &str, value: &[u8]) -> [u8; 32] {
        let mut context = hmac::Context::with_key(&self.blind_index);
        context.update(label.as_bytes());
        context.update(&[0]);
        context.update(value);
        let mut out = [0u8; 32];
        out.copy_from_slice(context.sign().as_ref());
        out
    }

    /// Wraps under the passcode, and this device's secret when given.
    pub(crate) fn wrap_with_passcode(
        &self,
        passcode: &Passcode,
        device: Option<&DeviceSecret>,
        rng: &dyn SecureRandom,
    ) -> Result<Wrap> {
        let mut salt = vec![0u8; SALT_LEN];
        rng.fill(&mut salt).map_err(|_| VaultError::Crypto)?;
        let kdf = Kdf::CURRENT;
        let mut wrap = Wrap {
            salt,
            kdf: Some(kdf),
            device_bound: device.is_some(),
            sealed: Vec::new(),
        };
        let kek = wrapping_key(passcode, &wrap.salt, kdf, device)?;
        wrap.sealed = seal_key(&kek, &wrap.passcode_aad(kdf), self.raw.as_ref(), rng)?;
        Ok(wrap)
    }

    /// Opens a passcode wrap. A device-bound wrap without the device secret
    /// is refused before the KDF runs ([`VaultError::NoPlatformKey`]); an
    /// older wrap ignores the secret.
    pub(crate) fn unwrap_with_passcode(
        wrap: &Wrap,
        passcode: &Passcode,
        device: Option<&DeviceSecret>,
    ) -> Result<Self> {
        let kdf = wrap.kdf.ok_or(VaultError::Corrupt)?.checked()?;
        let device = if wrap.device_bound {
            Some(device.ok_or(VaultError::NoPlatformKey)?)
        } else {
            None
        };
        let kek = wrapping_key(passcode, &wrap.salt, kdf, device)?;
        Self::from_raw(open_key(&kek, &wrap.passcode_aad(kdf), &wrap.sealed)?)
    }

    pub(crate) fn wrap_with_platform_key(
        &self,
        key: &PlatformKey,
        rng: &dyn SecureRandom,
    ) -> Result<Wrap> {
        let kek = aead_key(key.as_bytes())?;
        let sealed = seal_key(&kek, PLATFORM_WRAP_AAD, self.raw.as_ref(), rng)?;
        Ok(Wrap {
            salt: Vec::new(),
            kdf: None,
            device_bound: false,
            sealed,
        })
    }

    pub(crate) fn unwrap_with_platform_key(wrap: &Wrap, key: &PlatformKey) -> Result<Self> {
        let kek = aead_key(key.as_bytes())?;
        Self::from_raw(open_key(&kek, PLATFORM_WRAP_AAD, &wrap.sealed)?)
    }
}

const PLATFORM_WRAP_AAD: &[u8] = b"phoenix/wrap/v1/platform";
