//! The shared items, built from the participant's data as the contract
//! writes them (`relay_protocol::share`): participant content as written,
//! labels as codes the receiver renders in its own language.

use chrono::NaiveDate;
use relay_protocol::share::{
    Aftercare, AftercareEntry, AftercareSection, Barc10, CheckInSummary, Day, Envelope, Goal,
    GoalStep, HaltCounts, Item, Note, SafetyPlan, SafetyStep, Trend,
};

use super::{PlanSection, SUMMARY_DAYS, ShareItem};
use crate::model::Data;
use crate::model::aftercare::{DocumentStatus, ReferralStatus};
use crate::model::checkin::CheckIn;
use crate::model::goals::GoalStatus;
use crate::model::problem::Problem;
use crate::model::safety::Person;

/// The mood scale's top (1 to 5) and the craving scale's (0 to 10).
pub const MOOD_SCALE_MAX: u8 = 5;
pub const CRAVING_SCALE_MAX: u8 = 10;
/// The most a BARC-10 score can be: ten answers of 6.
const BARC10_MAX: u32 = 60;
/// How far the second half's average must move from the first half's to
/// be a trend rather than steady, in scale points.
const TREND_STEP: f64 = 0.5;

/// The item, ready to preview and send; an item with nothing in it is
/// refused (`NothingToShare`), an unknown goal is `UnknownItem`.
pub fn envelope(item: ShareItem, data: &Data, today: NaiveDate) -> Result<Envelope, Problem> {
    Ok(match item {
        ShareItem::Goal(id) => Envelope::new(format!("goal:{id}"), Item::Goal(goal(data, id)?)),
        ShareItem::Aftercare | ShareItem::AftercareSection(_) => {
            let section = match item {
                ShareItem::AftercareSection(section) => Some(section),
                _ => None,
            };
            let sections: Vec<PlanSection> = section.map_or(PlanSection::ALL.to_vec(), |s| vec![s]);
            let sections: Vec<AftercareSection> = sections
                .into_iter()
                .map(|s| AftercareSection {
                    section: s.code().into(),
                    entries: entries(data, s),
                })
                .filter(|s| !s.entries.is_empty())
                .collect();
            if sections.is_empty() {
                return Err(Problem::NothingToShare);
            }
            let key = section.map_or("aftercare".into(), |s| format!("aftercare:{}", s.code()));
            Envelope::new(key, Item::Aftercare(Aftercare { sections }))
        }
        ShareItem::SafetyPlan => Envelope::new("safety_plan", Item::SafetyPlan(safety(data)?)),
        ShareItem::CheckIns { days, notes } => Envelope::new(
            "check_ins",
            Item::CheckInSummary(summary(data, today, days, notes)?),
        ),
        ShareItem::Barc10 => {
            let latest = data
                .recovery_capital
                .iter()
                .max_by_key(|(id, capital)| (capital.date, **id))
                .map(|(_, capital)| capital)
                .ok_or(Problem::NothingToShare)?;
            Envelope::new(
                "barc10",
                Item::Barc10(Barc10 {
                    score: latest.score(),
                    max: BARC10_MAX,
                    taken_on: latest.date.to_string(),
                }),
            )
        }
    })
}

fn goal(data: &Data, id: crate::model::record::Id) -> Result<Goal, Problem> {
    let goal = data.goals.get(&id).ok_or(Problem::UnknownItem)?;
    let mut steps: Vec<_> = data.steps.iter().filter(|(_, s)| s.goal == id).collect();
    steps.sort_by_key(|(step_id, step)| (step.position, **step_id));
    Ok(Goal {
        title: goal.title.clone(),
        why: goal.why.clone(),
        status: match goal.status {
            GoalStatus::Active => "active",
            GoalStatus::Paused => "paused",
            GoalStatus::Completed => "completed",
            GoalStatus::Archived => "archived",
        }
        .into(),
        target: goal.target.map(|date| date.to_string()),
        steps: steps
            .into_iter()
            .map(|(_, step)| GoalStep {
                title: step.title.clone(),
                done: step.done.is_some(),
            })
            .collect(),
    })
}

/// Non-empty parts joined with " · ".
fn joined(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn entry(title: &str, detail: String, status: Option<&str>) -> AftercareEntry {
    AftercareEntry {
        title: title.to_owned(),
        detail,
        status: status.map(str::to_owned),
    }
}

fn entries(data: &Data, section: PlanSection) -> Vec<AftercareEntry> {
    match section {
        PlanSection::Referrals => data
            .referrals
            .values()
            .map(|r| {
                let status = match r.status {
                    ReferralStatus::ToContact => "to_contact",
                    ReferralStatus::Contacted => "contacted",
                    ReferralStatus::Waitlisted => "waitlisted",
                    ReferralStatus::Enrolled => "enrolled",
                    ReferralStatus::Done => "done",
                };
                entry(
                    &r.organization,
                    joined(&[&r.contact, &r.address, &r.hours]),
                    Some(status),
                )
            })
            .collect(),
        PlanSection::Documents => data
            .documents
            .values()
            .map(|d| {
                let status = match d.status {
                    DocumentStatus::Needed => "needed",
                    DocumentStatus::Requested => "requested",
                    DocumentStatus::Received => "received",
                };
                entry(&d.name, String::new(), Some(status))
            })
            .collect(),
        PlanSection::Appointments => {
            let mut appointments: Vec<_> = data.appointments.values().collect();
            appointments.sort_by_key(|a| a.at);
            appointments
                .into_iter()
                .map(|a| {
                    let at = a.at.format("%Y-%m-%d %H:%M").to_string();
                    entry(&a.title, joined(&[&at, &a.place]), None)
                })
                .collect()
        }
        PlanSection::Meetings => data
            .meetings
            .values()
            .map(|m| {
                let at = format!("{} {}", m.weekday, m.time.format("%H:%M"));
                entry(&m.name, joined(&[&at, &m.place]), None)
            })
            .collect(),
        PlanSection::SupportContacts => data
            .contacts
            .values()
            .map(|c| entry(&c.name, joined(&[&c.relationship, &c.phone]), None))
            .collect(),
        PlanSection::WarningSigns => lines(&data.aftercare.warning_signs),
        PlanSection::ReEngagement => lines(&data.aftercare.re_engagement),
    }
}

fn lines(texts: &[String]) -> Vec<AftercareEntry> {
    texts
        .iter()
        .map(|text| entry(text, String::new(), None))
        .collect()
}

fn safety(data: &Data) -> Result<SafetyPlan, Problem> {
    let plan = &data.safety;
    let people = |people: &[Person]| -> Vec<String> {
        people
            .iter()
            .map(|p| joined(&[&p.name, &p.phone]))
            .collect()
    };
    let steps = vec![
        ("warning_signs", plan.warning_signs.clone()),
        ("internal_coping", plan.internal_coping.clone()),
        ("distractions", plan.distractions.clone()),
        ("people_to_ask", people(&plan.people_to_ask)),
        ("professionals", people(&plan.professionals)),
        ("safe_environment", plan.safe_environment.clone()),
        ("reasons_for_living", plan.reasons_for_living.clone()),
    ];
    if steps.iter().all(|(_, entries)| entries.is_empty()) {
        return Err(Problem::NothingToShare);
    }
    Ok(SafetyPlan {
        steps: steps
            .into_iter()
            .map(|(step, entries)| SafetyStep {
                step: step.into(),
                entries,
            })
            .collect(),
    })
}

/// The mean, to one decimal; `None` for no values.
fn average(values: &[u8]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let sum: f64 = values.iter().map(|v| f64::from(*v)).sum();
    let count = f64::from(u32::try_from(values.len()).unwrap_or(u32::MAX));
    Some((sum / count * 10.0).round() / 10.0)
}

/// The later half of the check-ins against the earlier half (the earlier
/// has the one fewer when the count is odd); `None` under two.
fn trend(values: &[u8]) -> Option<Trend> {
    let (first, second) = values.split_at(values.len() / 2);
    let change = average(second)? - average(first)?;
    Some(if change >= TREND_STEP {
        Trend::Up
    } else if change <= -TREND_STEP {
        Trend::Down
    } else {
        Trend::Steady
    })
}

fn summary(
    data: &Data,
    today: NaiveDate,
    days: u32,
    with_notes: bool,
) -> Result<CheckInSummary, Problem> {
    if !SUMMARY_DAYS.contains(&days) {
        return Err(Problem::OutOfRange);
    }
    let from = today - chrono::Days::new(u64::from(days - 1));
    let mut check_ins: Vec<&CheckIn> = data
        .check_ins
        .values()
        .filter(|c| c.date >= from && c.date <= today)
        .collect();
    check_ins.sort_by_key(|c| c.date);
    let mood: Vec<u8> = check_ins.iter().map(|c| c.answers.mood).collect();
    let craving: Vec<u8> = check_ins.iter().map(|c| c.answers.craving).collect();
    let answered: Vec<bool> = check_ins
        .iter()
        .filter_map(|c| c.answers.used_today)
        .collect();
    let mut halt = HaltCounts::default();
    for c in &check_ins {
        let h = c.answers.halt;
        halt.hungry += u32::from(h.hungry);
        halt.angry += u32::from(h.angry);
        halt.lonely += u32::from(h.lonely);
        halt.tired += u32::from(h.tired);
    }
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(CheckInSummary {
        days,
        from: from.to_string(),
        to: today.to_string(),
        check_ins: count(check_ins.len()),
        mood_average: average(&mood),
        craving_average: average(&craving),
        mood_scale_max: MOOD_SCALE_MAX,
        craving_scale_max: CRAVING_SCALE_MAX,
        mood_trend: trend(&mood),
        craving_trend: trend(&craving),
        days_used: (!answered.is_empty()).then(|| count(answered.iter().filter(|u| **u).count())),
        halt,
        daily: check_ins
            .iter()
            .map(|c| Day {
                date: c.date.to_string(),
                mood: Some(c.answers.mood),
                craving: Some(c.answers.craving),
            })
            .collect(),
        notes: if with_notes {
            check_ins
                .iter()
                .filter(|c| !c.answers.note.trim().is_empty())
                .map(|c| Note {
                    date: c.date.to_string(),
                    text: c.answers.note.clone(),
                })
                .collect()
        } else {
            Vec::new()
        },
    })
}
