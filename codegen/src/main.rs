//! Writes the shells' types — Swift, Kotlin and TypeScript — from the core's
//! event, view model and shell request types, with crux's facet typegen.
//! Each type serializes to the same bincode as its Rust original.
//!
//! usage: codegen [--swift DIR] [--kotlin DIR] [--typescript DIR]
//!
//! Before writing anything it checks that every type would compile and
//! conform in Swift and Kotlin (`boundary.rs`); its tests run that check in
//! `cargo test`.

mod boundary;

use std::path::PathBuf;
use std::process::ExitCode;

use crux_core::type_generation::facet::{CodeGenerator, Config, TypeRegistry};
use facet_generate::generation::{bincode::BincodePlugin, typescript};
use shared::app::Event;
use shared::effects::{HttpResult, LinkOutcome, PlatformKeyOutput};
use shared::host::ShellRequest;
use shared::view::ViewModel;

/// The Kotlin package and Swift module of the generated types.
const KOTLIN_PACKAGE: &str = "org.phoenix.shared";
const SWIFT_MODULE: &str = "SharedTypes";
const TYPESCRIPT_PACKAGE: &str = "shared_types";

#[derive(Default)]
struct Targets {
    swift: Option<PathBuf>,
    kotlin: Option<PathBuf>,
    typescript: Option<PathBuf>,
}

fn parse(args: &[String]) -> Result<Targets, String> {
    let mut targets = Targets::default();
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let dir = args
            .next()
            .map(PathBuf::from)
            .ok_or_else(|| format!("{flag} needs a directory"))?;
        match flag.as_str() {
            "--swift" => targets.swift = Some(dir),
            "--kotlin" => targets.kotlin = Some(dir),
            "--typescript" => targets.typescript = Some(dir),
            other => return Err(format!("unknown flag {other}")),
        }
    }
    Ok(targets)
}

/// Every type that crosses to the shells.
fn registered() -> Result<CodeGenerator, String> {
    TypeRegistry::new()
        .register_type::<Event>()
        .and_then(|r| r.register_type::<ViewModel>())
        .and_then(|r| r.register_type::<ShellRequest>())
        .and_then(|r| r.register_type::<PlatformKeyOutput>())
        .and_then(|r| r.register_type::<HttpResult>())
        .and_then(|r| r.register_type::<LinkOutcome>())
        .and_then(TypeRegistry::build)
        .map_err(|e| e.to_string())
}

/// The boundary check's findings, one per line, or `Ok` when there are none.
fn check_boundary() -> Result<(), String> {
    let problems = boundary::problems(&registered()?.registry());
    if problems.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    Err(format!(
        "these types would not compile or conform in Swift or Kotlin:\n{}",
        lines.join("\n")
    ))
}

fn generate(targets: &Targets) -> Result<(), String> {
    check_boundary()?;
    let generator = registered()?;
    if let Some(dir) = &targets.swift {
        generator
            .swift(&Config::builder(SWIFT_MODULE, dir).build())
            .map_err(|e| e.to_string())?;
        offer_serde_product(&dir.join(SWIFT_MODULE).join("Package.swift"))
            .map_err(|e| e.to_string())?;
    }
    if let Some(dir) = &targets.kotlin {
        generator
            .kotlin(&Config::builder(KOTLIN_PACKAGE, dir).build())
            .map_err(|e| e.to_string())?;
    }
    if let Some(dir) = &targets.typescript {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        typescript::Installer::new(TYPESCRIPT_PACKAGE, dir)
            .plugin(BincodePlugin)
            .generate(&generator.registry())
            .map_err(|e| e.to_string())?;
        exempt_runtime_from_type_checks(dir).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The Swift package offers only `SharedTypes`, but the app reads the
/// core's `Vec<ShellRequest>` with `BincodeDeserializer`, which lives in the
/// `Serde` target: that target becomes a product too, so `import Serde`
/// resolves in the app (a module reachable only as a dependency is not
/// guaranteed to).
fn offer_serde_product(manifest: &std::path::Path) -> std::io::Result<()> {
    const PRODUCTS: &str = "products: [\n";
    let source = std::fs::read_to_string(manifest)?;
    if source.contains(r#"name: "Serde", targets"#) {
        return Ok(());
    }
    let Some(at) = source.find(PRODUCTS) else {
        return Err(std::io::Error::other(
            "the Swift package manifest has no products list",
        ));
    };
    let end = at + PRODUCTS.len();
    let patched = format!(
        "{}        .library(name: \"Serde\", targets: [\"Serde\"]),\n{}",
        &source[..end],
        &source[end..]
    );
    std::fs::write(manifest, patched)
}

/// The generator's serde and bincode runtime files declare variables they
/// never read, which the web's strict `tsconfig` rejects: they are marked
/// `@ts-nocheck` (their exports keep their types). The generated types in
/// `shared_types.ts` stay fully checked.
fn exempt_runtime_from_type_checks(dir: &std::path::Path) -> std::io::Result<()> {
    for runtime in ["serde", "bincode"] {
        for entry in std::fs::read_dir(dir.join(runtime))? {
            let path = entry?.path();
            let source = std::fs::read_to_string(&path)?;
            if !source.starts_with("// @ts-nocheck") {
                std::fs::write(&path, format!("// @ts-nocheck\n{source}"))?;
            }
        }
    }
    let package = dir.join("package.json");
    if package.exists() {
        // A package manifest for publishing; the web app imports the sources.
        std::fs::remove_file(package)?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse(&args).and_then(|targets| generate(&targets)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("codegen: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_type_the_shells_receive_compiles_and_conforms_in_swift_and_kotlin() {
        if let Err(problems) = super::check_boundary() {
            panic!("{problems}");
        }
    }
}
