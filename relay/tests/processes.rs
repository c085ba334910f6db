//! Several relay processes over one PostgreSQL, as an organization runs
//! them behind a load balancer: one replay guard, one set of limits, one conversation
//! whichever process a request reaches, and a rolling restart that loses
//! nothing. PostgreSQL only: SQLite is one process's file.

mod support;

use relay_protocol::api;
use support::{Backend, Device, Relay, Specialist};

/// Two processes over one fresh PostgreSQL database (`None` when the tests
/// run without PostgreSQL), with Maria signed in through the first and Sam
/// paired with her. Bind every field by name: a
/// field left to `..` is dropped at once (its relay stopped, its database
/// deleted).
struct TwoProcesses {
    _backend: Backend,
    a: Relay,
    b: Relay,
    maria: Specialist,
    sam: Device,
}

fn two_processes(extra: &[&str]) -> Option<TwoProcesses> {
    let backend = Backend::postgres()?;
    let a = Relay::start(&backend.argument(), extra);
    let b = Relay::start(&backend.argument(), extra);
    a.add_specialist("maria", "Maria R.");
    let maria = Specialist::sign_in(&a, "maria");
    let sam = Device::new(&a);
    sam.paired(&maria.invite(), "Sam");
    Some(TwoProcesses {
        _backend: backend,
        a,
        b,
        maria,
        sam,
    })
}

/// The same device, now talking to `relay`.
fn through(device: &mut Device, relay: &Relay) {
    device.url.clone_from(&relay.url);
}

#[test]
fn a_request_replayed_to_another_relay_process_is_refused() {
    let Some(TwoProcesses {
        _backend,
        a,
        b,
        maria,
        sam,
    }) = two_processes(&[])
    else {
        return;
    };
    let sealed = sam.seal(&maria.device.public_keys(), "only once");
    let mut request = sam.sign("POST", api::MESSAGES, &serde_json::to_vec(&sealed).unwrap());
    assert_eq!(request.send().status, 201);
    request.url = request.url.replace(&a.url, &b.url);
    let replayed = request.send();
    assert_eq!((replayed.status, replayed.error()), (409, "replayed"));

    // A captured fetch is answered once, by whichever process saw it first.
    let mut fetch = sam.sign("GET", &format!("{}?after=0", api::MESSAGES), b"");
    fetch.url = fetch.url.replace(&a.url, &b.url);
    assert_eq!(fetch.send().status, 200);
    fetch.url = fetch.url.replace(&b.url, &a.url);
    assert_eq!(fetch.send().error(), "replayed");

    let mut inbox = maria.as_device();
    through(&mut inbox, &b);
    assert_eq!(inbox.fetch(0).messages.len(), 1, "stored once");
}

#[test]
fn a_message_sent_through_one_process_is_fetched_and_read_through_another() {
    let Some(TwoProcesses {
        _backend,
        a: _a,
        b,
        maria,
        sam,
    }) = two_processes(&[])
    else {
        return;
    };
    let sent = sam.send(&maria.device.public_keys(), "I went to the meeting");
    let mut inbox = maria.as_device();
    through(&mut inbox, &b);
    let sam_keys = sam.identity.public_keys();
    assert_eq!(inbox.read_texts(&sam_keys, 0), ["I went to the meeting"]);
    let read = serde_json::to_vec(&api::ReadRequest { ids: vec![sent.id] }).unwrap();
    assert_eq!(inbox.request("POST", api::READ, &read).status, 204);

    // Sam, still on the first process, sees it delivered and read.
    let receipts = sam.receipts(&[sent.id]).receipts;
    assert!(receipts[0].delivered_at_ms.is_some() && receipts[0].read_at_ms.is_some());
    let reply = inbox.send(&sam_keys, "Proud of you");
    assert_eq!(
        sam.read_texts(&maria.device.public_keys(), 0),
        ["Proud of you"]
    );
    assert!(reply.id > sent.id);
}

#[test]
fn a_rolling_restart_of_the_relay_processes_loses_nothing() {
    let Some(TwoProcesses {
        _backend,
        mut a,
        mut b,
        maria,
        mut sam,
    }) = two_processes(&[])
    else {
        return;
    };
    let maria_keys = maria.device.public_keys();
    sam.send(&maria_keys, "one, through the first");
    through(&mut sam, &b);
    sam.send(&maria_keys, "two, through the second");
    a.restart();
    sam.send(&maria_keys, "three, while the first restarts");
    through(&mut sam, &a);
    sam.send(&maria_keys, "four, through the restarted first");
    b.restart();
    sam.send(&maria_keys, "five, while the second restarts");

    let mut inbox = maria.as_device();
    let sam_keys = sam.identity.public_keys();
    let expected = [
        "one, through the first",
        "two, through the second",
        "three, while the first restarts",
        "four, through the restarted first",
        "five, while the second restarts",
    ];
    assert_eq!(inbox.read_texts(&sam_keys, 0), expected);
    through(&mut inbox, &b);
    assert_eq!(inbox.read_texts(&sam_keys, 0), expected);
}

#[test]
fn a_limit_counts_the_requests_of_every_relay_process() {
    let Some(TwoProcesses {
        _backend,
        a,
        b,
        maria: _maria,
        sam: _sam,
    }) = two_processes(&[
        "--pairings-per-minute",
        "4",
        "--client-address-header",
        "x-forwarded-for",
    ])
    else {
        return;
    };
    let mut guesser = Device::new(&a);
    let mut guess = |relay: &Relay| {
        through(&mut guesser, relay);
        guesser
            .pair_request("AAAAA-BBBBB", "Guess")
            .from_address("203.0.113.7")
            .send()
            .status
    };
    let statuses = [
        guess(&a),
        guess(&b),
        guess(&a),
        guess(&b),
        guess(&a),
        guess(&b),
    ];
    assert_eq!(statuses, [404, 404, 404, 404, 429, 429]);
}

#[test]
fn mail_stored_through_one_process_reaches_an_inbox_listening_on_another_within_a_second() {
    let Some(TwoProcesses {
        _backend,
        a: _a,
        b,
        maria,
        sam,
    }) = two_processes(&[])
    else {
        return;
    };
    let mut events = maria.events_through(&b.url);
    assert!(events.status.contains(" 200 "), "{}", events.status);
    sam.send(&maria.device.public_keys(), "I'm struggling with cravings");
    assert!(events.mail_within(std::time::Duration::from_secs(1)));
}
