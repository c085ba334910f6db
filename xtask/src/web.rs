//! The web shell: build the release wasm and the web app, serve it, test it.
//!
//! `cargo xtask serve` = [`build`] then `vite preview` on 127.0.0.1:8080.
//! [`build`] = release wasm, wasm-bindgen, generated TypeScript types, Vite.
//! The `web` test step = [`build`] then Playwright in Debian's Chromium
//! (the test config serves the same build on 127.0.0.1:8081).

use std::path::{Path, PathBuf};

use crate::{prerequisites, repo_root, run, run_in, wasm_bindgen};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

fn web_dir() -> PathBuf {
    repo_root().join("web")
}

/// The core for the browser. Release only: debug wasm runs the
/// 600,000-iteration KDF about 20 times slower.
pub(crate) fn build_release_wasm() -> Result<(), String> {
    run(
        "cargo",
        &[
            "build",
            "--release",
            "-p",
            "shared",
            "--lib",
            "--target",
            WASM_TARGET,
        ],
    )
}

/// Release wasm → wasm-bindgen → npm packages → Vite build (web/dist).
pub(crate) fn build() -> Result<(), String> {
    prerequisites::clang()?;
    prerequisites::wasm_target()?;
    prerequisites::node()?;
    prerequisites::npm()?;

    build_release_wasm()?;
    let bindgen = wasm_bindgen::ensure_cli()?;
    let wasm = repo_root().join(format!("target/{WASM_TARGET}/release/shared.wasm"));
    let out_dir = web_dir().join("pkg");
    run(
        &bindgen.to_string_lossy(),
        &[
            "--target",
            "web",
            "--out-name",
            "shared",
            "--out-dir",
            &out_dir.to_string_lossy(),
            &wasm.to_string_lossy(),
        ],
    )?;
    generate_types()?;
    install_npm_packages()?;
    run_in(&web_dir(), "npm", &["run", "build"], &[])
}

/// The TypeScript types of the core's events, view models and shell
/// requests (crux facet typegen), into web/src/generated (not committed).
pub(crate) fn generate_types() -> Result<(), String> {
    let out_dir = web_dir().join("src/generated");
    run(
        "cargo",
        &[
            "run",
            "--quiet",
            "-p",
            "codegen",
            "--",
            "--typescript",
            &out_dir.to_string_lossy(),
        ],
    )
}

/// `cargo xtask serve`: build, then serve web/dist on http://127.0.0.1:8080.
pub(crate) fn serve(_args: &[String]) -> Result<(), String> {
    build()?;
    println!("\nPhoenix is served on http://127.0.0.1:8080 (Ctrl-C stops it)");
    run_in(
        &web_dir(),
        "npm",
        &[
            "exec",
            "--",
            "vite",
            "preview",
            "--host",
            "127.0.0.1",
            "--port",
            "8080",
            "--strictPort",
        ],
        &[],
    )
}

/// The browser tests: build, then Playwright against the release build.
pub(crate) fn test() -> Result<(), String> {
    prerequisites::chromium()?;
    build()?;
    run_in(
        &web_dir(),
        "npm",
        &["exec", "--", "playwright", "test"],
        &[("PHOENIX_CHROMIUM", prerequisites::CHROMIUM)],
    )
}

/// `npm ci` when node_modules is missing or older than package-lock.json.
fn install_npm_packages() -> Result<(), String> {
    let web = web_dir();
    if is_up_to_date(
        &web.join("node_modules/.package-lock.json"),
        &web.join("package-lock.json"),
    ) {
        return Ok(());
    }
    run_in(&web, "npm", &["ci", "--no-audit", "--no-fund"], &[])
}

fn is_up_to_date(output: &Path, input: &Path) -> bool {
    let modified = |path: &Path| path.metadata().and_then(|meta| meta.modified()).ok();
    matches!((modified(output), modified(input)), (Some(out), Some(inp)) if out >= inp)
}
