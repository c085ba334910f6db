//! The embedded default: one SQLite file in WAL mode. Writes are serialised
//! by one connection, which is what SQLite does anyway.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ToSql};

use super::{Conn, DbError, Dialect, Driver, Row, Value, schema};

pub struct Sqlite {
    connection: Mutex<Connection>,
}

impl Sqlite {
    pub fn open(path: &Path) -> Result<Self, DbError> {
        let connection = Connection::open(path).map_err(backend)?;
        connection
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
                 PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;
                 PRAGMA busy_timeout = 5000;",
            )
            .map_err(backend)?;
        for statement in schema::statements(&schema::SQLITE) {
            connection.execute_batch(&statement).map_err(backend)?;
        }
        let sqlite = Self {
            connection: Mutex::new(connection),
        };
        schema::check_version(&sqlite, &schema::SQLITE)?;
        Ok(sqlite)
    }
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(backend)`
fn backend(error: rusqlite::Error) -> DbError {
    if let rusqlite::Error::SqliteFailure(failure, _) = &error
        && failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
    {
        return DbError::Conflict;
    }
    if let rusqlite::Error::SqliteFailure(failure, _) = &error
        && failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
    {
        return DbError::Conflict;
    }
    DbError::Backend(error.to_string())
}

impl ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Self::Int(value) => ToSqlOutput::Borrowed(ValueRef::Integer(*value)),
            Self::Text(value) => ToSqlOutput::Borrowed(ValueRef::Text(value.as_bytes())),
            Self::Bytes(value) => ToSqlOutput::Borrowed(ValueRef::Blob(value)),
            Self::Null => ToSqlOutput::Borrowed(ValueRef::Null),
        })
    }
}

fn value(cell: ValueRef<'_>) -> Value {
    match cell {
        ValueRef::Integer(value) => Value::Int(value),
        ValueRef::Text(text) => Value::Text(String::from_utf8_lossy(text).into_owned()),
        ValueRef::Blob(bytes) => Value::Bytes(bytes.to_vec()),
        ValueRef::Null | ValueRef::Real(_) => Value::Null,
    }
}

/// `$1` → `?1`: the same numbered parameter in SQLite's spelling.
fn sqlite_sql(sql: &str) -> String {
    sql.replace('$', "?")
}

struct Transaction<'a>(rusqlite::Transaction<'a>);

impl Conn for Transaction<'_> {
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        let mut statement = self.0.prepare_cached(&sqlite_sql(sql)).map_err(backend)?;
        let changed = statement
            .execute(rusqlite::params_from_iter(params))
            .map_err(backend)?;
        Ok(changed as u64)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        let mut statement = self.0.prepare_cached(&sqlite_sql(sql)).map_err(backend)?;
        let columns = statement.column_count();
        let rows = statement
            .query_map(rusqlite::params_from_iter(params), |row| {
                (0..columns)
                    .map(|index| row.get_ref(index).map(value))
                    .collect::<rusqlite::Result<Row>>()
            })
            .map_err(backend)?;
        rows.collect::<rusqlite::Result<Vec<Row>>>()
            .map_err(backend)
    }
}

impl Driver for Sqlite {
    fn transaction(
        &self,
        work: &mut dyn FnMut(&mut dyn Conn) -> Result<(), DbError>,
    ) -> Result<(), DbError> {
        let mut connection = self
            .connection
            .lock()
            .map_err(|_| DbError::Backend("connection lock poisoned".into()))?;
        let transaction = connection
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(backend)?;
        let mut conn = Transaction(transaction);
        work(&mut conn)?;
        conn.0.commit().map_err(backend)
    }

    fn erased(&self) -> Result<(), DbError> {
        let connection = self
            .connection
            .lock()
            .map_err(|_| DbError::Backend("connection lock poisoned".into()))?;
        connection
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(backend)
    }

    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn name(&self) -> &'static str {
        "SQLite"
    }
}
