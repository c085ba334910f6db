//! The participant's real core (the Crux app and its encrypted vault, through
//! `CoreHost`, as every shell drives it) against a real relay process: the
//! core builds and signs every request, this test only carries them over
//! HTTP, as a shell does; or drops them, as a phone without a network does.

mod support;

use std::sync::Arc;

use relay_protocol::DevicePublicKeys;
use shared::app::Event;
use shared::background::{
    BackgroundNotification, background_check_answer, background_check_request,
};
use shared::effects::{HttpRequest, HttpResult};
use shared::host::ShellEffect;
use shared::i18n::Language;
use shared::model::Screen;
use shared::model::messages::{MessageStatus, MessagesEvent};
use shared::model::settings::SettingsEvent;
use shared::testing::{Phone, Setup, ShellRequests};
use shared::view::ScreenView;
use support::{Backend, Relay, Specialist};

const SENTINEL: &str = "SENTINEL-craving-after-court-4410";

/// A phone in UTC on the relay's clock, whose shell carries the core's
/// requests over HTTP.
fn new_phone() -> Phone {
    Phone::with(Setup {
        time_zone: "UTC".into(),
        now_ms: relay::now_ms(),
        network: Some(Arc::new(perform)),
        ..Setup::default()
    })
}

fn perform(request: &HttpRequest) -> HttpResult {
    let mut call = ureq::request(&request.method, &request.url);
    for header in &request.headers {
        call = call.set(&header.name, &header.value);
    }
    let result = if request.body.is_empty() {
        call.call()
    } else {
        call.send_bytes(&request.body)
    };
    match result {
        Ok(response) | Err(ureq::Error::Status(_, response)) => {
            let status = response.status();
            let mut body = Vec::new();
            std::io::Read::read_to_end(&mut response.into_reader(), &mut body).unwrap();
            HttpResult::Response { status, body }
        }
        Err(_) => HttpResult::Unreachable,
    }
}

// One participant's story, in order: splitting it would hide the sequence.
#[allow(clippy::too_many_lines)]
fn pairs_writes_offline_and_the_outbox_drains_in_order(backend: &Backend) {
    let relay = Relay::start(&backend.argument(), &[]);
    relay.add_specialist("maria", "Maria R.");
    let specialist = Specialist::sign_in(&relay, "maria");
    let inbox = specialist.as_device();

    let phone = new_phone();
    phone.choose_passcode();
    phone.send(Event::Navigate(Screen::Contact));
    phone.sync();
    assert!(
        phone.sent_requests().is_empty(),
        "no network before pairing"
    );
    assert_eq!(phone.messages().specialist_name, None);

    // A mistyped code, then the right one.
    phone.send(Event::Messages(MessagesEvent::Pair {
        relay: relay.url.clone(),
        invite: format!("AAAAA-AAAAA {}", specialist.account.fingerprint()),
        name: "Sam".into(),
    }));
    assert!(
        phone
            .problem()
            .unwrap()
            .contains("invite code was not found")
    );
    phone.send(Event::Messages(MessagesEvent::Pair {
        relay: relay.url.clone(),
        invite: specialist.invite_text().to_lowercase(),
        name: "Sam".into(),
    }));
    assert_eq!(phone.problem(), None);
    let view = phone.messages();
    assert_eq!(view.specialist_name.as_deref(), Some("Maria R."));
    assert_eq!(view.paired_with.as_deref(), Some("Paired with Maria R."));
    // The inbox computes the same safety code from the identity the relay
    // reports for this participant.
    let phone_identity: relay_protocol::channel::ChannelIdentity =
        serde_json::from_value(specialist.participants()[0]["identity"].clone()).unwrap();
    let code =
        relay_protocol::channel::verification_code(&specialist.account.identity(), &phone_identity)
            .unwrap();
    assert!(
        view.verification_note.as_deref().unwrap().contains(&code),
        "{:?}",
        view.verification_note
    );
    let sam: DevicePublicKeys =
        serde_json::from_value(specialist.participants()[0]["keys"].clone()).unwrap();

    // Offline: three messages wait in the outbox, in order.
    phone.set_online(false);
    for text in ["one", "two", SENTINEL] {
        phone.write_message(text);
    }
    let waiting = MessageStatus::Queued;
    assert_eq!(
        phone.statuses(),
        [
            ("one".into(), waiting),
            ("two".into(), waiting),
            (SENTINEL.into(), waiting)
        ]
    );
    assert_eq!(
        phone.messages().outbox_note.as_deref(),
        Some("3 messages will be sent when you are back online.")
    );
    assert!(inbox.read_texts(&sam, 0).is_empty());

    // The phone locks and reopens while offline: the outbox is in the vault,
    // and unlocking tries to send it.
    let phone = phone.restart();
    phone.set_online(false);
    phone.unlock();
    assert!(phone.sent_requests().iter().any(|r| r.starts_with("POST")));
    phone.send(Event::Navigate(Screen::Contact));
    assert_eq!(phone.statuses().len(), 3);

    // Still offline: a retry fails and the outbox backs off; back online,
    // it waits out the backoff, then drains in order.
    phone.set_online(false);
    phone.sync();
    phone.set_online(true);
    phone.sync();
    assert!(
        phone
            .statuses()
            .iter()
            .all(|(_, s)| *s == MessageStatus::Queued)
    );
    phone.advance(30 * 1000);
    phone.sync();
    let sent = MessageStatus::Sent;
    assert_eq!(
        phone.statuses(),
        [
            ("one".into(), sent),
            ("two".into(), sent),
            (SENTINEL.into(), sent)
        ]
    );
    assert_eq!(phone.messages().outbox_note, None);
    assert_eq!(inbox.read_texts(&sam, 0), ["one", "two", SENTINEL]);

    // The specialist fetched them (delivered), reads the first, and answers.
    // The inbox's mailbox holds the phone's greeting, sent at pairing so the
    // inbox could start its side of the channel, then the three letters.
    let ids: Vec<i64> = inbox.fetch(0).messages.iter().map(|d| d.id).collect();
    assert_eq!(ids.len(), 4, "the greeting and three letters");
    let read = serde_json::to_vec(&relay_protocol::api::ReadRequest { ids: vec![ids[1]] }).unwrap();
    assert_eq!(
        inbox
            .request("POST", relay_protocol::api::READ, &read)
            .status,
        204
    );
    let reply = inbox.seal(&sam, "Got them all. Proud of you.");
    assert_eq!(inbox.post(&reply).status, 201);
    phone.sync();
    let statuses = phone.statuses();
    assert_eq!(statuses[0].1, MessageStatus::Read);
    assert_eq!(statuses[1].1, MessageStatus::Delivered);
    let last = statuses.last().unwrap();
    assert_eq!(last.0, "Got them all. Proud of you.");
    // On screen while it arrived: read, and the specialist sees that.
    assert_eq!(last.1, MessageStatus::Received);
    // Stored on the phone and acknowledged: the relay deleted it.
    let stored = |needle: &[u8]| {
        let stored = backend.stored_bytes();
        stored.windows(needle.len()).any(|window| window == needle)
    };
    assert!(
        !stored(reply.ciphertext.as_bytes()),
        "the relay kept a ciphertext the phone acknowledged"
    );

    // A tampered letter is counted and not shown; the same letter twice
    // (a replay, or a retry whose answer was lost) is dropped silently; a
    // letter that never reached the relay shows as a gap (with the tampered
    // one, whose number the inbox used: two did not arrive).
    let mut tampered = inbox.seal(&sam, "tampered");
    let mut bytes = relay_protocol::encoding::decode(&tampered.ciphertext).unwrap();
    bytes[0] ^= 1;
    tampered.ciphertext = relay_protocol::encoding::encode(&bytes);
    assert_eq!(inbox.post(&tampered).status, 201);
    assert_eq!(inbox.post(&reply).status, 201);
    let _lost = inbox.seal(&sam, "lost on the way");
    let after_the_gap = inbox.seal(&sam, "Are you there?");
    assert_eq!(inbox.post(&after_the_gap).status, 201);
    phone.sync();
    assert_eq!(
        phone.messages().dropped_note.as_deref(),
        Some("1 message could not be opened, and was not shown.")
    );
    let texts: Vec<String> = phone.statuses().into_iter().map(|(text, _)| text).collect();
    assert_eq!(
        texts[3..],
        [
            "Got them all. Proud of you.",
            "2 messages did not arrive.",
            "Are you there?"
        ]
    );

    // Forward secrecy through the vault: the channel's state the phone
    // stored after reading cannot open a letter captured on the way.
    let phone = phone.switch_off();
    let pairing = phone.stored_pairing().expect("the pairing in the vault");
    let mut channel =
        relay_protocol::channel::Channel::from_pickle(&pairing.channel, &pairing.pickle_key)
            .unwrap();
    for captured in [&reply, &after_the_gap] {
        assert!(
            !matches!(
                channel.open(captured),
                Ok(relay_protocol::channel::Arrival::Arrived(_)
                    | relay_protocol::channel::Arrival::Gap { .. })
            ),
            "the stored channel opened a letter it had already read"
        );
    }
    let phone = phone.switch_on();
    phone.unlock();
    phone.send(Event::Navigate(Screen::Contact));

    // Nothing the participant wrote is readable in the vault file.
    let phone = phone.switch_off();
    let on_disk: Vec<u8> = phone
        .files()
        .iter()
        .flat_map(|file| std::fs::read(file).unwrap())
        .collect();
    assert!(
        !on_disk
            .windows(SENTINEL.len())
            .any(|w| w == SENTINEL.as_bytes())
    );

    // Reopened: everything is there; then unpair stops delivery.
    let phone = phone.switch_on();
    phone.unlock();
    phone.send(Event::Navigate(Screen::Contact));
    assert_eq!(phone.statuses().len(), 6);
    phone.send(Event::Messages(MessagesEvent::Unpair));
    assert_eq!(phone.messages().specialist_name, None);
    assert!(phone.messages().conversation.is_empty());
    assert!(specialist.participants().is_empty());
    let refused = inbox.post(&inbox.seal(&sam, "still there?"));
    assert_eq!(refused.error(), "not_paired");
    phone.write_message("after unpairing");
    assert!(
        phone
            .problem()
            .unwrap()
            .contains("Pair with your peer specialist first")
    );
}

/// A paired phone on Contact my peer, in a fresh vault.
fn paired_phone(relay: &Relay, specialist: &Specialist) -> Phone {
    let phone = new_phone();
    phone.choose_passcode();
    pair_as_sam(&phone, relay, specialist);
    phone
}

/// Pairs `phone` (its vault open) with `specialist` as "Sam", from Contact
/// my peer.
fn pair_as_sam(phone: &Phone, relay: &Relay, specialist: &Specialist) {
    phone.send(Event::Navigate(Screen::Contact));
    phone.send(Event::Messages(MessagesEvent::Pair {
        relay: relay.url.clone(),
        invite: specialist.invite_text(),
        name: "Sam".into(),
    }));
    assert_eq!(phone.problem(), None);
}

/// The inbox numbers a letter 2^40 (a fault, or a hostile inbox): the phone
/// shows the gap before it, in a record of constant size, and the next
/// letter opens after it; unlocking again (which syncs) is as quick as ever.
fn a_huge_sequence_number_shows_as_a_gap_and_the_next_letter_opens(
    relay: &Relay,
    specialist: &Specialist,
) {
    let phone = paired_phone(relay, specialist);
    let inbox = specialist.as_device();
    let sam: DevicePublicKeys =
        serde_json::from_value(specialist.participants()[0]["keys"].clone()).unwrap();
    assert!(inbox.read_texts(&sam, 0).is_empty(), "only the greeting");
    inbox.send(&sam, "first");
    inbox.number_next_letter(&sam, 1 << 40);
    inbox.send(&sam, "from far ahead");
    inbox.send(&sam, "and the next one");
    phone.sync();
    let texts: Vec<String> = phone.statuses().into_iter().map(|(text, _)| text).collect();
    assert_eq!(
        texts,
        [
            "first",
            "1099511627774 messages did not arrive.",
            "from far ahead",
            "and the next one"
        ]
    );
    assert_eq!(phone.messages().dropped_note, None);
    let phone = phone.restart();
    phone.unlock();
    phone.send(Event::Navigate(Screen::Contact));
    assert_eq!(phone.statuses().len(), 4);
    let pairing = phone.switch_off().stored_pairing().unwrap();
    assert!(
        pairing.channel.len() < 8 * 1024,
        "the channel's record grew with the number: {} bytes",
        pairing.channel.len()
    );
}

/// The network fails just as the phone acknowledges a reply it stored: the
/// next sync acknowledges it again, and the relay deletes its ciphertext.
fn a_lost_acknowledgement_is_sent_again_on_the_next_sync(
    backend: &Backend,
    relay: &Relay,
    specialist: &Specialist,
) {
    use std::sync::atomic::{AtomicBool, Ordering};
    let acks_fail = Arc::new(AtomicBool::new(true));
    let failing = Arc::clone(&acks_fail);
    let phone = Phone::with(Setup {
        time_zone: "UTC".into(),
        now_ms: relay::now_ms(),
        network: Some(Arc::new(move |request: &HttpRequest| {
            if failing.load(Ordering::SeqCst)
                && request.url.ends_with(relay_protocol::api::ACKNOWLEDGE)
            {
                HttpResult::Unreachable
            } else {
                perform(request)
            }
        })),
        ..Setup::default()
    });
    phone.choose_passcode();
    pair_as_sam(&phone, relay, specialist);
    let inbox = specialist.as_device();
    let sam: DevicePublicKeys =
        serde_json::from_value(specialist.participants().last().unwrap()["keys"].clone()).unwrap();
    assert!(inbox.read_texts(&sam, 0).is_empty(), "only the greeting");
    let reply = inbox.seal(&sam, "Call me after group");
    assert_eq!(inbox.post(&reply).status, 201);
    let kept = |sealed: &relay_protocol::channel::SealedMessage| {
        let stored = backend.stored_bytes();
        let needle = sealed.ciphertext.as_bytes();
        stored.windows(needle.len()).any(|window| window == needle)
    };
    phone.sync();
    assert_eq!(phone.statuses().last().unwrap().0, "Call me after group");
    assert!(kept(&reply), "the acknowledgement was lost");

    // Across a restart, too: the pending acknowledgement is in the vault.
    let phone = phone.restart();
    acks_fail.store(false, Ordering::SeqCst);
    phone.unlock();
    assert!(!kept(&reply), "acknowledged again, and deleted");
    phone.send(Event::Navigate(Screen::Contact));
    assert_eq!(phone.statuses().len(), 1, "shown once");
}

/// Sam shares a goal, the aftercare plan and a 30-day check-in summary
/// with their notes, then stops sharing the goal: the inbox opens each as
/// a structured item, the request to stop included, and the relay's
/// database holds none of their words.
fn shared_items_reach_the_inbox_and_the_relay_keeps_no_plaintext(
    backend: &Backend,
    relay: &Relay,
    specialist: &Specialist,
) {
    use relay_protocol::share::{Body, Envelope, Item};
    use shared::model::aftercare::{AftercareEvent, SupportContact};
    use shared::model::goals::{Dimension, GoalEvent};
    use shared::model::sharing::{ShareItem, SharingEvent};
    const GOAL: &str = "SENTINEL-goal-walk-to-the-river";
    const CONTACT: &str = "SENTINEL-contact-aunt-rosa";
    const NOTE: &str = "SENTINEL-note-court-date-stress";

    let phone = paired_phone(relay, specialist);
    let inbox = specialist.as_device();
    let sam: DevicePublicKeys =
        serde_json::from_value(specialist.participants().last().unwrap()["keys"].clone()).unwrap();
    let goal = phone
        .send(Event::Goals(GoalEvent::Add {
            title: GOAL.into(),
            dimension: Dimension::Health,
            why: String::new(),
            target: None,
        }))
        .new_item
        .unwrap();
    phone.send(Event::Aftercare(AftercareEvent::SaveContact {
        id: None,
        contact: SupportContact {
            name: CONTACT.into(),
            relationship: "aunt".into(),
            phone: "555 0100".into(),
        },
    }));
    phone.send(Event::CheckIn(shared::model::checkin::CheckInForm {
        mood: 2,
        craving: 8,
        halt: shared::model::triggers::Halt::default(),
        sleep_hours: String::new(),
        used_today: Some(false),
        triggers: vec![],
        strategies: vec![],
        note: NOTE.into(),
    }));
    for item in [
        ShareItem::Goal(goal),
        ShareItem::Aftercare,
        ShareItem::CheckIns {
            days: 30,
            notes: true,
        },
    ] {
        phone.send(Event::Sharing(SharingEvent::Preview(item)));
        phone.send(Event::Sharing(SharingEvent::Send));
        assert_eq!(phone.problem(), None);
    }
    phone.send(Event::Sharing(SharingEvent::StopSharing(format!(
        "goal:{goal}"
    ))));
    assert_eq!(phone.problem(), None);

    let stored = backend.stored_bytes();
    for sentinel in [GOAL, CONTACT, NOTE] {
        assert!(
            !stored
                .windows(sentinel.len())
                .any(|window| window == sentinel.as_bytes()),
            "the relay stored {sentinel}"
        );
    }
    let opened: Vec<Envelope> = inbox
        .read_texts(&sam, 0)
        .iter()
        .map(|json| match Envelope::read(json.as_bytes()) {
            Body::Item(envelope) => envelope,
            other => panic!("expected a shared item, got {other:?}"),
        })
        .collect();
    let kinds: Vec<(&str, &str)> = opened
        .iter()
        .map(|e| (e.key.as_str(), e.item.kind()))
        .collect();
    let goal_key = format!("goal:{goal}");
    assert_eq!(
        kinds,
        [
            (goal_key.as_str(), "goal"),
            ("aftercare", "aftercare"),
            ("check_ins", "check_in_summary"),
            (goal_key.as_str(), "stop_sharing"),
        ]
    );
    let (Item::Goal(shared_goal), Item::CheckInSummary(summary)) =
        (&opened[0].item, &opened[2].item)
    else {
        panic!("a goal and a summary")
    };
    assert_eq!(shared_goal.title, GOAL);
    assert_eq!((summary.check_ins, summary.craving_average), (1, Some(8.0)));
    assert_eq!(summary.notes[0].text, NOTE, "the ticked notes");
    assert!(opened[1].to_json().contains(CONTACT));
}

/// Someone with the relay's database swaps the specialist's published keys
/// for their own: the phone refuses the pairing, because the keys do not
/// match the fingerprint in the invite the specialist showed.
fn substituted_keys_are_refused(backend: &Backend, relay: &Relay, specialist: &Specialist) {
    let mut attacker = relay_protocol::channel::Account::new();
    let bundle = attacker.bundle(1);
    let mailbox = specialist.device.mailbox();
    let identity = serde_json::to_string(&bundle.identity).unwrap();
    let key = &bundle.one_time_keys[0];
    backend.tamper(&format!(
        "UPDATE channel_identities SET identity = '{identity}' WHERE mailbox = '{mailbox}'; \
         DELETE FROM one_time_keys WHERE mailbox = '{mailbox}'; \
         INSERT INTO one_time_keys (mailbox, otk, signature) \
         VALUES ('{mailbox}', '{}', '{}');",
        key.key, key.signature
    ));
    let phone = new_phone();
    phone.choose_passcode();
    phone.send(Event::Navigate(Screen::Contact));
    phone.send(Event::Messages(MessagesEvent::Pair {
        relay: relay.url.clone(),
        invite: specialist.invite_text(),
        name: "Alex".into(),
    }));
    assert!(
        phone
            .problem()
            .unwrap()
            .contains("do not match your peer specialist's invite"),
        "{:?}",
        phone.problem()
    );
    assert_eq!(phone.messages().specialist_name, None, "not paired");
}

fn sync_is_not_activity_and_refusals_are_explained(backend: &Backend) {
    let relay = Relay::start(&backend.argument(), &[]);
    relay.add_specialist("maria", "Maria R.");
    let specialist = Specialist::sign_in(&relay, "maria");
    let phone = paired_phone(&relay, &specialist);

    // A backup never carries the channel's keys: restored from it, a phone
    // is not paired and asks to pair again; the phone it came from still is.
    let (_, backup) = phone
        .requests(Event::Settings(shared::app::SettingsEvent::ExportBackup {
            passphrase: "moving day words".into(),
        }))
        .shared_file();
    let restored = new_phone();
    restored.choose_passcode();
    restored.send(Event::Settings(shared::app::SettingsEvent::ImportBackup {
        file: backup.bytes.clone(),
        passphrase: "moving day words".into(),
    }));
    assert_eq!(restored.problem(), None);
    restored.send(Event::Navigate(Screen::Contact));
    let view = restored.messages();
    assert_eq!(view.specialist_name, None);
    assert_eq!(
        view.pair_again_note.as_deref(),
        Some(
            "This phone was restored from a backup. Backups never hold the keys to your \
             secure messages, so ask Maria R. for a new invite code and pair again."
        )
    );
    assert!(
        restored.switch_off().stored_pairing().is_none(),
        "no pairing in the restored vault"
    );
    assert_eq!(
        phone.messages().specialist_name.as_deref(),
        Some("Maria R.")
    );
    assert_eq!(phone.messages().pair_again_note, None);

    // The specialist unpairs: the next message is refused for good, with a
    // status the participant can read, and the outbox does not stall.
    let id = specialist.participants()[0]["id"].as_i64().unwrap();
    let path = format!("/inbox/api/participants/{id}");
    assert_eq!(
        specialist
            .change("DELETE", &path, &serde_json::json!({}))
            .status,
        204
    );
    phone.write_message("are you there?");
    phone.write_message("hello?");
    let view = phone.messages();
    let labels: Vec<&str> = view
        .conversation
        .iter()
        .map(|m| m.status_label.as_str())
        .collect();
    assert_eq!(labels, ["Not sent", "Not sent"]);
    assert_eq!(view.outbox_note, None);

    // In Spanish, the same section.
    phone.send(Event::Settings(shared::app::SettingsEvent::SetLanguage(
        Some(shared::i18n::Language::Spanish),
    )));
    let view = phone.messages();
    assert_eq!(view.heading, "Mensajes seguros");
    assert_eq!(view.conversation[0].status_label, "No enviado");

    // The shell's sync every 30 s is not activity: the app still locks
    // itself after five idle minutes, and a sync while locked does nothing.
    for _ in 0..11 {
        phone.advance(30 * 1000);
        phone.sync();
    }
    assert!(matches!(phone.view().screen, ScreenView::Locked(_)));
    let before = phone.sent_requests().len();
    for event in [MessagesEvent::Sync, MessagesEvent::Reconnected] {
        let requests = phone.requests(Event::Messages(event));
        assert!(
            requests.iter().all(|r| r.effect == ShellEffect::Render),
            "{requests:?}"
        );
    }
    assert_eq!(phone.sent_requests().len(), before);
    assert_eq!(phone.problem(), None);

    a_huge_sequence_number_shows_as_a_gap_and_the_next_letter_opens(&relay, &specialist);
    a_lost_acknowledgement_is_sent_again_on_the_next_sync(backend, &relay, &specialist);
    shared_items_reach_the_inbox_and_the_relay_keeps_no_plaintext(backend, &relay, &specialist);
    substituted_keys_are_refused(backend, &relay, &specialist);
    a_new_inbox_key_pauses_the_restored_conversation(&relay, &backup.bytes);
    the_background_check_learns_a_message_waits_with_the_vault_locked(&relay);
}

/// Bytes and modification time of each of the vault's files.
fn vault_files(phone: &Phone) -> Vec<(Vec<u8>, std::time::SystemTime)> {
    let mut files: Vec<_> = std::fs::read_dir(phone.dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let modified = path.metadata().unwrap().modified().unwrap();
            (std::fs::read(path).unwrap(), modified)
        })
        .collect()
}

/// What the phone's scheduler does with the config the core handed the
/// shell: asks the relay with the waiting key and words a notification.
fn check_in_background(phone: &Phone) -> Option<BackgroundNotification> {
    let config = phone.background_check()?;
    let request = background_check_request(config.clone(), relay::now_ms())?;
    let HttpResult::Response { status, body } = perform(&HttpRequest {
        method: "GET".into(),
        url: request.url,
        headers: request
            .headers
            .into_iter()
            .map(|(name, value)| shared::effects::HttpHeader { name, value })
            .collect(),
        body: Vec::new(),
    }) else {
        return None;
    };
    background_check_answer(config, status, body)
}

/// Paired, the core made a waiting key, had the relay register it and
/// handed the shell the background check's config. With the vault locked,
/// the check learns from the real relay that a message waits and words it
/// plainly or discreetly, never with the text, and the vault's files are
/// not touched. Discreet mode and the language update the config; the
/// setting turns it off (and on again); unpairing makes the shell forget it.
fn the_background_check_learns_a_message_waits_with_the_vault_locked(relay: &Relay) {
    relay.add_specialist("lucia", "Lucía M.");
    let lucia = Specialist::sign_in(relay, "lucia");
    let phone = paired_phone(relay, &lucia);
    let config = phone.background_check().expect("kept from pairing");
    assert_eq!(config.relay, relay.url);
    assert!(!config.discreet);
    assert_eq!(config.language, "en");
    assert!(
        phone
            .sent_requests()
            .iter()
            .any(|sent| sent.ends_with("/v1/waiting-key"))
    );
    assert_eq!(check_in_background(&phone), None, "nothing waits yet");

    let inbox = lucia.as_device();
    let sam: DevicePublicKeys =
        serde_json::from_value(lucia.participants()[0]["keys"].clone()).unwrap();
    inbox.send(&sam, SENTINEL);
    phone.send(Event::Lock);
    let before = vault_files(&phone);
    let notification = check_in_background(&phone).expect("a message waits");
    assert_eq!(notification.title, "New message");
    assert_eq!(
        notification.body,
        "You have a new message from your peer specialist."
    );
    assert!(!format!("{notification:?}").contains(SENTINEL));
    assert!(
        vault_files(&phone) == before,
        "the vault's files are untouched"
    );

    // Discreet mode and Spanish: the config follows.
    phone.unlock();
    phone.send(Event::Settings(SettingsEvent::SetDiscreet(true)));
    phone.send(Event::Settings(SettingsEvent::SetLanguage(Some(
        Language::Spanish,
    ))));
    let config = phone.background_check().unwrap();
    assert!(config.discreet);
    assert_eq!(config.language, "es");
    phone.send(Event::Lock);
    // Unlocking fetched the first message: another one waits.
    inbox.send(&sam, "and another");
    let discreet = check_in_background(&phone).expect("a message waits");
    assert_eq!(discreet.title, "Algo nuevo");
    assert!(!format!("{discreet:?}").to_lowercase().contains("mensaje"));

    // Off in Settings: the shell forgets it; on again: a new waiting key.
    phone.unlock();
    phone.send(Event::Navigate(Screen::Settings));
    let ScreenView::Settings(settings) = phone.view().screen else {
        panic!("Settings")
    };
    assert_eq!(settings.background_check, Some(true));
    phone.send(Event::Settings(SettingsEvent::SetBackgroundCheck(false)));
    assert_eq!(phone.background_check(), None);
    phone.send(Event::Settings(SettingsEvent::SetBackgroundCheck(true)));
    let renewed = phone.background_check().expect("on again");
    assert_ne!(renewed.waiting_key, config.waiting_key);
    inbox.send(&sam, "one more");
    assert!(
        check_in_background(&phone).is_some(),
        "the new key asks too"
    );

    phone.send(Event::Navigate(Screen::Contact));
    phone.send(Event::Messages(MessagesEvent::Unpair));
    assert_eq!(phone.background_check(), None);
    phone.send(Event::Navigate(Screen::Settings));
    let ScreenView::Settings(settings) = phone.view().screen else {
        panic!("Settings")
    };
    assert_eq!(settings.background_check, None, "not offered unpaired");
}

/// The specialist lost their browser: an admin resets their inbox keys and
/// they sign in with new ones. The phone restored from a backup of the
/// conversation pairs again with their new invite (it matches the new
/// keys), but the keys are not the ones the conversation had: the phone
/// says so and sends nothing, not even its greeting, until the participant
/// confirms.
fn a_new_inbox_key_pauses_the_restored_conversation(relay: &Relay, backup: &[u8]) {
    assert!(relay.admin(&["reset-keys", "--username", "maria"]));
    let specialist = Specialist::sign_in(relay, "maria");
    let inbox = specialist.as_device();
    let phone = new_phone();
    phone.choose_passcode();
    phone.send(Event::Settings(shared::app::SettingsEvent::ImportBackup {
        file: backup.to_vec(),
        passphrase: "moving day words".into(),
    }));
    pair_as_sam(&phone, relay, &specialist);
    let note = phone.messages().key_changed_note.expect("a warning");
    assert!(
        note.starts_with("Maria R.'s security key changed since your last conversation."),
        "{note}"
    );
    phone.write_message("is this still you?");
    assert!(phone.problem().unwrap().starts_with("Sending is paused"));
    phone.sync();
    assert!(
        inbox.fetch(0).messages.is_empty(),
        "nothing reached the relay"
    );

    phone.send(Event::Messages(MessagesEvent::ConfirmSpecialistKey));
    assert_eq!(phone.messages().key_changed_note, None);
    phone.write_message("is this still you?");
    assert_eq!(phone.problem(), None);
    let sam: DevicePublicKeys =
        serde_json::from_value(specialist.participants()[0]["keys"].clone()).unwrap();
    assert_eq!(inbox.read_texts(&sam, 0), ["is this still you?"]);
}

both_backends! {
    syncing_never_keeps_the_app_unlocked_and_refusals_are_explained =>
        sync_is_not_activity_and_refusals_are_explained;
    a_participant_pairs_writes_offline_and_the_outbox_drains_in_order =>
        pairs_writes_offline_and_the_outbox_drains_in_order;
}
