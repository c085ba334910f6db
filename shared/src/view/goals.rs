//! Goals and their steps, by dimension of recovery.

use serde::{Deserialize, Serialize};

use crate::i18n::Translator;
use std::collections::BTreeMap;

use super::choices::DimensionChoice;
use super::today::{StepItem, step_item};
use crate::model::Data;
use crate::model::goals::{Dimension, Goal, GoalStatus, GoalStep};
use crate::model::record::Id;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct GoalItem {
    pub id: Id,
    pub title: String,
    pub dimension: Dimension,
    pub dimension_label: String,
    pub why: String,
    /// The target date in words, to show.
    pub target: Option<String>,
    /// The target date as the edit form takes it (YYYY-MM-DD).
    pub target_date: Option<String>,
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
    /// With no goal yet: what the screen is for, in one sentence (the add
    /// form is the first action).
    pub empty: Option<String>,
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
    fn new(words: &Translator<'_>) -> Self {
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
    steps: &[(Id, &GoalStep)],
    labels: &GoalLabels,
    words: &Translator<'_>,
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
        target: goal.target.map(|d| super::dates::date(words, d)),
        target_date: goal.target.map(|d| d.to_string()),
        status: goal.status,
        status_label: GoalLabels::label(&labels.statuses, &goal.status),
        progress,
        progress_label: words.with("goal-progress", &[("percent", i64::from(progress).into())]),
        steps: steps
            .iter()
            .map(|(step, _)| step_item(data, *step, words))
            .collect(),
    }
}

pub(super) fn goals_view(data: &Data, words: &Translator<'_>) -> GoalsView {
    // Steps grouped by goal in one pass, in their order.
    let mut steps: BTreeMap<Id, Vec<(Id, &GoalStep)>> = BTreeMap::new();
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
    let empty = (current.is_empty() && history.is_empty()).then(|| words.get("goals-empty"));
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
        empty,
    }
}
