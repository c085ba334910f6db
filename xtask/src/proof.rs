//! `cargo xtask bench` and `cargo xtask soak`: the figures behind Phoenix's
//! claims, reproducible by anyone.

use std::process::Command;

use crate::kept_sections::{ARGON2ID, RELAY};
use crate::{repo_root, run_with_env};

/// Runs the side-by-side benchmarks (vault vs plain SQLite, SQLCipher vs
/// its own engine without a key) and writes BENCHMARKS.md.
pub(crate) fn bench(args: &[String]) -> Result<(), String> {
    if args.first().map(String::as_str) == Some("relay") {
        return crate::relay_load::bench(&args[1..]);
    }
    if args.first().map(String::as_str) == Some("inbox") {
        return crate::inbox::bench();
    }
    let extra: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut vault_args = vec!["bench", "-p", "shared", "--bench", "vault", "--"];
    vault_args.extend(&extra);
    let vault = capture(&vault_args, None)?;
    let core = capture(&["bench", "-p", "shared", "--bench", "core"], None)?;
    let mut cipher_args = vec!["run", "--release", "--quiet", "--"];
    cipher_args.extend(&extra);
    let cipher = capture(&cipher_args, Some("bench/sqlcipher")).map_err(|error| {
        format!(
            "{error}\nthe SQLCipher comparison needs OpenSSL headers: `apt-get install libssl-dev`"
        )
    })?;
    let page = format!(
        "# Phoenix benchmarks\n\n\
         Measured {date} on {machine}, with `cargo xtask bench{args}`.\n\
         Each round times both contenders back to back, alternating which goes\n\
         first; ratios are medians of per-round ratios (the machines these run\n\
         on are shared and noisy, so absolute times vary more than ratios).\n\n\
         ## The vault against plain rusqlite (same tables, PRAGMAs, durability)\n\n\
         {vault}\n\
         {argon2id_start}{argon2id_end}\n\n\
         ## SQLCipher against the same engine without a key\n\n\
         SQLCipher cannot link beside plain SQLite, so it runs in its own\n\
         process (`bench/sqlcipher`), with a raw key (no KDF), on the same\n\
         dataset and layout.\n\n\
         {cipher}\n\
         ## The participant's hot path through the real core\n\n\
         {core}\n\
         ## Summary: open and load everything\n\n\
         {summary}\n\n\
         ## Sizes\n\n\
         Both carry the whole core behind its UniFFI or wasm-bindgen surface.\n\
         Neither compiles in a time-zone database (the phones read the\n\
         operating system's, the browser uses its own), and both build SQLite\n\
         without the extensions the vault does not use.\n\n\
         {sizes}\n",
        date = command_output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
        machine = machine(),
        args = extra.iter().flat_map(|a| [" ", a]).collect::<String>(),
        summary = summary(&vault, &cipher),
        sizes = sizes()?,
        argon2id_start = ARGON2ID.start,
        argon2id_end = ARGON2ID.end,
    );
    let previous = std::fs::read_to_string(repo_root().join("BENCHMARKS.md")).unwrap_or_default();
    let mut page = page;
    for kept in [&ARGON2ID, &RELAY] {
        if let Some(section) = kept.of(&previous) {
            page = kept.replace_in(&page, section);
        }
    }
    std::fs::write(repo_root().join("BENCHMARKS.md"), page)
        .map_err(|error| format!("could not write BENCHMARKS.md: {error}"))?;
    println!("\nwrote BENCHMARKS.md");
    Ok(())
}

/// Release artifact sizes: the stripped native library and the wasm module
/// the browser downloads (after wasm-bindgen and wasm-opt).
fn sizes() -> Result<String, String> {
    crate::run("cargo", &["build", "--release", "-p", "shared", "--lib"])?;
    crate::web::build()?;
    let target = repo_root().join("target");
    let native = target.join("release/libshared.so");
    let stripped = target.join("release/libshared.stripped.so");
    std::fs::copy(&native, &stripped).map_err(|error| format!("copying libshared.so: {error}"))?;
    crate::run("strip", &[&stripped.display().to_string()])?;
    let wasm = repo_root().join("web/pkg/shared_bg.wasm");
    let gzip = command_output(
        "sh",
        &["-c", &format!("gzip -9 -c '{}' | wc -c", wasm.display())],
    );
    let kib = |bytes: u64| format!("{} KiB", bytes.div_ceil(1024));
    let size = |path: &std::path::Path| std::fs::metadata(path).map_or(0, |m| m.len());
    Ok(format!(
        "| artifact | size |\n| --- | ---: |\n\
         | `libshared.so`, x86_64, release, stripped | {} |\n\
         | `shared_bg.wasm` as served (release, wasm-bindgen, wasm-opt -Oz) | {} |\n\
         | the same, gzip -9 | {} |",
        kib(size(&stripped)),
        kib(size(&wasm)),
        kib(gzip.parse().unwrap_or(0)),
    ))
}

/// The three open-and-load ratios; vault / SQLCipher is the ratio of the
/// two measured ratios (each taken against its own engine without encryption).
fn summary(vault: &str, cipher: &str) -> String {
    let ratio = |table: &str| -> Option<f64> {
        let row = table
            .lines()
            .find(|line| line.starts_with("| open and load"))?;
        row.trim_end_matches(" |")
            .rsplit("| ")
            .next()?
            .trim_end_matches('×')
            .parse()
            .ok()
    };
    match (ratio(vault), ratio(cipher)) {
        (Some(vault), Some(cipher)) => format!(
            "| vault / plain | SQLCipher / plain | vault / SQLCipher |\n| ---: | ---: | ---: |\n\
             | {vault:.2}× | {cipher:.2}× | {:.2}× |",
            vault / cipher
        ),
        _ => "(could not read the ratios above)".into(),
    }
}

/// Runs cargo with `args` (in `dir` below the root), echoing and returning stdout.
fn capture(args: &[&str], dir: Option<&str>) -> Result<String, String> {
    println!("\n==> cargo {}", args.join(" "));
    let output = Command::new("cargo")
        .args(args)
        .current_dir(dir.map_or_else(repo_root, |dir| repo_root().join(dir)))
        .output()
        .map_err(|error| format!("could not start cargo: {error}"))?;
    if !output.status.success() {
        eprint!("{}", String::from_utf8_lossy(&output.stderr));
        return Err(format!("`cargo {}` failed", args.join(" ")));
    }
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    print!("{text}");
    Ok(text)
}

/// The crash test at scale: `--cycles N` SIGKILLed writers (default 1,000).
pub(crate) fn soak(args: &[String]) -> Result<(), String> {
    let cycles = match args {
        [] => "1000".to_owned(),
        [flag, n] if flag == "--cycles" && n.parse::<u32>().is_ok() => n.clone(),
        _ => return Err("usage: cargo xtask soak [--cycles N]".into()),
    };
    run_with_env(
        "cargo",
        &[
            "test",
            "--release",
            "-p",
            "shared",
            "--test",
            "vault_crash",
            "killed_writers",
            "--",
            "--nocapture",
        ],
        &[("PHOENIX_CRASH_CYCLES", &cycles)],
    )
}

fn command_output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_default()
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split(':').nth(1))
                .map(|name| name.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    format!(
        "{cpu}, {cores} cores, {}",
        command_output("uname", &["-sm"])
    )
}
