//! The layouts the messages feature's records had before: each is read
//! when the current layout does not fit (bincode reads a longer body as an
//! older layout too, so the caller tries newest first) and converted.

use serde::Deserialize;
use zeroize::Zeroizing;

use super::{ChannelIdentity, DevicePublicKeys, Message, MessageStatus, Messaging, PairAgain};

/// The pairing record before the waiting key: its body ends where those
/// fields begin. Read with background checks off.
#[derive(Deserialize)]
pub(super) struct MessagingV3 {
    pub(super) relay: String,
    pub(super) identity: Zeroizing<Vec<u8>>,
    pub(super) shared_name: String,
    pub(super) specialist_name: String,
    pub(super) specialist_keys: DevicePublicKeys,
    pub(super) specialist_identity: ChannelIdentity,
    pub(super) account: String,
    pub(super) channel: String,
    pub(super) pickle_key: Zeroizing<[u8; 32]>,
    pub(super) cursor: i64,
    pub(super) greeting: Option<String>,
    pub(super) dropped: u32,
    pub(super) key_changed_from: Option<ChannelIdentity>,
    pub(super) unacknowledged: Vec<i64>,
}

impl From<MessagingV3> for Messaging {
    fn from(old: MessagingV3) -> Self {
        Self {
            relay: old.relay,
            identity: old.identity,
            shared_name: old.shared_name,
            specialist_name: old.specialist_name,
            specialist_keys: old.specialist_keys,
            specialist_identity: old.specialist_identity,
            account: old.account,
            channel: old.channel,
            pickle_key: old.pickle_key,
            cursor: old.cursor,
            greeting: old.greeting,
            dropped: old.dropped,
            key_changed_from: old.key_changed_from,
            unacknowledged: old.unacknowledged,
            waiting_key: None,
            waiting_key_registered: false,
        }
    }
}

/// The pairing record before the specialist's key change and the pending
/// acknowledgements were kept: its body ends where those fields begin.
#[derive(Deserialize)]
pub(super) struct MessagingV2 {
    pub(super) relay: String,
    pub(super) identity: Zeroizing<Vec<u8>>,
    pub(super) shared_name: String,
    pub(super) specialist_name: String,
    pub(super) specialist_keys: DevicePublicKeys,
    pub(super) specialist_identity: ChannelIdentity,
    pub(super) account: String,
    pub(super) channel: String,
    pub(super) pickle_key: Zeroizing<[u8; 32]>,
    pub(super) cursor: i64,
    pub(super) greeting: Option<String>,
    pub(super) dropped: u32,
}

impl From<MessagingV2> for Messaging {
    fn from(old: MessagingV2) -> Self {
        Self {
            relay: old.relay,
            identity: old.identity,
            shared_name: old.shared_name,
            specialist_name: old.specialist_name,
            specialist_keys: old.specialist_keys,
            specialist_identity: old.specialist_identity,
            account: old.account,
            channel: old.channel,
            pickle_key: old.pickle_key,
            cursor: old.cursor,
            greeting: old.greeting,
            dropped: old.dropped,
            key_changed_from: None,
            unacknowledged: Vec::new(),
            waiting_key: None,
            waiting_key_registered: false,
        }
    }
}

/// The marker before the specialist's identity was kept: its body ends
/// where that field begins.
#[derive(Deserialize)]
pub(super) struct PairingEndedV1 {
    pub(super) marker: [u8; 8],
    pub(super) specialist_name: String,
    pub(super) why: PairAgain,
}

/// The pairing record before the channel: static keys and counters.
#[derive(Deserialize)]
pub(super) struct MessagingV1 {
    pub(super) _relay: String,
    pub(super) _identity: Zeroizing<Vec<u8>>,
    pub(super) _shared_name: String,
    pub(super) specialist_name: String,
    pub(super) _specialist_keys: DevicePublicKeys,
    pub(super) _cursor: i64,
    pub(super) _next_sequence: u64,
    /// The old `Conversation`: contiguous, then the numbers ahead of it.
    pub(super) _contiguous: u64,
    pub(super) _ahead: std::collections::BTreeSet<u64>,
    pub(super) _dropped: u32,
}

/// The message record before shared items (no `shared`).
#[derive(Deserialize)]
pub(super) struct MessageV2 {
    pub(super) mine: bool,
    pub(super) text: String,
    pub(super) at_ms: i64,
    pub(super) sequence: u64,
    pub(super) relay_id: Option<i64>,
    pub(super) status: MessageStatus,
    pub(super) sealed: Option<String>,
    pub(super) missing: u64,
}

/// The message record before the channel (no `sealed`, no `missing`).
#[derive(Deserialize)]
pub(super) struct MessageV1 {
    pub(super) mine: bool,
    pub(super) text: String,
    pub(super) at_ms: i64,
    pub(super) sequence: u64,
    pub(super) relay_id: Option<i64>,
    pub(super) status: MessageStatus,
}

impl From<MessageV1> for Message {
    fn from(v1: MessageV1) -> Self {
        Self {
            mine: v1.mine,
            text: v1.text,
            at_ms: v1.at_ms,
            sequence: v1.sequence,
            relay_id: v1.relay_id,
            status: v1.status,
            sealed: None,
            missing: 0,
            shared: None,
        }
    }
}

impl From<MessageV2> for Message {
    fn from(v2: MessageV2) -> Self {
        Self {
            mine: v2.mine,
            text: v2.text,
            at_ms: v2.at_ms,
            sequence: v2.sequence,
            relay_id: v2.relay_id,
            status: v2.status,
            sealed: v2.sealed,
            missing: v2.missing,
            shared: None,
        }
    }
}
