//! PostgreSQL, for organizations that outgrow one machine: a small pool of
//! connections, each used by one blocking task at a time; a task takes
//! whichever connection is idle, or waits for the first one returned.
//! Connections use TLS, or stay on this machine ([`Target`]). Each
//! connection keeps its statements prepared: a statement the relay runs again
//! is bound and executed in one round trip, not parsed and planned again,
//! and a statement atomic on its own ([`Driver::query_alone`]) runs outside
//! any `BEGIN` and `COMMIT`: one round trip in all.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};

use postgres::types::{ToSql, Type};
use postgres::{Client, GenericClient};

use super::transport::Target;
use super::{Conn, DbError, Dialect, Driver, PoolUse, Row, Value, schema};

const POOL_SIZE: usize = 8;

pub struct Postgres {
    target: Target,
    idle: Mutex<Vec<Pooled>>,
    returned: Condvar,
}

/// A connection and the statements it has prepared, by their SQL.
struct Pooled {
    client: Client,
    statements: HashMap<String, postgres::Statement>,
}

impl Pooled {
    fn new(client: Client) -> Self {
        Self {
            client,
            statements: HashMap::new(),
        }
    }
}

/// A connection taken from the pool, given back when dropped.
struct Taken<'a> {
    pool: &'a Postgres,
    client: Option<Pooled>,
}

impl Drop for Taken<'_> {
    fn drop(&mut self) {
        if let (Some(client), Ok(mut idle)) = (self.client.take(), self.pool.idle.lock()) {
            idle.push(client);
            self.pool.returned.notify_one();
        }
    }
}

impl Postgres {
    pub fn connect(target: Target) -> Result<Self, DbError> {
        let mut idle = Vec::with_capacity(POOL_SIZE);
        for _ in 0..POOL_SIZE {
            idle.push(Pooled::new(target.connect().map_err(cannot_connect)?));
        }
        let postgres = Self {
            target,
            idle: Mutex::new(idle),
            returned: Condvar::new(),
        };
        postgres.transaction(&mut |conn| {
            // Serialise concurrent first starts creating the schema.
            conn.query("SELECT pg_advisory_xact_lock(7270)", &[])?;
            for statement in schema::statements(&schema::POSTGRES) {
                conn.execute(&statement, &[])?;
            }
            Ok(())
        })?;
        schema::check_version(&postgres, &schema::POSTGRES)?;
        Ok(postgres)
    }
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(backend)`
fn backend(error: postgres::Error) -> DbError {
    if error.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION) {
        return DbError::Conflict;
    }
    DbError::Backend(error.to_string())
}

/// Why a connection failed, with its causes (a TLS handshake's says which
/// check the certificate failed): for the operator at start-up.
#[allow(clippy::needless_pass_by_value)] // used as `map_err(cannot_connect)`
fn cannot_connect(error: postgres::Error) -> DbError {
    let mut why = error.to_string();
    let mut cause = std::error::Error::source(&error);
    while let Some(inner) = cause {
        why = format!("{why}: {inner}");
        cause = inner.source();
    }
    DbError::Backend(why)
}

fn parameters(params: &[Value]) -> Vec<Box<dyn ToSql + Sync>> {
    params
        .iter()
        .map(|value| -> Box<dyn ToSql + Sync> {
            match value {
                Value::Int(value) => Box::new(*value),
                Value::Text(value) => Box::new(value.clone()),
                Value::Bytes(value) => Box::new(value.clone()),
                Value::Null => Box::new(None::<i64>),
            }
        })
        .collect()
}

fn row(row: &postgres::Row) -> Result<Row, DbError> {
    (0..row.len())
        .map(|index| {
            let column = &row.columns()[index];
            Ok(match *column.type_() {
                Type::INT8 => row
                    .try_get::<_, Option<i64>>(index)
                    .map_err(backend)?
                    .map_or(Value::Null, Value::Int),
                Type::INT4 => row
                    .try_get::<_, Option<i32>>(index)
                    .map_err(backend)?
                    .map_or(Value::Null, |value| Value::Int(i64::from(value))),
                Type::BYTEA => row
                    .try_get::<_, Option<Vec<u8>>>(index)
                    .map_err(backend)?
                    .map_or(Value::Null, Value::Bytes),
                Type::TEXT | Type::VARCHAR => row
                    .try_get::<_, Option<String>>(index)
                    .map_err(backend)?
                    .map_or(Value::Null, Value::Text),
                // `SELECT 1` and the advisory lock: nothing the relay reads.
                _ => Value::Null,
            })
        })
        .collect()
}

struct Transaction<'a> {
    transaction: postgres::Transaction<'a>,
    statements: &'a mut HashMap<String, postgres::Statement>,
}

/// `sql` prepared on this connection, once.
fn prepared(
    client: &mut impl GenericClient,
    statements: &mut HashMap<String, postgres::Statement>,
    sql: &str,
) -> Result<postgres::Statement, DbError> {
    if let Some(statement) = statements.get(sql) {
        return Ok(statement.clone());
    }
    let statement = client.prepare(sql).map_err(backend)?;
    statements.insert(sql.to_owned(), statement.clone());
    Ok(statement)
}

impl Transaction<'_> {
    fn prepared(&mut self, sql: &str) -> Result<postgres::Statement, DbError> {
        prepared(&mut self.transaction, self.statements, sql)
    }
}

impl Conn for Transaction<'_> {
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        let statement = self.prepared(sql)?;
        let owned = parameters(params);
        let borrowed: Vec<&(dyn ToSql + Sync)> = owned.iter().map(AsRef::as_ref).collect();
        self.transaction
            .execute(&statement, &borrowed)
            .map_err(backend)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        let statement = self.prepared(sql)?;
        let owned = parameters(params);
        let borrowed: Vec<&(dyn ToSql + Sync)> = owned.iter().map(AsRef::as_ref).collect();
        self.transaction
            .query(&statement, &borrowed)
            .map_err(backend)?
            .iter()
            .map(row)
            .collect()
    }
}

fn poisoned() -> DbError {
    DbError::Backend("connection pool lock poisoned".into())
}

impl Postgres {
    fn take(&self) -> Result<Taken<'_>, DbError> {
        let mut idle = self.idle.lock().map_err(|_| poisoned())?;
        let mut client = loop {
            match idle.pop() {
                Some(client) => break client,
                None => idle = self.returned.wait(idle).map_err(|_| poisoned())?,
            }
        };
        drop(idle);
        if client.client.is_closed() {
            // The server restarted or dropped the connection: reconnect once
            // (its prepared statements went with it).
            client = Pooled::new(self.target.connect().map_err(cannot_connect)?);
        }
        Ok(Taken {
            pool: self,
            client: Some(client),
        })
    }
}

impl Driver for Postgres {
    fn transaction(
        &self,
        work: &mut dyn FnMut(&mut dyn Conn) -> Result<(), DbError>,
    ) -> Result<(), DbError> {
        let mut taken = self.take()?;
        let Pooled { client, statements } = taken.client.as_mut().ok_or_else(poisoned)?;
        let transaction = client.transaction().map_err(backend)?;
        let mut conn = Transaction {
            transaction,
            statements,
        };
        work(&mut conn)?;
        conn.transaction.commit().map_err(backend)
    }

    fn query_alone(&self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        let mut taken = self.take()?;
        let Pooled { client, statements } = taken.client.as_mut().ok_or_else(poisoned)?;
        let statement = prepared(client, statements, sql)?;
        let owned = parameters(params);
        let borrowed: Vec<&(dyn ToSql + Sync)> = owned.iter().map(AsRef::as_ref).collect();
        client
            .query(&statement, &borrowed)
            .map_err(backend)?
            .iter()
            .map(row)
            .collect()
    }

    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn pool(&self) -> Option<PoolUse> {
        let idle = self.idle.lock().ok()?.len();
        Some(PoolUse {
            in_use: POOL_SIZE.saturating_sub(idle),
            idle,
        })
    }

    fn name(&self) -> &'static str {
        if self.target.encrypted() {
            "PostgreSQL over TLS"
        } else {
            "PostgreSQL"
        }
    }
}
