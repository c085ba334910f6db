//! Phoenix's relay: an organization's server that stores and forwards
//! end-to-end sealed messages between participants and their specialists,
//! and serves the specialist's inbox page.
//!
//! - [`db`]: SQLite (default) and PostgreSQL behind one interface, with one
//!   schema for both.
//! - [`store`]: every query, written once.
//! - [`http`]: the API (`/v1`, signed by devices and checked by one
//!   extractor; `/inbox/api`, a specialist's session) and the inbox page.
//! - [`secrets`]: passwords (Argon2id), session tokens, invite codes.
//!
//! The relay never sees a message's text: it stores ciphertext, the two
//! mailbox ids, the size and the times.

pub mod db;
pub mod http;
pub mod secrets;
pub mod store;
pub mod testing;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
}
