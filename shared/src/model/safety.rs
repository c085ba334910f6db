//! The Stanley–Brown safety plan: six steps plus reasons for living.

use super::forms::tidy;
use super::problem::Problem;
use super::record::{PROFILE_ID, Record};
use super::{Context, Unlocked, Update};

pub mod records;

pub use records::*;

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
