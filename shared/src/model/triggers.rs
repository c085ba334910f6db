//! Triggers, the coping toolbox, and the "I'm triggered" flow.

use serde::{Deserialize, Serialize};

use super::forms::required;
use super::problem::Problem;
use super::record::{Id, PROFILE_ID, Record};
use super::{Context, Unlocked, Update};

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
    RemoveTrigger(Id),
    AddStrategy {
        name: String,
        triggers: Vec<Id>,
    },
    RemoveStrategy(Id),
    /// Links or unlinks a strategy and a trigger.
    Link {
        strategy: Id,
        trigger: Id,
        linked: bool,
    },
    /// Hides a starter idea (by its key) from the suggestions.
    DismissSuggestion(String),
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
    _: &Context<'_>,
) -> Result<Update, Problem> {
    let data = &mut unlocked.data;
    match event {
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
            data.triggers.remove(&id).ok_or(Problem::UnknownItem)?;
            let mut changes = vec![Trigger::delete(id)];
            for (strategy_id, strategy) in &mut data.strategies {
                if strategy.triggers.contains(&id) {
                    strategy.triggers.retain(|t| *t != id);
                    changes.push(strategy.put(*strategy_id));
                }
            }
            Ok(Update::saved(changes))
        }
        TriggerEvent::AddStrategy { name, triggers } => {
            if triggers.iter().any(|t| !data.triggers.contains_key(t)) {
                return Err(Problem::UnknownItem);
            }
            let strategy = CopingStrategy {
                name: required(&name)?,
                triggers,
            };
            let id = data.allocate_id();
            let change = strategy.put(id);
            data.strategies.insert(id, strategy);
            Ok(Update::saved(vec![change]))
        }
        TriggerEvent::RemoveStrategy(id) => {
            data.strategies.remove(&id).ok_or(Problem::UnknownItem)?;
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
