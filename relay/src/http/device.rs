//! `/v1`: what devices ask of the relay, each request signed.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use relay_protocol::api::{
    self, Delivery, Inbox, MAX_NAME_CHARS, PairRequest, Paired, ReadRequest, Receipts, Sent,
};
use relay_protocol::message::{MAX_TEXT_BYTES, SealedMessage, VERSION};
use relay_protocol::request::{
    HEADER_DEVICE, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIME, RequestSignature,
};
use relay_protocol::{MailboxId, ProtocolError};
use serde::Deserialize;
use tower_http::cors::{Any, CorsLayer};

use super::{AppState, Failure, body_bytes, json};
use crate::secrets::{normalize_invite, sha256};
use crate::store::PairingRefused;

type Body = Result<Bytes, BytesRejection>;

pub fn routes() -> Router<Arc<AppState>> {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST, Method::DELETE])
        .allow_headers([
            axum::http::header::CONTENT_TYPE,
            HEADER_DEVICE.parse().expect("a valid header name"),
            HEADER_TIME.parse().expect("a valid header name"),
            HEADER_NONCE.parse().expect("a valid header name"),
            HEADER_SIGNATURE.parse().expect("a valid header name"),
        ]);
    Router::new()
        .route(api::PAIRING, post(pair).delete(unpair))
        .route(api::MESSAGES, post(send).get(fetch))
        .route(api::READ, post(read))
        .route(api::RECEIPTS, get(receipts))
        .layer(cors)
}

/// The headers' signature, checked against this request; the signer's mailbox.
fn signer(
    state: &AppState,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<MailboxId, Failure> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let unsigned = || {
        Failure::new(
            StatusCode::UNAUTHORIZED,
            "unsigned",
            "the request must carry a device signature",
        )
    };
    let signature = RequestSignature {
        device: header(HEADER_DEVICE).ok_or_else(unsigned)?,
        time_ms: header(HEADER_TIME)
            .and_then(|time| time.parse().ok())
            .ok_or_else(unsigned)?,
        nonce: header(HEADER_NONCE).ok_or_else(unsigned)?,
        signature: header(HEADER_SIGNATURE).ok_or_else(unsigned)?,
    };
    let path = uri.path_and_query().map_or(uri.path(), |p| p.as_str());
    let now = crate::now_ms();
    let mailbox = signature
        .verify(method.as_str(), path, body, now)
        .and_then(|mailbox| {
            if signature.time_ms < state.started_ms {
                Err(ProtocolError::Stale)
            } else {
                Ok(mailbox)
            }
        })
        .map_err(|error| match error {
                ProtocolError::Stale => Failure::new(
                    StatusCode::UNAUTHORIZED,
                    "stale_request",
                    "the request was signed before the relay started, or more than five minutes from its clock",
                ),
                _ => Failure::new(
                    StatusCode::UNAUTHORIZED,
                    "bad_signature",
                    "the device signature does not match the request",
                ),
            })?;
    if state.devices.check_key(&mailbox.0).is_err() {
        return Err(Failure::rate_limited());
    }
    state
        .replay
        .lock()
        .map_err(|_| Failure::internal())?
        .check(&signature, now)
        .map_err(|_| {
            Failure::new(
                StatusCode::CONFLICT,
                "replayed",
                "this exact request was already received",
            )
        })?;
    Ok(mailbox)
}

fn not_paired() -> Failure {
    Failure::new(
        StatusCode::FORBIDDEN,
        "not_paired",
        "this device is not paired with that mailbox",
    )
}

async fn pair(
    State(state): State<Arc<AppState>>,
    ConnectInfo(address): ConnectInfo<std::net::SocketAddr>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Paired>, Failure> {
    let bytes = body_bytes(&body)?;
    let signer = signer(&state, &method, &uri, &headers, bytes)?;
    if state.pairings.check_key(&address.ip().to_string()).is_err() {
        return Err(Failure::rate_limited());
    }
    let request: PairRequest = json(&body)?;
    if request.keys.mailbox().ok() != Some(signer.clone()) {
        return Err(Failure::new(
            StatusCode::FORBIDDEN,
            "key_mismatch",
            "the keys to pair must be the keys that signed the request",
        ));
    }
    request
        .keys
        .validated_mailbox()
        .map_err(|_| Failure::malformed_json())?;
    let name = request.name.trim().to_owned();
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || name.chars().any(char::is_control)
    {
        return Err(Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_name",
            "the name to share must be 1 to 80 characters, without control characters",
        ));
    }
    let code_hash = sha256(&normalize_invite(&request.invite));
    let keys = request.keys.clone();
    let outcome = state
        .store(move |store| store.redeem_invite(&code_hash, &keys, &signer, &name, crate::now_ms()))
        .await?;
    match outcome {
        Ok(specialist) => Ok(Json(Paired {
            specialist_name: specialist.display_name,
            specialist_keys: specialist.device.ok_or_else(Failure::internal)?,
        })),
        Err(refused) => Err(match refused {
            PairingRefused::UnknownInvite => Failure::new(
                StatusCode::NOT_FOUND,
                "unknown_invite",
                "no invite has this code; check it with your specialist",
            ),
            PairingRefused::ExpiredInvite => Failure::new(
                StatusCode::GONE,
                "expired_invite",
                "this invite code has expired; ask your specialist for a new one",
            ),
            PairingRefused::UsedInvite => Failure::new(
                StatusCode::GONE,
                "used_invite",
                "this invite code was already used; ask your specialist for a new one",
            ),
            PairingRefused::SpecialistHasNoDevice => Failure::new(
                StatusCode::CONFLICT,
                "specialist_not_ready",
                "the specialist has not opened their inbox yet",
            ),
            PairingRefused::AlreadyPaired => Failure::new(
                StatusCode::CONFLICT,
                "already_paired",
                "this device is already paired; unpair first",
            ),
        }),
    }
}

async fn unpair(
    State(state): State<Arc<AppState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<StatusCode, Failure> {
    let signer = signer(&state, &method, &uri, &headers, body_bytes(&body)?)?;
    let ended = state
        .store(move |store| store.unpair_participant(&signer, crate::now_ms()))
        .await?;
    if ended {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(not_paired())
    }
}

async fn send(
    State(state): State<Arc<AppState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Failure> {
    let bytes = body_bytes(&body)?;
    let signer = signer(&state, &method, &uri, &headers, bytes)?;
    let message: SealedMessage = json(&body)?;
    if message.from != signer {
        return Err(Failure::new(
            StatusCode::FORBIDDEN,
            "wrong_sender",
            "a device may only send from its own mailbox",
        ));
    }
    if message.version != VERSION {
        return Err(Failure::new(
            StatusCode::BAD_REQUEST,
            "unsupported_version",
            "this message version is not supported",
        ));
    }
    let sealed_len = relay_protocol::encoding::decode(&message.ciphertext)
        .map_err(|_| Failure::malformed_json())?
        .len();
    let well_formed = relay_protocol::encoding::decode_array::<12>(&message.nonce).is_ok()
        && relay_protocol::encoding::decode_array::<32>(&message.salt).is_ok();
    if !well_formed {
        return Err(Failure::malformed_json());
    }
    // The letter's JSON around the text, plus the 16-byte tag.
    if sealed_len > MAX_TEXT_BYTES * 2 + 256 {
        return Err(Failure::too_large());
    }
    let stored = bytes.to_vec();
    let (from, to) = (message.from, message.to);
    let id = state
        .store(move |store| store.insert_message(&from, &to, &stored, crate::now_ms()))
        .await?
        .ok_or_else(not_paired)?;
    let sent = Sent {
        id,
        received_at_ms: crate::now_ms(),
    };
    Ok((StatusCode::CREATED, Json(sent)).into_response())
}

#[derive(Deserialize)]
struct After {
    #[serde(default)]
    after: i64,
}

async fn fetch(
    State(state): State<Arc<AppState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    query: Result<Query<After>, axum::extract::rejection::QueryRejection>,
    body: Body,
) -> Result<Json<Inbox>, Failure> {
    let signer = signer(&state, &method, &uri, &headers, body_bytes(&body)?)?;
    let Query(After { after }) = query.map_err(|_| bad_query())?;
    let stored = state
        .store(move |store| store.fetch_messages(&signer, after, crate::now_ms()))
        .await?;
    let messages = stored
        .into_iter()
        .filter_map(|message| {
            Some(Delivery {
                id: message.id,
                received_at_ms: message.received_ms,
                message: serde_json::from_slice(&message.body).ok()?,
            })
        })
        .collect();
    Ok(Json(Inbox { messages }))
}

fn bad_query() -> Failure {
    Failure::new(
        StatusCode::BAD_REQUEST,
        "bad_query",
        "the query string is not what this endpoint expects",
    )
}

/// At most this many ids per read or receipt request.
const MAX_IDS: usize = 500;

async fn read(
    State(state): State<Arc<AppState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<StatusCode, Failure> {
    let signer = signer(&state, &method, &uri, &headers, body_bytes(&body)?)?;
    let request: ReadRequest = json(&body)?;
    if request.ids.len() > MAX_IDS {
        return Err(Failure::too_large());
    }
    state
        .store(move |store| store.mark_read(&signer, &request.ids, crate::now_ms()))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct Ids {
    ids: String,
}

async fn receipts(
    State(state): State<Arc<AppState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    query: Result<Query<Ids>, axum::extract::rejection::QueryRejection>,
    body: Body,
) -> Result<Json<Receipts>, Failure> {
    let signer = signer(&state, &method, &uri, &headers, body_bytes(&body)?)?;
    let Query(Ids { ids }) = query.map_err(|_| bad_query())?;
    let ids = ids
        .split(',')
        .filter(|id| !id.is_empty())
        .map(str::parse)
        .collect::<Result<Vec<i64>, _>>()
        .map_err(|_| bad_query())?;
    if ids.len() > MAX_IDS {
        return Err(Failure::too_large());
    }
    let receipts = state
        .store(move |store| store.receipts(&signer, &ids))
        .await?;
    Ok(Json(Receipts { receipts }))
}
