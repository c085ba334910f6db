//! The wasm-bindgen surface for the web shell's dedicated Worker.
//!
//! The worker calls [`open_storage`] once, before anything else: it installs
//! the OPFS sync-access-handle pool as SQLite's default VFS, so the vault's
//! file (and its WAL) persist in the origin-private file system across reloads
//! and browser restarts. Everything here runs on that one worker thread.
//!
//! Errors cross the boundary as [`WebError`] values, never panics and never
//! participant content. The panic hook only improves diagnostics.
//!
//! [`WebCore`] is the core itself: events, shell-request answers and view
//! models cross as bincode bytes, as they do over UniFFI on the phones.

mod error;
mod storage;
mod web_core;

pub use error::WebError;
pub use storage::open_storage;
pub use web_core::WebCore;
