//! [`Signed`] and [`SignedJson`]: the extractors every `/v1` handler takes.
//! This is the one place a device's request is checked: the body read within
//! the limit, the signature over method, path and query, time, nonce and
//! body, the device's rate limit and the replay guard: each (device,
//! nonce) is recorded in the database until the signature is stale anyway,
//! under a unique key, so a request is accepted once by whichever process
//! sees it first, across restarts. A waiting key's request (see
//! `relay_protocol::waiting`) is taken only by [`WaitingSigned`]: every
//! other route refuses it (`waiting_key_only`). A refusal is a [`Failure`], answered as the relay's JSON error.
//!
//! [`Unrecorded`] checks the same, except that it leaves the device's limit
//! and the replay record to the handler, which writes them in its own
//! store call's transaction (`POST /v1/messages`: one commit per message).
//!
//! The order of the checks is part of the API: an unreadable or oversized
//! body first, then `unsigned`, `stale_request` or `bad_signature`, then
//! `rate_limited`, then `replayed`; only then the JSON.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, Method};
use relay_protocol::api::ErrorCode;
use relay_protocol::request::{
    HEADER_DEVICE, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIME, MAX_SKEW_MS, RequestSignature,
};
use relay_protocol::{MailboxId, ProtocolError};
use serde::de::DeserializeOwned;

use super::AppState;
use super::failure::{Failure, body_bytes, json};
use crate::store::limits::{Refused, RequestRecord, Window};

/// A request a device signed, checked and not yet replayed.
pub struct Signed {
    /// The mailbox of the device that signed it.
    pub signer: MailboxId,
    /// The body, exactly as signed.
    pub body: Bytes,
}

impl Signed {
    /// The body as the JSON the endpoint expects.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Failure> {
        json(&self.body)
    }
}

/// A [`Signed`] request whose body is the JSON `T`.
pub struct SignedJson<T> {
    pub signer: MailboxId,
    pub body: T,
}

impl FromRequest<Arc<AppState>> for Signed {
    type Rejection = Failure;

    async fn from_request(request: Request, state: &Arc<AppState>) -> Result<Self, Failure> {
        match written(request, state).await? {
            (Signer::Device(signer), body) => Ok(Self { signer, body }),
            (Signer::Waiting { .. }, _) => Err(Failure(ErrorCode::WaitingKeyOnly)),
        }
    }
}

/// A request signed with a waiting key (`relay_protocol::waiting`), checked
/// like any other; only `GET /v1/waiting` takes it.
pub struct WaitingSigned {
    /// The mailbox whose waiting key signed.
    pub owner: MailboxId,
}

impl FromRequest<Arc<AppState>> for WaitingSigned {
    type Rejection = Failure;

    async fn from_request(request: Request, state: &Arc<AppState>) -> Result<Self, Failure> {
        match written(request, state).await? {
            (Signer::Waiting { owner }, _) => Ok(Self { owner }),
            // A device's main key has its own routes for its mail.
            (Signer::Device(_), _) => Err(Failure(ErrorCode::NotPaired)),
        }
    }
}

/// Who signed: a device's main key, or a waiting key and whose it is.
enum Signer {
    Device(MailboxId),
    Waiting { owner: MailboxId },
}

/// Every check passed and the request's record written: who signed, and
/// the body. The record and the waiting-key lookup share one store call.
async fn written(request: Request, state: &Arc<AppState>) -> Result<(Signer, Bytes), Failure> {
    let (mailbox, body, record) = verified(request, state).await?;
    let signer = mailbox.clone();
    let owner = state
        .store(move |store| store.signed_request(&record, &signer))
        .await??;
    let signer = owner.map_or(Signer::Device(mailbox), |owner| Signer::Waiting { owner });
    Ok((signer, body))
}

impl<T: DeserializeOwned> FromRequest<Arc<AppState>> for SignedJson<T> {
    type Rejection = Failure;

    async fn from_request(request: Request, state: &Arc<AppState>) -> Result<Self, Failure> {
        let Signed { signer, body } = Signed::from_request(request, state).await?;
        Ok(Self {
            signer,
            body: json(&body)?,
        })
    }
}

/// A [`SignedJson`] whose device limit and replay record are not written
/// yet: the handler passes [`Self::record`] to the store call that carries
/// the request out, which writes it in the same transaction and refuses a
/// waiting key's request there (`Refused::WaitingKey`), or refuses the
/// request with [`Self::refuse`]. A body that is not the JSON `T` is
/// refused here, after the record is written, so the order of the checks
/// stays the one [`Signed`] has.
#[must_use = "the request's replay record must be written"]
pub struct Unrecorded<T> {
    pub signer: MailboxId,
    pub body: T,
    /// The body's bytes, exactly as signed.
    pub bytes: Bytes,
    pub record: RequestRecord,
}

impl<T: DeserializeOwned> FromRequest<Arc<AppState>> for Unrecorded<T> {
    type Rejection = Failure;

    async fn from_request(request: Request, state: &Arc<AppState>) -> Result<Self, Failure> {
        let (signer, bytes, record) = verified(request, state).await?;
        let failure = match json(&bytes) {
            Ok(body) => {
                return Ok(Self {
                    signer,
                    body,
                    bytes,
                    record,
                });
            }
            Err(failure) => failure,
        };
        Err(refused(state, signer, record, failure).await)
    }
}

impl<T> Unrecorded<T> {
    /// Refuses the request with `failure`, after writing its record alone:
    /// a request over its device's limit, replayed, or signed by a waiting
    /// key is answered as such.
    pub async fn refuse(self, state: &AppState, failure: Failure) -> Failure {
        refused(state, self.signer, self.record, failure).await
    }
}

async fn refused(
    state: &AppState,
    signer: MailboxId,
    record: RequestRecord,
    failure: Failure,
) -> Failure {
    let written = state
        .store(move |store| store.signed_request(&record, &signer))
        .await;
    match written {
        Ok(Ok(None)) => failure,
        Ok(Ok(Some(_))) => Failure(ErrorCode::WaitingKeyOnly),
        Ok(Err(refused)) => refused.into(),
        Err(failure) => failure,
    }
}

/// The body read within the limit and the signature checked: the signer,
/// the body and the request's record, not yet written.
async fn verified(
    request: Request,
    state: &Arc<AppState>,
) -> Result<(MailboxId, Bytes, RequestRecord), Failure> {
    let method = request.method().clone();
    let uri = request.uri();
    let path = uri
        .path_and_query()
        .map_or(uri.path(), |path| path.as_str())
        .to_owned();
    let signature = signature(request.headers());
    let body = body_bytes(Bytes::from_request(request, state).await)?;
    let signature = signature.ok_or(Failure(ErrorCode::Unsigned))?;
    let (signer, record) = check(state, &signature, &method, &path, &body)?;
    Ok((signer, body, record))
}

/// The four signature headers, if all are present and the time is a number.
fn signature(headers: &HeaderMap) -> Option<RequestSignature> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    Some(RequestSignature {
        device: header(HEADER_DEVICE)?,
        time_ms: header(HEADER_TIME)?.parse().ok()?,
        nonce: header(HEADER_NONCE)?,
        signature: header(HEADER_SIGNATURE)?,
    })
}

/// The signature checked against this request: the signer's mailbox, and
/// the record of the request for the device's limit and the replay guard.
fn check(
    state: &AppState,
    signature: &RequestSignature,
    method: &Method,
    path: &str,
    body: &[u8],
) -> Result<(MailboxId, RequestRecord), Failure> {
    let now = crate::now_ms();
    let mailbox =
        signature
            .verify(method.as_str(), path, body, now)
            .map_err(|error| match error {
                ProtocolError::Stale => Failure(ErrorCode::StaleRequest),
                _ => Failure(ErrorCode::BadSignature),
            })?;
    let record = RequestRecord {
        device: signature.device.clone(),
        nonce: signature.nonce.clone(),
        // Twice the window: relays on other hosts may read a clock that is
        // off by up to the window themselves.
        expires_ms: signature.time_ms.saturating_add(2 * MAX_SKEW_MS),
        // Bursts of three seconds' worth.
        window: Window::new(
            now,
            3000,
            state.limits.device_requests_per_second.saturating_mul(3),
        ),
    };
    Ok((mailbox, record))
}

impl From<Refused> for Failure {
    fn from(refused: Refused) -> Self {
        match refused {
            Refused::Limited => Failure::rate_limited(),
            Refused::Replayed => Failure(ErrorCode::Replayed),
            Refused::WaitingKey => Failure(ErrorCode::WaitingKeyOnly),
        }
    }
}
