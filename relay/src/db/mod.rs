//! The two storage backends behind one small interface, so the relay's
//! queries ([`crate::store`]) are written once.
//!
//! SQL is written with PostgreSQL's `$1` placeholders; the SQLite driver
//! rewrites them to SQLite's equivalent `?1`. Values are the four kinds the
//! relay stores: integers, text, bytes and NULL. The tables are written once,
//! in [`schema`]. Nothing here calls back into [`crate::store`].

pub mod postgres;
pub mod schema;
pub mod sqlite;
pub mod transport;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Int(i64),
    Text(String),
    Bytes(Vec<u8>),
    Null,
}

impl Value {
    pub fn int(&self) -> Option<i64> {
        match self {
            Self::Int(value) => Some(*value),
            _ => None,
        }
    }

    pub fn text(&self) -> Option<&str> {
        match self {
            Self::Text(value) => Some(value),
            _ => None,
        }
    }

    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            Self::Bytes(value) => Some(value),
            _ => None,
        }
    }
}

impl From<i64> for Value {
    fn from(value: i64) -> Self {
        Self::Int(value)
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Self::Text(value.to_owned())
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Self::Text(value)
    }
}

impl From<Vec<u8>> for Value {
    fn from(value: Vec<u8>) -> Self {
        Self::Bytes(value)
    }
}

impl From<Option<i64>> for Value {
    fn from(value: Option<i64>) -> Self {
        value.map_or(Self::Null, Self::Int)
    }
}

pub type Row = Vec<Value>;

/// A backend failure. The detail is for the operator's log only: a driver's
/// message can quote values, so it never reaches an HTTP response.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("a uniqueness constraint was violated")]
    Conflict,
    #[error("database error: {0}")]
    Backend(String),
}

/// One statement at a time, inside a transaction.
pub trait Conn {
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError>;
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError>;
}

/// Which SQL a backend speaks beyond what both share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    /// Data-modifying `WITH` clauses: several writes in one statement,
    /// atomic on its own.
    Postgres,
}

pub trait Driver: Send + Sync {
    /// Runs `work` in one transaction: committed if it returns `Ok`, rolled
    /// back otherwise.
    fn transaction(
        &self,
        work: &mut dyn FnMut(&mut dyn Conn) -> Result<(), DbError>,
    ) -> Result<(), DbError>;

    /// Runs one statement by itself, atomic on its own (PostgreSQL: one
    /// round trip, no `BEGIN` and `COMMIT` around it), and returns its rows.
    fn query_alone(&self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        let mut rows = Vec::new();
        self.transaction(&mut |conn| {
            rows = conn.query(sql, params)?;
            Ok(())
        })?;
        Ok(rows)
    }

    /// The SQL this backend speaks.
    fn dialect(&self) -> Dialect;

    /// Called after ciphertext was erased: SQLite moves its write-ahead log
    /// into the database file and empties it, so no old copy stays on disk
    /// (the file itself overwrites freed space: `secure_delete`).
    fn erased(&self) -> Result<(), DbError> {
        Ok(())
    }

    /// Which backend, for logs and bench reports.
    fn name(&self) -> &'static str;

    /// The connection pool's use, for the operator's metrics (`None`: no pool).
    fn pool(&self) -> Option<PoolUse> {
        None
    }
}

/// How many of a pool's connections are in use and idle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolUse {
    pub in_use: usize,
    pub idle: usize,
}

/// Opens the backend a `--database` value names: `postgres://…` or
/// `postgresql://…` (or a `host=… user=…` key-value string starting with
/// `postgres:`), anything else is a SQLite file path.
pub fn open(database: &str) -> Result<Box<dyn Driver>, DbError> {
    open_with_ca(database, None)
}

/// [`open`], with `--database-ca`: the certificate authority that signed
/// PostgreSQL's certificate ([`transport`]).
pub fn open_with_ca(
    database: &str,
    ca: Option<&std::path::Path>,
) -> Result<Box<dyn Driver>, DbError> {
    let postgres = database
        .strip_prefix("postgres:")
        .filter(|rest| !rest.starts_with("//"))
        .or_else(|| {
            (database.starts_with("postgres://") || database.starts_with("postgresql://"))
                .then_some(database)
        });
    if let Some(config) = postgres {
        let target = transport::Target::new(config, ca)?;
        return Ok(Box::new(postgres::Postgres::connect(target)?));
    }
    Ok(Box::new(sqlite::Sqlite::open(std::path::Path::new(
        database.strip_prefix("sqlite:").unwrap_or(database),
    ))?))
}
