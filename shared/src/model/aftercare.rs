//! The aftercare plan: support contacts, services and referrals, documents
//! to obtain, appointments, weekly meetings, warning signs and the
//! re-engagement plan; and its export as a document and a calendar.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::forms::{required, tidy};
use super::problem::Problem;
use super::record::{Id, PROFILE_ID, Record};
use super::when::{Day, parse_date_time, parse_time};
use super::{Context, Data, Listed, Unlocked, Update};

pub mod records;

pub use records::*;

/// How long before an appointment the phone reminds the participant, unless
/// they choose otherwise; every shell's form starts from it.
pub const DEFAULT_REMIND_MINUTES: u32 = 60;

/// An appointment as a shell's form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct AppointmentForm {
    pub title: String,
    /// Local `YYYY-MM-DDTHH:MM`.
    pub at: String,
    pub place: String,
    /// Minutes before to remind; `None` for no reminder.
    pub remind_minutes_before: Option<u32>,
}

impl AppointmentForm {
    fn parse(self) -> Result<Appointment, Problem> {
        Ok(Appointment {
            title: required(&self.title)?,
            at: parse_date_time(&self.at)?,
            place: self.place.trim().to_owned(),
            remind_minutes_before: self.remind_minutes_before,
        })
    }
}

/// A weekly meeting as a shell's form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct MeetingForm {
    pub name: String,
    pub weekday: Day,
    /// `HH:MM`.
    pub time: String,
    pub place: String,
}

impl MeetingForm {
    fn parse(self) -> Result<Meeting, Problem> {
        Ok(Meeting {
            name: required(&self.name)?,
            weekday: self.weekday.into(),
            time: parse_time(&self.time)?,
            place: self.place.trim().to_owned(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum AftercareEvent {
    SaveContact {
        id: Option<Id>,
        contact: SupportContact,
    },
    SaveReferral {
        id: Option<Id>,
        referral: Referral,
    },
    SaveDocument {
        id: Option<Id>,
        document: Document,
    },
    SaveAppointment {
        id: Option<Id>,
        appointment: AppointmentForm,
    },
    SaveMeeting {
        id: Option<Id>,
        meeting: MeetingForm,
    },
    Remove(Id),
    SetPlan(AftercarePlan),
}

/// Documents that must be obtained before `id` and are not yet received.
pub fn blocked_by(data: &Data, id: Id) -> Vec<Id> {
    data.documents.get(&id).map_or_else(Vec::new, |document| {
        document
            .needs_first
            .iter()
            .copied()
            .filter(|first| {
                data.documents
                    .get(first)
                    .is_some_and(|d| d.status != DocumentStatus::Received)
            })
            .collect()
    })
}

fn depends_on(data: &Data, from: Id, target: Id) -> bool {
    let mut stack = vec![from];
    let mut seen = Vec::new();
    while let Some(id) = stack.pop() {
        if id == target {
            return true;
        }
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        if let Some(document) = data.documents.get(&id) {
            stack.extend(document.needs_first.iter().copied());
        }
    }
    false
}

/// Adds (`id` is `None`) or replaces an item.
fn save<T: Listed>(data: &mut Data, id: Option<Id>, value: T) -> Result<Update, Problem> {
    let id = match id {
        Some(id) if T::list(data).contains_key(&id) => id,
        Some(_) => return Err(Problem::UnknownItem),
        None => data.allocate_id(),
    };
    let change = value.put(id);
    T::list(data).insert(id, value);
    Ok(Update::saved(vec![change]))
}

pub fn update(
    event: AftercareEvent,
    unlocked: &mut Unlocked,
    _: &Context<'_>,
) -> Result<Update, Problem> {
    let data = &mut unlocked.data;
    match event {
        AftercareEvent::SaveContact { id, mut contact } => {
            contact.name = required(&contact.name)?;
            save(data, id, contact)
        }
        AftercareEvent::SaveReferral { id, mut referral } => {
            referral.organization = required(&referral.organization)?;
            save(data, id, referral)
        }
        AftercareEvent::SaveDocument { id, mut document } => {
            if document.kind == DocumentKind::Other {
                document.name = required(&document.name)?;
            }
            if document.needs_first.iter().any(|first| {
                !data.documents.contains_key(first)
                    || Some(*first) == id
                    || id.is_some_and(|id| depends_on(data, *first, id))
            }) {
                return Err(Problem::UnknownItem);
            }
            save(data, id, document)
        }
        AftercareEvent::SaveAppointment { id, appointment } => save(data, id, appointment.parse()?),
        AftercareEvent::SaveMeeting { id, meeting } => save(data, id, meeting.parse()?),
        AftercareEvent::Remove(id) => remove(id, data),
        AftercareEvent::SetPlan(mut plan) => {
            tidy(&mut plan.warning_signs);
            tidy(&mut plan.re_engagement);
            let change = plan.put(PROFILE_ID);
            data.aftercare = plan;
            Ok(Update::saved(vec![change]))
        }
    }
}

/// Removes a contact, referral, document, appointment or meeting; documents
/// that needed a removed document first no longer do.
fn remove(id: Id, data: &mut Data) -> Result<Update, Problem> {
    let change = if data.contacts.remove(&id).is_some() {
        SupportContact::delete(id)
    } else if data.referrals.remove(&id).is_some() {
        Referral::delete(id)
    } else if data.documents.remove(&id).is_some() {
        let mut changes = vec![Document::delete(id)];
        for (other, document) in &mut data.documents {
            if document.needs_first.contains(&id) {
                document.needs_first.retain(|first| *first != id);
                changes.push(document.put(*other));
            }
        }
        return Ok(Update::saved(changes));
    } else if data.appointments.remove(&id).is_some() {
        Appointment::delete(id)
    } else if data.meetings.remove(&id).is_some() {
        Meeting::delete(id)
    } else {
        return Err(Problem::UnknownItem);
    };
    Ok(Update::saved(vec![change]))
}

/// Appointments from `from` through `through` (whole days), earliest first.
pub fn appointments_between(
    data: &Data,
    from: NaiveDate,
    through: NaiveDate,
) -> Vec<(Id, &Appointment)> {
    let mut list: Vec<(Id, &Appointment)> = data
        .appointments
        .iter()
        .filter(|(_, a)| (from..=through).contains(&a.at.date()))
        .map(|(id, a)| (*id, a))
        .collect();
    list.sort_by_key(|(id, a)| (a.at, *id));
    list
}
