//! `cargo xtask wording [--rev REV]`: the reading level of the words in
//! `shared/locales/{en,es}.ftl`, measured with Python's `textstat` (from
//! PyPI): Flesch–Kincaid grade for English, Fernández Huerta reading ease
//! for Spanish. `--rev` measures the files as they were at a git revision
//! too, for a before/after figure.
//!
//! `textstat` is installed into a virtual environment under
//! `target/wording-venv`, once; nothing is installed system-wide. The
//! checks that fail the build (ids, placeholders, glossary, discreet mode,
//! sentence length) are a Rust test, `shared/tests/wording.rs`.

use std::path::Path;
use std::process::Command;

use crate::{repo_root, run_in};

/// The `textstat` release the figures are measured with: 0.7.3 counts
/// syllables with Pyphen's dictionaries, which the wheel brings; later
/// releases download NLTK's CMU dictionary at run time, from a host a
/// build machine may not reach.
const TEXTSTAT: &str = "textstat==0.7.3";

pub fn run(args: &[String]) -> Result<(), String> {
    let root = repo_root();
    let python = venv_python(&root)?;
    let script = root.join("xtask/wording/readability.py");
    let script = script.to_string_lossy();
    if let Some(rev) = revision(args)? {
        let before = root.join("target/wording-before");
        std::fs::create_dir_all(&before).map_err(|e| e.to_string())?;
        for language in ["en", "es"] {
            let file = format!("shared/locales/{language}.ftl");
            let output = Command::new("git")
                .args(["show", &format!("{rev}:{file}")])
                .current_dir(&root)
                .output()
                .map_err(|e| format!("could not start git: {e}"))?;
            if !output.status.success() {
                return Err(format!("git cannot show {file} at {rev}"));
            }
            std::fs::write(before.join(format!("{language}.ftl")), output.stdout)
                .map_err(|e| e.to_string())?;
        }
        println!("\nAt {rev}:");
        let (en, es) = (before.join("en.ftl"), before.join("es.ftl"));
        run_in(
            &root,
            &python,
            &[&script, &en.to_string_lossy(), &es.to_string_lossy()],
            &[],
        )?;
        println!("\nNow:");
    }
    run_in(
        &root,
        &python,
        &[&script, "shared/locales/en.ftl", "shared/locales/es.ftl"],
        &[],
    )
}

fn revision(args: &[String]) -> Result<Option<&str>, String> {
    match args {
        [] => Ok(None),
        [flag, rev] if flag == "--rev" => Ok(Some(rev)),
        _ => Err("usage: cargo xtask wording [--rev REV]".into()),
    }
}

/// The virtual environment's Python, with `textstat` installed.
fn venv_python(root: &Path) -> Result<String, String> {
    let venv = root.join("target/wording-venv");
    let python = venv.join("bin/python");
    if !python.exists() {
        let made = Command::new("python3")
            .args(["-m", "venv", &venv.to_string_lossy()])
            .status()
            .map_err(|_| {
                "python3 is missing: install Python 3 (with venv and pip) to measure reading level"
                    .to_owned()
            })?;
        if !made.success() {
            return Err(
                "python3 could not make a virtual environment: install python3-venv".into(),
            );
        }
    }
    let python = python.to_string_lossy().into_owned();
    let has_textstat = Command::new(&python)
        .args([
            "-c",
            "import importlib.metadata as m; assert m.version('textstat') == '0.7.3'",
        ])
        .output()
        .is_ok_and(|out| out.status.success());
    if !has_textstat {
        let pip = Command::new(&python)
            .args(["-m", "pip", "--version"])
            .output();
        if !pip.is_ok_and(|out| out.status.success()) {
            return Err(
                "pip is missing from the virtual environment: install python3-pip (and python3-venv), then run again"
                    .into(),
            );
        }
        run_in(
            root,
            &python,
            &["-m", "pip", "install", "--quiet", TEXTSTAT],
            &[],
        )?;
    }
    Ok(python)
}
