//! The device's time zone: turns the clock's UTC milliseconds into the
//! participant's local date and time.
//!
//! On the phones it is the IANA zone the shell names, with the rules of the
//! operating system's own time-zone database, read by jiff (compiled in,
//! chrono-tz's tables were 1.9 MB of the native library). In the browser it
//! is the browser's own zone (chrono's `Local`, which asks JavaScript's
//! `Date`): the same rules, again without shipping a database.

use chrono::NaiveDateTime;

#[derive(Debug, Clone)]
pub struct Zone {
    #[cfg(not(target_arch = "wasm32"))]
    tz: jiff::tz::TimeZone,
}

impl Zone {
    /// An IANA zone name; unknown names fall back to UTC rather than failing
    /// to start. (In the browser the name is the browser's own zone.)
    #[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
    pub fn named(name: &str) -> Self {
        Self {
            #[cfg(not(target_arch = "wasm32"))]
            tz: jiff::tz::TimeZone::get(name).unwrap_or(jiff::tz::TimeZone::UTC),
        }
    }

    /// Local date and time at `utc_ms` milliseconds since the Unix epoch.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn local(&self, utc_ms: i64) -> Option<NaiveDateTime> {
        let at = jiff::Timestamp::from_millisecond(utc_ms)
            .ok()?
            .to_zoned(self.tz.clone())
            .datetime();
        chrono::NaiveDate::from_ymd_opt(
            i32::from(at.year()),
            u32::try_from(at.month()).ok()?,
            u32::try_from(at.day()).ok()?,
        )?
        .and_hms_nano_opt(
            u32::try_from(at.hour()).ok()?,
            u32::try_from(at.minute()).ok()?,
            u32::try_from(at.second()).ok()?,
            u32::try_from(at.subsec_nanosecond()).ok()?,
        )
    }

    /// Local date and time at `utc_ms` milliseconds since the Unix epoch.
    #[cfg(target_arch = "wasm32")]
    #[allow(clippy::unused_self)] // the browser's zone is the zone
    pub fn local(&self, utc_ms: i64) -> Option<NaiveDateTime> {
        use chrono::TimeZone;
        chrono::Local
            .timestamp_millis_opt(utc_ms)
            .single()
            .map(|at| at.naive_local())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn unknown_zone_names_are_utc() {
        let noon = 1_772_452_800_000; // 2026-03-02 12:00 UTC
        assert_eq!(
            Zone::named("Mars/Olympus_Mons")
                .local(noon)
                .unwrap()
                .to_string(),
            "2026-03-02 12:00:00"
        );
        assert_eq!(
            Zone::named("America/New_York")
                .local(noon)
                .unwrap()
                .to_string(),
            "2026-03-02 07:00:00"
        );
    }
}
