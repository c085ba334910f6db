//! The participant-facing state machine. `update` is pure: the vault and
//! the clock are effects.

pub mod aftercare;
pub mod checkin;
pub mod contact;
pub mod coping;
pub mod goals;
pub mod problem;
pub mod records;
pub mod recovery;
pub mod safety;
pub mod triggers;

use chrono::{NaiveDate, TimeZone};
use serde::{Deserialize, Serialize};

use crate::i18n::Language;
use crate::vault::{Change, ThrottleStatus};
use problem::Problem;
use records::Data;
use triggers::Flow;

/// What the shell tells the core about the device when it starts it.
#[derive(Debug, Clone)]
pub struct Environment {
    pub time_zone: chrono_tz::Tz,
    pub device_language: Language,
}

impl Environment {
    /// From an IANA zone name and a BCP 47 locale; unknown values fall back
    /// to UTC and English rather than failing to start.
    pub fn new(time_zone: &str, locale: &str) -> Self {
        Self {
            time_zone: time_zone.parse().unwrap_or(chrono_tz::UTC),
            device_language: Language::from_locale(locale),
        }
    }
}

/// Screens the participant moves between (navigation lives in the core so
/// every shell behaves the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Screen {
    #[default]
    Today,
    Goals,
    Triggers,
    CheckIn,
    Trends,
    Aftercare,
    SafetyPlan,
    Contact,
    Settings,
}

/// The open vault's data and what the participant is doing with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unlocked {
    pub data: Data,
    pub screen: Screen,
    pub flow: Option<Flow>,
    pub last_activity_ms: i64,
    pub has_platform_key: bool,
    /// The reminders last handed to the phone, to send only changes.
    pub reminders: Vec<crate::effects::Reminder>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum State {
    /// Asking the vault whether it exists.
    #[default]
    Starting,
    /// No vault yet: choose a passcode.
    FirstRun,
    Locked(ThrottleStatus),
    Unlocked(Box<Unlocked>),
}

#[derive(Debug)]
pub struct Model {
    pub environment: Environment,
    pub now_ms: i64,
    pub state: State,
    pub problem: Option<Problem>,
    /// A vault operation is under way (the shell may show progress: the KDF takes a moment).
    pub busy: bool,
}

impl Model {
    pub fn new(environment: Environment) -> Self {
        Self {
            environment,
            now_ms: 0,
            state: State::Starting,
            problem: None,
            busy: false,
        }
    }

    /// The participant's local date and time now.
    pub fn local_now(&self) -> chrono::NaiveDateTime {
        self.environment
            .time_zone
            .timestamp_millis_opt(self.now_ms)
            .single()
            .map_or_else(chrono::NaiveDateTime::default, |now| now.naive_local())
    }

    /// The participant's calendar day now.
    pub fn today(&self) -> NaiveDate {
        self.environment
            .time_zone
            .timestamp_millis_opt(self.now_ms)
            .single()
            .map_or_else(NaiveDate::default, |now| now.date_naive())
    }

    pub fn language(&self) -> Language {
        match &self.state {
            State::Unlocked(unlocked) => unlocked
                .data
                .settings
                .language
                .unwrap_or(self.environment.device_language),
            _ => self.environment.device_language,
        }
    }
}

impl Default for Model {
    fn default() -> Self {
        Self::new(Environment::new("UTC", "en"))
    }
}

/// What a feature's update produced: the vault changes to persist.
#[derive(Debug, Default)]
pub struct Outcome {
    pub changes: Vec<Change>,
}

impl Outcome {
    pub fn saved(changes: Vec<Change>) -> Self {
        Self { changes }
    }
}
