//! The JVM tests: the Android app's plain-Kotlin core wrapper and the
//! generated bindings, compiled with the Kotlin compiler from npm (no Maven
//! here) and run with Debian's JNA against the host build of `shared`,
//! through the real UniFFI boundary. The background check's test pairs
//! (and shares a goal, which the inbox opens as a structured item)
//! through a real relay on loopback, started by the scripted specialist
//! `relay/examples/specialist.rs` (built here, its path passed in
//! `PHOENIX_SPECIALIST_BIN`).

use std::path::PathBuf;

use crate::{bindings, files_with_extension, prerequisites, repo_root, run, run_with_env};

fn jvm_dir() -> PathBuf {
    repo_root().join("tests/jvm")
}

pub(crate) fn test() -> Result<(), String> {
    prerequisites::java()?;
    prerequisites::npm()?;
    prerequisites::jna()?;
    bindings::generate(&[])?;
    run(
        "cargo",
        &[
            "build",
            "-p",
            "relay",
            "--bin",
            "phoenix-relay",
            "--example",
            "specialist",
        ],
    )?;
    let specialist = repo_root().join("target/debug/examples/specialist");

    let dir = jvm_dir();
    crate::npm_install_pinned(&dir, "kotlin-compiler")?;
    let mut sources = Vec::new();
    for root in [
        bindings::kotlin_dir(),
        repo_root().join("android/core/src/main/kotlin"),
        dir.join("src"),
    ] {
        sources.extend(files_with_extension(&root, "kt")?);
    }
    let jar = repo_root().join("target/jvm-tests.jar");
    let kotlinc = dir.join("node_modules/kotlin-compiler/bin/kotlinc");
    let mut args: Vec<String> = vec![
        "-classpath".into(),
        prerequisites::JNA_JAR.into(),
        "-nowarn".into(),
        "-include-runtime".into(),
        "-d".into(),
        jar.to_string_lossy().into_owned(),
    ];
    args.extend(sources);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&kotlinc.to_string_lossy(), &args)?;

    let library_dir = bindings::host_library()
        .parent()
        .map(|dir| dir.to_string_lossy().into_owned())
        .unwrap_or_default();
    let classpath = format!("{}:{}", jar.display(), prerequisites::JNA_JAR);
    run_with_env(
        "java",
        &[
            &format!("-Djna.library.path={library_dir}"),
            "-cp",
            &classpath,
            "org.phoenix.jvmtest.CheckKt",
        ],
        &[("PHOENIX_SPECIALIST_BIN", &specialist.to_string_lossy())],
    )
}
