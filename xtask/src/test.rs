//! `cargo xtask test`: every test of the repository, as CI runs it.

use crate::postgres::TempPostgres;
use crate::{jvm, phone_parity, prerequisites, run, run_with_env, schemathesis, swift_syntax, web};

pub(crate) fn run_all(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        None => {}
        Some("web") => return web::test(),
        Some("jvm") => return jvm::test(),
        Some("swift") => return swift_syntax::test(),
        Some("phones") => return phone_parity::test(),
        Some("boundary") => return boundary(),
        Some("relay") => {
            // `cargo xtask test relay --test NAME`: one test file, with
            // the test PostgreSQL, and no schemathesis run.
            let only = &args[1..];
            let postgres = TempPostgres::start()?;
            let mut cargo = vec!["test", "-p", "relay"];
            cargo.extend(only.iter().map(String::as_str));
            run_with_env("cargo", &cargo, &postgres.test_env())?;
            return if only.is_empty() {
                schemathesis::test()
            } else {
                Ok(())
            };
        }
        Some(other) => {
            return Err(format!(
                "unknown test step `{other}` (known: web, jvm, swift, phones, boundary, relay)"
            ));
        }
    }
    prerequisites::clang()?;
    prerequisites::wasm_target()?;

    run("cargo", &["fmt", "--all", "--check"])?;
    run(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    // The relay's suite runs against SQLite and a real PostgreSQL.
    let postgres = TempPostgres::start()?;
    run_with_env("cargo", &["test", "--workspace"], &postgres.test_env())?;
    drop(postgres);
    // The relay's OpenAPI description against the running relay.
    schemathesis::test()?;
    // The browser-only code (src/wasm*, cfg(wasm32)) is linted for wasm32 too,
    // and so is the inbox's wasm-bindgen surface (inbox-wasm's bindings).
    run(
        "cargo",
        &[
            "clippy",
            "-p",
            "shared",
            "-p",
            "inbox-wasm",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    // Every type the shells receive would compile and conform in Swift and
    // Kotlin (no tuples, hashable map keys, no reserved names). Also part of
    // `cargo test --workspace` above; named here so it is never dropped.
    boundary()?;
    // The Android core wrapper on the JVM, through the real UniFFI boundary.
    jvm::test()?;
    // The iOS app's Swift, parsed (no Swift compiler here).
    swift_syntax::test()?;
    // Both phone shells tag every form field and read what the web renders.
    phone_parity::test()?;
    // The browser tests: release wasm + web app in Debian's Chromium.
    web::test()?;
    println!("\nall checks passed");
    Ok(())
}

/// The boundary check on the types registered for codegen (`codegen/src/boundary.rs`).
fn boundary() -> Result<(), String> {
    run("cargo", &["test", "-p", "codegen"])
}
