//! Pairing: the relay address the participant typed, checked, and the
//! pairing request with this phone's new identity and channel account.

use relay_protocol::DeviceIdentity;
use relay_protocol::api::{self, PairRequest};
use relay_protocol::channel::{Account, Invite};

use super::signing::signed;
use crate::model::forms::required;
use crate::model::messages::records::{Activity, Call, PendingPairing};
use crate::model::problem::Problem;
use crate::model::{Data, Request, Update};

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
}
