//! The vault against plain, unencrypted rusqlite on the same ten-year
//! dataset, measured side by side: every round times both, alternating which
//! goes first, and ratios are taken within a round. This machine is shared
//! and noisy; only ratios measured together mean anything.
//!
//! Both sides use the same tables, PRAGMAs and durability; the plain side
//! stores bodies in the clear. Prints a Markdown table; beside the wall
//! clock, the open-and-load's CPU time (every thread of the process), which
//! a busy machine's scheduler blurs far less.
//! Run: `cargo bench -p shared --bench vault [-- --rounds N]` (or `cargo xtask bench`).

mod support;

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;
use shared::vault::{Change, Credential, Passcode, PlatformKey, RecordKind, Vault};
use support::{SideBySide, median, millis, pair, rounds_from_args, time};

const NOW: i64 = 1_790_000_000_000;
const PASSCODE: &str = "bench passcode";

fn kind_of(table: &str) -> RecordKind {
    RecordKind::ALL
        .into_iter()
        .find(|kind| kind.table() == table)
        .unwrap()
}

fn create_vault(path: &Path, key: &PlatformKey, records: &[(&str, u64, Vec<u8>)]) {
    let mut vault = Vault::create(path, &Passcode::new(PASSCODE)).unwrap();
    vault.enroll_platform_key(key).unwrap();
    let changes: Vec<Change> = records
        .iter()
        .map(|(table, id, body)| Change::put(kind_of(table), *id, body.clone()))
        .collect();
    vault.apply(&changes).unwrap();
}

fn unlock(path: &Path, key: &PlatformKey) -> Vault {
    let key = PlatformKey::from_bytes(key.as_bytes()).unwrap();
    Vault::unlock(path, &Credential::PlatformKey(key), NOW).unwrap()
}

struct Setup {
    _dir: tempfile::TempDir,
    records: Vec<(&'static str, u64, Vec<u8>)>,
    plain_path: PathBuf,
    vault_path: PathBuf,
    key: PlatformKey,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let records = support::ten_year_dataset();
    let plain_path = dir.path().join("plain.db");
    let vault_path = dir.path().join("vault.db");
    let key = PlatformKey::generate().unwrap();
    let mut plain = Connection::open(&plain_path).unwrap();
    support::configure(&plain);
    support::fill(&mut plain, &records);
    create_vault(&vault_path, &key, &records);
    Setup {
        _dir: dir,
        records,
        plain_path,
        vault_path,
        key,
    }
}

/// CPU time of the whole process, every thread included (those that have
/// ended too): what a busy machine's scheduler does not blur.
fn process_cpu_time() -> Duration {
    let now = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
    Duration::new(
        u64::try_from(now.tv_sec).unwrap_or(0),
        u32::try_from(now.tv_nsec).unwrap_or(0),
    )
}

/// Runs `f`, adding the CPU time it took (all threads) to `spent`.
fn on_cpu<T>(spent: &Cell<Duration>, f: impl FnOnce() -> T) -> T {
    let start = process_cpu_time();
    let out = f();
    spent.set(process_cpu_time().saturating_sub(start));
    out
}

/// Open-and-load, one insert and one update, both sides in every round.
fn side_by_side(setup: &Setup, rounds: usize) -> [(&'static str, SideBySide); 4] {
    let mut load = SideBySide::default();
    let mut load_cpu = SideBySide::default();
    let mut insert = SideBySide::default();
    let mut update = SideBySide::default();
    let plain = Connection::open(&setup.plain_path).unwrap();
    support::configure(&plain);
    let mut vault = unlock(&setup.vault_path, &setup.key);
    let body = setup.records[0].2.clone();
    let mut next_id = 100_000_u64;
    for round in 0..rounds {
        let plain_first = round % 2 == 0;
        let (plain_cpu, vault_cpu) = (Cell::default(), Cell::default());
        let (p, v) = pair(
            plain_first,
            || {
                on_cpu(&plain_cpu, || {
                    support::open_and_load_plain(&setup.plain_path)
                })
            },
            || {
                on_cpu(&vault_cpu, || {
                    unlock(&setup.vault_path, &setup.key).load_all().unwrap()
                })
            },
        );
        load.record(p, v);
        load_cpu.record(plain_cpu.get(), vault_cpu.get());

        next_id += 1;
        let id = i64::try_from(next_id).unwrap();
        let (p, v) = pair(
            plain_first,
            || {
                plain
                    .prepare_cached("INSERT INTO check_ins (id, body) VALUES (?1, ?2)")
                    .unwrap()
                    .execute((id, &body))
                    .unwrap()
            },
            || {
                vault
                    .apply(&[Change::put(RecordKind::CheckIn, next_id, body.clone())])
                    .unwrap();
            },
        );
        insert.record(p, v);

        let step = 1 + (next_id % 800);
        let step_body = format!("step {step} done at round {round}").into_bytes();
        let (p, v) = pair(
            plain_first,
            || {
                plain
                    .prepare_cached("UPDATE goal_steps SET body = ?1 WHERE id = ?2")
                    .unwrap()
                    .execute((&step_body, i64::try_from(step).unwrap()))
                    .unwrap()
            },
            || {
                vault
                    .apply(&[Change::put(RecordKind::GoalStep, step, step_body.clone())])
                    .unwrap();
            },
        );
        update.record(p, v);
    }
    [
        ("open and load everything (platform key)", load),
        (
            "CPU time to open and load everything, all threads",
            load_cpu,
        ),
        ("insert one check-in (durable)", insert),
        ("update one goal step (durable)", update),
    ]
}

/// The KDF alone (today's Argon2id, and the PBKDF2 older vaults used, in
/// the same rounds so their ratio holds on a busy machine), a passcode
/// unlock (KDF + open + load), a full export.
fn key_derivation(setup: &Setup, samples: usize) -> [(&'static str, f64); 4] {
    let (mut kdf, mut unlock_all, mut export) = (Vec::new(), Vec::new(), Vec::new());
    let mut pbkdf2 = Vec::new();
    let vault = unlock(&setup.vault_path, &setup.key);
    for _ in 0..samples {
        let mut out = [0u8; 32];
        pbkdf2.push(millis(time(|| {
            ring::pbkdf2::derive(
                ring::pbkdf2::PBKDF2_HMAC_SHA256,
                std::num::NonZeroU32::new(600_000).unwrap(),
                &[7; 16],
                PASSCODE.as_bytes(),
                &mut out,
            );
        })));
        kdf.push(millis(time(|| {
            argon2::Argon2::new(
                argon2::Algorithm::Argon2id,
                argon2::Version::V0x13,
                argon2::Params::new(32 * 1024, 2, 1, Some(32)).unwrap(),
            )
            .hash_password_into(PASSCODE.as_bytes(), &[7; 16], &mut out)
            .unwrap();
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
        ("Argon2id, 32 MiB, 2 passes, 1 lane", median(&mut kdf)),
        (
            "PBKDF2-HMAC-SHA256, 600,000 iterations (vaults before Argon2id)",
            median(&mut pbkdf2),
        ),
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
