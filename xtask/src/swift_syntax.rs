//! A syntax check of the iOS app's Swift sources (`ios/Phoenix`), with
//! tree-sitter's Swift grammar from npm: no Swift compiler exists on these
//! machines. It catches broken syntax, not type errors. (The generated Swift
//! is not checked: the grammar is older than some of its constructs, such as
//! `indirect public enum`.)

use crate::{files_with_extension, prerequisites, repo_root, run_in};

pub(crate) fn test() -> Result<(), String> {
    prerequisites::node()?;
    prerequisites::npm()?;
    let dir = repo_root().join("tests/swift");
    crate::npm_install_pinned(&dir, "web-tree-sitter")?;
    let mut args = vec!["check.mjs".to_owned()];
    args.extend(files_with_extension(
        &repo_root().join("ios/Phoenix"),
        "swift",
    )?);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_in(&dir, "node", &args, &[])
}
