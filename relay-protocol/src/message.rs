//! End-to-end sealed messages between two paired devices.
//!
//! Key: HKDF-SHA-256 over the two devices' static X25519 shared secret, with
//! a fresh random salt per message and both mailboxes in the info, gives a
//! one-message AES-256-GCM key; the nonce is random too. The associated data
//! binds the version and both mailboxes, so a message cannot be redirected
//! or attributed to another sender. The relay stores [`SealedMessage`]s and
//! learns only mailbox ids, sizes and times.
//!
//! Inside, a [`Letter`] carries a per-conversation sequence number: the
//! recipient's [`Conversation`] refuses a replayed message and reports gaps
//! (messages reordered or still on their way).
//!
//! Not yet: forward secrecy. A compromised device key exposes the
//! conversation; a ratchet (or rotating keys at re-pairing) is future work.

use std::collections::BTreeSet;

use ring::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
use ring::hkdf::{HKDF_SHA256, KeyType, Salt};
use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::encoding::{decode, decode_array, encode};
use crate::{DeviceIdentity, DevicePublicKeys, MailboxId, ProtocolError};

pub const VERSION: u8 = 1;
/// The longest message text, in bytes (the relay caps the sealed size too).
pub const MAX_TEXT_BYTES: usize = 16 * 1024;

/// What the relay stores and forwards; opaque to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedMessage {
    pub version: u8,
    pub from: MailboxId,
    pub to: MailboxId,
    pub salt: String,
    pub nonce: String,
    pub ciphertext: String,
}

/// What only the two devices read.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    /// 1, 2, 3... per sender and conversation.
    pub sequence: u64,
    pub sent_at_ms: i64,
    pub text: String,
}

impl std::fmt::Debug for Letter {
    /// The text is participant content: only its length is shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Letter")
            .field("sequence", &self.sequence)
            .field("sent_at_ms", &self.sent_at_ms)
            .field("text_len", &self.text.len())
            .finish()
    }
}

struct MessageKey;

impl KeyType for MessageKey {
    fn len(&self) -> usize {
        32
    }
}

fn context(from: &MailboxId, to: &MailboxId) -> Vec<u8> {
    format!("phoenix-message-v{VERSION}|{from}|{to}").into_bytes()
}

fn message_key(
    shared: &[u8; 32],
    salt: &[u8],
    context: &[u8],
) -> Result<LessSafeKey, ProtocolError> {
    let mut key = Zeroizing::new([0u8; 32]);
    Salt::new(HKDF_SHA256, salt)
        .extract(shared)
        .expand(&[context], MessageKey)
        .and_then(|okm| okm.fill(key.as_mut()))
        .map_err(|_| ProtocolError::Unopenable)?;
    let unbound =
        UnboundKey::new(&AES_256_GCM, key.as_ref()).map_err(|_| ProtocolError::Unopenable)?;
    Ok(LessSafeKey::new(unbound))
}

impl DeviceIdentity {
    /// Seals `letter` for the paired device `to`.
    pub fn seal(
        &self,
        to: &DevicePublicKeys,
        letter: &Letter,
    ) -> Result<SealedMessage, ProtocolError> {
        if letter.text.len() > MAX_TEXT_BYTES {
            return Err(ProtocolError::Malformed);
        }
        let (from, to_mailbox) = (self.mailbox(), to.mailbox()?);
        let random = SystemRandom::new();
        let (mut salt, mut nonce) = ([0u8; 32], [0u8; 12]);
        random
            .fill(&mut salt)
            .map_err(|_| ProtocolError::Randomness)?;
        random
            .fill(&mut nonce)
            .map_err(|_| ProtocolError::Randomness)?;
        let context = context(&from, &to_mailbox);
        let key = message_key(&*self.agree(to)?, &salt, &context)?;
        let mut sealed =
            Zeroizing::new(serde_json::to_vec(letter).map_err(|_| ProtocolError::Malformed)?);
        key.seal_in_place_append_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(&context),
            &mut *sealed,
        )
        .map_err(|_| ProtocolError::Unopenable)?;
        Ok(SealedMessage {
            version: VERSION,
            from,
            to: to_mailbox,
            salt: encode(&salt),
            nonce: encode(&nonce),
            ciphertext: encode(&sealed),
        })
    }

    /// Opens a message the paired device `from` sealed for this device.
    pub fn open(
        &self,
        from: &DevicePublicKeys,
        sealed: &SealedMessage,
    ) -> Result<Letter, ProtocolError> {
        if sealed.version != VERSION {
            return Err(ProtocolError::UnsupportedVersion);
        }
        if sealed.to != self.mailbox() || sealed.from != from.mailbox()? {
            return Err(ProtocolError::Unopenable);
        }
        let context = context(&sealed.from, &sealed.to);
        let key = message_key(&*self.agree(from)?, &decode(&sealed.salt)?, &context)?;
        let nonce = Nonce::assume_unique_for_key(decode_array::<12>(&sealed.nonce)?);
        let mut bytes = Zeroizing::new(decode(&sealed.ciphertext)?);
        let plain = key
            .open_in_place(nonce, Aad::from(&context), &mut bytes)
            .map_err(|_| ProtocolError::Unopenable)?;
        serde_json::from_slice(plain).map_err(|_| ProtocolError::Malformed)
    }
}

/// How a message arrived, for the conversation view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arrival {
    /// The next one expected.
    InOrder,
    /// Later than expected: these earlier ones have not arrived (yet).
    AheadOf { missing: Vec<u64> },
    /// An earlier message that had been missing.
    FillsGap,
}

/// One direction of a conversation, as the recipient tracks it: which
/// sequence numbers arrived, so replays are refused and gaps are visible.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    /// Every sequence number up to here has arrived.
    pub contiguous: u64,
    /// Arrived beyond `contiguous`.
    pub ahead: BTreeSet<u64>,
}

impl Conversation {
    pub fn accept(&mut self, sequence: u64) -> Result<Arrival, ProtocolError> {
        if sequence == 0 || sequence <= self.contiguous || self.ahead.contains(&sequence) {
            return Err(ProtocolError::DuplicateMessage);
        }
        let arrival = if sequence == self.contiguous + 1 {
            if self.ahead.is_empty() {
                Arrival::InOrder
            } else {
                Arrival::FillsGap
            }
        } else if self.ahead.last().is_some_and(|&last| sequence < last) {
            Arrival::FillsGap
        } else {
            Arrival::AheadOf {
                missing: (self.contiguous + 1..sequence)
                    .filter(|s| !self.ahead.contains(s))
                    .collect(),
            }
        };
        self.ahead.insert(sequence);
        while self.ahead.remove(&(self.contiguous + 1)) {
            self.contiguous += 1;
        }
        Ok(arrival)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(sequence: u64, text: &str) -> Letter {
        Letter {
            sequence,
            sent_at_ms: 1_772_452_800_000,
            text: text.into(),
        }
    }

    #[test]
    fn only_the_recipient_opens_a_message_and_any_change_is_detected() {
        let participant = DeviceIdentity::generate().unwrap();
        let specialist = DeviceIdentity::generate().unwrap();
        let stranger = DeviceIdentity::generate().unwrap();
        let sealed = participant
            .seal(
                &specialist.public_keys(),
                &letter(1, "Can you call me tonight?"),
            )
            .unwrap();
        assert!(
            !sealed.ciphertext.contains("call"),
            "no plaintext on the wire"
        );
        let opened = specialist
            .open(&participant.public_keys(), &sealed)
            .unwrap();
        assert_eq!(opened.text, "Can you call me tonight?");
        assert!(!format!("{opened:?}").contains("call"), "no text in Debug");

        assert_eq!(
            stranger
                .open(&participant.public_keys(), &sealed)
                .unwrap_err(),
            ProtocolError::Unopenable,
            "not for this device"
        );
        let mut bytes = decode(&sealed.ciphertext).unwrap();
        bytes[3] ^= 1;
        let tampered = SealedMessage {
            ciphertext: encode(&bytes),
            ..sealed.clone()
        };
        assert_eq!(
            specialist
                .open(&participant.public_keys(), &tampered)
                .unwrap_err(),
            ProtocolError::Unopenable
        );
        let redirected = SealedMessage {
            from: stranger.mailbox(),
            ..sealed.clone()
        };
        assert_eq!(
            specialist
                .open(&stranger.public_keys(), &redirected)
                .unwrap_err(),
            ProtocolError::Unopenable,
            "attributed to another sender"
        );
        let future = SealedMessage {
            version: 2,
            ..sealed
        };
        assert_eq!(
            specialist
                .open(&participant.public_keys(), &future)
                .unwrap_err(),
            ProtocolError::UnsupportedVersion
        );
        let too_long = letter(2, &"x".repeat(MAX_TEXT_BYTES + 1));
        assert_eq!(
            participant
                .seal(&specialist.public_keys(), &too_long)
                .unwrap_err(),
            ProtocolError::Malformed
        );
    }

    #[test]
    fn replays_are_refused_and_gaps_are_reported() {
        let mut conversation = Conversation::default();
        assert_eq!(conversation.accept(1), Ok(Arrival::InOrder));
        assert_eq!(conversation.accept(1), Err(ProtocolError::DuplicateMessage));
        assert_eq!(
            conversation.accept(4),
            Ok(Arrival::AheadOf {
                missing: vec![2, 3]
            })
        );
        assert_eq!(
            conversation.accept(6),
            Ok(Arrival::AheadOf {
                missing: vec![2, 3, 5]
            })
        );
        assert_eq!(conversation.accept(3), Ok(Arrival::FillsGap));
        assert_eq!(conversation.accept(2), Ok(Arrival::FillsGap));
        assert_eq!(conversation.contiguous, 4);
        assert_eq!(conversation.accept(6), Err(ProtocolError::DuplicateMessage));
        assert_eq!(conversation.accept(5), Ok(Arrival::FillsGap));
        assert_eq!(conversation.contiguous, 6);
        assert!(conversation.ahead.is_empty());
        assert_eq!(conversation.accept(4), Err(ProtocolError::DuplicateMessage));
        assert_eq!(conversation.accept(0), Err(ProtocolError::DuplicateMessage));
        assert_eq!(conversation.accept(7), Ok(Arrival::InOrder));
    }
}
