//! The specialist's inbox's wasm (crate `inbox-wasm`): built release for
//! wasm32, bound with the repository's wasm-bindgen-cli (`--target web`),
//! shrunk with wasm-opt, into `inbox-wasm/pkg`. The relay serves that
//! directory under `/inbox/pkg/` when started with `--inbox-assets`.
//!
//! `cargo xtask inbox` builds it and prints the served sizes (raw and gzip);
//! `cargo xtask bench inbox` times the inbox opening 1,000 messages.

use std::path::PathBuf;

use crate::{prerequisites, repo_root, run, run_in, run_with_env, wasm_bindgen, web};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Where the relay's `--inbox-assets` points in development and tests.
pub(crate) fn pkg_dir() -> PathBuf {
    repo_root().join("inbox-wasm/pkg")
}

/// Release wasm → wasm-bindgen → wasm-opt, into [`pkg_dir`].
pub(crate) fn build() -> Result<(), String> {
    prerequisites::clang()?;
    prerequisites::wasm_target()?;
    // The same size-first optimisation as the participant's web core, so
    // the dependencies they share (ring) build once.
    run_with_env(
        "cargo",
        &[
            "build",
            "--release",
            "-p",
            "inbox-wasm",
            "--lib",
            "--target",
            WASM_TARGET,
        ],
        &[("CARGO_PROFILE_RELEASE_OPT_LEVEL", "z")],
    )?;
    let bindgen = wasm_bindgen::ensure_cli()?;
    let wasm = repo_root().join(format!("target/{WASM_TARGET}/release/inbox_wasm.wasm"));
    let out_dir = pkg_dir();
    run(
        &bindgen.to_string_lossy(),
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "inbox",
            "--out-dir",
            &out_dir.to_string_lossy(),
            &wasm.to_string_lossy(),
        ],
    )?;
    web::shrink_wasm(&out_dir.join("inbox_bg.wasm"))
}

/// `cargo xtask inbox`: build, then report what a browser downloads.
pub(crate) fn build_and_report(_args: &[String]) -> Result<(), String> {
    build()?;
    for name in ["inbox_bg.wasm", "inbox.js"] {
        let path = pkg_dir().join(name);
        let (raw, gzip) = sizes(&path)?;
        println!("{name}: {raw} bytes, {gzip} bytes gzipped (gzip -9)");
    }
    Ok(())
}

/// The file's size and its `gzip -9` size, in bytes.
pub(crate) fn sizes(path: &std::path::Path) -> Result<(u64, usize), String> {
    let raw = path
        .metadata()
        .map_err(|error| format!("{}: {error}", path.display()))?
        .len();
    let output = std::process::Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .map_err(|error| format!("could not start gzip: {error}"))?;
    Ok((raw, output.stdout.len()))
}

/// `cargo xtask bench inbox`: the wasm, the relay and the scripted
/// participant, then web/tests/bench/inbox.bench.ts in Debian's Chromium,
/// which prints how long the inbox takes to open 1,000 messages.
pub(crate) fn bench() -> Result<(), String> {
    prerequisites::chromium()?;
    build()?;
    run("cargo", &["build", "-p", "relay", "--bins", "--examples"])?;
    run_in(
        &repo_root().join("web"),
        "npm",
        &[
            "exec",
            "--",
            "playwright",
            "test",
            "--config",
            "tests/bench/playwright.config.ts",
        ],
        &[("PHOENIX_CHROMIUM", prerequisites::CHROMIUM)],
    )
}
