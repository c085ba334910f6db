//! Arbitrary bytes through the UniFFI object, as a buggy or hostile shell
//! could send them: `update` with any event bytes, `resolve` with any id and
//! output. Every call returns a value or a typed error; an `Internal` error
//! means a panic was caught at the boundary, which is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| shared::fuzzing::ffi_bytes(data));
