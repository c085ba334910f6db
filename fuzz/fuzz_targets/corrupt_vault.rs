//! A real vault file corrupted at fuzzer-chosen offsets, then unlocked with
//! its platform key and loaded: a typed error or the surviving records,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| shared::fuzzing::corrupt_vault(data));
