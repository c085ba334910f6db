//! Crash safety: a writer process is killed with SIGKILL at random moments;
//! afterwards the vault opens, passes `PRAGMA integrity_check`, and every
//! record the writer had acknowledged is present and decrypts.
//!
//! The writer inserts and rewrites records over a fixed set of ids (so the
//! file stays bounded however many cycles run); each body carries a
//! sequence number, and after a kill each id must hold at least the last
//! version acknowledged for it (a later, committed but unacknowledged
//! version is fine).
//!
//! The writer is this test binary itself, re-run with `--ignored --exact
//! crash_writer` and the vault's location in the environment.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ring::rand::{SecureRandom, SystemRandom};
use shared::vault::{Change, Credential, Passcode, PlatformKey, RecordKind, Vault};

const VAULT_ENV: &str = "PHOENIX_CRASH_VAULT";
const KEY_ENV: &str = "PHOENIX_CRASH_KEY";
const NOW: i64 = 1_790_000_000_000;

/// Ids the writer cycles through: inserts first, rewrites afterwards.
const IDS: u64 = 400;

fn body_for(id: u64, sequence: u64) -> Vec<u8> {
    // Varying sizes so some writes span pages.
    let filler = "x".repeat(usize::try_from(sequence % 3000).unwrap());
    format!("{id} {sequence} {filler}").into_bytes()
}

/// The (id, sequence) a body was written with.
fn parse_body(body: &[u8]) -> (u64, u64) {
    let text = std::str::from_utf8(body).expect("a body the writer wrote");
    let mut parts = text.split(' ');
    let id = parts.next().unwrap().parse().unwrap();
    let sequence = parts.next().unwrap().parse().unwrap();
    assert_eq!(body, body_for(id, sequence), "body intact");
    (id, sequence)
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

/// The child: writes records forever, printing `ack <id>` after each commit.
#[test]
#[ignore = "run by the crash test as a child process"]
fn crash_writer() {
    let (Ok(path), Ok(key)) = (std::env::var(VAULT_ENV), std::env::var(KEY_ENV)) else {
        return;
    };
    let key = PlatformKey::from_bytes(&unhex(&key)).unwrap();
    let mut vault = Vault::unlock(&path, &Credential::PlatformKey(key), NOW).unwrap();
    let stored = vault.load_all().unwrap().records;
    let mut sequence = stored
        .iter()
        .map(|r| parse_body(&r.body).1)
        .max()
        .unwrap_or(0);
    loop {
        sequence += 1;
        let id = 1 + sequence % IDS;
        let kind = if id.is_multiple_of(2) {
            RecordKind::CheckIn
        } else {
            RecordKind::Message
        };
        vault
            .apply(&[Change::put(kind, id, body_for(id, sequence))])
            .unwrap();
        println!("ack {id} {sequence}");
    }
}

fn random_below(rng: &SystemRandom, bound: u64) -> u64 {
    let mut bytes = [0u8; 8];
    rng.fill(&mut bytes).unwrap();
    u64::from_le_bytes(bytes) % bound
}

fn cycles() -> u32 {
    std::env::var("PHOENIX_CRASH_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50)
}

#[test]
fn killed_writers_never_lose_acknowledged_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("phoenix.db");
    let key = PlatformKey::generate().unwrap();
    let mut vault = Vault::create(&path, &Passcode::new("crash test")).unwrap();
    vault.enroll_platform_key(&key).unwrap();
    drop(vault);

    let rng = SystemRandom::new();
    // The last acknowledged sequence for each id.
    let mut acknowledged: HashMap<u64, u64> = HashMap::new();
    let mut acks = 0_usize;
    let cycles = cycles();
    for cycle in 0..cycles {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "crash_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(VAULT_ENV, &path)
            .env(KEY_ENV, hex(key.as_bytes()))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (acks_tx, acks_rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(ack) = line.strip_prefix("ack ") {
                    let (id, sequence) = ack.split_once(' ').unwrap();
                    let ack = (id.parse::<u64>().unwrap(), sequence.parse::<u64>().unwrap());
                    if acks_tx.send(ack).is_err() {
                        break;
                    }
                }
            }
        });
        // Wait for the first acknowledged write, then kill at a random moment.
        let mut received = vec![
            acks_rx
                .recv_timeout(Duration::from_secs(30))
                .expect("writer started"),
        ];
        let deadline = Instant::now() + Duration::from_micros(random_below(&rng, 60_000));
        while Instant::now() < deadline {
            received.extend(acks_rx.try_recv().ok());
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reader.join().unwrap();
        received.extend(acks_rx.try_iter());
        acks += received.len();
        acknowledged.extend(received);

        let same_key = PlatformKey::from_bytes(key.as_bytes()).unwrap();
        let vault = Vault::unlock(&path, &Credential::PlatformKey(same_key), NOW)
            .unwrap_or_else(|e| panic!("cycle {cycle}: vault did not open: {e}"));
        let check: String = rusqlite::Connection::open(&path)
            .unwrap()
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(check, "ok", "cycle {cycle}");
        let data = vault.load_all().unwrap();
        assert!(
            data.damaged.is_empty(),
            "cycle {cycle}: damaged {:?}",
            data.damaged
        );
        let stored: HashMap<u64, u64> = data
            .records
            .iter()
            .map(|record| {
                let (id, sequence) = parse_body(&record.body);
                assert_eq!(id, record.id, "cycle {cycle}: body under its own id");
                (id, sequence)
            })
            .collect();
        for (id, sequence) in &acknowledged {
            let found = stored.get(id).copied().unwrap_or(0);
            assert!(
                found >= *sequence,
                "cycle {cycle}: id {id} lost write {sequence} (has {found})"
            );
        }
    }
    eprintln!("{cycles} kills, {acks} acknowledged writes, none lost");
}
