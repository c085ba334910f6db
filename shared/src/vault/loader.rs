//! Reading every record on unlock, as fast as the file can be read.
//!
//! SQLite's read is sequential, but authenticating and decrypting a row
//! needs nothing but the row. So on platforms with threads the reader hands
//! chunks of sealed rows to workers that open them while it keeps reading:
//! the decryption hides behind the I/O. The browser worker has no threads
//! and opens each row as it is read.

use std::sync::mpsc;

use ring::aead::LessSafeKey;
use rusqlite::Connection;
use zeroize::Zeroizing;

use super::envelope::{self, Place};
use super::error::{Result, VaultError};
use super::record::{LoadedData, RecordKind, StoredRecord};

/// The column every record table seals its content in.
pub(crate) const BODY: &str = "body";
/// Rows handed to a worker at a time: large enough to amortise the hand-off.
const CHUNK_ROWS: usize = 512;

type Sealed = (RecordKind, u64, Vec<u8>);
type Opened = (RecordKind, u64, Option<Zeroizing<Vec<u8>>>);

/// Decrypts every record; rows that fail authentication are reported as damaged.
pub(crate) fn load_all(conn: &Connection, key: &LessSafeKey) -> Result<LoadedData> {
    let chunks = match decrypting_workers() {
        0 => {
            let mut opened = Vec::new();
            read_rows(conn, |row| {
                opened.push(open_row(key, row));
                Ok(())
            })?;
            vec![opened]
        }
        workers => read_and_open_in_parallel(conn, key, workers)?,
    };
    let mut data = LoadedData::default();
    data.records
        .reserve_exact(chunks.iter().map(Vec::len).sum());
    for (kind, id, body) in chunks.into_iter().flatten() {
        match body {
            Some(body) => data.records.push(StoredRecord { kind, id, body }),
            None => data.damaged.push((kind, id)),
        }
    }
    Ok(data)
}

fn read_and_open_in_parallel(
    conn: &Connection,
    key: &LessSafeKey,
    workers: usize,
) -> Result<Vec<Vec<Opened>>> {
    std::thread::scope(|scope| {
        let mut senders = Vec::with_capacity(workers);
        let mut handles = Vec::with_capacity(workers);
        for _ in 0..workers {
            let (sender, receiver) = mpsc::channel::<(usize, Vec<Sealed>)>();
            senders.push(sender);
            handles.push(scope.spawn(move || {
                receiver
                    .into_iter()
                    .map(|(index, chunk)| {
                        let opened: Vec<Opened> =
                            chunk.into_iter().map(|row| open_row(key, row)).collect();
                        (index, opened)
                    })
                    .collect::<Vec<_>>()
            }));
        }

        let mut chunk = Vec::with_capacity(CHUNK_ROWS);
        let mut chunks_sent = 0;
        let mut send = |chunk: Vec<Sealed>| {
            // A worker only goes away by panicking, reported at join below.
            let _ = senders[chunks_sent % workers].send((chunks_sent, chunk));
            chunks_sent += 1;
        };
        let read = read_rows(conn, |row| {
            chunk.push(row);
            if chunk.len() == CHUNK_ROWS {
                send(std::mem::replace(
                    &mut chunk,
                    Vec::with_capacity(CHUNK_ROWS),
                ));
            }
            Ok(())
        });
        if !chunk.is_empty() {
            send(chunk);
        }
        drop(senders);

        let mut in_order: Vec<Vec<Opened>> = vec![Vec::new(); chunks_sent];
        for handle in handles {
            let results = handle.join().map_err(|_| VaultError::Storage)?;
            for (index, opened) in results {
                in_order[index] = opened;
            }
        }
        read?;
        Ok(in_order)
    })
}

/// Calls `each` with every sealed row, by kind then id.
fn read_rows(conn: &Connection, mut each: impl FnMut(Sealed) -> Result<()>) -> Result<()> {
    for kind in RecordKind::ALL {
        let mut statement = conn.prepare_cached(&format!(
            "SELECT id, body FROM {} ORDER BY id",
            kind.table()
        ))?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let id = u64::try_from(row.get::<_, i64>(0)?).map_err(|_| VaultError::Corrupt)?;
            let sealed = row.get_ref(1)?.as_blob().map_err(rusqlite::Error::from)?;
            each((kind, id, sealed.to_vec()))?;
        }
    }
    Ok(())
}

fn open_row(key: &LessSafeKey, (kind, id, sealed): Sealed) -> Opened {
    let place = Place {
        table: kind.table(),
        id,
        column: BODY,
    };
    (kind, id, envelope::open(key, place, sealed).ok())
}

/// Threads that decrypt while the calling thread reads: one fewer than the
/// cores (at most three), none where there are no threads.
fn decrypting_workers() -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        0
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        (cores - 1).clamp(1, 3)
    }
}
