//! Knowing when a message arrives (issue 19), against a real relay process
//! on SQLite and PostgreSQL: a participant's waiting key learns how many
//! messages wait and can do nothing else; an open inbox hears of new mail
//! within a second, also with hundreds of inboxes open.

mod support;

use std::time::Duration;

use relay_protocol::DeviceIdentity;
use relay_protocol::api;
use relay_protocol::waiting::{RegisterWaitingKey, WAITING_KEY};
use support::{Backend, Device, Relay, Specialist};

/// A relay with Maria signed in and Sam paired with her.
fn paired(backend: &Backend) -> (Relay, Specialist, Device) {
    let relay = Relay::start(&backend.argument(), &[]);
    relay.add_specialist("maria", "Maria R.");
    let maria = Specialist::sign_in(&relay, "maria");
    let sam = Device::new(&relay);
    sam.paired(&maria.invite(), "Sam");
    (relay, maria, sam)
}

fn a_waiting_key_learns_how_many_messages_wait_and_nothing_else(backend: &Backend) {
    let (_relay, maria, sam) = paired(backend);
    let (waiting, registered) = sam.register_waiting_key();
    assert_eq!(registered.status, 204, "{registered:?}");
    assert_eq!(waiting.waiting().body, serde_json::json!({ "waiting": 0 }));

    sam.send(&maria.device.public_keys(), "I went to the meeting");
    let inbox = maria.as_device();
    let sam_keys = sam.identity.public_keys();
    assert_eq!(inbox.read_texts(&sam_keys, 0), ["I went to the meeting"]);
    inbox.send(&sam_keys, "Proud of you");
    inbox.send(&sam_keys, "Call me tomorrow");
    // Only the count: no ids, sizes, senders or times.
    assert_eq!(waiting.waiting().body, serde_json::json!({ "waiting": 2 }));

    // Every other route refuses the waiting key, before reading the body.
    for (method, path) in [
        ("GET", format!("{}?after=0", api::MESSAGES)),
        ("POST", api::MESSAGES.to_owned()),
        ("POST", api::READ.to_owned()),
        ("POST", api::ACKNOWLEDGE.to_owned()),
        ("GET", format!("{}?ids=1", api::RECEIPTS)),
        ("PUT", api::KEYS.to_owned()),
        ("POST", api::PAIRING.to_owned()),
        ("DELETE", api::PAIRING.to_owned()),
        ("PUT", WAITING_KEY.to_owned()),
    ] {
        let refused = waiting.request(method, &path, b"{}");
        assert_eq!(
            (refused.status, refused.error()),
            (403, "waiting_key_only"),
            "{method} {path}"
        );
    }
    assert_eq!(sam.fetch(0).messages.len(), 2, "nothing was taken");
    assert_eq!(waiting.waiting().body, serde_json::json!({ "waiting": 0 }));

    // The main key does not ask with the waiting key's route, and nobody
    // registers a key they do not hold (another device's, say).
    assert_eq!(sam.waiting().status, 403);
    let stranger = DeviceIdentity::generate().unwrap();
    let not_for_sam = RegisterWaitingKey::new(&stranger, &stranger.mailbox());
    let refused = sam.request(
        "PUT",
        WAITING_KEY,
        &serde_json::to_vec(&not_for_sam).unwrap(),
    );
    assert_eq!((refused.status, refused.error()), (403, "key_mismatch"));

    // Once unpaired, the waiting key learns nothing more.
    assert_eq!(sam.request("DELETE", api::PAIRING, b"").status, 204);
    assert_eq!(waiting.waiting().error(), "not_paired");
}

fn new_mail_is_announced_to_its_inbox(backend: &Backend) {
    let (_relay, maria, sam) = paired(backend);
    let mut events = maria.events();
    assert!(events.status.contains(" 200 "), "{}", events.status);
    sam.send(&maria.device.public_keys(), "I'm struggling with cravings");
    assert!(events.mail_within(Duration::from_secs(1)));
    // Mail for someone else is not announced to Maria.
    let inbox = maria.as_device();
    inbox.read_texts(&sam.identity.public_keys(), 0);
    inbox.send(&sam.identity.public_keys(), "I'm here");
    assert!(!events.mail_within(Duration::from_millis(800)));
}

both_backends! {
    a_waiting_key_learns_how_many_messages_wait_and_can_do_nothing_else => a_waiting_key_learns_how_many_messages_wait_and_nothing_else;
    an_open_inbox_hears_of_new_mail_within_a_second => new_mail_is_announced_to_its_inbox;
}

#[test]
fn five_hundred_open_inboxes_each_hear_of_new_mail() {
    const STREAMS: usize = 500;
    let backend = Backend::sqlite();
    let (relay, maria, sam) = paired(&backend);
    let before_kib = relay.resident_kib();
    let before_ticks = relay.cpu_ticks();
    let mut streams: Vec<_> = (0..STREAMS).map(|_| maria.events()).collect();
    assert!(streams.iter().all(|events| events.status.contains(" 200 ")));
    let open_kib = relay.resident_kib();
    let open_ticks = relay.cpu_ticks();
    sam.send(&maria.device.public_keys(), "still here");
    let heard = streams
        .iter_mut()
        .map(|events| events.mail_within(Duration::from_secs(2)))
        .filter(|&heard| heard)
        .count();
    assert_eq!(heard, STREAMS);
    // Figures for relay/README.md (clock ticks are 10 ms on Linux).
    eprintln!(
        "{STREAMS} open inboxes: {} KiB more resident memory ({} KiB each); \
         CPU {} ticks to open them (sign-in check each), {} ticks to store one \
         message and announce it to all",
        open_kib.saturating_sub(before_kib),
        open_kib.saturating_sub(before_kib) / STREAMS as u64,
        open_ticks.saturating_sub(before_ticks),
        relay.cpu_ticks().saturating_sub(open_ticks),
    );
}
