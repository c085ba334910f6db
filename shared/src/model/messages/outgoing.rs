//! What the participant's events send to the relay: pairing, the outbox
//! drained in order, fetching replies and receipts, read marks, unpairing;
//! every request built whole and signed here.

use relay_protocol::DeviceIdentity;
use relay_protocol::api::{self, PairRequest, ReadRequest};
use relay_protocol::channel::{Account, Channel, Invite, MAX_TEXT_BYTES};

use relay_protocol::share::Body;

use super::records::{
    Activity, Call, Message, MessageStatus, MessagesEvent, Messaging, PairAgain, PairingEnded,
    PendingPairing, Shared,
};
use crate::effects::{HttpHeader, HttpRequest};
use crate::model::forms::required;
use crate::model::problem::Problem;
use crate::model::record::{PROFILE_ID, Record};
use crate::model::{Context, Data, Request, Unlocked, Update};
use crate::vault::Change;

pub(super) fn signed(
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

pub(super) fn identity_of(messaging: &Messaging) -> Result<DeviceIdentity, Problem> {
    DeviceIdentity::from_secret_bytes(&messaging.identity).map_err(|_| Problem::RelayRefused)
}

/// The stored channel with the specialist.
pub(super) fn channel_of(messaging: &Messaging) -> Result<Channel, Problem> {
    Channel::from_pickle(&messaging.channel, &messaging.pickle_key)
        .map_err(|_| Problem::RelayRefused)
}

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

/// A relay address the participant typed: `https://host[:port]`, or
/// `http://` only when the host is exactly a loopback address (127.0.0.0/8,
/// ::1, localhost: a relay on this machine, for testing). Parsed, so
/// `http://127.0.0.1.attacker.example` and `http://localhost@attacker.example/`
/// are what they are: other hosts. No user, path, query or fragment.
pub(super) fn relay_address(typed: &str) -> Result<String, Problem> {
    let parsed = url::Url::parse(typed.trim()).map_err(|_| Problem::RelayAddressInvalid)?;
    let loopback = match parsed.host() {
        Some(url::Host::Domain(domain)) => domain == "localhost",
        Some(url::Host::Ipv4(address)) => address.is_loopback(),
        Some(url::Host::Ipv6(address)) => address.is_loopback(),
        None => false,
    };
    let scheme_allowed = parsed.scheme() == "https" || (parsed.scheme() == "http" && loopback);
    let bare = parsed.username().is_empty()
        && parsed.password().is_none()
        && parsed.path() == "/"
        && parsed.query().is_none()
        && parsed.fragment().is_none();
    if !scheme_allowed || !bare || parsed.host().is_none() {
        return Err(Problem::RelayAddressInvalid);
    }
    Ok(parsed.origin().ascii_serialization())
}

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

pub(super) fn pair(
    relay: &str,
    invite: &str,
    name: &str,
    data: &Data,
    activity: &mut Activity,
    now_ms: i64,
    effects: &mut Update,
) -> Result<(), Problem> {
    if data.messaging.is_some() {
        return Err(Problem::AlreadyPaired);
    }
    if activity.pairing {
        return Err(Problem::NotNow);
    }
    let relay = relay_address(relay)?;
    let name = required(name)?;
    let name = api::shareable_name(&name).ok_or(Problem::OutOfRange)?;
    if invite.trim().is_empty() {
        return Err(Problem::EmptyText);
    }
    let invite = Invite::parse(invite).map_err(|_| Problem::InviteIncomplete)?;
    let identity = DeviceIdentity::generate().map_err(|_| Problem::RelayRefused)?;
    let account = Account::new();
    let pickle_key = new_pickle_key()?;
    let body = serde_json::to_vec(&PairRequest {
        invite: invite.code,
        keys: identity.public_keys(),
        identity: account.identity(),
        name: name.clone(),
    })
    .map_err(|_| Problem::RelayRefused)?;
    let request = signed(&identity, &relay, "POST", api::PAIRING, body, now_ms)?;
    activity.pairing = true;
    let pending = PendingPairing {
        relay,
        identity: identity.to_secret_bytes(),
        name,
        fingerprint: invite.fingerprint,
        account: account.pickle(&pickle_key),
        pickle_key,
    };
    effects
        .requests
        .push(Request::Relay(Call::Pair(Box::new(pending)), request));
    Ok(())
}

/// A random key for this pairing's pickles.
fn new_pickle_key() -> Result<zeroize::Zeroizing<[u8; 32]>, Problem> {
    use ring::rand::SecureRandom;
    let mut key = zeroize::Zeroizing::new([0u8; 32]);
    ring::rand::SystemRandom::new()
        .fill(key.as_mut())
        .map_err(|_| Problem::RelayRefused)?;
    Ok(key)
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

/// Sends the next queued message (if none is on its way and the backoff
/// allows), and fetches replies and receipts.
pub(super) fn sync(
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
    super::background::register(messaging, now_ms, effects)?;
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
pub(super) fn drain(
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
pub(super) fn acknowledge(
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

pub(super) fn backoff_ms(failures: u32) -> i64 {
    (1000_i64 << failures.min(20).saturating_sub(1)).min(MAX_BACKOFF_MS)
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            relay_address("http://127.0.0.2:8090/"),
            Ok("http://127.0.0.2:8090".into())
        );
        assert_eq!(
            relay_address("http://localhost:8090"),
            Ok("http://localhost:8090".into())
        );
        assert_eq!(
            relay_address("http://[::1]:8090"),
            Ok("http://[::1]:8090".into())
        );
        for bad in [
            "http://relay.example.org",
            "relay.example.org",
            "https://",
            "https://a b",
            "ftp://x",
            "http://127.0.0.1.attacker.example",
            "http://localhost@attacker.example/",
            "http://localhost.attacker.example",
            "https://user:secret@relay.example.org",
            "https://relay.example.org/inbox",
            "https://relay.example.org?x=1",
        ] {
            assert_eq!(
                relay_address(bad),
                Err(Problem::RelayAddressInvalid),
                "{bad}"
            );
        }
    }

    #[test]
    fn backoff_doubles_from_a_second_to_five_minutes() {
        let waits: Vec<i64> = (1..=12).map(backoff_ms).collect();
        assert_eq!(&waits[..4], &[1000, 2000, 4000, 8000]);
        assert_eq!(waits[11], MAX_BACKOFF_MS);
    }
}
