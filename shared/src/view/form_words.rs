//! Labels the shells' forms share across screens (field names, add and
//! remove buttons, yes/no), translated once, so every shell shows the same
//! words in the participant's language.

use chrono::Weekday;
use serde::{Deserialize, Serialize};

use super::choices::{ContactWayChoice, DayChoice, weekday_name};
use crate::i18n::Translator;
use crate::model::contact::ContactWay;

/// Declares `FormWords` with one `String` per field and fills each from its
/// translation key.
macro_rules! form_words {
    ($($field:ident => $key:literal),* $(,)?) => {
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
        pub struct FormWords {
            $(pub $field: String,)*
            pub days: Vec<DayChoice>,
            pub contact_ways: Vec<ContactWayChoice>,
            /// Hungry, angry, lonely, tired, in that order.
            pub halt: Vec<String>,
        }

        pub(super) fn form_words(words: &Translator<'_>) -> FormWords {
            FormWords {
                $($field: words.get($key),)*
                days: [
                    Weekday::Mon,
                    Weekday::Tue,
                    Weekday::Wed,
                    Weekday::Thu,
                    Weekday::Fri,
                    Weekday::Sat,
                    Weekday::Sun,
                ]
                .into_iter()
                .map(|day| DayChoice {
                    value: day.into(),
                    label: weekday_name(words, day),
                })
                .collect(),
                contact_ways: [
                    (ContactWay::Call, "contact-way-call"),
                    (ContactWay::Text, "contact-way-text"),
                    (ContactWay::Email, "contact-way-email"),
                ]
                .into_iter()
                .map(|(value, key)| ContactWayChoice {
                    value,
                    label: words.get(key),
                })
                .collect(),
                halt: ["halt-hungry", "halt-angry", "halt-lonely", "halt-tired"]
                    .into_iter()
                    .map(|key| words.get(key))
                    .collect(),
            }
        }
    };
}

form_words! {
    name => "field-name",
    title => "field-title",
    dimension => "field-dimension",
    organization => "field-organization",
    relationship => "field-relationship",
    phone => "field-phone",
    email => "field-email",
    address => "field-address",
    hours => "field-hours",
    notes => "field-notes",
    status => "field-status",
    category => "field-category",
    document => "field-document",
    place => "field-place",
    date_time => "field-date-time",
    day => "field-day",
    time => "field-time",
    from => "field-from",
    until => "field-until",
    remind_minutes => "field-remind-minutes",
    kind => "field-kind",
    step => "field-step",
    due => "field-due",
    helps_with => "field-helps-with",
    lapse_date => "field-lapse-date",
    lapse_context => "field-lapse-context",
    current_passcode => "field-current-passcode",
    new_passcode => "field-new-passcode",
    new_passcode_again => "field-new-passcode-again",
    backup_file => "field-backup-file",
    preferred_way => "field-preferred-way",
    specialist => "contact-specialist",
    add => "action-add",
    add_contact => "action-add-contact",
    add_referral => "action-add-referral",
    add_document => "action-add-document",
    add_appointment => "action-add-appointment",
    add_meeting => "action-add-meeting",
    add_hours => "action-add-hours",
    remove => "action-remove",
    mark_done => "action-mark-done",
    yes => "answer-yes",
    no => "answer-no",
    prefer_not_to_say => "answer-prefer-not-to-say",
    allow_reminders => "action-allow-reminders",
    allow_message_notifications => "action-allow-message-notifications",
    no_check_ins_yet => "trends-empty",
    navigation => "nav-label",
    // The phone-width navigation's last tab: the destinations that do not fit.
    more => "nav-more",
    next => "action-next",
    cancel => "action-cancel",
    close => "action-close",
    save => "action-save",
    erase_warning => "erase-warning",
    erase_confirm => "action-erase-confirm",
    one_per_line => "hint-one-per-line",
    mood_scale => "hint-mood-scale",
    craving_scale => "hint-craving-scale",
    // Under typed dates (the phones' text fields; the web's date pickers
    // show the browser's own format): year-month-day, with an example.
    date_hint => "hint-date-format",
    date_time_hint => "hint-date-time-format",
    edit => "action-edit",
    delete_item => "action-delete",
}
