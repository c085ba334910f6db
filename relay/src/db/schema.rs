//! The relay's tables, written once for both backends, and the
//! `relay_schema` version row: a database written by a newer relay is
//! refused.
//!
//! The backends differ only in three column types, which each names in its
//! [`Types`].

use super::{DbError, Driver};

/// The schema this build writes.
pub const VERSION: i64 = 2;

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

/// What each version adds to the one before, for a database an older relay
/// wrote (`TABLES` creates new tables and indexes by itself).
const MIGRATIONS: &[(i64, &str)] = &[(2, "ALTER TABLE messages ADD COLUMN acked_ms {int}")];

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
    read_ms {int},
    acked_ms {int}
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
CREATE TABLE IF NOT EXISTS waiting_keys (
    waiting TEXT PRIMARY KEY,
    owner TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS seen_requests (
    device TEXT NOT NULL,
    nonce TEXT NOT NULL,
    expires_ms {int} NOT NULL,
    PRIMARY KEY (device, nonce)
);
CREATE INDEX IF NOT EXISTS seen_requests_by_expiry ON seen_requests (expires_ms);
CREATE TABLE IF NOT EXISTS limit_hits (
    bucket TEXT NOT NULL,
    window_ms {int} NOT NULL,
    hits {int} NOT NULL,
    PRIMARY KEY (bucket, window_ms)
);
CREATE TABLE IF NOT EXISTS login_failures (
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    failures {int} NOT NULL,
    retry_ms {int} NOT NULL,
    PRIMARY KEY (username, address)
);
";

/// The `CREATE … IF NOT EXISTS` statements in a backend's spelling.
pub fn statements(types: &Types) -> Vec<String> {
    spelled(TABLES, types)
        .split(';')
        .map(str::trim)
        .filter(|statement| !statement.is_empty())
        .map(str::to_owned)
        .collect()
}

fn spelled(sql: &str, types: &Types) -> String {
    sql.replace("{id}", types.id)
        .replace("{int}", types.int)
        .replace("{bytes}", types.bytes)
}

/// Records [`VERSION`] in a new database or one an older relay wrote (the
/// statements above only add tables and indexes); refuses one from a newer
/// relay.
pub fn check_version(driver: &dyn Driver, types: &Types) -> Result<(), DbError> {
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
            Some(VERSION) => Ok(()),
            Some(version) if version < VERSION => {
                for (_, migration) in MIGRATIONS.iter().filter(|(to, _)| *to > version) {
                    conn.execute(&spelled(migration, types), &[])?;
                }
                conn.execute("UPDATE relay_schema SET version = $1", &[VERSION.into()])?;
                Ok(())
            }
            Some(_) => Err(DbError::Backend(
                "the database was written by a newer relay".into(),
            )),
        }
    })
}

#[cfg(test)]
mod tests {
    use relay_protocol::MailboxId;

    use super::VERSION;
    use crate::store::Store;

    #[test]
    fn a_database_an_older_relay_wrote_is_migrated_and_keeps_its_messages() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("relay.db");
        let old = rusqlite::Connection::open(&path).unwrap();
        old.execute_batch(
            "CREATE TABLE relay_schema (version INTEGER NOT NULL);
             INSERT INTO relay_schema VALUES (1);
             CREATE TABLE messages (id INTEGER PRIMARY KEY, sender TEXT NOT NULL,
                 recipient TEXT NOT NULL, body BLOB NOT NULL, size INTEGER NOT NULL,
                 received_ms INTEGER NOT NULL, delivered_ms INTEGER, read_ms INTEGER);
             INSERT INTO messages (sender, recipient, body, size, received_ms)
                 VALUES ('sam', 'maria', x'0102', 2, 5);",
        )
        .unwrap();
        drop(old);
        let store = Store::new(crate::db::open(&path.display().to_string()).unwrap());
        assert_eq!(store.schema_version().unwrap(), Some(VERSION));
        let maria = MailboxId("maria".into());
        assert_eq!(store.fetch_messages(&maria, 0, 10).unwrap().len(), 1);
        store.acknowledge(&maria, &[1], 11).unwrap();
        assert!(store.fetch_messages(&maria, 0, 12).unwrap().is_empty());
    }
}
