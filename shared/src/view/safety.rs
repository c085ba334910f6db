//! The safety plan: read first as the plan to use now (people as large
//! call buttons, the crisis line, reasons for living), edited separately.

use serde::{Deserialize, Serialize};

use super::triggered::{LinkItem, OverdoseHelp, crisis_links, overdose_help};
use crate::i18n::Translator;
use crate::model::Data;
use crate::model::contact;
use crate::model::safety::{Person, SafetyPlan};
use crate::model::settings::Settings;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct SafetyPlanView {
    pub heading: String,
    /// The six steps' headings, in order, then reasons for living.
    pub step_headings: Vec<String>,
    pub plan: SafetyPlan,
    pub save_label: String,
    pub call_crisis_label: String,
    pub text_crisis_label: String,
    /// The plan to use now, shown first; editing is separate.
    pub use_now: UseNow,
    /// Each of `plan.people_to_ask`'s `tel:` link, in order; `None` when the
    /// phone has no digits.
    pub people_to_ask_calls: Vec<Option<String>>,
    /// The same for `plan.professionals`.
    pub professionals_calls: Vec<Option<String>>,
}

pub fn safety_view(data: &Data, words: &Translator<'_>) -> SafetyPlanView {
    let view = SafetyPlanView {
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
        use_now: UseNow::default(),
        people_to_ask_calls: calls(&data.safety.people_to_ask),
        professionals_calls: calls(&data.safety.professionals),
    };
    SafetyPlanView {
        use_now: use_now(&data.safety, &view.step_headings, &data.settings, words),
        ..view
    }
}

/// One step of the plan, read-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct PlanStep {
    pub heading: String,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct UseNow {
    /// People and professionals with a number: "Call Aunt Rosa".
    pub people: Vec<LinkItem>,
    pub crisis: Vec<LinkItem>,
    /// If someone may have overdosed: call the emergency number, naloxone.
    pub overdose: OverdoseHelp,
    pub reasons_heading: String,
    pub reasons: Vec<String>,
    /// Steps 1, 2, 3 and 6, as written.
    pub steps: Vec<PlanStep>,
    /// Nothing written yet: the plan opens in editing.
    pub empty_message: Option<String>,
    pub edit_label: String,
    pub done_editing_label: String,
}

fn people_links(people: &[Person], words: &Translator<'_>) -> impl Iterator<Item = LinkItem> {
    people
        .iter()
        .filter(|person| !contact::dialable(&person.phone).is_empty())
        .map(|person| {
            let name = if person.name.trim().is_empty() {
                person.phone.clone()
            } else {
                person.name.clone()
            };
            LinkItem {
                label: words.with("action-call-person", &[("name", name.into())]),
                url: contact::call_url(&person.phone),
            }
        })
}

/// `headings` are the seven step headings, in the plan's order.
pub fn use_now(
    plan: &SafetyPlan,
    headings: &[String],
    settings: &Settings,
    words: &Translator<'_>,
) -> UseNow {
    let heading = |index: usize| headings.get(index).cloned().unwrap_or_default();
    let step = |index: usize, items: &[String]| PlanStep {
        heading: heading(index),
        items: items.to_vec(),
    };
    let empty = *plan == SafetyPlan::default();
    UseNow {
        people: people_links(&plan.people_to_ask, words)
            .chain(people_links(&plan.professionals, words))
            .collect(),
        crisis: crisis_links(&settings.crisis_line, words),
        overdose: overdose_help(&settings.emergency_number, words),
        reasons_heading: heading(6),
        reasons: plan.reasons_for_living.clone(),
        steps: [
            step(0, &plan.warning_signs),
            step(1, &plan.internal_coping),
            step(2, &plan.distractions),
            step(5, &plan.safe_environment),
        ]
        .into_iter()
        .filter(|step| !step.items.is_empty())
        .collect(),
        empty_message: empty.then(|| words.get("safety-empty")),
        edit_label: words.get("action-edit-safety-plan"),
        done_editing_label: words.get("action-done-editing"),
    }
}

fn calls(people: &[Person]) -> Vec<Option<String>> {
    people
        .iter()
        .map(|person| contact::call_link(&person.phone))
        .collect()
}
