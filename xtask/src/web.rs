//! The web shell: build the release wasm and the web app, serve it, test it.
//!
//! `cargo xtask serve` = [`build`] then `vite preview` on 127.0.0.1:8080.
//! [`build`] = release wasm, wasm-bindgen, generated TypeScript types, Vite.
//! The `web` test step = [`build`] then Playwright in Debian's Chromium
//! (the test config serves the same build on 127.0.0.1:8081).

use std::path::{Path, PathBuf};

use crate::{prerequisites, repo_root, run, run_in, run_with_env, wasm_bindgen};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

fn web_dir() -> PathBuf {
    repo_root().join("web")
}

/// The core for the browser. Release only: debug wasm runs the
/// 600,000-iteration KDF about 20 times slower. Optimised for size
/// (`opt-level = "z"`, for this target only): the participant downloads it.
pub(crate) fn build_release_wasm() -> Result<(), String> {
    run_with_env(
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
        &[("CARGO_PROFILE_RELEASE_OPT_LEVEL", "z")],
    )
}

/// Release wasm → wasm-bindgen → npm packages → wasm-opt → generated types
/// → Vite build (web/dist).
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
    install_npm_packages()?;
    shrink_wasm(&out_dir.join("shared_bg.wasm"))?;
    generate_types()?;
    run_in(&web_dir(), "npm", &["run", "build"], &[])
}

/// `wasm-opt -Oz` from the npm package `binaryen` (pinned in
/// package.json): about a sixth smaller again, and no function names.
pub(crate) fn shrink_wasm(wasm: &Path) -> Result<(), String> {
    install_npm_packages()?;
    let wasm = wasm.to_string_lossy();
    run_in(
        &web_dir(),
        "npm",
        &[
            "exec",
            "--",
            "wasm-opt",
            "-Oz",
            "--strip-debug",
            "--strip-producers",
            // What Rust's wasm32 target emits today.
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
            &wasm,
            "-o",
            &wasm,
        ],
        &[],
    )
}

/// The TypeScript types of the core's events, view models and shell
/// requests (crux facet typegen), into web/src/generated (not committed).
pub(crate) fn generate_types() -> Result<(), String> {
    crate::codegen(&[("typescript", &web_dir().join("src/generated"))])
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
    // The inbox page's wasm, which the tests' relay serves (--inbox-assets).
    crate::inbox::build()?;
    // The inbox tests start a real relay and a scripted Rust participant.
    crate::run("cargo", &["build", "-p", "relay", "--bins", "--examples"])?;
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
