//! Today: days in recovery, milestones, today's steps and appointments.

use serde::{Deserialize, Serialize};

use crate::i18n::Translator;
use chrono::NaiveDate;

use super::aftercare::{AppointmentItem, appointment_item};
use crate::model::Data;
use crate::model::checkin;
use crate::model::goals::GoalStatus;
use crate::model::record::Id;
use crate::model::recovery::{self, Milestone};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct RecoveryView {
    /// "12 days in recovery".
    pub days_label: String,
    pub current_days: i64,
    pub total_days: i64,
    pub longest_days: i64,
    pub total_label: String,
    pub longest_label: String,
    pub milestone_reached: Option<String>,
    pub next_milestone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct StepItem {
    pub id: Id,
    pub title: String,
    pub goal_title: String,
    /// The due date in words, to show.
    pub due: Option<String>,
    /// The due date as the edit form takes it (YYYY-MM-DD).
    pub due_date: Option<String>,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct TodayView {
    pub heading: String,
    pub recovery: Option<RecoveryView>,
    /// The recovery date as set (YYYY-MM-DD), to change it: lapses stay.
    pub recovery_date: Option<String>,
    pub recovery_date_label: String,
    pub change_recovery_date_label: String,
    pub record_lapse_label: String,
    /// Beside "Record a lapse": if someone may have overdosed, call the
    /// emergency number and use naloxone.
    pub overdose: super::triggered::OverdoseHelp,
    /// Open steps of active goals: due by today first, then those
    /// without a due date.
    pub steps_due: Vec<StepItem>,
    pub steps_due_heading: String,
    /// Appointments from today through the next [`COMING_DAYS`] days.
    pub appointments: Vec<AppointmentItem>,
    pub appointments_heading: String,
    /// Offered once a month: the BARC-10 recovery-capital check.
    pub recovery_capital_prompt: Option<String>,
    /// Shown until today's check-in is saved.
    pub check_in_prompt: Option<String>,
    pub check_in_label: String,
    /// Right after a lapse is recorded (the form closes).
    pub lapse_response: Option<super::lapse::LapseResponse>,
}

/// How far ahead Today lists appointments.
pub const COMING_DAYS: u64 = 7;

fn days(words: &Translator<'_>, key: &str, days: i64) -> String {
    words.with(key, &[("days", days.into())])
}

fn milestone_text(words: &Translator<'_>, milestone: Milestone) -> String {
    match milestone {
        Milestone::Days(n) => words.with("milestone-days", &[("count", i64::from(n).into())]),
        Milestone::Months(n) => words.with("milestone-months", &[("count", i64::from(n).into())]),
        Milestone::Years(n) => words.with("milestone-years", &[("count", i64::from(n).into())]),
    }
}

pub(super) fn today_view(data: &Data, today: NaiveDate, words: &Translator<'_>) -> TodayView {
    let recovery = data
        .profile
        .as_ref()
        .and_then(|p| p.recovery_date)
        .map(|start| {
            let lapses: Vec<NaiveDate> = data.lapses.values().map(|l| l.date).collect();
            let streaks = recovery::streaks(start, &lapses, today);
            let stretch = recovery::current_stretch_start(start, &lapses, today);
            let (reached, next) = recovery::milestone_progress(stretch, today);
            RecoveryView {
                days_label: days(words, "today-days-in-recovery", streaks.current),
                current_days: streaks.current,
                total_days: streaks.total,
                longest_days: streaks.longest,
                total_label: days(words, "today-total-days", streaks.total),
                longest_label: days(words, "today-longest-stretch", streaks.longest),
                milestone_reached: reached.map(|m| {
                    words.with(
                        "today-milestone-reached",
                        &[("milestone", milestone_text(words, m).into())],
                    )
                }),
                next_milestone: next.map(|(m, remaining)| {
                    words.with(
                        "today-next-milestone",
                        &[
                            ("milestone", milestone_text(words, m).into()),
                            ("days", remaining.into()),
                        ],
                    )
                }),
            }
        });
    let mut open: Vec<(Id, &crate::model::goals::GoalStep)> = data
        .steps
        .iter()
        .filter(|(_, step)| step.done.is_none() && step.due.is_none_or(|due| due <= today))
        .filter(|(_, step)| {
            data.goals
                .get(&step.goal)
                .is_some_and(|goal| goal.status == GoalStatus::Active)
        })
        .map(|(id, step)| (*id, step))
        .collect();
    // Due ones first (oldest first), then the undated in their goal's order.
    open.sort_by_key(|(id, step)| (step.due.is_none(), step.due, step.goal, step.position, *id));
    let steps_due = open
        .into_iter()
        .map(|(id, _)| step_item(data, id, words))
        .collect();
    let last_day = today
        .checked_add_days(chrono::Days::new(COMING_DAYS))
        .unwrap_or(today);
    TodayView {
        heading: words.get("today-heading"),
        recovery,
        recovery_date: data
            .profile
            .as_ref()
            .and_then(|p| p.recovery_date)
            .map(|d| d.to_string()),
        recovery_date_label: words.get("field-recovery-date"),
        change_recovery_date_label: words.get("action-change-recovery-date"),
        record_lapse_label: words.get("action-record-lapse"),
        overdose: super::triggered::overdose_help(&data.settings.emergency_number, words),
        steps_due,
        steps_due_heading: words.get("today-steps-to-do"),
        appointments: crate::model::aftercare::appointments_between(data, today, last_day)
            .into_iter()
            .map(|(id, a)| appointment_item(id, a, words))
            .collect(),
        appointments_heading: words.get("today-appointments-coming"),
        recovery_capital_prompt: data
            .recovery_capital
            .values()
            .map(|c| c.date)
            .max()
            .is_none_or(|last| (today - last).num_days() >= 30)
            .then(|| words.get("today-barc-prompt")),
        check_in_prompt: checkin::on(data, today)
            .is_none()
            .then(|| words.get("today-check-in-prompt")),
        check_in_label: words.get("action-check-in"),
        lapse_response: None,
    }
}

pub(super) fn step_item(data: &Data, id: Id, words: &Translator<'_>) -> StepItem {
    let step = &data.steps[&id];
    StepItem {
        id,
        title: step.title.clone(),
        goal_title: data
            .goals
            .get(&step.goal)
            .map(|g| g.title.clone())
            .unwrap_or_default(),
        due: step.due.map(|d| super::dates::date(words, d)),
        due_date: step.due.map(|d| d.to_string()),
        done: step.done.is_some(),
    }
}
