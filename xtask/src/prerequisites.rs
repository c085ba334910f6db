//! Checks (and where possible installs) what the commands need.

use std::process::{Command, Stdio};

fn succeeds(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// clang compiles ring's and SQLite's C code for wasm32.
pub(crate) fn clang() -> Result<(), String> {
    if succeeds("clang", &["--version"]) {
        Ok(())
    } else {
        Err("clang is missing: it compiles ring and SQLite for wasm32.\n\
             Install it with `apt-get install clang` (Debian/Ubuntu) or `brew install llvm` (macOS)."
            .into())
    }
}

/// The wasm32 standard library, added through rustup when missing.
pub(crate) fn wasm_target() -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|_| {
            "rustup is missing: install Rust with rustup (https://rustup.rs)".to_owned()
        })?;
    if String::from_utf8_lossy(&installed.stdout).contains("wasm32-unknown-unknown") {
        return Ok(());
    }
    crate::run("rustup", &["target", "add", "wasm32-unknown-unknown"])
        .map_err(|error| format!("{error}\nthe wasm32-unknown-unknown target could not be added"))
}
