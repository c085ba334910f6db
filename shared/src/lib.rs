//! Phoenix's shared core.
//!
//! - [`vault`]: the encrypted on-device store (rusqlite + ring) every platform uses.

pub mod vault;
