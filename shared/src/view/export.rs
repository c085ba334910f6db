//! The aftercare plan as a readable Markdown document, and appointments and
//! meetings as an iCalendar file (RFC 5545) any calendar app imports.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDateTime};

use super::aftercare::{category_key, document_name, document_status_key, referral_status_key};
use super::choices::weekday_name;
use crate::effects::ShareFile;
use crate::i18n::Translator;
use crate::model::{Context, Data};

/// The plan as a Markdown file for the share sheet.
pub fn plan_file(data: &Data, cx: &Context<'_>) -> ShareFile {
    ShareFile {
        file_name: format!("aftercare-plan-{}.md", cx.today),
        mime_type: "text/markdown".to_owned(),
        bytes: plan_markdown(data, cx.words).into_bytes(),
    }
}

/// Appointments and meetings as an iCalendar file for the share sheet.
pub fn calendar_file(data: &Data, cx: &Context<'_>) -> ShareFile {
    ShareFile {
        file_name: "aftercare-appointments.ics".to_owned(),
        mime_type: "text/calendar".to_owned(),
        bytes: calendar(data, cx.now_ms, cx.today).into_bytes(),
    }
}

fn section(out: &mut String, heading: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## {heading}\n");
    for line in lines {
        let _ = writeln!(out, "- {line}");
    }
}

/// The whole plan, in the participant's language.
pub fn plan_markdown(data: &Data, words: &Translator<'_>) -> String {
    let mut out = format!("# {}\n", words.get("aftercare-heading"));
    let contacts: Vec<String> = data
        .contacts
        .values()
        .map(|c| format!("{} ({}): {}", c.name, c.relationship, c.phone))
        .collect();
    section(&mut out, &words.get("aftercare-contacts"), &contacts);
    let referrals: Vec<String> = data
        .referrals
        .values()
        .map(|r| {
            let mut line = format!(
                "**{}** — {} — {}",
                r.organization,
                words.get(category_key(r.category)),
                words.get(referral_status_key(r.status))
            );
            for detail in [&r.contact, &r.address, &r.hours, &r.notes] {
                if !detail.is_empty() {
                    let _ = write!(line, "; {detail}");
                }
            }
            line
        })
        .collect();
    section(&mut out, &words.get("aftercare-referrals"), &referrals);
    let documents: Vec<String> = data
        .documents
        .values()
        .map(|d| {
            let mut line = format!(
                "{}: {}",
                document_name(words, d.kind, &d.name),
                words.get(document_status_key(d.status))
            );
            let first: Vec<String> = d
                .needs_first
                .iter()
                .filter_map(|id| data.documents.get(id))
                .map(|f| document_name(words, f.kind, &f.name))
                .collect();
            if !first.is_empty() {
                let _ = write!(
                    line,
                    " ({}: {})",
                    words.get("document-needs-first"),
                    first.join(", ")
                );
            }
            line
        })
        .collect();
    section(&mut out, &words.get("aftercare-documents"), &documents);
    let mut appointments: Vec<_> = data.appointments.values().collect();
    appointments.sort_by_key(|a| a.at);
    let appointments: Vec<String> = appointments
        .iter()
        .map(|a| {
            format!(
                "{} — {} — {}",
                a.at.format("%Y-%m-%d %H:%M"),
                a.title,
                a.place
            )
        })
        .collect();
    section(
        &mut out,
        &words.get("aftercare-appointments"),
        &appointments,
    );
    let meetings: Vec<String> = data
        .meetings
        .values()
        .map(|m| {
            format!(
                "{} {} — {} — {}",
                weekday_name(words, m.weekday),
                m.time.format("%H:%M"),
                m.name,
                m.place
            )
        })
        .collect();
    section(&mut out, &words.get("aftercare-meetings"), &meetings);
    section(
        &mut out,
        &words.get("aftercare-warning-signs"),
        &data.aftercare.warning_signs,
    );
    section(
        &mut out,
        &words.get("aftercare-re-engagement"),
        &data.aftercare.re_engagement,
    );
    out
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded at 75 octets without splitting a
/// character (RFC 5545 §3.1), ending in CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

fn local(at: NaiveDateTime) -> String {
    // Floating local time: the event happens at this wall-clock time
    // wherever the participant's calendar is.
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// An instant as an RFC 5545 UTC date-time (`20260302T150000Z`).
fn utc_stamp(now_ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(now_ms)
        .unwrap_or_default()
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// Appointments (with their reminders) and weekly meetings.
/// `now_ms` is the moment of the export: `DTSTAMP` is in UTC, as RFC 5545
/// requires (the events themselves are floating local times).
pub fn calendar(data: &Data, now_ms: i64, today: chrono::NaiveDate) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Phoenix//Aftercare plan//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    let dtstamp = format!("DTSTAMP:{}", utc_stamp(now_ms));
    for (id, appointment) in &data.appointments {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:appointment-{id}@phoenix.invalid"));
        line(&mut out, &dtstamp);
        line(&mut out, &format!("DTSTART:{}", local(appointment.at)));
        line(&mut out, "DURATION:PT1H");
        line(&mut out, &format!("SUMMARY:{}", escape(&appointment.title)));
        if !appointment.place.is_empty() {
            line(
                &mut out,
                &format!("LOCATION:{}", escape(&appointment.place)),
            );
        }
        if let Some(minutes) = appointment.remind_minutes_before {
            line(&mut out, "BEGIN:VALARM");
            line(&mut out, "ACTION:DISPLAY");
            line(
                &mut out,
                &format!("DESCRIPTION:{}", escape(&appointment.title)),
            );
            line(&mut out, &format!("TRIGGER:-PT{minutes}M"));
            line(&mut out, "END:VALARM");
        }
        line(&mut out, "END:VEVENT");
    }
    for (id, meeting) in &data.meetings {
        let days_ahead = (7 + meeting.weekday.num_days_from_monday()
            - today.weekday().num_days_from_monday())
            % 7;
        let first = today + chrono::Days::new(u64::from(days_ahead));
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:meeting-{id}@phoenix.invalid"));
        line(&mut out, &dtstamp);
        line(
            &mut out,
            &format!("DTSTART:{}", local(first.and_time(meeting.time))),
        );
        line(&mut out, "DURATION:PT1H");
        line(&mut out, "RRULE:FREQ=WEEKLY");
        line(&mut out, &format!("SUMMARY:{}", escape(&meeting.name)));
        if !meeting.place.is_empty() {
            line(&mut out, &format!("LOCATION:{}", escape(&meeting.place)));
        }
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calendar_stamp_is_the_utc_instant_not_the_local_time() {
        // 2026-03-02 15:00 UTC is 10:00 in New York.
        assert_eq!(utc_stamp(1_772_463_600_000), "20260302T150000Z");
    }

    #[test]
    fn text_is_escaped_and_long_lines_fold_on_character_boundaries() {
        assert_eq!(
            escape("Dr. Ruiz; room 4, floor 2\nbring ID"),
            "Dr. Ruiz\\; room 4\\, floor 2\\nbring ID"
        );
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "ñ".repeat(60)));
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "ñ".repeat(60)));
    }
}
