//! View models: everything a shell draws, already translated.

mod aftercare;
mod checkin;
mod choices;
mod contact;
pub mod dates;
pub mod export;
mod form_words;
mod goals;
pub mod lapse;
mod lock;
pub mod messages;
pub mod reach_peer;
pub mod reminders;
pub mod safety;
mod screens;
mod settings;
pub mod sharing;
mod today;
pub mod triggered;
mod triggers;

use serde::{Deserialize, Serialize};

use crate::i18n::{Language, Translations, Translator};
use crate::model::notice::Notice;
use crate::model::problem::Problem;
use crate::model::undo::Deleted;
use crate::model::{Model, Screen, State};

pub use aftercare::*;
pub use checkin::*;
pub use choices::*;
pub use contact::*;
pub use form_words::FormWords;
pub use goals::*;
pub use lock::*;
pub use safety::*;
pub use screens::*;
pub use settings::*;
pub use today::*;
pub use triggers::*;

/// The crisis line before the participant's own setting can be read (the
/// settings are encrypted, so the lock screen uses the default): 988 is the
/// US Suicide & Crisis Lifeline.
pub const DEFAULT_CRISIS_LINE: &str = "988";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, facet::Facet)]
pub struct ViewModel {
    pub language: Language,
    /// The app's title: neutral in discreet mode.
    pub title: String,
    /// What the participant is looking at, for a compact top bar: the
    /// destination's name ("Goals"), "I'm triggered" during that flow, the
    /// app's title while locked.
    pub screen_title: String,
    pub screen: ScreenView,
    /// "I'm triggered", "Contact my peer" and the crisis line, on every screen.
    pub help: HelpActions,
    /// Where the participant can go (empty while locked).
    pub navigation: Vec<NavigationItem>,
    pub problem: Option<String>,
    /// Which field the problem belongs to (the shell shows it there and
    /// focuses it); `None` for problems of the whole screen.
    pub problem_field: Option<String>,
    /// The last action's confirmation ("Saved."): shells announce it to
    /// screen readers (a polite live region) and show it.
    pub status: Option<String>,
    /// The record the last action created: shells bring it into view.
    pub new_item: Option<crate::model::record::Id>,
    /// Right after a delete: what was deleted and the one "Undo" (send
    /// `Event::Undo`); gone after the next action or navigation.
    pub undo: Option<UndoOffer>,
    /// A vault operation is under way.
    pub busy: bool,
    /// Field and button labels the forms of several screens share.
    pub words: FormWords,
    /// How often the shell sends `MessagesEvent::Sync` while the app is open.
    pub sync_every_secs: u32,
    /// The participant allows screenshots (Android's `FLAG_SECURE` off);
    /// always `false` while locked.
    pub allow_screenshots: bool,
    /// Share with my specialist: the buttons' words, the preview while one
    /// is open, the list of what is shared (`None` while locked).
    pub sharing: Option<sharing::SharingView>,
    /// Messages from the peer specialist that arrived while the app is
    /// open, and how to say so; `None` while locked or not paired.
    pub new_messages: Option<NewMessages>,
}

/// A shell that is open but not in view (the web app in a hidden tab)
/// notifies when `count` grows, with these words: never the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct NewMessages {
    /// Messages from the specialist opened since the app was unlocked.
    pub count: u32,
    /// The background check's wording: discreet, or naming a message.
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct HelpActions {
    pub im_triggered: String,
    pub contact_peer: String,
    pub crisis_label: String,
    pub crisis_call_url: String,
    pub crisis_text_url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct UndoOffer {
    /// "Goal deleted." (also the announced status).
    pub message: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct NavigationItem {
    pub screen: Screen,
    pub label: String,
    pub current: bool,
}

fn problem_text(words: &Translator<'_>, problem: Problem) -> String {
    match problem {
        Problem::EmptyText => words.get("problem-empty-text"),
        Problem::UnknownItem => words.get("problem-unknown-item"),
        Problem::OutOfRange => words.get("problem-out-of-range"),
        Problem::InvalidDate => words.get("problem-invalid-date"),
        Problem::PasscodesDiffer => words.get("problem-passcodes-differ"),
        Problem::PasscodeTooShort => words.with(
            "problem-passcode-too-short",
            &[(
                "count",
                i64::try_from(crate::model::lock::MIN_PASSCODE_CHARS)
                    .unwrap_or(i64::MAX)
                    .into(),
            )],
        ),
        Problem::PasscodeTooCommon => words.get("problem-passcode-too-common"),
        Problem::WrongPasscode => words.get("problem-wrong-passcode"),
        Problem::Throttled(seconds) => words.with(
            "problem-throttled",
            &[("seconds", i64::try_from(seconds).unwrap_or(i64::MAX).into())],
        ),
        Problem::ErasedAfterFailures => words.get("problem-erased-after-failures"),
        Problem::PlatformKeyUnavailable => words.get("problem-platform-key-unavailable"),
        Problem::DeviceKeyUnavailable => words.get("problem-device-key-unavailable"),
        Problem::NotNow => words.get("problem-not-now"),
        Problem::SaveFailed => words.get("problem-save-failed"),
        Problem::StorageFull => words.get("problem-storage-full"),
        Problem::DamagedRecords(count) => words.with(
            "problem-damaged-records",
            &[("count", i64::try_from(count).unwrap_or(i64::MAX).into())],
        ),
        Problem::NewerVersion => words.get("problem-newer-version"),
        Problem::RelayAddressInvalid => words.get("problem-relay-address"),
        Problem::RelayUnreachable => words.get("problem-relay-unreachable"),
        Problem::RelayRefused => words.get("problem-relay-refused"),
        Problem::InviteUnknown => words.get("problem-invite-unknown"),
        Problem::InviteExpired => words.get("problem-invite-expired"),
        Problem::InviteIncomplete => words.get("problem-invite-incomplete"),
        Problem::SpecialistKeyMismatch => words.get("problem-specialist-key-mismatch"),
        Problem::SpecialistKeyChanged => words.get("problem-specialist-key-changed"),
        Problem::AlreadyPaired => words.get("problem-already-paired"),
        Problem::SpecialistNotReady => words.get("problem-specialist-not-ready"),
        Problem::NotPaired => words.get("problem-not-paired"),
        Problem::NothingToShare => words.get("problem-nothing-to-share"),
        // Shown with the number: see `view`.
        Problem::LinkUnopened => words.get("problem-link-unopened"),
    }
}

const NAVIGATION: [(Screen, &str); 9] = [
    (Screen::Today, "nav-today"),
    (Screen::Goals, "nav-goals"),
    (Screen::Triggers, "nav-triggers"),
    (Screen::CheckIn, "nav-check-in"),
    (Screen::Trends, "nav-trends"),
    (Screen::Aftercare, "nav-aftercare"),
    (Screen::SafetyPlan, "nav-safety-plan"),
    (Screen::Contact, "nav-contact"),
    (Screen::Settings, "nav-settings"),
];

fn app_title(words: &Translator<'_>, discreet: bool) -> String {
    words.get(if discreet {
        "app-title-discreet"
    } else {
        "app-title"
    })
}

fn screen_title(model: &Model, words: &Translator<'_>, discreet: bool) -> String {
    let State::Unlocked(unlocked) = &model.state else {
        return app_title(words, discreet);
    };
    if unlocked.flow.is_some() {
        return words.get("action-im-triggered");
    }
    NAVIGATION
        .iter()
        .find(|(screen, _)| *screen == unlocked.screen)
        .map_or_else(|| app_title(words, discreet), |(_, key)| words.get(key))
}

pub fn view(model: &Model, translations: &Translations) -> ViewModel {
    let words = Translator {
        translations,
        language: model.language(),
        focus: model.recovery_focus(),
    };
    let (crisis_line, discreet, allow_screenshots) = match &model.state {
        State::Unlocked(unlocked) => (
            unlocked.data.settings.crisis_line.as_str(),
            unlocked.data.settings.discreet,
            unlocked.data.settings.allow_screenshots,
        ),
        _ => (DEFAULT_CRISIS_LINE, false, false),
    };
    let navigation = match &model.state {
        State::Unlocked(unlocked) => NAVIGATION
            .iter()
            .map(|(screen, key)| NavigationItem {
                screen: *screen,
                label: words.get(key),
                current: unlocked.screen == *screen && unlocked.flow.is_none(),
            })
            .collect(),
        _ => Vec::new(),
    };
    ViewModel {
        language: words.language,
        title: app_title(&words, discreet),
        screen_title: screen_title(model, &words, discreet),
        screen: screens::screen(model, &words),
        help: HelpActions {
            im_triggered: words.get("action-im-triggered"),
            contact_peer: words.get("action-contact-peer"),
            crisis_label: words.with("action-crisis-line", &[("number", crisis_line.into())]),
            crisis_call_url: format!("tel:{}", digits(crisis_line)),
            crisis_text_url: crate::model::contact::crisis_text_url(crisis_line, &words),
        },
        navigation,
        problem: model
            .problem
            .map(|problem| match (problem, &model.unopened_link) {
                (Problem::LinkUnopened, Some(address)) => words.with(
                    "problem-link-unopened",
                    &[("address", address.clone().into())],
                ),
                _ => problem_text(&words, problem),
            }),
        problem_field: model.problem_field().map(str::to_owned),
        status: notice_text(model, &words),
        new_item: match &model.state {
            State::Unlocked(unlocked) => match unlocked.notice {
                Some(Notice::Saved { item }) => item,
                _ => None,
            },
            _ => None,
        },
        undo: undo_offer(model, &words),
        busy: model.busy,
        words: form_words::form_words(&words),
        sync_every_secs: crate::model::messages::SYNC_EVERY_SECS,
        allow_screenshots,
        sharing: match &model.state {
            State::Unlocked(unlocked) => Some(sharing::sharing_view(
                unlocked,
                &model.environment.time_zone,
                &words,
            )),
            _ => None,
        },
        new_messages: new_messages(model, &words),
    }
}

fn new_messages(model: &Model, words: &Translator<'_>) -> Option<NewMessages> {
    let State::Unlocked(unlocked) = &model.state else {
        return None;
    };
    unlocked.data.messaging.as_ref()?;
    let (title, body) = crate::background::wording(unlocked.data.settings.discreet);
    Some(NewMessages {
        count: unlocked.relay.arrivals,
        title: words.get(title),
        body: words.get(body),
    })
}

/// What the last delete removed, while its undo is offered.
fn undo_offer(model: &Model, words: &Translator<'_>) -> Option<UndoOffer> {
    let State::Unlocked(unlocked) = &model.state else {
        return None;
    };
    let key = match unlocked.undo.as_ref()?.what {
        Deleted::Goal => "undo-goal-deleted",
        Deleted::Step => "undo-step-deleted",
        Deleted::Trigger => "undo-trigger-deleted",
        Deleted::Strategy => "undo-strategy-deleted",
    };
    Some(UndoOffer {
        message: words.get(key),
        label: words.get("action-undo"),
    })
}

/// The confirmation of the last save, while no problem is shown (after a
/// delete, what was deleted).
fn notice_text(model: &Model, words: &Translator<'_>) -> Option<String> {
    let State::Unlocked(unlocked) = &model.state else {
        return None;
    };
    if model.problem.is_some() {
        return None;
    }
    if let Some(offer) = undo_offer(model, words) {
        return Some(offer.message);
    }
    match unlocked.notice? {
        Notice::Saved { .. } => Some(words.get("status-saved")),
        Notice::LapseRecorded => Some(words.get("lapse-kind-message")),
    }
}

fn digits(number: &str) -> String {
    number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}
