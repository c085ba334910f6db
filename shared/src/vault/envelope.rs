//! The sealed-value format: `version | key id | nonce | ciphertext | tag`.
//!
//! The AAD binds each value to its place — table, row id, column and the
//! AAD layout version — so a ciphertext copied to another row, table or
//! column fails authentication exactly like a flipped bit does.

use ring::{aead, rand::SecureRandom};
use zeroize::Zeroizing;

use super::error::{Result, VaultError};

/// The only envelope layout this code reads or writes. Any other first byte
/// is refused.
pub(crate) const VERSION: u8 = 1;
/// Which data key sealed the value; one key today, room for rotation later.
pub(crate) const KEY_ID: u8 = 1;
/// Version of what the AAD binds. Part of every AAD; bumped only by a
/// migration that re-seals the affected values.
pub(crate) const AAD_SCHEMA: u8 = 1;

const NONCE_LEN: usize = aead::NONCE_LEN;
const TAG_LEN: usize = 16;
pub(crate) const HEADER_LEN: usize = 2 + NONCE_LEN;
pub(crate) const OVERHEAD: usize = HEADER_LEN + TAG_LEN;

/// Where a sealed value lives.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place<'a> {
    pub table: &'a str,
    pub id: u64,
    pub column: &'a str,
}

/// The AAD, built on the stack: this runs once per row on every unlock.
struct AadBuffer {
    bytes: [u8; 96],
    len: usize,
}

impl AadBuffer {
    fn new(place: Place<'_>) -> Self {
        let mut buffer = Self {
            bytes: [0; 96],
            len: 0,
        };
        buffer.push(b"phx");
        buffer.push(&[VERSION, AAD_SCHEMA]);
        buffer.push(place.table.as_bytes());
        buffer.push(&[0]);
        buffer.push(&place.id.to_le_bytes());
        buffer.push(place.column.as_bytes());
        buffer
    }

    fn push(&mut self, part: &[u8]) {
        // Table and column names are short constants; exceeding the buffer is a bug.
        let end = self.len + part.len();
        self.bytes[self.len..end].copy_from_slice(part);
        self.len = end;
    }

    fn aad(&self) -> aead::Aad<&[u8]> {
        aead::Aad::from(&self.bytes[..self.len])
    }
}

/// Seals `plaintext` for `place` under a fresh random nonce.
pub(crate) fn seal(
    key: &aead::LessSafeKey,
    rng: &dyn SecureRandom,
    place: Place<'_>,
    plaintext: &[u8],
) -> Result<Vec<u8>> {
    let mut nonce = [0u8; NONCE_LEN];
    rng.fill(&mut nonce).map_err(|_| VaultError::Crypto)?;
    let mut out = Vec::with_capacity(OVERHEAD + plaintext.len());
    out.extend_from_slice(&[VERSION, KEY_ID]);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(plaintext);
    let tag = key
        .seal_in_place_separate_tag(
            aead::Nonce::assume_unique_for_key(nonce),
            AadBuffer::new(place).aad(),
            &mut out[HEADER_LEN..],
        )
        .map_err(|_| VaultError::Crypto)?;
    out.extend_from_slice(tag.as_ref());
    Ok(out)
}

/// A sealed value as read from its row: the header checked and the nonce
/// kept, the ciphertext and tag copied into the buffer that becomes the
/// plaintext. Splitting where the row is read and opening elsewhere (another
/// thread) costs one copy of the value, as reading a plain column does.
pub(crate) struct Sealed {
    nonce: [u8; NONCE_LEN],
    /// Ciphertext and tag; after [`open_sealed`], the plaintext.
    body: Zeroizing<Vec<u8>>,
}

/// Checks an envelope's header and copies what [`open_sealed`] needs. An
/// unknown version or key id, or a value too short to hold a tag:
/// [`VaultError::Tampered`].
pub(crate) fn split(envelope: &[u8]) -> Result<Sealed> {
    if envelope.len() < OVERHEAD || envelope[0] != VERSION || envelope[1] != KEY_ID {
        return Err(VaultError::Tampered.into());
    }
    let mut nonce = [0u8; NONCE_LEN];
    nonce.copy_from_slice(&envelope[2..HEADER_LEN]);
    let mut body = Zeroizing::new(Vec::with_capacity(envelope.len() - HEADER_LEN));
    body.extend_from_slice(&envelope[HEADER_LEN..]);
    Ok(Sealed { nonce, body })
}

/// Opens a value sealed for `place`, decrypting in place. Any alteration or
/// a move to another place: [`VaultError::Tampered`].
pub(crate) fn open_sealed(
    key: &aead::LessSafeKey,
    place: Place<'_>,
    sealed: Sealed,
) -> Result<Zeroizing<Vec<u8>>> {
    let Sealed { nonce, mut body } = sealed;
    let plain_len = key
        .open_in_place(
            aead::Nonce::assume_unique_for_key(nonce),
            AadBuffer::new(place).aad(),
            &mut body,
        )
        .map_err(|_| VaultError::Tampered)?
        .len();
    body.truncate(plain_len);
    Ok(body)
}

/// Opens an envelope sealed for `place`. Any alteration, a move to another
/// place, an unknown version or key id: [`VaultError::Tampered`].
pub(crate) fn open(
    key: &aead::LessSafeKey,
    place: Place<'_>,
    envelope: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    open_sealed(key, place, split(envelope)?)
}

#[cfg(test)]
mod tests {
    use ring::rand::SystemRandom;

    use super::*;

    fn key() -> aead::LessSafeKey {
        aead::LessSafeKey::new(aead::UnboundKey::new(&aead::AES_256_GCM, &[7; 32]).unwrap())
    }

    const HERE: Place<'static> = Place {
        table: "goals",
        id: 42,
        column: "body",
    };

    #[test]
    fn round_trips_and_hides_the_plaintext() {
        let sealed = seal(&key(), &SystemRandom::new(), HERE, b"walk every evening").unwrap();
        assert!(!sealed.windows(4).any(|w| w == b"walk"));
        assert_eq!(
            &open(&key(), HERE, &sealed).unwrap()[..],
            b"walk every evening"
        );
    }

    #[test]
    fn every_flipped_bit_is_detected() {
        let sealed = seal(&key(), &SystemRandom::new(), HERE, b"call my sponsor").unwrap();
        for index in 0..sealed.len() {
            for bit in 0..8 {
                let mut altered = sealed.clone();
                altered[index] ^= 1 << bit;
                assert!(
                    open(&key(), HERE, &altered).is_err(),
                    "byte {index} bit {bit}"
                );
            }
        }
    }

    #[test]
    fn a_value_moved_to_another_place_does_not_open() {
        let sealed = seal(&key(), &SystemRandom::new(), HERE, b"x").unwrap();
        for elsewhere in [
            Place { id: 43, ..HERE },
            Place {
                table: "triggers",
                ..HERE
            },
            Place {
                column: "title",
                ..HERE
            },
        ] {
            assert!(open(&key(), elsewhere, &sealed).is_err());
        }
    }

    #[test]
    fn unknown_versions_and_short_input_are_rejected() {
        let mut sealed = seal(&key(), &SystemRandom::new(), HERE, b"x").unwrap();
        sealed[0] = 2;
        assert!(open(&key(), HERE, &sealed).is_err());
        assert!(open(&key(), HERE, &[]).is_err());
        assert!(open(&key(), HERE, &[VERSION, KEY_ID, 0, 0]).is_err());
    }
}
