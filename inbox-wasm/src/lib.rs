//! The specialist's inbox's cryptography: `relay-protocol` compiled to wasm
//! for the inbox page (relay/static/inbox.js), so the participant's core and
//! the inbox run one implementation of the protocol.
//!
//! - [`keyring`]: the password → login secret (sent to the relay) and unwrap
//!   key (kept in wasm memory), and the inbox's stored state sealed under it.
//! - [`state`]: what the inbox keeps secret (device keys for signed relay
//!   requests, the Olm account, each participant's remembered identity and
//!   channel), sealed under the keyring between uses.
//! - [`invite`]: the invite's QR code, with this inbox's key fingerprint.
//! - [`words`]: every word the inbox shows, in English or Spanish, from the
//!   `inbox-` section of the app's Fluent files.
//!
//! The wasm-bindgen surface (`bindings`, wasm32 only) is thin: it converts
//! to and from JavaScript values and turns every error into a JavaScript
//! `Error` naming the failed check, never a key and never message content.
//! Nothing here panics across the boundary.
//!
//! `cargo xtask inbox` builds it (release, wasm-bindgen `--target web`) into
//! inbox-wasm/pkg, which the relay serves under `/inbox/pkg/` (see
//! relay/README.md).

pub mod invite;
pub mod keyring;
pub mod state;
pub mod words;

#[cfg(target_arch = "wasm32")]
mod bindings;
