//! `cargo xtask bench relay`: the relay's bounded load test on loopback,
//! against SQLite and 1, 2 and 4 relay processes over a throwaway
//! PostgreSQL (fsync on), written into BENCHMARKS.md.

use std::process::Command;

use crate::postgres::TempPostgres;
use crate::repo_root;

const START: &str = "<!-- relay load: written by `cargo xtask bench relay` -->";
const END: &str = "<!-- /relay load -->";

pub(crate) fn bench(args: &[String]) -> Result<(), String> {
    let option = |name: &str, default: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map_or_else(|| default.to_owned(), Clone::clone)
    };
    let (crowds, seconds) = (
        option("--participants", "200,1000"),
        option("--seconds", "15"),
    );
    crate::run("cargo", &["build", "--release", "-p", "relay", "--bins"])?;
    let sqlite_dir = repo_root().join("target/relay-load");
    let _ = std::fs::remove_dir_all(&sqlite_dir);
    std::fs::create_dir_all(&sqlite_dir).map_err(|e| format!("cannot create {e}"))?;
    let postgres = TempPostgres::start_durable()?;
    let postmaster = postgres
        .postmaster_pid()
        .ok_or("cannot read the test PostgreSQL's process id")?
        .to_string();
    let mut rows = Vec::new();
    // SQLite (one process: it is one process's file), then 1, 2 and 4
    // relay processes over one PostgreSQL; each at every crowd size, back
    // to back (the most the relays can take), then paced at 1,000 messages
    // a second in all (each participant sends every N ms for N
    // participants). Each run gets a fresh database.
    let setups = [
        ("SQLite", 1),
        ("PostgreSQL", 1),
        ("PostgreSQL", 2),
        ("PostgreSQL", 4),
    ];
    let runs = setups.into_iter().flat_map(|(backend, processes)| {
        crowds.split(',').flat_map(move |crowd| {
            [
                (backend, processes, crowd, "0"),
                (backend, processes, crowd, crowd),
            ]
        })
    });
    for (run, (backend, processes, crowd, interval)) in runs.enumerate() {
        let mut extra = vec!["--processes".to_owned(), processes.to_string()];
        let database = if backend == "SQLite" {
            sqlite_dir
                .join(format!("relay-{run}.db"))
                .display()
                .to_string()
        } else {
            let name = format!("relay_load_{run}");
            postgres.create_database(&name)?;
            extra.extend(["--postgres-pid".to_owned(), postmaster.clone()]);
            format!("postgres:{} dbname={name}", postgres.conninfo)
        };
        println!(
            "\n==> relay-load: {processes} relay process(es) over {backend}, {crowd} participants, \
             one message every {interval} ms each"
        );
        let output = Command::new(repo_root().join("target/release/relay-load"))
            .args(["--database", &database, "--interval-ms", interval])
            .args(["--participants", crowd.trim(), "--seconds", &seconds])
            .args(&extra)
            .env("RUST_LOG", "warn")
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
    let section = section(&crowds, &seconds, &rows);
    let path = repo_root().join("BENCHMARKS.md");
    let page = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, with_section(&page, &section))
        .map_err(|e| format!("could not write BENCHMARKS.md: {e}"))?;
    println!("\nwrote the relay section of BENCHMARKS.md");
    Ok(())
}

/// The BENCHMARKS.md section: what was measured, and the rows.
fn section(crowds: &str, seconds: &str, rows: &[String]) -> String {
    format!(
        "{START}\n## The relay under load (loopback)\n\n\
         Measured {date} with `cargo xtask bench relay --participants {crowds} \
         --seconds {seconds}`.\n\
         Release `phoenix-relay` processes (1, 2 or 4 over one PostgreSQL, as behind a load\n\
         balancer; SQLite is one process's file); simulated participants, each a thread with\n\
         its own keep-alive connection to one of the processes (round robin), seal and send\n\
         messages to one specialist, either back to back (interval 0: each waits only for the\n\
         relay's answer, so latency there is mostly queueing) or paced at 1,000 messages a\n\
         second in all (each participant every N ms for N participants, their sends spread\n\
         evenly over the interval). Latency is one signed `POST /v1/messages`, client side,\n\
         including the relay's signature check, device limit, replay guard and write (SQLite in\n\
         WAL mode with `synchronous=NORMAL`; PostgreSQL with `fsync=on` and\n\
         `synchronous_commit=on`, a fresh database each run). Afterwards the specialist fetches\n\
         and opens everything: \"missing\" counts acknowledged messages that did not arrive,\n\
         \"out of order\" those that arrived out of sequence. The CPU columns are the cores each\n\
         part used during the load (from `/proc`: the relay processes, PostgreSQL's postmaster\n\
         and its children, the generator), on a machine of two cores shared with other work.\n\n\
         | backend | processes | participants | interval | duration | messages | messages/s | p50 | p99 | refused | missing | out of order | CPU relays | CPU PostgreSQL | CPU generator |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n\
         {rows}\n{END}",
        date = String::from_utf8_lossy(
            &Command::new("date")
                .args(["-u", "+%Y-%m-%d %H:%M UTC"])
                .output()
                .map_or_else(|_| Vec::new(), |o| o.stdout)
        )
        .trim(),
        rows = rows.join("\n"),
    )
}

/// `page` with its relay section replaced by `section` (or appended).
pub(crate) fn with_section(page: &str, section: &str) -> String {
    match (page.find(START), page.find(END)) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{section}{}", &page[..start], &page[end + END.len()..])
        }
        _ => format!("{}\n\n{section}\n", page.trim_end()),
    }
}

/// The relay section of an existing page, kept when the other benches rewrite it.
pub(crate) fn section_of(page: &str) -> Option<&str> {
    let (start, end) = (page.find(START)?, page.find(END)?);
    (start < end).then(|| &page[start..end + END.len()])
}
