//! `relay-schema-proxy`: lets schemathesis (`cargo xtask test relay`) reach
//! the relay's signed and signed-in routes.
//!
//! It starts `phoenix-relay` on the given database, creates a specialist
//! (signed in, inbox keys registered, channel keys published) and a
//! participant's device paired with her, with a waiting key, then listens on
//! loopback and forwards every request to the relay, answering with the
//! relay's answer unchanged. The first line it prints names its address,
//! the participant's mailbox (`participant=`) and the specialist's
//! (`specialist=`), for schemathesis to send letters between them.
//!
//! schemathesis sends a stand-in ([`STAND_IN`]) for each credential the
//! OpenAPI file declares (the `schemathesis.toml` xtask writes); the proxy
//! replaces stand-ins, and nothing else:
//! - `x-phoenix-signature: <stand-in>`: the four `x-phoenix-*` headers become
//!   a real signature (`relay_protocol`'s signing through
//!   [`relay::testing::Device`], fresh time and nonce) over the request as
//!   forwarded: by the participant's device, except `PUT /v1/keys` (the
//!   specialist's inbox) and `GET /v1/waiting` (the waiting key);
//! - the `phoenix_inbox` cookie and the `x-csrf-token` stand-ins become the
//!   specialist's session cookie and CSRF token.
//!
//! A request without stand-ins (schemathesis checking that a route refuses
//! missing or wrong credentials) reaches the relay exactly as it was sent.
//!
//! Requests that end a credential are followed, so later ones still reach
//! the handlers: after the participant is unpaired (`DELETE /v1/pairing`,
//! or the specialist's `DELETE /inbox/api/participants/{id}`), its device
//! pairs again with a new invite (and registers a new waiting key) before
//! the next signed request; after
//! a sign-out or a password change, the specialist signs in again before
//! the next session request. The relay runs with limits high enough that
//! this setup is never refused as too frequent.
//!
//! An event stream (`/inbox/api/events`) stays open on the relay: the proxy
//! answers with what it sent in its first [`EVENT_STREAM_READ`], then closes.
//!
//! It stops, and stops the relay, when its standard input closes.

use std::io::Read;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use clap::Parser;
use relay::testing::{Device, Relay, Specialist};
use relay_protocol::DeviceIdentity;
use relay_protocol::api;
use relay_protocol::channel::Account;
use relay_protocol::request::{HEADER_DEVICE, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIME};
use relay_protocol::waiting::WAITING;
use zeroize::Zeroizing;

/// What schemathesis sends in place of each credential.
const STAND_IN: &str = "relay-schema-proxy";
/// The specialist the proxy signs in as.
const USERNAME: &str = "schema";
const COOKIE: &str = "phoenix_inbox";
const CSRF_HEADER: &str = "x-csrf-token";
const EVENTS: &str = "/inbox/api/events";
/// More than the relay takes, so that it, not the proxy, refuses a large body.
const MAX_BODY: usize = 16 << 20;
/// How long the proxy reads an event stream before it ends it.
const EVENT_STREAM_READ: Duration = Duration::from_millis(300);
/// Headers about the connection, not the request: each side sets its own.
const HOP_BY_HOP: [&str; 5] = [
    "host",
    "connection",
    "content-length",
    "transfer-encoding",
    "keep-alive",
];

#[derive(Parser)]
struct Options {
    /// The relay's `--database` (a fresh SQLite file).
    #[arg(long)]
    database: String,
}

fn main() {
    let options = Options::parse();
    let relay = Relay::start(
        &options.database,
        &[
            "--device-requests-per-second",
            "1000",
            "--pairings-per-minute",
            "1000",
            "--logins-per-minute",
            "1000",
        ],
    );
    relay.add_specialist(USERNAME, "Schema Specialist");
    let credentials = Credentials::new(&relay.url);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(serve(credentials));
    // Dropping the relay stops its process.
    drop(relay);
}

type Shared = Arc<Mutex<Credentials>>;

async fn serve(credentials: Credentials) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let address = listener.local_addr().expect("the listener's address");
    println!(
        "relay-schema-proxy listening on http://{address} participant={} specialist={}",
        credentials.participant.identity.mailbox().0,
        credentials.specialist.device.mailbox().0,
    );
    let state: Shared = Arc::new(Mutex::new(credentials));
    let app = Router::new().fallback(forward).with_state(state);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::task::spawn_blocking(|| {
                std::io::copy(&mut std::io::stdin(), &mut std::io::sink())
            })
            .await;
        })
        .await
        .expect("the proxy serves");
}

/// A request as schemathesis sent it.
struct Incoming {
    method: String,
    path_and_query: String,
    headers: HeaderMap,
    body: Bytes,
}

/// The relay's answer, to pass back unchanged.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

async fn forward(State(state): State<Shared>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        return proxy_failure("the proxy could not read the request body".into());
    };
    let incoming = Incoming {
        method: parts.method.to_string(),
        path_and_query: parts
            .uri
            .path_and_query()
            .map_or("/", |path| path.as_str())
            .to_owned(),
        headers: parts.headers,
        body,
    };
    let forwarded = tokio::task::spawn_blocking(move || {
        state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .forward(&incoming)
    })
    .await;
    match forwarded {
        Ok(Ok(answer)) => {
            let mut response = Response::builder().status(answer.status);
            for (name, value) in answer.headers {
                response = response.header(name, value);
            }
            response
                .body(Body::from(answer.body))
                .unwrap_or_else(|error| proxy_failure(error.to_string()))
        }
        Ok(Err(error)) => proxy_failure(error),
        Err(_) => proxy_failure("the proxy's setup failed (see its output)".into()),
    }
}

/// The proxy's own failure: a 502 that schemathesis reports as undocumented.
fn proxy_failure(reason: String) -> Response {
    eprintln!("relay-schema-proxy: {reason}");
    (StatusCode::BAD_GATEWAY, reason).into_response()
}

/// Which stand-ins a request carries.
struct StandIns {
    signature: bool,
    cookie: bool,
    csrf: bool,
}

impl StandIns {
    fn of(headers: &HeaderMap) -> Self {
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        Self {
            signature: header(HEADER_SIGNATURE) == Some(STAND_IN),
            cookie: cookie_pairs(headers).any(|(name, value)| name == COOKIE && value == STAND_IN),
            csrf: header(CSRF_HEADER) == Some(STAND_IN),
        }
    }
}

fn cookie_pairs(headers: &HeaderMap) -> impl Iterator<Item = (&str, &str)> {
    headers
        .get_all("cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
}

/// The credentials stand-ins are replaced with.
struct Credentials {
    url: String,
    specialist: Specialist,
    /// The participant's device key, kept when it pairs again.
    participant_key: Zeroizing<Vec<u8>>,
    participant: Device,
    waiting: Device,
    /// The participant was unpaired: a new device pairs before the next
    /// signed request.
    unpaired: bool,
    /// The session ended: the specialist signs in before the next request
    /// that needs it.
    signed_out: bool,
    agent: ureq::Agent,
    /// For event streams: a read that waits longer ends the stream.
    events_agent: ureq::Agent,
}

impl Credentials {
    fn new(url: &str) -> Self {
        let mut specialist = Specialist::sign_in_at(url, USERNAME);
        let participant_key = DeviceIdentity::generate()
            .expect("a device key")
            .to_secret_bytes();
        let (participant, waiting) = pair(&mut specialist, &participant_key);
        Self {
            url: url.to_owned(),
            specialist,
            participant_key,
            participant,
            waiting,
            unpaired: false,
            signed_out: false,
            agent: ureq::AgentBuilder::new().redirects(0).build(),
            events_agent: ureq::AgentBuilder::new()
                .redirects(0)
                .timeout_read(EVENT_STREAM_READ)
                .build(),
        }
    }

    /// Sends `incoming` to the relay with its stand-ins replaced.
    fn forward(&mut self, incoming: &Incoming) -> Result<Answer, String> {
        let stand_ins = StandIns::of(&incoming.headers);
        let path = incoming
            .path_and_query
            .split('?')
            .next()
            .unwrap_or_default()
            .to_owned();
        if (stand_ins.cookie || stand_ins.csrf || self.unpaired) && self.signed_out {
            self.specialist.sign_in_again(USERNAME);
            self.signed_out = false;
        }
        if stand_ins.signature && self.unpaired {
            (self.participant, self.waiting) = pair(&mut self.specialist, &self.participant_key);
            self.unpaired = false;
        }
        let agent = if path == EVENTS {
            &self.events_agent
        } else {
            &self.agent
        };
        let mut request = agent.request(
            &incoming.method,
            &format!("{}{}", self.url, incoming.path_and_query),
        );
        for (name, value) in &incoming.headers {
            let name = name.as_str();
            let replaced = [HEADER_DEVICE, HEADER_TIME, HEADER_NONCE, HEADER_SIGNATURE]
                .contains(&name)
                && stand_ins.signature;
            if HOP_BY_HOP.contains(&name) || replaced {
                continue;
            }
            let Ok(value) = value.to_str() else { continue };
            request = match name {
                "cookie" if stand_ins.cookie => {
                    request.set(name, &self.session_cookie(&incoming.headers))
                }
                CSRF_HEADER if stand_ins.csrf => request.set(name, &self.specialist.csrf),
                _ => request.set(name, value),
            };
        }
        if stand_ins.signature {
            let sent = sent_path(&request)?;
            let signer = match path.as_str() {
                api::KEYS => &self.specialist.as_device(),
                WAITING => &self.waiting,
                _ => &self.participant,
            };
            for (name, value) in signer.sign(&incoming.method, &sent, &incoming.body).headers {
                request = request.set(name, &value);
            }
        }
        let answer = answer(
            if incoming.body.is_empty() && !incoming.headers.contains_key("content-length") {
                request.call()
            } else {
                request.send_bytes(&incoming.body)
            },
            path == EVENTS,
        )?;
        self.follow(incoming, &path, &stand_ins, answer.status);
        Ok(answer)
    }

    /// The request's cookies with the session stand-in replaced.
    fn session_cookie(&self, headers: &HeaderMap) -> String {
        cookie_pairs(headers)
            .map(|(name, value)| {
                if name == COOKIE && value == STAND_IN {
                    self.specialist.cookie().to_owned()
                } else {
                    format!("{name}={value}")
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Notes a credential that the relay just ended.
    fn follow(&mut self, incoming: &Incoming, path: &str, stand_ins: &StandIns, status: u16) {
        if !(200..300).contains(&status) {
            return;
        }
        let method = incoming.method.as_str();
        if (method == "DELETE" && path == api::PAIRING && stand_ins.signature)
            || (method == "DELETE" && path.starts_with("/inbox/api/participants/"))
        {
            self.unpaired = true;
        }
        if method == "POST" && ["/inbox/api/logout", "/inbox/api/password"].contains(&path) {
            self.signed_out = true;
        }
    }
}

/// The participant's device (key `participant_key`) paired with
/// `specialist` (a new one-time key published for it), and its newly
/// registered waiting key.
fn pair(specialist: &mut Specialist, participant_key: &[u8]) -> (Device, Device) {
    specialist.publish_keys(1);
    let participant = Device::with_identity(
        &specialist.url,
        DeviceIdentity::from_secret_bytes(participant_key).expect("the participant's key"),
        Account::new(),
    );
    participant.paired(&specialist.invite(), "Sam");
    let (waiting, registered) = participant.register_waiting_key();
    assert_eq!(registered.status, 204, "{registered:?}");
    (participant, waiting)
}

/// The path and query exactly as the request will send them (the URL
/// parser may normalise what schemathesis sent): what the signature covers.
fn sent_path(request: &ureq::Request) -> Result<String, String> {
    let url = request.request_url().map_err(|error| error.to_string())?;
    let url = url.as_url();
    Ok(match url.query() {
        Some(query) if !query.is_empty() => format!("{}?{query}", url.path()),
        _ => url.path().to_owned(),
    })
}

/// The relay's answer; for an event stream, what arrived before the read
/// timed out.
fn answer(result: Result<ureq::Response, ureq::Error>, stream: bool) -> Result<Answer, String> {
    let response = match result {
        Ok(response) | Err(ureq::Error::Status(_, response)) => response,
        Err(error) => return Err(format!("the relay did not answer: {error}")),
    };
    let status = response.status();
    let headers = response
        .headers_names()
        .into_iter()
        .filter(|name| !HOP_BY_HOP.contains(&name.as_str()))
        .flat_map(|name| {
            response
                .all(&name)
                .into_iter()
                .map(|value| (name.clone(), value.to_owned()))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut body = Vec::new();
    let read = response
        .into_reader()
        .take(MAX_BODY as u64)
        .read_to_end(&mut body);
    if let Err(error) = read
        && !stream
    {
        return Err(format!("the relay's answer could not be read: {error}"));
    }
    Ok(Answer {
        status,
        headers,
        body,
    })
}
