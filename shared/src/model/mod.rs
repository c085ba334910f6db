//! The participant-facing state machine. `update` is pure: the vault and
//! the clock are effects.

pub mod aftercare;
pub mod backup_key;
pub mod checkin;
pub mod contact;
pub mod coping;
mod data;
pub mod forms;
pub mod goals;
pub mod lock;
pub mod messages;
pub mod notice;
pub mod problem;
pub mod record;
pub mod recovery;
pub mod safety;
pub mod settings;
pub mod sharing;
pub mod triggers;
pub mod undo;
pub mod when;
mod zone;

pub use data::Data;
pub(crate) use data::Listed;
pub use zone::Zone;

/// The records' old home, kept so existing paths still resolve: each record
/// now lives beside its feature.
pub mod records {
    pub use super::checkin::records::CheckIn;
    pub use super::data::Data;
    pub use super::goals::records::{Dimension, Goal, GoalStatus, GoalStep};
    pub use super::record::{Id, PROFILE_ID, Record};
    pub use super::recovery::records::{Lapse, Profile, RecoveryCapital};
    pub use super::settings::records::Settings;
    pub use super::triggers::records::{
        CopingStrategy, CravingEpisode, Halt, Trigger, TriggerKind,
    };
}

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::effects::{HttpRequest, ShareFile};
use crate::i18n::{Language, Translator};
use crate::vault::{Change, ThrottleStatus};
use messages::records::{Activity, Call};
use problem::Problem;
use triggers::records::Flow;

/// What the shell tells the core about the device when it starts it.
#[derive(Debug, Clone)]
pub struct Environment {
    pub time_zone: Zone,
    pub device_language: Language,
}

impl Environment {
    /// From an IANA zone name and a BCP 47 locale; unknown values fall back
    /// to UTC and English rather than failing to start.
    pub fn new(time_zone: &str, locale: &str) -> Self {
        Self {
            time_zone: Zone::named(time_zone),
            device_language: Language::from_locale(locale),
        }
    }
}

/// Screens the participant moves between (navigation lives in the core so
/// every shell behaves the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
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
    /// The background check's config last handed to the phone, to send
    /// only changes (`Forget` at unlock: nothing is sent until there is a
    /// config, or one to replace).
    pub background: crate::effects::BackgroundCheckOperation,
    /// Secure messages on their way to or from the relay.
    pub relay: Activity,
    /// What the last action saved, to confirm it (cleared by the next one).
    pub notice: Option<notice::Notice>,
    /// The recovery key the last backup was sealed with, shown until the
    /// vault locks so the participant can write it down.
    pub recovery_key: Option<zeroize::Zeroizing<String>>,
    /// What the last delete removed, while its undo is offered (cleared by
    /// the next action or navigation).
    pub undo: Option<undo::Removed>,
    /// The item "Share with my specialist" previews, sent as is on `Send`
    /// (cleared by sending, cancelling or navigating).
    pub share_preview: Option<relay_protocol::share::Envelope>,
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
    /// The field that problem belongs to, while it is the one shown.
    pub problem_field: Option<(Problem, &'static str)>,
    /// The language chosen in settings, as the lock screen reads it
    /// (kept outside the encrypted data).
    pub lock_language: Option<Language>,
    /// A vault operation is under way (the shell may show progress: the KDF takes a moment).
    pub busy: bool,
    /// The number or address of the last link the phone could not open,
    /// shown with [`Problem::LinkUnopened`].
    pub unopened_link: Option<String>,
}

impl Model {
    pub fn new(environment: Environment) -> Self {
        Self {
            environment,
            now_ms: 0,
            state: State::Starting,
            problem: None,
            problem_field: None,
            lock_language: None,
            busy: false,
            unopened_link: None,
        }
    }

    /// The participant's local date and time now.
    pub fn local_now(&self) -> chrono::NaiveDateTime {
        self.environment
            .time_zone
            .local(self.now_ms)
            .unwrap_or_default()
    }

    /// The participant's calendar day now.
    pub fn today(&self) -> NaiveDate {
        self.local_now().date()
    }

    /// The field the shown problem belongs to.
    pub fn problem_field(&self) -> Option<&'static str> {
        match (self.problem, self.problem_field) {
            (Some(shown), Some((problem, field))) if shown == problem => Some(field),
            _ => None,
        }
    }

    pub fn language(&self) -> Language {
        match &self.state {
            State::Unlocked(unlocked) => unlocked
                .data
                .settings
                .language
                .unwrap_or(self.environment.device_language),
            _ => self
                .lock_language
                .unwrap_or(self.environment.device_language),
        }
    }
}

impl Model {
    /// What the participant's recovery is about; substance use while locked.
    pub fn recovery_focus(&self) -> settings::RecoveryFocus {
        match &self.state {
            State::Unlocked(unlocked) => unlocked.data.settings.recovery_focus,
            _ => settings::RecoveryFocus::default(),
        }
    }
}

impl Default for Model {
    fn default() -> Self {
        Self::new(Environment::new("UTC", "en"))
    }
}

/// Every feature's entry point has one shape:
/// `update(event, &mut Unlocked, &Context) -> Result<Update, Problem>`:
/// its event in; the vault changes and the shell requests out. An error
/// leaves the data untouched.
pub struct Context<'a> {
    /// The participant's calendar day.
    pub today: NaiveDate,
    /// The participant's local date and time.
    pub local_now: chrono::NaiveDateTime,
    /// The instant of the event.
    pub now_ms: i64,
    /// Translations in the participant's language (exports, link subjects).
    pub words: &'a Translator<'a>,
}

impl<'a> Context<'a> {
    /// The model's time, and the translations to use.
    pub fn of(model: &Model, words: &'a Translator<'a>) -> Self {
        Self {
            today: model.today(),
            local_now: model.local_now(),
            now_ms: model.now_ms,
            words,
        }
    }
}

/// What a feature's update produced: vault changes, saved in one
/// transaction, and requests for the shell.
#[derive(Debug, Default)]
pub struct Update {
    pub changes: Vec<Change>,
    pub requests: Vec<Request>,
}

impl Update {
    /// Only vault changes.
    pub fn saved(changes: Vec<Change>) -> Self {
        Self {
            changes,
            requests: Vec::new(),
        }
    }

    /// Only a request for the shell.
    pub fn request(request: Request) -> Self {
        Self {
            changes: Vec::new(),
            requests: vec![request],
        }
    }

    /// Hands something to the phone (a link, a file): the view is redrawn
    /// when the phone answers, not before.
    pub fn hands_off(&self) -> bool {
        self.requests
            .iter()
            .any(|request| matches!(request, Request::OpenUrl(_) | Request::Share(_)))
    }
}

/// What a feature asks the shell for.
#[derive(Debug)]
pub enum Request {
    /// Open a `tel:`, `sms:` or `mailto:` link.
    OpenUrl(String),
    /// Hand a file to the share sheet.
    Share(ShareFile),
    /// Send this request to the relay; the answer goes back to `messages`.
    Relay(Call, HttpRequest),
}

#[cfg(test)]
impl Model {
    /// A model at the lock screen.
    pub(crate) fn locked() -> Self {
        Self {
            state: State::Locked(ThrottleStatus::default()),
            ..Self::default()
        }
    }

    /// A model with an open, empty vault, on Today.
    pub(crate) fn unlocked() -> Self {
        Self {
            state: State::Unlocked(Box::new(Unlocked {
                data: Data::default(),
                screen: Screen::Today,
                flow: None,
                last_activity_ms: 0,
                has_platform_key: false,
                reminders: Vec::new(),
                background: crate::effects::BackgroundCheckOperation::Forget,
                relay: messages::Activity::default(),
                notice: None,
                recovery_key: None,
                undo: None,
                share_preview: None,
            })),
            ..Self::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn at_utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("valid UTC instant")
            .timestamp_millis()
    }

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("valid date")
    }

    /// New York: clocks spring forward at 02:00 on 2026-03-08 (a 23-hour
    /// day) and fall back at 02:00 on 2026-11-01 (a 25-hour day). The day
    /// changes at local midnight, whatever the offset.
    #[test]
    fn the_calendar_day_follows_local_midnight_across_dst_changes() {
        let cases = [
            // 23:59 EST on the 7th, then 00:00 EST on the 8th.
            (at_utc(2026, 3, 8, 4, 59), "2026-03-07"),
            (at_utc(2026, 3, 8, 5, 0), "2026-03-08"),
            // 23:59 EDT on the 8th is still the 8th; 00:00 EDT is the 9th.
            (at_utc(2026, 3, 9, 3, 59), "2026-03-08"),
            (at_utc(2026, 3, 9, 4, 0), "2026-03-09"),
            // 23:59 EDT on 31 October, then 00:00 EDT on 1 November.
            (at_utc(2026, 11, 1, 3, 59), "2026-10-31"),
            (at_utc(2026, 11, 1, 4, 0), "2026-11-01"),
            // 01:30 happens twice on 1 November (EDT, then EST): same day.
            (at_utc(2026, 11, 1, 5, 30), "2026-11-01"),
            (at_utc(2026, 11, 1, 6, 30), "2026-11-01"),
            // 23:59 EST on the 1st, 25 hours after it began; then the 2nd.
            (at_utc(2026, 11, 2, 4, 59), "2026-11-01"),
            (at_utc(2026, 11, 2, 5, 0), "2026-11-02"),
        ];
        let mut model = Model::new(Environment::new("America/New_York", "en-US"));
        for (now_ms, expected) in cases {
            model.now_ms = now_ms;
            assert_eq!(model.today(), date(expected), "at {now_ms}");
        }
    }

    #[test]
    fn the_repeated_hour_reads_as_the_same_local_time_twice() {
        let mut model = Model::new(Environment::new("America/New_York", "en-US"));
        model.now_ms = at_utc(2026, 11, 1, 5, 30);
        let first = model.local_now();
        model.now_ms = at_utc(2026, 11, 1, 6, 30);
        assert_eq!(model.local_now(), first);
        assert_eq!(first.to_string(), "2026-11-01 01:30:00");
    }

    #[test]
    fn unknown_zones_and_locales_fall_back_instead_of_failing() {
        let environment = Environment::new("Mars/Olympus_Mons", "xx-YY");
        let noon = 1_772_452_800_000; // 2026-03-02 12:00 UTC
        assert_eq!(
            environment.time_zone.local(noon),
            Zone::named("UTC").local(noon)
        );
        assert_eq!(environment.device_language, Language::from_locale("en"));
        assert_eq!(
            Environment::new("Europe/Madrid", "es-MX").device_language,
            Language::from_locale("es")
        );
    }
}
