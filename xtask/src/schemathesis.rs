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

/// Starts the debug `phoenix-relay` (built by the relay's tests) on a free
/// loopback port with a fresh SQLite file, runs schemathesis, stops it.
pub(crate) fn test() -> Result<(), String> {
    let program = program()?;
    let dir = repo_root().join("target").join("schemathesis-relay");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut relay = Command::new(repo_root().join("target/debug/phoenix-relay"))
        .arg("--database")
        .arg(dir.join("relay.db"))
        .args(["serve", "--listen", "127.0.0.1:0", "--insecure-cookies"])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start phoenix-relay (cargo test -p relay builds it): {e}"))?;
    let mut line = String::new();
    if let Some(stdout) = relay.stdout.take() {
        let _ = BufReader::new(stdout).read_line(&mut line);
    }
    let url = line
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .map(str::to_owned);
    let result = match url {
        // In its own directory: schemathesis writes a `.schemathesis` cache.
        Some(url) => run_in(
            &dir,
            &program.to_string_lossy(),
            &[
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
        None => Err(format!("phoenix-relay did not start: {line:?}")),
    };
    let _ = relay.kill();
    let _ = relay.wait();
    result
}
