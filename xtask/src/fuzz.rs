//! `cargo xtask fuzz [--seconds N]`: every fuzz target in `fuzz/`, N seconds
//! each (default 30), with cargo-fuzz on the nightly toolchain.

use std::process::{Command, Stdio};

use crate::run;

/// Every target in fuzz/Cargo.toml.
const TARGETS: [&str; 4] = ["envelope", "backup_file", "corrupt_vault", "ffi_bytes"];

pub(crate) fn run_all(args: &[String]) -> Result<(), String> {
    let seconds = match args {
        [] => 30,
        [flag, n] if flag == "--seconds" => n
            .parse::<u32>()
            .map_err(|_| "--seconds takes a whole number".to_owned())?,
        _ => return Err("usage: cargo xtask fuzz [--seconds N]".into()),
    };
    ensure_tools()?;
    let max_time = format!("-max_total_time={seconds}");
    for target in TARGETS {
        run(
            "cargo",
            &[
                "+nightly", "fuzz", "run", "--fuzz-dir", "fuzz", target, "--", &max_time,
                "-print_final_stats=1",
            ],
        )
        .map_err(|error| {
            format!("{error}\nthe fuzzer found a failing input: see fuzz/artifacts/{target}/, and turn it into a regression test")
        })?;
    }
    Ok(())
}

fn ensure_tools() -> Result<(), String> {
    let nightly = Command::new("rustup")
        .args(["run", "nightly", "rustc", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !nightly {
        return Err(
            "fuzzing needs the nightly toolchain: `rustup toolchain install nightly`".into(),
        );
    }
    let has_cargo_fuzz = Command::new("cargo")
        .args(["fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !has_cargo_fuzz {
        run("cargo", &["install", "cargo-fuzz", "--locked"])
            .map_err(|error| format!("{error}\ncould not install cargo-fuzz from crates.io"))?;
    }
    Ok(())
}
