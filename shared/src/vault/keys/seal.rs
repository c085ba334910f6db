//! One key sealed under another with AES-256-GCM: `nonce | ciphertext |
//! tag`, bound to its AAD.

use ring::{aead, rand::SecureRandom};
use zeroize::Zeroizing;

use super::KEY_LEN;
use crate::vault::error::{Result, VaultError};

const NONCE_LEN: usize = aead::NONCE_LEN;
const TAG_LEN: usize = 16;

pub(super) fn aead_key(bytes: &[u8; KEY_LEN]) -> Result<aead::LessSafeKey> {
    let unbound =
        aead::UnboundKey::new(&aead::AES_256_GCM, bytes).map_err(|_| VaultError::Crypto)?;
    Ok(aead::LessSafeKey::new(unbound))
}

pub(super) fn seal_key(
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

pub(super) fn open_key(
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
