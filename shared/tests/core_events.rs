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
    cancels_all(phone.requests(Event::EraseEverything));

    // From the lock screen of an app that started locked.
    let phone = phone.restart();
    phone.choose_passcode();
    with_a_reminder(&phone);
    let phone = phone.restart();
    cancels_all(phone.requests(Event::EraseEverything));

    // The participant's opt-in: erase after three wrong passcodes.
    let phone = phone.restart();
    phone.choose_passcode();
    with_a_reminder(&phone);
    phone.send_ok(Event::Settings(SettingsEvent::SetEraseAfterFailures(Some(
        3,
    ))));
    let phone = phone.restart();
    for _ in 0..2 {
        let requests = phone.requests(Event::Unlock {
            passcode: "not it".into(),
        });
        assert!(
            !requests
                .iter()
                .any(|r| matches!(r.effect, ShellEffect::Notify(_))),
            "a wrong passcode alone cancels nothing"
        );
    }
    cancels_all(phone.requests(Event::Unlock {
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
