//! [`Keyring`]: the specialist's password turned into the login secret (for
//! the relay) and the unwrap key (kept here), and everything the inbox
//! keeps in the browser's storage sealed under that key.
//!
//! A sealed item is base64url of a random 12-byte nonce then AES-256-GCM
//! ciphertext; the associated data names the item (`device`, `history`…),
//! so one stored item cannot be swapped for another.

use relay_protocol::ProtocolError;
use relay_protocol::encoding::{decode, encode};
use relay_protocol::inbox_secrets::InboxSecrets;
use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroizing;

const CONTEXT: &str = "phoenix-inbox-store-v1";

/// The two password-derived secrets; the unwrap key never leaves it.
pub struct Keyring {
    secrets: InboxSecrets,
    /// Encrypts the Olm pickles (vodozemac's own pickle encryption) inside
    /// the sealed state: HKDF of the unwrap key under its own label.
    pickle: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keyring(..)")
    }
}

struct ThirtyTwo;

impl ring::hkdf::KeyType for ThirtyTwo {
    fn len(&self) -> usize {
        32
    }
}

fn aad(item: &str) -> Vec<u8> {
    format!("{CONTEXT}|{item}").into_bytes()
}

impl Keyring {
    /// Argon2id and HKDF over the password (see `relay_protocol::inbox_secrets`).
    pub fn unlock(password: &str, salt: &str) -> Result<Self, ProtocolError> {
        let secrets = InboxSecrets::derive(password, salt)?;
        let mut pickle = Zeroizing::new([0u8; 32]);
        ring::hkdf::Salt::new(ring::hkdf::HKDF_SHA256, &[])
            .extract(secrets.unwrap_key())
            .expand(&[b"phoenix-inbox-pickle-v1"], ThirtyTwo)
            .and_then(|okm| okm.fill(pickle.as_mut()))
            .map_err(|_| ProtocolError::Malformed)?;
        Ok(Self { secrets, pickle })
    }

    /// The key the Olm account's and channels' pickles are encrypted with.
    pub fn pickle_key(&self) -> &[u8; 32] {
        &self.pickle
    }

    /// What the relay checks at sign-in; it cannot unwrap anything.
    pub fn login_secret(&self) -> Zeroizing<String> {
        self.secrets.login_secret()
    }

    fn key(&self) -> Result<LessSafeKey, ProtocolError> {
        UnboundKey::new(&AES_256_GCM, self.secrets.unwrap_key())
            .map(LessSafeKey::new)
            .map_err(|_| ProtocolError::Malformed)
    }

    /// Seals `plain` as the stored item `item`.
    pub fn seal(&self, item: &str, plain: &[u8]) -> Result<String, ProtocolError> {
        let mut nonce = [0u8; NONCE_LEN];
        SystemRandom::new()
            .fill(&mut nonce)
            .map_err(|_| ProtocolError::Randomness)?;
        let mut sealed = Zeroizing::new(plain.to_vec());
        self.key()?
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad(item)),
                &mut *sealed,
            )
            .map_err(|_| ProtocolError::Unopenable)?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Ok(encode(&out))
    }

    /// Opens the stored item `item`; refuses another password's, another
    /// item's or a damaged one.
    pub fn open(&self, item: &str, sealed: &str) -> Result<Zeroizing<Vec<u8>>, ProtocolError> {
        let bytes = decode(sealed)?;
        if bytes.len() < NONCE_LEN {
            return Err(ProtocolError::Malformed);
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let nonce =
            Nonce::try_assume_unique_for_key(nonce).map_err(|_| ProtocolError::Malformed)?;
        let mut buffer = Zeroizing::new(ciphertext.to_vec());
        let plain_len = self
            .key()?
            .open_in_place(nonce, Aad::from(aad(item)), &mut buffer)
            .map_err(|_| ProtocolError::Unopenable)?
            .len();
        buffer.truncate(plain_len);
        Ok(buffer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use relay_protocol::inbox_secrets::salt_for;

    #[test]
    fn a_sealed_item_opens_only_with_the_same_password_and_name() {
        let salt = salt_for("maria");
        let keyring = Keyring::unlock("a long inbox password", &salt).unwrap();
        let sealed = keyring.seal("history", b"Proud of you").unwrap();
        assert!(!sealed.contains("Proud"));
        assert_eq!(
            keyring.open("history", &sealed).unwrap().as_slice(),
            b"Proud of you"
        );
        assert_eq!(
            keyring.open("device", &sealed).unwrap_err(),
            ProtocolError::Unopenable,
            "another item's slot"
        );
        let other = Keyring::unlock("another long password", &salt).unwrap();
        assert_eq!(
            other.open("history", &sealed).unwrap_err(),
            ProtocolError::Unopenable
        );
        assert_eq!(
            keyring.open("history", "AAAA").unwrap_err(),
            ProtocolError::Malformed
        );
        assert_ne!(
            *keyring.login_secret(),
            encode(keyring.secrets.unwrap_key())
        );
    }
}
