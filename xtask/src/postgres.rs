//! A throwaway PostgreSQL for the relay's tests and load bench: a fresh
//! cluster in `target/`, on a free loopback port, trusting local
//! connections, stopped and deleted when dropped. Debian's `postgresql`
//! package provides the programs; nothing is installed system-wide.
//!
//! It also accepts TLS, with a certificate for `localhost` (and no other
//! name) signed by a certificate authority made for the run: the relay's
//! TLS tests read the authority's file from `PHOENIX_TEST_POSTGRES_CA`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::repo_root;

pub(crate) struct TempPostgres {
    bin: PathBuf,
    dir: PathBuf,
    /// A libpq key-value connection string for the `postgres` superuser.
    pub(crate) conninfo: String,
    /// The PEM file of the authority that signed the server's certificate.
    pub(crate) ca_file: String,
}

/// The newest installed server's programs (`initdb`, `pg_ctl`).
fn server_programs() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| Some(entry.ok()?.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    versions.sort_by_key(|bin| {
        bin.parent()
            .and_then(Path::file_name)
            .and_then(|v| v.to_str()?.parse::<u32>().ok())
    });
    versions.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// PostgreSQL refuses to run as root: there, run its programs as `postgres`.
fn as_server_user(program: &Path, args: &[&str]) -> Result<(), String> {
    let mut command = if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    };
    let output = command
        .args(args)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} failed:\n{}",
            program.display(),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|e| format!("no free port: {e}"))
}

impl TempPostgres {
    /// Starts a cluster for tests (no fsync: faster, and a test cluster
    /// never outlives a power cut), or says what is missing.
    pub(crate) fn start() -> Result<Self, String> {
        Self::start_with(false)
    }

    /// Starts a cluster that syncs every commit, as production does: for
    /// the load bench, so it compares with SQLite's durable writes.
    pub(crate) fn start_durable() -> Result<Self, String> {
        Self::start_with(true)
    }

    fn start_with(durable: bool) -> Result<Self, String> {
        let bin = server_programs().ok_or(
            "PostgreSQL is not installed: the relay's tests run against it too.\n\
             Install Debian's server: apt-get install postgresql",
        )?;
        let dir = repo_root()
            .join("target")
            .join(format!("test-postgres-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        if is_root() {
            let status = Command::new("chown")
                .args(["postgres:postgres"])
                .arg(&dir)
                .status()
                .map_err(|e| format!("cannot run chown: {e}"))?;
            if !status.success() {
                return Err("cannot give the test cluster's directory to the postgres user".into());
            }
        }
        let data = dir.to_string_lossy().into_owned();
        as_server_user(
            &bin.join("initdb"),
            &[
                "-D",
                &data,
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "-E",
                "UTF8",
            ],
        )?;
        let ca_file = write_certificates(&dir)?;
        let port = free_port()?;
        let fsync = if durable { "on" } else { "off" };
        // The load bench counts the statements the relays run.
        let statements = if durable {
            " -c shared_preload_libraries=pg_stat_statements"
        } else {
            ""
        };
        let options = format!(
            "-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync={fsync} -c max_connections=100 \
             -c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key{statements}"
        );
        let log = dir.join("server.log").to_string_lossy().into_owned();
        let cluster = Self {
            conninfo: format!("host=127.0.0.1 port={port} user=postgres"),
            ca_file,
            bin,
            dir,
        };
        as_server_user(
            &cluster.bin.join("pg_ctl"),
            &["-D", &data, "-o", &options, "-l", &log, "-w", "start"],
        )?;
        println!("==> a test PostgreSQL is running on 127.0.0.1:{port}");
        Ok(cluster)
    }
}

/// A certificate authority (`ca.crt`, outside the data directory's key) and
/// the server's certificate and key for `localhost`, in the data directory
/// as PostgreSQL wants them (the key readable by its owner only).
fn write_certificates(data: &Path) -> Result<String, String> {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
    let failed = |e: rcgen::Error| format!("cannot make the test certificates: {e}");
    let mut authority = CertificateParams::new(Vec::<String>::new()).map_err(failed)?;
    authority.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    authority
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Phoenix test authority");
    let authority = CertifiedIssuer::self_signed(authority, KeyPair::generate().map_err(failed)?)
        .map_err(failed)?;
    let key = KeyPair::generate().map_err(failed)?;
    let server = CertificateParams::new(vec!["localhost".to_owned()])
        .and_then(|params| params.signed_by(&key, &authority))
        .map_err(failed)?;
    let write = |name: &str, contents: String| {
        let path = data.join(name);
        std::fs::write(&path, contents)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok::<_, String>(path)
    };
    let ca = write("ca.crt", authority.pem())?;
    write("server.crt", server.pem())?;
    let key_path = write("server.key", key.serialize_pem())?;
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key_path, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| format!("cannot restrict the key: {e}"))?;
    }
    if is_root() {
        let status = Command::new("chown")
            .args(["postgres:postgres"])
            .arg(data.join("server.crt"))
            .arg(&key_path)
            .status()
            .map_err(|e| format!("cannot run chown: {e}"))?;
        if !status.success() {
            return Err("cannot give the test certificate to the postgres user".into());
        }
    }
    Ok(ca.to_string_lossy().into_owned())
}

impl TempPostgres {
    /// The variables the relay's tests find this cluster by.
    pub(crate) fn test_env(&self) -> [(&'static str, &str); 2] {
        [
            ("PHOENIX_TEST_POSTGRES", &self.conninfo),
            ("PHOENIX_TEST_POSTGRES_CA", &self.ca_file),
        ]
    }

    /// The server's main process (its children are the connections and
    /// background workers), for the load bench's CPU accounting.
    pub(crate) fn postmaster_pid(&self) -> Option<u32> {
        std::fs::read_to_string(self.dir.join("postmaster.pid"))
            .ok()?
            .lines()
            .next()?
            .trim()
            .parse()
            .ok()
    }

    /// A new, empty database in this cluster.
    pub(crate) fn create_database(&self, name: &str) -> Result<(), String> {
        let port = self
            .conninfo
            .split_whitespace()
            .find_map(|pair| pair.strip_prefix("port="))
            .unwrap_or("5432");
        as_server_user(
            &self.bin.join("createdb"),
            &["-h", "127.0.0.1", "-p", port, "-U", "postgres", name],
        )
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        let data = self.dir.to_string_lossy().into_owned();
        let _ = as_server_user(
            &self.bin.join("pg_ctl"),
            &["-D", &data, "-m", "immediate", "-w", "stop"],
        );
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
