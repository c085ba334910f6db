//! `cargo xtask test`: every test of the repository, as CI runs it.

use crate::{fuzz, prerequisites, run};

pub(crate) fn run_all(_args: &[String]) -> Result<(), String> {
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
    // The vault must keep compiling for the browser (wasm32 + OPFS).
    run(
        "cargo",
        &[
            "build",
            "-p",
            "shared",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
        ],
    )?;
    // A short smoke of every fuzz target (cargo xtask fuzz for longer runs).
    fuzz::run_all(&["--seconds".to_owned(), "30".to_owned()])?;
    println!("\nall checks passed");
    Ok(())
}
