//! Event paths a participant takes less often, and every kind of bad event:
//! refused with a message, nothing changed.

use shared::app::{Event, SettingsEvent};
use shared::host::{ShellEffect, ShellRequest};
use shared::model::Screen;
use shared::model::aftercare::{
    AftercareEvent, AppointmentForm, Document, DocumentKind, DocumentStatus, MeetingForm,
};
use shared::model::checkin::CheckInForm;
use shared::model::contact::{ContactEvent, ContactWay, HoursForm, SpecialistForm};
use shared::model::goals::GoalEvent;
use shared::model::messages::{MessageStatus, MessagesEvent};
use shared::model::records::{Dimension, GoalStatus, Halt, TriggerKind};
use shared::model::triggers::{FlowEvent, TriggerEvent};
use shared::model::when::Day;
use shared::testing::{PASSCODE, Phone, Screens, Setup, ShellRequests};
use shared::view::{ScreenView, ViewModel};

#[test]
fn goals_pause_complete_archive_and_keep_their_history() {
    let phone = Phone::participant();
    phone.send(Event::Navigate(Screen::Goals));
    phone.send(Event::Goals(GoalEvent::Add {
        title: "Finish my GED".into(),
        dimension: Dimension::Purpose,
        why: "For my kids".into(),
        target: None,
    }));
    let goal = phone.view().goals().goals[0].id;
    for title in ["Find a class", "Enroll", "Study plan"] {
        phone.send(Event::Goals(GoalEvent::AddStep {
            goal,
            title: title.into(),
            due: None,
        }));
    }
    let steps: Vec<u64> = phone.view().goals().goals[0]
        .steps
        .iter()
        .map(|s| s.id)
        .collect();
    let view = phone.send(Event::Goals(GoalEvent::MoveStep {
        step: steps[2],
        to: 0,
    }));
    let view = view.goals();
    let order: Vec<&str> = view.goals[0]
        .steps
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(order, ["Study plan", "Find a class", "Enroll"]);

    let view = phone.send(Event::Goals(GoalEvent::SetStatus {
        goal,
        status: GoalStatus::Paused,
    }));
    let view = view.goals();
    assert_eq!(view.goals[0].status_label, "Paused");
    let view = phone.send(Event::Goals(GoalEvent::SetStatus {
        goal,
        status: GoalStatus::Completed,
    }));
    let view = view.goals();
    assert!(view.goals.is_empty());
    assert_eq!(view.history[0].title, "Finish my GED");
    assert_eq!(view.history[0].status_label, "Completed");
    let view = phone.send(Event::Goals(GoalEvent::SetStatus {
        goal,
        status: GoalStatus::Archived,
    }));
    let view = view.goals();
    assert_eq!(view.history.len(), 1, "archiving keeps what was achieved");
}

#[test]
fn removing_a_trigger_unlinks_it_and_starter_ideas_can_be_kept_or_dismissed() {
    let phone = Phone::participant();
    phone.send(Event::Triggers(TriggerEvent::AddTrigger {
        category: TriggerKind::Times,
        name: "Friday payday".into(),
    }));
    let ScreenView::Triggers(view) = phone.send(Event::Navigate(Screen::Triggers)).screen else {
        panic!()
    };
    let trigger = view.triggers[0].id;
    let walk = view
        .suggestions
        .iter()
        .find(|s| s.value == "starter-walk")
        .unwrap()
        .label
        .clone();
    phone.send(Event::Triggers(TriggerEvent::AddStrategy {
        name: walk.clone(),
        triggers: vec![trigger],
    }));
    phone.send(Event::Triggers(TriggerEvent::DismissSuggestion(
        "starter-meeting".into(),
    )));
    let ScreenView::Triggers(view) = phone.view().screen else {
        panic!()
    };
    assert!(
        view.suggestions
            .iter()
            .all(|s| s.label != walk && s.value != "starter-meeting")
    );
    assert_eq!(view.suggestions.len(), 5);
    let ScreenView::Triggers(view) = phone
        .send(Event::Triggers(TriggerEvent::RemoveTrigger(trigger)))
        .screen
    else {
        panic!()
    };
    assert!(view.triggers.is_empty());
    assert!(
        view.strategies[0].triggers.is_empty(),
        "the strategy stays, unlinked"
    );
}

#[test]
fn changing_the_passcode_and_erasing_everything() {
    let phone = Phone::participant();
    let view = phone.send(Event::Settings(SettingsEvent::ChangePasscode {
        current: "not it".into(),
        replacement: "new harbor words".into(),
        confirmation: "new harbor words".into(),
    }));
    assert_eq!(
        view.problem.as_deref(),
        Some("That passcode did not work. Try again.")
    );
    phone.send(Event::Settings(SettingsEvent::ChangePasscode {
        current: PASSCODE.into(),
        replacement: "new harbor words".into(),
        confirmation: "new harbor words".into(),
    }));
    phone.send(Event::Lock);
    assert!(
        phone
            .send(Event::Unlock {
                passcode: PASSCODE.into()
            })
            .problem
            .is_some()
    );
    assert!(matches!(
        phone
            .send(Event::Unlock {
                passcode: "new harbor words".into()
            })
            .screen,
        ScreenView::Today(_)
    ));
    let view = phone.send(Event::EraseEverything);
    assert!(matches!(view.screen, ScreenView::FirstRun(_)), "{view:?}");
    assert_eq!(
        std::fs::read_dir(phone.dir()).unwrap().count(),
        0,
        "no file is left"
    );
}

#[test]
fn the_platform_frees_the_vault_files_after_every_kind_of_erase() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let erased = Arc::new(AtomicUsize::new(0));
    let count = erased.clone();
    // A participant who has just chosen a passcode, on a host that counts erases.
    let phone = Phone::with(Setup {
        after_erase: Some(Arc::new(move || {
            count.fetch_add(1, Ordering::SeqCst);
        })),
        ..Setup::default()
    });
    phone.choose_passcode();
    phone.send(Event::Lock);
    assert_eq!(erased.load(Ordering::SeqCst), 0, "locking erases nothing");
    phone.send(Event::EraseEverything);
    assert_eq!(erased.load(Ordering::SeqCst), 1);

    // The participant's opt-in: erase after three wrong passcodes.
    let phone = phone.restart();
    phone.choose_passcode();
    phone.send(Event::Settings(SettingsEvent::SetEraseAfterFailures(Some(
        3,
    ))));
    phone.send(Event::Lock);
    for _ in 0..3 {
        phone.send(Event::Unlock {
            passcode: "not it".into(),
        });
    }
    assert_eq!(erased.load(Ordering::SeqCst), 2, "{:?}", phone.problem());
    assert!(matches!(phone.view().screen, ScreenView::FirstRun(_)));
}

/// The phone may still hold an appointment reminder from before: every way
/// of erasing asks it to cancel them all (an empty schedule), even on a
/// lock screen that never learned what was scheduled.
#[test]
fn every_kind_of_erase_cancels_every_reminder_on_the_phone() {
    let cancels_all = |requests: Vec<ShellRequest>| {
        let (_, schedule) = requests.reminders();
        assert!(schedule.is_empty(), "{schedule:?}");
    };
    let with_a_reminder = |phone: &Phone| {
        phone.send_ok(Event::Settings(SettingsEvent::SetCheckInReminder(Some(
            "20:30".into(),
        ))));
    };

    // From settings, unlocked.
    let phone = Phone::participant();
    with_a_reminder(&phone);
    cancels_all(phone.requests_past_the_keystore(Event::EraseEverything));

    // From the lock screen of an app that started locked.
    let phone = phone.restart();
    phone.choose_passcode();
    with_a_reminder(&phone);
    let phone = phone.restart();
    cancels_all(phone.requests_past_the_keystore(Event::EraseEverything));

    // The participant's opt-in: erase after three wrong passcodes.
    let phone = phone.restart();
    phone.choose_passcode();
    with_a_reminder(&phone);
    phone.send_ok(Event::Settings(SettingsEvent::SetEraseAfterFailures(Some(
        3,
    ))));
    let phone = phone.restart();
    for _ in 0..2 {
        let requests = phone.requests_past_the_keystore(Event::Unlock {
            passcode: "not it".into(),
        });
        assert!(
            !requests
                .iter()
                .any(|r| matches!(r.effect, ShellEffect::Notify(_))),
            "a wrong passcode alone cancels nothing"
        );
    }
    cancels_all(phone.requests_past_the_keystore(Event::Unlock {
        passcode: "not it".into(),
    }));
    assert!(matches!(phone.view().screen, ScreenView::FirstRun(_)));
}

/// Every shell sends the hours as typed; the core's own check answers, at
/// the field.
#[test]
fn hours_of_sleep_off_the_scale_are_refused_with_a_message_on_screen() {
    let phone = Phone::participant();
    phone.send(Event::Navigate(Screen::CheckIn));
    for hours in ["25", "255", "1000", "seven", "-1", "7.5"] {
        let view = phone.send(Event::CheckIn(CheckInForm {
            sleep_hours: hours.to_owned(),
            ..check_in(3, 2)
        }));
        assert_eq!(
            view.problem.as_deref(),
            Some("That value does not fit here. Please check it."),
            "{hours} hours"
        );
        assert_eq!(view.problem_field.as_deref(), Some("sleep-hours"));
        assert!(
            matches!(&view.screen, ScreenView::CheckIn(check_in) if check_in.mood.is_none()),
            "nothing was saved: {view:?}"
        );
    }
    let view = phone.send_ok(Event::CheckIn(CheckInForm {
        sleep_hours: " 24 ".into(),
        ..check_in(3, 2)
    }));
    assert!(matches!(&view.screen, ScreenView::CheckIn(check_in) if check_in.mood == Some(3)));
    assert!(
        matches!(&view.screen, ScreenView::CheckIn(check_in)
            if check_in.saved.as_ref().is_some_and(|saved| saved.sleep_hours == "24")),
        "reopened as the number kept: {view:?}"
    );
}

fn check_in(mood: u8, craving: u8) -> CheckInForm {
    CheckInForm {
        mood,
        craving,
        halt: Halt::default(),
        sleep_hours: String::new(),
        used_today: None,
        triggers: vec![],
        strategies: vec![],
        note: String::new(),
    }
}

/// Every kind of bad event, with the words its message must contain: a
/// table, long because it is complete.
#[allow(clippy::too_many_lines)]
fn refused_events() -> Vec<(Event, &'static str)> {
    vec![
        (
            Event::Goals(GoalEvent::Add {
                title: String::new(),
                dimension: Dimension::Home,
                why: String::new(),
                target: None,
            }),
            "Please fill in",
        ),
        (
            Event::Goals(GoalEvent::Add {
                title: "x".into(),
                dimension: Dimension::Home,
                why: String::new(),
                target: Some("31/01/2026".into()),
            }),
            "date",
        ),
        (
            Event::Goals(GoalEvent::AddStep {
                goal: 999,
                title: "x".into(),
                due: None,
            }),
            "no longer exists",
        ),
        (
            Event::Goals(GoalEvent::CompleteStep(999)),
            "no longer exists",
        ),
        (
            Event::Goals(GoalEvent::MoveStep { step: 999, to: 0 }),
            "no longer exists",
        ),
        (
            Event::Triggers(TriggerEvent::AddStrategy {
                name: "x".into(),
                triggers: vec![999],
            }),
            "no longer exists",
        ),
        (
            Event::Triggers(TriggerEvent::DismissSuggestion("made-up".into())),
            "no longer exists",
        ),
        (Event::Triggered(FlowEvent::RateAfter(3)), "not available"),
        (Event::CheckIn(check_in(0, 3)), "does not fit here"),
        (Event::CheckIn(check_in(3, 11)), "does not fit here"),
        (Event::RecoveryCapital(vec![7; 10]), "does not fit here"),
        (Event::RecoveryCapital(vec![4; 9]), "does not fit here"),
        (
            Event::SetRecoveryDate("2099-01-01".into()),
            "cannot be in the future",
        ),
        (
            Event::RecordLapse {
                date: "yesterday".into(),
                context: String::new(),
            },
            "date",
        ),
        (
            Event::Aftercare(AftercareEvent::SaveDocument {
                id: None,
                document: Document {
                    kind: DocumentKind::StateId,
                    name: String::new(),
                    status: DocumentStatus::Needed,
                    needs_first: vec![999],
                },
            }),
            "no longer exists",
        ),
        (
            Event::Aftercare(AftercareEvent::Remove(999)),
            "no longer exists",
        ),
        (
            Event::Aftercare(AftercareEvent::SaveAppointment {
                id: None,
                appointment: AppointmentForm {
                    title: "Intake".into(),
                    at: "next Tuesday".into(),
                    place: String::new(),
                    remind_minutes_before: None,
                },
            }),
            "date",
        ),
        (
            Event::Aftercare(AftercareEvent::SaveMeeting {
                id: None,
                meeting: MeetingForm {
                    name: "NA".into(),
                    weekday: Day::Tuesday,
                    time: "7pm".into(),
                    place: String::new(),
                },
            }),
            "date",
        ),
        (
            Event::Contact(ContactEvent::SetSpecialist(SpecialistForm {
                name: "Dana".into(),
                organization: String::new(),
                phone: "555 0100".into(),
                email: String::new(),
                hours: vec![HoursForm {
                    weekday: Day::Monday,
                    start: "17:00".into(),
                    end: "09:00".into(),
                }],
                preferred: ContactWay::Call,
            })),
            "does not fit here",
        ),
        (
            Event::Settings(SettingsEvent::SetAutoLockMinutes(0)),
            "does not fit here",
        ),
        (
            Event::Settings(SettingsEvent::SetCrisisLine("call me".into())),
            "does not fit here",
        ),
        (
            Event::Settings(SettingsEvent::SetCheckInReminder(Some("25:99".into()))),
            "does not fit here",
        ),
        (
            Event::Settings(SettingsEvent::SetEraseAfterFailures(Some(1))),
            "does not fit here",
        ),
        (
            Event::Settings(SettingsEvent::ChangePasscode {
                current: PASSCODE.into(),
                replacement: "abc".into(),
                confirmation: "abc".into(),
            }),
            "at least 6",
        ),
        (
            Event::Settings(SettingsEvent::ChangePasscode {
                current: PASSCODE.into(),
                replacement: "123456".into(),
                confirmation: "123456".into(),
            }),
            "first anyone would try",
        ),
        (
            Event::Settings(SettingsEvent::ExportBackup {
                passphrase: "password".into(),
            }),
            "first anyone would try",
        ),
        (
            Event::SetPasscode {
                passcode: "later".into(),
                confirmation: "later".into(),
            },
            "not available",
        ),
    ]
}

#[test]
fn bad_events_are_refused_with_a_message_and_change_nothing() {
    let phone = Phone::participant();
    phone.send(Event::Goals(GoalEvent::Add {
        title: "A goal".into(),
        dimension: Dimension::Health,
        why: String::new(),
        target: None,
    }));
    let cases = refused_events();
    for screen in [
        Screen::Today,
        Screen::Goals,
        Screen::Triggers,
        Screen::Aftercare,
        Screen::Settings,
    ] {
        phone.send(Event::Navigate(screen));
        let before = phone.view();
        for (event, message) in &cases {
            let view = phone.send(event.clone());
            let problem = view.problem.clone().unwrap_or_default();
            assert!(problem.contains(message), "{event:?}: {problem:?}");
            assert_eq!(
                ViewModel {
                    problem: None,
                    problem_field: None,
                    ..view
                },
                before,
                "{event:?} changed something"
            );
            phone.send(Event::DismissProblem);
        }
    }
}

/// A relay for the core's tests, built from `relay-protocol`: it hands out
/// one specialist's keys at pairing, takes every letter and has nothing to
/// deliver. The specialist can set up their inbox again (new keys).
struct TestRelay {
    paired: std::sync::Mutex<Vec<u8>>,
    fingerprint: std::sync::Mutex<String>,
    /// Each letter's body, as the phone posted it.
    letters: std::sync::Mutex<Vec<Vec<u8>>>,
}

impl TestRelay {
    fn new() -> std::sync::Arc<Self> {
        let relay = std::sync::Arc::new(Self {
            paired: std::sync::Mutex::default(),
            fingerprint: std::sync::Mutex::default(),
            letters: std::sync::Mutex::default(),
        });
        relay.new_inbox_keys();
        relay
    }

    /// The specialist's inbox with new keys: what a later pairing gets.
    fn new_inbox_keys(&self) {
        use relay_protocol::channel::{Account, ClaimedKeys};
        let mut account = Account::new();
        let bundle = account.bundle(1);
        let paired = relay_protocol::api::Paired {
            specialist_name: "Maria R.".into(),
            specialist_keys: relay_protocol::DeviceIdentity::generate()
                .unwrap()
                .public_keys(),
            specialist_channel: ClaimedKeys {
                identity: bundle.identity,
                one_time_key: bundle.one_time_keys[0].clone(),
            },
        };
        *self.paired.lock().unwrap() = serde_json::to_vec(&paired).unwrap();
        *self.fingerprint.lock().unwrap() = account.fingerprint().to_string();
    }

    fn invite(&self) -> String {
        format!("ABCDE-FGHJK {}", self.fingerprint.lock().unwrap())
    }

    fn letters(&self) -> usize {
        self.letters.lock().unwrap().len()
    }

    fn answer(&self, request: &shared::effects::HttpRequest) -> shared::effects::HttpResult {
        use relay_protocol::api;
        let path = request.url.trim_start_matches("https://relay.example.org");
        let body = match (request.method.as_str(), path) {
            ("POST", api::PAIRING) => self.paired.lock().unwrap().clone(),
            ("POST", api::MESSAGES) => {
                let mut letters = self.letters.lock().unwrap();
                letters.push(request.body.clone());
                let sent = api::Sent {
                    id: i64::try_from(letters.len()).unwrap(),
                    received_at_ms: 0,
                };
                serde_json::to_vec(&sent).unwrap()
            }
            (_, path) if path.starts_with(api::MESSAGES) => br#"{"messages":[]}"#.to_vec(),
            _ => br#"{"receipts":[]}"#.to_vec(),
        };
        shared::effects::HttpResult::Response { status: 200, body }
    }
}

/// A phone on Contact my peer whose shell reaches `relay`, paired through
/// it, or restored from `backup` and paired again.
fn phone_paired_through(relay: &std::sync::Arc<TestRelay>, backup: Option<&[u8]>) -> Phone {
    let carrier = std::sync::Arc::clone(relay);
    let phone = Phone::with(Setup {
        network: Some(std::sync::Arc::new(move |request| carrier.answer(request))),
        ..Setup::default()
    });
    phone.choose_passcode();
    if let Some(file) = backup {
        phone.send_ok(Event::Settings(SettingsEvent::ImportBackup {
            file: file.to_vec(),
            passphrase: "moving day words".into(),
        }));
    }
    phone.send(Event::Navigate(Screen::Contact));
    phone.send_ok(Event::Messages(MessagesEvent::Pair {
        relay: "https://relay.example.org".into(),
        invite: relay.invite(),
        name: "Sam".into(),
    }));
    phone
}

#[test]
fn a_specialist_key_that_changed_since_the_last_conversation_pauses_sending_until_confirmed() {
    let relay = TestRelay::new();
    let phone = phone_paired_through(&relay, None);
    phone.write_message("see you Thursday");
    assert_eq!(relay.letters(), 2, "the greeting and the letter");
    assert_eq!(phone.messages().key_changed_note, None);
    let (_, backup) = phone
        .requests(Event::Settings(SettingsEvent::ExportBackup {
            passphrase: "moving day words".into(),
        }))
        .shared_file();

    // Restored and paired again with the same specialist's keys: as before.
    let restored = phone_paired_through(&relay, Some(&backup.bytes));
    assert_eq!(restored.messages().key_changed_note, None);
    assert_eq!(relay.letters(), 3, "the restored phone's greeting");

    // The specialist's inbox has new keys (the invite matches them, so the
    // pairing goes through), but they are not the ones this conversation had.
    relay.new_inbox_keys();
    let changed = phone_paired_through(&relay, Some(&backup.bytes));
    let view = changed.messages();
    assert_eq!(
        view.key_changed_note.as_deref(),
        Some(
            "Maria R.'s security key changed since your last conversation. This can happen \
             when they set up their inbox again, but it can also mean someone is in between. \
             Sending is paused. Call Maria R. or meet in person and compare the safety code \
             below. Confirm only if it matches."
        )
    );
    assert!(view.verification_note.is_some(), "the code to compare");
    assert_eq!(view.confirm_key_label, "The safety codes match");
    changed.write_message("are you there?");
    assert!(
        changed
            .problem()
            .unwrap()
            .starts_with("Sending is paused because your peer specialist's security key changed"),
        "{:?}",
        changed.problem()
    );
    changed.sync();
    assert_eq!(relay.letters(), 3, "nothing leaves, not even the greeting");

    // Still paused after the app closes and opens again.
    let changed = changed.restart();
    changed.unlock();
    changed.send(Event::Navigate(Screen::Contact));
    assert!(changed.messages().key_changed_note.is_some());
    assert_eq!(relay.letters(), 3);

    // The codes matched: the participant confirms, and sending resumes.
    changed.send_ok(Event::Messages(MessagesEvent::ConfirmSpecialistKey));
    assert_eq!(changed.messages().key_changed_note, None);
    assert_eq!(relay.letters(), 4, "the greeting, held until now");
    changed.write_message("are you there?");
    assert_eq!(changed.problem(), None);
    assert_eq!(relay.letters(), 5);
    assert_eq!(
        changed.statuses().last().unwrap(),
        &("are you there?".to_owned(), MessageStatus::Sent)
    );
}

#[test]
fn once_paired_the_new_message_notice_uses_the_background_checks_words_discreet_when_asked() {
    let relay = TestRelay::new();
    let phone = Phone::participant();
    assert_eq!(
        phone.view().new_messages,
        None,
        "not paired: nothing to notify"
    );
    let phone = phone_paired_through(&relay, None);
    let notice = phone.view().new_messages.expect("paired");
    assert_eq!(notice.count, 0, "nothing from the specialist yet");
    assert_eq!(notice.title, "New message");
    assert_eq!(
        notice.body,
        "You have a new message from your peer specialist."
    );
    let view = phone.send_ok(Event::Settings(SettingsEvent::SetDiscreet(true)));
    let notice = view.new_messages.expect("paired");
    assert_eq!(
        (notice.title.as_str(), notice.body.as_str()),
        ("Something new", "Open the app to see it.")
    );
}

/// Erasing leaves nothing to ask the relay with: from Settings and from the
/// lock screen, the phone is told to forget the background check's config
/// (its waiting key), as it is told to cancel every reminder.
#[test]
fn every_kind_of_erase_makes_the_phone_forget_the_background_check() {
    let forgets = |requests: Vec<ShellRequest>| {
        assert!(
            requests.iter().any(|request| matches!(
                request.effect,
                ShellEffect::Background(shared::effects::BackgroundCheckOperation::Forget)
            )),
            "the background check's config is forgotten"
        );
    };
    let relay = TestRelay::new();

    // From settings, unlocked.
    let phone = phone_paired_through(&relay, None);
    assert!(phone.background_check().is_some(), "kept from pairing");
    forgets(phone.requests_past_the_keystore(Event::EraseEverything));

    // From the lock screen of an app that started locked.
    let phone = phone_paired_through(&relay, None).restart();
    forgets(phone.requests_past_the_keystore(Event::EraseEverything));
}
