//! Goals and their steps: the values this feature keeps, each one vault record (see
//! [`crate::model::record`]). They name no other part of the model but
//! other features' records, so `Data` can hold them without a cycle.

use serde::{Deserialize, Serialize};

use crate::model::record::{Id, record};
use chrono::NaiveDate;

/// SAMHSA's four dimensions of recovery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum Dimension {
    Health,
    Home,
    Purpose,
    Community,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum GoalStatus {
    Active,
    Paused,
    Completed,
    Archived,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct Goal {
    pub title: String,
    pub dimension: Dimension,
    pub why: String,
    pub target: Option<NaiveDate>,
    pub status: GoalStatus,
    pub created: NaiveDate,
    /// When it was completed; history keeps it.
    pub completed: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct GoalStep {
    pub goal: Id,
    pub title: String,
    pub position: u32,
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
}

record! {
    Goal => Goal,
    GoalStep => GoalStep,
}
