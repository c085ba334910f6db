//! The aftercare plan, the safety plan and Contact my peer.

use serde::{Deserialize, Serialize};

use super::Words;
use super::export::{
    category_key, document_kind_key, document_name, document_status_key, referral_status_key,
    weekday_name,
};
use super::messages::MessagesView;
use super::screens::{
    DocumentKindChoice, DocumentStatusChoice, ReferralStatusChoice, ServiceCategoryChoice,
};
use crate::model::aftercare::{
    self, AftercarePlan, DocumentKind, DocumentStatus, ReferralStatus, ServiceCategory,
    SupportContact,
};
use crate::model::contact::{self, ContactWay, DEFAULT_TEMPLATES, SpecialistForm};
use crate::model::records::{Data, Id};
use crate::model::safety::SafetyPlan;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct ReferralItem {
    pub id: Id,
    pub category: ServiceCategory,
    pub category_label: String,
    pub organization: String,
    pub contact: String,
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
    pub contacts: Vec<(Id, SupportContact)>,
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

fn choices<T: Copy, C: From<(T, String)>>(
    values: &[T],
    key: impl Fn(T) -> &'static str,
    words: &Words<'_>,
) -> Vec<C> {
    values
        .iter()
        .map(|value| C::from((*value, words.get(key(*value)))))
        .collect()
}

pub fn appointment_item(id: Id, appointment: &aftercare::Appointment) -> AppointmentItem {
    AppointmentItem {
        id,
        title: appointment.title.clone(),
        at: appointment.at.format("%Y-%m-%d %H:%M").to_string(),
        place: appointment.place.clone(),
        remind_minutes_before: appointment.remind_minutes_before,
    }
}

pub fn aftercare_view(data: &Data, words: &Words<'_>) -> AftercareView {
    let mut appointments: Vec<_> = data.appointments.iter().collect();
    appointments.sort_by_key(|(id, a)| (a.at, **id));
    AftercareView {
        heading: words.get("aftercare-heading"),
        contacts_heading: words.get("aftercare-contacts"),
        contacts: data
            .contacts
            .iter()
            .map(|(id, c)| (*id, c.clone()))
            .collect(),
        referrals_heading: words.get("aftercare-referrals"),
        referrals: data
            .referrals
            .iter()
            .map(|(id, r)| ReferralItem {
                id: *id,
                category: r.category,
                category_label: words.get(category_key(r.category)),
                organization: r.organization.clone(),
                contact: r.contact.clone(),
                address: r.address.clone(),
                hours: r.hours.clone(),
                status: r.status,
                status_label: words.get(referral_status_key(r.status)),
                notes: r.notes.clone(),
            })
            .collect(),
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
            .map(|(id, a)| appointment_item(*id, a))
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
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct SafetyPlanView {
    pub heading: String,
    /// The six steps' headings, in order, then reasons for living.
    pub step_headings: Vec<String>,
    pub plan: SafetyPlan,
    pub save_label: String,
    pub call_crisis_label: String,
    pub text_crisis_label: String,
    /// The plan to use now, shown first; editing is separate.
    pub use_now: super::safety::UseNow,
}

pub fn safety_view(data: &Data, words: &Words<'_>) -> SafetyPlanView {
    let view = SafetyPlanView {
        heading: words.get("safety-heading"),
        step_headings: [
            "safety-warning-signs",
            "safety-internal-coping",
            "safety-distractions",
            "safety-people-to-ask",
            "safety-professionals",
            "safety-environment",
            "safety-reasons",
        ]
        .iter()
        .map(|key| words.get(key))
        .collect(),
        plan: data.safety.clone(),
        save_label: words.get("action-save"),
        call_crisis_label: words.get("action-call-crisis"),
        text_crisis_label: words.get("action-text-crisis"),
        use_now: super::safety::UseNow::default(),
    };
    SafetyPlanView {
        use_now: super::safety::use_now(
            &data.safety,
            &view.step_headings,
            &data.settings.crisis_line,
            words,
        ),
        ..view
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct TemplateItem {
    /// `None` for the starter templates.
    pub id: Option<Id>,
    /// A starter template's key: edit it with `ReplaceStarterTemplate`,
    /// hide it with `DismissStarterTemplate`.
    pub starter: Option<String>,
    pub text: String,
    /// The `sms:` link with this text, ready to open.
    pub text_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct ContactView {
    pub heading: String,
    /// The saved specialist, as the edit form shows it.
    pub specialist: Option<SpecialistForm>,
    pub set_specialist_label: String,
    pub preferred_label: Option<String>,
    pub hours: Vec<String>,
    pub call_label: String,
    pub text_label: String,
    pub email_label: String,
    pub call_url: Option<String>,
    pub email_url: Option<String>,
    pub templates_heading: String,
    pub templates: Vec<TemplateItem>,
    /// Outside the specialist's hours: crisis options are shown too.
    pub outside_hours: bool,
    pub outside_hours_message: Option<String>,
    /// Secure messages through the organization's relay.
    pub messages: MessagesView,
    /// Who to reach and how, first; the crisis line; editing quick messages.
    pub reach: super::reach_peer::ReachPeer,
}

pub fn contact_view(
    data: &Data,
    local_now: chrono::NaiveDateTime,
    messages: MessagesView,
    words: &Words<'_>,
) -> ContactView {
    let specialist = data.specialist.as_ref();
    let starters = DEFAULT_TEMPLATES
        .iter()
        .filter(|key| {
            !data
                .settings
                .dismissed_suggestions
                .iter()
                .any(|d| d == *key)
        })
        .map(|key| (None, Some((*key).to_owned()), words.get(key)));
    let own = data
        .templates
        .iter()
        .map(|(id, t)| (Some(*id), None, t.text.clone()));
    let texts: Vec<(Option<Id>, Option<String>, String)> = starters.chain(own).collect();
    let outside_hours = specialist.is_some_and(|s| !contact::within_hours(s, local_now));
    ContactView {
        heading: words.get("contact-heading"),
        specialist: specialist.map(SpecialistForm::from),
        set_specialist_label: words.get("action-save"),
        preferred_label: specialist.map(|s| {
            words.get(match s.preferred {
                ContactWay::Call => "contact-prefers-call",
                ContactWay::Text => "contact-prefers-text",
                ContactWay::Email => "contact-prefers-email",
            })
        }),
        hours: specialist
            .map(|s| {
                s.hours
                    .iter()
                    .map(|h| {
                        format!(
                            "{} {}–{}",
                            weekday_name(words, h.weekday),
                            h.start.format("%H:%M"),
                            h.end.format("%H:%M")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
        call_label: words.get("action-call"),
        text_label: words.get("action-text"),
        email_label: words.get("action-email"),
        call_url: specialist.map(|s| contact::call_url(&s.phone)),
        email_url: specialist
            .filter(|s| !s.email.is_empty())
            .map(|s| contact::email_url(&s.email, &words.get("app-title"), "")),
        templates_heading: words.get("contact-templates"),
        templates: texts
            .into_iter()
            .map(|(id, starter, text)| TemplateItem {
                id,
                starter,
                text_url: specialist.map(|s| contact::text_url(&s.phone, &text)),
                text,
            })
            .collect(),
        outside_hours,
        outside_hours_message: outside_hours.then(|| words.get("contact-outside-hours")),
        messages,
        reach: super::reach_peer::reach_peer(data, words),
    }
}
