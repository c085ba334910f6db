//! The portable backup file: every record, sealed as one AES-256-GCM message
//! under a key derived from a passphrase (PBKDF2-HMAC-SHA256, 600,000
//! iterations).
//!
//! Layout: `magic (8) | iterations (u32 LE) | salt (16) | nonce (12) | ciphertext | tag`.
//! The header is the AAD, so a single AEAD check covers every byte of the
//! file: a truncated, altered or wrong-passphrase file is rejected before
//! anything is parsed or replaced.

use ring::{aead, rand::SecureRandom};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::error::{Result, VaultError};
use super::keys::{self, MAX_PBKDF2_ITERATIONS, PBKDF2_ITERATIONS, Passcode, SALT_LEN};
use super::record::{RecordKind, StoredRecord};

const MAGIC: &[u8; 8] = b"PHXBAK\x00\x01";
const NONCE_LEN: usize = aead::NONCE_LEN;
const HEADER_LEN: usize = MAGIC.len() + 4 + SALT_LEN + NONCE_LEN;
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

    let mut header = Vec::with_capacity(HEADER_LEN);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&PBKDF2_ITERATIONS.to_le_bytes());
    let mut salt = [0u8; SALT_LEN];
    rng.fill(&mut salt).map_err(|_| VaultError::Crypto)?;
    header.extend_from_slice(&salt);
    let mut nonce = [0u8; NONCE_LEN];
    rng.fill(&mut nonce).map_err(|_| VaultError::Crypto)?;
    header.extend_from_slice(&nonce);

    let key = keys::derive_passcode_key(passphrase.as_bytes(), &salt, PBKDF2_ITERATIONS)?;
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

/// Verifies and opens a backup file. Nothing is returned unless every byte
/// authenticates and every record parses.
pub(crate) fn open(file: &[u8], passphrase: &Passcode) -> Result<Vec<StoredRecord>> {
    use bincode::Options;
    if file.len() < HEADER_LEN + TAG_LEN || &file[..MAGIC.len()] != MAGIC {
        return Err(VaultError::BackupRejected.into());
    }
    let (header, sealed) = file.split_at(HEADER_LEN);
    let iterations = u32::from_le_bytes(header[8..12].try_into().expect("4 bytes"));
    if !(PBKDF2_ITERATIONS..=MAX_PBKDF2_ITERATIONS).contains(&iterations) {
        return Err(VaultError::BackupRejected.into());
    }
    let salt = &header[12..12 + SALT_LEN];
    let nonce = aead::Nonce::try_assume_unique_for_key(&header[12 + SALT_LEN..])
        .map_err(|_| VaultError::BackupRejected)?;
    let key = keys::derive_passcode_key(passphrase.as_bytes(), salt, iterations)?;
    let mut buffer = Zeroizing::new(sealed.to_vec());
    let plaintext = key
        .open_in_place(nonce, aead::Aad::from(header), &mut buffer)
        .map_err(|_| VaultError::BackupRejected)?;
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
            Ok(StoredRecord {
                kind,
                id: *id,
                body: Zeroizing::new(body.clone()),
            })
        })
        .collect()
}
