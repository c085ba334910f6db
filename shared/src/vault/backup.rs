//! The portable backup file: every record, sealed as one AES-256-GCM message
//! under a key derived from a passphrase (or a generated recovery key) with
//! Argon2id.
//!
//! Layout: `magic (8) | memory KiB (u32 LE) | passes (u32 LE) | salt (16) |
//! nonce (12) | ciphertext | tag`. Files from before Argon2id (magic ending
//! in 1) have `iterations (u32 LE)` of PBKDF2-HMAC-SHA256 in place of the
//! two costs, and still open.
//! The header is the AAD, so a single AEAD check covers every byte of the
//! file: a truncated, altered or wrong-passphrase file is rejected before
//! anything is parsed or replaced.

use ring::{aead, rand::SecureRandom};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::error::{Result, VaultError};
use super::keys::{self, Kdf, Passcode, SALT_LEN};
use super::record::{RecordKind, StoredRecord};

const MAGIC_PBKDF2: &[u8; 8] = b"PHXBAK\x00\x01";
const MAGIC: &[u8; 8] = b"PHXBAK\x00\x02";
const NONCE_LEN: usize = aead::NONCE_LEN;
const HEADER_LEN_PBKDF2: usize = MAGIC.len() + 4 + SALT_LEN + NONCE_LEN;
const HEADER_LEN: usize = MAGIC.len() + 8 + SALT_LEN + NONCE_LEN;
const TAG_LEN: usize = 16;
const PAYLOAD_FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Payload {
    format: u32,
    records: Vec<(u8, u64, Vec<u8>)>,
}

impl Drop for Payload {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        for (_, _, body) in &mut self.records {
            body.zeroize();
        }
    }
}

fn bincode_options() -> impl bincode::Options {
    use bincode::Options;
    bincode::DefaultOptions::new().with_fixint_encoding()
}

/// Seals `records` into a backup file protected by `passphrase`.
pub(crate) fn seal(
    records: &[StoredRecord],
    passphrase: &Passcode,
    rng: &dyn SecureRandom,
) -> Result<Vec<u8>> {
    use bincode::Options;
    passphrase.check_not_empty()?;
    let payload = Payload {
        format: PAYLOAD_FORMAT,
        records: records
            .iter()
            .map(|record| (record.kind as u8, record.id, record.body.to_vec()))
            .collect(),
    };
    let plaintext = Zeroizing::new(
        bincode_options()
            .serialize(&payload)
            .map_err(|_| VaultError::Storage)?,
    );

    let Kdf::Argon2id { memory_kib, passes } = Kdf::CURRENT else {
        return Err(VaultError::Crypto.into());
    };
    let mut header = Vec::with_capacity(HEADER_LEN);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&memory_kib.to_le_bytes());
    header.extend_from_slice(&passes.to_le_bytes());
    let mut salt = [0u8; SALT_LEN];
    rng.fill(&mut salt).map_err(|_| VaultError::Crypto)?;
    header.extend_from_slice(&salt);
    let mut nonce = [0u8; NONCE_LEN];
    rng.fill(&mut nonce).map_err(|_| VaultError::Crypto)?;
    header.extend_from_slice(&nonce);

    let key = keys::derive_passcode_key(passphrase.as_bytes(), &salt, Kdf::CURRENT)?;
    let mut file = header.clone();
    file.extend_from_slice(&plaintext);
    let tag = key
        .seal_in_place_separate_tag(
            aead::Nonce::assume_unique_for_key(nonce),
            aead::Aad::from(&header),
            &mut file[HEADER_LEN..],
        )
        .map_err(|_| VaultError::Crypto)?;
    file.extend_from_slice(tag.as_ref());
    Ok(file)
}

/// The parts of a backup file, split without any cryptography.
pub(crate) struct Parts<'a> {
    header: &'a [u8],
    kdf: Kdf,
    salt: &'a [u8],
    nonce: [u8; NONCE_LEN],
    sealed: &'a [u8],
}

/// Splits a backup file, refusing anything that is not one (or claims a
/// cost out of bounds) before the (deliberately slow) key derivation runs.
pub(crate) fn split(file: &[u8]) -> Result<Parts<'_>> {
    let header_len = match file.get(..MAGIC.len()) {
        Some(magic) if magic == MAGIC => HEADER_LEN,
        Some(magic) if magic == MAGIC_PBKDF2 => HEADER_LEN_PBKDF2,
        _ => return Err(VaultError::BackupRejected.into()),
    };
    if file.len() < header_len + TAG_LEN {
        return Err(VaultError::BackupRejected.into());
    }
    let (header, sealed) = file.split_at(header_len);
    let number = |at: usize| -> Result<u32> {
        let bytes = header.get(at..at + 4).ok_or(VaultError::BackupRejected)?;
        Ok(u32::from_le_bytes(
            bytes.try_into().map_err(|_| VaultError::BackupRejected)?,
        ))
    };
    let costs_end = header_len - SALT_LEN - NONCE_LEN;
    let kdf = if header_len == HEADER_LEN {
        Kdf::Argon2id {
            memory_kib: number(MAGIC.len())?,
            passes: number(MAGIC.len() + 4)?,
        }
    } else {
        Kdf::Pbkdf2 {
            iterations: number(MAGIC.len())?,
        }
    };
    let kdf = kdf.checked().map_err(|_| VaultError::BackupRejected)?;
    let (salt, nonce) = header[costs_end..].split_at(SALT_LEN);
    Ok(Parts {
        header,
        kdf,
        salt,
        nonce: nonce.try_into().map_err(|_| VaultError::BackupRejected)?,
        sealed,
    })
}

/// Parses an authenticated payload into records.
pub(crate) fn parse_payload(plaintext: &[u8]) -> Result<Vec<StoredRecord>> {
    use bincode::Options;
    let payload: Payload = bincode_options()
        .with_limit(plaintext.len() as u64)
        .deserialize(plaintext)
        .map_err(|_| VaultError::BackupRejected)?;
    if payload.format != PAYLOAD_FORMAT {
        return Err(VaultError::BackupRejected.into());
    }
    payload
        .records
        .iter()
        .map(|(code, id, body)| {
            let kind = RecordKind::from_code(*code).ok_or(VaultError::BackupRejected)?;
            if i64::try_from(*id).is_err() {
                return Err(VaultError::BackupRejected.into());
            }
            Ok(StoredRecord {
                kind,
                id: *id,
                body: Zeroizing::new(body.clone()),
            })
        })
        .collect()
}

/// Verifies and opens a backup file. Nothing is returned unless every byte
/// authenticates and every record parses.
pub(crate) fn open(file: &[u8], passphrase: &Passcode) -> Result<Vec<StoredRecord>> {
    let parts = split(file)?;
    let key = keys::derive_passcode_key(passphrase.as_bytes(), parts.salt, parts.kdf)?;
    let mut buffer = Zeroizing::new(parts.sealed.to_vec());
    let plaintext = key
        .open_in_place(
            aead::Nonce::assume_unique_for_key(parts.nonce),
            aead::Aad::from(parts.header),
            &mut buffer,
        )
        .map_err(|_| VaultError::BackupRejected)?;
    parse_payload(plaintext)
}
