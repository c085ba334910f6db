//! What the organization's operator relies on: Prometheus metrics on their
//! own listener that never carry participant content, and a shutdown on
//! SIGTERM that finishes the requests in flight.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

use support::{Backend, Device, PASSWORD, Relay, Specialist, login_secret, relay_binary};

/// A loopback address no one listens on yet, for `--metrics-address`.
fn free_address() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}

fn scrape(address: &str) -> String {
    ureq::get(&format!("http://{address}/metrics"))
        .call()
        .unwrap()
        .into_string()
        .unwrap()
}

/// The value of the sample whose line starts with `series` (name and labels).
fn sample(metrics: &str, series: &str) -> u64 {
    metrics
        .lines()
        .find_map(|line| line.strip_prefix(series)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no sample {series} in:\n{metrics}"))
}

#[test]
fn the_metrics_count_requests_by_route_and_never_show_participant_content() {
    let backend = Backend::sqlite();
    let metrics_address = free_address();
    let relay = Relay::start(
        &backend.argument(),
        &["--metrics-address", &metrics_address],
    );
    relay.add_specialist("maria", "Maria R.");
    let maria = Specialist::sign_in(&relay, "maria");
    let sam = Device::new(&relay);
    sam.paired(&maria.invite(), "Sam Q.");
    let maria_keys = maria.device.public_keys();
    sam.send(&maria_keys, "I went to the meeting");
    sam.send(&maria_keys, "and stayed for coffee");
    let mailbox = sam.identity.mailbox().0;
    // A path that carries a mailbox id and matches no route.
    let stray = ureq::get(&format!("{}/v1/mailboxes/{mailbox}", relay.url)).call();
    assert!(stray.is_err());

    let metrics = scrape(&metrics_address);
    assert_eq!(
        sample(
            &metrics,
            r#"relay_http_requests_total{route="/v1/messages",method="POST",status="201"}"#
        ),
        2
    );
    assert_eq!(
        sample(
            &metrics,
            r#"relay_http_requests_total{route="unmatched",method="GET",status="404"}"#
        ),
        1
    );
    assert_eq!(
        sample(
            &metrics,
            r#"relay_http_request_duration_seconds_count{route="/v1/messages",method="POST"}"#
        ),
        2
    );
    assert_eq!(sample(&metrics, "relay_pending_messages"), 2);
    assert_eq!(sample(&metrics, "relay_argon2_permits_in_use"), 0);
    assert!(sample(&metrics, "relay_store_call_duration_seconds_count") > 0);

    // Maria fetches: the queue empties, and the counters keep moving.
    assert_eq!(maria.as_device().fetch(0).messages.len(), 2);
    let metrics = scrape(&metrics_address);
    assert_eq!(sample(&metrics, "relay_pending_messages"), 0);
    assert_eq!(
        sample(
            &metrics,
            r#"relay_http_requests_total{route="/v1/messages",method="GET",status="200"}"#
        ),
        1
    );
    for private in [mailbox.as_str(), "Sam Q.", "maria", "Maria R.", "meeting"] {
        assert!(!metrics.contains(private), "the metrics show {private:?}");
    }

    // The public listener does not serve them.
    let public = ureq::get(&format!("{}/metrics", relay.url)).call();
    assert!(matches!(public, Err(ureq::Error::Status(404, _))));
}

#[test]
fn a_sign_in_in_flight_when_the_relay_is_told_to_stop_still_completes() {
    let backend = Backend::sqlite();
    let database = backend.argument();
    Relay::start(&database, &[]).add_specialist("maria", "Maria R.");
    let mut relay = Command::new(relay_binary())
        .args(["--database", &database, "serve", "--listen", "127.0.0.1:0"])
        .args(["--insecure-cookies"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(relay.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let origin = line
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .unwrap()
        .to_owned();

    // The request's head asks to continue: the relay's "100 Continue" says
    // the login handler is running and reading the body.
    let secret = login_secret("maria", PASSWORD);
    let body = format!(r#"{{"username":"maria","secret":"{secret}"}}"#);
    let mut connection = TcpStream::connect(origin.trim_start_matches("http://")).unwrap();
    write!(
        connection,
        "POST /inbox/api/login HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\n\
         Content-Type: application/json\r\nContent-Length: {length}\r\n\
         Expect: 100-continue\r\n\r\n",
        host = origin.trim_start_matches("http://"),
        length = body.len(),
    )
    .unwrap();
    let mut continue_line = [0u8; 25];
    connection.read_exact(&mut continue_line).unwrap();
    assert!(continue_line.starts_with(b"HTTP/1.1 100 Continue"));

    let stop = Command::new("kill")
        .args(["-TERM", &relay.id().to_string()])
        .status()
        .unwrap();
    assert!(stop.success());
    // The login secret, and its Argon2 check, only now.
    connection.write_all(body.as_bytes()).unwrap();
    let mut answer = String::new();
    connection.read_to_string(&mut answer).unwrap();
    assert!(answer.contains("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("csrf"), "signed in: {answer}");
    assert!(relay.wait().unwrap().success(), "the relay exits 0");
}
