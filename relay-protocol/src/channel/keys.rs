//! Who is at each end: identity keys, signed one-time keys, the short
//! [`Fingerprint`] an invite carries, the [`Invite`] itself, and the
//! [`verification_code`] both people can compare.

use serde::{Deserialize, Serialize};
use vodozemac::{Curve25519PublicKey, Ed25519PublicKey};

use crate::ProtocolError;
use crate::encoding::decode_array;

/// An account's two public identity keys (base64url), exchanged at pairing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ChannelIdentity {
    /// Ed25519: signs the one-time keys.
    pub signing: String,
    /// Curve25519: Olm's identity key.
    pub agreement: String,
}

/// A one-time key and the Ed25519 signature of its owner's identity over it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedOneTimeKey {
    pub key: String,
    pub signature: String,
}

/// What an inbox publishes through the relay: its identity and one-time
/// keys, each to be claimed by one pairing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyBundle {
    pub identity: ChannelIdentity,
    pub one_time_keys: Vec<SignedOneTimeKey>,
}

/// What the relay hands a pairing participant: the specialist's identity
/// and one one-time key claimed for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimedKeys {
    pub identity: ChannelIdentity,
    pub one_time_key: SignedOneTimeKey,
}

/// Sixteen characters (80 bits of SHA-256 over both identity keys), in
/// Crockford's base32 and four groups: short enough to type from an
/// invite, long enough that no relay can make keys that match it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fingerprint(String);

impl ChannelIdentity {
    pub fn fingerprint(&self) -> Result<Fingerprint, ProtocolError> {
        Ok(Fingerprint::of_keys(
            self.signing_key()?.as_bytes(),
            self.agreement_key()?.as_bytes(),
        ))
    }

    pub(super) fn signing_key(&self) -> Result<Ed25519PublicKey, ProtocolError> {
        Ed25519PublicKey::from_slice(&decode_array::<32>(&self.signing)?)
            .map_err(|_| ProtocolError::Malformed)
    }

    pub(super) fn agreement_key(&self) -> Result<Curve25519PublicKey, ProtocolError> {
        Ok(Curve25519PublicKey::from_bytes(decode_array::<32>(
            &self.agreement,
        )?))
    }

    /// Both keys, for hashing: Ed25519 then Curve25519.
    fn key_bytes(&self) -> Result<[u8; 64], ProtocolError> {
        let mut bytes = [0u8; 64];
        bytes[..32].copy_from_slice(self.signing_key()?.as_bytes());
        bytes[32..].copy_from_slice(self.agreement_key()?.as_bytes());
        Ok(bytes)
    }
}

/// Crockford's base32: no I, L, O or U, so nothing reads as another.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// A fingerprint's symbols: 80 bits.
const FINGERPRINT_SYMBOLS: usize = 16;

/// What someone typed, as Crockford symbols: upper case, without spaces
/// or dashes, O, I and L read as 0, 1 and 1; any other character as `?`.
fn normalized(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && CROCKFORD.contains(&(c as u8)) => c,
            _ => '?',
        })
        .collect()
}

/// Symbols in groups of four joined by dashes.
fn grouped(symbols: &str) -> String {
    symbols
        .as_bytes()
        .chunks(4)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

impl Fingerprint {
    pub(super) fn of_keys(signing: &[u8; 32], agreement: &[u8; 32]) -> Self {
        let mut hashed = ring::digest::Context::new(&ring::digest::SHA256);
        hashed.update(b"phoenix-fingerprint-v1\n");
        hashed.update(signing);
        hashed.update(agreement);
        let digest = hashed.finish();
        let bits = digest.as_ref()[..10]
            .iter()
            .fold(0u128, |bits, &byte| (bits << 8) | u128::from(byte));
        let symbols: String = (0..FINGERPRINT_SYMBOLS)
            .map(|i| {
                let index = (bits >> (5 * (FINGERPRINT_SYMBOLS - 1 - i))) & 31;
                char::from(CROCKFORD[usize::try_from(index).unwrap_or(0)])
            })
            .collect();
        Self(grouped(&symbols))
    }

    /// Reads a fingerprint as typed: case, spaces and dashes do not matter,
    /// and O, I and L read as 0, 1 and 1.
    pub fn parse(typed: &str) -> Result<Self, ProtocolError> {
        let symbols = normalized(typed);
        if symbols.len() != FINGERPRINT_SYMBOLS || symbols.contains('?') {
            return Err(ProtocolError::Malformed);
        }
        Ok(Self(grouped(&symbols)))
    }

    /// `ABCD-EFGH-JKMN-PQRS`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The code both people can read to each other: twelve digits in three
/// groups (`1234 5678 9012`), the first 64 bits of SHA-256 over a domain
/// label and the two identities in a fixed order, reduced to 12 decimal
/// digits. Equal codes mean each side holds the other's real identity keys,
/// so no relay sits in the middle; it is a display of the keys, not a new
/// key exchange. Either end computes it with the identities in either order.
pub fn verification_code(
    one: &ChannelIdentity,
    other: &ChannelIdentity,
) -> Result<String, ProtocolError> {
    let (one, other) = (one.key_bytes()?, other.key_bytes()?);
    let (first, second) = if one <= other {
        (one, other)
    } else {
        (other, one)
    };
    let mut hashed = ring::digest::Context::new(&ring::digest::SHA256);
    hashed.update(b"phoenix-verification-code-v1\n");
    hashed.update(&first);
    hashed.update(&second);
    let digest = hashed.finish();
    let mut leading = [0u8; 8];
    leading.copy_from_slice(&digest.as_ref()[..8]);
    let digits = format!("{:012}", u64::from_be_bytes(leading) % 1_000_000_000_000);
    Ok(format!(
        "{} {} {}",
        &digits[..4],
        &digits[4..8],
        &digits[8..]
    ))
}

/// The signed text of a one-time key: domain, owner's identity, key.
pub(super) fn one_time_key_statement(identity: &ChannelIdentity, key: &str) -> Vec<u8> {
    format!("phoenix-one-time-key-v1\n{}\n{key}", identity.agreement).into_bytes()
}

/// What the inbox shows a participant to pair: the relay's invite code and
/// the inbox's own fingerprint, as one text (and the same text in a QR
/// code): `ABCDE-FGHJK ABCD-EFGH-JKMN-PQRS`. The relay only ever sees the
/// code; the fingerprint lets the participant's device check the keys the
/// relay hands it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    /// The relay's code, as its ten symbols (`ABCDE-FGHJK`).
    pub code: String,
    pub fingerprint: Fingerprint,
}

/// The symbols of an invite code.
const CODE_SYMBOLS: usize = 10;

impl Invite {
    /// Reads an invite as typed: case, spaces and dashes do not matter.
    /// A code without a fingerprint (from before verified keys) is refused.
    pub fn parse(typed: &str) -> Result<Self, ProtocolError> {
        let symbols = normalized(typed);
        if symbols.len() != CODE_SYMBOLS + FINGERPRINT_SYMBOLS || symbols.contains('?') {
            return Err(ProtocolError::Malformed);
        }
        let (code, fingerprint) = symbols.split_at(CODE_SYMBOLS);
        Ok(Self {
            code: format!("{}-{}", &code[..5], &code[5..]),
            fingerprint: Fingerprint::parse(fingerprint)?,
        })
    }
}

impl std::fmt::Display for Invite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code, self.fingerprint)
    }
}
