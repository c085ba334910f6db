//! The device's time zone: turns the clock's UTC milliseconds into the
//! participant's local date and time.
//!
//! On the phones it is the IANA zone the shell names, with chrono-tz's rules.
//! In the browser it is the browser's own zone (chrono's `Local`, which asks
//! JavaScript's `Date`): the same rules, without shipping the whole time-zone
//! database inside the WebAssembly (about half its size).

use chrono::NaiveDateTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    #[cfg(not(target_arch = "wasm32"))]
    tz: chrono_tz::Tz,
}

impl Zone {
    /// An IANA zone name; unknown names fall back to UTC rather than failing
    /// to start. (In the browser the name is the browser's own zone.)
    #[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
    pub fn named(name: &str) -> Self {
        Self {
            #[cfg(not(target_arch = "wasm32"))]
            tz: name.parse().unwrap_or(chrono_tz::UTC),
        }
    }

    /// Local date and time at `utc_ms` milliseconds since the Unix epoch.
    pub fn local(self, utc_ms: i64) -> Option<NaiveDateTime> {
        use chrono::TimeZone;
        #[cfg(not(target_arch = "wasm32"))]
        let zone = self.tz;
        #[cfg(target_arch = "wasm32")]
        let zone = chrono::Local;
        zone.timestamp_millis_opt(utc_ms)
            .single()
            .map(|at| at.naive_local())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn unknown_zone_names_are_utc() {
        assert_eq!(Zone::named("Mars/Olympus_Mons"), Zone::named("UTC"));
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
