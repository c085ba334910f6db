//! `cargo xtask bindings`: the native shells' generated code.
//!
//! - UniFFI bindings for `CoreFfi` (Kotlin, Swift), by the workspace's
//!   `uniffi-bindgen`, from the debug host build of `shared` (it reads the
//!   library's metadata, which must not be stripped).
//! - The core's types (`Event`, `ViewModel`, `ShellRequest`...) by crux's
//!   facet typegen (`codegen`), in Kotlin and Swift.
//!
//! Generated, not committed: `android/core/generated/` and `ios/Generated/`
//! (gitignored). Run this before opening either project.

use std::path::{Path, PathBuf};

use crate::{codegen, repo_root, run};

pub(crate) fn kotlin_dir() -> PathBuf {
    repo_root().join("android/core/generated")
}

pub(crate) fn swift_dir() -> PathBuf {
    repo_root().join("ios/Generated")
}

/// The host build of the core, as the JVM tests load it.
pub(crate) fn host_library() -> PathBuf {
    repo_root().join(format!(
        "target/debug/{}shared{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    ))
}

pub(crate) fn generate(_args: &[String]) -> Result<(), String> {
    run("cargo", &["build", "-p", "shared", "--lib"])?;
    run("cargo", &["build", "-p", "uniffi-bindgen"])?;
    let bindgen = repo_root().join("target/debug/uniffi-bindgen");
    let library = host_library();
    for (language, dir) in [("kotlin", kotlin_dir()), ("swift", swift_dir())] {
        let out = dir.join("uniffi");
        remove(&out)?;
        run(
            &bindgen.to_string_lossy(),
            &[
                "generate",
                "--library",
                &library.to_string_lossy(),
                "--language",
                language,
                "--out-dir",
                &out.to_string_lossy(),
            ],
        )?;
    }
    let (kotlin_types, swift_types) = (kotlin_dir().join("types"), swift_dir().join("types"));
    remove(&kotlin_types)?;
    remove(&swift_types)?;
    codegen(&[("kotlin", &kotlin_types), ("swift", &swift_types)])?;
    println!(
        "\nwrote {} and {}",
        kotlin_dir().display(),
        swift_dir().display()
    );
    Ok(())
}

fn remove(dir: &Path) -> Result<(), String> {
    match std::fs::remove_dir_all(dir) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("could not clear {}: {error}", dir.display()))
        }
        _ => Ok(()),
    }
}
