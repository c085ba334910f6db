//! Dates as people read them: "March 2, 2026" in English, "2 de marzo de
//! 2026" in Spanish. Typed dates stay year-month-day (the labels say so);
//! shown dates are written out.
//!
//! The month names and the order live in the Fluent files (`month-1` …
//! `month-12`, `date-readable`, `date-time-readable`) rather than in
//! chrono's `unstable-locales` tables: every word a participant sees stays
//! in `en.ftl` and `es.ftl`, reviewed with the rest, and the core gains no
//! locale tables it would carry for two languages.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::i18n::Translator;

/// "March 2, 2026" / "2 de marzo de 2026".
pub fn date(words: &Translator<'_>, date: NaiveDate) -> String {
    words.with(
        "date-readable",
        &[
            (
                "month",
                words.get(&format!("month-{}", date.month())).into(),
            ),
            ("day", i64::from(date.day()).into()),
            ("year", date.year().to_string().into()),
        ],
    )
}

/// "March 2, 2026, 14:30" / "2 de marzo de 2026, 14:30".
pub fn date_time(words: &Translator<'_>, at: NaiveDateTime) -> String {
    words.with(
        "date-time-readable",
        &[
            ("date", date(words, at.date()).into()),
            ("time", at.format("%H:%M").to_string().into()),
        ],
    )
}
