//! The device's clocks, read where the shell hands the host none: the wall
//! clock, and the one counting from boot that times the unlock throttle.

/// Milliseconds since boot, sleep included, on a clock no one can set:
/// Linux's and Android's `/proc/uptime` (the boot clock), Darwin's
/// `CLOCK_MONOTONIC` on iOS (it counts from boot and keeps counting while
/// the phone sleeps, unlike `CLOCK_UPTIME_RAW` behind `Instant`). Elsewhere
/// (the browser has no clock that survives a reload) `None`, and the
/// throttle reads the wall clock.
pub(super) fn system_boot_clock() -> Option<i64> {
    #[cfg(target_os = "ios")]
    {
        let now = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
        now.tv_sec
            .checked_mul(1000)?
            .checked_add(i64::from(now.tv_nsec) / 1_000_000)
    }
    #[cfg(not(target_os = "ios"))]
    {
        if !cfg!(any(target_os = "linux", target_os = "android")) {
            return None;
        }
        let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
        let (seconds, fraction) = uptime.split_whitespace().next()?.split_once('.')?;
        let hundredths: i64 = fraction.get(..2)?.parse().ok()?;
        seconds
            .parse::<i64>()
            .ok()?
            .checked_mul(1000)?
            .checked_add(hundredths * 10)
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) fn system_clock() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
}
