//! The relay's connection to PostgreSQL: TLS that checks the server's
//! certificate and host name, and no plain connection across a network.
//! The test PostgreSQL (started by `cargo xtask test`) serves a certificate
//! for `localhost` only, signed by the authority in `PHOENIX_TEST_POSTGRES_CA`.

mod support;

use std::process::{Command, Stdio};

use support::{Backend, Relay, relay_binary};

/// The test database and its authority's file, or `None` without them.
fn tls_backend() -> Option<(Backend, String)> {
    let backend = Backend::postgres()?;
    let ca = std::env::var("PHOENIX_TEST_POSTGRES_CA").ok()?;
    Some((backend, ca))
}

/// The backend's connection string, reaching the server by `host`.
fn through_host(backend: &Backend, host: &str) -> String {
    backend
        .argument()
        .replace("host=127.0.0.1", &format!("host={host}"))
}

/// `phoenix-relay serve` that is expected to refuse to start: its error.
fn refused_start(database: &str, extra: &[&str]) -> String {
    let output = Command::new(relay_binary())
        .args(["--database", database])
        .args(extra)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success(), "the relay started");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_relay_talks_to_postgresql_over_tls_when_the_certificate_names_the_host() {
    let Some((backend, ca)) = tls_backend() else {
        return;
    };
    let database = through_host(&backend, "localhost");
    let relay = Relay::start(&database, &["--database-ca", &ca]);
    let ready = ureq::get(&format!("{}/readyz", relay.url)).call().unwrap();
    assert_eq!(ready.status(), 200);

    // PostgreSQL itself reports the relay's connections as encrypted.
    let Backend::Postgres { admin, database } = &backend else {
        unreachable!()
    };
    let mut client = postgres::Client::connect(admin, postgres::NoTls).unwrap();
    let row = client
        .query_one(
            "SELECT count(*) FILTER (WHERE s.ssl), count(*) FROM pg_stat_ssl s \
             JOIN pg_stat_activity a USING (pid) WHERE a.datname = $1",
            &[database],
        )
        .unwrap();
    let (encrypted, all): (i64, i64) = (row.get(0), row.get(1));
    assert!(all > 0, "the relay holds connections");
    assert_eq!(encrypted, all, "every connection of the relay is encrypted");
}

#[test]
fn a_certificate_for_another_host_name_is_refused() {
    let Some((backend, ca)) = tls_backend() else {
        return;
    };
    // The certificate names `localhost`; 127.0.0.1 is not a name it holds.
    let error = refused_start(
        &through_host(&backend, "127.0.0.1"),
        &["--database-ca", &ca],
    );
    assert!(error.contains("certificate"), "{error}");
}

#[test]
fn a_certificate_from_an_authority_the_relay_does_not_trust_is_refused() {
    let Some((backend, _)) = tls_backend() else {
        return;
    };
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let stranger = params
        .self_signed(&rcgen::KeyPair::generate().unwrap())
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let other_ca = dir.path().join("other-ca.crt");
    std::fs::write(&other_ca, stranger.pem()).unwrap();
    let error = refused_start(
        &through_host(&backend, "localhost"),
        &["--database-ca", other_ca.to_str().unwrap()],
    );
    assert!(error.contains("certificate"), "{error}");
}

#[test]
fn a_plain_connection_to_another_host_is_refused_at_start() {
    // Refused before any connection is tried: nothing leaves the machine.
    let error = refused_start("postgres://relay@db.example.org/phoenix", &[]);
    assert!(
        error.contains("db.example.org is not on this machine") && error.contains("--database-ca"),
        "{error}"
    );
}
