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

use relay_protocol::api::{self, ErrorCode, Inbox, Paired, Receipts, Sent};
use relay_protocol::channel::Account as ChannelAccount;
use relay_protocol::message::Conversation;

use super::problem::Problem;
use super::record::{PROFILE_ID, Record};
use super::{Context, Data, Unlocked, Update};
use crate::effects::HttpResult;

mod outgoing;

pub use outgoing::update;
use outgoing::{backoff_ms, drain, identity_of, sync};

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
    let channel = account
        .open_channel(&paired.specialist_channel, &pending.fingerprint)
        .map_err(|_| Problem::SpecialistKeyMismatch)?;
    data.messaging = Some(Messaging {
        relay: pending.relay,
        identity: pending.identity,
        shared_name: pending.name,
        specialist_name: paired.specialist_name,
        specialist_keys: paired.specialist_keys,
        specialist_identity: paired.specialist_channel.identity,
        account: pending.account,
        channel: channel.pickle(&pending.pickle_key),
        pickle_key: pending.pickle_key,
        cursor: 0,
        next_sequence: 1,
        incoming: Conversation::default(),
        dropped: 0,
    });
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

/// Opens what arrived; refuses tampered, misdirected and repeated messages.
fn receive(inbox: &Inbox, data: &mut Data, effects: &mut Update) -> Result<(), Problem> {
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
