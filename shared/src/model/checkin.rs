//! The daily check-in: one per local day, editable, and its trends.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::problem::Problem;
use super::record::{Id, Record};
use super::{Context, Data, Unlocked, Update};

pub mod records;

pub use records::*;

/// A check-in craving at or above this offers the "I'm triggered" flow.
pub const OFFER_TRIGGERED_AT: u8 = 6;

impl CheckInAnswers {
    /// The craving is strong enough to offer "I'm triggered" now.
    pub fn offers_triggered(&self) -> bool {
        self.craving >= OFFER_TRIGGERED_AT
    }
}

/// Hours of sleep as typed: empty is not answered; a whole number from 0
/// to 24, or the problem is out of range.
pub fn parse_sleep_hours(typed: &str) -> Result<Option<u8>, Problem> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    match typed.parse::<u8>() {
        Ok(hours) if hours <= 24 => Ok(Some(hours)),
        _ => Err(Problem::OutOfRange),
    }
}

impl CheckInForm {
    /// The answers to keep, once every one is on its scale.
    pub fn parse(self) -> Result<CheckInAnswers, Problem> {
        if !(1..=5).contains(&self.mood) || self.craving > 10 {
            return Err(Problem::OutOfRange);
        }
        Ok(CheckInAnswers {
            mood: self.mood,
            craving: self.craving,
            halt: self.halt,
            sleep_hours: parse_sleep_hours(&self.sleep_hours)?,
            used_today: self.used_today,
            triggers: self.triggers,
            strategies: self.strategies,
            note: self.note.trim().to_owned(),
        })
    }
}

impl From<&CheckInAnswers> for CheckInForm {
    /// Saved answers, as the form shows them again.
    fn from(answers: &CheckInAnswers) -> Self {
        Self {
            mood: answers.mood,
            craving: answers.craving,
            halt: answers.halt,
            sleep_hours: answers
                .sleep_hours
                .map(|hours| hours.to_string())
                .unwrap_or_default(),
            used_today: answers.used_today,
            triggers: answers.triggers.clone(),
            strategies: answers.strategies.clone(),
            note: answers.note.clone(),
        }
    }
}

/// The check-in for `day`, if there is one.
pub fn on(data: &Data, day: NaiveDate) -> Option<(Id, &CheckIn)> {
    data.check_ins
        .iter()
        .find(|(_, check_in)| check_in.date == day)
        .map(|(id, check_in)| (*id, check_in))
}

/// Saves today's check-in, replacing it if the participant already checked in.
pub fn save(
    form: CheckInForm,
    unlocked: &mut Unlocked,
    cx: &Context<'_>,
) -> Result<Update, Problem> {
    let (data, today) = (&mut unlocked.data, cx.today);
    let form = form.parse()?;
    if form
        .triggers
        .iter()
        .any(|id| !data.triggers.contains_key(id))
        || form
            .strategies
            .iter()
            .any(|id| !data.strategies.contains_key(id))
    {
        return Err(Problem::UnknownItem);
    }
    let check_in = CheckIn {
        date: today,
        answers: form,
    };
    let id = match on(data, today) {
        Some((id, _)) => id,
        None => data.allocate_id(),
    };
    let change = check_in.put(id);
    data.check_ins.insert(id, check_in);
    Ok(Update::saved(vec![change]))
}

/// One point of a trend: averages over a week or a month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, facet::Facet)]
pub struct TrendPoint {
    /// First day of the period (YYYY-MM-DD).
    pub period_start: String,
    pub mood: Option<f32>,
    pub craving: Option<f32>,
    pub check_ins: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// ISO weeks, Monday first.
    Week,
    Month,
}

fn period_start(day: NaiveDate, period: Period) -> NaiveDate {
    match period {
        Period::Week => day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday())),
        Period::Month => day.with_day(1).expect("every month has a first day"),
    }
}

fn previous(start: NaiveDate, period: Period) -> NaiveDate {
    match period {
        Period::Week => start - chrono::Days::new(7),
        Period::Month => start - chrono::Months::new(1),
    }
}

/// The first and the last craving rating of the last 30 days, oldest first:
/// the trend's one-line summary ("down from 6 to 3"). One check-in gives
/// the same rating twice.
pub fn craving_change(data: &Data, today: NaiveDate) -> Option<(u8, u8)> {
    let since = today - chrono::Days::new(30);
    let mut recent: Vec<&CheckIn> = data
        .check_ins
        .values()
        .filter(|c| c.date > since && c.date <= today)
        .collect();
    recent.sort_by_key(|c| c.date);
    Some((
        recent.first()?.answers.craving,
        recent.last()?.answers.craving,
    ))
}

/// The last `count` periods up to `today`, oldest first; empty periods stay
/// in the series (with no values) so charts keep their time axis.
pub fn trend(data: &Data, today: NaiveDate, period: Period, count: usize) -> Vec<TrendPoint> {
    let mut starts = vec![period_start(today, period)];
    while starts.len() < count {
        let earlier = previous(*starts.last().expect("non-empty"), period);
        starts.push(earlier);
    }
    starts.reverse();
    starts
        .into_iter()
        .map(|start| {
            let in_period: Vec<&CheckIn> = data
                .check_ins
                .values()
                .filter(|c| c.date <= today && period_start(c.date, period) == start)
                .collect();
            let n = u32::try_from(in_period.len()).unwrap_or(u32::MAX);
            #[allow(clippy::cast_precision_loss)]
            let mean = |values: u32| (n > 0).then(|| values as f32 / n as f32);
            TrendPoint {
                period_start: start.to_string(),
                mood: mean(in_period.iter().map(|c| u32::from(c.answers.mood)).sum()),
                craving: mean(in_period.iter().map(|c| u32::from(c.answers.craving)).sum()),
                check_ins: n,
            }
        })
        .collect()
}
