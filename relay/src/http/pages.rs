//! The specialist's inbox page and the API description, compiled in so the
//! relay is one file to deploy; and the inbox's wasm (crate `inbox-wasm`,
//! built by `cargo xtask inbox`), read at start from the directory given by
//! `serve --inbox-assets` and served under `/inbox/pkg/`.

use std::path::Path;
use std::sync::{Arc, LazyLock};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use relay_protocol::api::ErrorCode;

use super::{AppState, Failure, urgent};

const INBOX_HTML: &str = include_str!("../../static/inbox.html");
const INBOX_JS: &str = include_str!("../../static/inbox.js");
/// The caseload list (`inbox.js` imports it).
const CASELOAD_JS: &str = include_str!("../../static/caseload.js");
/// The participant panel: the items a participant shares (`inbox.js` imports it).
const PANEL_JS: &str = include_str!("../../static/panel.js");
/// The inbox's words: the language choice and the wasm's Fluent formatting
/// (every module of the page imports it).
const WORDS_JS: &str = include_str!("../../static/words.js");

/// `{"en": …, "es": …}`: what the page says when the relay serves no wasm,
/// the one time it has no Fluent of its own (`inbox-no-code`, from the
/// app's Fluent files compiled in).
static NO_CODE_JSON: LazyLock<String> = LazyLock::new(|| {
    let [english, spanish] =
        urgent::LOCALES.map(|ftl| urgent::variants(ftl, "inbox-no-code").concat());
    serde_json::json!({ "en": english, "es": spanish }).to_string()
});
const OPENAPI: &str = include_str!("../../openapi.yaml");

/// Scripts only from the relay itself, and the inbox's WebAssembly compiled
/// from them (`wasm-unsafe-eval` allows compiling wasm, not `eval`);
/// nothing from anywhere else.
const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
     form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

/// The two files wasm-bindgen generates for the inbox.
pub const INBOX_WASM_JS: &str = "inbox.js";
pub const INBOX_WASM: &str = "inbox_bg.wasm";

/// The inbox's wasm and its JavaScript glue, read once at start.
#[derive(Debug, Clone)]
pub struct InboxAssets {
    js: Bytes,
    wasm: Bytes,
}

impl InboxAssets {
    /// Reads both files from `dir`; says how to build them when missing.
    pub fn load(dir: &Path) -> Result<Self, String> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map(Bytes::from).map_err(|error| {
                format!(
                    "cannot read the inbox's {name} in {} ({error}): build it with \
                     `cargo xtask inbox`, which writes inbox-wasm/pkg",
                    dir.display()
                )
            })
        };
        Ok(Self {
            js: read(INBOX_WASM_JS)?,
            wasm: read(INBOX_WASM)?,
        })
    }
}

fn page(content_type: &'static str, body: impl IntoResponse) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    response
}

/// One of the wasm files, or `not_found` from a relay started without them.
fn asset(
    state: &AppState,
    content_type: &'static str,
    pick: fn(&InboxAssets) -> &Bytes,
) -> Response {
    match &state.inbox_assets {
        Some(assets) => page(content_type, pick(assets).clone()),
        None => Failure(ErrorCode::NotFound).into_response(),
    }
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
            "/inbox/caseload.js",
            get(|| async { page("text/javascript; charset=utf-8", CASELOAD_JS) }),
        )
        .route(
            "/inbox/panel.js",
            get(|| async { page("text/javascript; charset=utf-8", PANEL_JS) }),
        )
        .route(
            "/inbox/words.js",
            get(|| async { page("text/javascript; charset=utf-8", WORDS_JS) }),
        )
        .route(
            "/inbox/no-code.json",
            get(|| async { page("application/json", NO_CODE_JSON.as_str()) }),
        )
        .route(
            "/inbox/urgent.json",
            get(|| async { page("application/json", urgent::URGENT_JSON.as_str()) }),
        )
        .route(
            "/inbox/pkg/inbox.js",
            get(|State(state): State<Arc<AppState>>| async move {
                asset(&state, "text/javascript; charset=utf-8", |a| &a.js)
            }),
        )
        .route(
            "/inbox/pkg/inbox_bg.wasm",
            get(|State(state): State<Arc<AppState>>| async move {
                asset(&state, "application/wasm", |a| &a.wasm)
            }),
        )
        .route(
            "/openapi.yaml",
            get(|| async { page("application/yaml; charset=utf-8", OPENAPI) }),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relay_without_the_inbox_s_code_says_so_in_english_and_spanish() {
        let words: serde_json::Value = serde_json::from_str(&NO_CODE_JSON).unwrap();
        assert!(
            words["en"]
                .as_str()
                .unwrap()
                .starts_with("This message server does not serve")
        );
        assert!(
            words["es"]
                .as_str()
                .unwrap()
                .starts_with("Este servidor de mensajes no ofrece")
        );
    }
}
