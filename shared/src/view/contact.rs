//! Contact my peer: the specialist, the templates, the crisis options and
//! the secure conversation.

use serde::{Deserialize, Serialize};

use crate::i18n::Translator;

use super::choices::weekday_name;
use super::messages::MessagesView;
use crate::model::Data;
use crate::model::contact::{self, ContactWay, DEFAULT_TEMPLATES, SpecialistForm};
use crate::model::record::Id;

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
    words: &Translator<'_>,
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
