//! A test phone's clocks, and moving them.

use std::sync::atomic::{AtomicI64, Ordering};

use super::Phone;
use crate::app::Event;

/// A phone's clocks: the wall clock, which the participant can set, and the
/// one counting from boot, which no one can.
pub(super) struct Clocks {
    pub(super) wall: AtomicI64,
    pub(super) since_boot: AtomicI64,
}

impl Phone {
    /// Moves the clock on by `ms`, without touching the app.
    pub fn advance(&self, ms: i64) {
        self.clock.wall.fetch_add(ms, Ordering::SeqCst);
        self.clock.since_boot.fetch_add(ms, Ordering::SeqCst);
    }

    /// The participant sets the phone's clock `ms` ahead: no time passes
    /// (the clock counting from boot does not move).
    pub fn set_wall_clock_forward(&self, ms: i64) {
        self.clock.wall.fetch_add(ms, Ordering::SeqCst);
    }

    /// Lets `ms` pass while the participant keeps using the app (so it
    /// never locks itself), touching it every 50 minutes.
    pub fn keep_using_for(&self, ms: i64) {
        let step = 50 * 60_000;
        let mut left = ms;
        while left > 0 {
            self.advance(step.min(left));
            left -= step;
            self.send(Event::Resumed);
        }
    }
}
