#![allow(dead_code)] // each benchmark uses a different part
//! What every side-by-side benchmark shares: the ten-year dataset, the
//! plain-SQLite baseline and the timing helpers. Included with `#[path]` by
//! the vault benchmark and by the SQLCipher one (a separate workspace, since
//! SQLCipher and plain SQLite cannot link into one binary), so it depends on
//! nothing but rusqlite.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::Connection;

/// The record tables, as the vault names them.
pub const TABLES: [&str; 6] = [
    "check_ins",
    "goals",
    "goal_steps",
    "triggers",
    "coping_strategies",
    "messages",
];

/// Ten years of daily use: 3,650 check-ins, 200 goals with four steps each,
/// 150 triggers and 150 coping strategies, 10,000 messages (about 4 MB).
pub fn ten_year_dataset() -> Vec<(&'static str, u64, Vec<u8>)> {
    let text = |n: u64, len: usize| -> Vec<u8> {
        let seed = format!("entry {n}: felt steady, walked after work, called my sponsor. ");
        seed.bytes().cycle().take(len).collect()
    };
    let mut records = Vec::new();
    for (table, count, len) in [
        ("check_ins", 3_650, 300),
        ("goals", 200, 320),
        ("goal_steps", 800, 120),
        ("triggers", 150, 150),
        ("coping_strategies", 150, 150),
        ("messages", 10_000, 250),
    ] {
        for id in 1..=count {
            records.push((table, id, text(id, len)));
        }
    }
    records
}

/// The vault's PRAGMAs.
pub fn configure(conn: &Connection) {
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .unwrap();
    conn.execute_batch(
        "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON;",
    )
    .unwrap();
}

/// Creates the vault's table layout in `conn` and fills it, bodies in the clear.
pub fn fill(conn: &mut Connection, records: &[(&str, u64, Vec<u8>)]) {
    let tx = conn.transaction().unwrap();
    for table in TABLES {
        tx.execute_batch(&format!(
            "CREATE TABLE {table} (id INTEGER PRIMARY KEY, body BLOB NOT NULL) STRICT;"
        ))
        .unwrap();
    }
    for (table, id, body) in records {
        tx.execute(
            &format!("INSERT INTO {table} (id, body) VALUES (?1, ?2)"),
            (i64::try_from(*id).unwrap(), body),
        )
        .unwrap();
    }
    tx.commit().unwrap();
}

/// Reads every row of an open connection into owned buffers.
pub fn load_everything(conn: &Connection) -> Vec<(&'static str, u64, Vec<u8>)> {
    let mut out = Vec::new();
    for table in TABLES {
        let mut statement = conn
            .prepare(&format!("SELECT id, body FROM {table} ORDER BY id"))
            .unwrap();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let id: i64 = row.get(0).unwrap();
            let body: Vec<u8> = row.get(1).unwrap();
            out.push((table, u64::try_from(id).unwrap(), body));
        }
    }
    out
}

/// Plain rusqlite: open, configure, read every row.
pub fn open_and_load_plain(path: &Path) -> Vec<(&'static str, u64, Vec<u8>)> {
    let conn = Connection::open(path).unwrap();
    configure(&conn);
    load_everything(&conn)
}

/// Times `f`, keeping what it returns alive until after the clock stops
/// (dropping the loaded data happens at lock time, not on the unlock path).
pub fn time<T>(f: impl FnOnce() -> T) -> Duration {
    let start = Instant::now();
    let out = f();
    let elapsed = start.elapsed();
    drop(black_box(out));
    elapsed
}

pub fn median(values: &mut [f64]) -> f64 {
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
pub struct SideBySide {
    pub plain: Vec<f64>,
    pub contender: Vec<f64>,
}

impl SideBySide {
    pub fn record(&mut self, plain: Duration, contender: Duration) {
        self.plain.push(plain.as_secs_f64() * 1e3);
        self.contender.push(contender.as_secs_f64() * 1e3);
    }

    pub fn row(&mut self, name: &str) -> String {
        let mut ratios: Vec<f64> = self
            .contender
            .iter()
            .zip(&self.plain)
            .map(|(v, p)| v / p)
            .collect();
        format!(
            "| {name} | {:.3} ms | {:.3} ms | {:.2}× |",
            median(&mut self.plain),
            median(&mut self.contender),
            median(&mut ratios)
        )
    }
}

/// Times both closures, `plain` first when `plain_first`: alternating the
/// order across rounds cancels out warm-cache and fsync-queue effects.
pub fn pair<A, B>(
    plain_first: bool,
    plain: impl FnOnce() -> A,
    contender: impl FnOnce() -> B,
) -> (Duration, Duration) {
    if plain_first {
        let p = time(plain);
        (p, time(contender))
    } else {
        let c = time(contender);
        (time(plain), c)
    }
}

pub fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

pub fn rounds_from_args() -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|arg| arg == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(21)
}
