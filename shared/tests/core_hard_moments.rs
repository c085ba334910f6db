//! The flows a participant reaches for in a hard moment, through the real
//! host with a real vault on disk: help that works while "I'm triggered"
//! is open, honest craving ratings, a check-in that reopens as saved, a
//! kind answer to a lapse, the lock screen in the chosen language, saves
//! that are confirmed, errors at their field, a safety plan to use now,
//! Contact my peer without a specialist, and a calendar file other
//! programs read.

use shared::app::{Event, SettingsEvent};
use shared::host::ShellEffect;
use shared::i18n::Language;
use shared::model::Screen;
use shared::model::aftercare::{AftercareEvent, AppointmentForm};
use shared::model::checkin::CheckInForm;
use shared::model::contact::{ContactEvent, ContactWay, SpecialistForm};
use shared::model::goals::GoalEvent;
use shared::model::records::{Dimension, Halt, TriggerKind};
use shared::model::safety::{Person, SafetyPlan};
use shared::model::triggers::{FlowEvent, FlowStep, TriggerEvent};
use shared::view::{ScreenView, TriggeredView, ViewModel};

use shared::testing::{Phone, START_MS, Screens};

/// What these tests do again and again, on the shared phone.
trait HardMoments {
    fn flow(&self, event: FlowEvent) -> TriggeredView;
    fn add_trigger_and_strategy(&self) -> (u64, u64);
    fn set_specialist(&self, preferred: ContactWay);
}

impl HardMoments for Phone {
    fn flow(&self, event: FlowEvent) -> TriggeredView {
        match self.send_ok(Event::Triggered(event)).screen {
            ScreenView::Triggered(flow) => flow,
            other => panic!("expected the flow, got {other:?}"),
        }
    }

    fn add_trigger_and_strategy(&self) -> (u64, u64) {
        self.send_ok(Event::Triggers(TriggerEvent::AddTrigger {
            category: TriggerKind::Times,
            name: "Payday".into(),
        }));
        let ScreenView::Triggers(view) = self.send_ok(Event::Navigate(Screen::Triggers)).screen
        else {
            panic!()
        };
        let trigger = view.triggers[0].id;
        self.send_ok(Event::Triggers(TriggerEvent::AddStrategy {
            name: "Walk the long way home".into(),
            triggers: vec![trigger],
        }));
        let ScreenView::Triggers(view) = self.view().screen else {
            panic!()
        };
        (trigger, view.strategies[0].id)
    }

    fn set_specialist(&self, preferred: ContactWay) {
        self.send_ok(Event::Contact(ContactEvent::SetSpecialist(
            SpecialistForm {
                name: "Dana".into(),
                organization: String::new(),
                phone: "(555) 010-2030".into(),
                email: String::new(),
                hours: vec![],
                preferred,
            },
        )));
    }
}

fn urls(links: &[shared::view::triggered::LinkItem]) -> Vec<&str> {
    links.iter().map(|link| link.url.as_str()).collect()
}

#[test]
fn still_high_the_panel_holds_people_and_its_buttons_take_the_participant_there_at_once() {
    let phone = Phone::participant();
    let (trigger, walk) = phone.add_trigger_and_strategy();
    phone.set_specialist(ContactWay::Text);

    phone.flow(FlowEvent::Start);
    phone.flow(FlowEvent::ChooseTrigger(trigger));
    phone.flow(FlowEvent::RateBefore(9));
    phone.flow(FlowEvent::Tried {
        strategy: walk,
        tried: true,
    });
    let flow = phone.flow(FlowEvent::RateAfter(8));
    assert_eq!(flow.step, FlowStep::Done { still_high: true });
    let panel = flow
        .reach_out
        .expect("people to reach, in the panel itself");
    // The peer prefers a text: Text first, then Call.
    assert_eq!(
        urls(&panel.peer),
        [
            "sms:5550102030?body=Can%20you%20call%20me%3F",
            "tel:5550102030"
        ]
    );
    assert_eq!(urls(&panel.crisis), ["tel:988", "sms:988"]);
    assert_eq!(
        flow.try_another_label.as_deref(),
        Some("Try another strategy")
    );

    // "Contact my peer" (the panel's or the header's) opens it at once.
    let view = phone.send_ok(Event::Navigate(Screen::Contact));
    assert!(matches!(view.screen, ScreenView::Contact(_)), "{view:?}");
    assert!(view.navigation.iter().any(|item| item.current));

    // So does the safety plan, and the navigation, from the middle of the flow.
    phone.flow(FlowEvent::Start);
    phone.flow(FlowEvent::ChooseTrigger(trigger));
    let view = phone.send_ok(Event::Navigate(Screen::SafetyPlan));
    assert!(matches!(view.screen, ScreenView::SafetyPlan(_)), "{view:?}");
    let view = phone.send_ok(Event::Navigate(Screen::Goals));
    assert!(matches!(view.screen, ScreenView::Goals(_)), "{view:?}");
}

#[test]
fn try_another_strategy_goes_back_to_the_strategies_from_the_last_rating() {
    let phone = Phone::participant();
    let (trigger, walk) = phone.add_trigger_and_strategy();
    phone.flow(FlowEvent::Start);
    phone.flow(FlowEvent::ChooseTrigger(trigger));
    phone.flow(FlowEvent::RateBefore(9));
    phone.flow(FlowEvent::Tried {
        strategy: walk,
        tried: true,
    });
    phone.flow(FlowEvent::RateAfter(8));
    let flow = phone.flow(FlowEvent::TryAnother);
    assert_eq!(flow.step, FlowStep::Cope);
    assert_eq!(flow.rating_start, 8);
    assert!(flow.strategies.iter().all(|s| !s.tried));
}

#[test]
fn the_second_rating_starts_at_the_first_and_an_unmoved_rating_credits_nothing() {
    let phone = Phone::participant();
    let (trigger, walk) = phone.add_trigger_and_strategy();
    phone.flow(FlowEvent::Start);
    assert_eq!(
        phone.flow(FlowEvent::ChooseTrigger(trigger)).rating_start,
        5
    );
    let flow = phone.flow(FlowEvent::RateBefore(6));
    assert_eq!(flow.rating_start, 6, "not 5, whatever the first rating was");
    // Nothing helped before: no "These have helped you before".
    assert_eq!(
        flow.prompt,
        "Pick something to try, then rate the craving again."
    );
    assert!(flow.strategies.iter().all(|s| !s.helped));
    phone.flow(FlowEvent::Tried {
        strategy: walk,
        tried: true,
    });
    // Saved where it started: no drop, so no "You got through it".
    let flow = phone.flow(FlowEvent::RateAfter(flow.rating_start));
    assert_ne!(flow.prompt, "Saved. You got through it.");
    assert!(flow.prompt.starts_with("Saved."), "{}", flow.prompt);
    phone.send_ok(Event::Triggered(FlowEvent::Cancel));

    let ScreenView::Triggers(view) = phone.send_ok(Event::Navigate(Screen::Triggers)).screen else {
        panic!()
    };
    assert!(
        view.triggers[0].insight.is_empty(),
        "the strategy is not credited: {:?}",
        view.triggers[0].insight
    );
    phone.flow(FlowEvent::Start);
    phone.flow(FlowEvent::ChooseTrigger(trigger));
    let flow = phone.flow(FlowEvent::RateBefore(9));
    assert!(!flow.strategies[0].helped);
    assert!(
        !flow.prompt.contains("helped you before"),
        "{}",
        flow.prompt
    );

    // A real drop is credited, and then it has helped before.
    phone.flow(FlowEvent::Tried {
        strategy: walk,
        tried: true,
    });
    assert_eq!(
        phone.flow(FlowEvent::RateAfter(4)).prompt,
        "Saved. You got through it."
    );
    phone.send_ok(Event::Triggered(FlowEvent::Cancel));
    phone.flow(FlowEvent::Start);
    phone.flow(FlowEvent::ChooseTrigger(trigger));
    let flow = phone.flow(FlowEvent::RateBefore(7));
    assert!(flow.strategies[0].helped);
    assert!(flow.prompt.contains("helped you before"), "{}", flow.prompt);
}

#[test]
fn with_an_empty_toolbox_the_flow_offers_the_built_in_ideas_and_people() {
    let phone = Phone::participant();
    phone.flow(FlowEvent::Start);
    phone.flow(FlowEvent::Halt(Halt {
        lonely: true,
        ..Halt::default()
    }));
    let flow = phone.flow(FlowEvent::RateBefore(8));
    assert!(flow.strategies.is_empty());
    assert!(
        !flow.prompt.contains("helped you before"),
        "{}",
        flow.prompt
    );
    assert_eq!(flow.ideas_heading.as_deref(), Some("Ideas to try"));
    assert!(flow.ideas.contains(&"Slow breathing".to_owned()));
    let panel = flow.reach_out.expect("the help buttons");
    assert!(panel.peer.is_empty(), "no peer number yet");
    assert_eq!(urls(&panel.crisis), ["tel:988", "sms:988"]);
}

#[test]
fn todays_check_in_reopens_with_every_answer_exactly_as_saved() {
    let phone = Phone::participant();
    let (trigger, walk) = phone.add_trigger_and_strategy();
    let form = CheckInForm {
        mood: 2,
        craving: 7,
        halt: Halt {
            hungry: true,
            angry: false,
            lonely: true,
            tired: true,
        },
        sleep_hours: "5".into(),
        used_today: Some(true),
        triggers: vec![trigger],
        strategies: vec![walk],
        note: "Rough day at work".into(),
    };
    phone.send_ok(Event::CheckIn(form.clone()));
    let check_in = |view: ViewModel| match view.screen {
        ScreenView::CheckIn(view) => view,
        other => panic!("{other:?}"),
    };
    phone.send_ok(Event::Navigate(Screen::Today));
    let view = check_in(phone.send_ok(Event::Navigate(Screen::CheckIn)));
    assert_eq!(view.saved.as_ref(), Some(&form), "every field, as saved");
    assert_eq!(
        view.offer_triggered.as_deref(),
        Some("That's a strong craving. Want to work through it now?")
    );

    // After a restart, from the vault: the same answers.
    let phone = phone.restart();
    phone.unlock();
    let view = check_in(phone.send_ok(Event::Navigate(Screen::CheckIn)));
    assert_eq!(view.saved.as_ref(), Some(&form));

    // The other answers, each changed once, round-trip too.
    let changed = CheckInForm {
        mood: 5,
        craving: 5,
        halt: Halt::default(),
        sleep_hours: String::new(),
        used_today: None,
        triggers: vec![],
        strategies: vec![],
        note: String::new(),
    };
    phone.send_ok(Event::CheckIn(changed.clone()));
    let view = check_in(phone.send_ok(Event::Navigate(Screen::CheckIn)));
    assert_eq!(view.saved.as_ref(), Some(&changed));
    assert_eq!(view.offer_triggered, None, "5 is below the offer");
    phone.send_ok(Event::CheckIn(CheckInForm {
        craving: 6,
        used_today: Some(false),
        ..changed
    }));
    let view = check_in(phone.send_ok(Event::Navigate(Screen::CheckIn)));
    assert!(view.offer_triggered.is_some(), "6 offers I'm triggered");
    assert_eq!(view.saved.unwrap().used_today, Some(false));
}

#[test]
fn recording_a_lapse_says_something_kind_and_keeps_the_total_and_people_in_reach() {
    let phone = Phone::participant();
    phone.send_ok(Event::SetRecoveryDate("2026-01-31".into()));
    let view = phone.send_ok(Event::RecordLapse {
        date: "2026-03-01".into(),
        context: String::new(),
    });
    let today = view.today();
    let response = today.lapse_response.as_ref().expect("a kind answer");
    assert!(response.message.starts_with("Thank you for being honest."));
    assert_eq!(
        response.total_days.as_deref(),
        Some("Total days in recovery: 29. A lapse does not erase them.")
    );
    assert_eq!(response.contact_peer_label, "Contact my peer");
    assert_eq!(response.safety_plan_label, "My safety plan");
    assert_eq!(view.status.as_deref(), Some(response.message.as_str()));
    // Moving on clears it.
    let view = phone.send_ok(Event::Navigate(Screen::Today));
    let today = view.today();
    assert_eq!(today.lapse_response, None);
}

fn lock_heading(view: &ViewModel) -> &str {
    match &view.screen {
        ScreenView::Locked(lock) => &lock.heading,
        other => panic!("expected the lock screen, got {other:?}"),
    }
}

#[test]
fn the_language_chosen_in_settings_reaches_the_lock_screen_even_after_a_restart() {
    let phone = Phone::participant();
    phone.send_ok(Event::Settings(SettingsEvent::SetLanguage(Some(
        Language::Spanish,
    ))));
    let view = phone.send_ok(Event::Lock);
    assert_eq!(view.language, Language::Spanish);
    assert_eq!(lock_heading(&view), "Escribe tu código");
    assert_eq!(view.help.crisis_label, "Llama o escribe al 988");

    // A restart on an English device: still Spanish before the passcode.
    let path = phone.dir().join("phoenix.db");
    let restarted = phone.restart();
    assert_eq!(lock_heading(&restarted.view()), "Escribe tu código");

    // Only the language is kept outside the encrypted data.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut meta: Vec<(String, String)> = conn
        .prepare("SELECT key, value FROM meta ORDER BY key")
        .unwrap()
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    meta.retain(|(key, _)| key != "format");
    assert_eq!(meta, [("language".to_owned(), "es".to_owned())]);
    drop(conn);

    // Back to following the device: the lock screen follows it too.
    restarted.unlock();
    restarted.send_ok(Event::Settings(SettingsEvent::SetLanguage(None)));
    let view = restarted.send_ok(Event::Lock);
    assert_eq!(lock_heading(&view), "Enter your passcode");
}

#[test]
fn every_save_is_confirmed_and_points_at_the_new_item() {
    let phone = Phone::participant();
    let view = phone.send_ok(Event::Goals(GoalEvent::Add {
        title: "Get my license back".into(),
        dimension: Dimension::Purpose,
        why: String::new(),
        target: None,
    }));
    assert_eq!(view.status.as_deref(), Some("Saved."));
    let ScreenView::Today(_) = view.screen else {
        panic!()
    };
    let view = phone.send_ok(Event::Navigate(Screen::Goals));
    assert_eq!(view.status, None, "the confirmation belongs to the save");
    let view = phone.send_ok(Event::Goals(GoalEvent::Add {
        title: "Walk daily".into(),
        dimension: Dimension::Health,
        why: String::new(),
        target: None,
    }));
    let goals = view.goals();
    let new = goals
        .goals
        .iter()
        .find(|g| g.title == "Walk daily")
        .unwrap();
    assert_eq!(view.new_item, Some(new.id));
    assert_eq!(view.status.as_deref(), Some("Saved."));
    // Editing saves confirm too, without a new item.
    let view = phone.send_ok(Event::Settings(SettingsEvent::SetDiscreet(true)));
    assert_eq!(view.status.as_deref(), Some("Saved."));
    assert_eq!(view.new_item, None);
}

#[test]
fn an_error_names_the_field_it_belongs_to() {
    let phone = Phone::participant();
    phone.requests(Event::Aftercare(AftercareEvent::SaveAppointment {
        id: None,
        appointment: AppointmentForm {
            title: "   ".into(),
            at: "2026-03-04T10:00".into(),
            place: String::new(),
            remind_minutes_before: None,
        },
    }));
    let view = phone.view();
    assert!(view.problem.is_some());
    assert_eq!(view.problem_field.as_deref(), Some("appointment-title"));
    assert_eq!(view.status, None, "nothing was saved");
    phone.requests(Event::SetRecoveryDate("next week".into()));
    assert_eq!(phone.view().problem_field.as_deref(), Some("recovery-date"));
    // A problem of the whole screen has no field.
    phone.requests(Event::Goals(GoalEvent::CompleteStep(999)));
    let view = phone.view();
    assert!(view.problem.is_some());
    assert_eq!(view.problem_field, None);
}

#[test]
fn the_safety_plan_opens_to_use_now_people_as_call_buttons_crisis_and_reasons() {
    let phone = Phone::participant();
    let ScreenView::SafetyPlan(empty) = phone.send_ok(Event::Navigate(Screen::SafetyPlan)).screen
    else {
        panic!()
    };
    assert!(
        empty.use_now.empty_message.is_some(),
        "empty: opens to write it"
    );
    let view = phone.send_ok(Event::SafetyPlan(SafetyPlan {
        warning_signs: vec!["Not sleeping".into()],
        people_to_ask: vec![
            Person {
                name: "Aunt Rosa".into(),
                phone: "555 0110".into(),
            },
            Person {
                name: "No number".into(),
                phone: String::new(),
            },
        ],
        professionals: vec![Person {
            name: "Dr. Ruiz".into(),
            phone: "555-0199".into(),
        }],
        reasons_for_living: vec!["My daughter".into()],
        ..SafetyPlan::default()
    }));
    assert_eq!(
        view.status.as_deref(),
        Some("Saved."),
        "saving is confirmed"
    );
    let ScreenView::SafetyPlan(plan) = view.screen else {
        panic!()
    };
    let now = plan.use_now;
    assert_eq!(now.empty_message, None);
    let people: Vec<(&str, &str)> = now
        .people
        .iter()
        .map(|p| (p.label.as_str(), p.url.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("Call Aunt Rosa", "tel:5550110"),
            ("Call Dr. Ruiz", "tel:5550199")
        ]
    );
    assert_eq!(urls(&now.crisis), ["tel:988", "sms:988"]);
    assert_eq!(now.reasons, ["My daughter"]);
    assert_eq!(now.steps.len(), 1, "only the steps written");
}

#[test]
fn contact_my_peer_starts_with_adding_a_number_and_then_follows_the_preferred_way() {
    let phone = Phone::participant();
    let view = phone.send_ok(Event::Navigate(Screen::Contact));
    let contact = view.contact();
    assert_eq!(
        contact.reach.add_peer_heading.as_deref(),
        Some("Add your peer specialist's number")
    );
    assert_eq!(urls(&contact.reach.crisis), ["tel:988", "sms:988"]);
    assert_eq!(contact.reach.primary, None);

    phone.set_specialist(ContactWay::Text);
    let view = phone.send_ok(Event::Navigate(Screen::Contact));
    let contact = view.contact();
    assert_eq!(contact.reach.add_peer_heading, None);
    let primary = contact.reach.primary.as_ref().expect("a main button");
    assert_eq!(
        (primary.label.as_str(), primary.url.as_str()),
        ("Text Dana", "sms:5550102030")
    );
    assert_eq!(urls(&contact.reach.others), ["tel:5550102030"]);

    phone.set_specialist(ContactWay::Call);
    let view = phone.send_ok(Event::Navigate(Screen::Contact));
    let contact = view.contact();
    assert_eq!(
        contact.reach.primary.as_ref().unwrap().url,
        "tel:5550102030"
    );
}

#[test]
fn a_removed_starter_message_comes_back_with_undo() {
    let phone = Phone::participant();
    phone.set_specialist(ContactWay::Call);
    let texts = |view: ViewModel| match view.screen {
        ScreenView::Contact(contact) => contact
            .templates
            .into_iter()
            .map(|t| t.text)
            .collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    let before = texts(phone.send_ok(Event::Navigate(Screen::Contact)));
    phone.send_ok(Event::Contact(ContactEvent::DismissStarterTemplate(
        "template-call-me".into(),
    )));
    let removed = texts(phone.send_ok(Event::Navigate(Screen::Contact)));
    assert!(!removed.contains(&"Can you call me?".to_owned()));
    phone.send_ok(Event::Contact(ContactEvent::RestoreStarterTemplate(
        "template-call-me".into(),
    )));
    assert_eq!(
        texts(phone.send_ok(Event::Navigate(Screen::Contact))),
        before
    );
}

/// The exported calendar, read by an independent iCalendar parser.
#[test]
fn the_calendar_file_parses_and_its_stamp_is_utc() {
    let phone = Phone::participant();
    phone.send_ok(Event::Aftercare(AftercareEvent::SaveAppointment {
        id: None,
        appointment: AppointmentForm {
            title: "Intake, Dr. Ruiz; room 4".into(),
            at: "2026-03-04T14:30".into(),
            place: "Clinic".into(),
            remind_minutes_before: Some(60),
        },
    }));
    let requests = phone.requests(Event::ExportCalendar);
    let file = requests
        .iter()
        .find_map(|r| match &r.effect {
            ShellEffect::Share(file) => Some(file.clone()),
            _ => None,
        })
        .expect("a calendar to share");
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(file.bytes.as_slice()));
    let calendar = calendars.next().expect("one calendar").expect("it parses");
    assert!(calendars.next().is_none());
    let event = &calendar.events[0];
    let property = |name: &str| {
        event
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    // 2026-03-02 10:00 in New York is 15:00 UTC: the stamp is the UTC instant.
    assert_eq!(START_MS, 1_772_463_600_000);
    assert_eq!(property("DTSTAMP"), "20260302T150000Z");
    assert_eq!(property("DTSTART"), "20260304T143000");
    assert_eq!(property("SUMMARY"), "Intake\\, Dr. Ruiz\\; room 4");
    assert_eq!(event.alarms.len(), 1);
}

/// The words of a hard moment (issue 20), in both languages.
mod words_for_a_hard_moment {
    use super::*;
    use shared::model::settings::RecoveryFocus;
    use shared::testing::ShellRequests;

    const DAY_MS: i64 = 24 * shared::testing::HOUR_MS;

    fn spanish(phone: &Phone) -> ViewModel {
        phone.send_ok(Event::Settings(SettingsEvent::SetLanguage(Some(
            Language::Spanish,
        ))))
    }

    #[test]
    fn after_a_lapse_today_is_a_fresh_start_and_the_total_days_stay() {
        let phone = Phone::participant();
        phone.send_ok(Event::SetRecoveryDate("2026-02-20".into()));
        // Today is 2 March: a lapse today ends the stretch, not the total.
        let view = phone.send_ok(Event::RecordLapse {
            date: "2026-03-02".into(),
            context: String::new(),
        });
        let recovery = view.today().recovery.clone().expect("a recovery date");
        assert_eq!(recovery.days_label, "Today is a fresh start");
        assert_eq!(recovery.total_label, "Total days in recovery: 10");
        assert_eq!(
            recovery.next_milestone.as_deref(),
            Some("Next milestone: 1 day (2 days to go)")
        );
        let recovery = spanish(&phone).today().recovery.clone().unwrap();
        assert_eq!(recovery.days_label, "Hoy es un nuevo comienzo");
        assert_eq!(recovery.total_label, "Total de días en recuperación: 10");

        // The day after the lapse starts the new stretch; a day later it has
        // one day in it.
        phone.advance(2 * DAY_MS);
        phone.send(Event::Resumed);
        phone.unlock();
        phone.send_ok(Event::Settings(SettingsEvent::SetLanguage(None)));
        let view = phone.send_ok(Event::Navigate(Screen::Today));
        let recovery = view.today().recovery.clone().unwrap();
        assert_eq!(recovery.days_label, "Current stretch: 1 day");
        assert_eq!(recovery.total_label, "Total days in recovery: 11");
        assert_eq!(
            recovery.next_milestone.as_deref(),
            Some("Next milestone: 7 days (6 days to go)")
        );
    }

    #[test]
    fn the_crisis_line_says_call_or_text_and_in_spanish_how_to_reach_spanish() {
        let phone = Phone::participant();
        let view = phone.view();
        assert_eq!(view.help.crisis_label, "Call or text 988");
        assert_eq!(view.help.crisis_text_url, "sms:988");

        let view = spanish(&phone);
        assert_eq!(view.help.crisis_label, "Llama o escribe al 988");
        assert_eq!(view.help.crisis_text_url, "sms:988?body=AYUDA");
        let view = phone.send_ok(Event::Navigate(Screen::SafetyPlan));
        let ScreenView::SafetyPlan(plan) = &view.screen else {
            panic!("expected the safety plan, got {view:?}")
        };
        let labels: Vec<&str> = plan
            .use_now
            .crisis
            .iter()
            .map(|l| l.label.as_str())
            .collect();
        assert_eq!(
            labels,
            [
                "Llamar al 988 (menú en inglés: marca 2 para español)",
                "Escribir al 988 (empieza con AYUDA para recibir ayuda en español)"
            ]
        );
        assert_eq!(
            urls(&plan.use_now.crisis),
            ["tel:988", "sms:988?body=AYUDA"]
        );
        let opened = phone
            .requests(Event::Contact(ContactEvent::TextCrisisLine))
            .opened_url();
        assert_eq!(opened, "sms:988?body=AYUDA");

        // Another line does not take the Lifeline's keyword.
        phone.send_ok(Event::Settings(SettingsEvent::SetCrisisLine(
            "741741".into(),
        )));
        assert_eq!(phone.view().help.crisis_text_url, "sms:741741");
    }

    #[test]
    fn still_high_outside_the_specialists_hours_names_the_crisis_line() {
        let phone = Phone::participant();
        let (trigger, _) = phone.add_trigger_and_strategy();
        // No hours: the specialist may not answer now.
        phone.set_specialist(ContactWay::Call);
        phone.flow(FlowEvent::Start);
        phone.flow(FlowEvent::ChooseTrigger(trigger));
        phone.flow(FlowEvent::RateBefore(9));
        let flow = phone.flow(FlowEvent::RateAfter(9));
        assert_eq!(
            flow.still_high_message.as_deref(),
            Some(
                "Your peer specialist may not answer right now. If you feel unsafe or might \
                 hurt yourself, call or text 988 now."
            )
        );
    }

    #[test]
    fn secure_messages_say_they_are_not_for_emergencies() {
        let phone = Phone::participant();
        phone.send_ok(Event::Navigate(Screen::Contact));
        assert!(
            phone
                .messages()
                .intro
                .contains("This is not for emergencies: if you need help now, call or text 988."),
            "{}",
            phone.messages().intro
        );
        spanish(&phone);
        assert!(
            phone
                .messages()
                .intro
                .contains("Esto no es para emergencias")
        );
    }

    #[test]
    fn overdose_help_sits_beside_record_a_lapse_and_in_the_safety_plan_with_the_regions_number() {
        let phone = Phone::participant();
        let view = phone.send_ok(Event::SetRecoveryDate("2026-02-20".into()));
        let overdose = &view.today().overdose;
        assert_eq!(
            overdose.message,
            "If someone may have overdosed, call 911 and use naloxone (Narcan) if you have it."
        );
        assert_eq!(overdose.call.url, "tel:911");

        phone.send_ok(Event::Settings(SettingsEvent::SetEmergencyNumber(
            "112".into(),
        )));
        let view = phone.send_ok(Event::Navigate(Screen::SafetyPlan));
        let ScreenView::SafetyPlan(plan) = &view.screen else {
            panic!("expected the safety plan, got {view:?}")
        };
        assert!(plan.use_now.overdose.message.contains("call 112"));
        assert_eq!(plan.use_now.overdose.call.label, "Call 112");
        let opened = phone
            .requests(Event::Contact(ContactEvent::CallEmergency))
            .opened_url();
        assert_eq!(opened, "tel:112");
        assert!(
            phone
                .send(Event::Settings(SettingsEvent::SetEmergencyNumber(
                    "help".into()
                )))
                .problem
                .is_some()
        );
    }

    #[test]
    fn discreet_mode_never_names_the_app_on_the_lock_screen_or_after_a_wrong_passcode() {
        for language in [Language::English, Language::Spanish] {
            let phone = Phone::participant();
            phone.send_ok(Event::Settings(SettingsEvent::SetLanguage(Some(language))));
            phone.send_ok(Event::Settings(SettingsEvent::SetDiscreet(true)));
            let view = phone.send_ok(Event::Lock);
            assert!(!lock_heading(&view).contains("Phoenix"), "{view:?}");
            let view = phone.send(Event::Unlock {
                passcode: "not it".into(),
            });
            let problem = view.problem.expect("the wrong passcode is said");
            assert!(!problem.contains("Phoenix"), "{problem}");
        }
    }

    #[test]
    fn a_participant_in_mental_health_recovery_is_asked_about_urges_and_feelings() {
        let phone = Phone::participant();
        let view = phone.send_ok(Event::Navigate(Screen::Settings));
        let ScreenView::Settings(settings) = &view.screen else {
            panic!("expected settings, got {view:?}")
        };
        assert_eq!(
            settings.recovery_focus_label,
            "What is your recovery about?"
        );
        let offered: Vec<&str> = settings
            .recovery_focuses
            .iter()
            .map(|c| c.label.as_str())
            .collect();
        assert_eq!(offered, ["Substance use", "Mental health", "Both"]);
        assert_eq!(settings.recovery_focus, RecoveryFocus::SubstanceUse);

        phone.send_ok(Event::Settings(SettingsEvent::SetRecoveryFocus(
            RecoveryFocus::MentalHealth,
        )));
        let phone = phone.restart();
        phone.unlock();
        phone.flow(FlowEvent::Start);
        let flow = phone.flow(FlowEvent::Halt(Halt {
            lonely: true,
            ..Halt::default()
        }));
        assert_eq!(flow.prompt, "How strong is this urge or feeling?");
        assert_eq!(flow.craving_label, "Urge or feeling (0 to 10)");
        phone.send_ok(Event::Triggered(FlowEvent::Cancel));
        let contact = phone.send_ok(Event::Navigate(Screen::Contact));
        let templates: Vec<&str> = contact
            .contact()
            .templates
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        assert!(
            templates.contains(&"I'm having a hard time right now."),
            "{templates:?}"
        );

        spanish(&phone);
        phone.flow(FlowEvent::Start);
        let flow = phone.flow(FlowEvent::Halt(Halt {
            lonely: true,
            ..Halt::default()
        }));
        assert_eq!(
            flow.prompt,
            "¿Qué tan fuerte es este impulso o sentimiento?"
        );
    }

    #[test]
    fn dates_are_typed_year_month_day_and_shown_in_words() {
        let phone = Phone::participant();
        let view = phone.send(Event::SetRecoveryDate("31/01/2026".into()));
        assert_eq!(
            view.problem.as_deref(),
            Some(
                "Please write the date as year-month-day, like 2026-01-31. It cannot be in the future."
            )
        );
        assert_eq!(view.words.date_hint, "Year-month-day, like 2026-01-31.");
        phone.send_ok(Event::Goals(GoalEvent::Add {
            title: "Get my license back".into(),
            dimension: Dimension::Purpose,
            why: String::new(),
            target: Some("2026-07-04".into()),
        }));
        let view = phone.send_ok(Event::Navigate(Screen::Goals));
        assert_eq!(
            view.goals().goals[0].target.as_deref(),
            Some("July 4, 2026")
        );
        spanish(&phone);
        let view = phone.send_ok(Event::Navigate(Screen::Goals));
        assert_eq!(
            view.goals().goals[0].target.as_deref(),
            Some("4 de julio de 2026")
        );
    }

    #[test]
    fn the_spanish_barc_score_says_it_is_our_own_translation() {
        let phone = Phone::participant();
        phone.send_ok(Event::RecoveryCapital(vec![4; 10]));
        spanish(&phone);
        let ScreenView::CheckIn(check_in) = phone.send_ok(Event::Navigate(Screen::CheckIn)).screen
        else {
            panic!("expected the check-in")
        };
        assert_eq!(
            check_in.barc_last_score.as_deref(),
            Some(
                "Último resultado: 40 de 60. Estas preguntas en español son una traducción \
                 nuestra, no una versión validada."
            )
        );
    }
}
