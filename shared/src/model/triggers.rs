//! Triggers, the coping toolbox, and the "I'm triggered" flow.

use serde::{Deserialize, Serialize};

use super::forms::required;
use super::problem::Problem;
use super::record::{Id, PROFILE_ID, Record};
use super::undo::{Deleted, Removed};
use super::{Context, Data, Unlocked, Update};

pub mod records;

pub use records::*;

/// A craving at or above this after coping offers the specialist and the
/// safety plan.
pub const STILL_HIGH: u8 = 7;

/// Starter ideas the participant can add to their toolbox (keys into the
/// translations); they never appear as records until adopted.
pub const STARTER_STRATEGIES: [&str; 7] = [
    "starter-call-someone",
    "starter-walk",
    "starter-breathing",
    "starter-urge-surfing",
    "starter-play-tape-forward",
    "starter-meeting",
    "starter-eat-rest",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum TriggerEvent {
    AddTrigger {
        // Not `kind`: the generated TypeScript tags variants with `kind`.
        category: TriggerKind,
        name: String,
    },
    EditTrigger {
        trigger: Id,
        category: TriggerKind,
        name: String,
    },
    /// Deletes a trigger and its links (undo puts both back; its history
    /// keeps naming it).
    RemoveTrigger(Id),
    AddStrategy {
        name: String,
        triggers: Vec<Id>,
    },
    /// Renames a strategy (its links change with `Link`).
    EditStrategy {
        strategy: Id,
        name: String,
    },
    /// Deletes a strategy (undo puts it back, links included).
    RemoveStrategy(Id),
    /// Links or unlinks a strategy and a trigger.
    Link {
        strategy: Id,
        trigger: Id,
        linked: bool,
    },
    /// Hides a starter idea (by its key) from the suggestions.
    DismissSuggestion(String),
    /// Keeps a starter idea (by its key) as a strategy, named in the
    /// participant's language, for these triggers (more with `Link`).
    KeepSuggestion {
        idea: String,
        triggers: Vec<Id>,
    },
}

/// The "I'm triggered" flow, step by step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum FlowEvent {
    Start,
    ChooseTrigger(Id),
    /// The HALT check instead of a named trigger.
    Halt(Halt),
    RateBefore(u8),
    /// Marks a strategy as tried (or not).
    Tried {
        strategy: Id,
        tried: bool,
    },
    RateAfter(u8),
    Cancel,
    /// Still high after coping: back to the strategies, starting from the
    /// last rating.
    TryAnother,
}

/// The toolbox: triggers and coping strategies.
pub fn update(
    event: TriggerEvent,
    unlocked: &mut Unlocked,
    cx: &Context<'_>,
) -> Result<Update, Problem> {
    if let TriggerEvent::EditTrigger { .. } | TriggerEvent::EditStrategy { .. } = event {
        return rename(event, &mut unlocked.data);
    }
    let data = &mut unlocked.data;
    match event {
        TriggerEvent::KeepSuggestion { idea, triggers } => {
            if !STARTER_STRATEGIES.contains(&idea.as_str()) {
                return Err(Problem::UnknownItem);
            }
            add_strategy(&cx.words.get(&idea), triggers, data)
        }
        TriggerEvent::AddStrategy { name, triggers } => add_strategy(&name, triggers, data),
        TriggerEvent::AddTrigger { category, name } => {
            let trigger = Trigger {
                kind: category,
                name: required(&name)?,
            };
            let id = data.allocate_id();
            let change = trigger.put(id);
            data.triggers.insert(id, trigger);
            Ok(Update::saved(vec![change]))
        }
        TriggerEvent::RemoveTrigger(id) => {
            let trigger = data.triggers.remove(&id).ok_or(Problem::UnknownItem)?;
            let mut removed = Removed::new(Deleted::Trigger);
            removed.triggers.push((id, trigger));
            let mut changes = vec![Trigger::delete(id)];
            for (strategy_id, strategy) in &mut data.strategies {
                if strategy.triggers.contains(&id) {
                    removed.strategies.push((*strategy_id, strategy.clone()));
                    strategy.triggers.retain(|t| *t != id);
                    changes.push(strategy.put(*strategy_id));
                }
            }
            unlocked.undo = Some(removed);
            Ok(Update::saved(changes))
        }
        TriggerEvent::RemoveStrategy(id) => {
            let strategy = data.strategies.remove(&id).ok_or(Problem::UnknownItem)?;
            let mut removed = Removed::new(Deleted::Strategy);
            removed.strategies.push((id, strategy));
            unlocked.undo = Some(removed);
            Ok(Update::saved(vec![CopingStrategy::delete(id)]))
        }
        TriggerEvent::Link {
            strategy,
            trigger,
            linked,
        } => {
            if !data.triggers.contains_key(&trigger) {
                return Err(Problem::UnknownItem);
            }
            let existing = data
                .strategies
                .get_mut(&strategy)
                .ok_or(Problem::UnknownItem)?;
            existing.triggers.retain(|t| *t != trigger);
            if linked {
                existing.triggers.push(trigger);
            }
            Ok(Update::saved(vec![existing.put(strategy)]))
        }
        TriggerEvent::DismissSuggestion(key) => {
            if !STARTER_STRATEGIES.contains(&key.as_str()) {
                return Err(Problem::UnknownItem);
            }
            let settings = &mut data.settings;
            if !settings.dismissed_suggestions.contains(&key) {
                settings.dismissed_suggestions.push(key);
            }
            Ok(Update::saved(vec![settings.put(PROFILE_ID)]))
        }
        // Handled by `rename`.
        TriggerEvent::EditTrigger { .. } | TriggerEvent::EditStrategy { .. } => {
            Err(Problem::NotNow)
        }
    }
}

fn add_strategy(name: &str, triggers: Vec<Id>, data: &mut Data) -> Result<Update, Problem> {
    if triggers.iter().any(|t| !data.triggers.contains_key(t)) {
        return Err(Problem::UnknownItem);
    }
    let strategy = CopingStrategy {
        name: required(name)?,
        triggers,
    };
    let id = data.allocate_id();
    let change = strategy.put(id);
    data.strategies.insert(id, strategy);
    Ok(Update::saved(vec![change]))
}

/// Renames a trigger (and changes its kind) or a strategy.
fn rename(event: TriggerEvent, data: &mut Data) -> Result<Update, Problem> {
    match event {
        TriggerEvent::EditTrigger {
            trigger,
            category,
            name,
        } => {
            let name = required(&name)?;
            let existing = data
                .triggers
                .get_mut(&trigger)
                .ok_or(Problem::UnknownItem)?;
            existing.kind = category;
            existing.name = name;
            Ok(Update::saved(vec![existing.put(trigger)]))
        }
        TriggerEvent::EditStrategy { strategy, name } => {
            let name = required(&name)?;
            let existing = data
                .strategies
                .get_mut(&strategy)
                .ok_or(Problem::UnknownItem)?;
            existing.name = name;
            Ok(Update::saved(vec![existing.put(strategy)]))
        }
        _ => Err(Problem::NotNow),
    }
}

fn scale(value: u8) -> Result<u8, Problem> {
    if value <= 10 {
        Ok(value)
    } else {
        Err(Problem::OutOfRange)
    }
}

/// The "I'm triggered" flow: advances it, saving the episode when the
/// after-rating arrives.
pub fn advance(
    event: FlowEvent,
    unlocked: &mut Unlocked,
    cx: &Context<'_>,
) -> Result<Update, Problem> {
    let (flow, data, now_ms) = (&mut unlocked.flow, &mut unlocked.data, cx.now_ms);
    if matches!(event, FlowEvent::Start) {
        *flow = Some(Flow::default());
        return Ok(Update::default());
    }
    if matches!(event, FlowEvent::Cancel) {
        *flow = None;
        return Ok(Update::default());
    }
    let current = flow.as_mut().ok_or(Problem::NotNow)?;
    match (event, &current.step) {
        (FlowEvent::ChooseTrigger(id), FlowStep::ChooseTrigger) => {
            if !data.triggers.contains_key(&id) {
                return Err(Problem::UnknownItem);
            }
            current.trigger = Some(id);
            current.step = FlowStep::RateBefore;
        }
        (FlowEvent::Halt(halt), FlowStep::ChooseTrigger) => {
            current.halt = halt;
            current.step = FlowStep::RateBefore;
        }
        (FlowEvent::RateBefore(value), FlowStep::RateBefore) => {
            current.before = Some(scale(value)?);
            current.step = FlowStep::Cope;
        }
        (FlowEvent::Tried { strategy, tried }, FlowStep::Cope) => {
            if !data.strategies.contains_key(&strategy) {
                return Err(Problem::UnknownItem);
            }
            current.tried.retain(|id| *id != strategy);
            if tried {
                current.tried.push(strategy);
            }
        }
        (FlowEvent::RateAfter(value), FlowStep::Cope) => {
            let after = scale(value)?;
            let episode = CravingEpisode {
                at_ms: now_ms,
                trigger: current.trigger,
                halt: current.halt,
                strategies: current.tried.clone(),
                before: current.before.unwrap_or(after),
                after,
            };
            current.after = Some(after);
            current.step = FlowStep::Done {
                still_high: after >= STILL_HIGH,
            };
            let id = data.allocate_id();
            let change = episode.put(id);
            data.episodes.insert(id, episode);
            return Ok(Update::saved(vec![change]));
        }
        (FlowEvent::TryAnother, FlowStep::Done { .. }) => {
            current.before = current.after.take().or(current.before);
            current.tried.clear();
            current.step = FlowStep::Cope;
        }
        _ => return Err(Problem::NotNow),
    }
    Ok(Update::default())
}

/// Going anywhere else (the help buttons, the navigation) closes the flow:
/// what was saved stays saved.
pub fn leave(flow: &mut Option<Flow>) {
    *flow = None;
}
