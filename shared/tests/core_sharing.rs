//! Share with my specialist, item by item (issue 15): what the real core
//! seals for each shareable item, opened by the specialist's end of the
//! channel; the preview is what is sent; notes stay out unless chosen;
//! nothing goes while unpaired or locked; Spanish.

use std::sync::{Arc, Mutex};

use relay_protocol::api::{self, PairRequest};
use relay_protocol::channel::{Account, Arrival, Channel, ChannelIdentity, ClaimedKeys};
use relay_protocol::share::{Body, Envelope, Item, Trend};
use shared::app::{Event, SettingsEvent};
use shared::i18n::{Language, Translations, Translator};
use shared::model::Screen;
use shared::model::aftercare::{
    AftercareEvent, AftercarePlan, AppointmentForm, Document, DocumentKind, DocumentStatus,
    MeetingForm, Referral, ReferralStatus, ServiceCategory, SupportContact,
};
use shared::model::checkin::CheckInForm;
use shared::model::goals::{Dimension, GoalEvent};
use shared::model::messages::{MessageStatus, MessagesEvent};
use shared::model::safety::{Person, SafetyPlan};
use shared::model::settings::RecoveryFocus;
use shared::model::sharing::{PlanSection, ShareItem, SharingEvent};
use shared::model::triggers::Halt;
use shared::model::when::Day;
use shared::testing::{HOUR_MS, Phone, Setup};
use shared::view::{ScreenView, ViewModel};

const DAY_MS: i64 = 24 * 3_600_000;

/// The relay and the specialist's inbox in one, from `relay-protocol`:
/// hands out the inbox's keys at pairing, and opens every letter the phone
/// posts with the inbox's side of the channel.
struct Inbox {
    account: Mutex<Account>,
    paired: Vec<u8>,
    fingerprint: String,
    participant: Mutex<Option<ChannelIdentity>>,
    channel: Mutex<Option<Channel>>,
    opened: Mutex<Vec<Body>>,
}

impl Inbox {
    fn new() -> Arc<Self> {
        let mut account = Account::new();
        let bundle = account.bundle(1);
        let paired = api::Paired {
            specialist_name: "Maria R.".into(),
            specialist_keys: relay_protocol::DeviceIdentity::generate()
                .unwrap()
                .public_keys(),
            specialist_channel: ClaimedKeys {
                identity: bundle.identity,
                one_time_key: bundle.one_time_keys[0].clone(),
            },
        };
        Arc::new(Self {
            fingerprint: account.fingerprint().to_string(),
            account: Mutex::new(account),
            paired: serde_json::to_vec(&paired).unwrap(),
            participant: Mutex::default(),
            channel: Mutex::default(),
            opened: Mutex::default(),
        })
    }

    fn answer(&self, request: &shared::effects::HttpRequest) -> shared::effects::HttpResult {
        let path = request.url.trim_start_matches("https://relay.example.org");
        let body = match (request.method.as_str(), path) {
            ("POST", api::PAIRING) => {
                let pair: PairRequest = serde_json::from_slice(&request.body).unwrap();
                *self.participant.lock().unwrap() = Some(pair.identity);
                self.paired.clone()
            }
            ("POST", api::MESSAGES) => {
                self.open(&serde_json::from_slice(&request.body).unwrap());
                let sent = api::Sent {
                    id: i64::try_from(self.opened.lock().unwrap().len()).unwrap() + 1,
                    received_at_ms: 0,
                };
                serde_json::to_vec(&sent).unwrap()
            }
            (_, path) if path.starts_with(api::MESSAGES) => br#"{"messages":[]}"#.to_vec(),
            _ => br#"{"receipts":[]}"#.to_vec(),
        };
        shared::effects::HttpResult::Response { status: 200, body }
    }

    fn open(&self, sealed: &relay_protocol::channel::SealedMessage) {
        let mut channel = self.channel.lock().unwrap();
        let arrival = if let Some(channel) = channel.as_mut() {
            channel.open(sealed).unwrap()
        } else {
            let participant = self.participant.lock().unwrap().clone().unwrap();
            let (accepted, arrival) = self
                .account
                .lock()
                .unwrap()
                .accept_channel(&participant, sealed)
                .unwrap();
            *channel = Some(accepted);
            arrival
        };
        if let Arrival::Arrived(letter) = arrival
            && !letter.is_greeting()
        {
            self.opened.lock().unwrap().push(letter.body);
        }
    }

    /// The shared items the inbox opened, in order.
    fn items(&self) -> Vec<Envelope> {
        self.opened
            .lock()
            .unwrap()
            .iter()
            .map(|body| match body {
                Body::Item(envelope) => envelope.clone(),
                other => panic!("expected a shared item, got {other:?}"),
            })
            .collect()
    }

    fn last_item(&self) -> Item {
        self.items().pop().expect("an item").item
    }
}

fn phone_paired_with(inbox: &Arc<Inbox>, locale: &str) -> Phone {
    let carrier = Arc::clone(inbox);
    let phone = Phone::with(Setup {
        locale: locale.into(),
        network: Some(Arc::new(move |request| carrier.answer(request))),
        ..Setup::default()
    });
    phone.choose_passcode();
    phone.send(Event::Navigate(Screen::Contact));
    phone.send_ok(Event::Messages(MessagesEvent::Pair {
        relay: "https://relay.example.org".into(),
        invite: format!("ABCDE-FGHJK {}", inbox.fingerprint),
        name: "Sam".into(),
    }));
    phone
}

/// A day later: the phone locked itself meanwhile, and is unlocked.
fn next_day(phone: &Phone) {
    phone.advance(DAY_MS);
    phone.send(Event::Resumed);
    phone.unlock();
}

fn preview(phone: &Phone, item: ShareItem) -> ViewModel {
    phone.send_ok(Event::Sharing(SharingEvent::Preview(item)))
}

fn share(phone: &Phone, item: ShareItem) -> ViewModel {
    preview(phone, item);
    phone.send_ok(Event::Sharing(SharingEvent::Send))
}

fn check_in(phone: &Phone, mood: u8, craving: u8, used: Option<bool>, note: &str, halt: Halt) {
    phone.send_ok(Event::CheckIn(CheckInForm {
        mood,
        craving,
        halt,
        sleep_hours: String::new(),
        used_today: used,
        triggers: vec![],
        strategies: vec![],
        note: note.into(),
    }));
}

/// A goal with two steps, one done; its id.
fn walking_goal(phone: &Phone) -> shared::model::record::Id {
    let goal = phone
        .send_ok(Event::Goals(GoalEvent::Add {
            title: "Walk every day".into(),
            dimension: Dimension::Health,
            why: "To sleep better".into(),
            target: Some("2026-12-31".into()),
        }))
        .new_item
        .unwrap();
    let shoes = phone
        .send_ok(Event::Goals(GoalEvent::AddStep {
            goal,
            title: "Buy shoes".into(),
            due: None,
        }))
        .new_item
        .unwrap();
    phone.send_ok(Event::Goals(GoalEvent::AddStep {
        goal,
        title: "Walk to the park".into(),
        due: None,
    }));
    phone.send_ok(Event::Goals(GoalEvent::CompleteStep(shoes)));
    goal
}

#[test]
fn a_shared_goal_arrives_with_its_steps_and_progress_exactly_as_previewed() {
    let inbox = Inbox::new();
    let phone = phone_paired_with(&inbox, "en-US");
    let goal = walking_goal(&phone);
    let view = preview(&phone, ShareItem::Goal(goal));
    let shown = view.sharing.unwrap().preview.unwrap();
    assert_eq!(shown.heading, "What Maria R. will see");
    assert_eq!(shown.title, "Goal: Walk every day");
    assert_eq!(
        shown.lines,
        [
            "Why: To sleep better",
            "Status: Active",
            "Target date: December 31, 2026",
            "1 of 2 steps done",
            "Done: Buy shoes",
            "To do: Walk to the park",
        ]
    );
    assert!(inbox.items().is_empty(), "nothing leaves before Send");

    let view = phone.send_ok(Event::Sharing(SharingEvent::Send));
    let sent = inbox.items().pop().unwrap();
    assert_eq!(sent.key, format!("goal:{goal}"));
    let Item::Goal(arrived) = &sent.item else {
        panic!("a goal")
    };
    assert_eq!(
        (
            arrived.title.as_str(),
            arrived.status.as_str(),
            arrived.target.as_deref()
        ),
        ("Walk every day", "active", Some("2026-12-31"))
    );
    // What the specialist opened reads, in the participant's words, as the
    // preview did.
    let translations = Translations::load();
    let words = Translator {
        translations: &translations,
        language: Language::English,
        focus: RecoveryFocus::SubstanceUse,
    };
    assert_eq!(
        shared::view::sharing::describe(&sent, &words),
        (shown.title.clone(), shown.lines.clone())
    );

    let sharing = view.sharing.unwrap();
    assert_eq!(sharing.preview, None, "sent: the preview closes");
    let listed = &sharing.shared[0];
    assert_eq!(
        (
            listed.what.as_str(),
            listed.shared_on.as_str(),
            listed.status
        ),
        (
            "Goal: Walk every day",
            "Shared March 2, 2026",
            MessageStatus::Sent
        )
    );
    assert_eq!(
        phone.statuses().last().unwrap().0,
        "You shared: Goal: Walk every day"
    );
}

#[test]
fn the_shared_list_dates_an_item_by_the_participants_own_calendar_day() {
    let inbox = Inbox::new();
    let phone = phone_paired_with(&inbox, "en-US");
    // 21:00 on March 2 in New York, already March 3 in UTC.
    phone.advance(11 * HOUR_MS);
    phone.send(Event::Resumed);
    phone.unlock();
    let goal = walking_goal(&phone);
    let view = share(&phone, ShareItem::Goal(goal));
    assert_eq!(
        view.sharing.unwrap().shared[0].shared_on,
        "Shared March 2, 2026"
    );
}

#[test]
fn the_plan_whole_or_one_section_and_the_safety_plan_arrive_as_structured_items() {
    let inbox = Inbox::new();
    let phone = phone_paired_with(&inbox, "en-US");
    assert_eq!(
        phone
            .send(Event::Sharing(SharingEvent::Preview(ShareItem::SafetyPlan)))
            .problem
            .as_deref(),
        Some("There is nothing to share here yet.")
    );
    phone.send_ok(Event::Aftercare(AftercareEvent::SaveReferral {
        id: None,
        referral: Referral {
            category: ServiceCategory::Counseling,
            organization: "Hope Clinic".into(),
            contact: "555 0100".into(),
            address: String::new(),
            hours: "Mon–Fri 9–5".into(),
            status: ReferralStatus::Enrolled,
            notes: "private".into(),
        },
    }));
    phone.send_ok(Event::SafetyPlan(SafetyPlan {
        warning_signs: vec!["Skipping meals".into()],
        people_to_ask: vec![Person {
            name: "Ana".into(),
            phone: "555 0101".into(),
        }],
        ..SafetyPlan::default()
    }));

    share(&phone, ShareItem::AftercareSection(PlanSection::Referrals));
    let envelope = inbox.items().pop().unwrap();
    assert_eq!(envelope.key, "aftercare:referrals");
    let json: serde_json::Value = serde_json::from_str(&envelope.to_json()).unwrap();
    assert_eq!(
        json["item"],
        serde_json::json!({"kind": "aftercare", "sections": [{"section": "referrals",
            "entries": [{"title": "Hope Clinic", "detail": "555 0100 · Mon–Fri 9–5",
                         "status": "enrolled"}]}]})
    );
    share(&phone, ShareItem::Aftercare);
    assert_eq!(inbox.items().pop().unwrap().key, "aftercare");

    let view = preview(&phone, ShareItem::SafetyPlan);
    let lines = view.sharing.unwrap().preview.unwrap().lines;
    assert!(lines.contains(&"• Ana · 555 0101".to_owned()), "{lines:?}");
    phone.send_ok(Event::Sharing(SharingEvent::Send));
    let Item::SafetyPlan(plan) = inbox.last_item() else {
        panic!("the safety plan")
    };
    assert_eq!(plan.steps.len(), 7, "every step, in order");
    assert_eq!(
        (plan.steps[0].step.as_str(), plan.steps[0].entries.clone()),
        ("warning_signs", vec!["Skipping meals".to_owned()])
    );
    assert_eq!(plan.steps[3].entries, ["Ana · 555 0101"]);

    let listed: Vec<String> = phone
        .view()
        .sharing
        .unwrap()
        .shared
        .into_iter()
        .map(|item| item.what)
        .collect();
    assert_eq!(
        listed,
        [
            "My safety plan",
            "My aftercare plan",
            "My aftercare plan: Services and referrals"
        ]
    );
}

/// One entry in each of the plan's seven sections.
fn fill_every_plan_section(phone: &Phone) {
    let events = [
        AftercareEvent::SaveContact {
            id: None,
            contact: SupportContact {
                name: "Jim".into(),
                relationship: "Sponsor".into(),
                phone: "555 0102".into(),
            },
        },
        AftercareEvent::SaveReferral {
            id: None,
            referral: Referral {
                category: ServiceCategory::Counseling,
                organization: "Hope Clinic".into(),
                contact: String::new(),
                address: String::new(),
                hours: String::new(),
                status: ReferralStatus::ToContact,
                notes: String::new(),
            },
        },
        AftercareEvent::SaveDocument {
            id: None,
            document: Document {
                kind: DocumentKind::Other,
                name: "Library card".into(),
                status: DocumentStatus::Needed,
                needs_first: vec![],
            },
        },
        AftercareEvent::SaveAppointment {
            id: None,
            appointment: AppointmentForm {
                title: "Intake".into(),
                at: "2026-03-10T10:30".into(),
                place: String::new(),
                remind_minutes_before: None,
            },
        },
        AftercareEvent::SaveMeeting {
            id: None,
            meeting: MeetingForm {
                name: "Home group".into(),
                weekday: Day::Tuesday,
                time: "19:00".into(),
                place: String::new(),
            },
        },
        AftercareEvent::SetPlan(AftercarePlan {
            warning_signs: vec!["Skipping meals".into()],
            re_engagement: vec!["Call Jim".into()],
        }),
    ];
    for event in events {
        phone.send_ok(Event::Aftercare(event));
    }
}

#[test]
fn sharing_the_plan_offers_the_whole_plan_then_each_section_under_the_plans_own_heading() {
    let inbox = Inbox::new();
    let phone = phone_paired_with(&inbox, "en-US");
    fill_every_plan_section(&phone);
    for (language, whole, plan) in [
        (Language::English, "The whole plan", "My aftercare plan"),
        (
            Language::Spanish,
            "Todo el plan",
            "Mi plan de cuidado continuo",
        ),
    ] {
        phone.send_ok(Event::Settings(SettingsEvent::SetLanguage(Some(language))));
        let view = phone.send_ok(Event::Navigate(Screen::Aftercare));
        let ScreenView::Aftercare(screen) = view.screen else {
            panic!("the aftercare plan")
        };
        let headings = [
            screen.contacts_heading,
            screen.referrals_heading,
            screen.documents_heading,
            screen.appointments_heading,
            screen.meetings_heading,
            screen.warning_signs_heading,
            screen.re_engagement_heading,
        ];
        let choices = view.sharing.unwrap().plan_choices;
        let labels: Vec<&str> = choices.iter().map(|c| c.label.as_str()).collect();
        let expected: Vec<&str> = std::iter::once(whole)
            .chain(headings.iter().map(String::as_str))
            .collect();
        assert_eq!(labels, expected, "{language:?}");
        assert_eq!(
            choices.iter().map(|c| c.item).collect::<Vec<_>>(),
            [
                ShareItem::Aftercare,
                ShareItem::AftercareSection(PlanSection::SupportContacts),
                ShareItem::AftercareSection(PlanSection::Referrals),
                ShareItem::AftercareSection(PlanSection::Documents),
                ShareItem::AftercareSection(PlanSection::Appointments),
                ShareItem::AftercareSection(PlanSection::Meetings),
                ShareItem::AftercareSection(PlanSection::WarningSigns),
                ShareItem::AftercareSection(PlanSection::ReEngagement),
            ]
        );

        let shown = preview(&phone, choices[0].item)
            .sharing
            .unwrap()
            .preview
            .unwrap();
        assert_eq!(shown.title, plan);
        let shown_sections: Vec<&String> = shown
            .lines
            .iter()
            .filter(|l| headings.contains(l))
            .collect();
        assert_eq!(shown_sections.len(), 7, "the whole plan: {:?}", shown.lines);
        phone.send_ok(Event::Sharing(SharingEvent::Cancel));
        for (choice, heading) in choices[1..].iter().zip(&headings) {
            let shown = preview(&phone, choice.item)
                .sharing
                .unwrap()
                .preview
                .unwrap();
            assert_eq!(shown.title, format!("{plan}: {heading}"));
            assert_eq!(
                &shown.lines[0], heading,
                "only that section: {:?}",
                shown.lines
            );
            assert_eq!(shown.lines.len(), 2, "only that section: {:?}", shown.lines);
            phone.send_ok(Event::Sharing(SharingEvent::Cancel));
        }
    }
    assert!(inbox.items().is_empty(), "previews send nothing");
}

#[test]
fn a_check_in_summary_counts_and_averages_and_leaves_the_notes_out_unless_ticked() {
    let inbox = Inbox::new();
    let phone = phone_paired_with(&inbox, "en-US");
    let lonely = Halt {
        lonely: true,
        ..Halt::default()
    };
    check_in(&phone, 2, 8, Some(true), "a hard day at work", lonely);
    next_day(&phone);
    check_in(&phone, 4, 4, Some(false), "", Halt::default());
    next_day(&phone);
    check_in(&phone, 5, 3, None, "called my sister", lonely);

    share(
        &phone,
        ShareItem::CheckIns {
            days: 7,
            notes: false,
        },
    );
    let Item::CheckInSummary(summary) = inbox.last_item() else {
        panic!("a summary")
    };
    assert_eq!(
        (
            summary.days,
            summary.from.as_str(),
            summary.to.as_str(),
            summary.check_ins
        ),
        (7, "2026-02-26", "2026-03-04", 3)
    );
    assert_eq!(
        (summary.mood_average, summary.craving_average),
        (Some(3.7), Some(5.0))
    );
    assert_eq!((summary.mood_scale_max, summary.craving_scale_max), (5, 10));
    assert_eq!(
        (summary.mood_trend, summary.craving_trend),
        (Some(Trend::Up), Some(Trend::Down))
    );
    assert_eq!(summary.days_used, Some(1));
    assert_eq!((summary.halt.lonely, summary.halt.tired), (2, 0));
    assert_eq!(summary.daily.len(), 3);
    assert!(summary.notes.is_empty(), "notes stay out unless ticked");
    assert!(!inbox.items().pop().unwrap().to_json().contains("sister"));

    let view = preview(
        &phone,
        ShareItem::CheckIns {
            days: 30,
            notes: true,
        },
    );
    let lines = view.sharing.unwrap().preview.unwrap().lines;
    assert!(
        lines.contains(&"My notes are included.".to_owned()),
        "{lines:?}"
    );
    assert!(lines.contains(&"Craving on average: 5.0 of 10 (going down)".to_owned()));
    phone.send_ok(Event::Sharing(SharingEvent::Send));
    let Item::CheckInSummary(summary) = inbox.last_item() else {
        panic!("a summary")
    };
    let notes: Vec<&str> = summary.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["a hard day at work", "called my sister"]);

    assert_eq!(
        phone
            .send(Event::Sharing(SharingEvent::Preview(ShareItem::CheckIns {
                days: 12,
                notes: false
            })))
            .problem
            .as_deref(),
        Some("That value does not fit here. Please check it.")
    );
}

#[test]
fn the_latest_barc_10_score_is_shared_and_stop_sharing_asks_the_inbox_to_remove_it() {
    let inbox = Inbox::new();
    let phone = phone_paired_with(&inbox, "en-US");
    phone.send_ok(Event::RecoveryCapital(vec![4; 10]));
    next_day(&phone);
    phone.send_ok(Event::RecoveryCapital(vec![5; 10]));
    share(&phone, ShareItem::Barc10);
    let Item::Barc10(barc) = inbox.last_item() else {
        panic!("a BARC-10 score")
    };
    assert_eq!(
        (barc.score, barc.max, barc.taken_on.as_str()),
        (50, 60, "2026-03-03")
    );
    let sharing = phone.view().sharing.unwrap();
    assert_eq!(sharing.shared[0].key, "barc10");
    assert_eq!(
        sharing.stop_note,
        "Stop sharing asks your specialist's inbox to remove the item. It cannot take back \
         what they already read."
    );

    let view = phone.send_ok(Event::Sharing(SharingEvent::StopSharing("barc10".into())));
    let stop = inbox.items().pop().unwrap();
    assert_eq!(
        stop.to_json(),
        r#"{"v":1,"key":"barc10","item":{"kind":"stop_sharing"}}"#
    );
    assert!(view.sharing.unwrap().shared.is_empty(), "no longer listed");
    phone.send(Event::Navigate(Screen::Contact));
    assert_eq!(
        phone.statuses().last().unwrap().0,
        "You asked to stop sharing: What supports your recovery (BARC-10)"
    );
    assert!(
        phone
            .send(Event::Sharing(SharingEvent::StopSharing("barc10".into())))
            .problem
            .is_some(),
        "nothing left to stop"
    );
}

#[test]
fn sharing_is_refused_with_a_message_while_unpaired_or_locked() {
    let phone = Phone::participant();
    let goal = walking_goal(&phone);
    let view = phone.send(Event::Sharing(SharingEvent::Preview(ShareItem::Goal(goal))));
    assert_eq!(
        view.problem.as_deref(),
        Some("Pair with your peer specialist first.")
    );
    let sharing = view.sharing.unwrap();
    assert!(!sharing.available, "no share buttons while unpaired");
    assert_eq!(sharing.preview, None);

    let inbox = Inbox::new();
    let phone = phone_paired_with(&inbox, "en-US");
    let goal = walking_goal(&phone);
    assert!(phone.view().sharing.unwrap().available);
    preview(&phone, ShareItem::Goal(goal));
    phone.send_ok(Event::Lock);
    let view = phone.send(Event::Sharing(SharingEvent::Send));
    assert!(view.problem.is_some(), "refused while locked");
    assert_eq!(view.sharing, None);
    phone.unlock();
    let view = phone.send(Event::Sharing(SharingEvent::Send));
    assert!(
        view.problem.is_some(),
        "the preview did not outlive the lock"
    );
    assert!(inbox.items().is_empty(), "nothing was shared");
}

#[test]
fn the_preview_and_the_list_speak_spanish() {
    let inbox = Inbox::new();
    let phone = phone_paired_with(&inbox, "es-US");
    let goal = walking_goal(&phone);
    let view = preview(&phone, ShareItem::Goal(goal));
    let sharing = view.sharing.unwrap();
    assert_eq!(
        sharing.share_label,
        "Compartir con mi especialista de pares"
    );
    let shown = sharing.preview.unwrap();
    assert_eq!(shown.heading, "Lo que verá Maria R.");
    assert_eq!(shown.title, "Meta: Walk every day");
    assert_eq!(
        shown.lines[1..4],
        [
            "Estado: Activa",
            "Fecha meta: 31 de diciembre de 2026",
            "1 de 2 pasos hechos"
        ]
    );
    let view = phone.send_ok(Event::Sharing(SharingEvent::Send));
    let sharing = view.sharing.unwrap();
    assert_eq!(sharing.heading, "Compartido con mi especialista de pares");
    assert_eq!(
        sharing.shared[0].shared_on,
        "Compartido el 2 de marzo de 2026"
    );
    assert_eq!(sharing.stop_label, "Dejar de compartir");
    // The item travels as codes and the participant's own words: the
    // specialist's inbox renders its labels in its own language.
    let Item::Goal(goal) = inbox.last_item() else {
        panic!("a goal")
    };
    assert_eq!(goal.status, "active");
}
