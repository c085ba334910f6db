//! Unencrypted settings the lock screen needs before the vault is open.
//! Only the language choice lives here ("en" or "es"): nothing about the
//! participant's recovery, and nothing else.

use rusqlite::{Connection, OptionalExtension};

use super::error::Result;

const LANGUAGE: &str = "language";

/// The language chosen for the lock screen, as a short code.
pub(crate) fn language(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [LANGUAGE], |row| {
            row.get(0)
        })
        .optional()?)
}

/// Stores the language code, or forgets it (`None`: follow the device).
pub(crate) fn set_language(conn: &Connection, code: Option<&str>) -> Result<()> {
    match code {
        Some(code) => conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [LANGUAGE, code],
        )?,
        None => conn.execute("DELETE FROM meta WHERE key = ?1", [LANGUAGE])?,
    };
    Ok(())
}
