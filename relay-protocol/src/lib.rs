//! The protocol between Phoenix devices and the organization's relay.
//!
//! - [`identity`]: a device's long-lived keys: Ed25519 signs requests and
//!   names its mailbox (the X25519 half it also publishes is no longer used
//!   for messages).
//! - [`request`]: every request to the relay is signed over its method,
//!   path, time, a nonce and the body's hash; the relay rejects a bad or
//!   replayed signature ([`request::ReplayGuard`]).
//! - [`inbox_secrets`]: the specialist's login secret and unwrap key,
//!   derived from their password in the browser (Argon2id, HKDF).
//! - [`channel`]: end-to-end messages on Olm 1:1 sessions (vodozemac's
//!   audited double ratchet), with keys checked against the invite's
//!   fingerprint, padded letters and per-direction sequence numbers. The
//!   relay sees only ciphertext, mailbox ids, size buckets and times.
//! - [`waiting`]: the waiting key, which may only ask how many messages
//!   are waiting (the background check, with the vault locked).
//! - [`share`]: the items a participant shares with their specialist,
//!   typed and versioned, carried in a letter (frame format 2).
//! - [`api`]: the relay's HTTP API as JSON types.

pub mod api;
pub mod channel;
pub mod encoding;
pub mod error;
pub mod identity;
pub mod inbox_secrets;
pub mod request;
pub mod share;
pub mod waiting;

pub use error::ProtocolError;
pub use identity::{DeviceIdentity, DevicePublicKeys, MailboxId};
