//! The relay's HTTP surface.
//!
//! - `/v1/…` ([`device`]): participants' and specialists' devices, every
//!   request signed with the device's Ed25519 key and checked by one
//!   extractor ([`signed`]); the waiting key ([`waiting`]) may use only
//!   `GET /v1/waiting`; open to any origin (CORS) because a signature,
//!   not a cookie, is the credential.
//! - `/inbox/api/…` ([`inbox`]): the specialist's session (cookie + CSRF
//!   token), same origin only; `/inbox/api/events` ([`events`]) tells an
//!   open inbox that mail arrived.
//! - `/inbox`, the inbox's wasm under `/inbox/pkg/` and `/openapi.yaml`
//!   ([`pages`]).
//!
//! Errors ([`failure`]) are JSON `ApiError`s whose code is a
//! `relay_protocol::api::ErrorCode`; none quotes a request.

mod client;
mod device;
mod events;
mod failure;
mod inbox;
mod observe;
mod operator;
mod pages;
mod signed;
mod throttle;
mod urgent;
mod waiting;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use relay_protocol::api::{ErrorCode, MAX_BODY_BYTES};

use crate::db::DbError;
use crate::store::Store;
pub use failure::Failure;
pub use pages::InboxAssets;

/// What an organization may tune; the defaults suit a small organization.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Requests per second each device may make (bursts of three seconds' worth).
    pub device_requests_per_second: u32,
    /// Pairing attempts per minute from one client address.
    pub pairings_per_minute: u32,
    /// Login attempts per minute from one client address (failed logins
    /// also back off per username and address).
    pub logins_per_minute: u32,
    /// The header a trusted reverse proxy puts the client's address in
    /// (`x-forwarded-for`); `None` without a proxy: the socket's address.
    pub client_address_header: Option<String>,
    /// Password checks (Argon2id, about 19 MiB each) run at once.
    pub argon2_concurrency: usize,
    pub invite_ttl_ms: i64,
    /// How long the relay keeps a message that is never acknowledged (and
    /// an acknowledged one's delivery and read times).
    pub retention_ms: i64,
    pub session_ttl_ms: i64,
    /// Mark the session cookie `Secure` (behind HTTPS, which production is).
    pub secure_cookies: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            device_requests_per_second: 20,
            pairings_per_minute: 10,
            logins_per_minute: 20,
            client_address_header: None,
            argon2_concurrency: std::thread::available_parallelism().map_or(2, usize::from),
            invite_ttl_ms: 24 * 60 * 60 * 1000,
            retention_ms: 30 * 24 * 60 * 60 * 1000,
            session_ttl_ms: 12 * 60 * 60 * 1000,
            secure_cookies: true,
        }
    }
}

pub struct AppState {
    store: Arc<Store>,
    argon2: Arc<tokio::sync::Semaphore>,
    limits: Limits,
    /// The inbox's wasm, when the relay serves the inbox page's code.
    inbox_assets: Option<InboxAssets>,
    /// New mail, for the inbox's event streams ([`events`]).
    mail: events::MailWatch,
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
            argon2: Arc::new(tokio::sync::Semaphore::new(
                limits.argon2_concurrency.max(1),
            )),
            limits,
            inbox_assets,
            mail: events::MailWatch::default(),
        })
    }

    /// Runs a store call on the blocking pool.
    async fn store<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Store) -> Result<T, DbError> + Send + 'static,
    ) -> Result<T, Failure> {
        let store = Arc::clone(&self.store);
        let started = std::time::Instant::now();
        let outcome = tokio::task::spawn_blocking(move || work(&store)).await;
        observe::store_call(started.elapsed());
        outcome.map_err(|_| Failure::internal())?.map_err(|error| {
            // The detail may quote stored values: only the kind is logged.
            let kind = match error {
                DbError::Conflict => "conflict",
                DbError::Backend(_) => "backend",
            };
            eprintln!("relay: {} storage error ({kind})", self.store.backend());
            Failure::internal()
        })
    }

    /// Forgets expired replay records and limit counters, so the database
    /// stays bounded, and messages past their retention. Run before the
    /// relay listens, then every minute.
    pub async fn sweep(&self) {
        // A failure is logged by `store`; the next sweep tries again.
        let before_ms = crate::now_ms() - self.limits.retention_ms;
        let _ = self
            .store(move |store| {
                store.forget_expired(crate::now_ms())?;
                store.forget_messages_before(before_ms)
            })
            .await;
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

/// A route that exists, asked with a method it does not take.
async fn method_not_allowed() -> Failure {
    Failure(ErrorCode::MethodNotAllowed)
}

pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .merge(device::routes())
        .merge(inbox::routes())
        .merge(pages::routes())
        .merge(operator::routes())
        .merge(waiting::routes())
        .merge(events::routes())
        .fallback(|| async { Failure(ErrorCode::NotFound) })
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::map_response(security_headers))
        .layer(axum::middleware::from_fn(observe::count_requests))
        .with_state(state)
}

/// Serves until the process is stopped (SIGINT or SIGTERM); `/metrics` on
/// `metrics`, the operator's own listener, if given.
pub async fn serve(
    listener: tokio::net::TcpListener,
    metrics: Option<tokio::net::TcpListener>,
    state: Arc<AppState>,
) -> std::io::Result<()> {
    observe::install();
    if let Some(metrics) = metrics {
        let routes = observe::routes(Arc::clone(&state));
        tokio::spawn(async move {
            if let Err(error) = axum::serve(metrics, routes)
                .with_graceful_shutdown(shutdown_signal())
                .await
            {
                tracing::error!(%error, "the metrics listener stopped");
            }
        });
    }
    let sweeper = Arc::clone(&state);
    tokio::spawn(async move {
        let minute = Duration::from_secs(60);
        let mut every_minute =
            tokio::time::interval_at(tokio::time::Instant::now() + minute, minute);
        loop {
            every_minute.tick().await;
            sweeper.sweep().await;
            observe::upkeep();
        }
    });
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        shutdown_signal().await;
        tracing::info!("stopping: no new connections; finishing the requests in flight");
    })
    .await?;
    tracing::info!("stopped");
    Ok(())
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
