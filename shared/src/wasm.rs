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
//! [`smoke`] is a temporary, vault-only surface used by the browser smoke
//! tests until the core's host (`update` / `resolve` / `view` as bytes) is
//! wired in here; it is then removed.

mod error;
pub mod smoke;
mod storage;

pub use error::WebError;
pub use storage::open_storage;
