//! Phoenix's developer commands, run as `cargo xtask <command>`.
//!
//! Each command checks what it needs first and says plainly what is missing,
//! so a fresh machine gets a clear instruction rather than a compiler error.

use std::process::{Command, ExitCode};

mod bindings;
mod fuzz;
mod inbox;
mod jvm;
mod phone_parity;
mod postgres;
mod prerequisites;
mod proof;
mod relay_load;
mod schemathesis;
mod swift_syntax;
mod test;
mod wasm_bindgen;
mod web;
mod wording;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  test               run every test of the repository (what CI runs)
  test web           run only the browser tests (release build, Chromium)
  test jvm           run only the JVM tests of the Android core wrapper (Kotlin, JNA)
  test swift         run only the syntax check of the iOS app's Swift sources
  test phones        run only the check that both phone shells tag every form field and read what the web renders
  test relay [--test NAME]
                     run only the relay's suite (or one file, without schemathesis), against SQLite and a throwaway PostgreSQL
  bindings           generate the native shells' code: UniFFI (Kotlin, Swift) and the core's types
  inbox              build the specialist's inbox's wasm into inbox-wasm/pkg; print its sizes
  serve              build the release wasm and the web app, serve it on http://127.0.0.1:8080
  bench [--rounds N] measure the vault against plain SQLite and SQLCipher, and the core's hot path; writes BENCHMARKS.md
  bench inbox        time the specialist's inbox opening 1,000 messages (Chromium, real relay)
  bench relay [--participants N,M] [--seconds N]
                     load-test the relay on loopback against SQLite and 1, 2, 4 processes over PostgreSQL (default 200,1000, 15 s)
  soak [--cycles N]  SIGKILL a vault writer N times (default 1,000); nothing may be lost
  fuzz [--seconds N] run every fuzz target N seconds (default 30; nightly + cargo-fuzz)
  wording [--rev REV]
                     reading level of the .ftl files (textstat: Flesch-Kincaid, Fernandez Huerta),
                     and at a git revision too, for before and after
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test::run_all(&args[1..]),
        Some("bench") => proof::bench(&args[1..]),
        Some("soak") => proof::soak(&args[1..]),
        Some("fuzz") => fuzz::run_all(&args[1..]),
        Some("bindings") => bindings::generate(&args[1..]),
        Some("serve") => web::serve(&args[1..]),
        Some("inbox") => inbox::build_and_report(&args[1..]),
        Some("wording") => wording::run(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a command from the repository root, echoing it first.
pub(crate) fn run(program: &str, args: &[&str]) -> Result<(), String> {
    run_with_env(program, args, &[])
}

pub(crate) fn run_with_env(
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> Result<(), String> {
    run_in(&repo_root(), program, args, env)
}

/// Runs a command in `dir`, echoing it first.
pub(crate) fn run_in(
    dir: &std::path::Path,
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> Result<(), String> {
    println!("\n==> {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .status()
        .map_err(|error| format!("could not start `{program}`: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

pub(crate) fn repo_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the repository root")
        .to_path_buf()
}

/// Every file under `dir` (recursively) whose name ends in `.{extension}`, sorted.
pub(crate) fn files_with_extension(
    dir: &std::path::Path,
    extension: &str,
) -> Result<Vec<String>, String> {
    fn walk(dir: &std::path::Path, extension: &str, found: &mut Vec<String>) -> Result<(), String> {
        let entries = std::fs::read_dir(dir)
            .map_err(|error| format!("reading {}: {error}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|error| error.to_string())?.path();
            if path.is_dir() {
                walk(&path, extension, found)?;
            } else if path.extension().is_some_and(|ext| ext == extension) {
                found.push(path.to_string_lossy().into_owned());
            }
        }
        Ok(())
    }
    let mut found = Vec::new();
    walk(dir, extension, &mut found)?;
    found.sort();
    Ok(found)
}

/// Runs `codegen` (crux facet typegen) with `--swift DIR`, `--kotlin DIR`
/// and/or `--typescript DIR` pairs.
pub(crate) fn codegen(targets: &[(&str, &std::path::Path)]) -> Result<(), String> {
    let mut args = vec!["run", "--quiet", "-p", "codegen", "--"]
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    for (flag, dir) in targets {
        args.push(format!("--{flag}"));
        args.push(dir.to_string_lossy().into_owned());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run("cargo", &args)
}

/// Installs the exact versions a test folder's package.json pins, once
/// (when `package` is not in its node_modules yet). No lock file: each
/// folder pins exact versions of one or two packages.
pub(crate) fn npm_install_pinned(dir: &std::path::Path, package: &str) -> Result<(), String> {
    if dir.join("node_modules").join(package).is_dir() {
        return Ok(());
    }
    run_in(
        dir,
        "npm",
        &["install", "--no-audit", "--no-fund", "--no-package-lock"],
        &[],
    )
}
