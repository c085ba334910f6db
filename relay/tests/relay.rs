//! The relay as a real process on loopback, against SQLite and PostgreSQL:
//! pairing, conversations both ways, restarts, unpairing, who may read and
//! write what, and hostile requests.

mod support;

use relay_protocol::ProtocolError;
use relay_protocol::api;
use serde_json::json;
use support::{Backend, Device, Relay, Specialist};

const SENTINEL: &str = "SENTINEL-relapse-at-the-bus-station-7731";

/// A relay with one specialist signed in and one participant paired.
fn paired(backend: &Backend) -> (Relay, Specialist, Device) {
    let relay = Relay::start(&backend.argument(), &[]);
    relay.add_specialist("maria", "Maria R.");
    let specialist = Specialist::sign_in(&relay, "maria");
    let participant = Device::new(&relay);
    let paired = participant.paired(&specialist.invite(), "Sam");
    assert_eq!(paired.specialist_name, "Maria R.");
    assert_eq!(paired.specialist_keys, specialist.device.public_keys());
    (relay, specialist, participant)
}

fn conversation_survives_a_restart(backend: &Backend) {
    let (mut relay, specialist, participant) = paired(backend);
    let listed = specialist.participants();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["name"], "Sam");
    let sam_keys: relay_protocol::DevicePublicKeys =
        serde_json::from_value(listed[0]["keys"].clone()).unwrap();
    let maria = specialist.device.public_keys();
    let inbox = specialist.as_device();

    let first = participant.send(&maria, "I made it to the meeting");
    let second = participant.send(&maria, SENTINEL);
    assert!(second.id > first.id);
    let receipts = participant.receipts(&[first.id, second.id]).receipts;
    assert!(receipts.iter().all(|r| r.delivered_at_ms.is_none()));

    assert_eq!(
        inbox.read_texts(&sam_keys, 0),
        ["I made it to the meeting", SENTINEL]
    );
    let read = inbox.request(
        "POST",
        api::READ,
        &serde_json::to_vec(&api::ReadRequest {
            ids: vec![first.id],
        })
        .unwrap(),
    );
    assert_eq!(read.status, 204);
    let receipts = participant.receipts(&[first.id, second.id]).receipts;
    assert!(receipts.iter().all(|r| r.delivered_at_ms.is_some()));
    assert!(receipts[0].read_at_ms.is_some() && receipts[1].read_at_ms.is_none());

    let reply = inbox.send(&sam_keys, "Proud of you. Call me tonight?");
    relay.restart();
    assert_eq!(
        participant.read_texts(&maria, 0),
        ["Proud of you. Call me tonight?"]
    );
    assert_eq!(
        participant.fetch(reply.id).messages.len(),
        0,
        "paging by id"
    );
    assert_eq!(
        inbox.read_texts(&sam_keys, 0).len(),
        2,
        "kept across the restart"
    );
    participant.send(&maria, "after the restart");
    assert_eq!(
        inbox.read_texts(&sam_keys, second.id),
        ["after the restart"]
    );

    let stored = backend.stored_bytes();
    let contains = |needle: &[u8]| stored.windows(needle.len()).any(|window| window == needle);
    assert!(!stored.is_empty());
    assert!(!contains(SENTINEL.as_bytes()), "the relay stored plaintext");
    assert!(!contains(b"Proud of you"), "the relay stored plaintext");
    assert!(
        !contains(support::PASSWORD.as_bytes()),
        "the relay stored a password"
    );
}

fn messages_arrive_in_the_order_they_were_sent(backend: &Backend) {
    let (_relay, specialist, participant) = paired(backend);
    let maria = specialist.device.public_keys();
    // Queued while offline, then sent one after another when back.
    let queued: Vec<String> = (1..=30).map(|n| format!("queued message {n}")).collect();
    for text in &queued {
        participant.send(&maria, text);
    }
    let inbox = specialist.as_device();
    let fetched = inbox.fetch(0).messages;
    let texts: Vec<String> = fetched
        .iter()
        .enumerate()
        .map(|(index, delivery)| match inbox.open(delivery).unwrap() {
            relay_protocol::channel::Arrival::Arrived(letter) => {
                assert_eq!(letter.sequence, index as u64 + 1, "in order, none missing");
                letter.text().unwrap().to_owned()
            }
            other => panic!("not the next letter: {other:?}"),
        })
        .collect();
    assert_eq!(texts, queued);
}

fn unpairing_stops_delivery(backend: &Backend) {
    let (relay, specialist, participant) = paired(backend);
    let maria = specialist.device.public_keys();
    let sam = participant.identity.public_keys();
    let inbox = specialist.as_device();
    participant.send(&maria, "before");

    // The participant unpairs: neither side can send any more.
    assert_eq!(participant.request("DELETE", api::PAIRING, b"").status, 204);
    let refused = participant.post(&participant.seal(&maria, "after"));
    assert_eq!((refused.status, refused.error()), (403, "not_paired"));
    let refused = inbox.post(&inbox.seal(&sam, "after"));
    assert_eq!((refused.status, refused.error()), (403, "not_paired"));
    assert!(specialist.participants().is_empty());
    assert_eq!(
        participant.request("DELETE", api::PAIRING, b"").error(),
        "not_paired"
    );

    // Paired again with a new invite, then the specialist unpairs.
    participant.paired(&specialist.invite(), "Sam");
    inbox.send(&sam, "welcome back");
    let id = specialist.participants()[0]["id"].as_i64().unwrap();
    let path = format!("/inbox/api/participants/{id}");
    assert_eq!(specialist.change("DELETE", &path, &json!({})).status, 204);
    let refused = participant.post(&participant.seal(&maria, "still there?"));
    assert_eq!(refused.error(), "not_paired");
    let counts = relay_store(backend).counts().unwrap();
    assert_eq!(
        counts,
        (2, 2),
        "two messages and two pairings, nothing after unpairing"
    );
    drop(relay);
}

fn relay_store(backend: &Backend) -> relay::store::Store {
    relay::store::Store::new(relay::db::open(&backend.argument()).unwrap())
}

fn nobody_reads_or_writes_another_mailbox(backend: &Backend) {
    let (mut relay, maria, sam) = paired(backend);
    relay.add_specialist("joe", "Joe T.");
    let joe = Specialist::sign_in(&relay, "joe");
    let alex = Device::new(&relay);
    alex.paired(&joe.invite(), "Alex");
    let maria_keys = maria.device.public_keys();
    let sam_keys = sam.identity.public_keys();
    sam.send(&maria_keys, SENTINEL);

    // Alex (paired with Joe) can neither write to Maria nor read Sam's mail.
    let refused = alex.post(&alex.seal(&maria_keys, "hello"));
    assert_eq!((refused.status, refused.error()), (403, "not_paired"));
    assert!(alex.fetch(0).messages.is_empty());
    // Nor send as Sam: the sender must be the signer.
    let mut forged = alex.seal(&maria_keys, "forged");
    forged.from = sam.identity.mailbox();
    assert_eq!(alex.post(&forged).error(), "wrong_sender");
    // Nor learn about Sam's messages' receipts.
    assert!(alex.receipts(&[1, 2, 3]).receipts.is_empty());

    // Joe sees only his own participant and cannot unpair Maria's.
    let joes = joe.participants();
    assert_eq!(joes.len(), 1);
    assert_eq!(joes[0]["name"], "Alex");
    let sams_pairing = maria.participants()[0]["id"].as_i64().unwrap();
    let path = format!("/inbox/api/participants/{sams_pairing}");
    assert_eq!(
        joe.change("DELETE", &path, &json!({})).error(),
        "no_such_participant"
    );
    // Joe's inbox device cannot message Sam, nor read Maria's mailbox.
    let joes_inbox = joe.as_device();
    assert_eq!(
        joes_inbox.post(&joes_inbox.seal(&sam_keys, "hi")).error(),
        "not_paired"
    );
    assert!(joes_inbox.fetch(0).messages.is_empty());
    // Had Joe got the ciphertext anyway, he could not open it.
    let captured = maria.as_device().fetch(0).messages.remove(0);
    assert_eq!(
        joes_inbox.open(&captured).unwrap_err(),
        ProtocolError::Unopenable
    );

    // A captured request sent again is refused, and stores nothing twice.
    let request = sam.sign(
        "POST",
        api::MESSAGES,
        &serde_json::to_vec(&sam.seal(&maria_keys, "once")).unwrap(),
    );
    assert_eq!(request.send().status, 201);
    let replayed = request.send();
    assert_eq!((replayed.status, replayed.error()), (409, "replayed"));
    // Nor after a restart: the relay remembers it in its database.
    let captured = sam.sign("GET", &format!("{}?after=0", api::MESSAGES), b"");
    assert_eq!(captured.send().status, 200);
    relay.restart();
    let after_restart = captured.send();
    assert_eq!(
        (after_restart.status, after_restart.error()),
        (409, "replayed")
    );
    // A tampered ciphertext is stored (the relay cannot tell) but refused by the client.
    let mut tampered = sam.seal(&maria_keys, "tampered");
    let mut bytes = relay_protocol::encoding::decode(&tampered.ciphertext).unwrap();
    // The last byte: the end of the Olm message's MAC.
    *bytes.last_mut().unwrap() ^= 1;
    tampered.ciphertext = relay_protocol::encoding::encode(&bytes);
    assert_eq!(sam.post(&tampered).status, 201);
    let marias_inbox = maria.as_device();
    let delivered = marias_inbox.fetch(0).messages;
    let (last, earlier) = delivered.split_last().unwrap();
    for delivery in earlier {
        assert!(marias_inbox.open(delivery).is_ok());
    }
    assert_eq!(
        marias_inbox.open(last).unwrap_err(),
        ProtocolError::Unopenable
    );
    // The inbox API without a session, or without the CSRF token, is closed.
    let anonymous =
        support::answer(ureq::get(&format!("{}/inbox/api/participants", relay.url)).call());
    assert_eq!(anonymous.error(), "not_signed_in");
    let no_csrf = support::answer(
        ureq::post(&format!("{}/inbox/api/invites", relay.url)).send_json(json!({})),
    );
    assert_eq!(no_csrf.status, 401);
    let cross_site = support::answer(
        ureq::post(&format!("{}/inbox/api/login", relay.url))
            .set("origin", "https://evil.example")
            .send_json(json!({"username": "maria", "secret": support::login_secret("maria", support::PASSWORD)})),
    );
    assert_eq!(cross_site.error(), "cross_origin");
}

fn hostile_requests_get_clear_errors_and_store_nothing(backend: &Backend) {
    let relay = Relay::start(&backend.argument(), &["--invite-minutes", "0"]);
    relay.add_specialist("maria", "Maria R.");
    let specialist = Specialist::sign_in(&relay, "maria");
    let device = Device::new(&relay);
    let store = relay_store(backend);

    // An invite made with a zero lifetime is already expired.
    let expired = device.pair(&specialist.invite(), "Sam");
    assert_eq!((expired.status, expired.error()), (410, "expired_invite"));
    let unknown = device.pair("AAAAA-BBBBB", "Sam");
    assert_eq!((unknown.status, unknown.error()), (404, "unknown_invite"));

    let url = format!("{}{}", relay.url, api::MESSAGES);
    // Unsigned, badly signed, signed for another body, stale.
    let unsigned = support::answer(ureq::post(&url).send_bytes(b"{}"));
    assert_eq!((unsigned.status, unsigned.error()), (401, "unsigned"));
    let mut signed = device.sign("POST", api::MESSAGES, b"{}");
    signed.body = b"{\"other\":1}".to_vec();
    assert_eq!(signed.send().error(), "bad_signature");
    let stale = device
        .identity
        .sign_request("GET", api::MESSAGES, b"", relay::now_ms() - 600_000)
        .unwrap();
    let mut request = ureq::get(&url);
    for (name, value) in stale.headers() {
        request = request.set(name, &value);
    }
    assert_eq!(support::answer(request.call()).error(), "stale_request");
    // Malformed JSON, oversized bodies, a bad query.
    let malformed = device.request("POST", api::MESSAGES, b"{\"version\":1,");
    assert_eq!(
        (malformed.status, malformed.error()),
        (400, "malformed_json")
    );
    // The old static-key letters (version 1) are gone: the relay says so.
    let version_1 = json!({"version": 1, "from": device.identity.mailbox(),
        "to": device.identity.mailbox(), "salt": "", "nonce": "", "ciphertext": ""});
    let old = device.request("POST", api::MESSAGES, version_1.to_string().as_bytes());
    assert_eq!((old.status, old.error()), (400, "unsupported_version"));
    let huge = vec![b'x'; api::MAX_BODY_BYTES + 1];
    let oversized = device.request("POST", api::MESSAGES, &huge);
    assert_eq!((oversized.status, oversized.error()), (413, "too_large"));
    let bad_query = device.request("GET", &format!("{}?after=soon", api::MESSAGES), b"");
    assert_eq!((bad_query.status, bad_query.error()), (400, "bad_query"));
    // Receipts' ids are exactly what openapi.yaml says: digits separated by
    // single commas (found by schemathesis once it could sign).
    for ids in [
        "%C3%AE",
        "1,,2",
        "%2B1",
        "-1",
        "%201",
        "1,",
        "1234567890123456789",
    ] {
        let refused = device.request("GET", &format!("{}?ids={ids}", api::RECEIPTS), b"");
        assert_eq!(
            (refused.status, refused.error()),
            (400, "bad_query"),
            "{ids}"
        );
    }
    let none = device.request("GET", &format!("{}?ids=", api::RECEIPTS), b"");
    assert_eq!((none.status, none.body), (200, json!({ "receipts": [] })));
    // Pairing with keys that are not the signer's.
    let other = relay_protocol::DeviceIdentity::generate().unwrap();
    let request = api::PairRequest {
        invite: specialist.invite(),
        keys: other.public_keys(),
        identity: device.account.identity(),
        name: "Sam".into(),
    };
    let mismatch = device.request("POST", api::PAIRING, &serde_json::to_vec(&request).unwrap());
    assert_eq!((mismatch.status, mismatch.error()), (403, "key_mismatch"));
    assert_eq!(store.counts().unwrap(), (0, 0), "nothing stored");

    // A wrong password, then too many attempts.
    let wrong = support::login_secret("maria", "wrong password!");
    let login = |secret: &str| {
        support::answer(
            ureq::post(&format!("{}/inbox/api/login", relay.url))
                .send_json(json!({"username": "maria", "secret": secret})),
        )
    };
    assert_eq!(login(&wrong).error(), "bad_login");
    let statuses: Vec<u16> = (0..6).map(|_| login(&wrong).status).collect();
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
    // Unknown endpoints, other methods, bad ids and missing bodies answer JSON too.
    let missing = support::answer(ureq::get(&format!("{}/v1/nothing", relay.url)).call());
    assert_eq!((missing.status, missing.error()), (404, "not_found"));
    let wrong_method = support::answer(ureq::put(&url).call());
    assert_eq!(
        (wrong_method.status, wrong_method.error()),
        (405, "method_not_allowed")
    );
    // A browser's preflight for the device API still gets CORS's answer (the
    // web app calls the relay from its own origin).
    let preflight = ureq::request("OPTIONS", &url)
        .set("Origin", "http://127.0.0.1:8080")
        .set("Access-Control-Request-Method", "POST")
        .set("Access-Control-Request-Headers", "content-type")
        .call()
        .expect("the preflight is answered");
    assert_eq!(preflight.status(), 200);
    assert_eq!(preflight.header("access-control-allow-origin"), Some("*"));
    let bad_id = specialist.change("DELETE", "/inbox/api/participants/sam", &json!({}));
    assert_eq!(
        (bad_id.status, bad_id.error()),
        (404, "no_such_participant")
    );
    let no_body = support::answer(ureq::post(&format!("{}/inbox/api/login", relay.url)).call());
    assert_eq!((no_body.status, no_body.error()), (400, "malformed_json"));
}

fn an_admin_resets_lost_inbox_keys(backend: &Backend) {
    let (relay, maria, sam) = paired(backend);
    assert!(!relay.admin(&["reset-keys", "--username", "nobody"]));
    assert!(relay.admin(&["reset-keys", "--username", "maria"]));
    // The old keys no longer reach Sam, and Sam's pairing ended with them.
    let old_inbox = maria.as_device();
    let refused = old_inbox.post(&old_inbox.seal(&sam.identity.public_keys(), "hi"));
    assert_eq!(refused.error(), "not_paired");
    assert!(maria.participants().is_empty());
    // A new browser registers new keys, and Sam pairs again.
    let fresh = Specialist::sign_in(&relay, "maria");
    let paired = sam.paired(&fresh.invite(), "Sam");
    assert_eq!(paired.specialist_keys, fresh.device.public_keys());
    sam.send(&fresh.device.public_keys(), "hello again");
    assert_eq!(
        fresh.as_device().read_texts(&sam.identity.public_keys(), 0),
        ["hello again"]
    );
}

fn an_invite_works_once(backend: &Backend) {
    let relay = Relay::start(&backend.argument(), &[]);
    relay.add_specialist("maria", "Maria R.");
    let specialist = Specialist::sign_in(&relay, "maria");
    let code = specialist.invite();
    let sam = Device::new(&relay);
    // Typed in lower case with spaces: still the same code.
    sam.paired(&code.to_lowercase().replace('-', " "), "Sam");
    let again = Device::new(&relay).pair(&code, "Someone else");
    assert_eq!((again.status, again.error()), (410, "used_invite"));
    let twice = sam.pair(&specialist.invite(), "Sam");
    assert_eq!((twice.status, twice.error()), (409, "already_paired"));
    let bad_name = Device::new(&relay).pair(&specialist.invite(), "   ");
    assert_eq!((bad_name.status, bad_name.error()), (422, "bad_name"));
    assert_eq!(relay_store(backend).counts().unwrap(), (0, 1));
}

fn acknowledged_messages_leave_no_ciphertext_behind(backend: &Backend) {
    let (_relay, specialist, participant) = paired(backend);
    let maria = specialist.device.public_keys();
    let sent = participant.send(&maria, SENTINEL);
    let inbox = specialist.as_device();
    let ciphertext = inbox.fetch(0).messages[0].message.ciphertext.clone();
    let raw = relay_protocol::encoding::decode(&ciphertext).unwrap();
    let stored = |needle: &[u8]| {
        let stored = backend.stored_bytes();
        stored.windows(needle.len()).any(|window| window == needle)
    };
    assert!(stored(ciphertext.as_bytes()), "kept until acknowledged");

    // Only the recipient's acknowledgement counts.
    assert_eq!(participant.acknowledge(&[sent.id]).status, 204);
    assert_eq!(inbox.fetch(0).messages.len(), 1);
    assert_eq!(inbox.acknowledge(&[sent.id]).status, 204);
    assert!(
        !stored(ciphertext.as_bytes()),
        "the relay kept the ciphertext"
    );
    assert!(!stored(&raw), "the relay kept the ciphertext's bytes");
    assert!(inbox.fetch(0).messages.is_empty());

    // Sam still sees it delivered, and read once Maria reads it.
    let read = serde_json::to_vec(&api::ReadRequest { ids: vec![sent.id] }).unwrap();
    assert_eq!(inbox.request("POST", api::READ, &read).status, 204);
    let receipts = participant.receipts(&[sent.id]).receipts;
    assert!(receipts[0].delivered_at_ms.is_some() && receipts[0].read_at_ms.is_some());
}

fn unacknowledged_messages_are_deleted_after_the_retention_period(backend: &Backend) {
    let (_relay, specialist, participant) = paired(backend);
    participant.send(&specialist.device.public_keys(), "never fetched");
    let store = relay_store(backend);
    assert_eq!(store.counts().unwrap().0, 1);
    // A relay started with no retention deletes it before it listens.
    let _strict = Relay::start(&backend.argument(), &["--retention-days", "0"]);
    assert_eq!(store.counts().unwrap().0, 0);
    assert!(specialist.as_device().fetch(0).messages.is_empty());
}

fn healthy_and_ready(backend: &Backend) {
    let relay = Relay::start(&backend.argument(), &[]);
    let get = |path: &str| support::answer(ureq::get(&format!("{}{path}", relay.url)).call());
    let health = get("/healthz");
    assert_eq!(
        (health.status, health.body["status"].as_str()),
        (200, Some("ok"))
    );
    let ready = get("/readyz");
    assert_eq!(
        (ready.status, ready.body["status"].as_str()),
        (200, Some("ready"))
    );
}

both_backends! {
    a_load_balancer_sees_the_relay_alive_and_ready => healthy_and_ready;
    acknowledged_messages_leave_no_ciphertext_on_the_relay => acknowledged_messages_leave_no_ciphertext_behind;
    messages_nobody_acknowledges_are_deleted_after_the_retention_period => unacknowledged_messages_are_deleted_after_the_retention_period;
    conversation_survives_relay_restart_and_stores_no_plaintext => conversation_survives_a_restart;
    messages_arrive_in_order => messages_arrive_in_the_order_they_were_sent;
    unpairing_stops_delivery_both_ways => unpairing_stops_delivery;
    nobody_reads_or_writes_another_mailbox_or_replays => nobody_reads_or_writes_another_mailbox;
    hostile_requests_are_refused_clearly => hostile_requests_get_clear_errors_and_store_nothing;
    an_invite_code_works_once => an_invite_works_once;
    an_admin_resets_lost_inbox_keys_and_participants_pair_again => an_admin_resets_lost_inbox_keys;
}
