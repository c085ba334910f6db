//! A device's keys: Ed25519 signs its requests and names its mailbox. The
//! X25519 key beside it is still published (the relay's records name it)
//! but no message uses it: messages travel on the Olm channel
//! ([`crate::channel`]), whose keys are separate. Both are generated on the device and never leave
//! it except as public keys; the secrets are stored in the vault
//! ([`DeviceIdentity::to_secret_bytes`]).

use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{self, Ed25519KeyPair, KeyPair};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::ProtocolError;
use crate::encoding::{decode, decode_array, encode};

/// The secret half of a device.
pub struct DeviceIdentity {
    signing: Ed25519KeyPair,
    /// The PKCS#8 document `signing` was built from (ring cannot export it).
    signing_pkcs8: Zeroizing<Vec<u8>>,
    agreement: x25519_dalek::StaticSecret,
}

impl std::fmt::Debug for DeviceIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceIdentity")
            .field("mailbox", &self.mailbox())
            .finish_non_exhaustive()
    }
}

/// The public half, exchanged at pairing. Base64url in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DevicePublicKeys {
    pub signing: String,
    pub agreement: String,
}

/// Where a device's messages are delivered: derived from its signing key,
/// so a mailbox cannot be claimed without that key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MailboxId(pub String);

impl std::fmt::Display for MailboxId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

const SECRET_FORMAT: u8 = 1;

impl DeviceIdentity {
    pub fn generate() -> Result<Self, ProtocolError> {
        let random = SystemRandom::new();
        let pkcs8 =
            Ed25519KeyPair::generate_pkcs8(&random).map_err(|_| ProtocolError::Randomness)?;
        let mut agreement = Zeroizing::new([0u8; 32]);
        random
            .fill(agreement.as_mut())
            .map_err(|_| ProtocolError::Randomness)?;
        Self::from_parts(pkcs8.as_ref(), &agreement)
    }

    fn from_parts(pkcs8: &[u8], agreement: &[u8; 32]) -> Result<Self, ProtocolError> {
        Ok(Self {
            signing: Ed25519KeyPair::from_pkcs8(pkcs8).map_err(|_| ProtocolError::Malformed)?,
            signing_pkcs8: Zeroizing::new(pkcs8.to_vec()),
            agreement: x25519_dalek::StaticSecret::from(*agreement),
        })
    }

    /// Both secrets, to keep in the vault: a format byte, the PKCS#8
    /// length (two bytes, big-endian), PKCS#8, then the X25519 secret.
    pub fn to_secret_bytes(&self) -> Zeroizing<Vec<u8>> {
        let pkcs8 = self.signing_pkcs8.as_slice();
        let length = u16::try_from(pkcs8.len()).unwrap_or(u16::MAX).to_be_bytes();
        let mut bytes = Zeroizing::new(Vec::with_capacity(3 + pkcs8.len() + 32));
        bytes.push(SECRET_FORMAT);
        bytes.extend_from_slice(&length);
        bytes.extend_from_slice(pkcs8);
        bytes.extend_from_slice(self.agreement.as_bytes());
        bytes
    }

    pub fn from_secret_bytes(bytes: &[u8]) -> Result<Self, ProtocolError> {
        let (&format, rest) = bytes.split_first().ok_or(ProtocolError::Malformed)?;
        if format != SECRET_FORMAT || rest.len() < 2 {
            return Err(ProtocolError::Malformed);
        }
        let length = usize::from(u16::from_be_bytes([rest[0], rest[1]]));
        let rest = &rest[2..];
        if rest.len() != length + 32 {
            return Err(ProtocolError::Malformed);
        }
        let (pkcs8, agreement) = rest.split_at(length);
        let agreement: Zeroizing<[u8; 32]> =
            Zeroizing::new(agreement.try_into().map_err(|_| ProtocolError::Malformed)?);
        Self::from_parts(pkcs8, &agreement)
    }

    pub fn public_keys(&self) -> DevicePublicKeys {
        DevicePublicKeys {
            signing: encode(self.signing.public_key().as_ref()),
            agreement: encode(x25519_dalek::PublicKey::from(&self.agreement).as_bytes()),
        }
    }

    pub fn mailbox(&self) -> MailboxId {
        mailbox_of(self.signing.public_key().as_ref())
    }

    pub(crate) fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.signing.sign(message).as_ref().to_vec()
    }
}

impl DevicePublicKeys {
    pub fn mailbox(&self) -> Result<MailboxId, ProtocolError> {
        Ok(mailbox_of(&decode_array::<32>(&self.signing)?))
    }

    /// The mailbox, once both keys are well-formed (a device whose
    /// agreement key is not 32 bytes could never receive a message).
    pub fn validated_mailbox(&self) -> Result<MailboxId, ProtocolError> {
        decode_array::<32>(&self.agreement)?;
        self.mailbox()
    }

    /// Checks `signature` over `message` with this device's signing key.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> Result<(), ProtocolError> {
        let key = decode(&self.signing)?;
        signature::UnparsedPublicKey::new(&signature::ED25519, key)
            .verify(message, signature)
            .map_err(|_| ProtocolError::BadSignature)
    }
}

/// The first 16 bytes of SHA-256 of the signing key, base64url.
fn mailbox_of(signing_public: &[u8]) -> MailboxId {
    let digest = ring::digest::digest(&ring::digest::SHA256, signing_public);
    MailboxId(encode(&digest.as_ref()[..16]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_identity_survives_its_secret_bytes_and_refuses_damaged_ones() {
        let device = DeviceIdentity::generate().unwrap();
        let bytes = device.to_secret_bytes();
        let again = DeviceIdentity::from_secret_bytes(&bytes).unwrap();
        assert_eq!(again.public_keys(), device.public_keys());
        assert_eq!(again.mailbox(), device.public_keys().mailbox().unwrap());
        assert_eq!(again.mailbox().0.len(), 22);
        for damaged in [&bytes[..bytes.len() - 1], &[], &[2, 0, 0][..]] {
            assert_eq!(
                DeviceIdentity::from_secret_bytes(damaged).unwrap_err(),
                ProtocolError::Malformed
            );
        }
        assert!(
            !format!("{device:?}").contains(&encode(&bytes)),
            "no secret in Debug"
        );
    }
}
