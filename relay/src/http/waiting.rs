//! The waiting key's two routes: a paired device registers its waiting key
//! (`PUT /v1/waiting-key`, signed by its main key), and the background
//! check asks how many messages are waiting (`GET /v1/waiting`, signed by
//! the waiting key: the only route that takes it).

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, put};
use axum::{Json, Router};
use relay_protocol::api::ErrorCode;
use relay_protocol::waiting::{RegisterWaitingKey, WAITING, WAITING_KEY, Waiting};

use super::AppState;
use super::failure::Failure;
use super::signed::{SignedJson, WaitingSigned};

pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route(WAITING_KEY, put(register))
        .route(WAITING, get(waiting))
}

async fn register(
    State(state): State<Arc<AppState>>,
    SignedJson {
        signer, body: key, ..
    }: SignedJson<RegisterWaitingKey>,
) -> Result<StatusCode, Failure> {
    let waiting = key
        .verify(&signer)
        .map_err(|_| Failure(ErrorCode::KeyMismatch))?;
    if waiting == signer {
        return Err(ErrorCode::KeyMismatch.into());
    }
    let registered = state
        .store(move |store| store.register_waiting_key(&signer, &waiting))
        .await?;
    if registered {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ErrorCode::NotPaired.into())
    }
}

async fn waiting(
    State(state): State<Arc<AppState>>,
    WaitingSigned { owner }: WaitingSigned,
) -> Result<Json<Waiting>, Failure> {
    let count = state
        .store(move |store| store.waiting_count(&owner))
        .await?
        .ok_or(Failure(ErrorCode::NotPaired))?;
    Ok(Json(Waiting {
        waiting: u32::try_from(count).unwrap_or(u32::MAX),
    }))
}
