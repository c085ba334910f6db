//! What the core's integration tests share: a phone with a controllable clock.

#![allow(dead_code)] // each test file uses a different part

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use shared::app::Event;
use shared::host::CoreHost;

pub const PASSCODE: &str = "quiet harbor 7";
/// 2026-03-02 15:00 UTC: Monday 10:00 in New York.
pub const START_MS: i64 = 1_772_463_600_000;
pub const HOUR_MS: i64 = 3_600_000;

/// The core over a vault at `path`, in New York, reading `clock`; started.
pub fn host(path: &Path, clock: &Arc<AtomicI64>) -> CoreHost {
    let time = clock.clone();
    let host = CoreHost::with_clock(
        path,
        "America/New_York",
        "en-US",
        Box::new(move || time.load(Ordering::SeqCst)),
    );
    host.update(Event::Start);
    host
}

/// A new participant who has just chosen their passcode.
pub fn participant(path: &Path, clock: &Arc<AtomicI64>) -> CoreHost {
    let host = host(path, clock);
    host.update(Event::SetPasscode {
        passcode: PASSCODE.into(),
        confirmation: PASSCODE.into(),
    });
    assert!(host.view().problem.is_none());
    host
}

pub fn clock() -> Arc<AtomicI64> {
    Arc::new(AtomicI64::new(START_MS))
}
