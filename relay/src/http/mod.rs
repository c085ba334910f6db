//! The relay's HTTP surface.
//!
//! - `/v1/…` ([`device`]): participants' and specialists' devices, every
//!   request signed with the device's Ed25519 key and checked by one
//!   extractor ([`signed`]); open to any origin (CORS) because a signature,
//!   not a cookie, is the credential.
//! - `/inbox/api/…` ([`inbox`]): the specialist's session (cookie + CSRF
//!   token), same origin only.
//! - `/inbox`, the inbox's wasm under `/inbox/pkg/` and `/openapi.yaml`
//!   ([`pages`]).
//!
//! Errors ([`failure`]) are JSON `ApiError`s whose code is a
//! `relay_protocol::api::ErrorCode`; none quotes a request.

mod device;
mod failure;
mod inbox;
mod pages;
mod signed;

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use relay_protocol::api::{ErrorCode, MAX_BODY_BYTES};
use relay_protocol::request::ReplayGuard;

use crate::db::DbError;
use crate::store::Store;
pub use failure::Failure;
pub use pages::InboxAssets;

/// What an organization may tune; the defaults suit a small organization.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Requests per second each device may make (bursts of three seconds' worth).
    pub device_requests_per_second: u32,
    /// Pairing attempts per minute from one network address.
    pub pairings_per_minute: u32,
    /// Login attempts per minute for one username.
    pub logins_per_minute: u32,
    pub invite_ttl_ms: i64,
    pub session_ttl_ms: i64,
    /// Mark the session cookie `Secure` (behind HTTPS, which production is).
    pub secure_cookies: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            device_requests_per_second: 20,
            pairings_per_minute: 10,
            logins_per_minute: 5,
            invite_ttl_ms: 24 * 60 * 60 * 1000,
            session_ttl_ms: 12 * 60 * 60 * 1000,
            secure_cookies: true,
        }
    }
}

pub struct AppState {
    store: Arc<Store>,
    replay: Mutex<ReplayGuard>,
    /// When this process started: the replay guard's memory begins here, so
    /// a request signed earlier is refused (a restart must not reopen the
    /// window for replaying captured requests).
    started_ms: i64,
    devices: DefaultKeyedRateLimiter<String>,
    pairings: DefaultKeyedRateLimiter<String>,
    logins: DefaultKeyedRateLimiter<String>,
    limits: Limits,
    /// The inbox's wasm, when the relay serves the inbox page's code.
    inbox_assets: Option<InboxAssets>,
}

fn quota_per_second(count: u32) -> Quota {
    let count = NonZeroU32::new(count.max(1)).unwrap_or(NonZeroU32::MIN);
    Quota::per_second(count)
        .allow_burst(count.saturating_mul(NonZeroU32::new(3).unwrap_or(NonZeroU32::MIN)))
}

fn quota_per_minute(count: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(count.max(1)).unwrap_or(NonZeroU32::MIN))
}

impl AppState {
    pub fn new(store: Store, limits: Limits) -> Arc<Self> {
        Self::serving_inbox(store, limits, None)
    }

    /// Also serves the inbox's wasm under `/inbox/pkg/` (see [`InboxAssets`]).
    pub fn serving_inbox(
        store: Store,
        limits: Limits,
        inbox_assets: Option<InboxAssets>,
    ) -> Arc<Self> {
        Arc::new(Self {
            store: Arc::new(store),
            replay: Mutex::new(ReplayGuard::default()),
            started_ms: crate::now_ms(),
            devices: RateLimiter::keyed(quota_per_second(limits.device_requests_per_second)),
            pairings: RateLimiter::keyed(quota_per_minute(limits.pairings_per_minute)),
            logins: RateLimiter::keyed(quota_per_minute(limits.logins_per_minute)),
            limits,
            inbox_assets,
        })
    }

    /// Runs a store call on the blocking pool.
    async fn store<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Store) -> Result<T, DbError> + Send + 'static,
    ) -> Result<T, Failure> {
        let store = Arc::clone(&self.store);
        tokio::task::spawn_blocking(move || work(&store))
            .await
            .map_err(|_| Failure::internal())?
            .map_err(|error| {
                // The detail may quote stored values: only the kind is logged.
                let kind = match error {
                    DbError::Conflict => "conflict",
                    DbError::Backend(_) => "backend",
                };
                eprintln!("relay: {} storage error ({kind})", self.store.backend());
                Failure::internal()
            })
    }

    /// Forgets idle rate-limit keys, so memory stays bounded.
    fn forget_idle(&self) {
        self.devices.retain_recent();
        self.pairings.retain_recent();
        self.logins.retain_recent();
    }
}

async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .merge(device::routes())
        .merge(inbox::routes())
        .merge(pages::routes())
        .fallback(|| async { Failure(ErrorCode::NotFound) })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

/// Serves until the process is stopped (SIGINT or SIGTERM).
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    let sweeper = Arc::clone(&state);
    tokio::spawn(async move {
        let mut every_minute = tokio::time::interval(Duration::from_secs(60));
        loop {
            every_minute.tick().await;
            sweeper.forget_idle();
        }
    });
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let Ok(mut terminate) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        else {
            return std::future::pending().await;
        };
        tokio::select! {
            _ = interrupt => {},
            _ = terminate.recv() => {},
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}
