//! The end-to-end channel between a participant's device and their peer
//! specialist's inbox: Olm 1:1 sessions (the double ratchet) from
//! `vodozemac`, matrix-org's audited implementation. Nothing here is a new
//! protocol: this module chooses Olm's parameters, checks keys before using
//! them, frames and pads the [`Letter`] inside, and keeps the per-direction
//! sequence numbers that show order and gaps.
//!
//! Who does what:
//! - The inbox owns an [`Account`] (an Ed25519 signing key and a Curve25519
//!   identity key, plus one-time keys). It publishes a [`KeyBundle`] through
//!   the relay and puts its [`Fingerprint`] in the invite it shows.
//! - The participant's device owns an [`Account`] too. At pairing the relay
//!   hands it the specialist's identity and one claimed one-time key
//!   ([`ClaimedKeys`]); [`Account::open_channel`] refuses them unless the
//!   identity matches the invite's fingerprint and the one-time key carries
//!   the identity's signature, then starts the outbound [`Channel`] and seals
//!   a greeting ([`Channel::greet`]) so the inbox can answer at once.
//! - The inbox starts its side with [`Account::accept_channel`] from that
//!   first (pre-key) message, given the participant identity the relay
//!   reported at pairing.
//! - Both sides can show the same [`verification_code`], derived from the
//!   two identities, to compare by phone or in person.
//!
//! What the relay sees: mailbox ids, whether a message is the first of a
//! session, its padded size ([`SIZE_BUCKETS`]) and times. Olm authenticates
//! every message; a tampered, replayed or misrouted message does not open
//! and leaves the session as it was.
//!
//! Storage: [`Account::pickle`] and [`Channel::pickle`] encrypt with a
//! 32-byte key the caller supplies (vodozemac's pickle encryption). A
//! channel's pickle also carries the peer's public identity and the two
//! sequence counters in the clear: they are not secret (the relay counts
//! messages anyway), and a caller stores the pickle inside its own
//! encrypted storage.

use serde::{Deserialize, Serialize};
use vodozemac::olm::{self, OlmMessage, SessionConfig};
use vodozemac::{Curve25519PublicKey, Ed25519Signature};
use zeroize::Zeroizing;

use crate::encoding::{decode, decode_array, encode};
use crate::{MailboxId, ProtocolError};

mod keys;
mod letter;

use keys::one_time_key_statement;
pub use keys::{
    ChannelIdentity, ClaimedKeys, Fingerprint, Invite, KeyBundle, SignedOneTimeKey,
    verification_code,
};
pub use letter::{Arrival, Letter, MAX_TEXT_BYTES, ORDER_WINDOW, SIZE_BUCKETS};
use letter::{Order, Received, body_bytes, frame, unframe};

use crate::share::Body;

/// The wire version of a [`SealedMessage`].
pub const VERSION: u8 = 2;
/// A 32-byte key that encrypts pickles; the caller keeps it secret.
pub type PickleKey = [u8; 32];

/// What the relay stores and forwards; opaque to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedMessage {
    pub version: u8,
    pub from: MailboxId,
    pub to: MailboxId,
    /// The first messages of a session (until the sender hears back) carry
    /// the keys that start it: Olm's pre-key messages.
    pub pre_key: bool,
    /// The Olm message, base64url.
    pub ciphertext: String,
}

/// An Olm account: this end's identity and its one-time keys.
pub struct Account {
    olm: olm::Account,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Account")
            .field("identity", &self.identity())
            .finish_non_exhaustive()
    }
}

impl Default for Account {
    fn default() -> Self {
        Self::new()
    }
}

impl Account {
    /// New random identity keys.
    pub fn new() -> Self {
        Self {
            olm: olm::Account::new(),
        }
    }

    pub fn identity(&self) -> ChannelIdentity {
        let keys = self.olm.identity_keys();
        ChannelIdentity {
            signing: encode(keys.ed25519.as_bytes()),
            agreement: encode(keys.curve25519.as_bytes()),
        }
    }

    pub fn fingerprint(&self) -> Fingerprint {
        let keys = self.olm.identity_keys();
        Fingerprint::of_keys(keys.ed25519.as_bytes(), keys.curve25519.as_bytes())
    }

    /// Makes `count` new one-time keys, each signed by this identity, to
    /// publish. Keep the account's pickle after calling: the secret halves
    /// live there until a first message uses them.
    pub fn publish_one_time_keys(&mut self, count: usize) -> Vec<SignedOneTimeKey> {
        let identity = self.identity();
        let created = self.olm.generate_one_time_keys(count).created;
        self.olm.mark_keys_as_published();
        created
            .iter()
            .map(|key| {
                let key = encode(key.as_bytes());
                let signature = self.olm.sign(one_time_key_statement(&identity, &key));
                SignedOneTimeKey {
                    signature: encode(&signature.to_bytes()),
                    key,
                }
            })
            .collect()
    }

    /// The identity and `count` fresh signed one-time keys.
    pub fn bundle(&mut self, count: usize) -> KeyBundle {
        KeyBundle {
            one_time_keys: self.publish_one_time_keys(count),
            identity: self.identity(),
        }
    }

    /// The participant's side: checks the specialist's `claimed` keys
    /// against the invite's `expected` fingerprint and the one-time key's
    /// signature, then starts the channel.
    pub fn open_channel(
        &self,
        claimed: &ClaimedKeys,
        expected: &Fingerprint,
    ) -> Result<Channel, ProtocolError> {
        let peer = &claimed.identity;
        if peer.fingerprint()? != *expected {
            return Err(ProtocolError::FingerprintMismatch);
        }
        let signature = Ed25519Signature::from_slice(&decode(&claimed.one_time_key.signature)?)
            .map_err(|_| ProtocolError::BadSignature)?;
        peer.signing_key()?
            .verify(
                &one_time_key_statement(peer, &claimed.one_time_key.key),
                &signature,
            )
            .map_err(|_| ProtocolError::BadSignature)?;
        let one_time_key =
            Curve25519PublicKey::from_bytes(decode_array::<32>(&claimed.one_time_key.key)?);
        let session = self
            .olm
            .create_outbound_session(
                SessionConfig::version_1(),
                peer.agreement_key()?,
                one_time_key,
            )
            .map_err(|_| ProtocolError::Malformed)?;
        Ok(Channel::new(session, peer.clone()))
    }

    /// The inbox's side: starts the channel from the participant's first
    /// (pre-key) message, which must come from `peer`, the identity the
    /// relay reported at pairing. Uses up the one-time key it names.
    pub fn accept_channel(
        &mut self,
        peer: &ChannelIdentity,
        first: &SealedMessage,
    ) -> Result<(Channel, Arrival), ProtocolError> {
        let OlmMessage::PreKey(message) = first.olm_message()? else {
            return Err(ProtocolError::Unopenable);
        };
        let created = self
            .olm
            .create_inbound_session(SessionConfig::version_1(), peer.agreement_key()?, &message)
            .map_err(|_| ProtocolError::Unopenable)?;
        let mut channel = Channel::new(created.session, peer.clone());
        let arrival = channel.arrive(&Zeroizing::new(created.plaintext))?;
        Ok((channel, arrival))
    }

    /// The account, encrypted with `key`.
    pub fn pickle(&self, key: &PickleKey) -> String {
        self.olm.pickle().encrypt(key)
    }

    pub fn from_pickle(pickle: &str, key: &PickleKey) -> Result<Self, ProtocolError> {
        let pickle = olm::AccountPickle::from_encrypted(pickle, key)
            .map_err(|_| ProtocolError::Unopenable)?;
        Ok(Self {
            olm: olm::Account::from_pickle(pickle),
        })
    }
}

/// One end of an Olm session with its counters.
pub struct Channel {
    session: olm::Session,
    peer: ChannelIdentity,
    /// The last sequence number sealed.
    sent: u64,
    received: Received,
}

impl std::fmt::Debug for Channel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Channel")
            .field("peer", &self.peer)
            .field("sent", &self.sent)
            .finish_non_exhaustive()
    }
}

#[derive(Serialize, Deserialize)]
struct ChannelPickle {
    session: String,
    peer: ChannelIdentity,
    sent: u64,
    received: Received,
}

impl Channel {
    fn new(session: olm::Session, peer: ChannelIdentity) -> Self {
        Self {
            session,
            peer,
            sent: 0,
            received: Received::default(),
        }
    }

    /// The other end's identity.
    pub fn peer(&self) -> &ChannelIdentity {
        &self.peer
    }

    /// The last sequence number this end sealed.
    pub fn last_sent(&self) -> u64 {
        self.sent
    }

    /// Seals the next letter. The sequence number is taken before
    /// encrypting: store this channel's pickle before sending, and a lost
    /// response can never make the next letter reuse it.
    pub fn seal(
        &mut self,
        from: MailboxId,
        to: MailboxId,
        text: &str,
        sent_at_ms: i64,
    ) -> Result<SealedMessage, ProtocolError> {
        self.seal_body(from, to, &Body::Text(text.to_owned()), sent_at_ms)
    }

    /// Seals the next letter with any body: a message's text or a shared
    /// item (frame format 2). Over [`MAX_TEXT_BYTES`] it is refused.
    pub fn seal_body(
        &mut self,
        from: MailboxId,
        to: MailboxId,
        body: &Body,
        sent_at_ms: i64,
    ) -> Result<SealedMessage, ProtocolError> {
        let (format, bytes) = body_bytes(body).ok_or(ProtocolError::Malformed)?;
        self.sent += 1;
        self.seal_frame(from, to, &frame(self.sent, sent_at_ms, format, &bytes))
    }

    /// Seals the greeting (sequence 0, no text) that lets the other end
    /// start its side of a new channel.
    pub fn greet(
        &mut self,
        from: MailboxId,
        to: MailboxId,
        sent_at_ms: i64,
    ) -> Result<SealedMessage, ProtocolError> {
        let (format, empty) =
            body_bytes(&Body::Text(String::new())).ok_or(ProtocolError::Malformed)?;
        self.seal_frame(from, to, &frame(0, sent_at_ms, format, &empty))
    }

    fn seal_frame(
        &mut self,
        from: MailboxId,
        to: MailboxId,
        framed: &[u8],
    ) -> Result<SealedMessage, ProtocolError> {
        let (kind, ciphertext) = self
            .session
            .encrypt(framed)
            .map_err(|_| ProtocolError::Malformed)?
            .to_parts();
        Ok(SealedMessage {
            version: VERSION,
            from,
            to,
            pre_key: kind == 0,
            ciphertext: encode(&ciphertext),
        })
    }

    /// Opens a message from the other end. A message that does not open
    /// (tampered, for another session) is an error and changes nothing; a
    /// replayed one is [`Arrival::Duplicate`].
    pub fn open(&mut self, sealed: &SealedMessage) -> Result<Arrival, ProtocolError> {
        let message = sealed.olm_message()?;
        match self.session.decrypt(&message) {
            Ok(plain) => self.arrive(&Zeroizing::new(plain)),
            Err(olm::DecryptionError::MissingMessageKey(_)) => Ok(Arrival::Duplicate),
            Err(_) => Err(ProtocolError::Unopenable),
        }
    }

    fn arrive(&mut self, plain: &[u8]) -> Result<Arrival, ProtocolError> {
        let letter = unframe(plain)?;
        if letter.is_greeting() {
            return Ok(Arrival::Arrived(letter));
        }
        Ok(match self.received.accept(letter.sequence) {
            Order::Next => Arrival::Arrived(letter),
            Order::After { missing } => Arrival::Gap { missing, letter },
            Order::Again => Arrival::Duplicate,
        })
    }

    /// The channel, its session encrypted with `key`.
    pub fn pickle(&self, key: &PickleKey) -> String {
        let pickle = ChannelPickle {
            session: self.session.pickle().encrypt(key),
            peer: self.peer.clone(),
            sent: self.sent,
            received: self.received,
        };
        serde_json::to_string(&pickle).unwrap_or_default()
    }

    pub fn from_pickle(pickle: &str, key: &PickleKey) -> Result<Self, ProtocolError> {
        let pickle: ChannelPickle =
            serde_json::from_str(pickle).map_err(|_| ProtocolError::Malformed)?;
        let session = olm::SessionPickle::from_encrypted(&pickle.session, key)
            .map_err(|_| ProtocolError::Unopenable)?;
        Ok(Self {
            session: olm::Session::from_pickle(session),
            peer: pickle.peer,
            sent: pickle.sent,
            received: pickle.received,
        })
    }
}

impl SealedMessage {
    fn olm_message(&self) -> Result<OlmMessage, ProtocolError> {
        if self.version != VERSION {
            return Err(ProtocolError::UnsupportedVersion);
        }
        let kind = usize::from(!self.pre_key);
        OlmMessage::from_parts(kind, &decode(&self.ciphertext)?)
            .map_err(|_| ProtocolError::Malformed)
    }

    /// The ciphertext's length in bytes, as the relay checks it.
    pub fn ciphertext_len(&self) -> Result<usize, ProtocolError> {
        Ok(decode(&self.ciphertext)?.len())
    }
}

#[cfg(test)]
mod tests;
