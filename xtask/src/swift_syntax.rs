//! A syntax check of the iOS app's Swift, with tree-sitter's Swift grammar
//! from npm: no Swift compiler exists on these machines. It catches broken
//! syntax, not type errors (the boundary check in `codegen` covers the
//! generated types' conformances). Checked: the app's sources (`ios/Phoenix`)
//! and the generated Swift in `ios/Generated` (UniFFI's bindings and the
//! core's types, written first by `cargo xtask bindings`).

use crate::{bindings, files_with_extension, prerequisites, repo_root, run_in};

pub(crate) fn test() -> Result<(), String> {
    prerequisites::node()?;
    prerequisites::npm()?;
    bindings::generate(&[])?;
    let dir = repo_root().join("tests/swift");
    crate::npm_install_pinned(&dir, "web-tree-sitter")?;
    let app = files_with_extension(&repo_root().join("ios/Phoenix"), "swift")?;
    let generated = files_with_extension(&bindings::swift_dir(), "swift")?;
    if generated.is_empty() {
        return Err("no generated Swift in ios/Generated".to_owned());
    }
    let mut args = vec!["check.mjs".to_owned()];
    args.extend(app);
    args.push("--generated".to_owned());
    args.extend(generated);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_in(&dir, "node", &args, &[])
}
