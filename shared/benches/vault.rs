//! The vault against plain, unencrypted rusqlite on the same ten-year
//! dataset, side by side in one run (this machine is shared and noisy, so
//! only ratios measured together mean anything).
//!
//! Both sides use the same tables, the same PRAGMAs and the same durability;
//! the plain side stores bodies in the clear. Run with `cargo bench -p shared`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use rusqlite::Connection;
use shared::vault::{Change, Credential, Passcode, PlatformKey, RecordKind, Vault};

const NOW: i64 = 1_790_000_000_000;

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
    let mut vault = Vault::create(path, &Passcode::new("bench passcode")).unwrap();
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

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let records = ten_year_dataset();
    let plain_path = dir.path().join("plain.db");
    let vault_path = dir.path().join("vault.db");
    let key = PlatformKey::generate().unwrap();
    create_plain(&plain_path, &records);
    create_vault(&vault_path, &key, &records);

    let mut group = c.benchmark_group("open_and_load_ten_years");
    group.sample_size(30);
    group.bench_function("plain_rusqlite", |b| {
        b.iter_with_large_drop(|| open_and_load_plain(&plain_path));
    });
    group.bench_function("vault_platform_key", |b| {
        b.iter_with_large_drop(|| unlock(&vault_path, &key).load_all().unwrap());
    });
    group.finish();

    let mut group = c.benchmark_group("insert_one_check_in");
    group.sample_size(50);
    let plain = Connection::open(&plain_path).unwrap();
    configure(&plain);
    let mut next_plain = 100_000_i64;
    let body = records[0].2.clone();
    group.bench_function("plain_rusqlite", |b| {
        b.iter(|| {
            next_plain += 1;
            plain
                .execute(
                    "INSERT INTO check_ins (id, body) VALUES (?1, ?2)",
                    (next_plain, &body),
                )
                .unwrap();
        });
    });
    let mut vault = unlock(&vault_path, &key);
    let mut next_vault = 100_000_u64;
    group.bench_function("vault", |b| {
        b.iter(|| {
            next_vault += 1;
            vault
                .apply(&[Change::put(RecordKind::CheckIn, next_vault, body.clone())])
                .unwrap();
        });
    });
    group.finish();

    let mut group = c.benchmark_group("unlock_with_passcode");
    group.sample_size(10);
    group.bench_function("pbkdf2_600k_then_open", |b| {
        b.iter(|| {
            let vault = Vault::unlock(
                &vault_path,
                &Credential::Passcode(Passcode::new("bench passcode")),
                NOW,
            )
            .unwrap();
            black_box(vault.has_platform_key())
        });
    });
    group.finish();
}

criterion_group!(vault, benches);
criterion_main!(vault);
