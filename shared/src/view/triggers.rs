//! The toolbox (triggers and coping strategies) and the "I'm triggered" flow.

use serde::{Deserialize, Serialize};

use super::choices::{ItemChoice, TextChoice, TriggerKindChoice};
use crate::i18n::Translator;
use crate::model::Data;
use crate::model::coping;
use crate::model::record::Id;
use crate::model::triggers::{Flow, FlowStep, STARTER_STRATEGIES, TriggerKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct InsightItem {
    pub strategy: String,
    /// "Lowered craving by 3.5 on average (4 times)".
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct TriggerItem {
    pub id: Id,
    pub kind: TriggerKind,
    pub kind_label: String,
    pub name: String,
    pub strategies: Vec<Id>,
    /// For this trigger: which strategies actually lowered the craving.
    pub insight: Vec<InsightItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct StrategyItem {
    pub id: Id,
    pub name: String,
    pub triggers: Vec<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct TriggersView {
    pub heading: String,
    pub add_trigger_label: String,
    pub add_strategy_label: String,
    pub name_label: String,
    pub kinds: Vec<TriggerKindChoice>,
    pub triggers: Vec<TriggerItem>,
    pub strategies: Vec<StrategyItem>,
    /// Starter ideas not yet in the toolbox: keep one with `AddStrategy`
    /// (its label as the name), or dismiss it by its value.
    pub suggestions_heading: String,
    pub suggestions: Vec<TextChoice>,
    pub keep_label: String,
    pub dismiss_label: String,
    /// With no trigger and no strategy yet: what the screen is for, in one
    /// sentence (the add forms are the first action).
    pub empty: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct RankedStrategy {
    pub id: Id,
    pub name: String,
    pub evidence: String,
    pub tried: bool,
    /// It lowered this participant's craving before.
    pub helped: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct TriggeredView {
    pub step: FlowStep,
    pub heading: String,
    pub prompt: String,
    pub triggers: Vec<ItemChoice>,
    pub halt_label: String,
    pub halt: Vec<TextChoice>,
    pub craving_label: String,
    /// Best first: what lowered this person's craving before.
    pub strategies: Vec<RankedStrategy>,
    pub done_label: String,
    pub cancel_label: String,
    /// After coping the craving is still high: offer people, not just tips.
    pub still_high: bool,
    pub still_high_message: Option<String>,
    pub safety_plan_label: String,
    /// Where the craving scale starts: the second rating at the first.
    pub rating_start: u8,
    /// Still high, or nothing in the toolbox yet: people to reach in one tap.
    pub reach_out: Option<super::triggered::ReachOut>,
    /// Still high: back to the strategies.
    pub try_another_label: Option<String>,
    /// Nothing in the toolbox yet: the built-in ideas.
    pub ideas_heading: Option<String>,
    pub ideas: Vec<String>,
}

const KINDS: [(TriggerKind, &str); 6] = [
    (TriggerKind::People, "trigger-kind-people"),
    (TriggerKind::Places, "trigger-kind-places"),
    (TriggerKind::Things, "trigger-kind-things"),
    (TriggerKind::Feelings, "trigger-kind-feelings"),
    (TriggerKind::Times, "trigger-kind-times"),
    (TriggerKind::WarningSign, "trigger-kind-warning-sign"),
];

fn evidence(words: &Translator<'_>, ranked: &coping::Ranked) -> String {
    match ranked.mean_drop {
        None => words.get("strategy-untried"),
        Some(drop) => words.with(
            "strategy-evidence",
            &[
                ("drop", format!("{drop:.1}").into()),
                ("times", i64::from(ranked.uses).into()),
            ],
        ),
    }
}

pub(super) fn triggers_view(data: &Data, words: &Translator<'_>) -> TriggersView {
    let drops = coping::Evidence::from_episodes(&data.episodes);
    let names: Vec<String> = data
        .strategies
        .values()
        .map(|s| s.name.to_lowercase())
        .collect();
    TriggersView {
        heading: words.get("triggers-heading"),
        add_trigger_label: words.get("action-add-trigger"),
        add_strategy_label: words.get("action-add-strategy"),
        name_label: words.get("field-name"),
        kinds: KINDS
            .iter()
            .map(|(value, key)| TriggerKindChoice {
                value: *value,
                label: words.get(key),
            })
            .collect(),
        triggers: data
            .triggers
            .iter()
            .map(|(id, trigger)| TriggerItem {
                id: *id,
                kind: trigger.kind,
                kind_label: words.get(
                    KINDS
                        .iter()
                        .find(|(k, _)| *k == trigger.kind)
                        .map_or("", |(_, key)| key),
                ),
                name: trigger.name.clone(),
                strategies: data
                    .strategies
                    .iter()
                    .filter(|(_, s)| s.triggers.contains(id))
                    .map(|(sid, _)| *sid)
                    .collect(),
                insight: drops
                    .rank(&data.strategies, Some(*id))
                    .iter()
                    .filter(|r| r.mean_drop.is_some_and(|drop| drop > 0.0))
                    .map(|r| InsightItem {
                        strategy: data.strategies[&r.id].name.clone(),
                        evidence: evidence(words, r),
                    })
                    .collect(),
            })
            .collect(),
        strategies: data
            .strategies
            .iter()
            .map(|(id, s)| StrategyItem {
                id: *id,
                name: s.name.clone(),
                triggers: s.triggers.clone(),
            })
            .collect(),
        suggestions_heading: words.get("triggers-suggestions"),
        suggestions: STARTER_STRATEGIES
            .iter()
            .filter(|key| {
                !data
                    .settings
                    .dismissed_suggestions
                    .iter()
                    .any(|d| d == *key)
            })
            .map(|key| TextChoice {
                value: (*key).to_owned(),
                label: words.get(key),
            })
            .filter(|choice| !names.contains(&choice.label.to_lowercase()))
            .collect(),
        keep_label: words.get("action-keep"),
        dismiss_label: words.get("action-dismiss"),
        empty: (data.triggers.is_empty() && data.strategies.is_empty())
            .then(|| words.get("triggers-empty")),
    }
}

pub(super) fn triggered(
    flow: &Flow,
    data: &Data,
    local_now: chrono::NaiveDateTime,
    words: &Translator<'_>,
) -> TriggeredView {
    let ranked = coping::rank(&data.strategies, &data.episodes, flow.trigger);
    let helped = |r: &coping::Ranked| r.mean_drop.is_some_and(|drop| drop > 0.0);
    let offered = super::triggered::Offered {
        strategies: ranked.len(),
        helped: ranked.iter().filter(|r| helped(r)).count(),
    };
    let extras = super::triggered::extras(flow, data, offered, words);
    let (prompt, still_high) = (
        extras.prompt_key,
        matches!(flow.step, FlowStep::Done { still_high: true }),
    );
    TriggeredView {
        step: flow.step.clone(),
        heading: words.get("action-im-triggered"),
        prompt: words.get(prompt),
        triggers: data
            .triggers
            .iter()
            .map(|(id, t)| ItemChoice {
                value: *id,
                label: t.name.clone(),
            })
            .collect(),
        halt_label: words.get("field-halt"),
        halt: ["halt-hungry", "halt-angry", "halt-lonely", "halt-tired"]
            .iter()
            .map(|key| TextChoice {
                value: (*key).to_owned(),
                label: words.get(key),
            })
            .collect(),
        craving_label: words.get("field-craving"),
        strategies: ranked
            .iter()
            .map(|r| RankedStrategy {
                id: r.id,
                name: data.strategies[&r.id].name.clone(),
                evidence: evidence(words, r),
                tried: flow.tried.contains(&r.id),
                helped: helped(r),
            })
            .collect(),
        done_label: words.get("action-save"),
        cancel_label: words.get("action-cancel"),
        still_high,
        still_high_message: still_high
            .then(|| super::triggered::still_high_message(data, local_now, words)),
        safety_plan_label: words.get("action-safety-plan"),
        rating_start: extras.rating_start,
        reach_out: extras.reach_out,
        try_another_label: extras.try_another_label,
        ideas_heading: extras.ideas_heading,
        ideas: extras.ideas,
    }
}
