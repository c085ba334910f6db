//! `cargo xtask test`: every test of the repository, as CI runs it.

use crate::{prerequisites, run, web};

pub(crate) fn run_all(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        None => {}
        Some("web") => return web::test(),
        Some(other) => return Err(format!("unknown test step `{other}` (known: web)")),
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
    run("cargo", &["test", "--workspace"])?;
    // The browser-only code (src/wasm*, cfg(wasm32)) is linted for wasm32
    // too. Two lints are allowed there for the vault's wasm32 stubs (its
    // thread-count constant is unused on the single-threaded target; its
    // file removal cannot fail there) until the vault marks them itself.
    run(
        "cargo",
        &[
            "clippy",
            "-p",
            "shared",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
            "-A",
            "dead_code",
            "-A",
            "clippy::unnecessary_wraps",
        ],
    )?;
    // The browser tests: release wasm + web app in Debian's Chromium.
    web::test()?;
    println!("\nall checks passed");
    Ok(())
}
