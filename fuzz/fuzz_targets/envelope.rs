//! Arbitrary bytes where a sealed value should be: never a panic, and
//! (without the key's cooperation) never a successful open.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| shared::fuzzing::sealed_value(data));
