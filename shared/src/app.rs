//! The Crux app: events in, model changes and effect requests out.

use crux_core::{App, Command, render::render};
use serde::{Deserialize, Serialize};

use crate::effects::{
    Effect, HttpResult, OpenUrl, PlatformKeyOperation, PlatformKeyOutput, RawKey,
    ScheduleReminders, ShareFile, StoreOperation, StoreOutput, TimeRequest, UnlockWith,
};
use crate::i18n::{Language, Translations};
use crate::model::aftercare::{self, AftercareEvent};
use crate::model::checkin::{self, CheckInForm};
use crate::model::contact::{self, ContactEvent};
use crate::model::goals::{self, GoalEvent, parse_date};
use crate::model::messages::{self, MessagesEvent};
use crate::model::problem::Problem;
use crate::model::records::{Data, Lapse, PROFILE_ID, Profile, Record, RecoveryCapital};
use crate::model::safety::{self, SafetyPlan};
use crate::model::triggers::{self, FlowEvent, TriggerEvent};
use crate::model::{Model, Outcome, Screen, State, Unlocked};
use crate::model::{field, notice};
use crate::vault::Passcode;
use crate::view::{self, ViewModel, Words, export, reminders};

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
    Settings(SettingsEvent),
    /// Removes all data, from the lock screen or from settings.
    EraseEverything,

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
}

/// A relay call and what came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayAnswer(pub messages::Call, pub HttpResult);

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum SettingsEvent {
    /// `None` follows the device.
    SetLanguage(Option<Language>),
    SetAutoLockMinutes(u32),
    SetDiscreet(bool),
    SetCrisisLine(String),
    /// Daily check-in reminder, `HH:MM`, or `None` for no reminder.
    SetCheckInReminder(Option<String>),
    EnableBiometrics,
    /// Forgets the platform key: the vault stops accepting it and the shell
    /// deletes it from its keystore.
    DisableBiometrics,
    ExportBackup {
        passphrase: String,
    },
    /// Replaces everything with a backup's contents, once it is verified.
    ImportBackup {
        file: Vec<u8>,
        passphrase: String,
    },
    SetEraseAfterFailures(Option<u32>),
    ChangePasscode {
        current: String,
        // Not `new`: a reserved word in the generated TypeScript.
        replacement: String,
        confirmation: String,
    },
}

/// Why the platform key was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPurpose {
    Unlock,
    Enroll,
}

/// Store outputs travel inside events; they are not comparable or clonable
/// (they hold decrypted records), so they are wrapped.
pub struct StoreResult(pub std::sync::Arc<std::sync::Mutex<Option<StoreOutput>>>);

impl StoreResult {
    fn new(output: StoreOutput) -> Self {
        Self(std::sync::Arc::new(std::sync::Mutex::new(Some(output))))
    }

    fn take(&self) -> Option<StoreOutput> {
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
            Self::Settings(_) => "Settings",
            Self::EraseEverything => "EraseEverything",
            Self::Stamped(..) => "Stamped",
            Self::Store(_) => "Store",
            Self::PlatformKey(..) => "PlatformKey",
            Self::Relay(_) => "Relay",
        };
        write!(f, "Event::{name}")
    }
}

/// The app. Holds the translations, built once.
pub struct Phoenix {
    translations: Translations,
}

impl Default for Phoenix {
    fn default() -> Self {
        Self {
            translations: Translations::load(),
        }
    }
}

type Cmd = Command<Effect, Event>;

fn store(operation: StoreOperation) -> Cmd {
    Command::request_from_shell(operation)
        .then_send(|output| Event::Store(StoreResult::new(output)))
}

fn persist(outcome: Outcome) -> Cmd {
    if outcome.changes.is_empty() {
        render()
    } else {
        store(StoreOperation::Apply(outcome.changes)).and(render())
    }
}

/// The language choice, kept where the lock screen can read it.
fn lock_language(language: Option<Language>) -> Cmd {
    store(StoreOperation::SetLockLanguage(language)).and(render())
}

fn problem(model: &mut Model, problem: Problem) -> Cmd {
    model.problem = Some(problem);
    render()
}

impl App for Phoenix {
    type Event = Event;
    type Model = Model;
    type ViewModel = ViewModel;
    type Effect = Effect;

    fn update(&self, event: Event, model: &mut Model) -> Cmd {
        match event {
            Event::Stamped(event, now_ms) => {
                model.now_ms = now_ms;
                if auto_lock_due(model) {
                    return lock(model);
                }
                // The shells' periodic sync is not the participant's activity:
                // it must not keep the app from locking itself.
                let background = matches!(
                    *event,
                    Event::Messages(MessagesEvent::Sync | MessagesEvent::Reconnected)
                );
                if let (State::Unlocked(unlocked), false) = (&mut model.state, background) {
                    unlocked.last_activity_ms = now_ms;
                }
                handle(*event, model, &self.translations)
            }
            Event::Store(result) => match result.take() {
                Some(output) => {
                    let command = stored(output, model);
                    let words = Words {
                        translations: &self.translations,
                        language: model.language(),
                    };
                    command.and(reminders_after(model, &words))
                }
                None => Command::done(),
            },
            Event::PlatformKey(purpose, PlatformKeyResult(output)) => {
                platform_key(purpose, output, model)
            }
            Event::Relay(RelayAnswer(call, result)) => relay_answered(call, result, model),
            // Every shell event is first stamped with the time.
            shell_event => Command::request_from_shell(TimeRequest)
                .then_send(move |now_ms| Event::Stamped(Box::new(shell_event), now_ms)),
        }
    }

    fn view(&self, model: &Model) -> ViewModel {
        view::view(model, &self.translations)
    }
}

fn auto_lock_due(model: &Model) -> bool {
    let State::Unlocked(unlocked) = &model.state else {
        return false;
    };
    let limit_ms = i64::from(unlocked.data.settings.auto_lock_minutes) * 60_000;
    limit_ms > 0 && model.now_ms - unlocked.last_activity_ms > limit_ms
}

fn lock(model: &mut Model) -> Cmd {
    model.state = State::Starting;
    model.problem = None;
    store(StoreOperation::Lock)
        .then(store(StoreOperation::Probe))
        .and(render())
}

/// A shell event, now that the model knows the time.
fn handle(event: Event, model: &mut Model, translations: &Translations) -> Cmd {
    match event {
        Event::Start => {
            model.state = State::Starting;
            store(StoreOperation::Probe)
        }
        Event::Resumed => render(),
        // Nothing to sync while locked (the keys are in the vault).
        Event::Messages(MessagesEvent::Sync | MessagesEvent::Reconnected)
            if !matches!(model.state, State::Unlocked(_)) =>
        {
            Command::done()
        }
        Event::DismissProblem => {
            model.problem = None;
            render()
        }
        Event::SetPasscode {
            passcode,
            confirmation,
        } => {
            if model.state != State::FirstRun {
                return problem(model, Problem::NotNow);
            }
            if passcode != confirmation {
                model.problem_field =
                    Some((Problem::PasscodesDiffer, field::PASSCODE_CONFIRMATION));
                return problem(model, Problem::PasscodesDiffer);
            }
            if passcode.trim().chars().count() < 4 {
                model.problem_field = Some((Problem::PasscodeTooShort, field::PASSCODE));
                return problem(model, Problem::PasscodeTooShort);
            }
            model.busy = true;
            model.problem = None;
            store(StoreOperation::Create(Passcode::new(passcode))).and(render())
        }
        Event::Unlock { passcode } => {
            if !matches!(model.state, State::Locked(_)) {
                return problem(model, Problem::NotNow);
            }
            model.busy = true;
            model.problem = None;
            store(StoreOperation::Unlock(UnlockWith::Passcode(Passcode::new(
                passcode,
            ))))
            .and(render())
        }
        Event::UnlockWithBiometrics => {
            if !matches!(model.state, State::Locked(_)) {
                return problem(model, Problem::NotNow);
            }
            Command::request_from_shell(PlatformKeyOperation::Read).then_send(|output| {
                Event::PlatformKey(KeyPurpose::Unlock, PlatformKeyResult(output))
            })
        }
        Event::Lock => match model.state {
            State::Unlocked(_) => lock(model),
            _ => render(),
        },
        Event::EraseEverything => {
            model.state = State::Starting;
            model.problem = None;
            let forget_key =
                Command::request_from_shell(PlatformKeyOperation::Delete).then_send(|output| {
                    Event::PlatformKey(KeyPurpose::Enroll, PlatformKeyResult(output))
                });
            store(StoreOperation::Erase)
                .then(store(StoreOperation::Probe))
                .and(forget_key)
                .and(render())
        }
        unlocked_event => {
            let clock = Clock {
                today: model.today(),
                now_ms: model.now_ms,
            };
            let words = Words {
                translations,
                language: model.language(),
            };
            let State::Unlocked(unlocked) = &mut model.state else {
                return problem(model, Problem::NotNow);
            };
            let field = field::of_event(&unlocked_event);
            let result = match share_or_contact(&unlocked_event, unlocked, &clock, &words) {
                Some(result) => result,
                None => update_unlocked(unlocked_event, unlocked, &clock),
            };
            match result {
                Ok(command) => {
                    model.problem = None;
                    let reminders = reminders_after(model, &words);
                    command.and(reminders)
                }
                Err(error) => {
                    model.problem_field = field.get(error).map(|f| (error, f));
                    problem(model, error)
                }
            }
        }
    }
}

/// The time, two ways.
struct Clock {
    today: chrono::NaiveDate,
    now_ms: i64,
}

fn reminders_after(model: &mut Model, words: &Words<'_>) -> Cmd {
    let today = model.today();
    let State::Unlocked(unlocked) = &mut model.state else {
        return Command::done();
    };
    let schedule = reminders::schedule(&unlocked.data, today, words);
    if schedule == unlocked.reminders {
        return Command::done();
    }
    unlocked.reminders.clone_from(&schedule);
    Command::notify_shell(ScheduleReminders(schedule)).into()
}

fn open_url(url: String) -> Cmd {
    Command::request_from_shell(OpenUrl { url }).then_send(|()| Event::DismissProblem)
}

fn share(file_name: String, mime_type: &str, bytes: Vec<u8>) -> Cmd {
    Command::request_from_shell(ShareFile {
        file_name,
        mime_type: mime_type.to_owned(),
        bytes,
    })
    .then_send(|()| Event::DismissProblem)
}

/// Events that hand something to the phone (a link, a file) rather than change data.
fn share_or_contact(
    event: &Event,
    unlocked: &Unlocked,
    clock: &Clock,
    words: &Words<'_>,
) -> Option<Result<Cmd, Problem>> {
    let data = &unlocked.data;
    let specialist = data.specialist.as_ref();
    let need_specialist = || specialist.ok_or(Problem::NotNow);
    let command = match event {
        Event::ExportPlan => Ok(share(
            format!("aftercare-plan-{}.md", clock.today),
            "text/markdown",
            export::plan_markdown(data, words).into_bytes(),
        )),
        Event::ExportCalendar => Ok(share(
            "aftercare-appointments.ics".into(),
            "text/calendar",
            export::calendar(data, clock.now_ms, clock.today).into_bytes(),
        )),
        Event::Contact(ContactEvent::Call) => {
            need_specialist().map(|s| open_url(contact::call_url(&s.phone)))
        }
        Event::Contact(ContactEvent::Text(body)) => {
            need_specialist().map(|s| open_url(contact::text_url(&s.phone, body)))
        }
        Event::Contact(ContactEvent::Email(body)) => need_specialist()
            .map(|s| open_url(contact::email_url(&s.email, &words.get("app-title"), body))),
        Event::Contact(ContactEvent::CallCrisisLine) => {
            Ok(open_url(contact::call_url(&data.settings.crisis_line)))
        }
        Event::Contact(ContactEvent::TextCrisisLine) => {
            Ok(open_url(contact::text_url(&data.settings.crisis_line, "")))
        }
        Event::Contact(ContactEvent::CallNumber(number)) => {
            if contact::dialable(number).is_empty() {
                Err(Problem::OutOfRange)
            } else {
                Ok(open_url(contact::call_url(number)))
            }
        }
        _ => return None,
    };
    Some(command)
}

fn update_unlocked(event: Event, unlocked: &mut Unlocked, clock: &Clock) -> Result<Cmd, Problem> {
    let (today, now_ms) = (clock.today, clock.now_ms);
    let (action, next_id) = (notice::Action::of(&event), unlocked.data.next_id);
    if action != notice::Action::Background {
        unlocked.notice = None;
    }
    let data = &mut unlocked.data;
    let outcome = match event {
        Event::Navigate(screen) => {
            unlocked.screen = screen;
            triggers::leave(&mut unlocked.flow);
            if screen == Screen::Contact {
                // The conversation is on screen: the specialist's messages are read.
                let effects =
                    messages::update(MessagesEvent::Shown, data, &mut unlocked.relay, now_ms)?;
                return Ok(relay_commands(effects));
            }
            Outcome::default()
        }
        Event::SetRecoveryDate(text) => {
            let day = parse_date(Some(&text))?.ok_or(Problem::InvalidDate)?;
            if day > today {
                return Err(Problem::InvalidDate);
            }
            let profile = Profile {
                recovery_date: Some(day),
            };
            let change = profile.put(PROFILE_ID);
            data.profile = Some(profile);
            Outcome::saved(vec![change])
        }
        Event::RecordLapse {
            date: text,
            context,
        } => {
            let day = parse_date(Some(&text))?.ok_or(Problem::InvalidDate)?;
            if day > today {
                return Err(Problem::InvalidDate);
            }
            let lapse = Lapse {
                date: day,
                context: context.trim().to_owned(),
            };
            let id = data.allocate_id();
            let change = lapse.put(id);
            data.lapses.insert(id, lapse);
            Outcome::saved(vec![change])
        }
        Event::Goals(event) => goals::update(event, data, today)?,
        Event::Triggers(event) => triggers::update(event, data)?,
        Event::Triggered(event) => triggers::advance(event, &mut unlocked.flow, data, now_ms)?,
        Event::CheckIn(form) => checkin::save(form, data, today)?,
        Event::RecoveryCapital(answers) => {
            let answers: [u8; 10] = answers.try_into().map_err(|_| Problem::OutOfRange)?;
            if answers.iter().any(|a| !(1..=6).contains(a)) {
                return Err(Problem::OutOfRange);
            }
            let check = RecoveryCapital {
                date: today,
                answers,
            };
            let id = data.allocate_id();
            let change = check.put(id);
            data.recovery_capital.insert(id, check);
            Outcome::saved(vec![change])
        }
        Event::Aftercare(event) => aftercare::update(event, data)?,
        Event::SafetyPlan(plan) => safety::save(plan, data),
        Event::Contact(event) => contact::update(event, data)?,
        Event::Messages(event) => {
            let effects = messages::update(event, data, &mut unlocked.relay, now_ms)?;
            return Ok(relay_commands(effects));
        }
        Event::Settings(event) => return settings(event, unlocked),
        _ => return Err(Problem::NotNow),
    };
    unlocked.notice = notice::after(action, &outcome, next_id, unlocked.data.next_id);
    Ok(persist(outcome))
}

/// Saves what changed and hands the relay requests to the shell.
fn relay_commands(effects: messages::Effects) -> Cmd {
    let requests = effects.requests.into_iter().map(|(call, request)| {
        Command::request_from_shell(request)
            .then_send(move |result| Event::Relay(RelayAnswer(call, result)))
    });
    Command::all(requests).and(persist(Outcome::saved(effects.changes)))
}

/// The relay answered a call made while unlocked (answers that arrive
/// after a lock are dropped: the request was forgotten with the keys).
fn relay_answered(call: messages::Call, result: HttpResult, model: &mut Model) -> Cmd {
    let now_ms = model.now_ms;
    let State::Unlocked(unlocked) = &mut model.state else {
        return Command::done();
    };
    let fetched = call == messages::Call::Fetch;
    let outcome = messages::answered(
        call,
        result,
        &mut unlocked.data,
        &mut unlocked.relay,
        now_ms,
    );
    let effects = match outcome {
        Ok(effects) => effects,
        Err(error) => return problem(model, error),
    };
    // Replies arriving while the conversation is on screen are read.
    let shown = if fetched && unlocked.screen == Screen::Contact {
        messages::update(
            MessagesEvent::Shown,
            &mut unlocked.data,
            &mut unlocked.relay,
            now_ms,
        )
        .map_or_else(|_| Command::done(), relay_commands)
    } else {
        Command::done()
    };
    relay_commands(effects).and(shown)
}

fn settings(event: SettingsEvent, unlocked: &mut Unlocked) -> Result<Cmd, Problem> {
    let settings = &mut unlocked.data.settings;
    match event {
        SettingsEvent::SetLanguage(language) => {
            settings.language = language;
            let saved = persist(Outcome::saved(vec![settings.put(PROFILE_ID)]));
            unlocked.notice = Some(notice::Notice::Saved { item: None });
            return Ok(saved.and(lock_language(language)));
        }
        SettingsEvent::SetAutoLockMinutes(minutes) => {
            if !(1..=60).contains(&minutes) {
                return Err(Problem::OutOfRange);
            }
            settings.auto_lock_minutes = minutes;
        }
        SettingsEvent::SetDiscreet(discreet) => settings.discreet = discreet,
        SettingsEvent::SetCrisisLine(number) => {
            let number = number.trim();
            if number.is_empty()
                || !number
                    .chars()
                    .all(|c| c.is_ascii_digit() || "+-() ".contains(c))
            {
                return Err(Problem::OutOfRange);
            }
            number.clone_into(&mut settings.crisis_line);
        }
        SettingsEvent::SetCheckInReminder(time) => {
            settings.check_in_reminder = match time.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(text) => Some(
                    chrono::NaiveTime::parse_from_str(text, "%H:%M")
                        .map_err(|_| Problem::OutOfRange)?,
                ),
            };
        }
        SettingsEvent::ExportBackup { passphrase } => {
            if passphrase.trim().chars().count() < 4 {
                return Err(Problem::PasscodeTooShort);
            }
            return Ok(
                store(StoreOperation::ExportBackup(Passcode::new(passphrase))).and(render()),
            );
        }
        SettingsEvent::ImportBackup { file, passphrase } => {
            return Ok(store(StoreOperation::ImportBackup {
                file,
                passphrase: Passcode::new(passphrase),
            })
            .and(render()));
        }
        SettingsEvent::EnableBiometrics => {
            return Ok(
                Command::request_from_shell(PlatformKeyOperation::Create).then_send(|output| {
                    Event::PlatformKey(KeyPurpose::Enroll, PlatformKeyResult(output))
                }),
            );
        }
        SettingsEvent::DisableBiometrics => {
            unlocked.has_platform_key = false;
            let forget_key =
                Command::request_from_shell(PlatformKeyOperation::Delete).then_send(|output| {
                    Event::PlatformKey(KeyPurpose::Enroll, PlatformKeyResult(output))
                });
            return Ok(store(StoreOperation::RemovePlatformKey)
                .then(forget_key)
                .and(render()));
        }
        SettingsEvent::SetEraseAfterFailures(limit) => {
            if limit.is_some_and(|n| !(3..=50).contains(&n)) {
                return Err(Problem::OutOfRange);
            }
            return Ok(store(StoreOperation::SetEraseAfterFailures(limit)).and(render()));
        }
        SettingsEvent::ChangePasscode {
            current,
            replacement,
            confirmation,
        } => {
            if replacement != confirmation {
                return Err(Problem::PasscodesDiffer);
            }
            if replacement.trim().chars().count() < 4 {
                return Err(Problem::PasscodeTooShort);
            }
            return Ok(store(StoreOperation::ChangePasscode {
                current: Passcode::new(current),
                new: Passcode::new(replacement),
            })
            .and(render()));
        }
    }
    unlocked.notice = Some(notice::Notice::Saved { item: None });
    Ok(persist(Outcome::saved(vec![settings.put(PROFILE_ID)])))
}

/// The vault answered.
fn stored(output: StoreOutput, model: &mut Model) -> Cmd {
    model.busy = false;
    match output {
        StoreOutput::Probed {
            exists,
            throttle,
            language,
        } => {
            if !matches!(model.state, State::Unlocked(_)) {
                model.lock_language = language;
                model.state = if exists {
                    State::Locked(throttle)
                } else {
                    State::FirstRun
                };
            }
            render()
        }
        StoreOutput::Opened {
            records,
            damaged,
            has_platform_key,
        } => {
            let data = Data::from_records(&records, damaged);
            model.problem =
                (data.unreadable > 0).then_some(Problem::DamagedRecords(data.unreadable));
            let mut unlocked = Box::new(Unlocked {
                data,
                screen: Screen::Today,
                flow: None,
                last_activity_ms: model.now_ms,
                has_platform_key,
                reminders: Vec::new(),
                relay: messages::Activity::default(),
                notice: None,
            });
            // Paired: send what waited in the outbox and fetch replies.
            let sync = messages::update(
                MessagesEvent::Sync,
                &mut unlocked.data,
                &mut unlocked.relay,
                model.now_ms,
            )
            .map_or_else(|_| Command::done(), relay_commands);
            // Vaults from before the lock screen knew the language, or restored from a backup.
            let language = unlocked.data.settings.language;
            let lock_screen = if language == model.lock_language {
                Command::done()
            } else {
                model.lock_language = language;
                lock_language(language)
            };
            model.state = State::Unlocked(unlocked);
            render().and(sync).and(lock_screen)
        }
        StoreOutput::Done => render(),
        StoreOutput::Backup(bytes) => {
            let name = format!("phoenix-backup-{}.phoenixbackup", model.today());
            share(name, "application/octet-stream", bytes).and(render())
        }
        StoreOutput::Failed(error) => {
            model.problem = Some(Problem::from_vault(&error));
            match model.state {
                // Refresh the lock screen: the throttle moved, or the vault is gone.
                State::Unlocked(_) => render(),
                _ => store(StoreOperation::Probe),
            }
        }
    }
}

fn platform_key(purpose: KeyPurpose, output: PlatformKeyOutput, model: &mut Model) -> Cmd {
    match (purpose, output) {
        (KeyPurpose::Unlock, PlatformKeyOutput::Key(key)) => {
            model.busy = true;
            store(StoreOperation::Unlock(UnlockWith::PlatformKey(
                RawKey::new(key),
            )))
            .and(render())
        }
        (KeyPurpose::Enroll, PlatformKeyOutput::Key(key)) => {
            if let State::Unlocked(unlocked) = &mut model.state {
                unlocked.has_platform_key = true;
            }
            store(StoreOperation::EnrollPlatformKey(RawKey::new(key))).and(render())
        }
        (_, PlatformKeyOutput::Unavailable) => problem(model, Problem::PlatformKeyUnavailable),
        (_, PlatformKeyOutput::Deleted) => Command::done(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::effects::StoreOperation;
    use crate::model::records::{Dimension, Halt};
    use crate::vault::Change;
    use crate::vault::ThrottleStatus;

    fn locked() -> Model {
        Model {
            state: State::Locked(ThrottleStatus::default()),
            ..Model::default()
        }
    }

    fn unlocked() -> Model {
        Model {
            state: State::Unlocked(Box::new(Unlocked {
                data: Data::default(),
                screen: Screen::Today,
                flow: None,
                last_activity_ms: 0,
                has_platform_key: false,
                reminders: Vec::new(),
                relay: messages::Activity::default(),
                notice: None,
            })),
            ..Model::default()
        }
    }

    /// What the core sends itself once it has the time for a shell event.
    fn stamped(app: &Phoenix, event: Event, model: &mut Model, now_ms: i64) -> Vec<Event> {
        let mut command = app.update(event, model);
        let mut time = command
            .effects()
            .find_map(|effect| match effect {
                Effect::Time(request) => Some(request),
                _ => None,
            })
            .expect("a time request");
        time.resolve(now_ms).expect("resolves");
        command.events().collect()
    }

    /// Sends a shell event: the core first asks for the time, then handles it.
    fn send(app: &Phoenix, event: Event, model: &mut Model, now_ms: i64) -> Vec<Effect> {
        let events = stamped(app, event, model, now_ms);
        let mut effects = Vec::new();
        for event in events {
            effects.extend(app.update(event, model).effects());
        }
        effects
    }

    #[test]
    fn every_shell_event_is_stamped_with_the_time_first() {
        let app = Phoenix::default();
        let mut model = locked();
        let mut command = app.update(Event::Lock, &mut model);
        assert!(matches!(command.effects().next(), Some(Effect::Time(_))));
    }

    #[test]
    fn editing_while_locked_is_refused_and_changes_nothing() {
        let app = Phoenix::default();
        let mut model = locked();
        let effects = send(
            &app,
            Event::Goals(GoalEvent::Add {
                title: "Go to a meeting".into(),
                dimension: Dimension::Community,
                why: String::new(),
                target: None,
            }),
            &mut model,
            1_000,
        );
        assert_eq!(model.problem, Some(Problem::NotNow));
        assert_eq!(model.state, State::Locked(ThrottleStatus::default()));
        assert!(effects.iter().all(|e| matches!(e, Effect::Render(_))));
    }

    #[test]
    fn a_saved_change_goes_to_the_vault_in_one_apply() {
        let app = Phoenix::default();
        let mut model = unlocked();
        let effects = send(
            &app,
            Event::CheckIn(CheckInForm {
                mood: 3,
                craving: 4,
                halt: Halt::default(),
                sleep_hours: None,
                used_today: None,
                triggers: vec![],
                strategies: vec![],
                note: String::new(),
            }),
            &mut model,
            1_000,
        );
        let applies: Vec<_> = effects
            .iter()
            .filter_map(|e| match e {
                Effect::Store(request) => Some(&request.operation),
                _ => None,
            })
            .collect();
        assert!(
            matches!(applies.as_slice(), [StoreOperation::Apply(changes)] if changes.len() == 1)
        );
    }

    #[test]
    fn out_of_range_ratings_are_refused_with_a_message() {
        let app = Phoenix::default();
        let mut model = unlocked();
        send(&app, Event::Triggered(FlowEvent::Start), &mut model, 1_000);
        send(
            &app,
            Event::Triggered(FlowEvent::Halt(Halt::default())),
            &mut model,
            1_000,
        );
        send(
            &app,
            Event::Triggered(FlowEvent::RateBefore(11)),
            &mut model,
            1_000,
        );
        assert_eq!(model.problem, Some(Problem::OutOfRange));
        let State::Unlocked(unlocked) = &model.state else {
            panic!()
        };
        assert_eq!(unlocked.flow.as_ref().unwrap().before, None);
    }

    /// Takes the one `Store` request out of a command's effects.
    fn store_request(effects: Vec<Effect>) -> crux_core::Request<StoreOperation> {
        let mut stores: Vec<_> = effects
            .into_iter()
            .filter_map(|effect| match effect {
                Effect::Store(request) => Some(request),
                _ => None,
            })
            .collect();
        assert_eq!(stores.len(), 1, "exactly one vault request");
        stores.remove(0)
    }

    #[test]
    fn a_wrong_passcode_asks_the_vault_again_and_shows_the_throttle() {
        let app = Phoenix::default();
        let mut model = locked();
        let stamped = stamped(
            &app,
            Event::Unlock {
                passcode: "guess".into(),
            },
            &mut model,
            5_000,
        );
        let mut unlock = app.update(stamped.into_iter().next().unwrap(), &mut model);
        assert!(
            model.busy,
            "the KDF takes a moment: the shell can show progress"
        );
        let mut request = store_request(unlock.effects().collect());
        assert!(matches!(
            request.operation,
            StoreOperation::Unlock(UnlockWith::Passcode(_))
        ));

        request
            .resolve(StoreOutput::Failed(crate::vault::VaultError::Throttled {
                retry_after_secs: 30,
            }))
            .unwrap();
        let failed: Vec<Event> = unlock.events().collect();
        let mut refresh = app.update(failed.into_iter().next().unwrap(), &mut model);
        assert_eq!(model.problem, Some(Problem::Throttled(30)));
        assert!(!model.busy);
        // The lock screen is refreshed from the vault.
        let mut probe = store_request(refresh.effects().collect());
        assert!(matches!(probe.operation, StoreOperation::Probe));
        let throttle = ThrottleStatus {
            failed_attempts: 5,
            retry_after_secs: 30,
            erase_after_failures: None,
        };
        probe
            .resolve(StoreOutput::Probed {
                exists: true,
                throttle,
                language: None,
            })
            .unwrap();
        let probed: Vec<Event> = refresh.events().collect();
        let mut shown = app.update(probed.into_iter().next().unwrap(), &mut model);
        assert_eq!(model.state, State::Locked(throttle));
        assert!(
            shown
                .effects()
                .any(|effect| matches!(effect, Effect::Render(_)))
        );
    }

    #[test]
    fn opening_the_vault_builds_the_model_and_counts_unreadable_records() {
        let app = Phoenix::default();
        let mut model = locked();
        let goal = crate::model::records::Goal {
            title: "Walk daily".into(),
            dimension: Dimension::Health,
            why: String::new(),
            target: None,
            status: crate::model::records::GoalStatus::Active,
            created: chrono::NaiveDate::default(),
            completed: None,
        };
        let Change::Put { kind, id, body } = goal.put(12) else {
            panic!()
        };
        let records = vec![
            crate::vault::StoredRecord { kind, id, body },
            crate::vault::StoredRecord {
                kind,
                id: 13,
                body: zeroize::Zeroizing::new(vec![0xff]),
            },
        ];
        let output = StoreOutput::Opened {
            records,
            damaged: 1,
            has_platform_key: false,
        };
        let mut opened = app.update(Event::Store(StoreResult::new(output)), &mut model);
        assert!(
            opened
                .effects()
                .any(|effect| matches!(effect, Effect::Render(_)))
        );
        let State::Unlocked(unlocked) = &model.state else {
            panic!("unlocked")
        };
        assert_eq!(unlocked.data.goals[&12].title, "Walk daily");
        assert_eq!(
            unlocked.data.next_id, 14,
            "new ids never collide with stored ones"
        );
        assert_eq!(model.problem, Some(Problem::DamagedRecords(2)));
    }
}
