//! The Stanley–Brown safety plan: six steps plus reasons for living.

use serde::{Deserialize, Serialize};

use super::forms::tidy;
use super::problem::Problem;
use super::record::{PROFILE_ID, Record, record};
use super::{Context, Unlocked, Update};

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

fn tidy_people(list: &mut Vec<Person>) {
    list.retain(|p| !p.name.trim().is_empty() || !p.phone.trim().is_empty());
}

/// Replaces the safety plan, dropping empty lines.
pub fn save(
    mut plan: SafetyPlan,
    unlocked: &mut Unlocked,
    _: &Context<'_>,
) -> Result<Update, Problem> {
    for list in [
        &mut plan.warning_signs,
        &mut plan.internal_coping,
        &mut plan.distractions,
        &mut plan.safe_environment,
        &mut plan.reasons_for_living,
    ] {
        tidy(list);
    }
    tidy_people(&mut plan.people_to_ask);
    tidy_people(&mut plan.professionals);
    let change = plan.put(PROFILE_ID);
    unlocked.data.safety = plan;
    Ok(Update::saved(vec![change]))
}
