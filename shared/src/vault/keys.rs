//! The key hierarchy.
//!
//! A random 256-bit data key (DEK) encrypts everything. It is stored only
//! wrapped (sealed with AES-256-GCM) by:
//! - a key derived from the passcode with Argon2id ([`Kdf::CURRENT`]; salt
//!   and cost stored beside the wrap), and
//! - optionally a raw 32-byte platform key kept by the shell in the phone's
//!   keystore, used directly as the wrapping key (it never goes through a KDF).
//!
//! Vaults and backups written before Argon2id used PBKDF2-HMAC-SHA256 at
//! 600,000 iterations: those still open, and a vault moves to Argon2id on its
//! next passcode unlock.
//!
//! From the DEK, HKDF derives the record-sealing key and the blind-index key,
//! so neither is ever used for two purposes.

use std::num::NonZeroU32;

use ring::{aead, hkdf, hmac, pbkdf2, rand::SecureRandom};
use zeroize::Zeroizing;

use super::error::{Result, VaultError};

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
    fn wrap_aad(self, salt: &[u8]) -> Vec<u8> {
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
pub(crate) const SALT_LEN: usize = 16;
pub(crate) const KEY_LEN: usize = 32;
const NONCE_LEN: usize = aead::NONCE_LEN;
const TAG_LEN: usize = 16;

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

/// What the participant unlocks with.
#[derive(Debug)]
pub enum Credential {
    Passcode(Passcode),
    PlatformKey(PlatformKey),
}

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
    pub sealed: Vec<u8>,
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

    pub(crate) fn wrap_with_passcode(
        &self,
        passcode: &Passcode,
        rng: &dyn SecureRandom,
    ) -> Result<Wrap> {
        let mut salt = vec![0u8; SALT_LEN];
        rng.fill(&mut salt).map_err(|_| VaultError::Crypto)?;
        let kdf = Kdf::CURRENT;
        let kek = derive_passcode_key(passcode.as_bytes(), &salt, kdf)?;
        let sealed = seal_key(&kek, &kdf.wrap_aad(&salt), self.raw.as_ref(), rng)?;
        Ok(Wrap {
            salt,
            kdf: Some(kdf),
            sealed,
        })
    }

    pub(crate) fn unwrap_with_passcode(wrap: &Wrap, passcode: &Passcode) -> Result<Self> {
        let kdf = wrap.kdf.ok_or(VaultError::Corrupt)?.checked()?;
        let kek = derive_passcode_key(passcode.as_bytes(), &wrap.salt, kdf)?;
        Self::from_raw(open_key(&kek, &kdf.wrap_aad(&wrap.salt), &wrap.sealed)?)
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
            sealed,
        })
    }

    pub(crate) fn unwrap_with_platform_key(wrap: &Wrap, key: &PlatformKey) -> Result<Self> {
        let kek = aead_key(key.as_bytes())?;
        Self::from_raw(open_key(&kek, PLATFORM_WRAP_AAD, &wrap.sealed)?)
    }
}

const PLATFORM_WRAP_AAD: &[u8] = b"phoenix/wrap/v1/platform";

/// A secret through `kdf` into an AES-256-GCM key. Also used for backups.
pub(crate) fn derive_passcode_key(
    secret: &[u8],
    salt: &[u8],
    kdf: Kdf,
) -> Result<aead::LessSafeKey> {
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
    aead_key(&key)
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

fn aead_key(bytes: &[u8; KEY_LEN]) -> Result<aead::LessSafeKey> {
    let unbound =
        aead::UnboundKey::new(&aead::AES_256_GCM, bytes).map_err(|_| VaultError::Crypto)?;
    Ok(aead::LessSafeKey::new(unbound))
}

fn seal_key(
    kek: &aead::LessSafeKey,
    aad: &[u8],
    dek: &[u8],
    rng: &dyn SecureRandom,
) -> Result<Vec<u8>> {
    let mut nonce = [0u8; NONCE_LEN];
    rng.fill(&mut nonce).map_err(|_| VaultError::Crypto)?;
    let mut sealed = Vec::with_capacity(NONCE_LEN + dek.len() + TAG_LEN);
    sealed.extend_from_slice(&nonce);
    sealed.extend_from_slice(dek);
    let tag = kek
        .seal_in_place_separate_tag(
            aead::Nonce::assume_unique_for_key(nonce),
            aead::Aad::from(aad),
            &mut sealed[NONCE_LEN..],
        )
        .map_err(|_| VaultError::Crypto)?;
    sealed.extend_from_slice(tag.as_ref());
    Ok(sealed)
}

fn open_key(
    kek: &aead::LessSafeKey,
    aad: &[u8],
    sealed: &[u8],
) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    if sealed.len() != NONCE_LEN + KEY_LEN + TAG_LEN {
        return Err(VaultError::Corrupt.into());
    }
    let nonce = aead::Nonce::try_assume_unique_for_key(&sealed[..NONCE_LEN])
        .map_err(|_| VaultError::Corrupt)?;
    let mut buffer = Zeroizing::new(sealed[NONCE_LEN..].to_vec());
    let plain = kek
        .open_in_place(nonce, aead::Aad::from(aad), &mut buffer)
        .map_err(|_| VaultError::WrongCredential)?;
    let mut raw = Zeroizing::new([0u8; KEY_LEN]);
    raw.copy_from_slice(plain);
    Ok(raw)
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
