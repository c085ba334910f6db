//! The protocol between Phoenix devices and the organization's relay.
//!
//! - [`identity`]: a device's two long-lived keys: Ed25519 to sign requests,
//!   X25519 to agree message keys with a paired device.
//! - [`request`]: every request to the relay is signed over its method,
//!   path, time, a nonce and the body's hash; the relay rejects a bad or
//!   replayed signature ([`request::ReplayGuard`]).
//! - [`inbox_secrets`]: the specialist's login secret and unwrap key,
//!   derived from their password in the browser (Argon2id, HKDF).
//! - [`message`]: end-to-end sealed messages (X25519 + HKDF-SHA-256 +
//!   AES-256-GCM, each step from ring except the static X25519, which ring
//!   does not offer). The relay sees only ciphertext and mailbox ids; the
//!   recipient detects tampering, replay and reordering.
//!
//! Why these and not HPKE: the specialist's inbox runs in a browser, and
//! WebCrypto offers exactly X25519, HKDF and AES-GCM (and Ed25519), so both
//! sides implement the same small construction with platform primitives.

pub mod api;
pub mod channel;
pub mod encoding;
pub mod error;
pub mod identity;
pub mod inbox_secrets;
pub mod message;
pub mod request;

pub use error::ProtocolError;
pub use identity::{DeviceIdentity, DevicePublicKeys, MailboxId};
