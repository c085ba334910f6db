//! The specialist's two secrets, derived from their password in the browser
//! (the inbox's wasm) so the relay never receives what unwraps their keys.
//!
//! `Argon2id(NFC(password), salt)` gives 32 bytes of key material; HKDF-SHA-256
//! expands it into two independent 32-byte secrets with distinct labels:
//!
//! - the **login secret**, sent to the relay at sign-in; the relay stores
//!   only its own Argon2id hash of it (as it stored the password before);
//! - the **unwrap secret**, which never leaves the browser and encrypts the
//!   inbox's pickled account, sessions and message history in its storage.
//!
//! Knowing the login secret (or its hash) says nothing about the unwrap
//! secret: HKDF outputs under different labels are independent.
//!
//! The salt is per specialist and handed out by the relay before sign-in
//! ([`salt_for`]): derived from the username, so the relay answers the same
//! way for a name it does not know and reveals nothing about who has an
//! account. The relay's admin commands (`add-specialist`, `set-password`)
//! run the same derivation on the password they are given.

use argon2::{Algorithm, Argon2, Params, Version};
use ring::hkdf::{HKDF_SHA256, KeyType, Salt};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::ProtocolError;
use crate::encoding::encode;

/// Argon2id's memory in KiB, passes and lanes: OWASP's first recommendation
/// (19 MiB, 2 passes, 1 lane), affordable in a browser's wasm.
const ARGON2_MEMORY_KIB: u32 = 19 * 1024;
const ARGON2_PASSES: u32 = 2;
const ARGON2_LANES: u32 = 1;

const LOGIN_LABEL: &[u8] = b"phoenix-inbox-login-v1";
const UNWRAP_LABEL: &[u8] = b"phoenix-inbox-unwrap-v1";
const SALT_LABEL: &str = "phoenix-inbox-salt-v1";

/// The 16-byte salt for `username` (trimmed, lower-cased), base64url.
pub fn salt_for(username: &str) -> String {
    let username = username.trim().to_lowercase();
    let digest = ring::digest::digest(
        &ring::digest::SHA256,
        format!("{SALT_LABEL}\n{username}").as_bytes(),
    );
    encode(&digest.as_ref()[..16])
}

/// Both secrets, zeroized when dropped and never printed.
pub struct InboxSecrets {
    login: Zeroizing<[u8; 32]>,
    unwrap: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for InboxSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InboxSecrets(..)")
    }
}

struct ThirtyTwo;

impl KeyType for ThirtyTwo {
    fn len(&self) -> usize {
        32
    }
}

fn expand(material: &[u8; 32], label: &[u8]) -> Result<Zeroizing<[u8; 32]>, ProtocolError> {
    let mut out = Zeroizing::new([0u8; 32]);
    Salt::new(HKDF_SHA256, &[])
        .extract(material)
        .expand(&[label], ThirtyTwo)
        .and_then(|okm| okm.fill(out.as_mut()))
        .map_err(|_| ProtocolError::Malformed)?;
    Ok(out)
}

impl InboxSecrets {
    /// Derives both secrets from `password` and the relay's `salt` (base64url).
    pub fn derive(password: &str, salt: &str) -> Result<Self, ProtocolError> {
        let salt = crate::encoding::decode(salt)?;
        let password = Zeroizing::new(password.nfc().collect::<String>());
        let params = Params::new(ARGON2_MEMORY_KIB, ARGON2_PASSES, ARGON2_LANES, Some(32))
            .map_err(|_| ProtocolError::Malformed)?;
        let mut material = Zeroizing::new([0u8; 32]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(password.as_bytes(), &salt, material.as_mut())
            .map_err(|_| ProtocolError::Malformed)?;
        Ok(Self {
            login: expand(&material, LOGIN_LABEL)?,
            unwrap: expand(&material, UNWRAP_LABEL)?,
        })
    }

    /// What the browser sends to the relay at sign-in, base64url.
    pub fn login_secret(&self) -> Zeroizing<String> {
        Zeroizing::new(encode(self.login.as_ref()))
    }

    /// The key that wraps the inbox's stored state; stays in the browser.
    pub fn unwrap_key(&self) -> &[u8; 32] {
        &self.unwrap
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_secrets_differ_and_depend_on_password_and_salt() {
        let salt = salt_for("Maria ");
        assert_eq!(salt, salt_for("maria"), "trimmed and lower-cased");
        assert_ne!(salt, salt_for("joe"));
        let secrets = InboxSecrets::derive("a long inbox password", &salt).unwrap();
        let again = InboxSecrets::derive("a long inbox password", &salt).unwrap();
        assert_eq!(*secrets.login_secret(), *again.login_secret());
        assert_eq!(secrets.unwrap_key(), again.unwrap_key());
        assert_ne!(secrets.login.as_ref(), secrets.unwrap_key());
        let other = InboxSecrets::derive("another long password", &salt).unwrap();
        assert_ne!(*secrets.login_secret(), *other.login_secret());
        let elsewhere = InboxSecrets::derive("a long inbox password", &salt_for("joe")).unwrap();
        assert_ne!(secrets.unwrap_key(), elsewhere.unwrap_key());
        assert_eq!(format!("{secrets:?}"), "InboxSecrets(..)");
    }

    #[test]
    fn a_password_typed_composed_or_decomposed_gives_the_same_secrets() {
        let salt = salt_for("maria");
        let composed = InboxSecrets::derive("contrase\u{f1}a segura", &salt).unwrap();
        let decomposed = InboxSecrets::derive("contrasen\u{303}a segura", &salt).unwrap();
        assert_eq!(*composed.login_secret(), *decomposed.login_secret());
    }
}
