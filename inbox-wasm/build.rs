//! Copies the inbox's section of the app's Fluent files (every message whose
//! id starts with `inbox-`) into `OUT_DIR`, so the wasm compiles in only the
//! words the inbox shows, from the same files as the app: no second copy.

use std::path::Path;

/// The message id prefix of the inbox's section.
const PREFIX: &str = "inbox-";

/// The `inbox-` messages of a Fluent file: a message starts at column 0
/// (`id = …`) and goes on over the indented lines after it; comments and
/// every other message are left out.
fn inbox_section(ftl: &str) -> String {
    let mut kept = String::new();
    let mut keeping = false;
    for line in ftl.lines() {
        // An id, a term or a comment at column 0 starts an entry; a select
        // expression's closing brace may sit there too, and belongs to it.
        let starts_entry = line
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '-' || c == '#');
        if starts_entry {
            keeping = line.starts_with(PREFIX) && line.contains('=');
        }
        if keeping {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept
}

fn main() {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/locales");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for language in ["en", "es"] {
        let source = locales.join(format!("{language}.ftl"));
        println!("cargo:rerun-if-changed={}", source.display());
        let ftl = std::fs::read_to_string(&source)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", source.display()));
        std::fs::write(
            Path::new(&out).join(format!("inbox-{language}.ftl")),
            inbox_section(&ftl),
        )
        .expect("OUT_DIR is writable");
    }
}
