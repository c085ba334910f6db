//! The pairing, the messages, and the relay calls in flight: the values this feature keeps, each one vault record (see
//! [`crate::model::record`]). They name no other part of the model but
//! other features' records, so `Data` can hold them without a cycle.

use serde::{Deserialize, Serialize};

use crate::model::record::{Id, record};
use relay_protocol::DevicePublicKeys;
use relay_protocol::channel::{ChannelIdentity, Fingerprint};
use relay_protocol::message::Conversation;
use zeroize::Zeroizing;

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
    /// `pickle_key` (inside the vault's own encryption).
    pub account: String,
    pub channel: String,
    pub pickle_key: Zeroizing<[u8; 32]>,
    /// The last relay id fetched.
    pub cursor: i64,
    /// The next sequence number to seal.
    pub next_sequence: u64,
    /// Which of the specialist's sequence numbers arrived.
    pub incoming: Conversation,
    /// Messages refused: tampered, not for this device, or repeats.
    pub dropped: u32,
}

impl std::fmt::Debug for Messaging {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messaging")
            .field("relay", &self.relay)
            .field("cursor", &self.cursor)
            .field("next_sequence", &self.next_sequence)
            .field("dropped", &self.dropped)
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
    pub sequence: u64,
    /// The relay's id, once it has the message.
    pub relay_id: Option<i64>,
    pub status: MessageStatus,
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
    Send(Id),
    Fetch,
    Receipts,
    Read,
    Unpair,
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
    pub sending: Option<Id>,
    pub fetching: bool,
    /// Failed attempts in a row, and when the outbox may try again.
    pub failures: u32,
    pub retry_at_ms: i64,
    /// The relay could not be reached on the last try.
    pub offline: bool,
}

record! {
    Message => Message,
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
}

impl std::fmt::Debug for MessagesEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Pair { .. } => "Pair",
            Self::Send(_) => "Send",
            Self::Sync => "Sync",
            Self::Reconnected => "Reconnected",
            Self::Shown => "Shown",
            Self::Unpair => "Unpair",
        })
    }
}
