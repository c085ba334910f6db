//! Days in recovery, streaks across lapses, milestones. A lapse restarts the
//! current stretch; total days and the longest stretch never go backwards.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::problem::Problem;
use super::record::{PROFILE_ID, Record};
use super::when::parse_date;
use super::{Context, Unlocked, Update};

pub mod records;

pub use records::*;

/// The participant's recovery time as of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, facet::Facet)]
pub struct Streaks {
    /// Days in the current stretch (since the recovery date or the last lapse).
    pub current: i64,
    /// Every day in recovery, across all stretches.
    pub total: i64,
    pub longest: i64,
}

/// Computes streaks from the recovery date and lapse dates (any order).
/// A stretch ends on a lapse day; the next starts the day after.
pub fn streaks(recovery_date: NaiveDate, lapses: &[NaiveDate], today: NaiveDate) -> Streaks {
    let mut lapses: Vec<NaiveDate> = lapses
        .iter()
        .copied()
        .filter(|day| *day >= recovery_date && *day <= today)
        .collect();
    lapses.sort_unstable();
    lapses.dedup();
    let mut streaks = Streaks::default();
    let mut start = recovery_date;
    for lapse in lapses {
        let length = (lapse - start).num_days().max(0);
        streaks.total += length;
        streaks.longest = streaks.longest.max(length);
        start = lapse.succ_opt().unwrap_or(lapse);
    }
    let current = (today - start).num_days().max(0);
    streaks.current = current;
    streaks.total += current;
    streaks.longest = streaks.longest.max(current);
    streaks
}

/// A recovery milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum Milestone {
    Days(u32),
    Months(u32),
    Years(u32),
}

impl Milestone {
    /// The day this milestone is reached for a stretch starting on `start`.
    pub fn date_from(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::Days(days) => start.checked_add_days(chrono::Days::new(u64::from(days))),
            Self::Months(months) => start.checked_add_months(Months::new(months)),
            Self::Years(years) => start.checked_add_months(Months::new(years * 12)),
        }
    }
}

/// 1, 7, 30, 60, 90 days, 6 months, then every year.
pub fn milestones_through(years: u32) -> impl Iterator<Item = Milestone> {
    [1, 7, 30, 60, 90]
        .into_iter()
        .map(Milestone::Days)
        .chain(std::iter::once(Milestone::Months(6)))
        .chain((1..=years).map(Milestone::Years))
}

/// The last milestone reached and the next one, for a stretch of `start..=today`.
pub fn milestone_progress(
    start: NaiveDate,
    today: NaiveDate,
) -> (Option<Milestone>, Option<(Milestone, i64)>) {
    let mut reached = None;
    let years = u32::try_from((today - start).num_days() / 365 + 2).unwrap_or(u32::MAX);
    for milestone in milestones_through(years) {
        match milestone.date_from(start) {
            Some(date) if date <= today => reached = Some(milestone),
            Some(date) => return (reached, Some((milestone, (date - today).num_days()))),
            None => break,
        }
    }
    (reached, None)
}

/// The first day of the current stretch.
pub fn current_stretch_start(
    recovery_date: NaiveDate,
    lapses: &[NaiveDate],
    today: NaiveDate,
) -> NaiveDate {
    lapses
        .iter()
        .copied()
        .filter(|day| *day >= recovery_date && *day <= today)
        .max()
        .and_then(|lapse| lapse.succ_opt())
        .unwrap_or(recovery_date)
}

/// What the Today screen records (the app's `SetRecoveryDate`,
/// `RecordLapse` and `RecoveryCapital` events).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecoveryEvent {
    /// YYYY-MM-DD.
    SetDate(String),
    Lapse {
        date: String,
        context: String,
    },
    /// A BARC-10 check: ten answers, each 1 to 6.
    Capital(Vec<u8>),
}

/// A day the participant typed: a calendar date, not in the future.
fn past_day(text: &str, today: NaiveDate) -> Result<NaiveDate, Problem> {
    let day = parse_date(Some(text))?.ok_or(Problem::InvalidDate)?;
    if day > today {
        return Err(Problem::InvalidDate);
    }
    Ok(day)
}

/// The recovery date, lapses and recovery-capital checks.
pub fn update(
    event: RecoveryEvent,
    unlocked: &mut Unlocked,
    cx: &Context<'_>,
) -> Result<Update, Problem> {
    let data = &mut unlocked.data;
    let change = match event {
        RecoveryEvent::SetDate(text) => {
            let profile = Profile {
                recovery_date: Some(past_day(&text, cx.today)?),
            };
            let change = profile.put(PROFILE_ID);
            data.profile = Some(profile);
            change
        }
        RecoveryEvent::Lapse { date, context } => {
            let lapse = Lapse {
                date: past_day(&date, cx.today)?,
                context: context.trim().to_owned(),
            };
            let id = data.allocate_id();
            let change = lapse.put(id);
            data.lapses.insert(id, lapse);
            change
        }
        RecoveryEvent::Capital(answers) => {
            let answers: [u8; 10] = answers.try_into().map_err(|_| Problem::OutOfRange)?;
            if answers.iter().any(|a| !(1..=6).contains(a)) {
                return Err(Problem::OutOfRange);
            }
            let check = RecoveryCapital {
                date: cx.today,
                answers,
            };
            let id = data.allocate_id();
            let change = check.put(id);
            data.recovery_capital.insert(id, check);
            change
        }
    };
    Ok(Update::saved(vec![change]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn without_lapses_every_day_counts() {
        let s = streaks(day("2026-01-01"), &[], day("2026-01-31"));
        assert_eq!((s.current, s.total, s.longest), (30, 30, 30));
    }

    #[test]
    fn a_lapse_restarts_the_stretch_but_keeps_total_and_longest() {
        // 20 days, a lapse on the 21st (a day that does not count), then 9 more.
        let s = streaks(day("2026-01-01"), &[day("2026-01-21")], day("2026-01-31"));
        assert_eq!((s.current, s.total, s.longest), (9, 29, 20));
        // Another lapse later never lowers the longest stretch.
        let s = streaks(
            day("2026-01-01"),
            &[day("2026-01-21"), day("2026-01-25")],
            day("2026-02-10"),
        );
        assert_eq!((s.current, s.longest), (15, 20));
        assert_eq!(s.total, 20 + 3 + 15);
    }

    #[test]
    fn lapses_before_the_recovery_date_or_in_the_future_are_ignored() {
        let s = streaks(
            day("2026-03-01"),
            &[day("2026-02-01"), day("2026-05-01")],
            day("2026-03-11"),
        );
        assert_eq!((s.current, s.total), (10, 10));
    }

    #[test]
    fn milestones_follow_days_then_months_then_years() {
        let start = day("2026-01-31");
        assert_eq!(
            milestone_progress(start, start),
            (None, Some((Milestone::Days(1), 1)))
        );
        assert_eq!(
            milestone_progress(start, day("2026-02-07")),
            (Some(Milestone::Days(7)), Some((Milestone::Days(30), 23)))
        );
        // Six months from 31 January ends on 31 July; a year on 31 January.
        assert_eq!(
            milestone_progress(start, day("2026-07-31")),
            (Some(Milestone::Months(6)), Some((Milestone::Years(1), 184)))
        );
        assert_eq!(
            milestone_progress(start, day("2029-02-01")).0,
            Some(Milestone::Years(3))
        );
    }

    #[test]
    fn a_leap_day_start_reaches_its_year_on_the_last_day_of_february() {
        let start = day("2028-02-29");
        assert_eq!(
            Milestone::Years(1).date_from(start),
            Some(day("2029-02-28"))
        );
    }
}
