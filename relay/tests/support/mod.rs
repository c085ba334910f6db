//! The relay's two backends for the tests; the client is `relay::testing`.

#![allow(dead_code)]

pub use relay::testing::*;

/// Where a test's relay keeps its data.
pub enum Backend {
    Sqlite(tempfile::TempDir),
    Postgres { admin: String, database: String },
}

impl Backend {
    pub fn sqlite() -> Self {
        Self::Sqlite(tempfile::tempdir().unwrap())
    }

    /// A fresh database in the PostgreSQL that `PHOENIX_TEST_POSTGRES` names,
    /// or `None` (with a note) when it is not set outside CI.
    pub fn postgres() -> Option<Self> {
        let Ok(admin) = std::env::var("PHOENIX_TEST_POSTGRES") else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must test PostgreSQL: set PHOENIX_TEST_POSTGRES (cargo xtask test does)"
            );
            eprintln!("PHOENIX_TEST_POSTGRES is not set: skipping the PostgreSQL run");
            return None;
        };
        let database = format!("phoenix_test_{}", random_suffix());
        let mut client = postgres::Client::connect(&admin, postgres::NoTls).unwrap();
        client
            .batch_execute(&format!("CREATE DATABASE {database}"))
            .unwrap();
        Some(Self::Postgres { admin, database })
    }

    pub fn argument(&self) -> String {
        match self {
            Self::Sqlite(dir) => dir.path().join("relay.db").display().to_string(),
            Self::Postgres { admin, database } => format!("postgres:{admin} dbname={database}"),
        }
    }

    /// Runs SQL on the relay's database behind its back, as an insider or
    /// an attacker with the database could.
    pub fn tamper(&self, sql: &str) {
        match self {
            Self::Sqlite(dir) => {
                let database = rusqlite::Connection::open(dir.path().join("relay.db")).unwrap();
                database.execute_batch(sql).unwrap();
            }
            Self::Postgres { admin, database } => {
                let address = format!("{admin} dbname={database}");
                let mut client = postgres::Client::connect(&address, postgres::NoTls).unwrap();
                client.batch_execute(sql).unwrap();
            }
        }
    }

    /// Every byte the backend stores, as text the test can search: the
    /// SQLite files, or every table's rows dumped as text by PostgreSQL.
    pub fn stored_bytes(&self) -> Vec<u8> {
        match self {
            Self::Sqlite(dir) => std::fs::read_dir(dir.path())
                .unwrap()
                .flat_map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
                .collect(),
            Self::Postgres { admin, database } => {
                let mut client = postgres::Client::connect(
                    &format!("{admin} dbname={database}"),
                    postgres::NoTls,
                )
                .unwrap();
                let mut all = Vec::new();
                let tables: Vec<String> = client
                    .query(
                        "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'",
                        &[],
                    )
                    .unwrap()
                    .iter()
                    .map(|row| row.get(0))
                    .collect();
                assert!(tables.iter().any(|table| table == "messages"));
                for table in &tables {
                    for row in client
                        .query(&format!("SELECT t::text FROM {table} t"), &[])
                        .unwrap()
                    {
                        all.extend(row.get::<_, String>(0).into_bytes());
                    }
                    // bytea shows as hex in a row's text: decode the bodies too.
                }
                for row in client.query("SELECT body FROM messages", &[]).unwrap() {
                    all.extend(row.get::<_, Vec<u8>>(0));
                }
                all
            }
        }
    }
}

impl Drop for Backend {
    fn drop(&mut self) {
        if let Self::Postgres { admin, database } = self
            && let Ok(mut client) = postgres::Client::connect(admin, postgres::NoTls)
        {
            let _ =
                client.batch_execute(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"));
        }
    }
}

fn random_suffix() -> String {
    let mut bytes = [0u8; 8];
    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes).unwrap();
    relay_protocol::encoding::encode(&bytes)
        .to_lowercase()
        .replace(['-', '_'], "x")
}

/// Runs a test body against SQLite and, when available, PostgreSQL.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident => $body:expr;)*) => {
        mod sqlite {
            use super::*;
            $(#[test] fn $name() { ($body)(&support::Backend::sqlite()) })*
        }
        mod postgres {
            use super::*;
            $(#[test] fn $name() {
                if let Some(backend) = support::Backend::postgres() { ($body)(&backend) }
            })*
        }
    };
}
