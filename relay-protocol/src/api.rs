//! The relay's HTTP API as JSON types, shared by the relay, the core and the
//! tests. `relay/openapi.yaml` describes the same endpoints for others.
//!
//! Every `/v1` request is signed by the device ([`crate::request`]); the
//! signed path includes the query string.

use serde::{Deserialize, Serialize};

use crate::DevicePublicKeys;
use crate::message::SealedMessage;
use crate::request::{
    HEADER_DEVICE, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIME, RequestSignature,
};

/// `POST` pairs with an invite code ([`PairRequest`] → [`Paired`]);
/// `DELETE` ends the signer's pairing.
pub const PAIRING: &str = "/v1/pairing";
/// `POST` a [`SealedMessage`] → [`Sent`]; `GET ?after=ID` → [`Inbox`].
pub const MESSAGES: &str = "/v1/messages";
/// `POST` [`ReadRequest`]: the recipient has read these.
pub const READ: &str = "/v1/messages/read";
/// `GET ?ids=1,2,3` → [`Receipts`] for messages the signer sent.
pub const RECEIPTS: &str = "/v1/receipts";

/// The largest request body the relay accepts, in bytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// The most messages one `GET /v1/messages` returns.
pub const PAGE: usize = 100;
/// The longest name a participant may share at pairing, in characters.
pub const MAX_NAME_CHARS: usize = 80;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairRequest {
    /// The code the specialist gave, as typed (spaces and case ignored).
    pub invite: String,
    /// The participant device's public keys; must be the request's signer.
    pub keys: DevicePublicKeys,
    /// The name the participant chooses to show their specialist.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paired {
    pub specialist_name: String,
    pub specialist_keys: DevicePublicKeys,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sent {
    pub id: i64,
    pub received_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    pub id: i64,
    pub received_at_ms: i64,
    pub message: SealedMessage,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    /// Oldest first; at most [`PAGE`]. Fetching marks them delivered.
    pub messages: Vec<Delivery>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadRequest {
    pub ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub id: i64,
    pub delivered_at_ms: Option<i64>,
    pub read_at_ms: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipts {
    pub receipts: Vec<Receipt>,
}

/// Every error response: a stable machine-readable code and a sentence.
/// Neither ever contains message content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub error: String,
    pub message: String,
}

impl RequestSignature {
    /// The four HTTP headers that carry this signature.
    pub fn headers(&self) -> [(&'static str, String); 4] {
        [
            (HEADER_DEVICE, self.device.clone()),
            (HEADER_TIME, self.time_ms.to_string()),
            (HEADER_NONCE, self.nonce.clone()),
            (HEADER_SIGNATURE, self.signature.clone()),
        ]
    }
}
