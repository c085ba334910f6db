//! Arbitrary bytes through the UniFFI object, as a buggy or hostile shell
//! could send them: `update` with any event bytes, `resolve` with any id and
//! output. Every call returns a value or a typed error; an `Internal` error
//! means a panic was caught at the boundary, which is a bug.
#![no_main]

use std::sync::{Arc, OnceLock};

use crux_core::bridge::{BincodeFfiFormat, FfiFormat};
use libfuzzer_sys::fuzz_target;
use shared::app::Event;
use shared::ffi::CoreFfi;
use shared::host::HostError;

const PASSCODE: &str = "fuzz passcode";

/// One participant's core, unlocked, shared by every input (one KDF).
fn core() -> &'static Arc<CoreFfi> {
    static CORE: OnceLock<(tempfile::TempDir, Arc<CoreFfi>)> = OnceLock::new();
    &CORE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("phoenix.db").display().to_string();
            let core = CoreFfi::new(&path, "America/New_York", "en-US");
            for event in [
                Event::Start,
                Event::SetPasscode {
                    passcode: PASSCODE.into(),
                    confirmation: PASSCODE.into(),
                },
            ] {
                let mut bytes = Vec::new();
                BincodeFfiFormat::serialize(&mut bytes, &event).unwrap();
                core.update(bytes).unwrap();
            }
            (dir, core)
        })
        .1
}

fuzz_target!(|data: &[u8]| {
    let core = core();
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let result = if selector % 2 == 0 {
        core.update(rest.to_vec())
    } else {
        let id = u32::from(selector / 2);
        core.resolve(id, rest.to_vec())
    };
    assert_ne!(result, Err(HostError::Internal), "a panic crossed into the boundary");
    assert_ne!(core.view().err(), Some(HostError::Internal));
});
