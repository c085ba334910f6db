//! The aftercare plan: contacts, referrals, documents, appointments,
//! meetings; and the labels of its values (the export uses them too).

use serde::{Deserialize, Serialize};

use super::choices::{
    DocumentKindChoice, DocumentStatusChoice, ReferralStatusChoice, ServiceCategoryChoice, choices,
    weekday_name,
};
use crate::i18n::Translator;
use crate::model::aftercare::{
    self, AftercarePlan, DocumentKind, DocumentStatus, ReferralStatus, ServiceCategory,
    SupportContact,
};
use crate::model::record::Id;
use crate::model::{Data, contact};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct ReferralItem {
    pub id: Id,
    pub category: ServiceCategory,
    pub category_label: String,
    pub organization: String,
    pub contact: String,
    /// The contact's `tel:` link; `None` when it has no number to dial.
    pub call_url: Option<String>,
    pub address: String,
    pub hours: String,
    pub status: ReferralStatus,
    pub status_label: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct DocumentItem {
    pub id: Id,
    pub kind: DocumentKind,
    pub name: String,
    pub status: DocumentStatus,
    pub status_label: String,
    /// "Get these first": prerequisites not yet received.
    pub waiting_for: Vec<String>,
    /// Every prerequisite as saved (received ones too): send them back with
    /// `SaveDocument` so a status change keeps them.
    pub needs_first: Vec<Id>,
}

/// A support contact and its id. (A named struct, not a tuple: Swift tuples
/// are not `Equatable`, so no tuple may cross the boundary.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct ContactItem {
    pub id: Id,
    pub contact: SupportContact,
    /// The contact's `tel:` link; `None` when the phone has no digits.
    pub call_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct AppointmentItem {
    pub id: Id,
    pub title: String,
    /// Local `YYYY-MM-DD HH:MM`.
    pub at: String,
    pub place: String,
    pub remind_minutes_before: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct MeetingItem {
    pub id: Id,
    pub name: String,
    /// "Tuesday 19:00". (Not `when`: a Kotlin keyword.)
    pub day_and_time: String,
    pub place: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct AftercareView {
    pub heading: String,
    pub contacts_heading: String,
    pub contacts: Vec<ContactItem>,
    /// With no items in a section: what it is for, in one sentence (its
    /// add form is the first action).
    pub contacts_empty: Option<String>,
    pub referrals_empty: Option<String>,
    pub documents_empty: Option<String>,
    pub appointments_empty: Option<String>,
    pub meetings_empty: Option<String>,
    pub referrals_heading: String,
    pub referrals: Vec<ReferralItem>,
    pub categories: Vec<ServiceCategoryChoice>,
    pub referral_statuses: Vec<ReferralStatusChoice>,
    pub documents_heading: String,
    pub documents: Vec<DocumentItem>,
    pub document_kinds: Vec<DocumentKindChoice>,
    pub document_statuses: Vec<DocumentStatusChoice>,
    pub appointments_heading: String,
    pub appointments: Vec<AppointmentItem>,
    pub meetings_heading: String,
    pub meetings: Vec<MeetingItem>,
    pub warning_signs_heading: String,
    pub re_engagement_heading: String,
    pub plan: AftercarePlan,
    pub save_label: String,
    pub export_document_label: String,
    pub export_calendar_label: String,
    /// What the new appointment's "remind me, minutes before" starts at.
    pub default_remind_minutes: u32,
    /// The documents' prerequisites: "Get these first" (birth certificate
    /// before a social security card); a choice that would go round in a
    /// circle is refused.
    pub needs_first_label: String,
}

const CATEGORIES: [ServiceCategory; 10] = [
    ServiceCategory::Counseling,
    ServiceCategory::MentalHealth,
    ServiceCategory::FoodBank,
    ServiceCategory::EmergencyHousing,
    ServiceCategory::RecoveryResidence,
    ServiceCategory::SupportGroup,
    ServiceCategory::TreatmentProvider,
    ServiceCategory::HealthCare,
    ServiceCategory::Employment,
    ServiceCategory::Legal,
];

const REFERRAL_STATUSES: [ReferralStatus; 5] = [
    ReferralStatus::ToContact,
    ReferralStatus::Contacted,
    ReferralStatus::Waitlisted,
    ReferralStatus::Enrolled,
    ReferralStatus::Done,
];

pub fn appointment_item(
    id: Id,
    appointment: &aftercare::Appointment,
    words: &Translator<'_>,
) -> AppointmentItem {
    AppointmentItem {
        id,
        title: appointment.title.clone(),
        at: super::dates::date_time(words, appointment.at),
        place: appointment.place.clone(),
        remind_minutes_before: appointment.remind_minutes_before,
    }
}

fn referral_items(data: &Data, words: &Translator<'_>) -> Vec<ReferralItem> {
    data.referrals
        .iter()
        .map(|(id, r)| ReferralItem {
            id: *id,
            category: r.category,
            category_label: words.get(category_key(r.category)),
            organization: r.organization.clone(),
            contact: r.contact.clone(),
            call_url: contact::call_link(&r.contact),
            address: r.address.clone(),
            hours: r.hours.clone(),
            status: r.status,
            status_label: words.get(referral_status_key(r.status)),
            notes: r.notes.clone(),
        })
        .collect()
}

pub fn aftercare_view(data: &Data, words: &Translator<'_>) -> AftercareView {
    let empty = |none: bool, key: &str| none.then(|| words.get(key));
    let mut appointments: Vec<_> = data.appointments.iter().collect();
    appointments.sort_by_key(|(id, a)| (a.at, **id));
    AftercareView {
        heading: words.get("aftercare-heading"),
        contacts_heading: words.get("aftercare-contacts"),
        contacts: data
            .contacts
            .iter()
            .map(|(id, c)| ContactItem {
                id: *id,
                contact: c.clone(),
                call_url: contact::call_link(&c.phone),
            })
            .collect(),
        contacts_empty: empty(data.contacts.is_empty(), "aftercare-contacts-empty"),
        referrals_empty: empty(data.referrals.is_empty(), "aftercare-referrals-empty"),
        documents_empty: empty(data.documents.is_empty(), "aftercare-documents-empty"),
        appointments_empty: empty(data.appointments.is_empty(), "aftercare-appointments-empty"),
        meetings_empty: empty(data.meetings.is_empty(), "aftercare-meetings-empty"),
        referrals_heading: words.get("aftercare-referrals"),
        referrals: referral_items(data, words),
        categories: choices(&CATEGORIES, category_key, words),
        referral_statuses: choices(&REFERRAL_STATUSES, referral_status_key, words),
        documents_heading: words.get("aftercare-documents"),
        documents: data
            .documents
            .iter()
            .map(|(id, d)| DocumentItem {
                id: *id,
                kind: d.kind,
                name: document_name(words, d.kind, &d.name),
                status: d.status,
                status_label: words.get(document_status_key(d.status)),
                waiting_for: aftercare::blocked_by(data, *id)
                    .iter()
                    .filter_map(|first| data.documents.get(first))
                    .map(|f| document_name(words, f.kind, &f.name))
                    .collect(),
                needs_first: d.needs_first.clone(),
            })
            .collect(),
        document_kinds: choices(
            &[
                DocumentKind::SocialSecurityCard,
                DocumentKind::BirthCertificate,
                DocumentKind::StateId,
                DocumentKind::Other,
            ],
            document_kind_key,
            words,
        ),
        document_statuses: choices(
            &[
                DocumentStatus::Needed,
                DocumentStatus::Requested,
                DocumentStatus::Received,
            ],
            document_status_key,
            words,
        ),
        appointments_heading: words.get("aftercare-appointments"),
        appointments: appointments
            .into_iter()
            .map(|(id, a)| appointment_item(*id, a, words))
            .collect(),
        meetings_heading: words.get("aftercare-meetings"),
        meetings: data
            .meetings
            .iter()
            .map(|(id, m)| MeetingItem {
                id: *id,
                name: m.name.clone(),
                day_and_time: format!(
                    "{} {}",
                    weekday_name(words, m.weekday),
                    m.time.format("%H:%M")
                ),
                place: m.place.clone(),
            })
            .collect(),
        warning_signs_heading: words.get("aftercare-warning-signs"),
        re_engagement_heading: words.get("aftercare-re-engagement"),
        plan: data.aftercare.clone(),
        save_label: words.get("action-save"),
        export_document_label: words.get("action-export-plan"),
        export_calendar_label: words.get("action-export-calendar"),
        default_remind_minutes: aftercare::DEFAULT_REMIND_MINUTES,
        needs_first_label: words.get("field-needs-first"),
    }
}

pub(crate) fn category_key(category: ServiceCategory) -> &'static str {
    match category {
        ServiceCategory::Counseling => "service-counseling",
        ServiceCategory::MentalHealth => "service-mental-health",
        ServiceCategory::FoodBank => "service-food-bank",
        ServiceCategory::EmergencyHousing => "service-emergency-housing",
        ServiceCategory::RecoveryResidence => "service-recovery-residence",
        ServiceCategory::SupportGroup => "service-support-group",
        ServiceCategory::TreatmentProvider => "service-treatment-provider",
        ServiceCategory::HealthCare => "service-health-care",
        ServiceCategory::Employment => "service-employment",
        ServiceCategory::Legal => "service-legal",
    }
}

pub(crate) fn referral_status_key(status: ReferralStatus) -> &'static str {
    match status {
        ReferralStatus::ToContact => "referral-to-contact",
        ReferralStatus::Contacted => "referral-contacted",
        ReferralStatus::Waitlisted => "referral-waitlisted",
        ReferralStatus::Enrolled => "referral-enrolled",
        ReferralStatus::Done => "referral-done",
    }
}

pub(crate) fn document_kind_key(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::SocialSecurityCard => "document-social-security",
        DocumentKind::BirthCertificate => "document-birth-certificate",
        DocumentKind::StateId => "document-state-id",
        DocumentKind::Other => "document-other",
    }
}

pub(crate) fn document_status_key(status: DocumentStatus) -> &'static str {
    match status {
        DocumentStatus::Needed => "document-needed",
        DocumentStatus::Requested => "document-requested",
        DocumentStatus::Received => "document-received",
    }
}

pub(crate) fn document_name(words: &Translator<'_>, kind: DocumentKind, name: &str) -> String {
    if kind == DocumentKind::Other {
        name.to_owned()
    } else {
        words.get(document_kind_key(kind))
    }
}
