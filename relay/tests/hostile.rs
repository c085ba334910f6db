//! Property-based fuzzing of the HTTP API on a real relay process: whatever
//! arrives, the answer is a clear 4xx with a JSON error (never a 5xx), the
//! relay keeps serving, and nothing refused is stored. Plus: the OpenAPI
//! description names every endpoint and every error code the relay uses.

mod support;

use proptest::prelude::*;
use relay_protocol::api::{self, ErrorCode};
use support::{Backend, Device, Relay, Specialist};

fn relay() -> (Backend, Relay) {
    let backend = Backend::sqlite();
    let relay = Relay::start(
        &backend.argument(),
        &[
            "--device-requests-per-second",
            "100000",
            "--pairings-per-minute",
            "100000",
        ],
    );
    (backend, relay)
}

fn is_clear_refusal(answer: &support::Answer) -> bool {
    (400..500).contains(&answer.status) && !answer.error().is_empty()
}

fn message_field() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<i64>().prop_map(serde_json::Value::from),
        ".{0,40}".prop_map(serde_json::Value::from),
        "[A-Za-z0-9_-]{0,64}".prop_map(serde_json::Value::from),
        prop::collection::vec(any::<u8>(), 0..8).prop_map(|v| serde_json::json!(v)),
    ]
}

fn runner() -> proptest::test_runner::TestRunner {
    proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })
}

#[test]
fn arbitrary_signed_bodies_are_refused_clearly() {
    let (backend, relay) = relay();
    let device = Device::new(&relay);
    let store = relay::store::Store::new(relay::db::open(&backend.argument()).unwrap());
    let paths = prop::sample::select(vec![api::PAIRING, api::MESSAGES, api::READ]);
    let body = prop::collection::vec(any::<u8>(), 0..300);
    runner()
        .run(&(paths, body), |(path, body)| {
            let answer = device.request("POST", path, &body);
            prop_assert!(is_clear_refusal(&answer), "{path}: {answer:?}");
            prop_assert_eq!(store.counts().unwrap(), (0, 0));
            Ok(())
        })
        .unwrap();
}

#[test]
fn damaged_sealed_messages_are_refused_or_kept_as_opaque_bytes() {
    let (_backend, relay) = relay();
    relay.add_specialist("maria", "Maria R.");
    let specialist = Specialist::sign_in(&relay, "maria");
    let inbox = specialist.as_device();
    let sam = Device::new(&relay);
    sam.paired(&specialist.invite(), "Sam");
    let fields = prop::sample::select(vec![
        "version",
        "from",
        "to",
        "pre_key",
        "ciphertext",
        "extra",
    ]);
    let after = std::cell::Cell::new(0);
    runner()
        .run(
            &(fields, message_field(), "[ -~]{0,30}"),
            |(field, value, query)| {
                let mut sealed =
                    serde_json::to_value(sam.seal(&specialist.device.public_keys(), "hello"))
                        .unwrap();
                sealed[field] = value;
                let answer =
                    sam.request("POST", api::MESSAGES, &serde_json::to_vec(&sealed).unwrap());
                prop_assert!(
                    answer.status == 201 || is_clear_refusal(&answer),
                    "{answer:?}"
                );
                let delivered = inbox.fetch(after.get()).messages;
                // Accepted means well-formed and addressed; the client still checks it.
                prop_assert_eq!(delivered.len(), usize::from(answer.status == 201));
                after.set(delivered.last().map_or(after.get(), |d| d.id));
                let query = query.replace([' ', '#'], "");
                let fetched = sam.request("GET", &format!("{}?{query}", api::MESSAGES), b"");
                prop_assert!(
                    fetched.status == 200 || is_clear_refusal(&fetched),
                    "{fetched:?}"
                );
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn arbitrary_signature_headers_are_unauthorized() {
    let (_backend, relay) = relay();
    let printable = || "[ -~]{0,60}";
    runner()
        .run(
            &(printable(), printable(), printable(), printable()),
            |(device, time, nonce, signature)| {
                let answer = support::answer(
                    ureq::get(&format!("{}{}", relay.url, api::MESSAGES))
                        .set("x-phoenix-device", device.trim())
                        .set("x-phoenix-time", time.trim())
                        .set("x-phoenix-nonce", nonce.trim())
                        .set("x-phoenix-signature", signature.trim())
                        .call(),
                );
                prop_assert_eq!(answer.status, 401, "{:?}", answer);
                Ok(())
            },
        )
        .unwrap();
}

/// A relay behind a reverse proxy that tells it each client's address.
fn relay_behind_a_proxy(extra: &[&str]) -> (Backend, Relay) {
    let backend = Backend::sqlite();
    let mut options = vec!["--client-address-header", "x-forwarded-for"];
    options.extend_from_slice(extra);
    let relay = Relay::start(&backend.argument(), &options);
    relay.add_specialist("maria", "Maria R.");
    (backend, relay)
}

fn login_from(relay: &Relay, address: &str, password: &str) -> u16 {
    support::answer(
        ureq::post(&format!("{}/inbox/api/login", relay.url))
            .set("x-forwarded-for", address)
            .send_json(serde_json::json!({
                "username": "maria",
                "secret": support::login_secret("maria", password),
            })),
    )
    .status
}

#[test]
fn a_flood_of_wrong_passwords_does_not_stop_the_specialist_signing_in_from_elsewhere() {
    let (_backend, relay) = relay_behind_a_proxy(&[]);
    let flood: Vec<u16> = (0..7)
        .map(|_| login_from(&relay, "203.0.113.7", "wrong password!"))
        .collect();
    assert_eq!(flood, [401, 401, 401, 401, 401, 429, 429], "backs off");
    // The flooding address waits, even with the right password...
    assert_eq!(login_from(&relay, "203.0.113.7", support::PASSWORD), 429);
    // ...but Maria, at her office, signs in.
    assert_eq!(login_from(&relay, "198.51.100.20", support::PASSWORD), 200);
    // An address in the flood's IPv6 /64 shares its back-off; the next /64 does not.
    for _ in 0..5 {
        login_from(&relay, "2001:db8:1:2::1", "wrong password!");
    }
    assert_eq!(
        login_from(&relay, "2001:db8:1:2::99", support::PASSWORD),
        429
    );
    assert_eq!(
        login_from(&relay, "2001:db8:1:3::1", support::PASSWORD),
        200
    );
}

#[test]
fn a_flood_of_wrong_invite_codes_from_one_address_does_not_block_another() {
    let (_backend, relay) = relay_behind_a_proxy(&["--pairings-per-minute", "3"]);
    let specialist = Specialist::sign_in(&relay, "maria");
    let guesser = Device::new(&relay);
    let statuses: Vec<u16> = (0..5)
        .map(|_| {
            guesser
                .pair_request("AAAAA-BBBBB", "Guess")
                .from_address("203.0.113.7")
                .send()
                .status
        })
        .collect();
    assert_eq!(statuses, [404, 404, 404, 429, 429]);
    let sam = Device::new(&relay);
    let paired = sam
        .pair_request(&specialist.invite(), "Sam")
        .from_address("198.51.100.20")
        .send();
    assert_eq!(paired.status, 200, "{paired:?}");
}

#[test]
fn the_openapi_description_covers_every_endpoint_and_error_code() {
    let description = include_str!("../openapi.yaml");
    let sources = ["src/http/mod.rs", "src/http/device.rs", "src/http/inbox.rs"]
        .map(|path| std::fs::read_to_string(path).unwrap())
        .join("\n");
    for path in [
        api::PAIRING,
        api::MESSAGES,
        api::READ,
        api::ACKNOWLEDGE,
        api::RECEIPTS,
    ] {
        assert!(
            description.contains(&format!("  {path}:")),
            "{path} undocumented"
        );
    }
    for route in sources
        .split(".route(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
    {
        assert!(
            description.contains(&format!("  {route}:")),
            "{route} undocumented"
        );
    }
    // Every code the relay can answer with: `Failure` carries an `ErrorCode`.
    for code in ErrorCode::ALL.iter().map(|code| code.as_str()) {
        assert!(description.contains(code), "error code {code} undocumented");
    }
}
