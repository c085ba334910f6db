//! Reminders the phone schedules: the daily check-in, appointments, goal
//! steps due, weekly meetings. In discreet mode they never show content.

use chrono::{Datelike, NaiveDate, NaiveTime};

use crate::effects::Reminder;
use crate::i18n::Translator;
use crate::model::Data;
use crate::model::goals::GoalStatus;

/// When goal-step reminders ring on their due day.
const STEP_REMINDER_TIME: (u32, u32) = (9, 0);

pub fn schedule(data: &Data, today: NaiveDate, words: &Translator<'_>) -> Vec<Reminder> {
    let discreet = data.settings.discreet;
    let text = |title: String, body: String| {
        if discreet {
            (
                words.get("reminder-discreet-title"),
                words.get("reminder-discreet-body"),
            )
        } else {
            (title, body)
        }
    };
    let mut reminders = Vec::new();
    if let Some(time) = data.settings.check_in_reminder {
        let (title, body) = text(
            words.get("check-in-heading"),
            words.get("today-check-in-prompt"),
        );
        reminders.push(Reminder {
            id: "check-in".into(),
            at: today.and_time(time).format("%Y-%m-%dT%H:%M:%S").to_string(),
            weekly: false,
            daily: true,
            title,
            body,
        });
    }
    for (id, appointment) in &data.appointments {
        let Some(minutes) = appointment.remind_minutes_before else {
            continue;
        };
        let at = appointment.at - chrono::Duration::minutes(i64::from(minutes));
        if at.date() < today {
            continue;
        }
        let (title, body) = text(appointment.title.clone(), appointment.place.clone());
        reminders.push(Reminder {
            id: format!("appointment-{id}"),
            at: at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            weekly: false,
            daily: false,
            title,
            body,
        });
    }
    let step_time = NaiveTime::from_hms_opt(STEP_REMINDER_TIME.0, STEP_REMINDER_TIME.1, 0)
        .expect("a valid time");
    for (id, step) in &data.steps {
        let active = data
            .goals
            .get(&step.goal)
            .is_some_and(|g| g.status == GoalStatus::Active);
        let Some(due) = step
            .due
            .filter(|due| *due >= today && step.done.is_none() && active)
        else {
            continue;
        };
        let (title, body) = text(words.get("today-steps-due"), step.title.clone());
        reminders.push(Reminder {
            id: format!("step-{id}"),
            at: due
                .and_time(step_time)
                .format("%Y-%m-%dT%H:%M:%S")
                .to_string(),
            weekly: false,
            daily: false,
            title,
            body,
        });
    }
    for (id, meeting) in &data.meetings {
        let days_ahead = (7 + meeting.weekday.num_days_from_monday()
            - today.weekday().num_days_from_monday())
            % 7;
        let next = today + chrono::Days::new(u64::from(days_ahead));
        let at = next.and_time(meeting.time) - chrono::Duration::hours(1);
        let (title, body) = text(meeting.name.clone(), meeting.place.clone());
        reminders.push(Reminder {
            id: format!("meeting-{id}"),
            at: at.format("%Y-%m-%dT%H:%M:%S").to_string(),
            weekly: true,
            daily: false,
            title,
            body,
        });
    }
    reminders
}
