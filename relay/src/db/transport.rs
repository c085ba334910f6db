//! How the relay reaches PostgreSQL: TLS that verifies the server's
//! certificate and host name (libpq's `verify-full`), or a plain connection
//! to this machine only (loopback or a Unix socket). A plain connection to
//! another host is refused before anything is sent.
//!
//! TLS is asked for by `--database-ca FILE` (the certificate authority that
//! signed the server's certificate), or by `sslmode=verify-full` (or
//! `require`, `verify-ca`: the relay always verifies fully) and
//! `sslrootcert=FILE` in the connection string; without a CA file it trusts
//! the system's certificate store. rustls on ring does the TLS: no OpenSSL.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use postgres::config::{Host, SslMode};
use postgres::{Client, Config, NoTls};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use tokio_postgres_rustls::MakeRustlsConnect;

use super::DbError;

/// A parsed connection string and how to secure it.
#[derive(Clone)]
pub struct Target {
    config: Config,
    tls: Option<MakeRustlsConnect>,
}

impl Target {
    /// Reads `database` (a `postgres://…` URL or a `host=… user=…` string)
    /// and decides how to reach it; `ca` is `--database-ca`.
    pub fn new(database: &str, ca: Option<&Path>) -> Result<Self, DbError> {
        let (rest, mode, rootcert) = take_tls_options(database);
        let mut config: Config = rest
            .parse()
            .map_err(|error| DbError::Backend(format!("the connection string: {error}")))?;
        let ca = ca.map(Path::to_path_buf).or(rootcert);
        let wants_tls = ca.is_some()
            || matches!(
                mode.as_deref(),
                Some("require" | "verify-ca" | "verify-full")
            );
        if wants_tls {
            if mode.as_deref() == Some("disable") {
                return Err(refused("sslmode=disable contradicts the CA file given"));
            }
            config.ssl_mode(SslMode::Require);
            let tls = MakeRustlsConnect::new(client_config(ca.as_deref())?);
            return Ok(Self {
                config,
                tls: Some(tls),
            });
        }
        if let Some(remote) = remote_host(&config) {
            return Err(refused(&format!(
                "the database host {remote} is not on this machine, and a plain connection \
                 would cross the network unencrypted: give --database-ca FILE (or \
                 sslmode=verify-full in the connection string) to connect with TLS"
            )));
        }
        config.ssl_mode(SslMode::Disable);
        Ok(Self { config, tls: None })
    }

    /// Opens one connection.
    pub fn connect(&self) -> Result<Client, postgres::Error> {
        match &self.tls {
            Some(tls) => self.config.connect(tls.clone()),
            None => self.config.connect(NoTls),
        }
    }

    /// Whether connections use TLS, for the start-up line.
    pub fn encrypted(&self) -> bool {
        self.tls.is_some()
    }
}

fn refused(why: &str) -> DbError {
    DbError::Backend(why.to_owned())
}

/// The connection string without `sslmode` and `sslrootcert` (which the
/// driver does not take in their libpq spelling), and their values.
fn take_tls_options(database: &str) -> (String, Option<String>, Option<PathBuf>) {
    let (mut mode, mut rootcert) = (None, None);
    let mut keep = |pair: &str| -> bool {
        match pair.split_once('=') {
            Some(("sslmode", value)) => mode = Some(value.to_owned()),
            Some(("sslrootcert", value)) => rootcert = Some(PathBuf::from(value)),
            _ => return true,
        }
        false
    };
    let rest = if database.starts_with("postgres://") || database.starts_with("postgresql://") {
        match database.split_once('?') {
            Some((base, query)) => {
                let kept: Vec<&str> = query.split('&').filter(|pair| keep(pair)).collect();
                if kept.is_empty() {
                    base.to_owned()
                } else {
                    format!("{base}?{}", kept.join("&"))
                }
            }
            None => database.to_owned(),
        }
    } else {
        database
            .split_whitespace()
            .filter(|pair| keep(pair))
            .collect::<Vec<_>>()
            .join(" ")
    };
    (rest, mode, rootcert)
}

/// The first host the connection would reach over the network, if any:
/// every host must be a Unix socket or a loopback address (or `localhost`).
fn remote_host(config: &Config) -> Option<String> {
    let addresses = config.get_hostaddrs();
    if !addresses.is_empty() {
        return addresses
            .iter()
            .find(|address| !address.is_loopback())
            .map(ToString::to_string);
    }
    config.get_hosts().iter().find_map(|host| match host {
        Host::Unix(_) => None,
        Host::Tcp(name) => {
            let local = name.eq_ignore_ascii_case("localhost")
                || name
                    .trim_matches(['[', ']'])
                    .parse::<IpAddr>()
                    .is_ok_and(|address| address.is_loopback());
            (!local).then(|| name.clone())
        }
    })
}

/// rustls on ring, trusting `ca` (PEM) or, without it, the system's store;
/// rustls checks the certificate chain and that it names the host.
fn client_config(ca: Option<&Path>) -> Result<rustls::ClientConfig, DbError> {
    let mut roots = rustls::RootCertStore::empty();
    let certificates: Vec<CertificateDer<'static>> = match ca {
        Some(path) => CertificateDer::pem_file_iter(path)
            .and_then(Iterator::collect)
            .map_err(|error| {
                refused(&format!(
                    "cannot read the CA certificates in {}: {error}",
                    path.display()
                ))
            })?,
        None => rustls_native_certs::load_native_certs().certs,
    };
    let (added, _) = roots.add_parsable_certificates(certificates);
    if added == 0 {
        return Err(refused(
            "no CA certificate to verify the database's certificate with",
        ));
    }
    rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|error| refused(&format!("TLS set-up: {error}")))
        .map(|builder| builder.with_root_certificates(roots).with_no_client_auth())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_allowed(database: &str) -> bool {
        Target::new(database, None).is_ok_and(|target| !target.encrypted())
    }

    #[test]
    fn a_plain_connection_is_allowed_to_this_machine_only() {
        assert!(plain_allowed("host=127.0.0.1 port=5432 user=postgres"));
        assert!(plain_allowed("postgres://relay@localhost/phoenix"));
        assert!(plain_allowed("postgres://relay@[::1]:5433/phoenix"));
        assert!(plain_allowed("host=/var/run/postgresql user=relay"));
        assert!(!plain_allowed("postgres://relay@db.example.org/phoenix"));
        assert!(!plain_allowed(
            "host=db.example.org hostaddr=127.0.0.1,192.0.2.9 user=relay"
        ));
        assert!(!plain_allowed(
            "postgres://relay@db.example.org/phoenix?sslmode=disable"
        ));
    }

    #[test]
    fn the_libpq_tls_options_are_taken_out_of_the_connection_string() {
        let (rest, mode, rootcert) = take_tls_options(
            "postgres://relay@db/phoenix?sslmode=verify-full&sslrootcert=/etc/ca.pem&connect_timeout=5",
        );
        assert_eq!(rest, "postgres://relay@db/phoenix?connect_timeout=5");
        assert_eq!(mode.as_deref(), Some("verify-full"));
        assert_eq!(rootcert, Some(PathBuf::from("/etc/ca.pem")));
        let (rest, mode, _) = take_tls_options("host=db sslmode=verify-full user=relay");
        assert_eq!(
            (rest.as_str(), mode.as_deref()),
            ("host=db user=relay", Some("verify-full"))
        );
    }
}
