//! Goals and their steps.

use serde::{Deserialize, Serialize};

use super::forms::required;
use super::problem::Problem;
use super::record::{Id, Record};
use super::undo::{Deleted, Removed};
use super::when::parse_date;
use super::{Context, Data, Unlocked, Update};

pub mod records;

pub use records::*;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum GoalEvent {
    Add {
        title: String,
        dimension: Dimension,
        why: String,
        /// YYYY-MM-DD, optional.
        target: Option<String>,
    },
    Edit {
        goal: Id,
        title: String,
        dimension: Dimension,
        why: String,
        target: Option<String>,
    },
    AddStep {
        goal: Id,
        title: String,
        due: Option<String>,
    },
    EditStep {
        step: Id,
        title: String,
        /// YYYY-MM-DD, optional.
        due: Option<String>,
    },
    /// Deletes a step (undo puts it back).
    DeleteStep(Id),
    /// Deletes a goal and its steps (undo puts them all back).
    DeleteGoal(Id),
    CompleteStep(Id),
    ReopenStep(Id),
    /// Moves a step to a new position (0-based) among its goal's steps.
    MoveStep {
        step: Id,
        to: usize,
    },
    SetStatus {
        goal: Id,
        status: GoalStatus,
    },
}

/// The steps of `goal`, in order.
pub fn steps_of(data: &Data, goal: Id) -> Vec<(Id, &GoalStep)> {
    let mut steps: Vec<(Id, &GoalStep)> = data
        .steps
        .iter()
        .filter(|(_, step)| step.goal == goal)
        .map(|(id, step)| (*id, step))
        .collect();
    steps.sort_by_key(|(id, step)| (step.position, *id));
    steps
}

pub fn update(
    event: GoalEvent,
    unlocked: &mut Unlocked,
    cx: &Context<'_>,
) -> Result<Update, Problem> {
    match event {
        GoalEvent::DeleteStep(step) => return delete_step(step, unlocked),
        GoalEvent::DeleteGoal(goal) => return delete_goal(goal, unlocked),
        GoalEvent::EditStep { step, title, due } => {
            return edit_step(step, &title, due.as_deref(), &mut unlocked.data);
        }
        _ => {}
    }
    let (data, today) = (&mut unlocked.data, cx.today);
    match event {
        GoalEvent::Add {
            title,
            dimension,
            why,
            target,
        } => {
            let goal = Goal {
                title: required(&title)?,
                dimension,
                why: why.trim().to_owned(),
                target: parse_date(target.as_deref())?,
                status: GoalStatus::Active,
                created: today,
                completed: None,
            };
            let id = data.allocate_id();
            let change = goal.put(id);
            data.goals.insert(id, goal);
            Ok(Update::saved(vec![change]))
        }
        GoalEvent::Edit {
            goal,
            title,
            dimension,
            why,
            target,
        } => {
            let title = required(&title)?;
            let target = parse_date(target.as_deref())?;
            let existing = data.goals.get_mut(&goal).ok_or(Problem::UnknownItem)?;
            existing.title = title;
            existing.dimension = dimension;
            why.trim().clone_into(&mut existing.why);
            existing.target = target;
            Ok(Update::saved(vec![existing.put(goal)]))
        }
        GoalEvent::AddStep { goal, title, due } => {
            let title = required(&title)?;
            let due = parse_date(due.as_deref())?;
            if !data.goals.contains_key(&goal) {
                return Err(Problem::UnknownItem);
            }
            let position = u32::try_from(steps_of(data, goal).len()).unwrap_or(u32::MAX);
            let step = GoalStep {
                goal,
                title,
                position,
                due,
                done: None,
            };
            let id = data.allocate_id();
            let change = step.put(id);
            data.steps.insert(id, step);
            Ok(Update::saved(vec![change]))
        }
        GoalEvent::CompleteStep(id) | GoalEvent::ReopenStep(id) => {
            let done = matches!(event, GoalEvent::CompleteStep(_)).then_some(today);
            let step = data.steps.get_mut(&id).ok_or(Problem::UnknownItem)?;
            step.done = done;
            Ok(Update::saved(vec![step.put(id)]))
        }
        GoalEvent::MoveStep { step, to } => move_step(step, to, data),
        GoalEvent::SetStatus { goal, status } => {
            let existing = data.goals.get_mut(&goal).ok_or(Problem::UnknownItem)?;
            existing.status = status;
            existing.completed = match status {
                GoalStatus::Completed => existing.completed.or(Some(today)),
                GoalStatus::Archived => existing.completed,
                GoalStatus::Active | GoalStatus::Paused => None,
            };
            Ok(Update::saved(vec![existing.put(goal)]))
        }
        // Handled above.
        GoalEvent::EditStep { .. } | GoalEvent::DeleteStep(_) | GoalEvent::DeleteGoal(_) => {
            Err(Problem::NotNow)
        }
    }
}

/// Moves a step to position `to` (0-based) among its goal's steps.
fn move_step(step: Id, to: usize, data: &mut Data) -> Result<Update, Problem> {
    let goal = data.steps.get(&step).ok_or(Problem::UnknownItem)?.goal;
    let mut order: Vec<Id> = steps_of(data, goal).into_iter().map(|(id, _)| id).collect();
    if to >= order.len() {
        return Err(Problem::OutOfRange);
    }
    order.retain(|id| *id != step);
    order.insert(to, step);
    let mut changes = Vec::new();
    for (position, id) in order.into_iter().enumerate() {
        let position = u32::try_from(position).unwrap_or(u32::MAX);
        let existing = data.steps.get_mut(&id).expect("listed above");
        if existing.position != position {
            existing.position = position;
            changes.push(existing.put(id));
        }
    }
    Ok(Update::saved(changes))
}

fn edit_step(step: Id, title: &str, due: Option<&str>, data: &mut Data) -> Result<Update, Problem> {
    let title = required(title)?;
    let due = parse_date(due)?;
    let existing = data.steps.get_mut(&step).ok_or(Problem::UnknownItem)?;
    existing.title = title;
    existing.due = due;
    Ok(Update::saved(vec![existing.put(step)]))
}

/// Deletes a step and offers the undo.
fn delete_step(id: Id, unlocked: &mut Unlocked) -> Result<Update, Problem> {
    let step = unlocked
        .data
        .steps
        .remove(&id)
        .ok_or(Problem::UnknownItem)?;
    let mut removed = Removed::new(Deleted::Step);
    removed.steps.push((id, step));
    Ok(offer_undo(removed, unlocked))
}

/// Deletes a goal with its steps and offers the undo.
fn delete_goal(id: Id, unlocked: &mut Unlocked) -> Result<Update, Problem> {
    let data = &mut unlocked.data;
    let goal = data.goals.remove(&id).ok_or(Problem::UnknownItem)?;
    let mut removed = Removed::new(Deleted::Goal);
    removed.goals.push((id, goal));
    let steps: Vec<Id> = steps_of(data, id).into_iter().map(|(s, _)| s).collect();
    for step in steps {
        if let Some(value) = data.steps.remove(&step) {
            removed.steps.push((step, value));
        }
    }
    Ok(offer_undo(removed, unlocked))
}

/// The vault deletes for what was removed; the undo is offered.
fn offer_undo(removed: Removed, unlocked: &mut Unlocked) -> Update {
    let changes = removed
        .goals
        .iter()
        .map(|(id, _)| Goal::delete(*id))
        .chain(removed.steps.iter().map(|(id, _)| GoalStep::delete(*id)))
        .collect();
    unlocked.undo = Some(removed);
    Update::saved(changes)
}
