//! The specialist's inbox page and the API description, compiled in so the
//! relay is one file to deploy.

use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use super::AppState;

const INBOX_HTML: &str = include_str!("../../static/inbox.html");
const INBOX_JS: &str = include_str!("../../static/inbox.js");
const INBOX_CRYPTO_JS: &str = include_str!("../../static/crypto.js");
const OPENAPI: &str = include_str!("../../openapi.yaml");

/// Scripts only from the relay itself; nothing from anywhere else.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; \
     frame-ancestors 'none'";

fn page(content_type: &'static str, body: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    response
}

pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/inbox") }))
        .route(
            "/inbox",
            get(|| async { page("text/html; charset=utf-8", INBOX_HTML) }),
        )
        .route(
            "/inbox/inbox.js",
            get(|| async { page("text/javascript; charset=utf-8", INBOX_JS) }),
        )
        .route(
            "/inbox/crypto.js",
            get(|| async { page("text/javascript; charset=utf-8", INBOX_CRYPTO_JS) }),
        )
        .route(
            "/openapi.yaml",
            get(|| async { page("application/yaml; charset=utf-8", OPENAPI) }),
        )
}
