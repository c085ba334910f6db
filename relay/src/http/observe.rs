//! What the operator sees of the relay at work: a log span per request, and
//! Prometheus metrics, served at `/metrics` on the operator's own listener
//! (`--metrics-address`), never on the public one.
//!
//! Requests are counted by route *template* (`/inbox/api/participants/{id}`,
//! never the path a client sent, which could carry an id), method and
//! status, with a latency histogram; the store's calls have one too. At each
//! scrape the relay reads how many messages wait for delivery, the database
//! pool's connections in use and idle, and the Argon2 permits in use.
//! Nothing here carries a mailbox id, a name, an address or a message: the
//! span holds the route template, the method, the status and the latency.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tracing::Instrument;

use super::AppState;

/// Seconds: from a millisecond to a few seconds (Argon2, a slow database).
const BUCKETS: &[f64] = &[
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0,
];

/// The process's one Prometheus recorder, installed on first use (a
/// process has one global recorder; tests may start several routers).
fn exporter() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets(BUCKETS)
                .ok()?
                .install_recorder()
                .ok()
        })
        .as_ref()
}

/// Installs the recorder before the first request is counted.
pub fn install() {
    let _ = exporter();
}

/// Keeps the histograms' memory bounded between scrapes (every minute).
pub fn upkeep() {
    if let Some(handle) = exporter() {
        handle.run_upkeep();
    }
}

/// Counts and times every request, by route template and status, in a
/// `request` span that closes with one log line (at `info`).
pub async fn count_requests(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |path| path.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let span = tracing::info_span!(
        "request",
        route = %route,
        method = %method,
        status = tracing::field::Empty,
        latency_ms = tracing::field::Empty,
    );
    let started = Instant::now();
    let response = next.run(request).instrument(span.clone()).await;
    let elapsed = started.elapsed();
    let status = response.status().as_u16().to_string();
    span.record("status", response.status().as_u16());
    span.record("latency_ms", elapsed.as_secs_f64() * 1000.0);
    metrics::histogram!("relay_http_request_duration_seconds", "route" => route.clone(), "method" => method.clone())
        .record(elapsed.as_secs_f64());
    metrics::counter!("relay_http_requests_total", "route" => route, "method" => method, "status" => status)
        .increment(1);
    response
}

/// Times one store call, including its wait for the blocking pool and a
/// database connection.
pub fn store_call(elapsed: Duration) {
    metrics::histogram!("relay_store_call_duration_seconds").record(elapsed.as_secs_f64());
}

/// `/metrics`, for the operator's listener only.
pub fn routes(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(state)
}

#[allow(clippy::cast_precision_loss)] // counts far below 2^52
async fn scrape(State(state): State<Arc<AppState>>) -> Response {
    if let Ok(pending) = state.store(crate::store::Store::pending_messages).await {
        metrics::gauge!("relay_pending_messages").set(pending as f64);
    }
    if let Some(pool) = state.store.pool() {
        metrics::gauge!("relay_database_connections", "state" => "in_use").set(pool.in_use as f64);
        metrics::gauge!("relay_database_connections", "state" => "idle").set(pool.idle as f64);
    }
    let permits = state.limits.argon2_concurrency.max(1);
    let in_use = permits.saturating_sub(state.argon2.available_permits());
    metrics::gauge!("relay_argon2_permits_in_use").set(in_use as f64);
    metrics::gauge!("relay_argon2_permits").set(permits as f64);
    let Some(handle) = exporter() else {
        return super::Failure::internal().into_response();
    };
    handle.run_upkeep();
    let mut response = handle.render().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4"),
    );
    response
}
