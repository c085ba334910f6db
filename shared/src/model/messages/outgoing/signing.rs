//! Every request to the relay built whole and signed with this phone's
//! identity, and the stored identity and channel read back.

use relay_protocol::DeviceIdentity;
use relay_protocol::channel::Channel;

use crate::effects::{HttpHeader, HttpRequest};
use crate::model::messages::records::Messaging;
use crate::model::problem::Problem;

pub(in crate::model::messages) fn signed(
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

pub(in crate::model::messages) fn identity_of(
    messaging: &Messaging,
) -> Result<DeviceIdentity, Problem> {
    DeviceIdentity::from_secret_bytes(&messaging.identity).map_err(|_| Problem::RelayRefused)
}

/// The stored channel with the specialist.
pub(in crate::model::messages) fn channel_of(messaging: &Messaging) -> Result<Channel, Problem> {
    Channel::from_pickle(&messaging.channel, &messaging.pickle_key)
        .map_err(|_| Problem::RelayRefused)
}
