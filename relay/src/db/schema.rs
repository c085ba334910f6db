//! The relay's tables, written once for both backends, and the
//! `relay_schema` version row: a database written by a newer relay is
//! refused.
//!
//! The backends differ only in three column types, which each names in its
//! [`Types`].

use super::{DbError, Driver};

/// The schema this build writes.
pub const VERSION: i64 = 1;

/// How a backend spells the column types that differ.
pub struct Types {
    /// An auto-numbered 64-bit primary key.
    pub id: &'static str,
    /// A 64-bit integer.
    pub int: &'static str,
    /// Bytes.
    pub bytes: &'static str,
}

pub const SQLITE: Types = Types {
    id: "INTEGER PRIMARY KEY",
    int: "INTEGER",
    bytes: "BLOB",
};

pub const POSTGRES: Types = Types {
    id: "BIGSERIAL PRIMARY KEY",
    int: "BIGINT",
    bytes: "BYTEA",
};

/// `{id}`, `{int}` and `{bytes}` stand for a backend's [`Types`].
const TABLES: &str = "
CREATE TABLE IF NOT EXISTS relay_schema (version {int} NOT NULL);
CREATE TABLE IF NOT EXISTS specialists (
    id {id},
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    signing TEXT,
    agreement TEXT,
    mailbox TEXT UNIQUE,
    created_ms {int} NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash {bytes} PRIMARY KEY,
    specialist_id {int} NOT NULL REFERENCES specialists(id),
    csrf TEXT NOT NULL,
    expires_ms {int} NOT NULL
);
CREATE TABLE IF NOT EXISTS invites (
    code_hash {bytes} PRIMARY KEY,
    specialist_id {int} NOT NULL REFERENCES specialists(id),
    expires_ms {int} NOT NULL,
    used_ms {int}
);
CREATE TABLE IF NOT EXISTS pairings (
    id {id},
    specialist_id {int} NOT NULL REFERENCES specialists(id),
    participant_mailbox TEXT NOT NULL,
    participant_signing TEXT NOT NULL,
    participant_agreement TEXT NOT NULL,
    participant_name TEXT NOT NULL,
    paired_ms {int} NOT NULL,
    unpaired_ms {int}
);
CREATE UNIQUE INDEX IF NOT EXISTS one_active_pairing
    ON pairings (participant_mailbox) WHERE unpaired_ms IS NULL;
CREATE TABLE IF NOT EXISTS messages (
    id {id},
    sender TEXT NOT NULL,
    recipient TEXT NOT NULL,
    body {bytes} NOT NULL,
    size {int} NOT NULL,
    received_ms {int} NOT NULL,
    delivered_ms {int},
    read_ms {int}
);
CREATE INDEX IF NOT EXISTS messages_by_recipient ON messages (recipient, id);
CREATE INDEX IF NOT EXISTS messages_by_sender ON messages (sender, id);
CREATE TABLE IF NOT EXISTS channel_identities (
    mailbox TEXT PRIMARY KEY,
    identity TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS one_time_keys (
    id {id},
    mailbox TEXT NOT NULL,
    otk TEXT NOT NULL,
    signature TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS one_time_keys_by_mailbox ON one_time_keys (mailbox, id);
";

/// The `CREATE … IF NOT EXISTS` statements in a backend's spelling.
pub fn statements(types: &Types) -> Vec<String> {
    TABLES
        .replace("{id}", types.id)
        .replace("{int}", types.int)
        .replace("{bytes}", types.bytes)
        .split(';')
        .map(str::trim)
        .filter(|statement| !statement.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Records [`VERSION`] in a new database; refuses one from a newer relay.
pub fn check_version(driver: &dyn Driver) -> Result<(), DbError> {
    driver.transaction(&mut |conn| {
        let rows = conn.query("SELECT version FROM relay_schema", &[])?;
        match rows.first().and_then(|row| row[0].int()) {
            None => {
                conn.execute(
                    "INSERT INTO relay_schema (version) VALUES ($1)",
                    &[VERSION.into()],
                )?;
                Ok(())
            }
            Some(version) if version <= VERSION => Ok(()),
            Some(_) => Err(DbError::Backend(
                "the database was written by a newer relay".into(),
            )),
        }
    })
}
