//! Reading every record on unlock, as fast as the file can be read.
//!
//! SQLite's read is sequential, but authenticating and decrypting a row
//! needs nothing but the row. So on platforms with threads the reader hands
//! chunks of sealed rows to a queue that workers open while it keeps
//! reading: the decryption hides behind the I/O. When the reading is done
//! the reader opens what is still queued itself, so a worker the system
//! does not schedule (a busy phone) delays nothing. The browser worker has
//! no threads and opens each row as it is read.

use std::sync::{Mutex, mpsc};

use ring::aead::LessSafeKey;
use rusqlite::Connection;
use zeroize::Zeroizing;

use super::envelope::{self, Place};
use super::error::{Result, VaultError};
use super::record::{LoadedData, RecordKind, StoredRecord};

/// The column every record table seals its content in.
pub(crate) const BODY: &str = "body";
/// Rows handed to a worker at a time: large enough to amortise the hand-off,
/// small enough that the last chunks spread over every thread.
const CHUNK_ROWS: usize = 256;

/// A row as read: `None` when its header is already unreadable.
type Read = (RecordKind, u64, Option<envelope::Sealed>);
type Opened = (RecordKind, u64, Option<Zeroizing<Vec<u8>>>);
/// Chunks by their place in the reading order.
type Numbered<T> = (usize, Vec<T>);

/// Decrypts every record; rows that fail authentication are reported as damaged.
pub(crate) fn load_all(conn: &Connection, key: &LessSafeKey) -> Result<LoadedData> {
    // One read transaction: every table from the same snapshot, and the
    // WAL's read lock taken once rather than once per table.
    let snapshot = conn.unchecked_transaction()?;
    let chunks = match decrypting_workers() {
        0 => {
            let mut opened = Vec::new();
            read_rows(conn, |row| opened.push(open_row(key, row)))?;
            vec![opened]
        }
        workers => read_and_open_in_parallel(conn, key, workers)?,
    };
    snapshot.commit()?;
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
    let (sender, receiver) = mpsc::channel::<Numbered<Read>>();
    let queue = Mutex::new(receiver);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| scope.spawn(|| open_queued(&queue, key)))
            .collect();

        let mut chunk = Vec::with_capacity(CHUNK_ROWS);
        let mut chunks_sent = 0;
        let mut send = |chunk: Vec<Read>| {
            // The receiver lives until the scope ends: sending cannot fail.
            let _ = sender.send((chunks_sent, chunk));
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
        });
        if !chunk.is_empty() {
            send(chunk);
        }
        drop(sender);
        // What the workers have not taken yet, the reader opens.
        let mut results = open_queued(&queue, key);

        let mut in_order: Vec<Vec<Opened>> = vec![Vec::new(); chunks_sent];
        for handle in handles {
            results.extend(handle.join().map_err(|_| VaultError::Storage)?);
        }
        for (index, opened) in results {
            in_order[index] = opened;
        }
        read?;
        Ok(in_order)
    })
}

/// Opens chunks from the queue until it is empty and no more will come.
fn open_queued(
    queue: &Mutex<mpsc::Receiver<Numbered<Read>>>,
    key: &LessSafeKey,
) -> Vec<Numbered<Opened>> {
    let mut done = Vec::new();
    loop {
        // The lock is held only while taking a chunk, not while opening it.
        let next = match queue.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => break,
        };
        let Ok((index, chunk)) = next else { break };
        let opened = chunk.into_iter().map(|row| open_row(key, row)).collect();
        done.push((index, opened));
    }
    done
}

/// Calls `each` with every row, by kind then id.
fn read_rows(conn: &Connection, mut each: impl FnMut(Read)) -> Result<()> {
    for kind in RecordKind::ALL {
        let mut statement = conn.prepare_cached(&format!(
            "SELECT id, body FROM {} ORDER BY id",
            kind.table()
        ))?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let id = u64::try_from(row.get::<_, i64>(0)?).map_err(|_| VaultError::Corrupt)?;
            let sealed = row.get_ref(1)?.as_blob().map_err(rusqlite::Error::from)?;
            each((kind, id, envelope::split(sealed).ok()));
        }
    }
    Ok(())
}

fn open_row(key: &LessSafeKey, (kind, id, sealed): Read) -> Opened {
    let place = Place {
        table: kind.table(),
        id,
        column: BODY,
    };
    let opened = sealed.and_then(|sealed| envelope::open_sealed(key, place, sealed).ok());
    (kind, id, opened)
}

/// Threads that decrypt while the calling thread reads: one fewer than the
/// cores (at most three), none where there are no threads. Asked once per
/// process: on Linux the answer reads the scheduler's affinity and the
/// cgroup's quota files, work no unlock needs to repeat.
fn decrypting_workers() -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        0
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        static WORKERS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
        *WORKERS.get_or_init(|| {
            let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
            (cores - 1).clamp(1, 3)
        })
    }
}
