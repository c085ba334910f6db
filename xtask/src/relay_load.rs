//! `cargo xtask bench relay`: the relay's bounded load test on loopback,
//! against SQLite and 1, 2 and 4 relay processes over a throwaway
//! PostgreSQL (fsync on), written into BENCHMARKS.md; and 1, 2 and 4
//! processes each held to a quarter of a core, so that the relays are the
//! limit and a second process can show what it adds.

use std::process::Command;

use crate::postgres::TempPostgres;
use crate::repo_root;

use crate::kept_sections::RELAY;

/// Every setup, in order: SQLite (one process: it is one process's file),
/// then 1, 2 and 4 relay processes over one PostgreSQL, then the same with
/// each process held to a quarter of a core (`postgres:N@CORES`).
const ALL_SETUPS: &str =
    "sqlite,postgres:1,postgres:2,postgres:4,postgres:1@0.25,postgres:2@0.25,postgres:4@0.25";

pub(crate) fn bench(args: &[String]) -> Result<(), String> {
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let (crowds, seconds) = (
        option("--participants").unwrap_or_else(|| "200,1000".into()),
        option("--seconds").unwrap_or_else(|| "15".into()),
    );
    // A partial run (some setups, or another relay binary, such as main's
    // for a before-and-after comparison) prints its rows and leaves
    // BENCHMARKS.md alone.
    let (setups_asked, relay_binary) = (option("--setups"), option("--relay"));
    let partial = setups_asked.is_some() || relay_binary.is_some();
    let setups = setups(setups_asked.as_deref().unwrap_or(ALL_SETUPS))?;
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
    let runs = runs(setups, &crowds);
    for (run, (setup, crowd, interval)) in runs.into_iter().enumerate() {
        let Setup {
            backend,
            processes,
            cores,
        } = setup;
        let mut extra = vec!["--processes".to_owned(), processes.to_string()];
        if let Some(cores) = cores {
            extra.extend(["--relay-cores".to_owned(), cores.to_owned()]);
        }
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
            "\n==> relay-load: {processes} relay process(es){held} over {backend}, {crowd} participants, \
             one message every {interval} ms each",
            held = cores
                .map(|c| format!(" each held to {c} core"))
                .unwrap_or_default()
        );
        let mut load = Command::new(repo_root().join("target/release/relay-load"));
        if let Some(relay) = &relay_binary {
            load.env("PHOENIX_RELAY_BINARY", relay);
        }
        let output = load
            .args(["--database", &database, "--interval-ms", interval])
            .args(["--participants", crowd.trim(), "--seconds", &seconds])
            .args(&extra)
            .env("RUST_LOG", "warn")
            .output()
            .map_err(|e| format!("cannot run relay-load: {e}"))?;
        let row = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        println!("{row}");
        // relay-load exits with 2 when it cannot hold the relays (not root,
        // no CPU controller): those rows are left out, the others kept.
        if cores.is_some() && output.status.code() == Some(2) {
            println!(
                "skipped: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            );
            continue;
        }
        if !output.status.success() {
            return Err(format!(
                "relay-load failed: {}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        rows.push(row);
    }
    drop(postgres);
    if partial {
        return Ok(());
    }
    let section = section(&crowds, &seconds, &rows);
    let path = repo_root().join("BENCHMARKS.md");
    let page = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, RELAY.replace_in(&page, &section))
        .map_err(|e| format!("could not write BENCHMARKS.md: {e}"))?;
    println!("\nwrote the relay section of BENCHMARKS.md");
    Ok(())
}

/// Each setup at every crowd size, back to back (the most the relays can
/// take), then paced at 1,000 messages a second in all (each participant
/// sends every N ms for N participants). Relays held to a share of a core
/// run back to back only, at the first crowd size: they measure how
/// throughput grows with processes. Each run gets a fresh database.
fn runs<'a>(setups: Vec<Setup<'a>>, crowds: &'a str) -> Vec<(Setup<'a>, &'a str, &'a str)> {
    let first_crowd = crowds.split(',').next().unwrap_or("200");
    setups
        .into_iter()
        .flat_map(|setup| {
            let crowds: Vec<&str> = if setup.cores.is_some() {
                vec![first_crowd]
            } else {
                crowds.split(',').collect()
            };
            crowds.into_iter().flat_map(move |crowd| {
                let paced = setup.cores.is_none().then_some((setup, crowd, crowd));
                std::iter::once((setup, crowd, "0")).chain(paced)
            })
        })
        .collect()
}

/// One setup: the backend, how many relay processes, and the share of a
/// core each is held to (none: as much as the machine gives).
#[derive(Clone, Copy)]
struct Setup<'a> {
    backend: &'static str,
    processes: usize,
    cores: Option<&'a str>,
}

/// `sqlite`, `postgres:N` (N relay processes over one PostgreSQL) and
/// `postgres:N@CORES` (each held to CORES of one core, e.g. 0.25).
fn setups(list: &str) -> Result<Vec<Setup<'_>>, String> {
    list.split(',')
        .map(|setup| {
            let (setup, cores) = match setup.trim().split_once('@') {
                Some((setup, cores)) if cores.parse::<f64>().is_ok() => (setup, Some(cores)),
                Some(_) => return Err(format!("not a share of a core: {setup}")),
                None => (setup.trim(), None),
            };
            match setup.split_once(':') {
                None if setup == "sqlite" && cores.is_none() => Ok(Setup {
                    backend: "SQLite",
                    processes: 1,
                    cores,
                }),
                Some(("postgres", processes)) => processes
                    .parse()
                    .map(|processes| Setup {
                        backend: "PostgreSQL",
                        processes,
                        cores,
                    })
                    .map_err(|_| format!("not a number of processes: {setup}")),
                _ => Err(format!(
                    "unknown setup {setup:?}: sqlite, postgres:N (N processes) or \
                     postgres:N@CORES (each held to CORES of a core)"
                )),
            }
        })
        .collect()
}

/// The BENCHMARKS.md section: what was measured, and the rows.
fn section(crowds: &str, seconds: &str, rows: &[String]) -> String {
    format!(
        "{start}\n## The relay under load (loopback)\n\n\
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
         and its children, the generator), on a machine of two cores shared with other work;\n\
         the \"ms/message\" columns divide each part's CPU time by the messages acknowledged,\n\
         which varies far less than throughput when the machine is shared; \"statements/message\"\n\
         is PostgreSQL's own count (`pg_stat_statements`) of the statements the relays ran\n\
         during the load, each one round trip, per message. Where the processes column reads\n\
         \"N × 0.25 core\", each relay process was held to a quarter of one core by the kernel's\n\
         CPU controller (cgroup `cpu.max`, root only; back to back only): there the relays, not\n\
         the machine's two cores, limit throughput, which shows what each added process brings\n\
         and whether anything they share in the database makes them wait for each other.\n\n\
         | backend | processes | participants | interval | duration | messages | messages/s | p50 | p99 | refused | missing | out of order | CPU relays | CPU PostgreSQL | CPU generator | ms/message relays | ms/message PostgreSQL | ms/message generator | statements/message |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n\
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
    )
}
