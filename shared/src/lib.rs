//! Phoenix's shared core.
//!
//! - [`vault`]: the encrypted on-device store (rusqlite + ring) every platform uses.
//! - `wasm` (wasm32 only): the wasm-bindgen surface for the web shell's worker.

pub mod vault;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
