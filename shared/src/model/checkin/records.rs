//! The daily check-in: the values this feature keeps, each one vault record (see
//! [`crate::model::record`]). They name no other part of the model but
//! other features' records, so `Data` can hold them without a cycle.

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use crate::model::record::{Id, record};
use crate::model::triggers::records::Halt;

/// What the participant answers, as kept; one per day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct CheckInAnswers {
    /// 1 (very low) to 5 (very good).
    pub mood: u8,
    /// 0 to 10.
    pub craving: u8,
    pub halt: Halt,
    pub sleep_hours: Option<u8>,
    /// `None` when the participant preferred not to say.
    pub used_today: Option<bool>,
    pub triggers: Vec<Id>,
    pub strategies: Vec<Id>,
    pub note: String,
}

/// The check-in as the participant fills it in: the answers, with the
/// hours of sleep as typed (the core checks them, for every shell).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct CheckInForm {
    /// 1 (very low) to 5 (very good).
    pub mood: u8,
    /// 0 to 10.
    pub craving: u8,
    pub halt: Halt,
    /// As typed; empty when not answered.
    pub sleep_hours: String,
    /// `None` when the participant preferred not to say.
    pub used_today: Option<bool>,
    pub triggers: Vec<Id>,
    pub strategies: Vec<Id>,
    pub note: String,
}

/// A day's check-in: the answers, on the participant's calendar date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct CheckIn {
    pub date: NaiveDate,
    pub answers: CheckInAnswers,
}

record! {
    CheckIn => CheckIn,
}
