//! The participant core through the real host with a real vault on disk:
//! what a participant would notice, view model by view model.

use crux_core::bridge::{BincodeFfiFormat, FfiFormat};
use shared::app::{Event, SettingsEvent};
use shared::effects::{PlatformKeyOperation, PlatformKeyOutput};
use shared::host::{HostError, ShellEffect};
use shared::i18n::Language;
use shared::model::Screen;
use shared::model::checkin::CheckInForm;
use shared::model::goals::GoalEvent;
use shared::model::records::{Dimension, Halt, TriggerKind};
use shared::model::triggers::{FlowEvent, FlowStep, TriggerEvent};
use shared::testing::{HOUR_MS, PASSCODE, Phone, Screens, Setup, ShellRequests};
use shared::vault::{Credential, Passcode, Vault, VaultError};
use shared::view::ScreenView;

fn set_up(phone: &Phone) {
    assert!(matches!(phone.view().screen, ScreenView::FirstRun(_)));
    let view = phone.send(Event::SetPasscode {
        passcode: PASSCODE.into(),
        confirmation: "something else".into(),
    });
    assert!(
        view.problem
            .as_deref()
            .is_some_and(|p| p.contains("do not match"))
    );
    let view = phone.send(Event::SetPasscode {
        passcode: PASSCODE.into(),
        confirmation: PASSCODE.into(),
    });
    assert!(matches!(view.screen, ScreenView::Today(_)), "{view:?}");
    assert_eq!(view.problem, None);
}

/// A story, told in order: it is long on purpose.
#[allow(clippy::too_many_lines)]
#[test]
fn a_participants_first_day_survives_a_restart() {
    let phone = Phone::new();
    set_up(&phone);

    // Help is one tap away on every screen.
    let view = phone.view();
    assert_eq!(view.help.im_triggered, "I'm triggered");
    assert_eq!(view.help.contact_peer, "Contact my peer");
    assert_eq!(view.help.crisis_call_url, "tel:988");

    // Recovery date 30 days ago: a milestone.
    let view = phone.send(Event::SetRecoveryDate("2026-01-31".into()));
    let recovery = view.today().recovery.clone().unwrap();
    assert_eq!(recovery.days_label, "Current stretch: 30 days");
    assert_eq!(
        recovery.milestone_reached.as_deref(),
        Some("Milestone reached: 30 days")
    );
    assert_eq!(
        recovery.next_milestone.as_deref(),
        Some("Next milestone: 60 days (30 days to go)")
    );

    // A goal with two steps; one done.
    phone.send(Event::Goals(GoalEvent::Add {
        title: "Find stable housing".into(),
        dimension: Dimension::Home,
        why: "A safe place to sleep".into(),
        target: Some("2026-06-01".into()),
    }));
    let goals = match phone.send(Event::Navigate(Screen::Goals)).screen {
        ScreenView::Goals(goals) => goals,
        other => panic!("{other:?}"),
    };
    let goal = goals.goals[0].id;
    phone.send(Event::Goals(GoalEvent::AddStep {
        goal,
        title: "Call the housing office".into(),
        due: Some("2026-03-02".into()),
    }));
    phone.send(Event::Goals(GoalEvent::AddStep {
        goal,
        title: "Visit the recovery residence".into(),
        due: None,
    }));
    let ScreenView::Goals(goals) = phone.view().screen else {
        panic!()
    };
    let step = goals.goals[0].steps[0].id;
    let ScreenView::Goals(goals) = phone
        .send(Event::Goals(GoalEvent::CompleteStep(step)))
        .screen
    else {
        panic!()
    };
    assert_eq!(goals.goals[0].progress, 50);
    assert_eq!(goals.goals[0].progress_label, "50% of steps done");

    // An empty title is refused with a message and changes nothing.
    let view = phone.send(Event::Goals(GoalEvent::Add {
        title: "   ".into(),
        dimension: Dimension::Health,
        why: String::new(),
        target: None,
    }));
    assert_eq!(
        view.problem.as_deref(),
        Some("Please fill in the name or title.")
    );
    let ScreenView::Goals(goals) = view.screen else {
        panic!()
    };
    assert_eq!(goals.goals.len(), 1);

    // A trigger and two coping strategies linked to it.
    phone.send(Event::Triggers(TriggerEvent::AddTrigger {
        category: TriggerKind::Places,
        name: "Passing the old bar".into(),
    }));
    let ScreenView::Triggers(triggers) = phone.send(Event::Navigate(Screen::Triggers)).screen
    else {
        panic!()
    };
    let trigger = triggers.triggers[0].id;
    for name in ["Call my sponsor", "Walk the long way home"] {
        phone.send(Event::Triggers(TriggerEvent::AddStrategy {
            name: name.into(),
            triggers: vec![trigger],
        }));
    }

    // I'm triggered: craving 8, walk, then 3.
    assert_eq!(
        phone.send(Event::Triggered(FlowEvent::Start)).screen_title,
        "I'm triggered",
        "the top bar names the flow"
    );
    phone.send(Event::Triggered(FlowEvent::ChooseTrigger(trigger)));
    phone.send(Event::Triggered(FlowEvent::RateBefore(8)));
    let ScreenView::Triggered(flow) = phone.view().screen else {
        panic!()
    };
    assert_eq!(flow.strategies.len(), 2);
    let walk = flow
        .strategies
        .iter()
        .find(|s| s.name.starts_with("Walk"))
        .unwrap()
        .id;
    phone.send(Event::Triggered(FlowEvent::Tried {
        strategy: walk,
        tried: true,
    }));
    let ScreenView::Triggered(flow) = phone.send(Event::Triggered(FlowEvent::RateAfter(3))).screen
    else {
        panic!()
    };
    assert_eq!(flow.step, FlowStep::Done { still_high: false });
    phone.send(Event::Triggered(FlowEvent::Cancel));

    // Next time, what worked is offered first.
    phone.send(Event::Triggered(FlowEvent::Start));
    phone.send(Event::Triggered(FlowEvent::ChooseTrigger(trigger)));
    phone.send(Event::Triggered(FlowEvent::RateBefore(9)));
    let ScreenView::Triggered(flow) = phone.view().screen else {
        panic!()
    };
    assert_eq!(flow.strategies[0].id, walk);
    assert_eq!(
        flow.strategies[0].evidence,
        "Made the craving 5.0 points weaker (once)"
    );
    // Still high after coping: people, not just tips.
    let ScreenView::Triggered(flow) = phone.send(Event::Triggered(FlowEvent::RateAfter(8))).screen
    else {
        panic!()
    };
    assert!(flow.still_high);
    assert!(flow.still_high_message.is_some());
    phone.send(Event::Triggered(FlowEvent::Cancel));

    // Check in, then edit the same day's check-in.
    let form = |craving: u8, note: &str| CheckInForm {
        mood: 4,
        craving,
        halt: Halt {
            tired: true,
            ..Halt::default()
        },
        sleep_hours: "7".into(),
        used_today: Some(false),
        triggers: vec![trigger],
        strategies: vec![walk],
        note: note.into(),
    };
    phone.send(Event::CheckIn(form(5, "Rough morning")));
    let view = phone.send(Event::CheckIn(form(2, "Better after the walk")));
    let ScreenView::CheckIn(check_in) = phone.send(Event::Navigate(Screen::CheckIn)).screen else {
        panic!("{view:?}")
    };
    assert!(check_in.already_checked_in);
    assert_eq!(
        (check_in.craving, check_in.note.as_str()),
        (Some(2), "Better after the walk")
    );
    let ScreenView::Trends(trends) = phone.send(Event::Navigate(Screen::Trends)).screen else {
        panic!()
    };
    let this_week = trends.weekly.last().unwrap();
    assert_eq!((this_week.check_ins, this_week.craving), (1, Some(2.0)));
    // From the first check-in, lines above the charts say where craving and mood are.
    assert_eq!(
        trends.monthly_summary,
        [
            "Craving: 2 in the last 30 days",
            "Mood: 4 in the last 30 days"
        ]
    );
    assert_eq!(
        trends.weekly_summary,
        [
            "Craving: 2 in the last 7 days",
            "Mood: 4 in the last 7 days"
        ]
    );

    let before_restart = phone.send(Event::Navigate(Screen::Goals));

    // A restart: locked; a wrong passcode is refused; the right one restores everything.
    let phone = phone.restart();
    let view = phone.view();
    assert!(matches!(view.screen, ScreenView::Locked(_)));
    assert!(view.navigation.is_empty(), "nothing is shown while locked");
    assert_eq!(
        view.screen_title, "Phoenix",
        "locked, the top bar names only the app"
    );
    assert_eq!(
        view.help.crisis_call_url, "tel:988",
        "the crisis line works while locked"
    );
    let view = phone.send(Event::Unlock {
        passcode: "quiet harbor 8".into(),
    });
    assert_eq!(
        view.problem.as_deref(),
        Some("That passcode did not work. Try again.")
    );
    assert!(matches!(view.screen, ScreenView::Locked(_)));
    phone.send(Event::Unlock {
        passcode: PASSCODE.into(),
    });
    let after_restart = phone.send(Event::Navigate(Screen::Goals));
    assert_eq!(after_restart, before_restart);
    let ScreenView::Triggers(triggers) = phone.send(Event::Navigate(Screen::Triggers)).screen
    else {
        panic!()
    };
    assert_eq!(
        triggers.triggers[0].insight[0].strategy,
        "Walk the long way home"
    );
}

#[test]
fn throttled_attempts_show_how_long_to_wait_and_survive_a_restart_and_a_clock_set_ahead() {
    let phone = Phone::new();
    set_up(&phone);
    phone.send(Event::Lock);
    for _ in 0..5 {
        phone.send(Event::Unlock {
            passcode: "guess".into(),
        });
    }
    let view = phone.send(Event::Unlock {
        passcode: PASSCODE.into(),
    });
    assert_eq!(
        view.problem.as_deref(),
        Some("Too many attempts. Try again in 30 seconds.")
    );
    let phone = phone.restart();
    let ScreenView::Locked(lock) = phone.view().screen else {
        panic!()
    };
    assert_eq!(
        lock.throttle_message.as_deref(),
        Some("Too many attempts. Try again in 30 seconds.")
    );
    // Setting the phone's clock a day ahead does not end the wait.
    phone.set_wall_clock_forward(24 * HOUR_MS);
    let view = phone.send(Event::Unlock {
        passcode: PASSCODE.into(),
    });
    assert_eq!(
        view.problem.as_deref(),
        Some("Too many attempts. Try again in 30 seconds.")
    );
    phone.advance(30_000);
    let view = phone.send(Event::Unlock {
        passcode: PASSCODE.into(),
    });
    assert!(
        matches!(view.screen, ScreenView::Today(_)),
        "{:?}",
        view.problem
    );
}

#[test]
fn a_counter_reset_in_the_vault_file_does_not_shorten_the_wait_the_lock_screen_shows() {
    let phone = Phone::new();
    set_up(&phone);
    phone.send(Event::Lock);
    for _ in 0..5 {
        phone.send(Event::Unlock {
            passcode: "guess".into(),
        });
    }
    let phone = phone.switch_off();
    // Someone with the file sets the attempt counter back to nothing.
    rusqlite::Connection::open(phone.dir().join("phoenix.db"))
        .unwrap()
        .execute(
            "UPDATE unlock_attempts SET failures = 0, next_attempt_ms = 0, next_attempt_boot_ms = NULL",
            [],
        )
        .unwrap();
    let phone = phone.switch_on();
    let ScreenView::Locked(lock) = phone.view().screen else {
        panic!()
    };
    // Not "no wait": the longest one, as the next attempt is held to.
    assert_eq!(
        lock.throttle_message.as_deref(),
        Some("Too many attempts. Try again in 900 seconds.")
    );
    let view = phone.send(Event::Unlock {
        passcode: PASSCODE.into(),
    });
    assert_eq!(
        view.problem.as_deref(),
        Some("Too many attempts. Try again in 900 seconds.")
    );
}

#[test]
fn the_app_locks_itself_after_the_chosen_idle_time() {
    let phone = Phone::new();
    set_up(&phone);
    phone.send(Event::Settings(SettingsEvent::SetAutoLockMinutes(2)));
    phone.advance(60_000);
    assert!(matches!(
        phone.send(Event::Navigate(Screen::Goals)).screen,
        ScreenView::Goals(_)
    ));
    phone.advance(121_000);
    assert!(matches!(
        phone.send(Event::Resumed).screen,
        ScreenView::Locked(_)
    ));
}

#[test]
fn biometric_unlock_goes_through_the_platform_keystore() {
    let phone = Phone::new();
    set_up(&phone);
    let keystore = phone.host();
    let (create, _) = phone
        .requests(Event::Settings(SettingsEvent::EnableBiometrics))
        .platform_key();
    let key = vec![9u8; 32];
    keystore
        .resolve_platform_key(create, PlatformKeyOutput::Key(key.clone()))
        .unwrap();
    phone.send(Event::Lock);
    let (read, _) = phone.requests(Event::UnlockWithBiometrics).platform_key();
    // Answering twice, or an unknown id, is a typed error.
    keystore
        .resolve_platform_key(read, PlatformKeyOutput::Key(key))
        .unwrap();
    assert_eq!(
        keystore.resolve_platform_key(read, PlatformKeyOutput::Unavailable),
        Err(HostError::UnknownEffect)
    );
    assert!(matches!(phone.view().screen, ScreenView::Today(_)));

    // Turned off: the keystore is told to delete its key, and a copy of the
    // old key no longer opens the vault; the passcode still does.
    let ScreenView::Settings(settings) = phone.send(Event::Navigate(Screen::Settings)).screen
    else {
        panic!("settings")
    };
    assert!(settings.biometrics_enabled);
    let requests = phone.requests(Event::Settings(SettingsEvent::DisableBiometrics));
    let (delete, operation) = requests.platform_key();
    assert_eq!(
        operation,
        PlatformKeyOperation::Delete,
        "asks the keystore to delete the key"
    );
    keystore
        .resolve_platform_key(delete, PlatformKeyOutput::Deleted)
        .unwrap();
    let ScreenView::Settings(settings) = phone.view().screen else {
        panic!("settings")
    };
    assert!(!settings.biometrics_enabled);
    phone.send(Event::Lock);
    let (read, _) = phone.requests(Event::UnlockWithBiometrics).platform_key();
    keystore
        .resolve_platform_key(read, PlatformKeyOutput::Key(vec![9u8; 32]))
        .unwrap();
    let view = phone.view();
    assert!(matches!(view.screen, ScreenView::Locked(_)), "{view:?}");
    assert!(view.problem.is_some());
    phone.unlock();
    assert!(matches!(phone.view().screen, ScreenView::Today(_)));
}

#[test]
fn malformed_bytes_are_a_typed_error_and_change_nothing() {
    let phone = Phone::new();
    let before = phone.view();
    for bytes in [
        &[][..],
        &[0xff, 0xff, 0xff, 0xff][..],
        &[200, 0, 0, 0, 1, 2, 3][..],
    ] {
        assert_eq!(phone.host().update_bytes(bytes), Err(HostError::Malformed));
    }
    assert_eq!(
        phone.host().resolve_bytes(4242, &[0]),
        Err(HostError::UnknownEffect)
    );
    assert_eq!(phone.view(), before);
    assert!(!phone.host().view_bytes().unwrap().is_empty());
}

#[test]
fn after_a_crash_in_an_event_handler_the_app_is_locked_and_works_again() {
    let phone = Phone::participant();
    phone.send_ok(Event::Goals(GoalEvent::Add {
        title: "Call my sister on Sundays".into(),
        dimension: Dimension::Community,
        why: String::new(),
        target: None,
    }));
    let goals = phone.send_ok(Event::Navigate(Screen::Goals));
    let mut panic = Vec::new();
    BincodeFfiFormat::serialize(&mut panic, &Event::PanicForTest).unwrap();

    assert_eq!(phone.host().update_bytes(&panic), Err(HostError::Internal));
    assert!(
        matches!(phone.view().screen, ScreenView::Locked(_)),
        "the data left memory with the keys"
    );
    phone.unlock();
    assert_eq!(phone.send_ok(Event::Navigate(Screen::Goals)), goals);
}

#[test]
fn days_follow_the_participants_calendar_across_midnight_and_dst() {
    // 2026-03-07 23:30 in New York (EST, UTC-5) = 2026-03-08 04:30 UTC.
    let phone = Phone::with(Setup {
        now_ms: 1_772_944_200_000,
        ..Setup::default()
    });
    set_up(&phone);
    phone.send(Event::Settings(SettingsEvent::SetAutoLockMinutes(60)));
    let view = phone.send(Event::SetRecoveryDate("2026-03-07".into()));
    assert_eq!(view.today().recovery.as_ref().unwrap().current_days, 0);
    // 45 minutes later it is 00:15 on the 8th in New York: day 1.
    phone.keep_using_for(45 * 60_000);
    let view = phone.send(Event::Resumed);
    assert_eq!(
        view.today().recovery.as_ref().unwrap().days_label,
        "Current stretch: 1 day"
    );
    // Clocks spring forward at 02:00 on the 8th: that day has 23 hours. At
    // 23:30 EDT on the 8th (22h15 of real time later) it is still day 1;
    // 31 minutes later, day 2.
    phone.keep_using_for(22 * 60 * 60_000 + 15 * 60_000);
    assert_eq!(
        phone
            .send(Event::Resumed)
            .today()
            .recovery
            .as_ref()
            .unwrap()
            .current_days,
        1
    );
    phone.keep_using_for(31 * 60_000);
    assert_eq!(
        phone
            .send(Event::Resumed)
            .today()
            .recovery
            .as_ref()
            .unwrap()
            .current_days,
        2
    );
}

/// Every screen, in English and in Spanish, from the same data: no text
/// the core produces may read the same in both (what the participant typed,
/// numbers, dates, links and names are language-neutral and allowed).
#[test]
fn spanish_view_models_have_no_english_left() {
    let phone = Phone::new();
    set_up(&phone);
    phone.send(Event::SetRecoveryDate("2026-01-31".into()));
    phone.send(Event::Triggers(TriggerEvent::AddTrigger {
        category: TriggerKind::Feelings,
        name: "soledad".into(),
    }));
    phone.send(Event::Goals(GoalEvent::Add {
        title: "trabajo".into(),
        dimension: Dimension::Purpose,
        why: String::new(),
        target: None,
    }));
    // Participant text, names of languages, and words spelled alike in both.
    let participant_text = ["soledad", "trabajo", "Phoenix", "English", "Español", "No"];
    let neutral = |text: &str| {
        participant_text.contains(&text)
            || text.chars().all(|c| !c.is_alphabetic())
            || text.starts_with("tel:")
            || text.starts_with("sms:")
    };
    let screens = [
        Screen::Today,
        Screen::Goals,
        Screen::Triggers,
        Screen::CheckIn,
        Screen::Trends,
        Screen::Aftercare,
        Screen::SafetyPlan,
        Screen::Contact,
        Screen::Settings,
    ];
    let texts = |language: Language| -> Vec<Vec<String>> {
        phone.send(Event::Settings(SettingsEvent::SetLanguage(Some(language))));
        let mut all: Vec<Vec<String>> = screens
            .iter()
            .map(|screen| {
                shown_text(&serde_json::to_value(phone.send(Event::Navigate(*screen))).unwrap())
            })
            .collect();
        phone.send(Event::Triggered(FlowEvent::Start));
        all.push(shown_text(&serde_json::to_value(phone.view()).unwrap()));
        phone.send(Event::Triggered(FlowEvent::Cancel));
        all
    };
    let english = texts(Language::English);
    let spanish = texts(Language::Spanish);
    for (english, spanish) in english.iter().zip(&spanish) {
        for text in spanish.iter().filter(|text| !neutral(text)) {
            assert!(!english.contains(text), "untranslated: {text:?}");
        }
    }
    let view = phone.send(Event::Navigate(Screen::Today));
    assert_eq!(view.help.im_triggered, "Estoy en un momento difícil");
    assert_eq!(
        view.today().recovery.as_ref().unwrap().days_label,
        "Racha actual: 30 días"
    );
    // The lock screen follows the device (here English) until unlocked.
    phone.send(Event::Lock);
    assert!(matches!(phone.view().screen, ScreenView::Locked(_)));
}

/// Every string a shell would show: values, not field names, and not the
/// enum values shells switch on (which screen, which kind, which language).
fn shown_text(value: &serde_json::Value) -> Vec<String> {
    const IDENTIFIERS: [&str; 9] = [
        "screen",
        "starter",
        "kind",
        "dimension",
        "status",
        "step",
        "language",
        "value",
        "recovery_focus",
    ];
    match value {
        serde_json::Value::String(text) => vec![text.clone()],
        serde_json::Value::Array(items) => items.iter().flat_map(shown_text).collect(),
        // `item` is what a choice sends back (a `ShareItem`), never shown.
        serde_json::Value::Object(fields) => fields
            .iter()
            .filter(|(name, _)| name.as_str() != "item")
            .filter(|(name, value)| !(value.is_string() && IDENTIFIERS.contains(&name.as_str())))
            .flat_map(|(_, value)| shown_text(value))
            .collect(),
        _ => Vec::new(),
    }
}

/// Copies the vault's files (the database and its write-ahead log) into `to`.
fn copy_vault(from: &std::path::Path, to: &std::path::Path) -> std::path::PathBuf {
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
    to.join("phoenix.db")
}

#[test]
fn the_vault_opens_through_this_phones_device_key_and_a_copy_elsewhere_does_not() {
    let phone = Phone::participant();
    assert!(
        phone.device_key().exists(),
        "choosing the passcode made the device key"
    );
    phone.send_ok(Event::Goals(GoalEvent::Add {
        title: "Walk daily".into(),
        dimension: Dimension::Health,
        why: String::new(),
        target: None,
    }));
    let phone = phone.restart();
    phone.unlock();
    let off = phone.switch_off();
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = copy_vault(off.dir(), elsewhere.path());
    let passcode = || Passcode::new(PASSCODE);
    assert_eq!(
        Vault::unlock(&copy, &Credential::Passcode(passcode()), 0).unwrap_err(),
        VaultError::NoPlatformKey,
        "the passcode alone is not even tried"
    );
    let on_this_phone = Credential::PasscodeOnDevice(passcode(), off.device_key().device_secret());
    let vault = Vault::unlock(&copy, &on_this_phone, 0).unwrap();
    assert!(!vault.load_all().unwrap().records.is_empty());
    drop(vault);
    // Another phone's key: the attempt counter is not this phone's (the
    // longest wait), and after it the right passcode still does not open.
    let on_another_phone = || {
        let another_phone = shared::testing::DeviceKey::default();
        Credential::PasscodeOnDevice(passcode(), another_phone.device_secret())
    };
    refused_on_another_phone(&copy, &on_another_phone());
}

/// The copy `at` with `credential` (the right passcode, another phone's
/// key): the longest wait first, then a wrong credential.
fn refused_on_another_phone(at: &std::path::Path, credential: &Credential) {
    assert_eq!(
        Vault::unlock(at, credential, 0).unwrap_err(),
        VaultError::Throttled {
            retry_after_secs: 900
        },
        "the counter carries another phone's MAC"
    );
    assert_eq!(
        Vault::unlock(at, credential, 900_000).unwrap_err(),
        VaultError::WrongCredential,
        "the right passcode with another phone's key"
    );
}

#[test]
fn erase_destroys_the_device_key_before_the_files_and_a_copy_from_before_stays_shut() {
    let phone = Phone::participant();
    let before = tempfile::tempdir().unwrap();
    let copy = copy_vault(phone.dir(), before.path());
    let requests = phone.requests(Event::EraseEverything);
    let destroy = requests
        .iter()
        .find(|r| r.effect == ShellEffect::PlatformKey(PlatformKeyOperation::DestroyDeviceKey))
        .expect("the keystore is asked to destroy the device key")
        .id;
    assert!(
        Vault::exists(phone.dir().join("phoenix.db")),
        "nothing is deleted before the keystore answers"
    );
    assert!(phone.device_key().exists());
    phone.device_key().destroy();
    phone
        .host()
        .resolve_platform_key(destroy, PlatformKeyOutput::Deleted)
        .unwrap();
    assert!(!Vault::exists(phone.dir().join("phoenix.db")));
    assert!(matches!(phone.view().screen, ScreenView::FirstRun(_)));
    // This phone's key now, whatever the keystore makes next.
    let now =
        Credential::PasscodeOnDevice(Passcode::new(PASSCODE), phone.device_key().device_secret());
    refused_on_another_phone(&copy, &now);
}

#[test]
fn a_keystore_that_cannot_answer_shows_a_problem_and_loses_nothing() {
    let phone = Phone::new();
    phone.device_key().set_unavailable(true);
    let view = phone.send(Event::SetPasscode {
        passcode: PASSCODE.into(),
        confirmation: PASSCODE.into(),
    });
    assert!(matches!(view.screen, ScreenView::FirstRun(_)), "{view:?}");
    assert_eq!(
        view.problem.as_deref(),
        Some("This device's secure key store did not answer. Nothing was changed. Try again.")
    );
    assert!(!view.busy, "{view:?}");
    phone.device_key().set_unavailable(false);
    phone.choose_passcode();
    phone.send_ok(Event::SetRecoveryDate("2026-01-31".into()));
    phone.send(Event::Lock);

    phone.device_key().set_unavailable(true);
    let view = phone.send(Event::Unlock {
        passcode: PASSCODE.into(),
    });
    assert!(matches!(view.screen, ScreenView::Locked(_)), "{view:?}");
    assert!(view.problem.is_some_and(|p| p.contains("did not answer")));
    phone.device_key().set_unavailable(false);
    let throttle = Vault::throttle_status(phone.dir().join("phoenix.db"), i64::MAX).unwrap();
    assert_eq!(throttle.failed_attempts, 0, "not a wrong passcode");
    phone.unlock();
    let phone = phone.restart();
    assert!(matches!(phone.unlock().screen, ScreenView::Today(_)));
}

#[test]
fn a_vault_from_before_the_device_key_moves_to_it_on_the_next_passcode_unlock() {
    let phone = Phone::new();
    let path = phone.dir().join("phoenix.db");
    drop(Vault::create(&path, &Passcode::new(PASSCODE)).unwrap());
    let phone = phone.restart();
    phone.unlock();
    drop(phone.send(Event::Lock));
    assert_eq!(
        Vault::unlock(&path, &Credential::Passcode(Passcode::new(PASSCODE)), 0).unwrap_err(),
        VaultError::NoPlatformKey,
        "the wrap now needs this phone's device key"
    );
}
