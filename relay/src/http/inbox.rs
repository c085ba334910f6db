//! `/inbox/api`: the specialist's session. A login sets an `HttpOnly`,
//! `SameSite=Strict` cookie (and `Secure` behind HTTPS); every change also
//! needs the session's CSRF token in `x-csrf-token` and, when the browser
//! sends one, an `Origin` matching the relay's own host.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use relay_protocol::DevicePublicKeys;
use relay_protocol::api::ErrorCode;
use relay_protocol::channel::ChannelIdentity;
use relay_protocol::inbox_secrets;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::AppState;
use super::client::ClientAddress;
use super::failure::{Failure, body_bytes, json};
use super::throttle;
use crate::secrets::{self, sha256};
use crate::store::Session;

type Body = Result<Bytes, BytesRejection>;

const COOKIE: &str = "phoenix_inbox";
const CSRF_HEADER: &str = "x-csrf-token";

pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/inbox/api/salt", get(salt))
        .route("/inbox/api/login", post(login))
        .route("/inbox/api/password", post(change_password))
        .route("/inbox/api/logout", post(logout))
        .route("/inbox/api/me", get(me))
        .route("/inbox/api/device", put(register_device))
        .route("/inbox/api/invites", post(create_invite))
        .route("/inbox/api/participants", get(participants))
        .route("/inbox/api/participants/{id}", delete(unpair))
}

/// The browser never sends the password: it sends the login secret derived
/// from it (`relay_protocol::inbox_secrets`), which cannot unwrap its keys.
#[derive(Deserialize)]
struct Login {
    username: String,
    secret: Zeroizing<String>,
}

#[derive(Deserialize)]
struct SaltQuery {
    username: String,
}

#[derive(Serialize)]
struct SaltAnswer {
    salt: String,
}

/// The salt the browser derives the specialist's secrets with. The same
/// answer for every name, known or not: it is derived from the name.
async fn salt(
    query: Result<Query<SaltQuery>, QueryRejection>,
) -> Result<Json<SaltAnswer>, Failure> {
    let Query(SaltQuery { username }) = query.map_err(|_| Failure(ErrorCode::BadQuery))?;
    Ok(Json(SaltAnswer {
        salt: inbox_secrets::salt_for(&username),
    }))
}

/// What the inbox page needs to know about the signed-in specialist.
#[derive(Serialize)]
struct Me {
    name: String,
    csrf: String,
    device: Option<DevicePublicKeys>,
}

fn unauthenticated() -> Failure {
    Failure(ErrorCode::NotSignedIn)
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == COOKIE).then(|| value.to_owned())
        })
}

/// A request from another site is refused even before the CSRF token.
fn same_origin(headers: &HeaderMap) -> Result<(), Failure> {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return Ok(());
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin.split_once("://").map(|(_, host)| host);
    if host.is_some() && origin_host == host {
        Ok(())
    } else {
        Err(Failure(ErrorCode::CrossOrigin))
    }
}

/// The signed-in session; for changes, also the CSRF token and origin.
pub(super) async fn session(
    state: &AppState,
    headers: &HeaderMap,
    change: bool,
) -> Result<Session, Failure> {
    if change {
        same_origin(headers)?;
    }
    let token = cookie_token(headers).ok_or_else(unauthenticated)?;
    let hash = sha256(&token);
    let session = state
        .store(move |store| store.session(&hash, crate::now_ms()))
        .await?
        .ok_or_else(unauthenticated)?;
    if change {
        let sent = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
        // Hashes compared, so the comparison's time says nothing about the token.
        if sent.map(sha256) != Some(sha256(&session.csrf)) {
            return Err(Failure(ErrorCode::Csrf));
        }
    }
    Ok(session)
}

fn cookie(state: &AppState, value: &str, max_age_seconds: i64) -> HeaderValue {
    let secure = if state.limits.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{COOKIE}={value}; HttpOnly; SameSite=Strict; Path=/inbox; Max-Age={max_age_seconds}{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

async fn login(
    State(state): State<Arc<AppState>>,
    address: ClientAddress,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Failure> {
    same_origin(&headers)?;
    let request: Login = json(&body_bytes(body)?)?;
    let username = request.username.trim().to_lowercase();
    throttle::login(&state, &username, &address).await?;
    let lookup = username.clone();
    let found = state
        .store(move |store| store.specialist_by_username(&lookup))
        .await?;
    // Verify against a decoy when the name is unknown: same time, same answer.
    let hash = found.as_ref().map_or_else(
        || secrets::decoy_hash().to_owned(),
        |s| s.password_hash.clone(),
    );
    let valid = throttle::verify_password(&state, request.secret, hash).await?;
    let valid = valid && found.is_some();
    throttle::login_outcome(&state, &username, &address, valid).await?;
    let Some(specialist) = found.filter(|_| valid) else {
        return Err(Failure(ErrorCode::BadLogin));
    };
    let token = secrets::token();
    let csrf = secrets::token().to_string();
    let (hash, id, csrf_stored) = (sha256(&token), specialist.id, csrf.clone());
    let ttl = state.limits.session_ttl_ms;
    state
        .store(move |store| {
            let now = crate::now_ms();
            store.create_session(&hash, id, &csrf_stored, now + ttl, now)
        })
        .await?;
    let me = Me {
        name: specialist.display_name,
        csrf,
        device: specialist.device,
    };
    let mut response = Json(me).into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, cookie(&state, &token, ttl / 1000));
    Ok(response)
}

#[derive(Deserialize)]
struct ChangePassword {
    /// The login secret of the current password.
    secret: Zeroizing<String>,
    /// The login secret of the new one.
    new_secret: Zeroizing<String>,
}

/// The specialist changes their password in the inbox: the browser re-wraps
/// its keys under the new unwrap key and sends only the new login secret.
/// Every session ends, this one too; the inbox signs in again.
async fn change_password(
    State(state): State<Arc<AppState>>,
    address: ClientAddress,
    headers: HeaderMap,
    body: Body,
) -> Result<StatusCode, Failure> {
    let session = session(&state, &headers, true).await?;
    let request: ChangePassword = json(&body_bytes(body)?)?;
    let id = session.specialist_id;
    let specialist = state
        .store(move |store| store.specialist(id))
        .await?
        .ok_or_else(unauthenticated)?;
    throttle::login(&state, &specialist.username, &address).await?;
    let valid = throttle::verify_password(&state, request.secret, specialist.password_hash).await?;
    throttle::login_outcome(&state, &specialist.username, &address, valid).await?;
    if !valid {
        return Err(Failure(ErrorCode::BadLogin));
    }
    let new_secret = request.new_secret;
    let hash = tokio::task::spawn_blocking(move || secrets::hash_password(&new_secret))
        .await
        .map_err(|_| Failure::internal())?
        .map_err(|_| Failure::internal())?;
    let username = specialist.username;
    state
        .store(move |store| store.set_password(&username, &hash))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn logout(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Response, Failure> {
    session(&state, &headers, true).await?;
    if let Some(token) = cookie_token(&headers) {
        let hash = sha256(&token);
        state.store(move |store| store.end_session(&hash)).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, cookie(&state, "", 0));
    Ok(response)
}

async fn me(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Result<Json<Me>, Failure> {
    let session = session(&state, &headers, false).await?;
    let id = session.specialist_id;
    let specialist = state
        .store(move |store| store.specialist(id))
        .await?
        .ok_or_else(unauthenticated)?;
    Ok(Json(Me {
        name: specialist.display_name,
        csrf: session.csrf,
        device: specialist.device,
    }))
}

#[derive(Deserialize)]
struct RegisterDevice {
    keys: DevicePublicKeys,
}

async fn register_device(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Body,
) -> Result<StatusCode, Failure> {
    let session = session(&state, &headers, true).await?;
    let RegisterDevice { keys } = json(&body_bytes(body)?)?;
    let mailbox = keys
        .validated_mailbox()
        .map_err(|_| Failure::malformed_json())?;
    let id = session.specialist_id;
    let registered = state
        .store(move |store| store.set_specialist_device(id, &keys, &mailbox))
        .await?;
    if registered {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(Failure(ErrorCode::DeviceExists))
    }
}

#[derive(Serialize)]
struct Invite {
    code: String,
    expires_at_ms: i64,
    /// The code as a QR code, an SVG document.
    qr_svg: String,
}

async fn create_invite(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Json<Invite>, Failure> {
    let session = session(&state, &headers, true).await?;
    let code = secrets::invite_code();
    let hash = sha256(&secrets::normalize_invite(&code));
    let expires_at_ms = crate::now_ms() + state.limits.invite_ttl_ms;
    let id = session.specialist_id;
    state
        .store(move |store| store.create_invite(&hash, id, expires_at_ms))
        .await?;
    let qr_svg = qrcode::QrCode::new(code.as_bytes())
        .map(|qr| {
            qr.render::<qrcode::render::svg::Color>()
                .min_dimensions(160, 160)
                .build()
        })
        .map_err(|_| Failure::internal())?;
    Ok(Json(Invite {
        code,
        expires_at_ms,
        qr_svg,
    }))
}

#[derive(Serialize)]
struct Participant {
    id: i64,
    name: String,
    keys: DevicePublicKeys,
    mailbox: String,
    paired_at_ms: i64,
    /// The participant's channel identity, to accept their first message.
    identity: Option<ChannelIdentity>,
}

#[derive(Serialize)]
struct Participants {
    participants: Vec<Participant>,
}

async fn participants(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Json<Participants>, Failure> {
    let session = session(&state, &headers, false).await?;
    let id = session.specialist_id;
    let pairings = state.store(move |store| store.pairings_of(id)).await?;
    Ok(Json(Participants {
        participants: pairings
            .into_iter()
            .map(|pairing| Participant {
                id: pairing.id,
                name: pairing.participant_name,
                keys: pairing.participant_keys,
                mailbox: pairing.participant_mailbox.0,
                paired_at_ms: pairing.paired_ms,
                identity: pairing.participant_identity,
            })
            .collect(),
    }))
}

async fn unpair(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    pairing: Result<Path<i64>, PathRejection>,
) -> Result<StatusCode, Failure> {
    let session = session(&state, &headers, true).await?;
    // An id that is not a number names no participant.
    let Ok(Path(pairing)) = pairing else {
        return Err(Failure(ErrorCode::NoSuchParticipant));
    };
    let id = session.specialist_id;
    let ended = state
        .store(move |store| store.unpair_by_specialist(id, pairing, crate::now_ms()))
        .await?;
    if ended {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(Failure(ErrorCode::NoSuchParticipant))
    }
}
