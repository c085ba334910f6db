//! `/v1`: what devices ask of the relay, each request signed and checked by
//! the [`Signed`] extractor before a handler runs.

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use relay_protocol::MailboxId;
use relay_protocol::api::{
    self, ErrorCode, KeysPublished, PairRequest, Paired, PublishKeys, ReadRequest, Receipts, Sent,
};
use relay_protocol::channel;
use relay_protocol::request::{HEADER_DEVICE, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIME};
use serde::Deserialize;
use serde_json::{Value, json};
use tower_http::cors::{Any, CorsLayer};

use super::AppState;
use super::client::ClientAddress;
use super::failure::{Failure, json};
use super::signed::{Signed, SignedJson, Unrecorded};
use crate::secrets::{normalize_invite, sha256};
use crate::store::PairingRefused;

pub fn routes() -> Router<Arc<AppState>> {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
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
        .route(api::KEYS, put(publish_keys))
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
    request
        .identity
        .fingerprint()
        .map_err(|_| Failure::malformed_json())?;
    let name = api::shareable_name(&request.name).ok_or(ErrorCode::BadName)?;
    let code_hash = sha256(&normalize_invite(&request.invite));
    let (keys, identity) = (request.keys.clone(), request.identity.clone());
    let outcome = state
        .store(move |store| {
            store.redeem_invite(
                &code_hash,
                &keys,
                &signer,
                &identity,
                &name,
                crate::now_ms(),
            )
        })
        .await?;
    match outcome {
        Ok((specialist, claimed)) => Ok(Json(Paired {
            specialist_name: specialist.display_name,
            specialist_keys: specialist.device.ok_or_else(Failure::internal)?,
            specialist_channel: claimed,
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

/// The specialist's inbox publishes its channel identity and one-time keys;
/// each key is handed to one pairing ([`pair`]).
async fn publish_keys(
    State(state): State<Arc<AppState>>,
    SignedJson {
        signer,
        body: bundle,
        ..
    }: SignedJson<PublishKeys>,
) -> Result<Json<KeysPublished>, Failure> {
    bundle
        .identity
        .fingerprint()
        .map_err(|_| Failure::malformed_json())?;
    if bundle.one_time_keys.len() > api::MAX_ONE_TIME_KEYS {
        return Err(Failure::too_large());
    }
    let published = state
        .store(move |store| store.publish_keys(&signer, &bundle))
        .await?
        .ok_or(Failure(ErrorCode::NotASpecialist))?;
    Ok(Json(KeysPublished {
        one_time_keys: published,
    }))
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

/// Only the version, to choose how to check the rest.
#[derive(Deserialize)]
struct Versioned {
    version: u8,
}

/// One transaction per message: the request's replay record, its device's
/// limit and the message are written together ([`Unrecorded`]).
async fn send(
    State(state): State<Arc<AppState>>,
    request: Unrecorded<Versioned>,
) -> Result<Response, Failure> {
    let checked = if request.body.version == channel::VERSION {
        channel_message(&request.signer, &request.bytes)
    } else {
        Err(ErrorCode::UnsupportedVersion.into())
    };
    let (from, to) = match checked {
        Ok(mailboxes) => mailboxes,
        Err(failure) => return Err(request.refuse(&state, failure).await),
    };
    let Unrecorded { bytes, record, .. } = request;
    let stored = bytes.to_vec();
    let id = state
        .store(move |store| store.insert_message(&record, &from, &to, &stored, crate::now_ms()))
        .await??
        .ok_or_else(not_paired)?;
    let sent = Sent {
        id,
        received_at_ms: crate::now_ms(),
    };
    Ok((StatusCode::CREATED, Json(sent)).into_response())
}

/// A letter on the Olm channel (version 2), the only version both ends
/// send: padded to a size bucket, plus Olm's framing (at most a pre-key
/// message's keys and the MAC).
fn channel_message(signer: &MailboxId, bytes: &[u8]) -> Result<(MailboxId, MailboxId), Failure> {
    const OLM_OVERHEAD: usize = 512;
    let message: channel::SealedMessage = json(bytes)?;
    if message.from != *signer {
        return Err(ErrorCode::WrongSender.into());
    }
    let sealed_len = message
        .ciphertext_len()
        .map_err(|_| Failure::malformed_json())?;
    let largest = channel::SIZE_BUCKETS.iter().copied().max().unwrap_or(0);
    if sealed_len > largest + OLM_OVERHEAD {
        return Err(Failure::too_large());
    }
    Ok((message.from, message.to))
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
) -> Result<Json<Value>, Failure> {
    let Query(After { after }) = query.map_err(|_| bad_query())?;
    let stored = state
        .store(move |store| store.fetch_messages(&signer, after, crate::now_ms()))
        .await?;
    // An `Inbox` of `Delivery`s; each message as it was sent.
    let messages: Vec<Value> = stored
        .into_iter()
        .filter_map(|message| {
            let sealed: Value = serde_json::from_slice(&message.body).ok()?;
            Some(json!({
                "id": message.id,
                "received_at_ms": message.received_ms,
                "message": sealed,
            }))
        })
        .collect();
    Ok(Json(json!({ "messages": messages })))
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
    let ids = listed_ids(&ids).ok_or_else(bad_query)?;
    if ids.len() > MAX_IDS {
        return Err(Failure::too_large());
    }
    let receipts = state
        .store(move |store| store.receipts(&signer, &ids))
        .await?;
    Ok(Json(Receipts { receipts }))
}

/// `ids` as the clients write it and `openapi.yaml` describes it: ids of
/// 1 to 18 digits separated by single commas (no sign, space or empty
/// item), or nothing at all.
fn listed_ids(ids: &str) -> Option<Vec<i64>> {
    if ids.is_empty() {
        return Some(Vec::new());
    }
    ids.split(',')
        .map(|id| {
            let digits = (1..=18).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit());
            digits.then(|| id.parse().ok()).flatten()
        })
        .collect()
}
