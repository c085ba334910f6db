//! [`Failure`]: a refused request, answered as JSON [`ApiError`]
//! `{error, message}` with the code's status. Every code's status and
//! sentence are here, in one table; none quotes the request.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use relay_protocol::api::{ApiError, ErrorCode};

/// A refused request: the relay answers with the code's status and sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failure(pub ErrorCode);

impl From<ErrorCode> for Failure {
    fn from(code: ErrorCode) -> Self {
        Self(code)
    }
}

impl Failure {
    pub const fn internal() -> Self {
        Self(ErrorCode::Internal)
    }

    pub const fn malformed_json() -> Self {
        Self(ErrorCode::MalformedJson)
    }

    pub const fn too_large() -> Self {
        Self(ErrorCode::TooLarge)
    }

    pub const fn rate_limited() -> Self {
        Self(ErrorCode::RateLimited)
    }

    pub fn status(self) -> StatusCode {
        status(self.0)
    }
}

/// The HTTP status each code is answered with.
fn status(code: ErrorCode) -> StatusCode {
    use ErrorCode as C;
    match code {
        C::MalformedJson | C::UnreadableBody | C::BadQuery | C::UnsupportedVersion => {
            StatusCode::BAD_REQUEST
        }
        C::Unsigned | C::BadSignature | C::StaleRequest | C::NotSignedIn | C::BadLogin => {
            StatusCode::UNAUTHORIZED
        }
        C::NotPaired
        | C::WrongSender
        | C::KeyMismatch
        | C::Csrf
        | C::CrossOrigin
        | C::NotASpecialist
        | C::WaitingKeyOnly => StatusCode::FORBIDDEN,
        C::NotFound | C::UnknownInvite | C::NoSuchParticipant => StatusCode::NOT_FOUND,
        C::Replayed | C::AlreadyPaired | C::SpecialistNotReady | C::DeviceExists => {
            StatusCode::CONFLICT
        }
        C::ExpiredInvite | C::UsedInvite => StatusCode::GONE,
        C::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        C::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        C::BadName => StatusCode::UNPROCESSABLE_ENTITY,
        C::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        C::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The sentence each code is answered with.
fn message(code: ErrorCode) -> &'static str {
    use ErrorCode as C;
    match code {
        C::Unsigned => "the request must carry a device signature",
        C::BadSignature => "the device signature does not match the request",
        C::StaleRequest => "the request was signed more than five minutes from the relay's clock",
        C::Replayed => "this exact request was already received",
        C::RateLimited => "too many requests; wait a moment and try again",
        C::MalformedJson => "the body is not the JSON this endpoint expects",
        C::TooLarge => "the request body is larger than the relay accepts",
        C::UnreadableBody => "the request body could not be read",
        C::BadQuery => "the query string is not what this endpoint expects",
        C::NotFound => "no such endpoint",
        C::MethodNotAllowed => "this endpoint does not accept that method",
        C::Internal => "the relay could not complete the request; try again",
        C::NotPaired => "this device is not paired with that mailbox",
        C::WrongSender => "a device may only send from its own mailbox",
        C::UnsupportedVersion => "this message version is not supported",
        C::KeyMismatch => "the keys to pair must be the keys that signed the request",
        C::BadName => {
            "the name to share must be 1 to 80 characters, without control or invisible formatting characters"
        }
        C::UnknownInvite => "no invite has this code; check it with your specialist",
        C::ExpiredInvite => "this invite code has expired; ask your specialist for a new one",
        C::UsedInvite => "this invite code was already used; ask your specialist for a new one",
        C::AlreadyPaired => "this device is already paired; unpair first",
        C::SpecialistNotReady => "the specialist has not opened their inbox yet",
        C::NotSignedIn => "sign in to the inbox first",
        C::Csrf => "the request is missing the inbox's CSRF token",
        C::CrossOrigin => "the inbox only accepts requests from its own page",
        C::BadLogin => "the username or password is not right",
        C::DeviceExists => "this account already has its inbox keys; an admin must reset them",
        C::NoSuchParticipant => "no participant paired with you has this id",
        C::NotASpecialist => "only a specialist's inbox publishes channel keys",
        C::WaitingKeyOnly => "a waiting key may only ask how many messages are waiting",
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let body = ApiError {
            error: self.0,
            message: message(self.0).to_owned(),
        };
        (self.status(), axum::Json(body)).into_response()
    }
}

/// A request body, or why it could not be read (the body limit, or a
/// broken connection).
pub fn body_bytes(body: Result<Bytes, BytesRejection>) -> Result<Bytes, Failure> {
    body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Failure::too_large()
        } else {
            Failure(ErrorCode::UnreadableBody)
        }
    })
}

/// A body as the JSON an endpoint expects.
pub fn json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, Failure> {
    serde_json::from_slice(bytes).map_err(|_| Failure::malformed_json())
}
