//! Arbitrary bytes as a backup file: the header split (before the KDF) and
//! the payload parser (after authentication) must reject, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shared::vault::fuzzing;

fuzz_target!(|data: &[u8]| {
    let _ = fuzzing::backup_header(data);
    let _ = fuzzing::backup_payload(data);
});
