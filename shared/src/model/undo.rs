//! Undo for deletes: what the last delete removed, exactly as it was (a
//! goal with its steps, a trigger with the links its strategies had), put
//! back under the same ids, so history that names them (craving episodes,
//! check-ins) is whole again. One undo is offered after a delete; the
//! offer goes away with the participant's next action or navigation.

use super::data::Listed;
use super::goals::records::{Goal, GoalStep};
use super::problem::Problem;
use super::record::Id;
use super::triggers::records::{CopingStrategy, Trigger};
use super::{Data, Unlocked, Update};
use crate::vault::Change;

/// What was deleted, to name it in the offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deleted {
    Goal,
    Step,
    Trigger,
    Strategy,
}

/// The records a delete removed or changed, as they were before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub what: Deleted,
    pub goals: Vec<(Id, Goal)>,
    pub steps: Vec<(Id, GoalStep)>,
    pub triggers: Vec<(Id, Trigger)>,
    /// Deleted strategies, and those whose links to a deleted trigger were cut.
    pub strategies: Vec<(Id, CopingStrategy)>,
}

impl Removed {
    pub fn new(what: Deleted) -> Self {
        Self {
            what,
            goals: Vec::new(),
            steps: Vec::new(),
            triggers: Vec::new(),
            strategies: Vec::new(),
        }
    }
}

fn put_back<T: Listed>(data: &mut Data, records: Vec<(Id, T)>, changes: &mut Vec<Change>) {
    for (id, record) in records {
        changes.push(record.put(id));
        T::list(data).insert(id, record);
    }
}

/// Puts back what the offered undo holds; nothing offered is `NotNow`.
pub fn restore(offered: Option<Removed>, unlocked: &mut Unlocked) -> Result<Update, Problem> {
    let removed = offered.ok_or(Problem::NotNow)?;
    let data = &mut unlocked.data;
    let mut changes = Vec::new();
    put_back(data, removed.goals, &mut changes);
    put_back(data, removed.steps, &mut changes);
    put_back(data, removed.triggers, &mut changes);
    put_back(data, removed.strategies, &mut changes);
    Ok(Update::saved(changes))
}
