//! `wasm-bindgen-cli` at exactly the version of the `wasm-bindgen` crate in
//! Cargo.lock (the generated JS and the wasm must agree), installed once into
//! `target/tools`.

use std::path::PathBuf;
use std::process::Command;

use crate::{repo_root, run};

/// Returns the path of a `wasm-bindgen` binary matching Cargo.lock,
/// installing it when missing or at another version.
pub(crate) fn ensure_cli() -> Result<PathBuf, String> {
    let version = locked_version()?;
    let root = repo_root().join("target/tools");
    let binary = root.join("bin/wasm-bindgen");
    if installed_version(&binary).as_deref() == Some(version.as_str()) {
        return Ok(binary);
    }
    let root_arg = root.to_string_lossy().into_owned();
    let install = |locked: bool| {
        let mut args = vec![
            "install",
            "wasm-bindgen-cli",
            "--version",
            &version,
            "--root",
            &root_arg,
            "--force",
        ];
        if locked {
            args.push("--locked");
        }
        run("cargo", &args)
    };
    // `--locked` uses the tool's own lock file; when the registry no longer
    // serves a crate it pins, resolve afresh rather than fail.
    install(true).or_else(|_| {
        println!("(retrying without --locked: a crate pinned by wasm-bindgen-cli's lock file is unavailable)");
        install(false)
    })?;
    match installed_version(&binary) {
        Some(installed) if installed == version => Ok(binary),
        _ => Err(format!(
            "wasm-bindgen-cli {version} did not install into {}",
            root.display()
        )),
    }
}

/// The `wasm-bindgen` version Cargo.lock resolved.
fn locked_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(repo_root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    version_in_lock(&lock, "wasm-bindgen")
        .ok_or_else(|| "Cargo.lock has no wasm-bindgen package: build the wasm once".to_owned())
}

fn version_in_lock(lock: &str, package: &str) -> Option<String> {
    let header = format!("name = \"{package}\"\nversion = \"");
    let start = lock.find(&header)? + header.len();
    let end = start + lock[start..].find('"')?;
    Some(lock[start..end].to_owned())
}

/// `wasm-bindgen --version` prints `wasm-bindgen 0.2.130`.
fn installed_version(binary: &PathBuf) -> Option<String> {
    let output = Command::new(binary).arg("--version").output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    text.split_whitespace().nth(1).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::version_in_lock;

    #[test]
    fn finds_the_exact_package_not_a_prefix() {
        let lock = "[[package]]\nname = \"wasm-bindgen-futures\"\nversion = \"0.4.80\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            version_in_lock(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(version_in_lock(lock, "js-sys"), None);
    }
}
