//! Contact my peer, securely: pairing with the specialist through the
//! organization's relay, and an end-to-end encrypted conversation.
//!
//! Everything here is pure: it turns events and relay answers into vault
//! changes and [`HttpRequest`]s (built whole, signatures included, with
//! `relay-protocol`); the shell only sends them. Nothing is requested before
//! the participant asks to pair.
//!
//! Delivery: every message is saved in the vault as `Queued` first (the
//! outbox), then sent one at a time in order. A message is re-sent until
//! the relay acknowledges it, with backoff (1 s doubling to 5 min) while
//! the relay is unreachable. A message whose answer was lost can reach the
//! relay twice; the recipient's sequence check drops the copy.

use std::collections::BTreeMap;

use relay_protocol::api::ErrorCode;
use relay_protocol::api::{self, Inbox, PairRequest, Paired, ReadRequest, Receipts, Sent};
use relay_protocol::message::{Conversation, Letter, MAX_TEXT_BYTES};
use relay_protocol::{DeviceIdentity, DevicePublicKeys};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::problem::Problem;
use super::records::{Data, Id, PROFILE_ID, Record, record};
use crate::effects::{HttpHeader, HttpRequest, HttpResult};
use crate::vault::Change;

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

record! {
    Message => Message,
    Messaging => Message,
}

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
    relay: String,
    identity: Zeroizing<Vec<u8>>,
    name: String,
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

/// The longest wait between retries.
const MAX_BACKOFF_MS: i64 = 5 * 60 * 1000;

fn backoff_ms(failures: u32) -> i64 {
    (1000_i64 << failures.min(20).saturating_sub(1)).min(MAX_BACKOFF_MS)
}

/// What an event or answer leads to.
#[derive(Debug, Default)]
pub struct Effects {
    pub changes: Vec<Change>,
    pub requests: Vec<(Call, HttpRequest)>,
}

fn signed(
    identity: &DeviceIdentity,
    relay: &str,
    method: &str,
    path_and_query: &str,
    body: Vec<u8>,
    now_ms: i64,
) -> Result<HttpRequest, Problem> {
    let signature = identity
        .sign_request(method, path_and_query, &body, now_ms)
        .map_err(|_| Problem::RelayRefused)?;
    let mut headers: Vec<HttpHeader> = signature
        .headers()
        .into_iter()
        .map(|(name, value)| HttpHeader {
            name: name.to_owned(),
            value,
        })
        .collect();
    if !body.is_empty() {
        headers.push(HttpHeader {
            name: "content-type".into(),
            value: "application/json".into(),
        });
    }
    Ok(HttpRequest {
        method: method.to_owned(),
        url: format!("{}{path_and_query}", relay.trim_end_matches('/')),
        headers,
        body,
    })
}

fn identity_of(messaging: &Messaging) -> Result<DeviceIdentity, Problem> {
    DeviceIdentity::from_secret_bytes(&messaging.identity).map_err(|_| Problem::RelayRefused)
}

/// A relay address the participant typed: `https://…`, or `http://` for a
/// relay on this machine's loopback (testing).
fn relay_address(typed: &str) -> Result<String, Problem> {
    let relay = typed.trim().trim_end_matches('/');
    let loopback = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
        .iter()
        .any(|prefix| relay.starts_with(prefix));
    let host = relay.strip_prefix("https://").unwrap_or_default();
    if (host.is_empty() || host.contains(['/', '?', '#', ' '])) && !loopback {
        return Err(Problem::RelayAddressInvalid);
    }
    Ok(relay.to_owned())
}

/// Handles a participant's event.
pub fn update(
    event: MessagesEvent,
    data: &mut Data,
    activity: &mut Activity,
    now_ms: i64,
) -> Result<Effects, Problem> {
    let mut effects = Effects::default();
    match event {
        MessagesEvent::Pair {
            relay,
            invite,
            name,
        } => pair(&relay, invite, &name, data, activity, now_ms, &mut effects)?,
        MessagesEvent::Send(text) => {
            let text = text.trim().to_owned();
            if text.is_empty() {
                return Err(Problem::EmptyText);
            }
            if text.len() > MAX_TEXT_BYTES {
                return Err(Problem::OutOfRange);
            }
            let messaging = data.messaging.as_mut().ok_or(Problem::NotPaired)?;
            let message = Message {
                mine: true,
                text,
                at_ms: now_ms,
                sequence: messaging.next_sequence,
                relay_id: None,
                status: MessageStatus::Queued,
            };
            messaging.next_sequence += 1;
            let id = data.allocate_id();
            effects.changes.push(message.put(id));
            effects.changes.push(data.messaging_change());
            data.messages.insert(id, message);
            // A new message is worth trying at once.
            activity.retry_at_ms = now_ms;
            sync(data, activity, now_ms, &mut effects)?;
        }
        MessagesEvent::Sync => {
            if data.messaging.is_some() {
                sync(data, activity, now_ms, &mut effects)?;
            }
        }
        MessagesEvent::Reconnected => {
            if data.messaging.is_some() {
                activity.failures = 0;
                activity.retry_at_ms = now_ms;
                sync(data, activity, now_ms, &mut effects)?;
            }
        }
        MessagesEvent::Shown => mark_shown(data, now_ms, &mut effects)?,
        MessagesEvent::Unpair => {
            let messaging = data.messaging.as_ref().ok_or(Problem::NotPaired)?;
            let identity = identity_of(messaging)?;
            let request = signed(
                &identity,
                &messaging.relay,
                "DELETE",
                api::PAIRING,
                Vec::new(),
                now_ms,
            )?;
            effects.requests.push((Call::Unpair, request));
        }
    }
    Ok(effects)
}

fn pair(
    relay: &str,
    invite: String,
    name: &str,
    data: &Data,
    activity: &mut Activity,
    now_ms: i64,
    effects: &mut Effects,
) -> Result<(), Problem> {
    if data.messaging.is_some() {
        return Err(Problem::AlreadyPaired);
    }
    if activity.pairing {
        return Err(Problem::NotNow);
    }
    let relay = relay_address(relay)?;
    let name = super::goals::required(name)?;
    if invite.trim().is_empty() {
        return Err(Problem::EmptyText);
    }
    let identity = DeviceIdentity::generate().map_err(|_| Problem::RelayRefused)?;
    let body = serde_json::to_vec(&PairRequest {
        invite,
        keys: identity.public_keys(),
        name: name.clone(),
    })
    .map_err(|_| Problem::RelayRefused)?;
    let request = signed(&identity, &relay, "POST", api::PAIRING, body, now_ms)?;
    activity.pairing = true;
    let pending = PendingPairing {
        relay,
        identity: identity.to_secret_bytes(),
        name,
    };
    effects
        .requests
        .push((Call::Pair(Box::new(pending)), request));
    Ok(())
}

/// The specialist's messages on screen are read: locally at once, and the
/// relay is told so their inbox shows it.
fn mark_shown(data: &mut Data, now_ms: i64, effects: &mut Effects) -> Result<(), Problem> {
    let Some(messaging) = &data.messaging else {
        return Ok(());
    };
    let mut ids = Vec::new();
    for (id, message) in &mut data.messages {
        if message.status == MessageStatus::Unread {
            message.status = MessageStatus::Received;
            ids.extend(message.relay_id);
            effects.changes.push(message.put(*id));
        }
    }
    if !ids.is_empty() {
        let body = serde_json::to_vec(&ReadRequest { ids }).map_err(|_| Problem::RelayRefused)?;
        let identity = identity_of(messaging)?;
        let request = signed(&identity, &messaging.relay, "POST", api::READ, body, now_ms)?;
        effects.requests.push((Call::Read, request));
    }
    Ok(())
}

/// Sends the next queued message (if none is on its way and the backoff
/// allows), and fetches replies and receipts.
fn sync(
    data: &mut Data,
    activity: &mut Activity,
    now_ms: i64,
    effects: &mut Effects,
) -> Result<(), Problem> {
    drain(data, activity, now_ms, effects)?;
    let Some(messaging) = &data.messaging else {
        return Ok(());
    };
    let identity = identity_of(messaging)?;
    let get = |path: &str| signed(&identity, &messaging.relay, "GET", path, Vec::new(), now_ms);
    if !activity.fetching {
        activity.fetching = true;
        let path = format!("{}?after={}", api::MESSAGES, messaging.cursor);
        effects.requests.push((Call::Fetch, get(&path)?));
    }
    let awaiting: Vec<String> = data
        .messages
        .values()
        .filter(|m| m.mine && matches!(m.status, MessageStatus::Sent | MessageStatus::Delivered))
        .filter_map(|m| m.relay_id)
        .take(api::PAGE)
        .map(|id| id.to_string())
        .collect();
    if !awaiting.is_empty() {
        let path = format!("{}?ids={}", api::RECEIPTS, awaiting.join(","));
        effects.requests.push((Call::Receipts, get(&path)?));
    }
    Ok(())
}

/// The outbox: the oldest queued message, one at a time.
fn drain(
    data: &Data,
    activity: &mut Activity,
    now_ms: i64,
    effects: &mut Effects,
) -> Result<(), Problem> {
    let Some(messaging) = &data.messaging else {
        return Ok(());
    };
    if activity.sending.is_some() || now_ms < activity.retry_at_ms {
        return Ok(());
    }
    let next = data
        .messages
        .iter()
        .filter(|(_, m)| m.mine && m.status == MessageStatus::Queued)
        .min_by_key(|(_, m)| m.sequence);
    let Some((&id, message)) = next else {
        return Ok(());
    };
    let identity = identity_of(messaging)?;
    let letter = Letter {
        sequence: message.sequence,
        sent_at_ms: message.at_ms,
        text: message.text.clone(),
    };
    let sealed = identity
        .seal(&messaging.specialist_keys, &letter)
        .map_err(|_| Problem::RelayRefused)?;
    let body = serde_json::to_vec(&sealed).map_err(|_| Problem::RelayRefused)?;
    let request = signed(
        &identity,
        &messaging.relay,
        "POST",
        api::MESSAGES,
        body,
        now_ms,
    )?;
    activity.sending = Some(id);
    effects.requests.push((Call::Send(id), request));
    Ok(())
}

/// The relay's error code, if it sent one.
fn error_code(body: &[u8]) -> Option<ErrorCode> {
    serde_json::from_slice::<api::ApiError>(body)
        .map(|error| error.error)
        .ok()
}

/// Handles the relay's answer to `call`.
pub fn answered(
    call: Call,
    result: HttpResult,
    data: &mut Data,
    activity: &mut Activity,
    now_ms: i64,
) -> Result<Effects, Problem> {
    let mut effects = Effects::default();
    let (status, body) = match result {
        HttpResult::Response { status, body } => (status, body),
        HttpResult::Unreachable => (0, Vec::new()),
    };
    activity.offline = status == 0;
    let ok = (200..300).contains(&status);
    match call {
        Call::Pair(pending) => {
            activity.pairing = false;
            paired(*pending, ok, status, &body, data, &mut effects)?;
        }
        Call::Send(id) => {
            activity.sending = None;
            let Some(message) = data.messages.get_mut(&id) else {
                return Ok(effects);
            };
            match status {
                200..=299 => {
                    let sent: Sent =
                        serde_json::from_slice(&body).map_err(|_| Problem::RelayRefused)?;
                    message.status = MessageStatus::Sent;
                    message.relay_id = Some(sent.id);
                    activity.failures = 0;
                    activity.retry_at_ms = now_ms;
                }
                // Offline, busy, a passing relay fault, or a signature the
                // relay could not accept just now (a clock off, a relay that
                // restarted): try again later, signed afresh.
                0 | 401 | 408 | 409 | 429 | 500..=599 => {
                    activity.failures += 1;
                    activity.retry_at_ms = now_ms + backoff_ms(activity.failures);
                    return Ok(effects);
                }
                // Refused for good (not paired any more, too large).
                _ => message.status = MessageStatus::NotSent,
            }
            effects.changes.push(message.put(id));
            drain(data, activity, now_ms, &mut effects)?;
        }
        Call::Fetch => {
            activity.fetching = false;
            if !ok {
                return Ok(effects);
            }
            let inbox: Inbox = serde_json::from_slice(&body).map_err(|_| Problem::RelayRefused)?;
            receive(&inbox, data, &mut effects)?;
            // A full page: there may be more.
            if inbox.messages.len() == api::PAGE {
                sync(data, activity, now_ms, &mut effects)?;
            }
        }
        Call::Receipts => {
            if ok {
                apply_receipts(&body, data, &mut effects)?;
            }
        }
        Call::Read => {}
        Call::Unpair => {
            let gone = ok || error_code(&body) == Some(ErrorCode::NotPaired);
            if !gone {
                return Err(if status == 0 {
                    Problem::RelayUnreachable
                } else {
                    Problem::RelayRefused
                });
            }
            // The keys and the conversation go; the specialist keeps theirs.
            effects.changes.push(Messaging::delete(PROFILE_ID));
            for id in data.messages.keys() {
                effects.changes.push(Message::delete(*id));
            }
            data.messaging = None;
            data.messages.clear();
            *activity = Activity::default();
        }
    }
    Ok(effects)
}

fn paired(
    pending: PendingPairing,
    ok: bool,
    status: u16,
    body: &[u8],
    data: &mut Data,
    effects: &mut Effects,
) -> Result<(), Problem> {
    if !ok {
        return Err(match (status, error_code(body)) {
            (0, _) => Problem::RelayUnreachable,
            (_, Some(ErrorCode::UnknownInvite)) => Problem::InviteUnknown,
            (_, Some(ErrorCode::ExpiredInvite | ErrorCode::UsedInvite)) => Problem::InviteExpired,
            (_, Some(ErrorCode::AlreadyPaired)) => Problem::AlreadyPaired,
            (_, Some(ErrorCode::SpecialistNotReady)) => Problem::SpecialistNotReady,
            _ => Problem::RelayRefused,
        });
    }
    let paired: Paired = serde_json::from_slice(body).map_err(|_| Problem::RelayRefused)?;
    data.messaging = Some(Messaging {
        relay: pending.relay,
        identity: pending.identity,
        shared_name: pending.name,
        specialist_name: paired.specialist_name,
        specialist_keys: paired.specialist_keys,
        cursor: 0,
        next_sequence: 1,
        incoming: Conversation::default(),
        dropped: 0,
    });
    effects.changes.push(data.messaging_change());
    Ok(())
}

/// Moves own messages to Delivered or Read as the relay reports.
fn apply_receipts(body: &[u8], data: &mut Data, effects: &mut Effects) -> Result<(), Problem> {
    let receipts: Receipts = serde_json::from_slice(body).map_err(|_| Problem::RelayRefused)?;
    let by_relay_id: BTreeMap<i64, MessageStatus> = receipts
        .receipts
        .iter()
        .filter_map(|r| {
            let status = if r.read_at_ms.is_some() {
                MessageStatus::Read
            } else if r.delivered_at_ms.is_some() {
                MessageStatus::Delivered
            } else {
                return None;
            };
            Some((r.id, status))
        })
        .collect();
    for (id, message) in &mut data.messages {
        let update = message.relay_id.and_then(|r| by_relay_id.get(&r));
        if let Some(&status) = update
            && message.mine
            && status != message.status
        {
            message.status = status;
            effects.changes.push(message.put(*id));
        }
    }
    Ok(())
}

/// Opens what arrived; refuses tampered, misdirected and repeated messages.
fn receive(inbox: &Inbox, data: &mut Data, effects: &mut Effects) -> Result<(), Problem> {
    let Some(messaging) = data.messaging.as_mut() else {
        return Ok(());
    };
    let Some(last) = inbox.messages.last() else {
        return Ok(());
    };
    messaging.cursor = last.id;
    let identity = identity_of(messaging)?;
    let mut arrived = Vec::new();
    for delivery in &inbox.messages {
        let opened = identity
            .open(&messaging.specialist_keys, &delivery.message)
            .and_then(|letter| messaging.incoming.accept(letter.sequence).map(|_| letter));
        match opened {
            Ok(letter) => arrived.push(Message {
                mine: false,
                text: letter.text,
                at_ms: letter.sent_at_ms,
                sequence: letter.sequence,
                relay_id: Some(delivery.id),
                status: MessageStatus::Unread,
            }),
            Err(_) => messaging.dropped += 1,
        }
    }
    effects.changes.push(data.messaging_change());
    for message in arrived {
        let id = data.allocate_id();
        effects.changes.push(message.put(id));
        data.messages.insert(id, message);
    }
    Ok(())
}

impl Data {
    /// The messaging record as a vault change (it must exist).
    fn messaging_change(&self) -> Change {
        self.messaging.as_ref().map_or_else(
            || Messaging::delete(PROFILE_ID),
            |messaging| messaging.put(PROFILE_ID),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_a_second_to_five_minutes() {
        let waits: Vec<i64> = (1..=12).map(backoff_ms).collect();
        assert_eq!(&waits[..4], &[1000, 2000, 4000, 8000]);
        assert_eq!(waits[11], MAX_BACKOFF_MS);
    }

    #[test]
    fn relay_addresses_must_be_https_or_loopback() {
        assert_eq!(
            relay_address(" https://relay.example.org/ "),
            Ok("https://relay.example.org".into())
        );
        assert_eq!(
            relay_address("http://127.0.0.1:8090"),
            Ok("http://127.0.0.1:8090".into())
        );
        for bad in [
            "http://relay.example.org",
            "relay.example.org",
            "https://",
            "https://a b",
            "ftp://x",
        ] {
            assert_eq!(
                relay_address(bad),
                Err(Problem::RelayAddressInvalid),
                "{bad}"
            );
        }
    }
}
