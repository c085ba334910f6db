//! The aftercare plan's items: the values this feature keeps, each one vault record (see
//! [`crate::model::record`]). They name no other part of the model but
//! other features' records, so `Data` can hold them without a cycle.

use serde::{Deserialize, Serialize};

use crate::model::record::{Id, record};
use chrono::{NaiveDateTime, NaiveTime, Weekday};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct SupportContact {
    pub name: String,
    /// Sponsor, family, friend...
    pub relationship: String,
    pub phone: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum ServiceCategory {
    Counseling,
    MentalHealth,
    FoodBank,
    EmergencyHousing,
    RecoveryResidence,
    SupportGroup,
    TreatmentProvider,
    HealthCare,
    Employment,
    Legal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum ReferralStatus {
    ToContact,
    Contacted,
    Waitlisted,
    Enrolled,
    Done,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct Referral {
    pub category: ServiceCategory,
    pub organization: String,
    pub contact: String,
    pub address: String,
    pub hours: String,
    pub status: ReferralStatus,
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum DocumentKind {
    SocialSecurityCard,
    BirthCertificate,
    StateId,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum DocumentStatus {
    Needed,
    Requested,
    Received,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct Document {
    pub kind: DocumentKind,
    /// The name, for `Other`.
    pub name: String,
    pub status: DocumentStatus,
    /// Documents to obtain first (a birth certificate before a social security card).
    pub needs_first: Vec<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointment {
    pub title: String,
    /// Local date and time.
    pub at: NaiveDateTime,
    pub place: String,
    /// Minutes before to remind; `None` for no reminder.
    pub remind_minutes_before: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub name: String,
    pub weekday: Weekday,
    pub time: NaiveTime,
    pub place: String,
}

/// Warning signs and what to do about them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct AftercarePlan {
    pub warning_signs: Vec<String>,
    /// "If I start slipping, I will ..."
    pub re_engagement: Vec<String>,
}

record! {
    SupportContact => SupportContact,
    Referral => Referral,
    Document => Document,
    Appointment => Appointment,
    Meeting => Meeting,
    AftercarePlan => AftercarePlan,
}
