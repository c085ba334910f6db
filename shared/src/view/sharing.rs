//! Share with my specialist: the aftercare plan's choices (the whole plan,
//! then each section as its screen heads it), the preview of the item
//! about to be sent (rendered from exactly that item, in the participant's language), the
//! "Shared with my specialist" list on Contact my peer, and the lines the
//! conversation shows for shared items.

use chrono::NaiveDate;
use relay_protocol::share::{Aftercare, CheckInSummary, Envelope, Goal, Item, Trend};
use serde::{Deserialize, Serialize};

use super::dates;
use crate::i18n::Translator;
use crate::model::messages::{Message, MessageStatus, Shared};
use crate::model::sharing::{self, PlanSection, SUMMARY_DAYS, ShareItem};
use crate::model::{Data, Unlocked, Zone};

/// What the specialist will see, before it is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct SharePreview {
    /// "What Maria R. will see".
    pub heading: String,
    pub title: String,
    pub lines: Vec<String>,
    /// Sends it (`SharingEvent::Send`); cancel with `SharingEvent::Cancel`.
    pub send_label: String,
    pub cancel_label: String,
}

/// One item on the "Shared with my specialist" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct SharedItemView {
    /// The item's key, for `SharingEvent::StopSharing`.
    pub key: String,
    pub what: String,
    /// "Shared March 2, 2026".
    pub shared_on: String,
    pub status: MessageStatus,
    pub status_label: String,
}

/// One choice of the aftercare plan's "Share with my specialist": the
/// whole plan, or one section by the heading the plan's screen gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct PlanShareChoice {
    pub label: String,
    /// Previewed with `SharingEvent::Preview`.
    pub item: ShareItem,
}

/// The aftercare plan's sections in the order its screen shows them.
const SCREEN_ORDER: [PlanSection; 7] = [
    PlanSection::SupportContacts,
    PlanSection::Referrals,
    PlanSection::Documents,
    PlanSection::Appointments,
    PlanSection::Meetings,
    PlanSection::WarningSigns,
    PlanSection::ReEngagement,
];

/// A check-in summary's period, for the picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct SharePeriod {
    pub days: u32,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct SharingView {
    /// Paired: each shareable item shows "Share with my specialist".
    pub available: bool,
    pub share_label: String,
    /// The aftercare plan's choices, in order: the whole plan, then each
    /// section as its screen shows it. Shells render this list as it is.
    pub plan_choices: Vec<PlanShareChoice>,
    pub periods: Vec<SharePeriod>,
    pub include_notes_label: String,
    /// The item about to be shared, while the preview is open.
    pub preview: Option<SharePreview>,
    pub heading: String,
    pub shared: Vec<SharedItemView>,
    pub empty_note: String,
    pub stop_label: String,
    /// What "Stop sharing" can and cannot do.
    pub stop_note: String,
}

/// `zone` is the participant's: the list dates each item by their own
/// calendar day, not UTC's.
pub fn sharing_view(unlocked: &Unlocked, zone: &Zone, words: &Translator<'_>) -> SharingView {
    let data = &unlocked.data;
    let name = data
        .messaging
        .as_ref()
        .map(|m| m.specialist_name.clone())
        .unwrap_or_default();
    SharingView {
        available: data.messaging.is_some(),
        share_label: words.get("share-action"),
        plan_choices: plan_choices(words),
        periods: SUMMARY_DAYS
            .iter()
            .map(|days| SharePeriod {
                days: *days,
                label: words.with("share-period", &[("days", i64::from(*days).into())]),
            })
            .collect(),
        include_notes_label: words.get("share-include-notes"),
        preview: unlocked.share_preview.as_ref().map(|envelope| {
            let (title, lines) = describe(envelope, words);
            SharePreview {
                heading: words.with("share-preview-heading", &[("name", name.clone().into())]),
                title,
                lines,
                send_label: words.get("action-send"),
                cancel_label: words.get("action-cancel"),
            }
        }),
        heading: words.get("shared-heading"),
        shared: shared_items(data, zone, words),
        empty_note: words.get("shared-empty"),
        stop_label: words.get("shared-stop"),
        stop_note: words.get("shared-stop-note"),
    }
}

fn plan_choices(words: &Translator<'_>) -> Vec<PlanShareChoice> {
    let whole = PlanShareChoice {
        label: words.get("share-whole-plan"),
        item: ShareItem::Aftercare,
    };
    let sections = SCREEN_ORDER.into_iter().map(|section| PlanShareChoice {
        label: words.get(heading_key(section)),
        item: ShareItem::AftercareSection(section),
    });
    std::iter::once(whole).chain(sections).collect()
}

fn shared_items(data: &Data, zone: &Zone, words: &Translator<'_>) -> Vec<SharedItemView> {
    sharing::shared_list(data)
        .into_iter()
        .filter_map(|(_, message)| {
            let envelope = sharing::envelope_of(message)?;
            Some(SharedItemView {
                what: describe(&envelope, words).0,
                key: envelope.key,
                shared_on: words.with(
                    "shared-on",
                    &[("date", shared_date(message, zone, words).into())],
                ),
                status: message.status,
                status_label: words.get(status_key(message.status)),
            })
        })
        .collect()
}

fn shared_date(message: &Message, zone: &Zone, words: &Translator<'_>) -> String {
    zone.local(message.at_ms)
        .map(|at| dates::date(words, at.date()))
        .unwrap_or_default()
}

/// The label of one of my letters' delivery status.
pub fn status_key(status: MessageStatus) -> &'static str {
    match status {
        MessageStatus::Queued => "message-queued",
        MessageStatus::Sent => "message-sent",
        MessageStatus::Delivered => "message-delivered",
        MessageStatus::Read => "message-read",
        _ => "message-not-sent",
    }
}

/// What the conversation shows for a letter that is not a message.
/// `app` is the app's title as shown (discreet mode hides the name).
pub fn conversation_line(
    message: &Message,
    data: &Data,
    app: &str,
    words: &Translator<'_>,
) -> Option<String> {
    let what = |message: &Message| {
        sharing::envelope_of(message)
            .map_or_else(String::new, |envelope| describe(&envelope, words).0)
    };
    Some(match message.shared.as_ref()? {
        Shared::Item { .. } => words.with("message-shared", &[("what", what(message).into())]),
        Shared::Stop { key } => {
            // The request names only the key: what it stops is the latest
            // item shared under that key before it.
            let stopped = data
                .messages
                .values()
                .filter(|m| matches!(&m.shared, Some(Shared::Item { key: k }) if k == key))
                .filter(|m| m.at_ms <= message.at_ms)
                .max_by_key(|m| m.at_ms)
                .map(what)
                .unwrap_or_default();
            words.with("message-stopped-sharing", &[("what", stopped.into())])
        }
        Shared::Unsupported => words.with("message-needs-newer", &[("app", app.into())]),
    })
}

fn date_words(words: &Translator<'_>, date: &str) -> String {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_or_else(|_| date.to_owned(), |date| dates::date(words, date))
}

/// An item's title and lines, in the participant's language: the preview
/// shows them, the list shows the title.
pub fn describe(envelope: &Envelope, words: &Translator<'_>) -> (String, Vec<String>) {
    let mut lines = Vec::new();
    let title = match &envelope.item {
        Item::Goal(goal) => goal_lines(goal, &mut lines, words),
        Item::Aftercare(plan) => aftercare_lines(plan, &envelope.key, &mut lines, words),
        Item::SafetyPlan(plan) => {
            for step in &plan.steps {
                lines.push(words.get(safety_key(&step.step)));
                lines.extend(step.entries.iter().map(|entry| format!("• {entry}")));
            }
            words.get("safety-heading")
        }
        Item::CheckInSummary(summary) => summary_lines(summary, &mut lines, words),
        Item::Barc10(barc) => {
            lines.push(words.with(
                "share-barc-score",
                &[
                    ("score", i64::from(barc.score).into()),
                    ("max", i64::from(barc.max).into()),
                    ("date", date_words(words, &barc.taken_on).into()),
                ],
            ));
            words.get("barc-heading")
        }
        Item::StopSharing => words.get("shared-stop"),
    };
    (title, lines)
}

fn goal_lines(goal: &Goal, lines: &mut Vec<String>, words: &Translator<'_>) -> String {
    if !goal.why.trim().is_empty() {
        lines.push(words.with("share-why", &[("why", goal.why.clone().into())]));
    }
    let status = words.get(&format!("goal-status-{}", goal.status));
    lines.push(words.with("share-status", &[("status", status.into())]));
    if let Some(target) = &goal.target {
        let date = date_words(words, target);
        lines.push(words.with("share-target", &[("date", date.into())]));
    }
    let done = goal.steps.iter().filter(|s| s.done).count();
    lines.push(words.with(
        "share-steps",
        &[
            ("done", count(done).into()),
            ("total", count(goal.steps.len()).into()),
        ],
    ));
    for step in &goal.steps {
        let key = if step.done {
            "share-step-done"
        } else {
            "share-step-to-do"
        };
        lines.push(words.with(key, &[("title", step.title.clone().into())]));
    }
    words.with("share-goal", &[("title", goal.title.clone().into())])
}

fn aftercare_lines(
    plan: &Aftercare,
    key: &str,
    lines: &mut Vec<String>,
    words: &Translator<'_>,
) -> String {
    for section in &plan.sections {
        lines.push(words.get(section_key(&section.section)));
        for entry in &section.entries {
            let mut parts = vec![entry.title.clone()];
            if !entry.detail.is_empty() {
                parts.push(entry.detail.clone());
            }
            if let Some(status) = &entry.status {
                parts.push(words.get(&status_word(&section.section, status)));
            }
            lines.push(format!("• {}", parts.join(" · ")));
        }
    }
    let plan_title = words.get("aftercare-heading");
    match key.split_once(':') {
        Some((_, section)) => words.with(
            "share-part",
            &[
                ("whole", plan_title.into()),
                ("part", words.get(section_key(section)).into()),
            ],
        ),
        None => plan_title,
    }
}

fn summary_lines(
    summary: &CheckInSummary,
    lines: &mut Vec<String>,
    words: &Translator<'_>,
) -> String {
    lines.push(words.with(
        "share-dates",
        &[
            ("from", date_words(words, &summary.from).into()),
            ("to", date_words(words, &summary.to).into()),
        ],
    ));
    lines.push(words.with(
        "share-check-in-count",
        &[("count", i64::from(summary.check_ins).into())],
    ));
    let scales = [
        (
            "share-mood-average",
            summary.mood_average,
            summary.mood_scale_max,
            summary.mood_trend,
        ),
        (
            "share-craving-average",
            summary.craving_average,
            summary.craving_scale_max,
            summary.craving_trend,
        ),
    ];
    for (key, average, max, trend) in scales {
        let Some(average) = average else { continue };
        let mut line = words.with(
            key,
            &[
                ("average", format!("{average:.1}").into()),
                ("max", i64::from(max).into()),
            ],
        );
        if let Some(trend) = trend {
            line = format!("{line} ({})", words.get(trend_key(trend)));
        }
        lines.push(line);
    }
    if let Some(days) = summary.days_used {
        lines.push(words.with("share-days-used", &[("count", i64::from(days).into())]));
    }
    let halt = summary.halt;
    lines.push(
        [
            ("halt-hungry", halt.hungry),
            ("halt-angry", halt.angry),
            ("halt-lonely", halt.lonely),
            ("halt-tired", halt.tired),
        ]
        .iter()
        .map(|(key, n)| format!("{} {n}", words.get(key)))
        .collect::<Vec<_>>()
        .join(" · "),
    );
    if summary.notes.is_empty() {
        lines.push(words.get("share-notes-left-out"));
    } else {
        lines.push(words.get("share-notes-included"));
        for note in &summary.notes {
            lines.push(format!("{}: {}", date_words(words, &note.date), note.text));
        }
    }
    words.with(
        "share-check-ins",
        &[("days", i64::from(summary.days).into())],
    )
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A section's heading's message id by its contract code.
fn section_key(code: &str) -> &'static str {
    PlanSection::from_code(code).map_or("aftercare-re-engagement", heading_key)
}

/// The message id of a section's heading: the one the plan's screen uses
/// (`view/aftercare.rs`).
fn heading_key(section: PlanSection) -> &'static str {
    match section {
        PlanSection::Referrals => "aftercare-referrals",
        PlanSection::Documents => "aftercare-documents",
        PlanSection::Appointments => "aftercare-appointments",
        PlanSection::Meetings => "aftercare-meetings",
        PlanSection::SupportContacts => "aftercare-contacts",
        PlanSection::WarningSigns => "aftercare-warning-signs",
        PlanSection::ReEngagement => "aftercare-re-engagement",
    }
}

/// A referral's or document's status code as its label's id.
fn status_word(section: &str, status: &str) -> String {
    let prefix = if section == "documents" {
        "document"
    } else {
        "referral"
    };
    format!("{prefix}-{}", status.replace('_', "-"))
}

fn safety_key(code: &str) -> &'static str {
    match code {
        "warning_signs" => "safety-warning-signs",
        "internal_coping" => "safety-internal-coping",
        "distractions" => "safety-distractions",
        "people_to_ask" => "safety-people-to-ask",
        "professionals" => "safety-professionals",
        "safe_environment" => "safety-environment",
        _ => "safety-reasons",
    }
}

fn trend_key(trend: Trend) -> &'static str {
    match trend {
        Trend::Up => "share-trend-up",
        Trend::Down => "share-trend-down",
        Trend::Steady => "share-trend-steady",
    }
}

#[cfg(test)]
mod tests {
    use relay_protocol::channel::Letter;
    use relay_protocol::share::Body;

    use super::*;
    use crate::i18n::{Language, Translations};
    use crate::model::messages::from_specialist;

    #[test]
    fn an_item_this_version_cannot_read_says_it_needs_a_newer_version_and_is_kept() {
        let translations = Translations::load();
        let letter = Letter {
            sequence: 4,
            sent_at_ms: 0,
            body: Body::Unsupported,
        };
        let message = from_specialist(letter, 12);
        assert_eq!(message.shared, Some(Shared::Unsupported));
        for (language, app, line) in [
            (
                Language::English,
                "Phoenix",
                "This item needs a newer version of Phoenix.",
            ),
            (
                Language::Spanish,
                "Notas",
                "Esto necesita una versión más nueva de Notas.",
            ),
        ] {
            let words = Translator {
                translations: &translations,
                language,
                focus: crate::model::settings::RecoveryFocus::default(),
            };
            assert_eq!(
                conversation_line(&message, &Data::default(), app, &words).as_deref(),
                Some(line)
            );
        }
    }
}
