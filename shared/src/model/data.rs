//! The participant's data, indexed by record id, and where each record
//! type lives in it: one table, [`stored!`], maps a record type to its field,
//! so loading the vault and saving an item never list the types by hand.

use std::collections::BTreeMap;

use super::aftercare::records::{
    AftercarePlan, Appointment, Document, Meeting, Referral, SupportContact,
};
use super::checkin::records::CheckIn;
use super::contact::records::{MessageTemplate, Specialist};
use super::goals::records::{Goal, GoalStep};
use super::messages::records::{Message, Messaging, PairingEnded};
use super::record::{Id, PROFILE_ID, Record};
use super::recovery::records::{Lapse, Profile, RecoveryCapital};
use super::safety::records::SafetyPlan;
use super::settings::records::Settings;
use super::triggers::records::{CopingStrategy, CravingEpisode, Trigger};
use crate::vault::{RecordKind, StoredRecord};

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
    pub contacts: BTreeMap<Id, SupportContact>,
    pub referrals: BTreeMap<Id, Referral>,
    pub documents: BTreeMap<Id, Document>,
    pub appointments: BTreeMap<Id, Appointment>,
    pub meetings: BTreeMap<Id, Meeting>,
    pub aftercare: AftercarePlan,
    pub safety: SafetyPlan,
    pub specialist: Option<Specialist>,
    pub templates: BTreeMap<Id, MessageTemplate>,
    /// The pairing with the specialist through the relay, if any.
    pub messaging: Option<Messaging>,
    /// No pairing, and why the participant must pair again.
    pub pairing_ended: Option<PairingEnded>,
    /// The secure conversation, the outbox included.
    pub messages: BTreeMap<Id, Message>,
    /// Records that could not be read (damaged or from a newer version).
    pub unreadable: usize,
    /// The next free record id.
    pub next_id: Id,
}

/// A record type kept as a list in [`Data`], by id.
pub(crate) trait Listed: Record + Sized {
    fn list(data: &mut Data) -> &mut BTreeMap<Id, Self>;
}

/// Declares where each record type lives in [`Data`]: a `list` by id, `one`
/// value, or `maybe` one. Generates [`Listed`] for the lists and `load`,
/// which decodes a record into its place.
macro_rules! stored {
    (@listed list $ty:ty, $field:ident) => {
        impl Listed for $ty {
            fn list(data: &mut Data) -> &mut BTreeMap<Id, Self> {
                &mut data.$field
            }
        }
    };
    (@listed $how:ident $ty:ty, $field:ident) => {};
    (@put list $place:expr, $id:ident, $value:expr) => {
        $value.map(|v| {
            $place.insert($id, v);
        })
    };
    (@put one $place:expr, $id:ident, $value:expr) => {
        $value.map(|v| $place = v)
    };
    (@put maybe $place:expr, $id:ident, $value:expr) => {
        $value.map(|v| $place = Some(v))
    };
    ($($ty:ty => $how:ident $field:ident),* $(,)?) => {
        $(stored!(@listed $how $ty, $field);)*

        /// Decodes one record into its place; `None` if the body does not
        /// decode. Kinds this version does not model yet are left untouched.
        fn load(data: &mut Data, kind: RecordKind, id: Id, body: &[u8]) -> Option<()> {
            $(if kind == <$ty as Record>::KIND {
                return stored!(@put $how data.$field, id, <$ty as Record>::from_body(body));
            })*
            Some(())
        }
    };
}

stored! {
    Profile => maybe profile,
    Settings => one settings,
    Lapse => list lapses,
    Goal => list goals,
    GoalStep => list steps,
    Trigger => list triggers,
    CopingStrategy => list strategies,
    CravingEpisode => list episodes,
    CheckIn => list check_ins,
    RecoveryCapital => list recovery_capital,
    SupportContact => list contacts,
    Referral => list referrals,
    Document => list documents,
    Appointment => list appointments,
    Meeting => list meetings,
    AftercarePlan => one aftercare,
    SafetyPlan => one safety,
    Specialist => maybe specialist,
    MessageTemplate => list templates,
    Message => list messages,
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
            let decoded = if record.kind == Messaging::KIND && id == PROFILE_ID {
                // Row PROFILE_ID of the messages table is the pairing itself
                // (or why the participant must pair again).
                PairingEnded::read_row(body).map(|row| match row {
                    Ok(messaging) => data.messaging = Some(messaging),
                    Err(ended) => data.pairing_ended = Some(ended),
                })
            } else {
                load(&mut data, record.kind, id, body)
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
