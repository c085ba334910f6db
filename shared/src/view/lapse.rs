//! After a lapse is recorded: a kind word, the total days kept in view,
//! and people and the safety plan within reach.

use serde::{Deserialize, Serialize};

use crate::i18n::Translator;
use crate::model::Data;
use crate::model::notice::Notice;
use crate::model::recovery;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct LapseResponse {
    /// Something kind, first.
    pub message: String,
    /// "You have 45 days in recovery in all. A lapse does not erase them."
    pub total_days: Option<String>,
    pub contact_peer_label: String,
    pub safety_plan_label: String,
}

/// Shown on Today right after a lapse is recorded.
pub fn response(
    notice: Option<Notice>,
    data: &Data,
    today: chrono::NaiveDate,
    words: &Translator<'_>,
) -> Option<LapseResponse> {
    if notice != Some(Notice::LapseRecorded) {
        return None;
    }
    let total = data
        .profile
        .as_ref()
        .and_then(|p| p.recovery_date)
        .map(|start| {
            let lapses: Vec<_> = data.lapses.values().map(|l| l.date).collect();
            recovery::streaks(start, &lapses, today).total
        });
    Some(LapseResponse {
        message: words.get("lapse-kind-message"),
        total_days: total.map(|days| words.with("lapse-total-days", &[("days", days.into())])),
        contact_peer_label: words.get("action-contact-peer"),
        safety_plan_label: words.get("action-safety-plan"),
    })
}
