//! The safety plan: the values this feature keeps, each one vault record (see
//! [`crate::model::record`]). They name no other part of the model but
//! other features' records, so `Data` can hold them without a cycle.

use serde::{Deserialize, Serialize};

use crate::model::record::record;

/// Someone to reach: a name and a number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct Person {
    pub name: String,
    pub phone: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct SafetyPlan {
    /// 1. Warning signs that a crisis may be developing.
    pub warning_signs: Vec<String>,
    /// 2. Things I can do on my own to take my mind off problems.
    pub internal_coping: Vec<String>,
    /// 3. People and social settings that provide distraction.
    pub distractions: Vec<String>,
    /// 4. People I can ask for help.
    pub people_to_ask: Vec<Person>,
    /// 5. Professionals and agencies to contact in a crisis.
    pub professionals: Vec<Person>,
    /// 6. Making the environment safe.
    pub safe_environment: Vec<String>,
    pub reasons_for_living: Vec<String>,
}

record! {
    SafetyPlan => SafetyPlan,
}
