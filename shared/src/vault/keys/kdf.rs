//! How a passcode (or a backup passphrase) becomes a wrapping key:
//! Argon2id today, PBKDF2 read for older vaults and backups, each cost
//! checked, and the device secret combined in by HKDF.

use std::num::NonZeroU32;

use ring::{aead, hkdf, pbkdf2};
use zeroize::Zeroizing;

use super::KEY_LEN;
use super::credential::{DeviceSecret, Passcode};
use super::seal::aead_key;
use crate::vault::error::{Result, VaultError};

/// The cost vaults and backups written before Argon2id used
/// (PBKDF2-HMAC-SHA256, OWASP's figure): read, never written.
pub(crate) const PBKDF2_ITERATIONS: u32 = 600_000;
/// Wraps claiming more iterations than this are refused rather than left to
/// spin: a hostile backup must not hang the app.
pub(crate) const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;
/// Argon2id's memory in KiB and passes, chosen by measurement (BENCHMARKS.md,
/// `cargo xtask bench kdf`): above OWASP's floor (19 MiB, 2 passes) and an
/// unlock under a second on a low-end phone. There is deliberately no lower
/// setting anywhere in the code: tests pay the production cost too.
pub(crate) const ARGON2_MEMORY_KIB: u32 = 32 * 1024;
pub(crate) const ARGON2_PASSES: u32 = 2;
/// Wraps and backups claiming more than this are refused rather than run:
/// a hostile file must not exhaust the phone's memory or hang the app.
const MAX_ARGON2_MEMORY_KIB: u32 = 256 * 1024;
const MAX_ARGON2_PASSES: u32 = 16;

/// How a passcode (or a backup passphrase) becomes a wrapping key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kdf {
    /// Before Argon2id: read only.
    Pbkdf2 { iterations: u32 },
    /// Argon2id, one lane, version 0x13.
    Argon2id { memory_kib: u32, passes: u32 },
}

impl Kdf {
    /// What every new wrap and backup uses.
    pub(crate) const CURRENT: Self = Self::Argon2id {
        memory_kib: ARGON2_MEMORY_KIB,
        passes: ARGON2_PASSES,
    };

    /// Refuses costs below today's floor or beyond what a phone can afford.
    pub(crate) fn checked(self) -> Result<Self> {
        let acceptable = match self {
            Self::Pbkdf2 { iterations } => {
                (PBKDF2_ITERATIONS..=MAX_PBKDF2_ITERATIONS).contains(&iterations)
            }
            Self::Argon2id { memory_kib, passes } => {
                (ARGON2_MEMORY_KIB..=MAX_ARGON2_MEMORY_KIB).contains(&memory_kib)
                    && (ARGON2_PASSES..=MAX_ARGON2_PASSES).contains(&passes)
            }
        };
        if acceptable {
            Ok(self)
        } else {
            Err(VaultError::Corrupt.into())
        }
    }

    /// The AAD a passcode wrap is sealed with: the KDF and its cost and salt,
    /// so none of them can be swapped for a weaker one.
    pub(super) fn wrap_aad(self, salt: &[u8]) -> Vec<u8> {
        let mut aad = match self {
            Self::Pbkdf2 { iterations } => {
                let mut aad = b"phoenix/wrap/v1/passcode".to_vec();
                aad.extend_from_slice(&iterations.to_le_bytes());
                aad
            }
            Self::Argon2id { memory_kib, passes } => {
                let mut aad = b"phoenix/wrap/v2/passcode/argon2id".to_vec();
                aad.extend_from_slice(&memory_kib.to_le_bytes());
                aad.extend_from_slice(&passes.to_le_bytes());
                aad
            }
        };
        aad.extend_from_slice(salt);
        aad
    }
}

/// The key that wraps the data key: the passcode through `kdf`, then, on a
/// device-bound wrap, HKDF-SHA256 over that output and the device secret
/// (salted with the wrap's salt), so neither alone is enough.
pub(super) fn wrapping_key(
    passcode: &Passcode,
    salt: &[u8],
    kdf: Kdf,
    device: Option<&DeviceSecret>,
) -> Result<aead::LessSafeKey> {
    let stretched = stretch(passcode.as_bytes(), salt, kdf)?;
    let Some(device) = device else {
        return aead_key(&stretched);
    };
    let input = Zeroizing::new([stretched.as_slice(), device.as_bytes()].concat());
    let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, salt).extract(&input);
    let okm = prk
        .expand(&[b"phoenix/wrap/v3/passcode+device"], &aead::AES_256_GCM)
        .map_err(|_| VaultError::Crypto)?;
    Ok(aead::LessSafeKey::new(aead::UnboundKey::from(okm)))
}

/// A secret through `kdf` into an AES-256-GCM key. Also used for backups.
pub(crate) fn derive_passcode_key(
    secret: &[u8],
    salt: &[u8],
    kdf: Kdf,
) -> Result<aead::LessSafeKey> {
    aead_key(&*stretch(secret, salt, kdf)?)
}

/// A secret through `kdf`: 32 bytes, wiped when dropped.
fn stretch(secret: &[u8], salt: &[u8], kdf: Kdf) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    match kdf.checked()? {
        Kdf::Pbkdf2 { iterations } => {
            let iterations = NonZeroU32::new(iterations).ok_or(VaultError::Corrupt)?;
            pbkdf2::derive(
                pbkdf2::PBKDF2_HMAC_SHA256,
                iterations,
                salt,
                secret,
                key.as_mut(),
            );
        }
        Kdf::Argon2id { memory_kib, passes } => {
            argon2id(secret, salt, memory_kib, passes, &mut key)?;
        }
    }
    Ok(key)
}

/// RustCrypto's Argon2id (one lane, version 0x13); its working memory is
/// wiped before it is freed.
fn argon2id(
    secret: &[u8],
    salt: &[u8],
    memory_kib: u32,
    passes: u32,
    out: &mut [u8; KEY_LEN],
) -> Result<()> {
    use argon2::{Algorithm, Argon2, Block, Params, Version};
    let params =
        Params::new(memory_kib, passes, 1, Some(KEY_LEN)).map_err(|_| VaultError::Corrupt)?;
    let mut memory = Zeroizing::new(vec![Block::default(); params.block_count()]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into_with_memory(secret, salt, out, memory.as_mut_slice())
        .map_err(|_| VaultError::Crypto)?;
    Ok(())
}
