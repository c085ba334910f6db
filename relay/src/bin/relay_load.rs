//! `relay-load`: a bounded load test of a real relay process on loopback.
//!
//! Starts `phoenix-relay` on the given database, pairs N simulated
//! participants with one specialist, and has each send sealed messages
//! back to back (closed loop: each waits for the relay's answer) for the
//! given time. Then the specialist fetches everything and checks that every
//! acknowledged message arrived, once and in order per participant. Prints
//! the figures as a Markdown table row.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use clap::Parser;
use relay::testing::{Device, Relay, Specialist};
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
    /// (0: back to back).
    #[arg(long, default_value_t = 0)]
    interval_ms: u64,
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

fn main() {
    let options = Options::parse();
    let relay = Relay::start(
        &options.database,
        &[
            "--device-requests-per-second",
            "1000000",
            "--pairings-per-minute",
            "1000000",
        ],
    );
    relay.add_specialist("load", "Load Test");
    let specialist = Specialist::sign_in(&relay, "load");
    let specialist_keys = specialist.device.public_keys();
    let participants: Vec<Device> = (0..options.participants)
        .map(|n| {
            let device = Device::new(&relay);
            device.paired(&specialist.invite(), &format!("Participant {n}"));
            device
        })
        .collect();

    let interval = Duration::from_millis(options.interval_ms);
    let started = Instant::now();
    let deadline = started + Duration::from_secs(options.seconds);
    let runs: Vec<(usize, Run)> = std::thread::scope(|scope| {
        let workers: Vec<_> = participants
            .iter()
            .map(|device| {
                let to = specialist_keys.clone();
                scope.spawn(move || {
                    let mut run = Run {
                        latencies_us: Vec::new(),
                        refused: 0,
                    };
                    let mut acknowledged = 0;
                    let mut next = Instant::now();
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
    });
    let elapsed = started.elapsed();

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
    println!(
        "| {backend} | {participants} | {interval} ms | {seconds:.0} s | {acknowledged} | {per_second:.0} | {p50:.2} ms | {p99:.2} ms | {refused} | {missing} | {out_of_order} |",
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
    if acknowledged != received || lost > 0 || out_of_order > 0 || refused > 0 {
        eprintln!("relay-load: messages were lost, refused or out of order");
        std::process::exit(1);
    }
}
