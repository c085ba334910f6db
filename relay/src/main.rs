//! `phoenix-relay`: serve, or manage specialists' accounts.

use std::io::BufRead;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use relay::http::{AppState, InboxAssets, Limits};
use relay::store::Store;
use relay::{db, secrets};
use relay_protocol::inbox_secrets::{self, InboxSecrets};
use zeroize::Zeroizing;

#[derive(Parser)]
#[command(
    name = "phoenix-relay",
    about = "Phoenix's message relay and specialists' inbox"
)]
struct Cli {
    #[command(flatten)]
    database: Database,
    #[command(subcommand)]
    command: Command,
}

/// Where the relay keeps its data.
#[derive(clap::Args)]
struct Database {
    /// A SQLite file (created if missing), or a PostgreSQL connection
    /// string: `postgres://user@host/db` or `postgres:host=… user=… dbname=…`.
    #[arg(
        long,
        env = "PHOENIX_RELAY_DATABASE",
        global = true,
        default_value = "phoenix-relay.db"
    )]
    database: String,
    /// The certificate authority (PEM) that signed PostgreSQL's certificate:
    /// the relay connects with TLS and checks the certificate and the host
    /// name (verify-full). Without it, a PostgreSQL on another host is
    /// refused unless the connection string says `sslmode=verify-full`.
    #[arg(long, env = "PHOENIX_RELAY_DATABASE_CA", global = true)]
    database_ca: Option<std::path::PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the inbox page.
    Serve(Box<Serve>),
    /// Create a specialist's account; the password is read from standard input.
    AddSpecialist {
        #[arg(long)]
        username: String,
        /// The name participants see.
        #[arg(long)]
        name: String,
    },
    /// Set a specialist's password (read from standard input); ends their sessions.
    SetPassword {
        #[arg(long)]
        username: String,
    },
    /// Forget a specialist's inbox keys (lost browser, new computer). Their
    /// pairings end: participants pair again with a new invite code.
    ResetKeys {
        #[arg(long)]
        username: String,
    },
}

/// `serve`'s options.
#[derive(clap::Args)]
struct Serve {
    #[arg(long, env = "PHOENIX_RELAY_LISTEN", default_value = "127.0.0.1:8090")]
    listen: String,
    /// Send the session cookie without `Secure`, for plain-HTTP testing
    /// on loopback. Production runs behind HTTPS and never sets this.
    #[arg(long, env = "PHOENIX_RELAY_INSECURE_COOKIES")]
    insecure_cookies: bool,
    #[arg(long, env = "PHOENIX_RELAY_DEVICE_REQUESTS_PER_SECOND", default_value_t = Limits::default().device_requests_per_second)]
    device_requests_per_second: u32,
    #[arg(long, env = "PHOENIX_RELAY_PAIRINGS_PER_MINUTE", default_value_t = Limits::default().pairings_per_minute)]
    pairings_per_minute: u32,
    #[arg(long, env = "PHOENIX_RELAY_LOGINS_PER_MINUTE", default_value_t = Limits::default().logins_per_minute)]
    logins_per_minute: u32,
    /// The header a trusted reverse proxy sets to the client's address
    /// (e.g. `x-forwarded-for`; the last address in it is used). Set it
    /// only when clients cannot reach the relay except through the proxy.
    #[arg(long, env = "PHOENIX_RELAY_CLIENT_ADDRESS_HEADER")]
    client_address_header: Option<String>,
    /// Password checks (Argon2id, about 19 MiB each) run at once.
    #[arg(long, env = "PHOENIX_RELAY_ARGON2_CONCURRENCY", default_value_t = Limits::default().argon2_concurrency)]
    argon2_concurrency: usize,
    /// How many days the relay keeps a message its recipient never
    /// acknowledges (and an acknowledged one's delivery and read times).
    #[arg(long, env = "PHOENIX_RELAY_RETENTION_DAYS", default_value_t = 30)]
    retention_days: i64,
    /// Serve Prometheus metrics at `/metrics` on this address (e.g.
    /// `127.0.0.1:9090`), a listener apart from the public one; no
    /// metrics are served without it.
    #[arg(long, env = "PHOENIX_RELAY_METRICS_ADDRESS")]
    metrics_address: Option<String>,
    /// Log lines on standard error as `compact` text or `json`; the level
    /// comes from `RUST_LOG` (default `warn,relay=info`: one line per request).
    #[arg(long, env = "PHOENIX_RELAY_LOG_FORMAT", default_value = "compact", value_parser = ["compact", "json"])]
    log_format: String,
    /// How long an invite code stays valid.
    #[arg(long, env = "PHOENIX_RELAY_INVITE_MINUTES", default_value_t = 24 * 60)]
    invite_minutes: i64,
    /// The directory holding the inbox's wasm (`inbox.js`,
    /// `inbox_bg.wasm`), built by `cargo xtask inbox` into
    /// inbox-wasm/pkg. Without it the relay serves the API but the inbox
    /// page cannot run.
    #[arg(long, env = "PHOENIX_RELAY_INBOX_ASSETS")]
    inbox_assets: Option<std::path::PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("phoenix-relay: {message}");
            ExitCode::FAILURE
        }
    }
}

fn open_store(cli: &Database) -> Result<Store, String> {
    db::open_with_ca(&cli.database, cli.database_ca.as_deref())
        .map(Store::new)
        .map_err(|error| format!("cannot open the database: {error}"))
}

fn read_password() -> Result<Zeroizing<String>, String> {
    let mut line = Zeroizing::new(String::new());
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|_| "cannot read the password from standard input".to_owned())?;
    let password = Zeroizing::new(line.trim_end_matches(['\r', '\n']).to_owned());
    if password.chars().count() < secrets::MIN_PASSWORD_CHARS {
        return Err(format!(
            "the password must be at least {} characters",
            secrets::MIN_PASSWORD_CHARS
        ));
    }
    Ok(password)
}

/// Structured logs through `tracing`: each request's span closes with one
/// line (route template, method, status, latency), never a body, a name, a
/// mailbox id or an address.
fn start_logging(format: &str) {
    use tracing_subscriber::EnvFilter;
    use tracing_subscriber::fmt::format::FmtSpan;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("warn,relay=info,phoenix_relay=info"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_span_events(FmtSpan::CLOSE);
    if format == "json" {
        logs.json().init();
    } else {
        logs.compact().init();
    }
}

fn serve(database: &Database, options: Serve) -> Result<(), String> {
    let Serve {
        listen,
        insecure_cookies,
        device_requests_per_second,
        pairings_per_minute,
        logins_per_minute,
        client_address_header,
        argon2_concurrency,
        retention_days,
        metrics_address,
        log_format,
        invite_minutes,
        inbox_assets,
    } = options;
    start_logging(&log_format);
    let inbox_assets = inbox_assets
        .map(|dir| InboxAssets::load(&dir))
        .transpose()?;
    let store = open_store(database)?;
    let backend = store.backend();
    let limits = Limits {
        device_requests_per_second,
        pairings_per_minute,
        logins_per_minute,
        client_address_header: client_address_header.map(|name| name.trim().to_ascii_lowercase()),
        argon2_concurrency,
        invite_ttl_ms: invite_minutes * 60 * 1000,
        retention_ms: retention_days.saturating_mul(24 * 60 * 60 * 1000),
        secure_cookies: !insecure_cookies,
        ..Limits::default()
    };
    let runtime = tokio::runtime::Runtime::new()
        .map_err(|error| format!("cannot start the runtime: {error}"))?;
    // Before the "listening" line: requests signed after it are
    // never older than the relay's start (see `AppState`).
    let state = AppState::serving_inbox(store, limits, inbox_assets);
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&listen)
            .await
            .map_err(|error| format!("cannot listen on {listen}: {error}"))?;
        let address = listener
            .local_addr()
            .map_err(|error| format!("cannot read the address: {error}"))?;
        let metrics = match &metrics_address {
            Some(metrics_address) => Some(
                tokio::net::TcpListener::bind(metrics_address)
                    .await
                    .map_err(|error| format!("cannot listen on {metrics_address}: {error}"))?,
            ),
            None => None,
        };
        let metrics_note = match &metrics {
            Some(metrics) => format!(
                "; metrics on http://{}/metrics",
                metrics
                    .local_addr()
                    .map_err(|error| format!("cannot read the address: {error}"))?
            ),
            None => String::new(),
        };
        state.sweep().await;
        // Tests and scripts read this line to find the port.
        println!("phoenix-relay listening on http://{address} ({backend}){metrics_note}");
        relay::http::serve(listener, metrics, state)
            .await
            .map_err(|error| format!("the server stopped: {error}"))
    })
}

/// What the relay stores for a password: the Argon2id hash of the login
/// secret the inbox derives from it (never the password, never the secret
/// that unwraps the inbox's keys). See `relay_protocol::inbox_secrets`.
fn login_secret_hash(username: &str, password: &str) -> Result<String, String> {
    let derived = InboxSecrets::derive(password, &inbox_secrets::salt_for(username))
        .map_err(|_| "the password could not be derived".to_owned())?;
    secrets::hash_password(&derived.login_secret())
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Serve(options) => serve(&cli.database, *options),
        Command::AddSpecialist { username, name } => {
            let username = username.trim().to_lowercase();
            if username.is_empty() || name.trim().is_empty() {
                return Err("the username and the name must not be empty".into());
            }
            let hash = login_secret_hash(&username, &read_password()?)?;
            let store = open_store(&cli.database)?;
            match store.add_specialist(&username, name.trim(), &hash, relay::now_ms()) {
                Ok(_) => {
                    println!("added specialist {username}");
                    Ok(())
                }
                Err(db::DbError::Conflict) => Err(format!("the username {username} is taken")),
                Err(error) => Err(format!("cannot add the specialist: {error}")),
            }
        }
        Command::ResetKeys { username } => {
            let store = open_store(&cli.database)?;
            match store.reset_specialist_device(&username.trim().to_lowercase(), relay::now_ms()) {
                Ok(true) => {
                    println!("reset the inbox keys; their participants must pair again");
                    Ok(())
                }
                Ok(false) => Err("no specialist has that username".into()),
                Err(error) => Err(format!("cannot reset the keys: {error}")),
            }
        }
        Command::SetPassword { username } => {
            let username = username.trim().to_lowercase();
            let hash = login_secret_hash(&username, &read_password()?)?;
            let store = open_store(&cli.database)?;
            match store.set_password(&username, &hash) {
                Ok(true) => Ok(()),
                Ok(false) => Err("no specialist has that username".into()),
                Err(error) => Err(format!("cannot set the password: {error}")),
            }
        }
    }
}
