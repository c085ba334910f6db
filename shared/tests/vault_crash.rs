//! Crash safety: a writer process is killed with SIGKILL at random moments;
//! afterwards the vault opens, passes `PRAGMA integrity_check`, and every
//! record the writer had acknowledged is present and decrypts.
//!
//! The writer is this test binary itself, re-run with `--ignored --exact
//! crash_writer` and the vault's location in the environment.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ring::rand::{SecureRandom, SystemRandom};
use shared::vault::{Change, Credential, Passcode, PlatformKey, RecordKind, Vault};

const VAULT_ENV: &str = "PHOENIX_CRASH_VAULT";
const KEY_ENV: &str = "PHOENIX_CRASH_KEY";
const NOW: i64 = 1_790_000_000_000;

fn body_for(id: u64) -> Vec<u8> {
    // Varying sizes so some writes span pages.
    let filler = "x".repeat(usize::try_from(id % 3000).unwrap());
    format!("check-in {id} {filler}").into_bytes()
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
    let mut next = vault
        .load_all()
        .unwrap()
        .records
        .iter()
        .map(|r| r.id)
        .max()
        .unwrap_or(0)
        + 1;
    loop {
        let kind = if next % 2 == 0 {
            RecordKind::CheckIn
        } else {
            RecordKind::Message
        };
        vault
            .apply(&[Change::put(kind, next, body_for(next))])
            .unwrap();
        println!("ack {next}");
        next += 1;
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
    let mut acknowledged: Vec<u64> = Vec::new();
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
                if let Some(id) = line.strip_prefix("ack ")
                    && acks_tx.send(id.parse::<u64>().unwrap()).is_err()
                {
                    break;
                }
            }
        });
        // Wait for the first acknowledged write, then kill at a random moment.
        let first = acks_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("writer started");
        acknowledged.push(first);
        let deadline = Instant::now() + Duration::from_micros(random_below(&rng, 60_000));
        while Instant::now() < deadline {
            if let Ok(id) = acks_rx.try_recv() {
                acknowledged.push(id);
            }
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reader.join().unwrap();
        acknowledged.extend(acks_rx.try_iter());

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
        let stored: std::collections::HashMap<u64, &[u8]> =
            data.records.iter().map(|r| (r.id, &r.body[..])).collect();
        for id in &acknowledged {
            assert_eq!(
                stored.get(id).copied(),
                Some(&body_for(*id)[..]),
                "cycle {cycle}: record {id}"
            );
        }
    }
    eprintln!(
        "{cycles} kills, {} acknowledged records, all present",
        acknowledged.len()
    );
}
