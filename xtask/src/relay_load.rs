//! `cargo xtask bench relay`: the relay's bounded load test on loopback,
//! against SQLite and a throwaway PostgreSQL, written into BENCHMARKS.md.

use std::process::Command;

use crate::postgres::TempPostgres;
use crate::repo_root;

use crate::kept_sections::RELAY;

pub(crate) fn bench(args: &[String]) -> Result<(), String> {
    let option = |name: &str, default: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map_or_else(|| default.to_owned(), Clone::clone)
    };
    let (participants, seconds) = (option("--participants", "200"), option("--seconds", "60"));
    crate::run("cargo", &["build", "--release", "-p", "relay", "--bins"])?;
    let sqlite_dir = repo_root().join("target/relay-load");
    let _ = std::fs::remove_dir_all(&sqlite_dir);
    std::fs::create_dir_all(&sqlite_dir).map_err(|e| format!("cannot create {e}"))?;
    let postgres = TempPostgres::start_durable()?;
    let mut rows = Vec::new();
    // Back to back (the most the relay can take), then each participant
    // sending every 200 ms (latency under a steady, lower load). Each run
    // gets a fresh database.
    let runs = ["SQLite", "PostgreSQL"]
        .into_iter()
        .flat_map(|backend| [(backend, "0"), (backend, "200")]);
    for (run, (backend, interval)) in runs.enumerate() {
        let database = if backend == "SQLite" {
            sqlite_dir
                .join(format!("relay-{run}.db"))
                .display()
                .to_string()
        } else {
            let name = format!("relay_load_{run}");
            postgres.create_database(&name)?;
            format!("postgres:{} dbname={name}", postgres.conninfo)
        };
        println!("\n==> relay-load against {backend}, one message every {interval} ms");
        let output = Command::new(repo_root().join("target/release/relay-load"))
            .args(["--database", &database, "--interval-ms", interval])
            .args(["--participants", &participants, "--seconds", &seconds])
            .output()
            .map_err(|e| format!("cannot run relay-load: {e}"))?;
        let row = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        println!("{row}");
        if !output.status.success() {
            return Err(format!(
                "relay-load failed: {}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        rows.push(row);
    }
    drop(postgres);
    let section = format!(
        "{start}\n## The relay under load (loopback)\n\n\
         Measured {date} with `cargo xtask bench relay --participants {participants} \
         --seconds {seconds}`.\n\
         A release `phoenix-relay` process; {participants} simulated participants, each a thread\n\
         with its own keep-alive connection, seal and send messages to one specialist, either\n\
         back to back (interval 0: each waits only for the relay's answer, so latency there is\n\
         mostly queueing) or one every 200 ms each. Latency is one signed `POST /v1/messages`,\n\
         client side, including the relay's signature check, replay guard and write (SQLite in\n\
         WAL mode with `synchronous=NORMAL`; PostgreSQL with `fsync=on`, a fresh database each run).\n\
         Afterwards the specialist fetches and opens everything: \"missing\" counts acknowledged\n\
         messages that did not arrive, \"out of order\" those that arrived out of sequence.\n\
         The load generator shares the machine's two cores with the relay and the database.\n\n\
         | backend | participants | interval | duration | messages | messages/s | p50 | p99 | refused | missing | out of order |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n\
         {rows}\n{end}",
        start = RELAY.start,
        end = RELAY.end,
        date = String::from_utf8_lossy(
            &Command::new("date")
                .args(["-u", "+%Y-%m-%d %H:%M UTC"])
                .output()
                .map_or_else(|_| Vec::new(), |o| o.stdout)
        )
        .trim(),
        rows = rows.join("\n"),
    );
    let path = repo_root().join("BENCHMARKS.md");
    let page = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, RELAY.replace_in(&page, &section))
        .map_err(|e| format!("could not write BENCHMARKS.md: {e}"))?;
    println!("\nwrote the relay section of BENCHMARKS.md");
    Ok(())
}
