//! The core's events: everything a shell sends, and the answers the core
//! sends itself (the time, the vault, the platform key, the relay).

use serde::{Deserialize, Serialize};

use crate::effects::{HttpResult, PlatformKeyOutput, StoreOutput};
use crate::model::Screen;
use crate::model::aftercare::AftercareEvent;
use crate::model::checkin::CheckInForm;
use crate::model::contact::ContactEvent;
use crate::model::goals::GoalEvent;
use crate::model::messages::{Call, MessagesEvent};
use crate::model::safety::SafetyPlan;
use crate::model::settings::SettingsEvent;
use crate::model::sharing::SharingEvent;
use crate::model::triggers::{FlowEvent, TriggerEvent};

/// Everything a participant can do, plus the core's own follow-ups.
#[derive(Clone, PartialEq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum Event {
    /// The app launched: find out whether a vault exists.
    Start,
    /// The app came back to the foreground: lock if it was idle too long.
    Resumed,
    /// First run: choose the passcode.
    SetPasscode {
        passcode: String,
        confirmation: String,
    },
    Unlock {
        passcode: String,
    },
    UnlockWithBiometrics,
    Lock,
    Navigate(Screen),
    DismissProblem,
    /// Puts back what the last delete removed, while its undo is offered.
    Undo,
    /// YYYY-MM-DD.
    SetRecoveryDate(String),
    RecordLapse {
        date: String,
        context: String,
    },
    Goals(GoalEvent),
    Triggers(TriggerEvent),
    /// The "I'm triggered" flow.
    Triggered(FlowEvent),
    CheckIn(CheckInForm),
    /// A BARC-10 check: ten answers, each 1 to 6.
    RecoveryCapital(Vec<u8>),
    Aftercare(AftercareEvent),
    /// Share the aftercare plan as a document.
    ExportPlan,
    /// Share appointments and meetings as a calendar file.
    ExportCalendar,
    SafetyPlan(SafetyPlan),
    Contact(ContactEvent),
    /// Secure messages with the specialist, through the relay.
    Messages(MessagesEvent),
    /// Share with my specialist: preview an item, send it, stop sharing.
    Sharing(SharingEvent),
    Settings(SettingsEvent),
    /// Removes all data, from the lock screen or from settings.
    EraseEverything,
    /// Tests only: the event handler panics, as a bug would.
    #[cfg(feature = "testing")]
    #[facet(skip)]
    PanicForTest,

    /// A shell event with the time it happened.
    #[serde(skip)]
    #[facet(skip)]
    Stamped(#[facet(opaque)] Box<Event>, i64),
    #[serde(skip)]
    #[facet(skip)]
    Store(#[facet(opaque)] StoreResult),
    #[serde(skip)]
    #[facet(skip)]
    PlatformKey(
        #[facet(opaque)] KeyPurpose,
        #[facet(opaque)] PlatformKeyResult,
    ),
    /// The relay answered (or could not be reached).
    #[serde(skip)]
    #[facet(skip)]
    Relay(#[facet(opaque)] RelayAnswer),
    /// No app on the phone could open this link (`tel:`, `sms:`, `mailto:`).
    #[serde(skip)]
    #[facet(skip)]
    LinkFailed(String),
}

/// A relay call and what came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayAnswer(pub Call, pub HttpResult);

/// Why the platform key was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPurpose {
    Unlock,
    Enroll,
    /// The key was deleted (biometrics turned off, or everything erased).
    Forget,
    /// This device's secret, which the keystore did not give.
    DeviceSecret,
}

/// Store outputs travel inside events; they are not comparable or clonable
/// (they hold decrypted records), so they are wrapped.
pub struct StoreResult(pub std::sync::Arc<std::sync::Mutex<Option<StoreOutput>>>);

impl StoreResult {
    pub fn new(output: StoreOutput) -> Self {
        Self(std::sync::Arc::new(std::sync::Mutex::new(Some(output))))
    }

    pub fn take(&self) -> Option<StoreOutput> {
        self.0.lock().ok().and_then(|mut slot| slot.take())
    }
}

impl Clone for StoreResult {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl PartialEq for StoreResult {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, PartialEq, Eq)]
pub struct PlatformKeyResult(pub PlatformKeyOutput);

impl std::fmt::Debug for Event {
    /// Events carry passcodes and participant text: only the variant is printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self {
            Self::Start => "Start",
            Self::Resumed => "Resumed",
            Self::SetPasscode { .. } => "SetPasscode",
            Self::Unlock { .. } => "Unlock",
            Self::UnlockWithBiometrics => "UnlockWithBiometrics",
            Self::Lock => "Lock",
            Self::Navigate(_) => "Navigate",
            Self::DismissProblem => "DismissProblem",
            Self::Undo => "Undo",
            Self::SetRecoveryDate(_) => "SetRecoveryDate",
            Self::RecordLapse { .. } => "RecordLapse",
            Self::Goals(_) => "Goals",
            Self::Triggers(_) => "Triggers",
            Self::Triggered(_) => "Triggered",
            Self::CheckIn(_) => "CheckIn",
            Self::RecoveryCapital(_) => "RecoveryCapital",
            Self::Aftercare(_) => "Aftercare",
            Self::ExportPlan => "ExportPlan",
            Self::ExportCalendar => "ExportCalendar",
            Self::SafetyPlan(_) => "SafetyPlan",
            Self::Contact(_) => "Contact",
            Self::Messages(_) => "Messages",
            Self::Sharing(_) => "Sharing",
            Self::Settings(_) => "Settings",
            Self::EraseEverything => "EraseEverything",
            #[cfg(feature = "testing")]
            Self::PanicForTest => "PanicForTest",
            Self::Stamped(..) => "Stamped",
            Self::Store(_) => "Store",
            Self::PlatformKey(..) => "PlatformKey",
            Self::Relay(_) => "Relay",
            Self::LinkFailed(_) => "LinkFailed",
        };
        write!(f, "Event::{name}")
    }
}
