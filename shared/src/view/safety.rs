//! The safety plan.

use serde::{Deserialize, Serialize};

use crate::i18n::Translator;
use crate::model::safety::{Person, SafetyPlan};
use crate::model::{Data, contact};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct SafetyPlanView {
    pub heading: String,
    /// The six steps' headings, in order, then reasons for living.
    pub step_headings: Vec<String>,
    pub plan: SafetyPlan,
    pub save_label: String,
    pub call_crisis_label: String,
    pub text_crisis_label: String,
    /// Each of `plan.people_to_ask`'s `tel:` link, in order; `None` when the
    /// phone has no digits.
    pub people_to_ask_calls: Vec<Option<String>>,
    /// The same for `plan.professionals`.
    pub professionals_calls: Vec<Option<String>>,
}

pub fn safety_view(data: &Data, words: &Translator<'_>) -> SafetyPlanView {
    SafetyPlanView {
        heading: words.get("safety-heading"),
        step_headings: [
            "safety-warning-signs",
            "safety-internal-coping",
            "safety-distractions",
            "safety-people-to-ask",
            "safety-professionals",
            "safety-environment",
            "safety-reasons",
        ]
        .iter()
        .map(|key| words.get(key))
        .collect(),
        plan: data.safety.clone(),
        save_label: words.get("action-save"),
        call_crisis_label: words.get("action-call-crisis"),
        text_crisis_label: words.get("action-text-crisis"),
        people_to_ask_calls: calls(&data.safety.people_to_ask),
        professionals_calls: calls(&data.safety.professionals),
    }
}

fn calls(people: &[Person]) -> Vec<Option<String>> {
    people
        .iter()
        .map(|person| contact::call_link(&person.phone))
        .collect()
}
