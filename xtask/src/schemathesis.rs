//! schemathesis (PyPI) against a running relay: every check, on every
//! operation of `relay/openapi.yaml`, with a bounded number of examples so
//! it stays short. Installed once into a virtualenv in `target/`.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::{repo_root, run, run_in};

/// The version the relay's description was last checked with.
const VERSION: &str = "4.32.5";
/// Examples per operation and phase: enough for every check, still short.
const MAX_EXAMPLES: &str = "10";

/// `target/schemathesis/bin/schemathesis`, installed if missing.
fn program() -> Result<PathBuf, String> {
    let venv = repo_root().join("target").join("schemathesis");
    let program = venv.join("bin").join("schemathesis");
    if program.exists() {
        return Ok(program);
    }
    let venv_arg = venv.to_string_lossy().into_owned();
    run("python3", &["-m", "venv", &venv_arg]).map_err(|error| {
        format!(
            "{error}\nschemathesis needs Python 3 with venv and pip \
             (Debian: apt-get install python3-venv python3-pip)"
        )
    })?;
    let pip = venv.join("bin").join("pip").to_string_lossy().into_owned();
    run(
        &pip,
        &["install", "-q", &format!("schemathesis=={VERSION}")],
    )
    .map_err(|error| format!("{error}\npip could not install schemathesis from PyPI"))?;
    Ok(program)
}

/// What schemathesis sends for each credential the relay's OpenAPI file
/// declares; `relay-schema-proxy` replaces it with a real one (its
/// `STAND_IN`).
const CONFIG: &str = r#"# Written by `cargo xtask test relay`: stand-ins for every credential,
# which relay-schema-proxy replaces with a real signature or session.
[auth.openapi.deviceKey]
api_key = "relay-schema-proxy"
[auth.openapi.deviceTime]
api_key = "relay-schema-proxy"
[auth.openapi.deviceNonce]
api_key = "relay-schema-proxy"
[auth.openapi.deviceSignature]
api_key = "relay-schema-proxy"
[auth.openapi.session]
api_key = "relay-schema-proxy"
[auth.openapi.csrf]
api_key = "relay-schema-proxy"

# A channel identity's signing key must be a point of Ed25519, which no
# pattern can say: a well-formed one that is not is refused with 400.
[[operations]]
include-name = "PUT /v1/keys"
checks.positive_data_acceptance.expected-statuses = ["2xx", 400, 401, 403, 404, 409, 429]
"#;

/// Letters go from the proxy's participant to its specialist: the relay
/// stores them (a letter between other mailboxes is refused before).
fn letters(participant: &str, specialist: &str) -> String {
    format!(
        "\n[[operations]]\ninclude-name = \"POST /v1/messages\"\n\
         parameters = {{ \"body.from\" = \"{participant}\", \"body.to\" = \"{specialist}\" }}\n"
    )
}

/// The word `name=…` of the proxy's first line.
fn named<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    line.split_whitespace()
        .find_map(|word| word.strip_prefix(name)?.strip_prefix('='))
}

/// Starts `relay-schema-proxy` (built by the relay's tests), which starts
/// the debug `phoenix-relay` on a free loopback port with a fresh SQLite
/// file, a signed-in specialist and a paired participant, and forwards to
/// it with real credentials in place of stand-ins; runs schemathesis
/// against the proxy (the OpenAPI file is the relay's own, passed through);
/// stops both by closing the proxy's standard input.
pub(crate) fn test() -> Result<(), String> {
    let program = program()?;
    let dir = repo_root().join("target").join("schemathesis-relay");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let config = dir.join("schemathesis.toml");
    let mut proxy = Command::new(repo_root().join("target/debug/relay-schema-proxy"))
        .arg("--database")
        .arg(dir.join("relay.db"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| {
            format!("cannot start relay-schema-proxy (cargo test -p relay builds it): {e}")
        })?;
    let mut line = String::new();
    if let Some(stdout) = proxy.stdout.take() {
        let _ = BufReader::new(stdout).read_line(&mut line);
    }
    let url = line
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .map(str::to_owned);
    let mailboxes = named(&line, "participant").zip(named(&line, "specialist"));
    let written = match mailboxes {
        Some((participant, specialist)) => std::fs::write(
            &config,
            CONFIG.to_owned() + &letters(participant, specialist),
        )
        .map_err(|e| format!("cannot write {}: {e}", config.display())),
        None => Err(format!("relay-schema-proxy did not start: {line:?}")),
    };
    let result = match (url, written) {
        (_, Err(error)) => Err(error),
        // In its own directory: schemathesis writes a `.schemathesis` cache.
        (Some(url), Ok(())) => run_in(
            &dir,
            &program.to_string_lossy(),
            &[
                "--config-file",
                &config.to_string_lossy(),
                "run",
                &format!("{url}/openapi.yaml"),
                "--checks",
                "all",
                "--max-examples",
                MAX_EXAMPLES,
                "--no-color",
            ],
            &[],
        ),
        (None, Ok(())) => Err(format!("relay-schema-proxy did not start: {line:?}")),
    };
    // Closing its standard input stops the proxy, which stops the relay.
    drop(proxy.stdin.take());
    let _ = proxy.wait();
    result
}
