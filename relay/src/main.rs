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
    /// A SQLite file (created if missing), or a PostgreSQL connection
    /// string: `postgres://user@host/db` or `postgres:host=… user=… dbname=…`.
    #[arg(
        long,
        env = "PHOENIX_RELAY_DATABASE",
        global = true,
        default_value = "phoenix-relay.db"
    )]
    database: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the inbox page.
    Serve {
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
        /// How long an invite code stays valid.
        #[arg(long, env = "PHOENIX_RELAY_INVITE_MINUTES", default_value_t = 24 * 60)]
        invite_minutes: i64,
        /// The directory holding the inbox's wasm (`inbox.js`,
        /// `inbox_bg.wasm`), built by `cargo xtask inbox` into
        /// inbox-wasm/pkg. Without it the relay serves the API but the inbox
        /// page cannot run.
        #[arg(long, env = "PHOENIX_RELAY_INBOX_ASSETS")]
        inbox_assets: Option<std::path::PathBuf>,
    },
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

fn open_store(database: &str) -> Result<Store, String> {
    db::open(database)
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
        Command::Serve {
            listen,
            insecure_cookies,
            device_requests_per_second,
            pairings_per_minute,
            logins_per_minute,
            client_address_header,
            argon2_concurrency,
            invite_minutes,
            inbox_assets,
            retention_days,
        } => {
            let inbox_assets = inbox_assets
                .map(|dir| InboxAssets::load(&dir))
                .transpose()?;
            let store = open_store(&cli.database)?;
            let backend = store.backend();
            let limits = Limits {
                device_requests_per_second,
                pairings_per_minute,
                logins_per_minute,
                client_address_header: client_address_header
                    .map(|name| name.trim().to_ascii_lowercase()),
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
                state.sweep().await;
                // Tests and scripts read this line to find the port.
                println!("phoenix-relay listening on http://{address} ({backend})");
                relay::http::serve(listener, state)
                    .await
                    .map_err(|error| format!("the server stopped: {error}"))
            })
        }
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
