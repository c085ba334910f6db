//! Each sync: the outbox's next letter (in order, with backoff between
//! retries), fetching replies and receipts, and acknowledging arrivals.

use relay_protocol::api::{self, ReadRequest};

use super::signing::{identity_of, signed};
use crate::model::messages::background;
use crate::model::messages::records::{Activity, Call, MessageStatus, Messaging};
use crate::model::problem::Problem;
use crate::model::record::PROFILE_ID;
use crate::model::{Data, Request, Update};

/// Sends the next queued message (if none is on its way and the backoff
/// allows), and fetches replies and receipts.
pub(in crate::model::messages) fn sync(
    data: &mut Data,
    activity: &mut Activity,
    now_ms: i64,
    effects: &mut Update,
) -> Result<(), Problem> {
    drain(data, activity, now_ms, effects)?;
    let Some(messaging) = &data.messaging else {
        return Ok(());
    };
    // A waiting key the relay has not yet accepted is offered again.
    background::register(messaging, now_ms, effects)?;
    let identity = identity_of(messaging)?;
    let get = |path: &str| signed(&identity, &messaging.relay, "GET", path, Vec::new(), now_ms);
    if !activity.fetching {
        activity.fetching = true;
        let path = format!("{}?after={}", api::MESSAGES, messaging.cursor);
        effects
            .requests
            .push(Request::Relay(Call::Fetch, get(&path)?));
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
        effects
            .requests
            .push(Request::Relay(Call::Receipts, get(&path)?));
    }
    Ok(())
}

/// The outbox: the greeting first, then the oldest queued message, one at
/// a time, each exactly as it was sealed and stored. Nothing leaves while
/// the specialist's changed key waits for the participant's confirmation.
pub(in crate::model::messages) fn drain(
    data: &Data,
    activity: &mut Activity,
    now_ms: i64,
    effects: &mut Update,
) -> Result<(), Problem> {
    let Some(messaging) = &data.messaging else {
        return Ok(());
    };
    let held = messaging.key_changed_from.is_some();
    if held || activity.sending.is_some() || now_ms < activity.retry_at_ms {
        return Ok(());
    }
    let (id, call, sealed) = if let Some(greeting) = &messaging.greeting {
        (PROFILE_ID, Call::Greet, greeting)
    } else {
        let next = data
            .messages
            .iter()
            .filter(|(_, m)| m.mine && m.status == MessageStatus::Queued)
            .filter_map(|(id, m)| Some((*id, m.sequence, m.sealed.as_ref()?)))
            .min_by_key(|(_, sequence, _)| *sequence);
        let Some((id, _, sealed)) = next else {
            return Ok(());
        };
        (id, Call::Send(id), sealed)
    };
    let body = sealed.clone().into_bytes();
    let identity = identity_of(messaging)?;
    let request = signed(
        &identity,
        &messaging.relay,
        "POST",
        api::MESSAGES,
        body,
        now_ms,
    )?;
    activity.sending = Some(id);
    effects.requests.push(Request::Relay(call, request));
    Ok(())
}

/// Tells the relay the arrivals it has not confirmed deleting are stored on
/// this phone (at most a request's worth): it deletes their ciphertext.
pub(in crate::model::messages) fn acknowledge(
    messaging: &Messaging,
    now_ms: i64,
    effects: &mut Update,
) -> Result<(), Problem> {
    let ids: Vec<i64> = messaging
        .unacknowledged
        .iter()
        .copied()
        .take(MAX_ACKNOWLEDGED)
        .collect();
    if ids.is_empty() {
        return Ok(());
    }
    let body =
        serde_json::to_vec(&ReadRequest { ids: ids.clone() }).map_err(|_| Problem::RelayRefused)?;
    let identity = identity_of(messaging)?;
    let request = signed(
        &identity,
        &messaging.relay,
        "POST",
        api::ACKNOWLEDGE,
        body,
        now_ms,
    )?;
    effects
        .requests
        .push(Request::Relay(Call::Acknowledge(ids), request));
    Ok(())
}

/// The most ids one acknowledgement carries (the relay takes 500).
const MAX_ACKNOWLEDGED: usize = 2 * api::PAGE;

/// The longest wait between retries.
pub(super) const MAX_BACKOFF_MS: i64 = 5 * 60 * 1000;

pub(in crate::model::messages) fn backoff_ms(failures: u32) -> i64 {
    (1000_i64 << failures.min(20).saturating_sub(1)).min(MAX_BACKOFF_MS)
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
}
