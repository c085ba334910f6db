//! Phoenix's shared core.
//!
//! - [`app`]: the Crux app (events, update), delegating to [`model`] and [`view`].
//! - [`background`]: the phones' background check, outside the core and the vault.
//! - [`host`]: the core as shells use it, serving storage and time in Rust.
//! - [`vault`]: the encrypted on-device store (rusqlite + ring).
//! - [`i18n`]: the translations every shell shows.
//! - `ffi` (native only): the UniFFI object iOS and Android hold.
//! - `wasm` (wasm32 only): the wasm-bindgen surface for the web shell's worker.

// `facet::Facet` (the shape the typegen reads) derives methods with `unsafe`
// blocks in its generated code; the lint then flags every serde `Deserialize`
// beside it. None of it is our code: `unsafe_code` stays forbidden.
#![allow(clippy::unsafe_derive_deserialize)]

pub mod app;
pub mod background;
pub mod effects;
#[cfg(not(target_arch = "wasm32"))]
pub mod ffi;
#[cfg(all(feature = "fuzzing", not(target_arch = "wasm32")))]
pub mod fuzzing;
#[cfg(not(target_arch = "wasm32"))]
uniffi::setup_scaffolding!();
pub mod host;
pub mod i18n;
pub mod model;
#[cfg(feature = "testing")]
pub mod testing;
pub mod vault;
pub mod view;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
