//! What the participant's events send to the relay: pairing, the outbox
//! drained in order, fetching replies and receipts, read marks, unpairing;
//! every request built whole and signed here.

use relay_protocol::api::{self, ReadRequest};
use relay_protocol::channel::MAX_TEXT_BYTES;
use relay_protocol::share::Body;

use super::records::{Call, MessageStatus, MessagesEvent, Messaging, PairAgain, PairingEnded};
use crate::model::problem::Problem;
use crate::model::record::{PROFILE_ID, Record};
use crate::model::{Context, Data, Request, Unlocked, Update};
use crate::vault::Change;

mod pairing;
mod sealing;
mod signing;
mod sync;

use pairing::pair;
pub(crate) use sealing::queue;
pub(super) use signing::{channel_of, identity_of, signed};
pub(super) use sync::{acknowledge, backoff_ms, drain, sync};

/// Handles a participant's event.
pub fn update(
    event: MessagesEvent,
    unlocked: &mut Unlocked,
    cx: &Context<'_>,
) -> Result<Update, Problem> {
    let (data, activity, now_ms) = (&mut unlocked.data, &mut unlocked.relay, cx.now_ms);
    let mut effects = Update::default();
    match event {
        MessagesEvent::Pair {
            relay,
            invite,
            name,
        } => pair(&relay, &invite, &name, data, activity, now_ms, &mut effects)?,
        MessagesEvent::Send(text) => {
            let text = text.trim().to_owned();
            if text.is_empty() {
                return Err(Problem::EmptyText);
            }
            if text.len() > MAX_TEXT_BYTES {
                return Err(Problem::OutOfRange);
            }
            queue(Body::Text(text), None, data, activity, now_ms, &mut effects)?;
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
        MessagesEvent::ConfirmSpecialistKey => {
            let messaging = data.messaging.as_mut().ok_or(Problem::NotPaired)?;
            if messaging.key_changed_from.take().is_some() {
                effects.changes.push(data.messaging_change());
                // What waited for the confirmation goes now.
                activity.failures = 0;
                activity.retry_at_ms = now_ms;
                sync(data, activity, now_ms, &mut effects)?;
            }
        }
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
            effects.requests.push(Request::Relay(Call::Unpair, request));
        }
    }
    Ok(effects)
}

/// The specialist's messages on screen are read: locally at once, and the
/// relay is told so their inbox shows it.
pub(super) fn mark_shown(
    data: &mut Data,
    now_ms: i64,
    effects: &mut Update,
) -> Result<(), Problem> {
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
        effects.requests.push(Request::Relay(Call::Read, request));
    }
    Ok(())
}

impl Data {
    /// What a backup holds in the pairing's row instead of the pairing: the
    /// channel's account, session and pickle key never leave this phone,
    /// so a restored phone is asked to pair again.
    pub(crate) fn pairing_in_backups(&self) -> Option<Change> {
        let messaging = self.messaging.as_ref()?;
        let ended = PairingEnded::new(
            messaging.specialist_name.clone(),
            PairAgain::Restored,
            Some(messaging.trusted_identity().clone()),
        );
        Some(Change::put(
            Messaging::KIND,
            PROFILE_ID,
            crate::model::record::encode(&ended),
        ))
    }

    /// The messaging record as a vault change (it must exist).
    pub(super) fn messaging_change(&self) -> Change {
        self.messaging.as_ref().map_or_else(
            || Messaging::delete(PROFILE_ID),
            |messaging| messaging.put(PROFILE_ID),
        )
    }
}
