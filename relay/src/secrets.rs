//! The secrets the relay hands out or checks: specialists' passwords
//! (Argon2id), session and CSRF tokens, and invite codes. Tokens and codes
//! are stored only as SHA-256 hashes.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use relay_protocol::encoding::encode;
use ring::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroizing;

/// Crockford's base32 without I, L, O and U: easy to read aloud and to type.
const INVITE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Ten symbols, 50 bits: with single use, expiry and per-address rate
/// limits, guessing a live code is out of reach.
const INVITE_LENGTH: usize = 10;
/// The shortest password an admin may set.
pub const MIN_PASSWORD_CHARS: usize = 12;

pub fn hash_password(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|_| "the password could not be hashed".to_owned())
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash to verify against when the username is unknown, so a login for
/// an unknown name takes as long as one with a wrong password.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password, never valid").unwrap_or_default())
}

fn random_bytes<const N: usize>() -> Zeroizing<[u8; N]> {
    let mut bytes = Zeroizing::new([0u8; N]);
    // The OS generator failing is not recoverable; refuse to serve.
    SystemRandom::new()
        .fill(bytes.as_mut())
        .expect("the operating system's random generator is unavailable");
    bytes
}

/// A random 256-bit token, base64url: session cookies and CSRF tokens.
pub fn token() -> Zeroizing<String> {
    Zeroizing::new(encode(random_bytes::<32>().as_ref()))
}

pub fn sha256(text: &str) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, text.as_bytes())
        .as_ref()
        .to_vec()
}

/// A new invite code, shown as `XXXXX-XXXXX`.
pub fn invite_code() -> String {
    let bytes = random_bytes::<INVITE_LENGTH>();
    let symbols: String = bytes
        .iter()
        .map(|byte| char::from(INVITE_ALPHABET[usize::from(byte & 31)]))
        .collect();
    format!("{}-{}", &symbols[..5], &symbols[5..])
}

/// The code as stored: upper case, without spaces or dashes, with the
/// letters people confuse read as the digits they look like.
pub fn normalize_invite(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_themselves() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse battery!", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn invite_codes_survive_the_ways_people_type_them() {
        let code = invite_code();
        assert_eq!(code.len(), 11);
        let typed = format!(" {} ", code.to_lowercase().replace('-', " "));
        assert_eq!(normalize_invite(&typed), normalize_invite(&code));
        assert_eq!(normalize_invite("abcde-fgh0o"), "ABCDEFGH00");
        assert_ne!(invite_code(), invite_code());
    }
}
