//! The vault's SQLite file: opened with its pragmas and brought up to
//! date, and erased (crypto-shredded, then removed).

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::error::{Error, Result, VaultError};
use super::schema;

pub(super) fn open_connection(path: &Path, create: bool) -> Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags).map_err(|error| {
        if !create && error.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) {
            Error::Public(VaultError::NotFound)
        } else {
            Error::from(error)
        }
    })?;
    // journal_mode answers with a row, so it is queried rather than executed.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(VaultError::Storage.into());
    }
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA foreign_keys = ON;",
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(conn)
}

/// Opens an existing vault and brings its schema up to date.
pub(super) fn open_existing(path: &Path) -> Result<Connection> {
    let mut conn = open_connection(path, false)?;
    match schema::version(&conn)? {
        None => Err(VaultError::NotFound.into()),
        Some(version) => {
            schema::upgrade(&mut conn, version)?;
            Ok(conn)
        }
    }
}

/// Crypto-shreds, then removes the files. Without the wrapped key nothing
/// left anywhere (flash blocks, old backups of the file) can be decrypted.
pub(super) fn erase_path(path: &Path) -> Result<()> {
    if let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE) {
        // Best effort: a damaged file may refuse, and is removed below anyway.
        let _ = conn.execute_batch(
            "PRAGMA secure_delete = ON;
             DELETE FROM key_wraps;
             PRAGMA wal_checkpoint(TRUNCATE);",
        );
        #[cfg(target_arch = "wasm32")]
        wipe_contents(&conn);
    }
    remove_files(path)
}

#[cfg(not(target_arch = "wasm32"))]
fn remove_files(path: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        match std::fs::remove_file(&name) {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(error.into()),
        }
    }
    Ok(())
}

/// In the browser the file lives in the OPFS pool, which the worker deletes
/// through the VFS; here every table is dropped so nothing remains inside it.
#[cfg(target_arch = "wasm32")]
#[allow(clippy::unnecessary_wraps)] // the same signature as the native version
fn remove_files(_path: &Path) -> Result<()> {
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn wipe_contents(conn: &Connection) {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .and_then(|mut statement| {
            statement
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .unwrap_or_default();
    for table in tables {
        let _ = conn.execute_batch(&format!("DROP TABLE IF EXISTS \"{table}\""));
    }
    let _ = conn.execute_batch("PRAGMA user_version = 0; VACUUM;");
}
