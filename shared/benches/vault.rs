//! The vault against plain, unencrypted rusqlite on the same ten-year
//! dataset, measured side by side: every round times both, alternating which
//! goes first, and ratios are taken within a round. This machine is shared
//! and noisy; only ratios measured together mean anything.
//!
//! Both sides use the same tables, PRAGMAs and durability; the plain side
//! stores bodies in the clear. Prints a Markdown table.
//! Run: `cargo bench -p shared --bench vault [-- --rounds N]` (or `cargo xtask bench`).

use std::hint::black_box;
use std::num::NonZeroU32;
use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::Connection;
use shared::vault::{Change, Credential, Passcode, PlatformKey, RecordKind, Vault};

const NOW: i64 = 1_790_000_000_000;
const PASSCODE: &str = "bench passcode";

/// Ten years of daily use: 3,650 check-ins, 200 goals with four steps each,
/// 150 triggers and 150 coping strategies, 10,000 messages (about 4 MB).
fn ten_year_dataset() -> Vec<(RecordKind, u64, Vec<u8>)> {
    let text = |n: u64, len: usize| -> Vec<u8> {
        let seed = format!("entry {n}: felt steady, walked after work, called my sponsor. ");
        seed.bytes().cycle().take(len).collect()
    };
    let mut records = Vec::new();
    let mut push = |kind, count: u64, len: usize| {
        for id in 1..=count {
            records.push((kind, id, text(id, len)));
        }
    };
    push(RecordKind::CheckIn, 3_650, 300);
    push(RecordKind::Goal, 200, 320);
    push(RecordKind::GoalStep, 800, 120);
    push(RecordKind::Trigger, 150, 150);
    push(RecordKind::CopingStrategy, 150, 150);
    push(RecordKind::Message, 10_000, 250);
    records
}

fn configure(conn: &Connection) {
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .unwrap();
    conn.execute_batch(
        "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON;",
    )
    .unwrap();
}

fn create_plain(path: &Path, records: &[(RecordKind, u64, Vec<u8>)]) {
    let mut conn = Connection::open(path).unwrap();
    configure(&conn);
    let tx = conn.transaction().unwrap();
    for kind in RecordKind::ALL {
        tx.execute_batch(&format!(
            "CREATE TABLE {} (id INTEGER PRIMARY KEY, body BLOB NOT NULL) STRICT;",
            kind.table()
        ))
        .unwrap();
    }
    for (kind, id, body) in records {
        tx.execute(
            &format!("INSERT INTO {} (id, body) VALUES (?1, ?2)", kind.table()),
            (i64::try_from(*id).unwrap(), body),
        )
        .unwrap();
    }
    tx.commit().unwrap();
}

/// Plain rusqlite: open, configure, read every row into owned buffers.
fn open_and_load_plain(path: &Path) -> Vec<(RecordKind, u64, Vec<u8>)> {
    let conn = Connection::open(path).unwrap();
    configure(&conn);
    let mut out = Vec::new();
    for kind in RecordKind::ALL {
        let mut statement = conn
            .prepare(&format!(
                "SELECT id, body FROM {} ORDER BY id",
                kind.table()
            ))
            .unwrap();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let id: i64 = row.get(0).unwrap();
            let body: Vec<u8> = row.get(1).unwrap();
            out.push((kind, u64::try_from(id).unwrap(), body));
        }
    }
    out
}

fn create_vault(path: &Path, key: &PlatformKey, records: &[(RecordKind, u64, Vec<u8>)]) {
    let mut vault = Vault::create(path, &Passcode::new(PASSCODE)).unwrap();
    vault.enroll_platform_key(key).unwrap();
    let changes: Vec<Change> = records
        .iter()
        .map(|(kind, id, body)| Change::put(*kind, *id, body.clone()))
        .collect();
    vault.apply(&changes).unwrap();
}

fn unlock(path: &Path, key: &PlatformKey) -> Vault {
    let key = PlatformKey::from_bytes(key.as_bytes()).unwrap();
    Vault::unlock(path, &Credential::PlatformKey(key), NOW).unwrap()
}

/// Times `f`, keeping what it returns alive until after the clock stops
/// (dropping the loaded data happens at lock time, not on the unlock path).
fn time<T>(f: impl FnOnce() -> T) -> Duration {
    let start = Instant::now();
    let out = f();
    let elapsed = start.elapsed();
    drop(black_box(out));
    elapsed
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len().is_multiple_of(2) {
        f64::midpoint(values[mid - 1], values[mid])
    } else {
        values[mid]
    }
}

/// Samples of two contenders taken in the same rounds.
#[derive(Default)]
struct SideBySide {
    plain: Vec<f64>,
    vault: Vec<f64>,
}

impl SideBySide {
    fn record(&mut self, plain: Duration, vault: Duration) {
        self.plain.push(plain.as_secs_f64() * 1e3);
        self.vault.push(vault.as_secs_f64() * 1e3);
    }

    fn row(&mut self, name: &str) -> String {
        let mut ratios: Vec<f64> = self
            .vault
            .iter()
            .zip(&self.plain)
            .map(|(v, p)| v / p)
            .collect();
        format!(
            "| {name} | {:.3} ms | {:.3} ms | {:.2}× |",
            median(&mut self.plain),
            median(&mut self.vault),
            median(&mut ratios)
        )
    }
}

fn rounds_from_args() -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|arg| arg == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(21)
}

struct Setup {
    _dir: tempfile::TempDir,
    records: Vec<(RecordKind, u64, Vec<u8>)>,
    plain_path: std::path::PathBuf,
    vault_path: std::path::PathBuf,
    key: PlatformKey,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let records = ten_year_dataset();
    let plain_path = dir.path().join("plain.db");
    let vault_path = dir.path().join("vault.db");
    let key = PlatformKey::generate().unwrap();
    create_plain(&plain_path, &records);
    create_vault(&vault_path, &key, &records);
    Setup {
        _dir: dir,
        records,
        plain_path,
        vault_path,
        key,
    }
}

/// Open-and-load, one insert and one update, both sides in every round.
fn side_by_side(setup: &Setup, rounds: usize) -> [(&'static str, SideBySide); 3] {
    let mut load = SideBySide::default();
    let mut insert = SideBySide::default();
    let mut update = SideBySide::default();
    let plain = Connection::open(&setup.plain_path).unwrap();
    configure(&plain);
    let mut vault = unlock(&setup.vault_path, &setup.key);
    let body = setup.records[0].2.clone();
    let mut next_id = 100_000_u64;
    for round in 0..rounds {
        let plain_first = round % 2 == 0;
        let (mut p, mut v) = (Duration::ZERO, Duration::ZERO);
        for first in [plain_first, !plain_first] {
            if first {
                p = time(|| open_and_load_plain(&setup.plain_path));
            } else {
                v = time(|| unlock(&setup.vault_path, &setup.key).load_all().unwrap());
            }
        }
        load.record(p, v);

        next_id += 1;
        let id = i64::try_from(next_id).unwrap();
        let p = time(|| {
            plain
                .execute(
                    "INSERT INTO check_ins (id, body) VALUES (?1, ?2)",
                    (id, &body),
                )
                .unwrap()
        });
        let v = time(|| {
            vault
                .apply(&[Change::put(RecordKind::CheckIn, next_id, body.clone())])
                .unwrap();
        });
        insert.record(p, v);

        let step = 1 + (next_id % 800);
        let step_body = format!("step {step} done at round {round}").into_bytes();
        let p = time(|| {
            plain
                .execute(
                    "UPDATE goal_steps SET body = ?1 WHERE id = ?2",
                    (&step_body, i64::try_from(step).unwrap()),
                )
                .unwrap()
        });
        let v = time(|| {
            vault
                .apply(&[Change::put(RecordKind::GoalStep, step, step_body.clone())])
                .unwrap();
        });
        update.record(p, v);
    }
    [
        ("open and load everything (platform key)", load),
        ("insert one check-in (durable)", insert),
        ("update one goal step (durable)", update),
    ]
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// The KDF alone, a passcode unlock (KDF + open + load), a full export.
fn key_derivation(setup: &Setup, samples: usize) -> [(&'static str, f64); 3] {
    let (mut kdf, mut unlock_all, mut export) = (Vec::new(), Vec::new(), Vec::new());
    let vault = unlock(&setup.vault_path, &setup.key);
    for _ in 0..samples {
        let mut out = [0u8; 32];
        kdf.push(millis(time(|| {
            ring::pbkdf2::derive(
                ring::pbkdf2::PBKDF2_HMAC_SHA256,
                NonZeroU32::new(600_000).unwrap(),
                &[7; 16],
                PASSCODE.as_bytes(),
                &mut out,
            );
        })));
        unlock_all.push(millis(time(|| {
            let credential = Credential::Passcode(Passcode::new(PASSCODE));
            Vault::unlock(&setup.vault_path, &credential, NOW)
                .unwrap()
                .load_all()
                .unwrap()
        })));
        export.push(millis(time(|| {
            vault.export_backup(&Passcode::new("backup words")).unwrap()
        })));
    }
    [
        ("PBKDF2-HMAC-SHA256, 600,000 iterations", median(&mut kdf)),
        (
            "unlock with passcode, then load everything",
            median(&mut unlock_all),
        ),
        (
            "full export (encrypted backup, includes the KDF)",
            median(&mut export),
        ),
    ]
}

fn main() {
    let rounds = rounds_from_args();
    let setup = setup();
    let bytes: usize = setup.records.iter().map(|(_, _, body)| body.len()).sum();
    println!(
        "Dataset: {} records, {:.1} MB of record bodies. {rounds} rounds, medians.\n",
        setup.records.len(),
        f64::from(u32::try_from(bytes).unwrap()) / 1e6
    );
    println!("| operation | plain rusqlite | vault | vault / plain |");
    println!("| --- | ---: | ---: | ---: |");
    for (name, mut samples) in side_by_side(&setup, rounds) {
        println!("{}", samples.row(name));
    }
    println!("\n| operation | median |\n| --- | ---: |");
    for (name, value) in key_derivation(&setup, 5) {
        println!("| {name} | {value:.1} ms |");
    }
}
