//! The recovery date, lapses and recovery-capital checks: the values this feature keeps, each one vault record (see
//! [`crate::model::record`]). They name no other part of the model but
//! other features' records, so `Data` can hold them without a cycle.

use serde::{Deserialize, Serialize};

use crate::model::record::record;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct Profile {
    pub recovery_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct Lapse {
    pub date: NaiveDate,
    /// What was going on; kept, never judged.
    pub context: String,
}

/// A BARC-10 recovery-capital check: ten answers from 1 (strongly
/// disagree) to 6 (strongly agree); the score is their sum, 10 to 60.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct RecoveryCapital {
    pub date: NaiveDate,
    pub answers: [u8; 10],
}

impl RecoveryCapital {
    pub fn score(&self) -> u32 {
        self.answers.iter().map(|a| u32::from(*a)).sum()
    }
}

record! {
    Profile => Profile,
    Lapse => Lapse,
    RecoveryCapital => RecoveryCapital,
}
