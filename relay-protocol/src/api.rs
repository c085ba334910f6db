//! The relay's HTTP API as JSON types, shared by the relay, the core and the
//! tests. `relay/openapi.yaml` describes the same endpoints for others.
//!
//! Every `/v1` request is signed by the device ([`crate::request`]); the
//! signed path includes the query string.

use serde::{Deserialize, Serialize};

use crate::DevicePublicKeys;
use crate::channel::{ChannelIdentity, ClaimedKeys, KeyBundle, SealedMessage};
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
/// `POST` [`ReadRequest`]: the recipient has stored these; the relay deletes
/// their ciphertext and keeps only their delivery and read times for the
/// sender.
pub const ACKNOWLEDGE: &str = "/v1/messages/ack";
/// `GET ?ids=1,2,3` → [`Receipts`] for messages the signer sent.
pub const RECEIPTS: &str = "/v1/receipts";

/// `PUT` a [`KeyBundle`] → [`KeysPublished`]: the signer must be a
/// specialist's inbox. A new identity replaces the old one and its unclaimed
/// one-time keys; the same identity adds one-time keys.
pub const KEYS: &str = "/v1/keys";

/// The most unclaimed one-time keys the relay keeps per inbox.
pub const MAX_ONE_TIME_KEYS: usize = 100;

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
    /// The participant's channel identity, which the specialist's inbox
    /// uses to accept the first message.
    pub identity: ChannelIdentity,
    /// The name the participant chooses to show their specialist.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paired {
    pub specialist_name: String,
    pub specialist_keys: DevicePublicKeys,
    /// The specialist's channel identity and a one-time key claimed for this
    /// pairing: checked against the invite's fingerprint before any use.
    pub specialist_channel: ClaimedKeys,
}

/// The body of `PUT` [`KEYS`] is a [`KeyBundle`].
pub type PublishKeys = KeyBundle;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeysPublished {
    /// Unclaimed one-time keys the relay now holds for this inbox.
    pub one_time_keys: usize,
}

/// A Unicode format character (bidi controls, zero-width characters, the
/// byte-order mark, tags...): invisible, and able to make one name look
/// like another. Shared names refuse them, with control characters.
pub fn is_format_character(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// A name someone may share: trimmed, 1 to [`MAX_NAME_CHARS`] characters,
/// no control or format characters. `None` if it cannot be shared.
pub fn shareable_name(typed: &str) -> Option<String> {
    let name = typed.trim();
    let refused = name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || typed
            .chars()
            .any(|c| c.is_control() || is_format_character(c));
    (!refused).then(|| name.to_owned())
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
    pub error: ErrorCode,
    pub message: String,
}

/// Declares [`ErrorCode`] from one list, so its wire strings, [`ErrorCode::ALL`]
/// and [`ErrorCode::as_str`] cannot disagree.
macro_rules! error_codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $wire:literal,)+) => {
        /// Why the relay refused a request: the `error` of an [`ApiError`].
        /// The wire strings are stable; `relay/openapi.yaml` lists them all.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum ErrorCode {
            $($(#[doc = $doc])+ #[serde(rename = $wire)] $variant,)+
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &[Self] = &[$(Self::$variant),+];

            /// The code as it appears on the wire.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $wire,)+
                }
            }
        }
    };
}

error_codes! {
    // A device's signature (`/v1`).
    /// The request carries no device signature.
    Unsigned = "unsigned",
    /// The signature does not match the request.
    BadSignature = "bad_signature",
    /// Signed more than five minutes from the relay's clock.
    StaleRequest = "stale_request",
    /// This exact signed request was already received.
    Replayed = "replayed",
    // Any request.
    /// Too many requests from this device, address or username.
    RateLimited = "rate_limited",
    /// The body is not the JSON the endpoint expects.
    MalformedJson = "malformed_json",
    /// The body is larger than the relay accepts.
    TooLarge = "too_large",
    /// The body could not be read.
    UnreadableBody = "unreadable_body",
    /// The query string is not what the endpoint expects.
    BadQuery = "bad_query",
    /// No such endpoint.
    NotFound = "not_found",
    /// The endpoint exists but not with this method.
    MethodNotAllowed = "method_not_allowed",
    /// The relay failed; the request may be tried again.
    Internal = "internal",
    // Pairing and messages (`/v1`).
    /// The signer is not paired (with that mailbox).
    NotPaired = "not_paired",
    /// A device sent from a mailbox that is not its own.
    WrongSender = "wrong_sender",
    /// The message's protocol version is not supported.
    UnsupportedVersion = "unsupported_version",
    /// The keys to pair are not the keys that signed the request.
    KeyMismatch = "key_mismatch",
    /// The name to share is empty, too long or has control or format
    /// characters (bidi overrides, zero-width).
    BadName = "bad_name",
    /// No invite has this code.
    UnknownInvite = "unknown_invite",
    /// The invite code has expired.
    ExpiredInvite = "expired_invite",
    /// The invite code was already used.
    UsedInvite = "used_invite",
    /// The device is already paired.
    AlreadyPaired = "already_paired",
    /// The specialist has not opened their inbox yet (no keys).
    SpecialistNotReady = "specialist_not_ready",
    // The specialist's inbox (`/inbox/api`).
    /// No signed-in session.
    NotSignedIn = "not_signed_in",
    /// A change without the session's CSRF token.
    Csrf = "csrf",
    /// A request from another site.
    CrossOrigin = "cross_origin",
    /// The username or password is not right.
    BadLogin = "bad_login",
    /// The account already has its inbox keys.
    DeviceExists = "device_exists",
    /// No participant paired with this specialist has this id.
    NoSuchParticipant = "no_such_participant",
    // The channel's keys (`/v1/keys`).
    /// The signer is not a specialist's inbox.
    NotASpecialist = "not_a_specialist",
    // The waiting key (`/v1/waiting`).
    /// A waiting key may only ask how many messages are waiting.
    WaitingKeyOnly = "waiting_key_only",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_code_keeps_its_wire_string_both_ways() {
        for &code in ErrorCode::ALL {
            let wire = serde_json::to_string(&code).unwrap();
            assert_eq!(wire, format!("\"{}\"", code.as_str()));
            assert_eq!(serde_json::from_str::<ErrorCode>(&wire).unwrap(), code);
        }
        // The strings old clients and relay/openapi.yaml already know.
        let wires: Vec<&str> = ErrorCode::ALL.iter().map(|code| code.as_str()).collect();
        assert_eq!(
            wires,
            [
                "unsigned",
                "bad_signature",
                "stale_request",
                "replayed",
                "rate_limited",
                "malformed_json",
                "too_large",
                "unreadable_body",
                "bad_query",
                "not_found",
                "method_not_allowed",
                "internal",
                "not_paired",
                "wrong_sender",
                "unsupported_version",
                "key_mismatch",
                "bad_name",
                "unknown_invite",
                "expired_invite",
                "used_invite",
                "already_paired",
                "specialist_not_ready",
                "not_signed_in",
                "csrf",
                "cross_origin",
                "bad_login",
                "device_exists",
                "no_such_participant",
                "not_a_specialist",
                "waiting_key_only",
            ]
        );
    }

    #[test]
    fn a_shared_name_refuses_invisible_characters_that_impersonate() {
        assert_eq!(shareable_name("  Sam R. "), Some("Sam R.".into()));
        assert_eq!(shareable_name("José Ñúñez"), Some("José Ñúñez".into()));
        for bad in [
            "",
            "   ",
            "Sam\u{202E}maS",
            "Sa\u{200B}m",
            "Sam\u{2066}",
            "\u{FEFF}Sam",
            "Sam\n",
            &"x".repeat(MAX_NAME_CHARS + 1),
        ] {
            assert_eq!(shareable_name(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn an_error_answer_reads_as_today_and_an_unknown_code_is_refused() {
        let answer: ApiError =
            serde_json::from_str(r#"{"error":"used_invite","message":"ask again"}"#).unwrap();
        assert_eq!(answer.error, ErrorCode::UsedInvite);
        assert_eq!(
            serde_json::to_value(&answer).unwrap(),
            serde_json::json!({"error": "used_invite", "message": "ask again"})
        );
        assert!(
            serde_json::from_str::<ApiError>(r#"{"error":"from_the_future","message":""}"#)
                .is_err()
        );
    }
}
