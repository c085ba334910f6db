//! The participant's hot path through the real core: an event goes through
//! `update`, the vault write and a new view model, on a ten-year dataset.
//! Prints p50 and p99 and the share of a 120 Hz frame (8.3 ms) they use.
//! Run: `cargo bench -p shared --bench core` (or `cargo xtask bench`).

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use crux_core::bridge::{BincodeFfiFormat, FfiFormat};
use shared::app::Event;
use shared::ffi::CoreFfi;
use shared::host::CoreHost;
use shared::model::Screen;
use shared::model::checkin::{CheckInAnswers, CheckInForm};
use shared::model::goals::GoalEvent;
use shared::model::records::{
    CheckIn, CopingStrategy, CravingEpisode, Dimension, Goal, GoalStatus, GoalStep, Halt, Id,
    Record, Trigger, TriggerKind,
};
use shared::model::triggers::FlowEvent;
use shared::vault::{Change, Passcode, Vault};

const PASSCODE: &str = "bench passcode";
/// 2026-03-02 15:00 UTC.
const NOW_MS: i64 = 1_772_463_600_000;
const SAMPLES: usize = 400;

/// Ten years of daily use written straight into a vault: 3,650 check-ins,
/// 200 goals with four steps, 150 triggers, 150 strategies, 1,000 episodes.
fn ten_years(path: &std::path::Path) {
    let mut changes = Vec::new();
    let mut id: Id = 10;
    let mut next = || {
        id += 1;
        id
    };
    let start = NaiveDate::from_ymd_opt(2016, 3, 4).unwrap();
    for day in 0..3_650 {
        let check_in = CheckIn {
            date: start + Days::new(day),
            answers: CheckInAnswers {
                mood: 1 + u8::try_from(day % 5).unwrap(),
                craving: u8::try_from(day % 11).unwrap(),
                halt: Halt::default(),
                sleep_hours: Some(7),
                used_today: Some(false),
                triggers: vec![],
                strategies: vec![],
                note: "Walked after work, called my sponsor, slept well enough.".repeat(3),
            },
        };
        changes.push(check_in.put(next()));
    }
    for goal in 0..200 {
        let goal_id = next();
        let goal = Goal {
            title: format!("Goal {goal}: keep showing up"),
            dimension: Dimension::Community,
            why: "Because the people there remember my name.".into(),
            target: None,
            status: if goal < 20 {
                GoalStatus::Active
            } else {
                GoalStatus::Completed
            },
            created: start,
            completed: None,
        };
        changes.push(goal.put(goal_id));
        for position in 0..4 {
            let step = GoalStep {
                goal: goal_id,
                title: format!("Step {position}"),
                position,
                due: None,
                done: None,
            };
            changes.push(step.put(next()));
        }
    }
    let triggers: Vec<Id> = (0..150)
        .map(|n| {
            let trigger_id = next();
            let trigger = Trigger {
                kind: TriggerKind::Places,
                name: format!("Trigger {n}"),
            };
            changes.push(trigger.put(trigger_id));
            trigger_id
        })
        .collect();
    let strategies: Vec<Id> = (0..150)
        .map(|n| {
            let strategy_id = next();
            let strategy = CopingStrategy {
                name: format!("Strategy {n}"),
                triggers: vec![triggers[n], triggers[(n + 1) % 150]],
            };
            changes.push(strategy.put(strategy_id));
            strategy_id
        })
        .collect();
    for n in 0..1_000 {
        let episode = CravingEpisode {
            at_ms: NOW_MS - i64::try_from(n).unwrap() * 3_600_000,
            trigger: Some(triggers[n % 150]),
            halt: Halt::default(),
            strategies: vec![strategies[n % 150]],
            before: 8,
            after: u8::try_from(n % 9).unwrap(),
        };
        changes.push(episode.put(next()));
    }
    let mut vault = Vault::create(path, &Passcode::new(PASSCODE)).unwrap();
    vault.apply(&changes).unwrap();
    let _: Vec<Change> = changes;
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let index = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[index]
}

fn measure(host: &CoreHost, event: impl FnMut(usize) -> Vec<Event>) -> (Duration, Duration) {
    measure_with(
        |setup| {
            host.update(setup);
        },
        |last| {
            host.update(last);
            std::hint::black_box(host.view());
        },
        event,
    )
}

/// Times `timed` on the last event of each sample, after `setup` ran the others.
fn measure_with(
    mut setup: impl FnMut(Event),
    mut timed: impl FnMut(Event),
    mut event: impl FnMut(usize) -> Vec<Event>,
) -> (Duration, Duration) {
    let mut samples = Vec::with_capacity(SAMPLES);
    for i in 0..SAMPLES {
        let mut events = event(i);
        let last = events.pop().expect("one event to time");
        for first in events {
            setup(first);
        }
        let start = Instant::now();
        timed(last);
        samples.push(start.elapsed());
    }
    (
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.99),
    )
}

fn bincode(event: &Event) -> Vec<u8> {
    let mut bytes = Vec::new();
    BincodeFfiFormat::serialize(&mut bytes, event).unwrap();
    bytes
}

/// The step toggle of the first row again, through the UniFFI object
/// (bincode event in; bincode shell requests and view model out), in the
/// same run, so the two rows compare.
fn ffi_round_trip(path: &std::path::Path, step: Id) {
    let ffi = CoreFfi::new(&path.display().to_string(), "America/New_York", "en-US");
    for event in [
        Event::Start,
        Event::Unlock {
            passcode: PASSCODE.into(),
        },
        Event::Navigate(Screen::Goals),
    ] {
        ffi.update(bincode(&event)).unwrap();
    }
    let toggle = |i: usize| {
        vec![if i.is_multiple_of(2) {
            Event::Goals(GoalEvent::CompleteStep(step))
        } else {
            Event::Goals(GoalEvent::ReopenStep(step))
        }]
    };
    let (p50, p99) = measure_with(
        |_| {},
        |event| {
            let requests = ffi.update(bincode(&event)).unwrap();
            std::hint::black_box((requests, ffi.view().unwrap()));
        },
        toggle,
    );
    row(
        "complete a goal step through the UniFFI object (bytes in and out)",
        (p50, p99),
    );
}

fn row(name: &str, (p50, p99): (Duration, Duration)) {
    let frame = 8.3;
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "| {name} | {:.3} ms | {:.3} ms | {:.0}% |",
        ms(p50),
        ms(p99),
        ms(p99) / frame * 100.0
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("phoenix.db");
    ten_years(&path);
    let clock = Arc::new(AtomicI64::new(NOW_MS));
    let time = clock.clone();
    let host = CoreHost::with_clock(
        &path,
        "America/New_York",
        "en-US",
        Box::new(move || time.load(Ordering::SeqCst)),
    );
    host.update(Event::Start);
    let unlock_started = Instant::now();
    host.update(Event::Unlock {
        passcode: PASSCODE.into(),
    });
    let unlock = unlock_started.elapsed();
    assert!(host.view().problem.is_none());

    host.update(Event::Navigate(Screen::Goals));
    let shared::view::ScreenView::Goals(goals) = host.view().screen else {
        panic!("goals")
    };
    let step = goals.goals[0].steps[0].id;
    let trigger = {
        host.update(Event::Navigate(Screen::Triggers));
        let shared::view::ScreenView::Triggers(view) = host.view().screen else {
            panic!()
        };
        view.triggers[0].id
    };

    println!(
        "Ten-year dataset through the real core (update, durable vault write, view model); {SAMPLES} samples each.\n"
    );
    println!("| event | p50 | p99 | p99 share of a 120 Hz frame |");
    println!("| --- | ---: | ---: | ---: |");
    host.update(Event::Navigate(Screen::Goals));
    row(
        "complete a goal step (Goals screen)",
        measure(&host, |i| {
            vec![if i % 2 == 0 {
                Event::Goals(GoalEvent::CompleteStep(step))
            } else {
                Event::Goals(GoalEvent::ReopenStep(step))
            }]
        }),
    );
    host.update(Event::Navigate(Screen::CheckIn));
    row(
        "save today's check-in (Check-in screen)",
        measure(&host, |i| {
            vec![Event::CheckIn(CheckInForm {
                mood: 3,
                craving: u8::try_from(i % 11).unwrap(),
                halt: Halt::default(),
                sleep_hours: String::new(),
                used_today: None,
                triggers: vec![],
                strategies: vec![],
                note: "steady".into(),
            })]
        }),
    );
    row(
        "finish the I'm triggered flow",
        measure(&host, |_| {
            vec![
                Event::Triggered(FlowEvent::Start),
                Event::Triggered(FlowEvent::ChooseTrigger(trigger)),
                Event::Triggered(FlowEvent::RateBefore(8)),
                Event::Triggered(FlowEvent::RateAfter(3)),
            ]
        }),
    );
    clock.fetch_add(1, Ordering::SeqCst);
    row(
        "navigate to Today (no write)",
        measure(&host, |_| vec![Event::Navigate(Screen::Today)]),
    );
    // The typed host lets go of the vault; the UniFFI object opens it.
    drop(host);
    ffi_round_trip(&path, step);
    println!(
        "\nUnlock with the passcode (PBKDF2, open, decrypt and build the model from every record): {:.0} ms.",
        unlock.as_secs_f64() * 1e3
    );
}
