//! Contact my peer, through the phone: the assigned specialist, message
//! templates, and `tel:` / `sms:` / `mailto:` links. Nothing leaves the phone
//! except through the phone's own apps.

use chrono::{Datelike, NaiveDateTime};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::{Deserialize, Serialize};

use super::forms::required;
use super::problem::Problem;
use super::record::{Id, PROFILE_ID, Record};
use super::when::{Day, parse_time};
use super::{Context, Data, Request, Unlocked, Update};
use crate::i18n::Translator;
use crate::vault::Change;

pub mod records;

pub use records::*;

/// The specialist as a shell's form sends them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct SpecialistForm {
    pub name: String,
    pub organization: String,
    pub phone: String,
    pub email: String,
    pub hours: Vec<HoursForm>,
    pub preferred: ContactWay,
}

/// Hours on one day; times are `HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct HoursForm {
    pub weekday: Day,
    pub start: String,
    pub end: String,
}

impl From<&Specialist> for SpecialistForm {
    fn from(specialist: &Specialist) -> Self {
        Self {
            name: specialist.name.clone(),
            organization: specialist.organization.clone(),
            phone: specialist.phone.clone(),
            email: specialist.email.clone(),
            hours: specialist
                .hours
                .iter()
                .map(|h| HoursForm {
                    weekday: h.weekday.into(),
                    start: h.start.format("%H:%M").to_string(),
                    end: h.end.format("%H:%M").to_string(),
                })
                .collect(),
            preferred: specialist.preferred,
        }
    }
}

impl SpecialistForm {
    fn parse(self) -> Result<Specialist, Problem> {
        let hours = self
            .hours
            .iter()
            .map(|h| {
                let (start, end) = (parse_time(&h.start)?, parse_time(&h.end)?);
                if start >= end {
                    return Err(Problem::OutOfRange);
                }
                Ok(Hours {
                    weekday: h.weekday.into(),
                    start,
                    end,
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Specialist {
            name: required(&self.name)?,
            organization: self.organization.trim().to_owned(),
            phone: self.phone.trim().to_owned(),
            email: self.email.trim().to_owned(),
            hours,
            preferred: self.preferred,
        })
    }
}

/// Keys of the templates offered until the participant writes their own.
pub const DEFAULT_TEMPLATES: [&str; 3] = [
    "template-call-me",
    "template-cravings",
    "template-good-news",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum ContactEvent {
    SetSpecialist(SpecialistForm),
    SaveTemplate {
        id: Option<Id>,
        text: String,
    },
    RemoveTemplate(Id),
    /// Hides a starter template (by its key) from the list.
    DismissStarterTemplate(String),
    /// Edits a starter template: saves the new text as the participant's
    /// own template and hides the starter, in one write.
    ReplaceStarterTemplate {
        starter: String,
        text: String,
    },
    Call,
    /// Opens the messaging app with this text filled in.
    Text(String),
    Email(String),
    CallCrisisLine,
    TextCrisisLine,
    /// Calls the emergency number (a setting, 911 by default): overdose.
    CallEmergency,
    /// Calls someone from the safety plan or the support contacts.
    CallNumber(String),
    /// Undoes `DismissStarterTemplate`: the starter shows again.
    RestoreStarterTemplate(String),
    /// Opens a link the view model offers (a `LinkItem`'s `tel:`, `sms:` or
    /// `mailto:` URL), so the phone answers whether it could.
    OpenLink(String),
}

/// The specialist, the templates, and the links that open the phone's own
/// apps.
pub fn update(
    event: ContactEvent,
    unlocked: &mut Unlocked,
    cx: &Context<'_>,
) -> Result<Update, Problem> {
    let data = &mut unlocked.data;
    match event {
        ContactEvent::SetSpecialist(form) => {
            let specialist = form.parse()?;
            let change = specialist.put(PROFILE_ID);
            data.specialist = Some(specialist);
            Ok(Update::saved(vec![change]))
        }
        ContactEvent::SaveTemplate { id, text } => {
            let template = MessageTemplate {
                text: required(&text)?,
            };
            let id = match id {
                Some(id) if data.templates.contains_key(&id) => id,
                Some(_) => return Err(Problem::UnknownItem),
                None => data.allocate_id(),
            };
            let change = template.put(id);
            data.templates.insert(id, template);
            Ok(Update::saved(vec![change]))
        }
        ContactEvent::RemoveTemplate(id) => {
            data.templates.remove(&id).ok_or(Problem::UnknownItem)?;
            Ok(Update::saved(vec![MessageTemplate::delete(id)]))
        }
        ContactEvent::DismissStarterTemplate(starter) => {
            Ok(Update::saved(vec![dismiss_starter(&starter, data)?]))
        }
        ContactEvent::ReplaceStarterTemplate { starter, text } => {
            let template = MessageTemplate {
                text: required(&text)?,
            };
            let dismissed = dismiss_starter(&starter, data)?;
            let id = data.allocate_id();
            let change = template.put(id);
            data.templates.insert(id, template);
            Ok(Update::saved(vec![change, dismissed]))
        }
        ContactEvent::Call => open(call_url(&specialist(data)?.phone)),
        ContactEvent::Text(body) => open(text_url(&specialist(data)?.phone, &body)),
        ContactEvent::Email(body) => open(email_url(
            &specialist(data)?.email,
            &cx.words.get("app-title"),
            &body,
        )),
        ContactEvent::CallCrisisLine => open(call_url(&data.settings.crisis_line)),
        ContactEvent::TextCrisisLine => open(crisis_text_url(&data.settings.crisis_line, cx.words)),
        ContactEvent::CallEmergency => open(call_url(&data.settings.emergency_number)),
        ContactEvent::CallNumber(number) => {
            if dialable(&number).is_empty() {
                Err(Problem::OutOfRange)
            } else {
                open(call_url(&number))
            }
        }
        ContactEvent::OpenLink(url) => {
            if ["tel:", "sms:", "mailto:"]
                .iter()
                .any(|scheme| url.starts_with(scheme))
            {
                open(url)
            } else {
                Err(Problem::UnknownItem)
            }
        }
        ContactEvent::RestoreStarterTemplate(starter) => {
            if !DEFAULT_TEMPLATES.contains(&starter.as_str()) {
                return Err(Problem::UnknownItem);
            }
            let settings = &mut data.settings;
            settings.dismissed_suggestions.retain(|d| *d != starter);
            Ok(Update::saved(vec![settings.put(PROFILE_ID)]))
        }
    }
}

/// The specialist to reach, once the participant has set them.
fn specialist(data: &Data) -> Result<&Specialist, Problem> {
    data.specialist.as_ref().ok_or(Problem::NotNow)
}

/// Hands a link to the phone.
#[allow(clippy::unnecessary_wraps)]
fn open(url: String) -> Result<Update, Problem> {
    Ok(Update::request(Request::OpenUrl(url)))
}

/// Hides a starter template; the settings record that remembers it.
fn dismiss_starter(starter: &str, data: &mut Data) -> Result<Change, Problem> {
    if !DEFAULT_TEMPLATES.contains(&starter) {
        return Err(Problem::UnknownItem);
    }
    let settings = &mut data.settings;
    if !settings.dismissed_suggestions.iter().any(|d| d == starter) {
        settings.dismissed_suggestions.push(starter.to_owned());
    }
    Ok(settings.put(PROFILE_ID))
}

/// The number or address a `tel:`, `sms:` or `mailto:` link reaches, to
/// show when the phone cannot open it.
pub fn link_address(url: &str) -> String {
    let rest = ["tel:", "sms:", "mailto:"]
        .iter()
        .find_map(|scheme| url.strip_prefix(scheme))
        .unwrap_or(url);
    rest.split('?').next().unwrap_or_default().to_owned()
}

/// Digits and a leading plus: what a dialer needs.
pub fn dialable(number: &str) -> String {
    number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

pub fn call_url(number: &str) -> String {
    format!("tel:{}", dialable(number))
}

/// One tap to call a number the participant wrote down; `None` when it has
/// nothing to dial.
pub fn call_link(number: &str) -> Option<String> {
    (!dialable(number).is_empty()).then(|| call_url(number))
}

/// An RFC 5724 `sms:` link with the message filled in.
pub fn text_url(number: &str, body: &str) -> String {
    if body.is_empty() {
        format!("sms:{}", dialable(number))
    } else {
        format!(
            "sms:{}?body={}",
            dialable(number),
            utf8_percent_encode(body, NON_ALPHANUMERIC)
        )
    }
}

/// The US 988 Suicide & Crisis Lifeline: calling it plays an English menu
/// (2 for Spanish), and a text that starts with "AYUDA" reaches a
/// Spanish-speaking counselor.
pub const LIFELINE: &str = "988";

/// Whether `number` is the 988 Lifeline.
pub fn is_lifeline(number: &str) -> bool {
    dialable(number) == LIFELINE
}

/// The crisis line's text link. For the 988 Lifeline the message starts
/// with the language's keyword (`crisis-text-body`: "AYUDA" in Spanish,
/// nothing in English); other lines get an empty message.
pub fn crisis_text_url(number: &str, words: &Translator<'_>) -> String {
    let body = if is_lifeline(number) {
        words.get("crisis-text-body")
    } else {
        String::new()
    };
    text_url(number, &body)
}

pub fn email_url(address: &str, subject: &str, body: &str) -> String {
    format!(
        "mailto:{}?subject={}&body={}",
        address.trim(),
        utf8_percent_encode(subject, NON_ALPHANUMERIC),
        utf8_percent_encode(body, NON_ALPHANUMERIC)
    )
}

/// Whether `now` (local) falls within the specialist's hours.
pub fn within_hours(specialist: &Specialist, now: NaiveDateTime) -> bool {
    specialist.hours.iter().any(|hours| {
        hours.weekday == now.weekday() && hours.start <= now.time() && now.time() < hours.end
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveTime, Weekday};

    #[test]
    fn links_carry_only_what_the_phone_needs() {
        assert_eq!(call_url("(555) 010-2030"), "tel:5550102030");
        assert_eq!(
            text_url("+1 555 0102", "Can you call me?"),
            "sms:+15550102?body=Can%20you%20call%20me%3F"
        );
        assert_eq!(
            email_url("peer@example.org", "Hola", "¿Puedes llamarme?"),
            "mailto:peer@example.org?subject=Hola&body=%C2%BFPuedes%20llamarme%3F"
        );
    }

    #[test]
    fn hours_are_checked_in_local_time() {
        let specialist = Specialist {
            name: "Dana".into(),
            organization: String::new(),
            phone: String::new(),
            email: String::new(),
            hours: vec![Hours {
                weekday: Weekday::Mon,
                start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            }],
            preferred: ContactWay::Call,
        };
        let at = |text: &str| text.parse::<NaiveDateTime>().unwrap();
        assert!(within_hours(&specialist, at("2026-03-02T09:00:00")));
        assert!(!within_hours(&specialist, at("2026-03-02T17:00:00")));
        assert!(!within_hours(&specialist, at("2026-03-03T10:00:00")));
    }
}
