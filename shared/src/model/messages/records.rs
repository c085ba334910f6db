//! The pairing, the messages, and the relay calls in flight: the values this feature keeps, each one vault record (see
//! [`crate::model::record`]). They name no other part of the model but
//! other features' records, so `Data` can hold them without a cycle.

use serde::{Deserialize, Serialize};

use crate::model::record::{Id, Record, decode, record};
use crate::vault::RecordKind;
use relay_protocol::DevicePublicKeys;
use relay_protocol::channel::{ChannelIdentity, Fingerprint};
use zeroize::Zeroizing;

mod earlier;
use earlier::{MessageV1, MessageV2, MessagingV1, MessagingV2, MessagingV3, PairingEndedV1};

/// The pairing and the conversation's bookkeeping: one record, row
/// [`PROFILE_ID`] of the messages table (messages take the other rows).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Messaging {
    /// The relay's base URL, e.g. `https://relay.example.org`.
    pub relay: String,
    /// This device's secret keys (`DeviceIdentity::to_secret_bytes`).
    pub identity: Zeroizing<Vec<u8>>,
    /// The name the participant shared with the specialist.
    pub shared_name: String,
    pub specialist_name: String,
    pub specialist_keys: DevicePublicKeys,
    /// The specialist's channel identity, checked against the invite's
    /// fingerprint at pairing and remembered since.
    pub specialist_identity: ChannelIdentity,
    /// This device's channel account and the channel, each pickled with
    /// `pickle_key` (inside the vault's own encryption). The channel holds
    /// the ratchet and both sequence counters; it is stored again in the
    /// same write as every message it sealed or opened.
    pub account: String,
    pub channel: String,
    pub pickle_key: Zeroizing<[u8; 32]>,
    /// The last relay id fetched.
    pub cursor: i64,
    /// The greeting sealed at pairing (a `SealedMessage` as JSON), kept
    /// until the relay has it: it lets the inbox start its side and answer.
    pub greeting: Option<String>,
    /// Messages that did not open: tampered, not for this device, or from
    /// another session.
    pub dropped: u32,
    /// The specialist's identity this conversation had before, when a later
    /// pairing presented another one (`specialist_identity`): nothing is
    /// sent until the participant confirms the change
    /// (`MessagesEvent::ConfirmSpecialistKey`), after comparing the safety
    /// code with their specialist.
    pub key_changed_from: Option<ChannelIdentity>,
    /// Relay ids of arrivals stored here that the relay has not yet
    /// confirmed deleting: acknowledged again with every fetch until it
    /// answers, so a lost acknowledgement never leaves a ciphertext behind.
    pub unacknowledged: Vec<i64>,
    /// The background check's waiting key (`DeviceIdentity` secret bytes)
    /// while background checks are on: made at pairing, dropped when the
    /// participant turns them off. See `messages/background.rs`.
    pub waiting_key: Option<Zeroizing<Vec<u8>>>,
    /// Whether the relay accepted `waiting_key`: only then does the shell
    /// get the background check's config.
    pub waiting_key_registered: bool,
}

impl std::fmt::Debug for Messaging {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messaging")
            .field("relay", &self.relay)
            .field("cursor", &self.cursor)
            .field("dropped", &self.dropped)
            .field("key_changed", &self.key_changed_from.is_some())
            .finish_non_exhaustive()
    }
}

impl Messaging {
    /// The code both people can compare: from this device's and the
    /// specialist's channel identities (`None` if the account is unreadable).
    pub fn verification_code(&self) -> Option<String> {
        let account =
            relay_protocol::channel::Account::from_pickle(&self.account, &self.pickle_key).ok()?;
        relay_protocol::channel::verification_code(&account.identity(), &self.specialist_identity)
            .ok()
    }

    /// The specialist's identity the participant has trusted: the one
    /// before an unconfirmed change, otherwise the current one.
    pub fn trusted_identity(&self) -> &ChannelIdentity {
        self.key_changed_from
            .as_ref()
            .unwrap_or(&self.specialist_identity)
    }
}

/// Why the participant must pair again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PairAgain {
    /// Restored from a backup, which never carries the channel's keys.
    Restored,
    /// Paired before the secure channel moved to the double ratchet.
    Upgraded,
}

/// What the pairing's row holds when there is no pairing to use: written
/// into backups in place of the pairing, and read from a pairing of the
/// old protocol. Pairing again replaces it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairingEnded {
    /// Tells this body from a pairing's (bincode has no type tags).
    marker: [u8; 8],
    pub specialist_name: String,
    pub why: PairAgain,
    /// The specialist's identity the conversation had (a public key, not
    /// a secret): pairing again with another one shows a warning and
    /// waits for the participant to confirm. `None` for a pairing of the
    /// old protocol.
    pub specialist_identity: Option<ChannelIdentity>,
}

const PAIRING_ENDED: [u8; 8] = *b"PAIRENDx";

impl PairingEnded {
    pub fn new(
        specialist_name: String,
        why: PairAgain,
        specialist_identity: Option<ChannelIdentity>,
    ) -> Self {
        Self {
            marker: PAIRING_ENDED,
            specialist_name,
            why,
            specialist_identity,
        }
    }

    /// The pairing's row, read: a pairing, or why there is none. A pairing
    /// of the old protocol (static keys, no channel) reads as ended by the
    /// upgrade; its secrets are not kept. Each layout is tried newest
    /// first: bincode reads a longer body as an older layout too.
    pub fn read_row(body: &[u8]) -> Option<Result<Messaging, Self>> {
        if let Some(ended) = decode::<Self>(body).filter(|e| e.marker == PAIRING_ENDED) {
            return Some(Err(ended));
        }
        if let Some(old) = decode::<PairingEndedV1>(body).filter(|e| e.marker == PAIRING_ENDED) {
            return Some(Err(Self::new(old.specialist_name, old.why, None)));
        }
        if let Some(messaging) = decode::<Messaging>(body) {
            return Some(Ok(messaging));
        }
        if let Some(messaging) = decode::<MessagingV3>(body) {
            return Some(Ok(messaging.into()));
        }
        if let Some(messaging) = decode::<MessagingV2>(body) {
            return Some(Ok(messaging.into()));
        }
        decode::<MessagingV1>(body)
            .map(|old| Err(Self::new(old.specialist_name, PairAgain::Upgraded, None)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum MessageStatus {
    /// In the outbox, waiting for the relay.
    Queued,
    /// The relay has it.
    Sent,
    /// The specialist's inbox fetched it.
    Delivered,
    /// The specialist opened the conversation.
    Read,
    /// The relay refused it for good (for example after unpairing).
    NotSent,
    /// From the specialist, not yet shown.
    Unread,
    /// From the specialist, shown.
    Received,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub mine: bool,
    pub text: String,
    /// When it was written, by the writer's clock.
    pub at_ms: i64,
    /// The channel's sequence number (mine: sealed; theirs: opened).
    pub sequence: u64,
    /// The relay's id, once it has the message.
    pub relay_id: Option<i64>,
    pub status: MessageStatus,
    /// Mine, until the relay has it: the letter as sealed (a
    /// `SealedMessage` as JSON), so a retry sends the same ciphertext and
    /// never takes a new sequence number.
    pub sealed: Option<String>,
    /// Not a letter but the line that says messages did not arrive: how
    /// many the channel skipped before the next one (0 for a letter).
    pub missing: u64,
    /// Not a message but a shared item (or a request to stop sharing one):
    /// then `text` is the item's envelope as JSON, exactly as sealed.
    pub shared: Option<Shared>,
}

/// What a letter that is not a message carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shared {
    /// An item the participant shared, under its key (`goal:7`, `barc10`).
    Item { key: String },
    /// The participant asked the inbox to remove the item with this key.
    Stop { key: String },
    /// From the specialist, an item this version cannot show.
    Unsupported,
}

impl Message {
    /// The line shown where `missing` of the specialist's messages did not
    /// arrive, just before the letter that came after them.
    pub fn gap(missing: u64, at_ms: i64) -> Self {
        Self {
            mine: false,
            text: String::new(),
            at_ms,
            sequence: 0,
            relay_id: None,
            status: MessageStatus::Received,
            sealed: None,
            missing,
            shared: None,
        }
    }

    /// The key of the item this letter shared or stopped sharing.
    pub fn shared_key(&self) -> Option<&str> {
        match self.shared.as_ref()? {
            Shared::Item { key } | Shared::Stop { key } => Some(key),
            Shared::Unsupported => None,
        }
    }
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Message")
            .field("mine", &self.mine)
            .field("text_len", &self.text.len())
            .field("sequence", &self.sequence)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

/// Which relay call an answer belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Call {
    Pair(Box<PendingPairing>),
    /// The greeting sealed at pairing.
    Greet,
    Send(Id),
    Fetch,
    /// Telling the relay these arrivals are stored: it deletes them.
    Acknowledge(Vec<i64>),
    Receipts,
    Read,
    Unpair,
    /// Registering the background check's waiting key.
    RegisterWaitingKey,
}

/// A pairing waiting for the relay's answer: kept in memory only.
#[derive(Clone, PartialEq, Eq)]
pub struct PendingPairing {
    pub(in crate::model::messages) relay: String,
    pub(in crate::model::messages) identity: Zeroizing<Vec<u8>>,
    pub(in crate::model::messages) name: String,
    /// The fingerprint the invite carried.
    pub(in crate::model::messages) fingerprint: Fingerprint,
    /// This device's new channel account, pickled with `pickle_key`.
    pub(in crate::model::messages) account: String,
    pub(in crate::model::messages) pickle_key: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for PendingPairing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingPairing").finish_non_exhaustive()
    }
}

/// What is on its way to the relay now (in memory; a restart starts over).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Activity {
    pub pairing: bool,
    /// The message on its way (the pairing's row, [`PROFILE_ID`], for the
    /// greeting).
    ///
    /// [`PROFILE_ID`]: crate::model::record::PROFILE_ID
    pub sending: Option<Id>,
    pub fetching: bool,
    /// Failed attempts in a row, and when the outbox may try again.
    pub failures: u32,
    pub retry_at_ms: i64,
    /// The relay could not be reached on the last try.
    pub offline: bool,
    /// Messages from the specialist opened since the app was unlocked.
    pub arrivals: u32,
}

impl Record for Message {
    const KIND: RecordKind = RecordKind::Message;

    /// Reads messages stored before shared items and before the channel
    /// too: their body ends where the new fields begin, so they fail as
    /// this version and read as the earlier one.
    fn from_body(body: &[u8]) -> Option<Self> {
        decode::<Self>(body).or_else(|| {
            decode::<MessageV2>(body)
                .map(Self::from)
                .or_else(|| decode::<MessageV1>(body).map(Self::from))
        })
    }
}

record! {
    Messaging => Message,
}

// What the participant does with secure messages (it lives here, beside
// the records, so `outgoing` and the answers share it without a cycle).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum MessagesEvent {
    /// Pair with the specialist's invite code, through the relay at `relay`.
    Pair {
        relay: String,
        invite: String,
        /// The name to share with the specialist.
        name: String,
    },
    Send(String),
    /// Send what is queued (once its backoff has passed), fetch replies and
    /// receipts. Shells send it when the app comes to the foreground and
    /// every 30 s.
    Sync,
    /// The network is back: send the outbox now, without waiting out the
    /// backoff, then sync.
    Reconnected,
    /// The conversation is on screen: the specialist's messages are read.
    Shown,
    Unpair,
    /// The participant compared the safety code with their specialist and
    /// accepts the specialist's changed security key: sending resumes.
    ConfirmSpecialistKey,
}

impl std::fmt::Debug for MessagesEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Pair { .. } => "Pair",
            Self::Send(_) => "Send",
            Self::Sync => "Sync",
            Self::Reconnected => "Reconnected",
            Self::Shown => "Shown",
            Self::ConfirmSpecialistKey => "ConfirmSpecialistKey",
            Self::Unpair => "Unpair",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pairing record as the static-key protocol stored it.
    #[derive(Serialize)]
    struct OldPairing {
        relay: String,
        identity: Vec<u8>,
        shared_name: String,
        specialist_name: String,
        specialist_keys: DevicePublicKeys,
        cursor: i64,
        next_sequence: u64,
        contiguous: u64,
        ahead: std::collections::BTreeSet<u64>,
        dropped: u32,
    }

    #[test]
    fn a_pairing_from_before_the_channel_reads_as_ended_by_the_upgrade() {
        let old = OldPairing {
            relay: "https://relay.example.org".into(),
            identity: vec![7; 90],
            shared_name: "Sam".into(),
            specialist_name: "Maria R.".into(),
            specialist_keys: DevicePublicKeys {
                signing: "s".repeat(43),
                agreement: "a".repeat(43),
            },
            cursor: 12,
            next_sequence: 4,
            contiguous: 3,
            ahead: [5, 6].into(),
            dropped: 1,
        };
        let body = bincode::serialize(&old).unwrap();
        assert_eq!(
            PairingEnded::read_row(&body),
            Some(Err(PairingEnded::new(
                "Maria R.".into(),
                PairAgain::Upgraded,
                None
            )))
        );
        let ended = PairingEnded::new("Maria R.".into(), PairAgain::Restored, None);
        assert_eq!(
            PairingEnded::read_row(&bincode::serialize(&ended).unwrap()),
            Some(Err(ended))
        );
        assert_eq!(PairingEnded::read_row(b"not a record"), None);
    }

    #[test]
    fn a_pairing_stored_before_the_key_change_was_kept_still_reads() {
        let account = relay_protocol::channel::Account::new();
        let pairing = Messaging {
            relay: "https://relay.example.org".into(),
            identity: Zeroizing::new(vec![7; 90]),
            shared_name: "Sam".into(),
            specialist_name: "Maria R.".into(),
            specialist_keys: DevicePublicKeys {
                signing: "s".repeat(43),
                agreement: "a".repeat(43),
            },
            specialist_identity: account.identity(),
            account: "pickled".into(),
            channel: "pickled".into(),
            pickle_key: Zeroizing::new([3; 32]),
            cursor: 12,
            greeting: None,
            dropped: 1,
            key_changed_from: None,
            unacknowledged: Vec::new(),
            waiting_key: None,
            waiting_key_registered: false,
        };
        // The earlier layouts end where the newer fields begin: the key
        // change's (`None`, one byte; an empty list, its eight-byte
        // length), then the waiting key's (`None` and `false`, a byte each).
        let body = bincode::serialize(&pairing).unwrap();
        assert_eq!(
            PairingEnded::read_row(&body[..body.len() - 2]),
            Some(Ok(pairing.clone()))
        );
        assert_eq!(
            PairingEnded::read_row(&body[..body.len() - 11]),
            Some(Ok(pairing))
        );
        let ended = PairingEnded::new("Maria R.".into(), PairAgain::Restored, None);
        let body = bincode::serialize(&ended).unwrap();
        assert_eq!(
            PairingEnded::read_row(&body[..body.len() - 1]),
            Some(Err(ended))
        );
    }

    #[test]
    fn a_message_stored_before_the_channel_still_reads() {
        #[derive(Serialize)]
        struct OldMessage {
            mine: bool,
            text: String,
            at_ms: i64,
            sequence: u64,
            relay_id: Option<i64>,
            status: MessageStatus,
        }
        let old = OldMessage {
            mine: true,
            text: "I made it".into(),
            at_ms: 5,
            sequence: 1,
            relay_id: Some(9),
            status: MessageStatus::Read,
        };
        let message = Message::from_body(&bincode::serialize(&old).unwrap()).unwrap();
        assert_eq!(
            (
                message.text.as_str(),
                message.status,
                message.sealed,
                message.missing
            ),
            ("I made it", MessageStatus::Read, None, 0)
        );
    }

    #[test]
    fn a_message_stored_before_shared_items_still_reads() {
        let message = Message {
            mine: true,
            text: "I made it".into(),
            at_ms: 5,
            sequence: 1,
            relay_id: Some(9),
            status: MessageStatus::Sent,
            sealed: Some("{}".into()),
            missing: 0,
            shared: None,
        };
        // The earlier layout ends where `shared` (`None`, one byte) begins.
        let body = bincode::serialize(&message).unwrap();
        assert_eq!(Message::from_body(&body[..body.len() - 1]), Some(message));
    }
}
