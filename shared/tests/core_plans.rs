//! Aftercare, safety plan, Contact my peer, reminders, backups and a month
//! of use, through the real host with a real vault on disk.

use shared::app::{Event, SettingsEvent};
use shared::host::{HostError, ShellEffect};
use shared::model::Screen;
use shared::model::aftercare::{
    AftercareEvent, AftercarePlan, AppointmentForm, Document, DocumentKind, DocumentStatus,
    MeetingForm, Referral, ReferralStatus, ServiceCategory, SupportContact,
};
use shared::model::checkin::CheckInForm;
use shared::model::contact::{ContactEvent, ContactWay, HoursForm, SpecialistForm};
use shared::model::goals::GoalEvent;
use shared::model::records::{Dimension, Halt};
use shared::model::safety::{Person, SafetyPlan};
use shared::model::when::Day;
use shared::testing::{HOUR_MS, Phone, Screens, ShellRequests};
use shared::view::{ScreenView, ViewModel};

fn document(kind: DocumentKind, needs_first: Vec<u64>) -> Document {
    Document {
        kind,
        name: String::new(),
        status: DocumentStatus::Needed,
        needs_first,
    }
}

/// A story, told in order: it is long on purpose.
#[allow(clippy::too_many_lines)]
#[test]
fn the_aftercare_plan_tracks_prerequisites_and_exports_a_document_and_a_calendar() {
    let phone = Phone::participant();
    phone.send_ok(Event::Aftercare(AftercareEvent::SaveReferral {
        id: None,
        referral: Referral {
            category: ServiceCategory::RecoveryResidence,
            organization: "Harbor House".into(),
            contact: "555-0140".into(),
            address: "12 Pier St".into(),
            hours: "Mon–Fri 9–5".into(),
            status: ReferralStatus::Waitlisted,
            notes: "Ask for Ms. Lee; bring ID".into(),
        },
    }));
    phone.send_ok(Event::Aftercare(AftercareEvent::SaveDocument {
        id: None,
        document: document(DocumentKind::BirthCertificate, vec![]),
    }));
    let view = phone
        .send_ok(Event::Navigate(Screen::Aftercare))
        .aftercare()
        .clone();
    // The referral's number is one tap away in every shell.
    assert_eq!(view.referrals[0].call_url.as_deref(), Some("tel:5550140"));
    let birth = view.documents[0].id;
    phone.send_ok(Event::Aftercare(AftercareEvent::SaveDocument {
        id: None,
        document: document(DocumentKind::SocialSecurityCard, vec![birth]),
    }));
    let view = phone.view().aftercare().clone();
    assert_eq!(view.documents[1].waiting_for, ["Birth certificate"]);
    // A document cannot need itself, even through another one.
    phone.requests(Event::Aftercare(AftercareEvent::SaveDocument {
        id: Some(birth),
        document: document(DocumentKind::BirthCertificate, vec![view.documents[1].id]),
    }));
    assert!(phone.view().problem.is_some());
    phone.send_ok(Event::Aftercare(AftercareEvent::SaveDocument {
        id: Some(birth),
        document: Document {
            status: DocumentStatus::Received,
            ..document(DocumentKind::BirthCertificate, vec![])
        },
    }));
    assert!(phone.view().aftercare().documents[1].waiting_for.is_empty());

    phone.send_ok(Event::Aftercare(AftercareEvent::SaveAppointment {
        id: None,
        appointment: AppointmentForm {
            title: "Intake, Dr. Ruiz; room 4".into(),
            at: "2026-03-02T14:30".into(),
            place: "Clinic".into(),
            remind_minutes_before: Some(60),
        },
    }));
    phone.send_ok(Event::Aftercare(AftercareEvent::SaveMeeting {
        id: None,
        meeting: MeetingForm {
            name: "Tuesday night NA".into(),
            weekday: Day::Tuesday,
            time: "19:00".into(),
            place: "St. Mark's".into(),
        },
    }));
    phone.send_ok(Event::Aftercare(AftercareEvent::SetPlan(AftercarePlan {
        warning_signs: vec!["Skipping meetings".into(), "  ".into()],
        re_engagement: vec!["Call my sponsor the same day".into()],
    })));
    let today = phone.send_ok(Event::Navigate(Screen::Today));
    let ScreenView::Today(today) = today.screen else {
        panic!()
    };
    assert_eq!(today.appointments[0].at, "March 2, 2026, 14:30");

    let document = phone.requests(Event::ExportPlan).shared_file().1;
    assert_eq!(document.mime_type, "text/markdown");
    let text = String::from_utf8(document.bytes).unwrap();
    for expected in [
        "# My aftercare plan",
        "**Harbor House** — Recovery housing — Waitlisted",
        "Social security card: Needed (get first: Birth certificate)",
        "2026-03-02 14:30 — Intake, Dr. Ruiz; room 4 — Clinic",
        "Tuesday 19:00 — Tuesday night NA",
        "- Skipping meetings\n",
        "- Call my sponsor the same day",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }

    let calendar = phone.requests(Event::ExportCalendar).shared_file().1;
    assert_eq!(calendar.mime_type, "text/calendar");
    let ics = String::from_utf8(calendar.bytes).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains("DTSTART:20260302T143000\r\n"));
    assert!(ics.contains("SUMMARY:Intake\\, Dr. Ruiz\\; room 4\r\n"));
    assert!(ics.contains("TRIGGER:-PT60M\r\n"));
    assert!(ics.contains("DTSTART:20260303T190000\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY\r\n"));
    assert!(
        ics.lines().all(|line| line.len() <= 76),
        "folded at 75 octets"
    );
}

/// One tap to call each support contact and each person in the safety plan
/// with a number: the view model holds the links, the shells only render them.
#[test]
fn support_contacts_and_safety_plan_people_are_one_tap_to_call() {
    let phone = Phone::participant();
    let person = |name: &str, phone: &str| Person {
        name: name.into(),
        phone: phone.into(),
    };
    phone.send_ok(Event::SafetyPlan(SafetyPlan {
        people_to_ask: vec![
            person("Aunt Rosa", "555-0111"),
            person("Marcus", "ask Rosa"),
        ],
        professionals: vec![person("Dr. Ruiz", "+1 (555) 010-9999")],
        ..SafetyPlan::default()
    }));
    let ScreenView::SafetyPlan(safety) = phone.send_ok(Event::Navigate(Screen::SafetyPlan)).screen
    else {
        panic!()
    };
    assert_eq!(
        safety.people_to_ask_calls,
        [Some("tel:5550111".to_owned()), None],
        "no link where there is nothing to dial"
    );
    assert_eq!(
        safety.professionals_calls,
        [Some("tel:+15550109999".to_owned())]
    );

    phone.send_ok(Event::Aftercare(AftercareEvent::SaveContact {
        id: None,
        contact: SupportContact {
            name: "Sponsor Jim".into(),
            relationship: "Sponsor".into(),
            phone: "(555) 010-4444".into(),
        },
    }));
    let aftercare = phone.send_ok(Event::Navigate(Screen::Aftercare));
    assert_eq!(
        aftercare.aftercare().contacts[0].call_url.as_deref(),
        Some("tel:5550104444")
    );
}

#[test]
fn help_reaches_the_phone_as_call_and_text_links() {
    let phone = Phone::participant();
    phone.send_ok(Event::SafetyPlan(SafetyPlan {
        warning_signs: vec!["Not sleeping".into()],
        internal_coping: vec!["Music".into()],
        distractions: vec!["The library".into()],
        people_to_ask: vec![Person {
            name: "Aunt Rosa".into(),
            phone: "555-0111".into(),
        }],
        professionals: vec![],
        safe_environment: vec!["Give the pills to Rosa".into()],
        reasons_for_living: vec!["My daughter".into()],
    }));
    let ScreenView::SafetyPlan(safety) = phone.send_ok(Event::Navigate(Screen::SafetyPlan)).screen
    else {
        panic!()
    };
    assert_eq!(safety.step_headings.len(), 7);
    assert_eq!(safety.plan.reasons_for_living, ["My daughter"]);
    assert_eq!(
        phone
            .requests(Event::Contact(ContactEvent::CallCrisisLine))
            .opened_url(),
        "tel:988"
    );
    assert_eq!(
        phone
            .requests(Event::Contact(ContactEvent::TextCrisisLine))
            .opened_url(),
        "sms:988"
    );
    assert_eq!(
        phone
            .requests(Event::Contact(ContactEvent::CallNumber("555-0111".into())))
            .opened_url(),
        "tel:5550111"
    );
    // The crisis line is a setting, not a constant in any view.
    phone.send_ok(Event::Settings(SettingsEvent::SetCrisisLine(
        "+1 800 555 0199".into(),
    )));
    assert_eq!(phone.view().help.crisis_call_url, "tel:+18005550199");

    // No specialist yet: contacting them is refused with a message.
    phone.requests(Event::Contact(ContactEvent::Call));
    assert!(phone.view().problem.is_some());
    phone.send_ok(Event::Contact(ContactEvent::SetSpecialist(
        SpecialistForm {
            name: "Dana Cruz".into(),
            organization: "Bay Peer Support".into(),
            phone: "(555) 010-2030".into(),
            email: "dana@example.org".into(),
            hours: vec![HoursForm {
                weekday: Day::Monday,
                start: "09:00".into(),
                end: "17:00".into(),
            }],
            preferred: ContactWay::Text,
        },
    )));
    let ScreenView::Contact(contact) = phone.send_ok(Event::Navigate(Screen::Contact)).screen
    else {
        panic!()
    };
    assert!(!contact.outside_hours, "Monday 10:00 is within hours");
    assert_eq!(contact.templates[0].text, "Can you call me?");
    assert_eq!(
        contact.templates[0].text_url.as_deref(),
        Some("sms:5550102030?body=Can%20you%20call%20me%3F")
    );
    assert_eq!(
        phone
            .requests(Event::Contact(ContactEvent::Text(
                "I'm struggling with cravings.".into()
            )))
            .opened_url(),
        "sms:5550102030?body=I%27m%20struggling%20with%20cravings%2E"
    );
    // Monday 18:00 (the app locked itself meanwhile): outside hours, crisis options are shown.
    phone.advance(8 * HOUR_MS);
    phone.requests(Event::Resumed);
    phone.unlock();
    let ScreenView::Contact(contact) = phone.send_ok(Event::Navigate(Screen::Contact)).screen
    else {
        panic!()
    };
    assert!(contact.outside_hours);
    assert!(
        contact
            .outside_hours_message
            .unwrap()
            .contains("crisis line")
    );
}

#[test]
fn reminders_are_scheduled_and_never_show_content_in_discreet_mode() {
    let phone = Phone::participant();
    let (_, schedule) = phone
        .requests(Event::Settings(SettingsEvent::SetCheckInReminder(Some(
            "20:30".into(),
        ))))
        .reminders();
    assert_eq!(schedule.len(), 1);
    assert_eq!(
        (schedule[0].at.as_str(), schedule[0].daily),
        ("2026-03-02T20:30:00", true)
    );
    let (_, schedule) = phone
        .requests(Event::Aftercare(AftercareEvent::SaveAppointment {
            id: None,
            appointment: AppointmentForm {
                title: "Probation officer".into(),
                at: "2026-03-04T09:00".into(),
                place: "Courthouse".into(),
                remind_minutes_before: Some(120),
            },
        }))
        .reminders();
    let appointment = schedule
        .iter()
        .find(|r| r.id.starts_with("appointment"))
        .unwrap();
    assert_eq!(appointment.at, "2026-03-04T07:00:00");
    assert_eq!(appointment.title, "Probation officer");

    let (_, schedule) = phone
        .requests(Event::Settings(SettingsEvent::SetDiscreet(true)))
        .reminders();
    for reminder in &schedule {
        assert_eq!(
            (reminder.title.as_str(), reminder.body.as_str()),
            ("Reminder", "You have a reminder.")
        );
    }
    assert_eq!(phone.view().title, "Notes", "a neutral app title");
    // Nothing changed: no new schedule is sent.
    let requests = phone.requests(Event::Navigate(Screen::Today));
    assert!(
        !requests
            .iter()
            .any(|r| matches!(r.effect, ShellEffect::Notify(_)))
    );
}

#[test]
fn a_backup_moves_everything_to_a_new_phone_and_a_bad_one_changes_nothing() {
    let phone = Phone::participant();
    phone.send_ok(Event::SetRecoveryDate("2026-01-31".into()));
    phone.send_ok(Event::Goals(GoalEvent::Add {
        title: "Reconnect with my brother".into(),
        dimension: Dimension::Community,
        why: String::new(),
        target: None,
    }));
    let (_, backup) = phone
        .requests(Event::Settings(SettingsEvent::ExportBackup {
            passphrase: "moving day words".into(),
        }))
        .shared_file();
    assert!(backup.file_name.ends_with(".phoenixbackup"));
    let old_goals = phone.send_ok(Event::Navigate(Screen::Goals));

    let new_phone = Phone::participant();
    let mut truncated = backup.bytes.clone();
    truncated.truncate(truncated.len() - 10);
    new_phone.requests(Event::Settings(SettingsEvent::ImportBackup {
        file: truncated,
        passphrase: "moving day words".into(),
    }));
    assert!(new_phone.view().problem.is_some());
    new_phone.send_ok(Event::DismissProblem);
    new_phone.send_ok(Event::Settings(SettingsEvent::ImportBackup {
        file: backup.bytes,
        passphrase: "moving day words".into(),
    }));
    assert_eq!(new_phone.send_ok(Event::Navigate(Screen::Goals)), old_goals);
}

#[test]
fn a_backup_sealed_by_a_recovery_key_opens_with_the_key_however_it_is_typed() {
    let phone = Phone::participant();
    phone.send_ok(Event::Goals(GoalEvent::Add {
        title: "Sleep before midnight".into(),
        dimension: Dimension::Health,
        why: String::new(),
        target: None,
    }));
    phone.send_ok(Event::Navigate(Screen::Settings));
    let (_, backup) = phone
        .requests(Event::Settings(SettingsEvent::ExportBackupWithRecoveryKey))
        .shared_file();
    let ScreenView::Settings(settings) = phone.view().screen else {
        panic!("expected Settings")
    };
    let key = settings
        .recovery_key
        .expect("the key is shown to write down");
    assert!(settings.recovery_key_hint.contains("write it down"));
    let goals = phone.send_ok(Event::Navigate(Screen::Goals));

    let new_phone = Phone::participant();
    new_phone.requests(Event::Settings(SettingsEvent::ImportBackup {
        file: backup.bytes.clone(),
        passphrase: "moving day words".into(),
    }));
    assert!(
        new_phone.view().problem.is_some(),
        "a passphrase does not open it"
    );
    new_phone.send_ok(Event::DismissProblem);
    new_phone.send_ok(Event::Settings(SettingsEvent::ImportBackup {
        file: backup.bytes,
        passphrase: key.replace('-', " ").to_lowercase(),
    }));
    assert_eq!(new_phone.send_ok(Event::Navigate(Screen::Goals)), goals);
}

#[test]
fn a_month_of_use_with_a_restart_keeps_every_day() {
    let mut phone = Phone::new();
    phone.choose_passcode();
    phone.send_ok(Event::SetRecoveryDate("2026-03-02".into()));
    for day in 0..30_u8 {
        if day == 15 {
            // A restart in the middle of the month.
            phone = phone.restart();
            phone.unlock();
        }
        if day == 20 {
            phone.send_ok(Event::RecordLapse {
                date: "2026-03-22".into(),
                context: "Old friends, a party".into(),
            });
        }
        phone.send_ok(Event::CheckIn(CheckInForm {
            mood: 1 + day % 5,
            craving: 10 - day / 3,
            halt: Halt::default(),
            sleep_hours: "7".into(),
            used_today: Some(day == 20),
            triggers: vec![],
            strategies: vec![],
            note: format!("day {day}"),
        }));
        if day == 10 {
            phone.send_ok(Event::RecoveryCapital(vec![4, 5, 3, 4, 4, 5, 3, 6, 4, 5]));
        }
        // The next day: the app locked itself overnight.
        phone.advance(24 * HOUR_MS);
        assert!(matches!(
            phone.send_ok(Event::Resumed).screen,
            ScreenView::Locked(_)
        ));
        phone.unlock();
    }
    let ScreenView::Today(today) = phone.send_ok(Event::Navigate(Screen::Today)).screen else {
        panic!()
    };
    let recovery = today.recovery.unwrap();
    // 2026-03-02 to 2026-04-01 with a lapse on 03-22 (a day that does not
    // count): 20 days, then 9 since 03-23; the longest stretch stays 20.
    assert_eq!(
        (
            recovery.current_days,
            recovery.total_days,
            recovery.longest_days
        ),
        (9, 29, 20)
    );
    assert_eq!(
        recovery.milestone_reached.as_deref(),
        Some("Milestone reached: 7 days")
    );
    let ScreenView::Trends(trends) = phone.send_ok(Event::Navigate(Screen::Trends)).screen else {
        panic!()
    };
    let checked_in: u32 = trends.monthly.iter().map(|p| p.check_ins).sum();
    assert_eq!(checked_in, 30, "every day's check-in survived the restart");
    let ScreenView::CheckIn(check_in) = phone.send_ok(Event::Navigate(Screen::CheckIn)).screen
    else {
        panic!()
    };
    assert_eq!(
        check_in.barc_last_score.as_deref(),
        Some(
            "Last score: 43 out of 60. The Spanish questions are our own translation, not a \
             tested version."
        )
    );
}

/// Every shell request the core hands out can be answered "done", including
/// the fire-and-forget ones (reminders) whose answer the core ignores.
#[test]
fn shells_answer_every_request_and_each_answer_counts_once() {
    let phone = Phone::participant();
    let requests = phone.requests(Event::Aftercare(AftercareEvent::SaveAppointment {
        id: None,
        appointment: AppointmentForm {
            title: "Intake".into(),
            at: "2026-03-04T09:00".into(),
            place: String::new(),
            remind_minutes_before: Some(60),
        },
    }));
    let (notify, _) = requests.reminders();
    assert_eq!(
        phone.host().resolve_bytes(notify, &[]),
        Ok(vec![0; 8]),
        "no new requests"
    );
    assert_eq!(
        phone.host().resolve_done(notify),
        Err(HostError::UnknownEffect)
    );
}

/// A share sheet left open holds the exported plan; locking or erasing
/// drops it, and the shell's late answer is a typed error, not a panic.
#[test]
fn locking_or_erasing_forgets_unanswered_shares() {
    let phone = Phone::participant();
    let answered = phone.requests(Event::ExportPlan).shared_file().0;
    assert!(phone.host().resolve_done(answered).is_ok());
    assert_eq!(
        phone.host().resolve_done(answered),
        Err(HostError::UnknownEffect),
        "an answer counts once"
    );

    let before_lock = phone.requests(Event::ExportPlan).shared_file().0;
    phone.requests(Event::Lock);
    assert_eq!(
        phone.host().resolve_done(before_lock),
        Err(HostError::UnknownEffect)
    );
    assert_eq!(
        phone.host().resolve_bytes(before_lock, &[]),
        Err(HostError::UnknownEffect)
    );

    phone.unlock();
    let before_erase = phone.requests(Event::ExportCalendar).shared_file().0;
    let view = phone.send_ok(Event::EraseEverything);
    assert!(matches!(view.screen, ScreenView::FirstRun(_)), "{view:?}");
    assert_eq!(
        phone.host().resolve_done(before_erase),
        Err(HostError::UnknownEffect)
    );
}

/// Starter templates stay beside the participant's own; editing one keeps
/// the others, and a dismissed one stays gone after a restart.
#[test]
fn message_templates_are_edited_added_removed_and_kept() {
    let phone = Phone::participant();
    let texts = |view: ViewModel| -> Vec<String> {
        view.contact()
            .templates
            .iter()
            .map(|t| t.text.clone())
            .collect()
    };
    let starters = phone
        .send_ok(Event::Navigate(Screen::Contact))
        .contact()
        .templates
        .clone();
    assert_eq!(starters.len(), 3);
    assert!(
        starters
            .iter()
            .all(|t| t.id.is_none() && t.starter.is_some())
    );

    let call_me = starters[0].starter.clone().unwrap();
    phone.send_ok(Event::Contact(ContactEvent::ReplaceStarterTemplate {
        starter: call_me.clone(),
        text: "Can you call me after work?".into(),
    }));
    phone.send_ok(Event::Contact(ContactEvent::SaveTemplate {
        id: None,
        text: "I went to a meeting today".into(),
    }));
    let view = phone.send_ok(Event::Navigate(Screen::Contact));
    assert_eq!(
        texts(view.clone()),
        [
            "I'm struggling with cravings.",
            "I have good news to share!",
            "Can you call me after work?",
            "I went to a meeting today",
        ]
        .map(String::from)
        .to_vec(),
        "{view:?}"
    );
    let own = view.contact().templates[3].id.unwrap();
    phone.send_ok(Event::Contact(ContactEvent::SaveTemplate {
        id: Some(own),
        text: "I went to two meetings today".into(),
    }));
    let good_news = phone.view().contact().templates[1].starter.clone().unwrap();
    phone.send_ok(Event::Contact(ContactEvent::DismissStarterTemplate(
        good_news,
    )));

    // Refused, and nothing changes: unknown starters or ids, empty text.
    let before = texts(phone.view());
    for bad in [
        ContactEvent::DismissStarterTemplate("template-nope".into()),
        ContactEvent::ReplaceStarterTemplate {
            starter: call_me.clone(),
            text: "  ".into(),
        },
        ContactEvent::SaveTemplate {
            id: Some(9_999),
            text: "Hello".into(),
        },
        ContactEvent::RemoveTemplate(9_999),
    ] {
        phone.requests(Event::Contact(bad));
        assert!(phone.view().problem.is_some());
        assert_eq!(texts(phone.view()), before);
    }

    let phone = phone.restart();
    phone.unlock();
    let view = phone.send_ok(Event::Navigate(Screen::Contact));
    assert_eq!(
        texts(view.clone()),
        [
            "I'm struggling with cravings.",
            "Can you call me after work?",
            "I went to two meetings today",
        ]
        .map(String::from)
        .to_vec()
    );
    let own = view.contact().templates[2].id.unwrap();
    phone.send_ok(Event::Contact(ContactEvent::RemoveTemplate(own)));
    assert_eq!(texts(phone.view()).len(), 2);
}

/// A tablet with no dialer or messages app: the phone answers that the link
/// did not open, and the participant is shown the number to use instead.
#[test]
fn a_phone_that_cannot_open_a_link_shows_the_number_instead() {
    let phone = Phone::participant();
    phone.set_opens_links(false);
    let view = phone.open_link(Event::Contact(ContactEvent::CallCrisisLine));
    let problem = view.problem.expect("a message instead of the call");
    assert!(problem.contains("988"), "{problem}");

    // A link the view offers (the safety plan's crisis text) goes the same way.
    let safety = phone.send(Event::Navigate(Screen::SafetyPlan));
    let ScreenView::SafetyPlan(safety) = safety.screen else {
        panic!("{safety:?}")
    };
    let text = safety.use_now.crisis[1].url.clone();
    let problem = phone
        .open_link(Event::Contact(ContactEvent::OpenLink(text)))
        .problem
        .expect("a message instead of the text");
    assert!(problem.contains("988"), "{problem}");
    assert_eq!(phone.view().problem_field, None);

    // Where the phone can open it, the link opens and nothing is shown.
    phone.set_opens_links(true);
    let view = phone.open_link(Event::Contact(ContactEvent::CallCrisisLine));
    assert_eq!(view.problem, None);
    // Only links go to the phone.
    let view = phone.open_link(Event::Contact(ContactEvent::OpenLink(
        "https://example.org".into(),
    )));
    assert!(view.problem.is_some(), "{view:?}");
}

/// Screens stay out of screenshots and the app switcher unless the
/// participant allows it; the choice survives a restart, and the lock
/// screen is always hidden.
#[test]
fn screenshots_are_off_until_the_participant_allows_them() {
    let phone = Phone::participant();
    assert!(!phone.view().allow_screenshots);
    let view = phone.send_ok(Event::Navigate(Screen::Settings));
    let ScreenView::Settings(settings) = view.screen else {
        panic!("{view:?}")
    };
    assert!(!settings.allow_screenshots);
    let view = phone.send_ok(Event::Settings(SettingsEvent::SetAllowScreenshots(true)));
    assert!(view.allow_screenshots);
    assert_eq!(view.status.as_deref(), Some("Saved."));

    let phone = phone.restart();
    assert!(!phone.view().allow_screenshots, "locked: hidden");
    assert!(phone.unlock().allow_screenshots);
}
