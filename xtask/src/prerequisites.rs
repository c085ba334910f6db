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

/// Node.js runs the web build (Vite) and the browser tests (Playwright).
pub(crate) fn node() -> Result<(), String> {
    const NEEDED: (u32, u32) = (20, 19);
    let install = "Install Node.js 20.19 or newer from https://nodejs.org or NodeSource \
                   (Debian 12's own `nodejs` package is 18, too old for Vite).";
    let output = Command::new("node")
        .arg("--version")
        .output()
        .map_err(|_| {
            format!(
                "Node.js is missing: it builds the web app and runs the browser tests.\n{install}"
            )
        })?;
    let version = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    match major_minor(&version) {
        Some(found) if found >= NEEDED => Ok(()),
        _ => Err(format!(
            "Node.js {version} is too old for the web build.\n{install}"
        )),
    }
}

/// `v20.20.2` → `(20, 20)`.
fn major_minor(version: &str) -> Option<(u32, u32)> {
    let mut parts = version.trim_start_matches('v').split('.');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// npm installs the web app's packages from web/package-lock.json.
pub(crate) fn npm() -> Result<(), String> {
    if succeeds("npm", &["--version"]) {
        Ok(())
    } else {
        Err("npm is missing: it installs the web app's packages.\n\
             Install it with Node.js (https://nodejs.org) or `apt-get install npm`."
            .into())
    }
}

/// The browser the web tests drive: Debian's Chromium, never a download.
pub(crate) const CHROMIUM: &str = "/usr/bin/chromium";

pub(crate) fn chromium() -> Result<(), String> {
    if std::path::Path::new(CHROMIUM).exists() {
        Ok(())
    } else {
        Err(format!(
            "{CHROMIUM} is missing: the web tests drive Debian's Chromium.\n\
             Install it with `apt-get install chromium` (the tests never download a browser)."
        ))
    }
}

/// A JDK runs the Kotlin compiler and the JVM tests.
pub(crate) fn java() -> Result<(), String> {
    if succeeds("java", &["-version"]) {
        Ok(())
    } else {
        Err(
            "Java is missing: the Kotlin compiler and the JVM tests need a JDK 17 or newer.\n\
             Install it with `apt-get install openjdk-17-jdk-headless`."
                .into(),
        )
    }
}

/// Debian's JNA: how UniFFI's Kotlin bindings call the Rust library.
pub(crate) const JNA_JAR: &str = "/usr/share/java/jna.jar";

pub(crate) fn jna() -> Result<(), String> {
    if std::path::Path::new(JNA_JAR).is_file() {
        Ok(())
    } else {
        Err(format!(
            "JNA is missing ({JNA_JAR}): UniFFI's Kotlin bindings load the core through it.\n\
             Install it with `apt-get install libjna-java`."
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::major_minor;

    #[test]
    fn reads_node_versions() {
        assert_eq!(major_minor("v20.20.2"), Some((20, 20)));
        assert_eq!(major_minor("v18.19.0"), Some((18, 19)));
        assert_eq!(major_minor("garbage"), None);
        assert!(major_minor("v22.1.0") >= Some((20, 19)));
        assert!(major_minor("v20.18.9") < Some((20, 19)));
    }
}
