//! Triggers, coping strategies, craving episodes, and the "I'm triggered" flow in progress: the values this feature keeps, each one vault record (see
//! [`crate::model::record`]). They name no other part of the model but
//! other features' records, so `Data` can hold them without a cycle.

use serde::{Deserialize, Serialize};

use crate::model::record::{Id, record};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum TriggerKind {
    People,
    Places,
    Things,
    Feelings,
    Times,
    /// An early warning sign rather than an outside trigger.
    WarningSign,
}

/// Hungry, angry, lonely, tired: four yes-or-no answers.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct Halt {
    pub hungry: bool,
    pub angry: bool,
    pub lonely: bool,
    pub tired: bool,
}

impl Halt {
    pub fn any(self) -> bool {
        self.hungry || self.angry || self.lonely || self.tired
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct Trigger {
    pub kind: TriggerKind,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct CopingStrategy {
    pub name: String,
    /// The triggers it helps with.
    pub triggers: Vec<Id>,
}

/// One run of "I'm triggered".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct CravingEpisode {
    pub at_ms: i64,
    pub trigger: Option<Id>,
    pub halt: Halt,
    pub strategies: Vec<Id>,
    pub before: u8,
    pub after: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum FlowStep {
    #[default]
    ChooseTrigger,
    RateBefore,
    Cope,
    /// Saved; `still_high` offers the specialist and the safety plan.
    Done {
        still_high: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, facet::Facet)]
pub struct Flow {
    pub step: FlowStep,
    pub trigger: Option<Id>,
    pub halt: Halt,
    pub before: Option<u8>,
    pub tried: Vec<Id>,
    /// The after-rating the participant chose, once saved.
    pub after: Option<u8>,
}

impl Flow {
    /// Where the craving scale starts: mid-scale for the first rating; the
    /// second starts at the first, so saving it without moving records no
    /// drop and credits no strategy.
    pub fn rating_start(&self) -> u8 {
        self.before.unwrap_or(5)
    }

    /// The craving went down between the two ratings the participant chose.
    pub fn lowered(&self) -> bool {
        matches!((self.before, self.after), (Some(before), Some(after)) if after < before)
    }
}

record! {
    Trigger => Trigger,
    CopingStrategy => CopingStrategy,
    CravingEpisode => CravingEpisode,
}
