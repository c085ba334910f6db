//! Contact my peer, securely: pairing with the specialist through the
//! organization's relay, and an end-to-end encrypted conversation.
//!
//! Everything here is pure: it turns events and relay answers into vault
//! changes and [`HttpRequest`]s (built whole, signatures included, with
//! `relay-protocol`); the shell only sends them. Nothing is requested before
//! the participant asks to pair.
//!
//! The channel: an Olm session (`relay_protocol::channel`) pickled in the
//! pairing record. Every letter is sealed when it is written, and the
//! message (`Queued`, with its sealed letter: the outbox) is saved in the
//! same write as the advanced channel, before anything is sent; then the
//! outbox is sent one at a time in order. A message is re-sent, the same
//! ciphertext, until the relay has it, with backoff (1 s doubling to 5 min)
//! while the relay is unreachable. A message whose answer was lost can reach
//! the relay twice; the recipient's channel drops the copy.
//!
//! Arrivals are opened with the stored channel, which is saved again in the
//! same write as the messages it opened; then the relay is told they are
//! stored (`POST /v1/messages/ack`) and deletes them. A duplicate is dropped
//! silently; a gap shows a line saying messages did not arrive; a letter
//! that does not open is counted and skipped.

use std::collections::BTreeMap;

use relay_protocol::DeviceIdentity;
use relay_protocol::api::{self, ErrorCode, Inbox, Paired, Receipts, Sent};
use relay_protocol::channel::{Account as ChannelAccount, Arrival, Letter};

use super::problem::Problem;
use super::record::{PROFILE_ID, Record};
use super::{Context, Data, Unlocked, Update};
use crate::effects::HttpResult;

pub mod background;
mod outgoing;

pub(crate) use outgoing::queue;
pub use outgoing::update;
use outgoing::{acknowledge, backoff_ms, channel_of, drain, sync};

pub mod records;

/// How often the shells ask the core to sync (send the outbox, fetch
/// replies) while the app is open: `MessagesEvent::Sync`.
pub const SYNC_EVERY_SECS: u32 = 30;

pub use records::*;

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
    unlocked: &mut Unlocked,
    cx: &Context<'_>,
) -> Result<Update, Problem> {
    let (data, activity, now_ms) = (&mut unlocked.data, &mut unlocked.relay, cx.now_ms);
    let mut effects = Update::default();
    let (status, body) = match result {
        HttpResult::Response { status, body } => (status, body),
        HttpResult::Unreachable => (0, Vec::new()),
    };
    activity.offline = status == 0;
    let ok = (200..300).contains(&status);
    match call {
        Call::Pair(pending) => {
            activity.pairing = false;
            paired(*pending, ok, status, &body, data, now_ms, &mut effects)?;
            drain(data, activity, now_ms, &mut effects)?;
        }
        Call::Greet => {
            activity.sending = None;
            let Some(messaging) = data.messaging.as_mut() else {
                return Ok(effects);
            };
            if retry_later(status) {
                activity.failures += 1;
                activity.retry_at_ms = now_ms + backoff_ms(activity.failures);
                return Ok(effects);
            }
            // Delivered, or refused for good: either way it is not re-sent
            // (the first letter starts the inbox's side just as well).
            messaging.greeting = None;
            activity.failures = 0;
            effects.changes.push(data.messaging_change());
            drain(data, activity, now_ms, &mut effects)?;
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
                    message.sealed = None;
                    activity.failures = 0;
                    activity.retry_at_ms = now_ms;
                }
                // Offline, busy, a passing relay fault, or a signature the
                // relay could not accept just now (a clock off, a relay that
                // restarted): try again later, signed afresh.
                _ if retry_later(status) => {
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
            activity.arrivals =
                activity
                    .arrivals
                    .saturating_add(receive(&inbox, data, &mut effects)?);
            // Sent after this write: the host applies the vault changes
            // before it hands the shell any request. Earlier ones whose
            // answer was lost go again.
            if let Some(messaging) = &data.messaging {
                acknowledge(messaging, now_ms, &mut effects)?;
            }
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
        Call::Acknowledge(ids) => acknowledged(&ids, status, data, &mut effects),
        Call::RegisterWaitingKey => {
            background::registered(ok, retry_later(status), data, &mut effects);
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

/// The relay answered an acknowledgement of `ids`. They are kept for the
/// next fetch while the relay cannot answer; once it has (even to refuse
/// for good), there is nothing to retry.
fn acknowledged(ids: &[i64], status: u16, data: &mut Data, effects: &mut Update) {
    if let Some(messaging) = data.messaging.as_mut()
        && !retry_later(status)
    {
        messaging.unacknowledged.retain(|id| !ids.contains(id));
        effects.changes.push(data.messaging_change());
    }
}

/// Offline, busy, a passing relay fault, or a signature the relay could not
/// accept just now (a clock off, a relay that restarted): worth another try,
/// signed afresh.
fn retry_later(status: u16) -> bool {
    matches!(status, 0 | 401 | 408 | 409 | 429 | 500..=599)
}

fn paired(
    pending: PendingPairing,
    ok: bool,
    status: u16,
    body: &[u8],
    data: &mut Data,
    now_ms: i64,
    effects: &mut Update,
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
    // The relay chose these keys: they must be the ones the invite names.
    let account = ChannelAccount::from_pickle(&pending.account, &pending.pickle_key)
        .map_err(|_| Problem::RelayRefused)?;
    let mut channel = account
        .open_channel(&paired.specialist_channel, &pending.fingerprint)
        .map_err(|_| Problem::SpecialistKeyMismatch)?;
    let me = DeviceIdentity::from_secret_bytes(&pending.identity)
        .map_err(|_| Problem::RelayRefused)?
        .mailbox();
    let specialist = paired
        .specialist_keys
        .mailbox()
        .map_err(|_| Problem::RelayRefused)?;
    let greeting = channel
        .greet(me, specialist, now_ms)
        .map_err(|_| Problem::RelayRefused)?;
    let greeting = serde_json::to_string(&greeting).map_err(|_| Problem::RelayRefused)?;
    // The same conversation, paired again (after a restore): a specialist
    // identity other than the one it had waits for the participant.
    let identity = paired.specialist_channel.identity;
    let key_changed_from = data
        .pairing_ended
        .as_ref()
        .and_then(|ended| ended.specialist_identity.clone())
        .filter(|before| *before != identity);
    let mut messaging = Messaging {
        relay: pending.relay,
        identity: pending.identity,
        shared_name: pending.name,
        specialist_name: paired.specialist_name,
        specialist_keys: paired.specialist_keys,
        specialist_identity: identity,
        account: pending.account,
        channel: channel.pickle(&pending.pickle_key),
        pickle_key: pending.pickle_key,
        cursor: 0,
        greeting: Some(greeting),
        dropped: 0,
        key_changed_from,
        unacknowledged: Vec::new(),
        waiting_key: None,
        waiting_key_registered: false,
    };
    // Background checks are on once paired: a waiting key, registered.
    background::register_new_key(&mut messaging, now_ms, effects)?;
    data.messaging = Some(messaging);
    data.pairing_ended = None;
    effects.changes.push(data.messaging_change());
    Ok(())
}

/// Moves own messages to Delivered or Read as the relay reports.
fn apply_receipts(body: &[u8], data: &mut Data, effects: &mut Update) -> Result<(), Problem> {
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

/// Opens what arrived with the stored channel and saves the channel in the
/// same write as the messages it opened, with the relay ids now stored
/// (opened, or duplicates of stored ones) to acknowledge: the relay may
/// delete them. Returns how many messages from the specialist it opened.
fn receive(inbox: &Inbox, data: &mut Data, effects: &mut Update) -> Result<u32, Problem> {
    let Some(messaging) = data.messaging.as_mut() else {
        return Ok(0);
    };
    let Some(last) = inbox.messages.last() else {
        return Ok(0);
    };
    let mut channel = channel_of(messaging)?;
    let specialist = messaging.specialist_keys.mailbox().ok();
    messaging.cursor = last.id;
    let mut arrived = Vec::new();
    let mut stored = Vec::new();
    for delivery in &inbox.messages {
        let sealed = &delivery.message;
        let opened = if Some(&sealed.from) == specialist.as_ref() {
            channel.open(sealed)
        } else {
            Err(relay_protocol::ProtocolError::Unopenable)
        };
        let letter = match opened {
            Ok(Arrival::Arrived(letter)) => letter,
            Ok(Arrival::Gap { missing, letter }) => {
                arrived.push(Message::gap(missing, letter.sent_at_ms));
                letter
            }
            Ok(Arrival::Duplicate) => {
                stored.push(delivery.id);
                continue;
            }
            Err(_) => {
                messaging.dropped = messaging.dropped.saturating_add(1);
                continue;
            }
        };
        stored.push(delivery.id);
        if !letter.is_greeting() {
            arrived.push(from_specialist(letter, delivery.id));
        }
    }
    messaging.channel = channel.pickle(&messaging.pickle_key);
    messaging.unacknowledged.extend(stored);
    effects.changes.push(data.messaging_change());
    let mut letters = 0_u32;
    for message in arrived {
        if message.missing == 0 {
            letters = letters.saturating_add(1);
        }
        let id = data.allocate_id();
        effects.changes.push(message.put(id));
        data.messages.insert(id, message);
    }
    Ok(letters)
}

/// A letter from the specialist: a message, or an item this version does
/// not show ("This item needs a newer Phoenix"), never dropped.
pub(crate) fn from_specialist(letter: Letter, relay_id: i64) -> Message {
    let (text, shared) = match letter.body {
        relay_protocol::share::Body::Text(text) => (text, None),
        _ => (String::new(), Some(Shared::Unsupported)),
    };
    Message {
        mine: false,
        text,
        shared,
        at_ms: letter.sent_at_ms,
        sequence: letter.sequence,
        relay_id: Some(relay_id),
        status: MessageStatus::Unread,
        sealed: None,
        missing: 0,
    }
}
