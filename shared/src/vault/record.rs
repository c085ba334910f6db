//! What the vault stores: opaque record bodies (the core's serialized
//! structs) keyed by kind and id. The vault never interprets a body; it seals
//! it, stores it in the kind's own table and gives it back.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// Every kind of record Phoenix keeps, one SQLite table each.
///
/// The discriminants are part of the file format (backups store them): never
/// renumber a variant, only add new ones with a migration that creates the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[repr(u8)]
pub enum RecordKind {
    /// The participant's profile: recovery date, name shared with the specialist, region.
    Profile = 1,
    /// App settings: language, discreet mode, auto-lock, reminder times.
    Settings = 2,
    /// A lapse, with its context; never erases history.
    Lapse = 3,
    Goal = 4,
    GoalStep = 5,
    Trigger = 6,
    CopingStrategy = 7,
    /// One run of the "I'm triggered" flow: trigger, strategies tried, craving before and after.
    CravingEpisode = 8,
    CheckIn = 9,
    /// A BARC-10 recovery-capital check.
    RecoveryCapital = 10,
    SupportContact = 11,
    Referral = 12,
    Document = 13,
    Appointment = 14,
    Meeting = 15,
    /// Aftercare warning signs and the re-engagement plan.
    AftercarePlan = 16,
    SafetyPlan = 17,
    Specialist = 18,
    MessageTemplate = 19,
    /// A secure message to or from the specialist (the outbox included).
    Message = 20,
    Reminder = 21,
}

impl RecordKind {
    /// Every kind, in table-creation order.
    pub const ALL: [Self; 21] = [
        Self::Profile,
        Self::Settings,
        Self::Lapse,
        Self::Goal,
        Self::GoalStep,
        Self::Trigger,
        Self::CopingStrategy,
        Self::CravingEpisode,
        Self::CheckIn,
        Self::RecoveryCapital,
        Self::SupportContact,
        Self::Referral,
        Self::Document,
        Self::Appointment,
        Self::Meeting,
        Self::AftercarePlan,
        Self::SafetyPlan,
        Self::Specialist,
        Self::MessageTemplate,
        Self::Message,
        Self::Reminder,
    ];

    /// The SQLite table holding this kind. Also part of each value's AAD, so a
    /// sealed value moved to another table no longer opens.
    pub const fn table(self) -> &'static str {
        match self {
            Self::Profile => "profile",
            Self::Settings => "settings",
            Self::Lapse => "lapses",
            Self::Goal => "goals",
            Self::GoalStep => "goal_steps",
            Self::Trigger => "triggers",
            Self::CopingStrategy => "coping_strategies",
            Self::CravingEpisode => "craving_episodes",
            Self::CheckIn => "check_ins",
            Self::RecoveryCapital => "recovery_capital",
            Self::SupportContact => "support_contacts",
            Self::Referral => "referrals",
            Self::Document => "documents",
            Self::Appointment => "appointments",
            Self::Meeting => "meetings",
            Self::AftercarePlan => "aftercare_plan",
            Self::SafetyPlan => "safety_plan",
            Self::Specialist => "specialist",
            Self::MessageTemplate => "message_templates",
            Self::Message => "messages",
            Self::Reminder => "reminders",
        }
    }

    pub(crate) fn from_code(code: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| *kind as u8 == code)
    }
}

/// One decrypted record. The body is wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredRecord {
    pub kind: RecordKind,
    pub id: u64,
    pub body: Zeroizing<Vec<u8>>,
}

impl std::fmt::Debug for StoredRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The body is participant content: never print it.
        f.debug_struct("StoredRecord")
            .field("kind", &self.kind)
            .field("id", &self.id)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// Everything read on unlock.
#[derive(Debug, Default)]
pub struct LoadedData {
    /// Every record that decrypted, ordered by kind then id.
    pub records: Vec<StoredRecord>,
    /// Records that failed authentication (altered or moved). They stay on
    /// disk untouched; one damaged row never hides the rest.
    pub damaged: Vec<(RecordKind, u64)>,
}

/// One write, applied with others in a single transaction by [`super::Vault::apply`].
#[derive(Clone, PartialEq, Eq)]
pub enum Change {
    Put {
        kind: RecordKind,
        id: u64,
        body: Zeroizing<Vec<u8>>,
    },
    Delete {
        kind: RecordKind,
        id: u64,
    },
    /// Removes every record of a kind (for example when a backup replaces all data).
    DeleteAll {
        kind: RecordKind,
    },
}

impl Change {
    pub fn put(kind: RecordKind, id: u64, body: Vec<u8>) -> Self {
        Self::Put {
            kind,
            id,
            body: Zeroizing::new(body),
        }
    }
}

impl std::fmt::Debug for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Put { kind, id, body } => f
                .debug_struct("Put")
                .field("kind", kind)
                .field("id", id)
                .field("body_len", &body.len())
                .finish(),
            Self::Delete { kind, id } => f
                .debug_struct("Delete")
                .field("kind", kind)
                .field("id", id)
                .finish(),
            Self::DeleteAll { kind } => f.debug_struct("DeleteAll").field("kind", kind).finish(),
        }
    }
}
