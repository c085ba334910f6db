//! SQLCipher (raw 256-bit key, so no KDF) against the same engine without a
//! key, on the vault benchmark's ten-year dataset and table layout, side by
//! side in each round. Prints a Markdown table.

#[path = "../../../shared/benches/support/mod.rs"]
mod support;

use std::path::Path;

use rusqlite::Connection;
use support::{SideBySide, configure, load_everything, pair, rounds_from_args};

const RAW_KEY: &str =
    "PRAGMA key = \"x'2DD29CA851E7B56E4697B0E1F08507293D761A05CE4D1B628663F411A8086D99'\";";

fn open(path: &Path, keyed: bool) -> Connection {
    let conn = Connection::open(path).unwrap();
    if keyed {
        conn.execute_batch(RAW_KEY).unwrap();
    }
    configure(&conn);
    conn
}

fn main() {
    let rounds = rounds_from_args();
    let dir = tempfile::tempdir().unwrap();
    let records = support::ten_year_dataset();
    let plain_path = dir.path().join("plain.db");
    let cipher_path = dir.path().join("cipher.db");
    support::fill(&mut open(&plain_path, false), &records);
    support::fill(&mut open(&cipher_path, true), &records);
    assert!(
        Connection::open(&cipher_path)
            .unwrap()
            .query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
            .is_err(),
        "the SQLCipher file must not open without its key"
    );

    let (mut load, mut insert, mut update) = (
        SideBySide::default(),
        SideBySide::default(),
        SideBySide::default(),
    );
    let (plain, cipher) = (open(&plain_path, false), open(&cipher_path, true));
    let body = records[0].2.clone();
    for round in 0..rounds {
        let plain_first = round % 2 == 0;
        let (p, c) = pair(
            plain_first,
            || load_everything(&open(&plain_path, false)),
            || load_everything(&open(&cipher_path, true)),
        );
        load.record(p, c);
        let id = 100_000 + i64::try_from(round).unwrap();
        let insert_into = |conn: &Connection| {
            conn.prepare_cached("INSERT INTO check_ins (id, body) VALUES (?1, ?2)")
                .unwrap()
                .execute((id, &body))
                .unwrap()
        };
        let (p, c) = pair(plain_first, || insert_into(&plain), || insert_into(&cipher));
        insert.record(p, c);
        let step = 1 + id % 800;
        let update_in = |conn: &Connection| {
            conn.prepare_cached("UPDATE goal_steps SET body = ?1 WHERE id = ?2")
                .unwrap()
                .execute((&body[..60], step))
                .unwrap()
        };
        let (p, c) = pair(plain_first, || update_in(&plain), || update_in(&cipher));
        update.record(p, c);
    }
    println!("| operation | SQLCipher's SQLite, no key | SQLCipher, raw key | SQLCipher / plain |");
    println!("| --- | ---: | ---: | ---: |");
    for (name, mut samples) in [
        ("open and load everything", load),
        ("insert one check-in (durable)", insert),
        ("update one goal step (durable)", update),
    ] {
        println!("{}", samples.row(name));
    }
}
