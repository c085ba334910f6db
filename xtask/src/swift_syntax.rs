//! A syntax check of the iOS app's Swift sources (`ios/Phoenix`), with
//! tree-sitter's Swift grammar from npm: no Swift compiler exists on these
//! machines. It catches broken syntax, not type errors. (The generated Swift
//! is not checked: the grammar is older than some of its constructs, such as
//! `indirect public enum`.)

use std::path::Path;

use crate::{prerequisites, repo_root, run_in};

fn swift_files(dir: &Path, found: &mut Vec<String>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|error| format!("reading {}: {error}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|error| error.to_string())?.path();
        if path.is_dir() {
            swift_files(&path, found)?;
        } else if path.extension().is_some_and(|ext| ext == "swift") {
            found.push(path.to_string_lossy().into_owned());
        }
    }
    Ok(())
}

pub(crate) fn test() -> Result<(), String> {
    prerequisites::node()?;
    prerequisites::npm()?;
    let dir = repo_root().join("tests/swift");
    if !dir.join("node_modules/web-tree-sitter").is_dir() {
        run_in(
            &dir,
            "npm",
            &["install", "--no-audit", "--no-fund", "--no-package-lock"],
            &[],
        )?;
    }
    let mut files = Vec::new();
    swift_files(&repo_root().join("ios/Phoenix"), &mut files)?;
    files.sort();
    let mut args = vec!["check.mjs".to_owned()];
    args.extend(files);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_in(&dir, "node", &args, &[])
}
