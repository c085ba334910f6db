//! `relay-load`: a bounded load test of real relay processes on loopback.
//!
//! Starts one or more `phoenix-relay` processes on the given database,
//! pairs N simulated participants with one specialist (spread over the
//! processes, as a load balancer would), and has each send sealed messages
//! back to back (closed loop: each waits for the relay's answer) or paced,
//! for the given time. Then the specialist fetches everything and checks
//! that every acknowledged message arrived, once and in order per
//! participant. Prints the figures as a Markdown table row, with the CPU
//! the relays, PostgreSQL and this generator used (in cores) during the load,
//! and, where the cluster loads `pg_stat_statements`, the statements the
//! relays ran per message (each one round trip to PostgreSQL). With
//! `--relay-cores`, each relay process is held to that share of a core
//! (see `cpu_cap`), so the relays are what limits throughput.

mod cpu_cap;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use clap::Parser;
use relay::testing::{Device, Relay, Specialist};
use relay_protocol::api::MAX_ONE_TIME_KEYS;
use relay_protocol::channel::Arrival;

#[derive(Parser)]
struct Options {
    /// The relay's `--database` (a SQLite path or a PostgreSQL string).
    #[arg(long)]
    database: String,
    #[arg(long, default_value_t = 200)]
    participants: usize,
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    /// Each participant sends one message every this many milliseconds
    /// (0: back to back). Participants' sends are spread evenly over the
    /// interval, so the relay sees a steady rate rather than bursts.
    #[arg(long, default_value_t = 0)]
    interval_ms: u64,
    /// Relay processes over the database (PostgreSQL only for more than one).
    #[arg(long, default_value_t = 1)]
    processes: usize,
    /// PostgreSQL's postmaster, whose processes' CPU is reported.
    #[arg(long)]
    postgres_pid: Option<u32>,
    /// Holds each relay process to this share of one core (e.g. 0.25).
    #[arg(long)]
    relay_cores: Option<f64>,
}

/// CPU time (user + system, in clock ticks) and parent of a process.
fn cpu_of(pid: u32) -> Option<(u64, u32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat.get(stat.rfind(')')? + 2..)?.split(' ').collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some((ticks, fields.get(1)?.parse().ok()?))
}

/// CPU ticks of the postmaster and its children (the backends the relays
/// hold, the WAL writer, the checkpointer...).
fn postgres_ticks(postmaster: u32) -> u64 {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let (ticks, parent) = cpu_of(pid)?;
            (pid == postmaster || parent == postmaster).then_some(ticks)
        })
        .sum()
}

/// CPU ticks so far: the relays, PostgreSQL, this generator.
fn cpu_now(relays: &[Relay], postmaster: Option<u32>) -> [u64; 3] {
    [
        relays
            .iter()
            .filter_map(|relay| cpu_of(relay.pid()).map(|(ticks, _)| ticks))
            .sum(),
        postmaster.map_or(0, postgres_ticks),
        cpu_of(std::process::id()).map_or(0, |(ticks, _)| ticks),
    ]
}

fn clock_ticks_per_second() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|out| String::from_utf8_lossy(&out.stdout).trim().parse().ok())
        .unwrap_or(100.0)
}

/// PostgreSQL's count of the statements run in the relays' database
/// (`pg_stat_statements`, which the bench's cluster loads): each one round
/// trip from a relay, `BEGIN` and `COMMIT` included.
struct Statements(postgres::Client);

impl Statements {
    /// Counts from zero; `None` if the cluster does not load the extension.
    fn start(database: &str) -> Option<Self> {
        let conninfo = database.strip_prefix("postgres:")?;
        let mut client = postgres::Client::connect(conninfo, postgres::NoTls).ok()?;
        client
            .batch_execute(
                "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; \
                 SELECT pg_stat_statements_reset();",
            )
            .ok()?;
        Some(Self(client))
    }

    /// Statements run in this database since [`Self::start`].
    fn so_far(&mut self) -> Option<i64> {
        self.0
            .query_one(
                "SELECT COALESCE(SUM(calls), 0)::bigint FROM pg_stat_statements \
                 WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())",
                &[],
            )
            .ok()
            .map(|row| row.get(0))
    }
}

/// Statements per acknowledged message, or a dash where not counted.
fn statements_per_message(run: Option<i64>, acknowledged: usize) -> String {
    #[allow(clippy::cast_precision_loss)]
    run.map_or_else(
        || "–".to_owned(),
        |run| format!("{:.2}", run as f64 / acknowledged.max(1) as f64),
    )
}

struct Run {
    latencies_us: Vec<u64>,
    refused: usize,
}

fn percentile(sorted: &[u64], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let index = ((sorted.len() - 1) as f64 * fraction).round() as usize;
    #[allow(clippy::cast_precision_loss)]
    let ms = sorted[index] as f64 / 1000.0;
    ms
}

/// Everything the specialist received: how many, how many letters arrived
/// in order from each sender, and how many came out of order.
fn fetch_everything(inbox: &Device, participants: &[Device]) -> (usize, Vec<u64>, usize) {
    let mailboxes: HashMap<String, usize> = participants
        .iter()
        .enumerate()
        .map(|(index, device)| (device.identity.mailbox().0, index))
        .collect();
    let mut in_order = vec![0_u64; participants.len()];
    let (mut after, mut received, mut out_of_order) = (0, 0, 0);
    loop {
        let page = inbox.fetch(after).messages;
        let Some(last) = page.last() else { break };
        after = last.id;
        for delivery in &page {
            let sender = mailboxes[&delivery.message.from.0];
            match inbox.open(delivery).unwrap() {
                Arrival::Arrived(letter) if letter.sequence == in_order[sender] + 1 => {
                    in_order[sender] = letter.sequence;
                }
                _ => out_of_order += 1,
            }
            received += 1;
        }
    }
    (received, in_order, out_of_order)
}

/// Every participant sends until `deadline`: how many messages each had
/// acknowledged, and their latencies.
fn load(
    participants: &[Device],
    to: &relay_protocol::DevicePublicKeys,
    interval: Duration,
    started: Instant,
    deadline: Instant,
) -> Vec<(usize, Run)> {
    let count = u32::try_from(participants.len()).unwrap_or(u32::MAX).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = participants
            .iter()
            .zip(0..)
            .map(|(device, n)| {
                let to = to.clone();
                scope.spawn(move || {
                    let mut run = Run {
                        latencies_us: Vec::new(),
                        refused: 0,
                    };
                    let mut acknowledged = 0;
                    let mut next = started + interval * n / count;
                    while Instant::now() < deadline {
                        if interval > Duration::ZERO {
                            std::thread::sleep(next.saturating_duration_since(Instant::now()));
                            next += interval;
                        }
                        let sealed = device.seal(&to, "a message of ordinary length, sealed");
                        let sent_at = Instant::now();
                        let answer = device.post(&sealed);
                        let elapsed = sent_at.elapsed();
                        if answer.status == 201 {
                            acknowledged += 1;
                            run.latencies_us
                                .push(u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX));
                        } else {
                            // Not acknowledged: the device would retry it.
                            run.refused += 1;
                            break;
                        }
                    }
                    (acknowledged, run)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    })
}

/// The relay processes, with limits no load reaches.
fn start_relays(options: &Options) -> Vec<Relay> {
    (0..options.processes.max(1))
        .map(|_| {
            Relay::start(
                &options.database,
                &[
                    "--device-requests-per-second",
                    "1000000",
                    "--pairings-per-minute",
                    "1000000",
                ],
            )
        })
        .collect()
}

/// `count` participants paired with the specialist, spread over the
/// relays as a load balancer would.
fn pair(relays: &[Relay], specialist: &mut Specialist, count: usize) -> Vec<Device> {
    // Each pairing claims one of the inbox's one-time keys, of which the
    // relay keeps at most a hundred unclaimed: published as they run out.
    let mut unclaimed = 0;
    let mut participants = Vec::with_capacity(count);
    for n in 0..count {
        if unclaimed == 0 {
            unclaimed = specialist.publish_keys(MAX_ONE_TIME_KEYS).one_time_keys;
        }
        let device = Device::new(&relays[n % relays.len()]);
        device.paired(&specialist.invite(), &format!("Participant {n}"));
        unclaimed -= 1;
        participants.push(device);
    }
    participants
}

fn main() {
    let options = Options::parse();
    let relays = start_relays(&options);
    let pids: Vec<u32> = relays.iter().map(Relay::pid).collect();
    let caps = match options
        .relay_cores
        .map(|cores| cpu_cap::CpuCaps::hold(&pids, cores))
    {
        Some(Err(why)) => {
            // The relays stop before the exit, which would leave them running.
            drop(relays);
            eprintln!("relay-load: {why}");
            std::process::exit(2);
        }
        caps => caps.and_then(Result::ok),
    };
    let relay = &relays[0];
    relay.add_specialist("load", "Load Test");
    let mut specialist = Specialist::sign_in(relay, "load");
    let specialist_keys = specialist.device.public_keys();
    let participants = pair(&relays, &mut specialist, options.participants);

    let mut statements = Statements::start(&options.database);
    let cpu_before = cpu_now(&relays, options.postgres_pid);
    let started = Instant::now();
    let deadline = started + Duration::from_secs(options.seconds);
    let interval = Duration::from_millis(options.interval_ms);
    let runs = load(&participants, &specialist_keys, interval, started, deadline);
    let elapsed = started.elapsed();
    let cpu_after = cpu_now(&relays, options.postgres_pid);
    let statements_run = statements.as_mut().and_then(Statements::so_far);
    let ticks = clock_ticks_per_second();
    #[allow(clippy::cast_precision_loss)]
    let seconds_used: Vec<f64> = (0..3)
        .map(|i| cpu_after[i].saturating_sub(cpu_before[i]) as f64 / ticks)
        .collect();
    let cores: Vec<String> = seconds_used
        .iter()
        .map(|used| format!("{:.2}", used / elapsed.as_secs_f64()))
        .collect();

    let (received, in_order, out_of_order) =
        fetch_everything(&specialist.as_device(), &participants);
    let acknowledged: usize = runs.iter().map(|(count, _)| count).sum();
    let refused: usize = runs.iter().map(|(_, run)| run.refused).sum();
    let lost = runs
        .iter()
        .zip(&in_order)
        .filter(|((count, _), in_order)| **in_order != *count as u64)
        .count();
    let mut latencies: Vec<u64> = runs
        .into_iter()
        .flat_map(|(_, run)| run.latencies_us)
        .collect();
    latencies.sort_unstable();
    #[allow(clippy::cast_precision_loss)]
    let per_second = acknowledged as f64 / elapsed.as_secs_f64();
    // CPU milliseconds per acknowledged message: what each part costs,
    // whatever share of the cores it got.
    #[allow(clippy::cast_precision_loss)]
    let per_message: Vec<String> = seconds_used
        .iter()
        .map(|used| format!("{:.2}", used * 1000.0 / acknowledged.max(1) as f64))
        .collect();
    let postgres = |figure: &str| {
        if options.postgres_pid.is_some() {
            figure.to_owned()
        } else {
            "–".to_owned()
        }
    };
    println!(
        "| {backend} | {processes} | {participants} | {interval} ms | {seconds:.0} s | {acknowledged} | {per_second:.0} | {p50:.2} ms | {p99:.2} ms | {refused} | {missing} | {out_of_order} | {relay_cpu} | {postgres_cpu} | {generator_cpu} | {relay_ms} | {postgres_ms} | {generator_ms} | {statements} |",
        statements = statements_per_message(statements_run, acknowledged),
        processes = options.relay_cores.map_or_else(
            || relays.len().to_string(),
            |cores| format!("{} × {cores} core", relays.len())
        ),
        relay_cpu = cores[0],
        postgres_cpu = postgres(&cores[1]),
        generator_cpu = cores[2],
        relay_ms = per_message[0],
        postgres_ms = postgres(&per_message[1]),
        generator_ms = per_message[2],
        backend = if options.database.starts_with("postgres") {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        participants = options.participants,
        interval = options.interval_ms,
        seconds = elapsed.as_secs_f64(),
        missing = (acknowledged.abs_diff(received)) + lost,
        p50 = percentile(&latencies, 0.50),
        p99 = percentile(&latencies, 0.99),
    );
    let failed = acknowledged != received || lost > 0 || out_of_order > 0 || refused > 0;
    // The relays stop before their control groups can go.
    drop(relays);
    drop(caps);
    if failed {
        eprintln!("relay-load: messages were lost, refused or out of order");
        std::process::exit(1);
    }
}
