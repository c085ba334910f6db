//! The participant's data as the core models it, and its mapping to vault
//! records: each struct is one record, serialized with bincode and sealed
//! by the vault.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::vault::{Change, RecordKind, StoredRecord};

pub type Id = u64;

/// SAMHSA's four dimensions of recovery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum Dimension {
    Health,
    Home,
    Purpose,
    Community,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum GoalStatus {
    Active,
    Paused,
    Completed,
    Archived,
}

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
pub struct Profile {
    pub recovery_date: Option<NaiveDate>,
}

/// Preferences, kept encrypted like everything else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct Settings {
    /// `None` follows the device.
    pub language: Option<crate::i18n::Language>,
    pub auto_lock_minutes: u32,
    /// Neutral app title and notifications without content.
    pub discreet: bool,
    /// The crisis line to call or text (988 in the US).
    pub crisis_line: String,
    /// Daily check-in reminder, local time.
    pub check_in_reminder: Option<chrono::NaiveTime>,
    /// Starter coping ideas the participant chose not to keep.
    pub dismissed_suggestions: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: None,
            auto_lock_minutes: 5,
            discreet: false,
            crisis_line: "988".into(),
            check_in_reminder: None,
            dismissed_suggestions: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct Lapse {
    pub date: NaiveDate,
    /// What was going on; kept, never judged.
    pub context: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct Goal {
    pub title: String,
    pub dimension: Dimension,
    pub why: String,
    pub target: Option<NaiveDate>,
    pub status: GoalStatus,
    pub created: NaiveDate,
    /// When it was completed; history keeps it.
    pub completed: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct GoalStep {
    pub goal: Id,
    pub title: String,
    pub position: u32,
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
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

/// A day's check-in: the answers, on the participant's calendar date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct CheckIn {
    pub date: NaiveDate,
    pub answers: super::checkin::CheckInForm,
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

/// The participant's data, indexed by record id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Data {
    pub profile: Option<Profile>,
    pub settings: Settings,
    pub lapses: BTreeMap<Id, Lapse>,
    pub goals: BTreeMap<Id, Goal>,
    pub steps: BTreeMap<Id, GoalStep>,
    pub triggers: BTreeMap<Id, Trigger>,
    pub strategies: BTreeMap<Id, CopingStrategy>,
    pub episodes: BTreeMap<Id, CravingEpisode>,
    pub check_ins: BTreeMap<Id, CheckIn>,
    pub recovery_capital: BTreeMap<Id, RecoveryCapital>,
    pub contacts: BTreeMap<Id, super::aftercare::SupportContact>,
    pub referrals: BTreeMap<Id, super::aftercare::Referral>,
    pub documents: BTreeMap<Id, super::aftercare::Document>,
    pub appointments: BTreeMap<Id, super::aftercare::Appointment>,
    pub meetings: BTreeMap<Id, super::aftercare::Meeting>,
    pub aftercare: super::aftercare::AftercarePlan,
    pub safety: super::safety::SafetyPlan,
    pub specialist: Option<super::contact::Specialist>,
    pub templates: BTreeMap<Id, super::contact::MessageTemplate>,
    /// The pairing with the specialist through the relay, if any.
    pub messaging: Option<super::messages::Messaging>,
    /// The secure conversation, the outbox included.
    pub messages: BTreeMap<Id, super::messages::Message>,
    /// Records that could not be read (damaged or from a newer version).
    pub unreadable: usize,
    /// The next free record id.
    pub next_id: Id,
}

/// The singleton profile and settings records' id (in their own tables).
pub const PROFILE_ID: Id = 1;

fn decode<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Option<T> {
    bincode::deserialize(body).ok()
}

fn encode<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    bincode::serialize(value).expect("plain data always serializes")
}

/// A value that is stored as one vault record.
pub trait Record: Serialize {
    const KIND: RecordKind;

    fn put(&self, id: Id) -> Change {
        Change::put(Self::KIND, id, encode(self))
    }

    fn delete(id: Id) -> Change {
        Change::Delete {
            kind: Self::KIND,
            id,
        }
    }
}

macro_rules! record {
    ($($ty:ty => $kind:ident),* $(,)?) => {
        $(impl $crate::model::records::Record for $ty {
            const KIND: $crate::vault::RecordKind = $crate::vault::RecordKind::$kind;
        })*
    };
}

pub(crate) use record;

record! {
    Profile => Profile,
    Settings => Settings,
    Lapse => Lapse,
    Goal => Goal,
    GoalStep => GoalStep,
    Trigger => Trigger,
    CopingStrategy => CopingStrategy,
    CravingEpisode => CravingEpisode,
    CheckIn => CheckIn,
    RecoveryCapital => RecoveryCapital,
}

impl Data {
    /// Builds the model's data from the vault's records. A body that does not
    /// decode is counted, not fatal.
    pub fn from_records(records: &[StoredRecord], damaged: usize) -> Self {
        let mut data = Self {
            unreadable: damaged,
            ..Self::default()
        };
        let mut max_id = PROFILE_ID;
        for record in records {
            max_id = max_id.max(record.id);
            let (id, body) = (record.id, &record.body[..]);
            let decoded = match record.kind {
                RecordKind::Profile => decode(body).map(|p| data.profile = Some(p)),
                RecordKind::Settings => decode(body).map(|s| data.settings = s),
                RecordKind::Lapse => decode(body).map(|v| {
                    data.lapses.insert(id, v);
                }),
                RecordKind::Goal => decode(body).map(|v| {
                    data.goals.insert(id, v);
                }),
                RecordKind::GoalStep => decode(body).map(|v| {
                    data.steps.insert(id, v);
                }),
                RecordKind::Trigger => decode(body).map(|v| {
                    data.triggers.insert(id, v);
                }),
                RecordKind::CopingStrategy => decode(body).map(|v| {
                    data.strategies.insert(id, v);
                }),
                RecordKind::CravingEpisode => decode(body).map(|v| {
                    data.episodes.insert(id, v);
                }),
                RecordKind::CheckIn => decode(body).map(|v| {
                    data.check_ins.insert(id, v);
                }),
                RecordKind::RecoveryCapital => decode(body).map(|v| {
                    data.recovery_capital.insert(id, v);
                }),
                RecordKind::SupportContact => decode(body).map(|v| {
                    data.contacts.insert(id, v);
                }),
                RecordKind::Referral => decode(body).map(|v| {
                    data.referrals.insert(id, v);
                }),
                RecordKind::Document => decode(body).map(|v| {
                    data.documents.insert(id, v);
                }),
                RecordKind::Appointment => decode(body).map(|v| {
                    data.appointments.insert(id, v);
                }),
                RecordKind::Meeting => decode(body).map(|v| {
                    data.meetings.insert(id, v);
                }),
                RecordKind::AftercarePlan => decode(body).map(|v| data.aftercare = v),
                RecordKind::SafetyPlan => decode(body).map(|v| data.safety = v),
                RecordKind::Specialist => decode(body).map(|v| data.specialist = Some(v)),
                RecordKind::MessageTemplate => decode(body).map(|v| {
                    data.templates.insert(id, v);
                }),
                // Row PROFILE_ID of the messages table is the pairing itself.
                RecordKind::Message if id == PROFILE_ID => {
                    decode(body).map(|v| data.messaging = Some(v))
                }
                RecordKind::Message => decode(body).map(|v| {
                    data.messages.insert(id, v);
                }),
                // Kinds this version does not model yet are left untouched in the vault.
                RecordKind::Reminder => Some(()),
            };
            if decoded.is_none() {
                data.unreadable += 1;
            }
        }
        data.next_id = max_id + 1;
        data
    }

    pub fn allocate_id(&mut self) -> Id {
        let id = self.next_id.max(PROFILE_ID + 1);
        self.next_id = id + 1;
        id
    }
}
