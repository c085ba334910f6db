//! Arbitrary bytes as a backup file: the header split (before the KDF) and
//! the payload parser (after authentication) must reject, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| shared::fuzzing::backup_file(data));
