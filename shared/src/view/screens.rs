//! One view model per screen.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Words;
use super::plans::{
    AftercareView, AppointmentItem, ContactView, SafetyPlanView, aftercare_view, appointment_item,
    contact_view, safety_view,
};
use crate::model::checkin::{self, Period, TrendPoint};
use crate::model::coping;
use crate::model::records::{Data, Dimension, Goal, GoalStatus, Id, TriggerKind};
use crate::model::recovery::{self, Milestone};
use crate::model::triggers::{Flow, FlowStep, STARTER_STRATEGIES};
use crate::model::{Model, Screen, State, Unlocked};

// Built once per render and handed over whole: the size of the largest
// screen does not matter, and boxing would show in every shell's types.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum ScreenView {
    Starting,
    FirstRun(FirstRunView),
    Locked(LockView),
    Today(TodayView),
    Goals(GoalsView),
    Triggers(TriggersView),
    Triggered(TriggeredView),
    CheckIn(CheckInView),
    Trends(TrendsView),
    Aftercare(AftercareView),
    SafetyPlan(SafetyPlanView),
    Contact(ContactView),
    Settings(SettingsView),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct FirstRunView {
    pub heading: String,
    pub intro: String,
    pub passcode_label: String,
    pub confirmation_label: String,
    pub submit_label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct LockView {
    pub heading: String,
    pub passcode_label: String,
    pub unlock_label: String,
    pub biometrics_label: String,
    /// "Try again in N seconds", while attempts are throttled.
    pub throttle_message: Option<String>,
    pub erase_label: String,
}

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
    pub due: Option<String>,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct TodayView {
    pub heading: String,
    pub recovery: Option<RecoveryView>,
    pub recovery_date_label: String,
    pub record_lapse_label: String,
    pub steps_due: Vec<StepItem>,
    pub steps_due_heading: String,
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

/// One option of a picker: the value to send back, and what to show.
/// Concrete per value type, because the generated shell types cannot be
/// generic.
macro_rules! choice_types {
    ($($name:ident: $value:ty),* $(,)?) => {$(
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
        pub struct $name {
            pub value: $value,
            pub label: String,
        }

        impl From<($value, String)> for $name {
            fn from((value, label): ($value, String)) -> Self {
                Self { value, label }
            }
        }
    )*};
}

choice_types! {
    DimensionChoice: Dimension,
    TriggerKindChoice: TriggerKind,
    TextChoice: String,
    ItemChoice: Id,
    LanguageChoice: Option<crate::i18n::Language>,
    ServiceCategoryChoice: crate::model::aftercare::ServiceCategory,
    ReferralStatusChoice: crate::model::aftercare::ReferralStatus,
    DocumentKindChoice: crate::model::aftercare::DocumentKind,
    DocumentStatusChoice: crate::model::aftercare::DocumentStatus,
    DayChoice: crate::model::when::Day,
    ContactWayChoice: crate::model::contact::ContactWay,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct GoalItem {
    pub id: Id,
    pub title: String,
    pub dimension: Dimension,
    pub dimension_label: String,
    pub why: String,
    pub target: Option<String>,
    pub status: GoalStatus,
    pub status_label: String,
    /// Share of steps done, 0–100.
    pub progress: u8,
    pub progress_label: String,
    pub steps: Vec<StepItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct GoalsView {
    pub heading: String,
    pub add_goal_label: String,
    pub add_step_label: String,
    pub title_label: String,
    pub why_label: String,
    pub target_label: String,
    pub dimensions: Vec<DimensionChoice>,
    pub goals: Vec<GoalItem>,
    /// Completed and archived goals: what was achieved stays.
    pub history_heading: String,
    pub history: Vec<GoalItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct InsightItem {
    pub strategy: String,
    /// "Lowered craving by 3.5 on average (4 times)".
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct TriggerItem {
    pub id: Id,
    pub kind: TriggerKind,
    pub kind_label: String,
    pub name: String,
    pub strategies: Vec<Id>,
    /// For this trigger: which strategies actually lowered the craving.
    pub insight: Vec<InsightItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct StrategyItem {
    pub id: Id,
    pub name: String,
    pub triggers: Vec<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct TriggersView {
    pub heading: String,
    pub add_trigger_label: String,
    pub add_strategy_label: String,
    pub name_label: String,
    pub kinds: Vec<TriggerKindChoice>,
    pub triggers: Vec<TriggerItem>,
    pub strategies: Vec<StrategyItem>,
    /// Starter ideas not yet in the toolbox: keep one with `AddStrategy`
    /// (its label as the name), or dismiss it by its value.
    pub suggestions_heading: String,
    pub suggestions: Vec<TextChoice>,
    pub keep_label: String,
    pub dismiss_label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct RankedStrategy {
    pub id: Id,
    pub name: String,
    pub evidence: String,
    pub tried: bool,
    /// It lowered this participant's craving before.
    pub helped: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct TriggeredView {
    pub step: FlowStep,
    pub heading: String,
    pub prompt: String,
    pub triggers: Vec<ItemChoice>,
    pub halt_label: String,
    pub halt: Vec<TextChoice>,
    pub craving_label: String,
    /// Best first: what lowered this person's craving before.
    pub strategies: Vec<RankedStrategy>,
    pub done_label: String,
    pub cancel_label: String,
    /// After coping the craving is still high: offer people, not just tips.
    pub still_high: bool,
    pub still_high_message: Option<String>,
    pub safety_plan_label: String,
    /// Where the craving scale starts: the second rating at the first.
    pub rating_start: u8,
    /// Still high, or nothing in the toolbox yet: people to reach in one tap.
    pub reach_out: Option<super::triggered::ReachOut>,
    /// Still high: back to the strategies.
    pub try_another_label: Option<String>,
    /// Nothing in the toolbox yet: the built-in ideas.
    pub ideas_heading: Option<String>,
    pub ideas: Vec<String>,
}

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
    /// Today's check-in exactly as saved (every field), to reopen it.
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct SettingsView {
    pub heading: String,
    pub language_label: String,
    pub languages: Vec<LanguageChoice>,
    /// The participant's choice; `None` follows the device.
    pub language: Option<crate::i18n::Language>,
    pub auto_lock_label: String,
    pub auto_lock_minutes: u32,
    pub discreet_label: String,
    pub discreet: bool,
    pub crisis_line_label: String,
    pub crisis_line: String,
    pub biometrics_label: String,
    pub biometrics_enabled: bool,
    pub check_in_reminder_label: String,
    /// `HH:MM`, or `None`.
    pub check_in_reminder: Option<String>,
    pub export_backup_label: String,
    pub import_backup_label: String,
    pub backup_passphrase_label: String,
    pub change_passcode_label: String,
    pub lock_now_label: String,
    pub erase_label: String,
    pub erase_warning: String,
}

pub(super) fn screen(model: &Model, words: &Words<'_>) -> ScreenView {
    match &model.state {
        State::Starting => ScreenView::Starting,
        State::FirstRun => ScreenView::FirstRun(FirstRunView {
            heading: words.get("first-run-heading"),
            intro: words.get("first-run-intro"),
            passcode_label: words.get("field-passcode"),
            confirmation_label: words.get("field-passcode-again"),
            submit_label: words.get("action-save"),
        }),
        State::Locked(throttle) => ScreenView::Locked(LockView {
            heading: words.get("lock-heading"),
            passcode_label: words.get("field-passcode"),
            unlock_label: words.get("action-unlock"),
            biometrics_label: words.get("action-unlock-biometrics"),
            throttle_message: (throttle.retry_after_secs > 0).then(|| {
                let seconds = i64::try_from(throttle.retry_after_secs).unwrap_or(i64::MAX);
                words.with("problem-throttled", &[("seconds", seconds.into())])
            }),
            erase_label: words.get("action-erase"),
        }),
        State::Unlocked(unlocked) => unlocked_screen(unlocked, model, words),
    }
}

fn unlocked_screen(unlocked: &Unlocked, model: &Model, words: &Words<'_>) -> ScreenView {
    let data = &unlocked.data;
    let today = model.today();
    if let Some(flow) = &unlocked.flow {
        return ScreenView::Triggered(triggered(flow, data, words));
    }
    match unlocked.screen {
        Screen::Today => ScreenView::Today(TodayView {
            lapse_response: super::lapse::response(unlocked.notice, data, today, words),
            ..today_view(data, today, words)
        }),
        Screen::Goals => ScreenView::Goals(goals_view(data, words)),
        Screen::Triggers => ScreenView::Triggers(triggers_view(data, words)),
        Screen::CheckIn => ScreenView::CheckIn(check_in_view(data, today, words)),
        Screen::Trends => ScreenView::Trends(TrendsView {
            heading: words.get("trends-heading"),
            mood_label: words.get("field-mood"),
            craving_label: words.get("field-craving"),
            weekly_label: words.get("trends-weekly"),
            monthly_label: words.get("trends-monthly"),
            weekly: checkin::trend(data, today, Period::Week, 12),
            monthly: checkin::trend(data, today, Period::Month, 12),
        }),
        Screen::Aftercare => ScreenView::Aftercare(aftercare_view(data, words)),
        Screen::SafetyPlan => ScreenView::SafetyPlan(safety_view(data, words)),
        Screen::Contact => {
            let zone = &model.environment.time_zone;
            let local = |at_ms: i64| {
                zone.local(at_ms)
                    .map(|at| at.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default()
            };
            let messages = super::messages::messages_view(data, &unlocked.relay, &local, words);
            ScreenView::Contact(contact_view(data, model.local_now(), messages, words))
        }
        Screen::Settings => ScreenView::Settings(settings_view(unlocked, words)),
    }
}

fn days(words: &Words<'_>, key: &str, days: i64) -> String {
    words.with(key, &[("days", days.into())])
}

fn milestone_text(words: &Words<'_>, milestone: Milestone) -> String {
    match milestone {
        Milestone::Days(n) => words.with("milestone-days", &[("count", i64::from(n).into())]),
        Milestone::Months(n) => words.with("milestone-months", &[("count", i64::from(n).into())]),
        Milestone::Years(n) => words.with("milestone-years", &[("count", i64::from(n).into())]),
    }
}

fn today_view(data: &Data, today: NaiveDate, words: &Words<'_>) -> TodayView {
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
    let steps_due = data
        .steps
        .iter()
        .filter(|(_, step)| step.done.is_none() && step.due.is_some_and(|due| due <= today))
        .filter(|(_, step)| {
            data.goals
                .get(&step.goal)
                .is_some_and(|goal| goal.status == GoalStatus::Active)
        })
        .map(|(id, _)| step_item(data, *id))
        .collect();
    TodayView {
        heading: words.get("today-heading"),
        recovery,
        recovery_date_label: words.get("field-recovery-date"),
        record_lapse_label: words.get("action-record-lapse"),
        steps_due,
        steps_due_heading: words.get("today-steps-due"),
        appointments: crate::model::aftercare::appointments_on(data, today)
            .into_iter()
            .map(|(id, a)| appointment_item(id, a))
            .collect(),
        appointments_heading: words.get("today-appointments"),
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

fn step_item(data: &Data, id: Id) -> StepItem {
    let step = &data.steps[&id];
    StepItem {
        id,
        title: step.title.clone(),
        goal_title: data
            .goals
            .get(&step.goal)
            .map(|g| g.title.clone())
            .unwrap_or_default(),
        due: step.due.map(|d| d.to_string()),
        done: step.done.is_some(),
    }
}

const DIMENSIONS: [(Dimension, &str); 4] = [
    (Dimension::Health, "dimension-health"),
    (Dimension::Home, "dimension-home"),
    (Dimension::Purpose, "dimension-purpose"),
    (Dimension::Community, "dimension-community"),
];

fn status_key(status: GoalStatus) -> &'static str {
    match status {
        GoalStatus::Active => "goal-status-active",
        GoalStatus::Paused => "goal-status-paused",
        GoalStatus::Completed => "goal-status-completed",
        GoalStatus::Archived => "goal-status-archived",
    }
}

/// Labels looked up once per view rather than once per goal.
struct GoalLabels {
    dimensions: Vec<(Dimension, String)>,
    statuses: Vec<(GoalStatus, String)>,
}

impl GoalLabels {
    fn new(words: &Words<'_>) -> Self {
        Self {
            dimensions: DIMENSIONS
                .iter()
                .map(|(d, key)| (*d, words.get(key)))
                .collect(),
            statuses: [
                GoalStatus::Active,
                GoalStatus::Paused,
                GoalStatus::Completed,
                GoalStatus::Archived,
            ]
            .into_iter()
            .map(|status| (status, words.get(status_key(status))))
            .collect(),
        }
    }

    fn label<T: PartialEq>(list: &[(T, String)], value: &T) -> String {
        list.iter()
            .find(|(v, _)| v == value)
            .map(|(_, label)| label.clone())
            .unwrap_or_default()
    }
}

fn goal_item(
    data: &Data,
    (id, goal): (Id, &Goal),
    steps: &[(Id, &crate::model::records::GoalStep)],
    labels: &GoalLabels,
    words: &Words<'_>,
) -> GoalItem {
    let done = steps.iter().filter(|(_, step)| step.done.is_some()).count();
    let progress = if steps.is_empty() {
        0
    } else {
        u8::try_from(done * 100 / steps.len()).unwrap_or(100)
    };
    GoalItem {
        id,
        title: goal.title.clone(),
        dimension: goal.dimension,
        dimension_label: GoalLabels::label(&labels.dimensions, &goal.dimension),
        why: goal.why.clone(),
        target: goal.target.map(|d| d.to_string()),
        status: goal.status,
        status_label: GoalLabels::label(&labels.statuses, &goal.status),
        progress,
        progress_label: words.with("goal-progress", &[("percent", i64::from(progress).into())]),
        steps: steps
            .iter()
            .map(|(step, _)| step_item(data, *step))
            .collect(),
    }
}

fn goals_view(data: &Data, words: &Words<'_>) -> GoalsView {
    // Steps grouped by goal in one pass, in their order.
    let mut steps: BTreeMap<Id, Vec<(Id, &crate::model::records::GoalStep)>> = BTreeMap::new();
    for (id, step) in &data.steps {
        steps.entry(step.goal).or_default().push((*id, step));
    }
    for list in steps.values_mut() {
        list.sort_by_key(|(id, step)| (step.position, *id));
    }
    let labels = GoalLabels::new(words);
    let (current, history): (Vec<GoalItem>, Vec<GoalItem>) = data
        .goals
        .iter()
        .map(|(id, goal)| {
            let goal_steps = steps.get(id).map_or(&[][..], Vec::as_slice);
            goal_item(data, (*id, goal), goal_steps, &labels, words)
        })
        .partition(|goal| matches!(goal.status, GoalStatus::Active | GoalStatus::Paused));
    GoalsView {
        heading: words.get("goals-heading"),
        add_goal_label: words.get("action-add-goal"),
        add_step_label: words.get("action-add-step"),
        title_label: words.get("field-title"),
        why_label: words.get("field-why"),
        target_label: words.get("field-target-date"),
        dimensions: DIMENSIONS
            .iter()
            .map(|(value, key)| DimensionChoice {
                value: *value,
                label: words.get(key),
            })
            .collect(),
        goals: current,
        history_heading: words.get("goals-history"),
        history,
    }
}

const KINDS: [(TriggerKind, &str); 6] = [
    (TriggerKind::People, "trigger-kind-people"),
    (TriggerKind::Places, "trigger-kind-places"),
    (TriggerKind::Things, "trigger-kind-things"),
    (TriggerKind::Feelings, "trigger-kind-feelings"),
    (TriggerKind::Times, "trigger-kind-times"),
    (TriggerKind::WarningSign, "trigger-kind-warning-sign"),
];

fn evidence(words: &Words<'_>, ranked: &coping::Ranked) -> String {
    match ranked.mean_drop {
        None => words.get("strategy-untried"),
        Some(drop) => words.with(
            "strategy-evidence",
            &[
                ("drop", format!("{drop:.1}").into()),
                ("times", i64::from(ranked.uses).into()),
            ],
        ),
    }
}

fn triggers_view(data: &Data, words: &Words<'_>) -> TriggersView {
    let drops = coping::Evidence::from_episodes(&data.episodes);
    let names: Vec<String> = data
        .strategies
        .values()
        .map(|s| s.name.to_lowercase())
        .collect();
    TriggersView {
        heading: words.get("triggers-heading"),
        add_trigger_label: words.get("action-add-trigger"),
        add_strategy_label: words.get("action-add-strategy"),
        name_label: words.get("field-name"),
        kinds: KINDS
            .iter()
            .map(|(value, key)| TriggerKindChoice {
                value: *value,
                label: words.get(key),
            })
            .collect(),
        triggers: data
            .triggers
            .iter()
            .map(|(id, trigger)| TriggerItem {
                id: *id,
                kind: trigger.kind,
                kind_label: words.get(
                    KINDS
                        .iter()
                        .find(|(k, _)| *k == trigger.kind)
                        .map_or("", |(_, key)| key),
                ),
                name: trigger.name.clone(),
                strategies: data
                    .strategies
                    .iter()
                    .filter(|(_, s)| s.triggers.contains(id))
                    .map(|(sid, _)| *sid)
                    .collect(),
                insight: drops
                    .rank(&data.strategies, Some(*id))
                    .iter()
                    .filter(|r| r.mean_drop.is_some_and(|drop| drop > 0.0))
                    .map(|r| InsightItem {
                        strategy: data.strategies[&r.id].name.clone(),
                        evidence: evidence(words, r),
                    })
                    .collect(),
            })
            .collect(),
        strategies: data
            .strategies
            .iter()
            .map(|(id, s)| StrategyItem {
                id: *id,
                name: s.name.clone(),
                triggers: s.triggers.clone(),
            })
            .collect(),
        suggestions_heading: words.get("triggers-suggestions"),
        suggestions: STARTER_STRATEGIES
            .iter()
            .filter(|key| {
                !data
                    .settings
                    .dismissed_suggestions
                    .iter()
                    .any(|d| d == *key)
            })
            .map(|key| TextChoice {
                value: (*key).to_owned(),
                label: words.get(key),
            })
            .filter(|choice| !names.contains(&choice.label.to_lowercase()))
            .collect(),
        keep_label: words.get("action-keep"),
        dismiss_label: words.get("action-dismiss"),
    }
}

fn triggered(flow: &Flow, data: &Data, words: &Words<'_>) -> TriggeredView {
    let ranked = coping::rank(&data.strategies, &data.episodes, flow.trigger);
    let helped = |r: &coping::Ranked| r.mean_drop.is_some_and(|drop| drop > 0.0);
    let offered = super::triggered::Offered {
        strategies: ranked.len(),
        helped: ranked.iter().filter(|r| helped(r)).count(),
    };
    let extras = super::triggered::extras(flow, data, offered, words);
    let (prompt, still_high) = (
        extras.prompt_key,
        matches!(flow.step, FlowStep::Done { still_high: true }),
    );
    TriggeredView {
        step: flow.step.clone(),
        heading: words.get("action-im-triggered"),
        prompt: words.get(prompt),
        triggers: data
            .triggers
            .iter()
            .map(|(id, t)| ItemChoice {
                value: *id,
                label: t.name.clone(),
            })
            .collect(),
        halt_label: words.get("field-halt"),
        halt: ["halt-hungry", "halt-angry", "halt-lonely", "halt-tired"]
            .iter()
            .map(|key| TextChoice {
                value: (*key).to_owned(),
                label: words.get(key),
            })
            .collect(),
        craving_label: words.get("field-craving"),
        strategies: ranked
            .iter()
            .map(|r| RankedStrategy {
                id: r.id,
                name: data.strategies[&r.id].name.clone(),
                evidence: evidence(words, r),
                tried: flow.tried.contains(&r.id),
                helped: helped(r),
            })
            .collect(),
        done_label: words.get("action-save"),
        cancel_label: words.get("action-cancel"),
        still_high,
        still_high_message: still_high.then(|| words.get("triggered-reach-out")),
        safety_plan_label: words.get("action-safety-plan"),
        rating_start: extras.rating_start,
        reach_out: extras.reach_out,
        try_another_label: extras.try_another_label,
        ideas_heading: extras.ideas_heading,
        ideas: extras.ideas,
    }
}

fn check_in_view(data: &Data, today: NaiveDate, words: &Words<'_>) -> CheckInView {
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
        saved: existing.map(|c| c.answers.clone()),
        offer_triggered: existing
            .filter(|c| c.answers.offers_triggered())
            .map(|_| words.get("check-in-offer-triggered")),
        im_triggered_label: words.get("action-im-triggered"),
    }
}

fn settings_view(unlocked: &Unlocked, words: &Words<'_>) -> SettingsView {
    let settings = &unlocked.data.settings;
    SettingsView {
        heading: words.get("settings-heading"),
        language_label: words.get("field-language"),
        language: settings.language,
        languages: vec![
            LanguageChoice {
                value: None,
                label: words.get("language-device"),
            },
            LanguageChoice {
                value: Some(crate::i18n::Language::English),
                label: "English".into(),
            },
            LanguageChoice {
                value: Some(crate::i18n::Language::Spanish),
                label: "Español".into(),
            },
        ],
        auto_lock_label: words.get("field-auto-lock"),
        auto_lock_minutes: settings.auto_lock_minutes,
        discreet_label: words.get("field-discreet"),
        discreet: settings.discreet,
        crisis_line_label: words.get("field-crisis-line"),
        crisis_line: settings.crisis_line.clone(),
        biometrics_label: words.get("action-enable-biometrics"),
        biometrics_enabled: unlocked.has_platform_key,
        check_in_reminder_label: words.get("field-check-in-reminder"),
        check_in_reminder: settings
            .check_in_reminder
            .map(|t| t.format("%H:%M").to_string()),
        export_backup_label: words.get("action-export-backup"),
        import_backup_label: words.get("action-import-backup"),
        backup_passphrase_label: words.get("field-backup-passphrase"),
        change_passcode_label: words.get("action-change-passcode"),
        lock_now_label: words.get("action-lock-now"),
        erase_label: words.get("action-erase"),
        erase_warning: words.get("erase-warning"),
    }
}
