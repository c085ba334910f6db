//! A message (or a shared item) sealed as the next letter and queued in
//! the outbox, in the same write as the advanced channel.

use relay_protocol::share::Body;

use super::signing::{channel_of, identity_of};
use super::sync::sync;
use crate::model::messages::records::{Activity, Message, MessageStatus, Messaging, Shared};
use crate::model::problem::Problem;
use crate::model::record::Record;
use crate::model::{Data, Update};

/// Seals `body` as the next letter and keeps the advanced channel in
/// `messaging`: the caller saves both in the one write that queues the
/// message, before anything is sent, so no sequence number is ever sealed
/// twice. Returns the sequence number and the sealed letter as JSON.
fn seal_next(
    messaging: &mut Messaging,
    body: &Body,
    now_ms: i64,
) -> Result<(u64, String), Problem> {
    let mut channel = channel_of(messaging)?;
    let from = identity_of(messaging)?.mailbox();
    let to = messaging
        .specialist_keys
        .mailbox()
        .map_err(|_| Problem::RelayRefused)?;
    let sealed = channel
        .seal_body(from, to, body, now_ms)
        .map_err(|_| Problem::RelayRefused)?;
    messaging.channel = channel.pickle(&messaging.pickle_key);
    let sealed = serde_json::to_string(&sealed).map_err(|_| Problem::RelayRefused)?;
    Ok((channel.last_sent(), sealed))
}

/// Seals `body` as the next letter, keeps it in the outbox (with the
/// advanced channel, in the same write) and starts sending: a message, or
/// a shared item (`shared`; its text is then the envelope's JSON).
pub(crate) fn queue(
    body: Body,
    shared: Option<Shared>,
    data: &mut Data,
    activity: &mut Activity,
    now_ms: i64,
    effects: &mut Update,
) -> Result<(), Problem> {
    let messaging = data.messaging.as_mut().ok_or(Problem::NotPaired)?;
    if messaging.key_changed_from.is_some() {
        return Err(Problem::SpecialistKeyChanged);
    }
    let (sequence, sealed) = seal_next(messaging, &body, now_ms)?;
    let text = match body {
        Body::Text(text) => text,
        Body::Item(envelope) => envelope.to_json(),
        Body::Unsupported => return Err(Problem::NotNow),
    };
    let message = Message {
        mine: true,
        text,
        at_ms: now_ms,
        sequence,
        relay_id: None,
        status: MessageStatus::Queued,
        sealed: Some(sealed),
        missing: 0,
        shared,
    };
    let id = data.allocate_id();
    effects.changes.push(message.put(id));
    effects.changes.push(data.messaging_change());
    data.messages.insert(id, message);
    // A new message is worth trying at once.
    activity.retry_at_ms = now_ms;
    sync(data, activity, now_ms, effects)
}
