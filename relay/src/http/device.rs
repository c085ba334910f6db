//! `/v1`: what devices ask of the relay, each request signed and checked by
//! the [`Signed`] extractor before a handler runs.

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use relay_protocol::api::{
    self, Delivery, ErrorCode, Inbox, MAX_NAME_CHARS, PairRequest, Paired, ReadRequest, Receipts,
    Sent,
};
use relay_protocol::message::{MAX_TEXT_BYTES, SealedMessage, VERSION};
use relay_protocol::request::{HEADER_DEVICE, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIME};
use serde::Deserialize;
use tower_http::cors::{Any, CorsLayer};

use super::AppState;
use super::client::ClientAddress;
use super::failure::Failure;
use super::signed::{Signed, SignedJson};
use crate::secrets::{normalize_invite, sha256};
use crate::store::PairingRefused;

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
        .route(api::ACKNOWLEDGE, post(acknowledge))
        .route(api::RECEIPTS, get(receipts))
        // Set before the CORS layer so that it wraps it too: the outer
        // router's fallback would otherwise replace the method routers'
        // default one outside the layer, and a browser's preflight
        // (OPTIONS) would get 405 instead of CORS's answer.
        .method_not_allowed_fallback(super::method_not_allowed)
        .layer(cors)
}

fn not_paired() -> Failure {
    Failure(ErrorCode::NotPaired)
}

async fn pair(
    State(state): State<Arc<AppState>>,
    address: ClientAddress,
    device: Signed,
) -> Result<Json<Paired>, Failure> {
    // Counted per address once signed, before the body is even parsed.
    super::throttle::pairing(&state, &address).await?;
    let request: PairRequest = device.json()?;
    let signer = device.signer;
    if request.keys.mailbox().ok() != Some(signer.clone()) {
        return Err(ErrorCode::KeyMismatch.into());
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
        return Err(ErrorCode::BadName.into());
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
        Err(refused) => Err(Failure(match refused {
            PairingRefused::UnknownInvite => ErrorCode::UnknownInvite,
            PairingRefused::ExpiredInvite => ErrorCode::ExpiredInvite,
            PairingRefused::UsedInvite => ErrorCode::UsedInvite,
            PairingRefused::SpecialistHasNoDevice => ErrorCode::SpecialistNotReady,
            PairingRefused::AlreadyPaired => ErrorCode::AlreadyPaired,
        })),
    }
}

async fn unpair(
    State(state): State<Arc<AppState>>,
    Signed { signer, .. }: Signed,
) -> Result<StatusCode, Failure> {
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
    SignedJson {
        signer,
        body: message,
        bytes,
    }: SignedJson<SealedMessage>,
) -> Result<Response, Failure> {
    if message.from != signer {
        return Err(ErrorCode::WrongSender.into());
    }
    if message.version != VERSION {
        return Err(ErrorCode::UnsupportedVersion.into());
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
    query: Result<Query<After>, QueryRejection>,
    Signed { signer, .. }: Signed,
) -> Result<Json<Inbox>, Failure> {
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

/// A query is read before the signature but refused only after it.
fn bad_query() -> Failure {
    Failure(ErrorCode::BadQuery)
}

/// At most this many ids per read or receipt request.
const MAX_IDS: usize = 500;

async fn read(
    State(state): State<Arc<AppState>>,
    SignedJson {
        signer,
        body: request,
        ..
    }: SignedJson<ReadRequest>,
) -> Result<StatusCode, Failure> {
    if request.ids.len() > MAX_IDS {
        return Err(Failure::too_large());
    }
    state
        .store(move |store| store.mark_read(&signer, &request.ids, crate::now_ms()))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn acknowledge(
    State(state): State<Arc<AppState>>,
    SignedJson {
        signer,
        body: request,
        ..
    }: SignedJson<ReadRequest>,
) -> Result<StatusCode, Failure> {
    if request.ids.len() > MAX_IDS {
        return Err(Failure::too_large());
    }
    state
        .store(move |store| store.acknowledge(&signer, &request.ids, crate::now_ms()))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct Ids {
    ids: String,
}

async fn receipts(
    State(state): State<Arc<AppState>>,
    query: Result<Query<Ids>, QueryRejection>,
    Signed { signer, .. }: Signed,
) -> Result<Json<Receipts>, Failure> {
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
