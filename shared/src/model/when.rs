//! Dates and times as the shells' forms send them: plain text, parsed and
//! checked here, so every shell accepts and refuses the same input. (The
//! generated shell types carry no chrono types.)

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::problem::Problem;

/// A day of the week, as the shells pick it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum Day {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl From<Day> for Weekday {
    fn from(day: Day) -> Self {
        match day {
            Day::Monday => Self::Mon,
            Day::Tuesday => Self::Tue,
            Day::Wednesday => Self::Wed,
            Day::Thursday => Self::Thu,
            Day::Friday => Self::Fri,
            Day::Saturday => Self::Sat,
            Day::Sunday => Self::Sun,
        }
    }
}

impl From<Weekday> for Day {
    fn from(weekday: Weekday) -> Self {
        match weekday {
            Weekday::Mon => Self::Monday,
            Weekday::Tue => Self::Tuesday,
            Weekday::Wed => Self::Wednesday,
            Weekday::Thu => Self::Thursday,
            Weekday::Fri => Self::Friday,
            Weekday::Sat => Self::Saturday,
            Weekday::Sun => Self::Sunday,
        }
    }
}

/// `YYYY-MM-DD`, optional: empty text is `None`.
pub(crate) fn parse_date(text: Option<&str>) -> Result<Option<NaiveDate>, Problem> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => text.parse().map(Some).map_err(|_| Problem::InvalidDate),
    }
}

/// `HH:MM` (24-hour), as a time input sends it; seconds are accepted.
pub fn parse_time(text: &str) -> Result<NaiveTime, Problem> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .map_err(|_| Problem::InvalidDate)
}

/// `YYYY-MM-DDTHH:MM` local time, as a date-and-time input sends it (a space
/// instead of the `T` and seconds are accepted).
pub fn parse_date_time(text: &str) -> Result<NaiveDateTime, Problem> {
    let text = text.trim().replacen(' ', "T", 1);
    NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| Problem::InvalidDate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_text_parses_or_is_an_invalid_date() {
        assert_eq!(
            parse_time(" 19:05 ").unwrap(),
            NaiveTime::from_hms_opt(19, 5, 0).unwrap()
        );
        assert_eq!(parse_time("7pm"), Err(Problem::InvalidDate));
        assert_eq!(parse_time("24:00"), Err(Problem::InvalidDate));
        let at = parse_date_time("2026-03-02T14:30").unwrap();
        assert_eq!(at, parse_date_time("2026-03-02 14:30:00").unwrap());
        assert_eq!(
            parse_date_time("2026-02-30T10:00"),
            Err(Problem::InvalidDate)
        );
        for day in [Day::Monday, Day::Sunday] {
            assert_eq!(Day::from(Weekday::from(day)), day);
        }
    }
}
