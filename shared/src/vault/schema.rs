//! Schema as code: [`VERSION`], the SQL that creates a fresh database, and
//! [`upgrade_from`] that walks an older one forward. Each migration runs in
//! one transaction, so a failure leaves the file exactly as it was; a file
//! newer than this code is refused and never touched.

use rusqlite::{Connection, Transaction};

use super::error::{Result, VaultError};
use super::record::RecordKind;

/// The schema this code writes.
pub(crate) const VERSION: u32 = 2;

/// Identifies a Phoenix vault among SQLite files.
pub(crate) const FORMAT: &str = "phoenix-vault";

fn create_record_table(tx: &Transaction<'_>, kind: RecordKind) -> rusqlite::Result<()> {
    // `body` holds a sealed envelope (see envelope.rs); the id is the core's
    // own counter and reveals nothing about the content.
    tx.execute_batch(&format!(
        "CREATE TABLE {} (id INTEGER PRIMARY KEY, body BLOB NOT NULL) STRICT;",
        kind.table()
    ))
}

const CREATE_CONTROL_TABLES: &str = "
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    -- The data key, wrapped by the passcode and optionally a platform key
    -- (version 2 adds the KDF: see NAME_THE_KDF).
    CREATE TABLE key_wraps (
        slot TEXT PRIMARY KEY CHECK (slot IN ('passcode', 'platform')),
        salt BLOB NOT NULL,
        iterations INTEGER NOT NULL,
        sealed BLOB NOT NULL
    ) STRICT;
    -- Failed unlock attempts survive restarts; readable while locked.
    CREATE TABLE unlock_attempts (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        failures INTEGER NOT NULL,
        next_attempt_ms INTEGER NOT NULL,
        erase_after INTEGER
    ) STRICT;
    INSERT INTO unlock_attempts (id, failures, next_attempt_ms, erase_after) VALUES (1, 0, 0, NULL);
";

/// Version 2: each wrap names how its key was derived. `iterations` is then
/// PBKDF2's count or Argon2id's passes. Run by migration 1 → 2 and by a fresh
/// create alike, so both end with the same schema text.
const NAME_THE_KDF: &str = "
    ALTER TABLE key_wraps ADD COLUMN kdf TEXT NOT NULL DEFAULT 'pbkdf2-sha256'
        CHECK (kdf IN ('pbkdf2-sha256', 'argon2id', 'none'));
    ALTER TABLE key_wraps ADD COLUMN memory_kib INTEGER NOT NULL DEFAULT 0;
";

/// Creates the current schema in an empty database, inside the caller's
/// transaction (which also stores the first key wrap).
pub(crate) fn create(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch(CREATE_CONTROL_TABLES)?;
    tx.execute_batch(NAME_THE_KDF)?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('format', ?1)",
        [FORMAT],
    )?;
    for kind in RecordKind::ALL {
        create_record_table(tx, kind)?;
    }
    tx.pragma_update(None, "user_version", VERSION)?;
    Ok(())
}

/// Reads the file's version: `None` for an empty database.
pub(crate) fn version(conn: &Connection) -> Result<Option<u32>> {
    let version: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version == 0 {
        let tables: u32 =
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))?;
        return if tables == 0 {
            Ok(None)
        } else {
            Err(VaultError::Corrupt.into())
        };
    }
    let format: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'format'", [], |row| {
            row.get(0)
        })
        .ok();
    if format.as_deref() != Some(FORMAT) {
        return Err(VaultError::Corrupt.into());
    }
    Ok(Some(version))
}

/// One migration: brings the schema from version N to N + 1.
type Step = fn(&Transaction<'_>) -> Result<()>;

/// `MIGRATIONS[i]` upgrades version `i + 1` to `i + 2`. Version 1 is the
/// first released schema; a migration that adds a record kind creates its
/// table with `create_record_table`, and one that changes what the AAD binds
/// re-seals the affected values and bumps `envelope::AAD_SCHEMA`.
const MIGRATIONS: &[Step] = &[name_the_kdf];

/// 1 → 2: the existing passcode wrap is PBKDF2's (moved to Argon2id on the
/// next passcode unlock); a platform wrap has no KDF.
fn name_the_kdf(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch(NAME_THE_KDF)?;
    tx.execute(
        "UPDATE key_wraps SET kdf = 'none' WHERE slot = 'platform'",
        [],
    )?;
    Ok(())
}

const _: () = assert!(MIGRATIONS.len() + 1 == VERSION as usize);

/// Brings an existing vault to [`VERSION`], one transaction per step.
pub(crate) fn upgrade(conn: &mut Connection, from: u32) -> Result<()> {
    run_steps(conn, from, VERSION, MIGRATIONS)
}

fn run_steps(conn: &mut Connection, from: u32, to: u32, steps: &[Step]) -> Result<()> {
    if from > to {
        return Err(VaultError::NewerSchema.into());
    }
    for version in from..to {
        let tx = conn.transaction()?;
        steps[(version - 1) as usize](&tx)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add_reminder_notes(tx: &Transaction<'_>) -> Result<()> {
        tx.execute_batch(
            "CREATE TABLE reminder_notes (id INTEGER PRIMARY KEY, body BLOB NOT NULL)",
        )?;
        Ok(())
    }

    fn broken(tx: &Transaction<'_>) -> Result<()> {
        tx.execute_batch(
            "CREATE TABLE half_done (id INTEGER PRIMARY KEY); SELECT no_such_function();",
        )?;
        Ok(())
    }

    fn fresh_v1() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        create(&tx).unwrap();
        tx.commit().unwrap();
        conn.execute("INSERT INTO goals (id, body) VALUES (1, x'00')", [])
            .unwrap();
        conn
    }

    fn tables(conn: &Connection) -> Vec<String> {
        let mut statement = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        statement
            .query_map([], |row| row.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn migrations_run_in_order_and_record_the_version() {
        let mut conn = fresh_v1();
        run_steps(&mut conn, 1, 2, &[add_reminder_notes]).unwrap();
        assert_eq!(version(&conn).unwrap(), Some(2));
        assert!(tables(&conn).contains(&"reminder_notes".to_owned()));
    }

    #[test]
    fn a_failed_migration_leaves_schema_version_and_data_as_they_were() {
        let mut conn = fresh_v1();
        let before = tables(&conn);
        assert!(run_steps(&mut conn, 1, 3, &[add_reminder_notes, broken]).is_err());
        // The first step committed; the broken one rolled back completely.
        assert_eq!(version(&conn).unwrap(), Some(2));
        let after = tables(&conn);
        assert!(!after.contains(&"half_done".to_owned()));
        assert_eq!(after.len(), before.len() + 1);
        let goals: u32 = conn
            .query_row("SELECT count(*) FROM goals", [], |r| r.get(0))
            .unwrap();
        assert_eq!(goals, 1);
    }

    #[test]
    fn a_newer_database_is_refused() {
        let mut conn = fresh_v1();
        conn.pragma_update(None, "user_version", VERSION + 1)
            .unwrap();
        assert!(matches!(
            upgrade(&mut conn, VERSION + 1),
            Err(crate::vault::error::Error::Public(VaultError::NewerSchema))
        ));
    }
}
