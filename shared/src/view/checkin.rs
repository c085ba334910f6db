//! The daily check-in and its trends.

use serde::{Deserialize, Serialize};

use crate::i18n::Translator;
use chrono::NaiveDate;

use crate::model::Data;
use crate::model::checkin::{self, Period, TrendPoint};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct CheckInView {
    pub heading: String,
    pub already_checked_in: bool,
    pub mood_label: String,
    pub craving_label: String,
    pub halt_label: String,
    pub sleep_label: String,
    pub used_label: String,
    pub used_note: String,
    pub note_label: String,
    pub submit_label: String,
    /// The monthly BARC-10 recovery-capital check.
    pub barc_heading: String,
    pub barc_items: Vec<String>,
    /// The six answers, 1 (strongly disagree) to 6 (strongly agree).
    pub barc_scale: Vec<String>,
    pub barc_last_score: Option<String>,
    /// Today's answers when editing.
    pub mood: Option<u8>,
    pub craving: Option<u8>,
    pub note: String,
    /// Today's check-in exactly as saved (every field, the hours of sleep
    /// as text), to reopen it.
    pub saved: Option<crate::model::checkin::CheckInForm>,
    /// Today's craving is strong: offer "I'm triggered".
    pub offer_triggered: Option<String>,
    pub im_triggered_label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, facet::Facet)]
pub struct TrendsView {
    pub heading: String,
    pub mood_label: String,
    pub craving_label: String,
    pub weekly_label: String,
    pub monthly_label: String,
    /// The last 12 weeks, oldest first.
    pub weekly: Vec<TrendPoint>,
    /// The last 12 months, oldest first.
    pub monthly: Vec<TrendPoint>,
    /// One line above the charts: how the craving changed over the last
    /// 30 days ("Craving: down from 6 to 3 in the last 30 days"); `None`
    /// with no check-in in them.
    pub summary: Option<String>,
}

pub(super) fn check_in_view(data: &Data, today: NaiveDate, words: &Translator<'_>) -> CheckInView {
    let existing = checkin::on(data, today).map(|(_, c)| c);
    CheckInView {
        heading: words.get("check-in-heading"),
        already_checked_in: existing.is_some(),
        mood_label: words.get("field-mood"),
        craving_label: words.get("field-craving"),
        halt_label: words.get("field-halt"),
        sleep_label: words.get("field-sleep"),
        used_label: words.get("field-used-today"),
        used_note: words.get("check-in-used-note"),
        note_label: words.get("field-note"),
        submit_label: words.get(if existing.is_some() {
            "action-save"
        } else {
            "action-check-in"
        }),
        barc_heading: words.get("barc-heading"),
        barc_items: (1..=10)
            .map(|n| words.get(&format!("barc-item-{n}")))
            .collect(),
        barc_scale: (1..=6)
            .map(|n| words.get(&format!("barc-scale-{n}")))
            .collect(),
        barc_last_score: data
            .recovery_capital
            .values()
            .max_by_key(|c| c.date)
            .map(|c| words.with("barc-score", &[("score", i64::from(c.score()).into())])),
        mood: existing.map(|c| c.answers.mood),
        craving: existing.map(|c| c.answers.craving),
        note: existing.map(|c| c.answers.note.clone()).unwrap_or_default(),
        saved: existing.map(|c| crate::model::checkin::CheckInForm::from(&c.answers)),
        offer_triggered: existing
            .filter(|c| c.answers.offers_triggered())
            .map(|_| words.get("check-in-offer-triggered")),
        im_triggered_label: words.get("action-im-triggered"),
    }
}

pub fn trends_view(data: &Data, today: NaiveDate, words: &Translator<'_>) -> TrendsView {
    TrendsView {
        heading: words.get("trends-heading"),
        mood_label: words.get("field-mood"),
        craving_label: words.get("field-craving"),
        weekly_label: words.get("trends-weekly"),
        monthly_label: words.get("trends-monthly"),
        weekly: checkin::trend(data, today, Period::Week, 12),
        monthly: checkin::trend(data, today, Period::Month, 12),
        summary: checkin::craving_change(data, today).map(|(from, to)| {
            let key = match to.cmp(&from) {
                std::cmp::Ordering::Less => "trends-craving-down",
                std::cmp::Ordering::Greater => "trends-craving-up",
                std::cmp::Ordering::Equal => "trends-craving-steady",
            };
            words.with(
                key,
                &[
                    ("from", i64::from(from).into()),
                    ("to", i64::from(to).into()),
                ],
            )
        }),
    }
}
