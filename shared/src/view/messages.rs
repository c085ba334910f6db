//! The secure conversation with the specialist, as Contact my peer shows it.

use serde::{Deserialize, Serialize};

use crate::i18n::Translator;
use crate::model::Data;
use crate::model::messages::{Activity, MessageStatus, PairAgain};
use crate::model::record::Id;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct MessageItem {
    pub id: Id,
    pub mine: bool,
    pub text: String,
    /// Local date and time it was written, `YYYY-MM-DD HH:MM`. (Not
    /// `when`: a keyword in Kotlin.)
    pub written_at: String,
    pub status: MessageStatus,
    /// "Queued", "Sent", "Delivered", "Read", "Not sent" for mine; the
    /// specialist's name for theirs.
    pub status_label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct MessagesView {
    pub heading: String,
    pub intro: String,
    /// Paired: the specialist's name; otherwise the pairing form shows.
    pub specialist_name: Option<String>,
    pub relay_label: String,
    pub invite_label: String,
    pub name_label: String,
    pub pair_label: String,
    pub pairing: bool,
    pub paired_with: Option<String>,
    /// Paired: the safety code both people can compare (the same digits
    /// show in the specialist's inbox), with what it means.
    pub verification_note: Option<String>,
    /// The specialist's security key is not the one this conversation had
    /// (paired again with another key): what happened and what to do.
    /// Nothing is sent until the participant confirms with
    /// `MessagesEvent::ConfirmSpecialistKey` (`confirm_key_label`).
    pub key_changed_note: Option<String>,
    pub confirm_key_label: String,
    pub conversation: Vec<MessageItem>,
    pub message_label: String,
    pub send_label: String,
    pub unpair_label: String,
    pub unpair_warning: String,
    /// Messages waiting for the relay, and why, in plain words.
    pub outbox_note: Option<String>,
    /// Messages that could not be opened (tampered, or not for this phone).
    pub dropped_note: Option<String>,
    /// Not paired, and why the participant must pair again (restored from a
    /// backup, or paired before the secure channel was upgraded).
    pub pair_again_note: Option<String>,
    pub empty_note: String,
}

pub fn messages_view(
    data: &Data,
    activity: &Activity,
    local: &dyn Fn(i64) -> String,
    words: &Translator<'_>,
) -> MessagesView {
    let messaging = data.messaging.as_ref();
    let specialist_name = messaging.map(|m| m.specialist_name.clone());
    let app = words.get(if data.settings.discreet {
        "app-title-discreet"
    } else {
        "app-title"
    });
    let mut in_order: Vec<_> = data.messages.iter().collect();
    in_order.sort_by_key(|(id, message)| (message.at_ms, **id));
    let conversation: Vec<MessageItem> = in_order
        .into_iter()
        .map(|(id, message)| {
            let shared = super::sharing::conversation_line(message, data, &app, words);
            let (text, status_label) = if message.missing > 0 {
                // The line where the specialist's messages did not arrive.
                let count = i64::try_from(message.missing).unwrap_or(i64::MAX);
                (
                    words.with("message-missing", &[("count", count.into())]),
                    String::new(),
                )
            } else if message.mine {
                (
                    shared.unwrap_or_else(|| message.text.clone()),
                    words.get(super::sharing::status_key(message.status)),
                )
            } else {
                (
                    shared.unwrap_or_else(|| message.text.clone()),
                    specialist_name.clone().unwrap_or_default(),
                )
            };
            MessageItem {
                id: *id,
                mine: message.mine,
                text,
                written_at: local(message.at_ms),
                status: message.status,
                status_label,
            }
        })
        .collect();
    let queued = data
        .messages
        .values()
        .filter(|m| m.mine && m.status == MessageStatus::Queued)
        .count();
    let outbox_note = (queued > 0).then(|| {
        let key = if activity.offline {
            "messages-waiting-offline"
        } else {
            "messages-waiting"
        };
        words.with(
            key,
            &[("count", i64::try_from(queued).unwrap_or(i64::MAX).into())],
        )
    });
    let dropped = messaging.map_or(0, |m| m.dropped);
    let verification_note = messaging.and_then(|m| {
        let code = m.verification_code()?;
        Some(words.with(
            "messages-verification-code",
            &[
                ("code", code.into()),
                ("name", m.specialist_name.clone().into()),
            ],
        ))
    });
    MessagesView {
        heading: words.get("messages-heading"),
        // Not for emergencies: the intro names the crisis line.
        intro: words.with(
            "messages-intro",
            &[("number", data.settings.crisis_line.as_str().into())],
        ),
        paired_with: specialist_name
            .as_ref()
            .map(|name| words.with("messages-paired-with", &[("name", name.clone().into())])),
        specialist_name,
        verification_note,
        key_changed_note: key_changed_note(data, words),
        confirm_key_label: words.get("action-confirm-key"),
        relay_label: words.get("field-relay"),
        invite_label: words.get("field-invite"),
        name_label: words.get("field-shared-name"),
        pair_label: words.get("action-pair"),
        pairing: activity.pairing,
        conversation,
        message_label: words.get("field-message"),
        send_label: words.get("action-send"),
        unpair_label: words.get("action-unpair"),
        unpair_warning: words.get("messages-unpair-warning"),
        outbox_note,
        pair_again_note: pair_again_note(data, words),
        dropped_note: (dropped > 0)
            .then(|| words.with("messages-dropped", &[("count", i64::from(dropped).into())])),
        empty_note: words.get("messages-empty"),
    }
}

/// The specialist's key changed and the participant has not confirmed it.
fn key_changed_note(data: &Data, words: &Translator<'_>) -> Option<String> {
    let messaging = data.messaging.as_ref()?;
    messaging.key_changed_from.as_ref()?;
    Some(words.with(
        "messages-key-changed",
        &[("name", messaging.specialist_name.clone().into())],
    ))
}

/// Not paired, and why the participant must pair again.
fn pair_again_note(data: &Data, words: &Translator<'_>) -> Option<String> {
    if data.messaging.is_some() {
        return None;
    }
    let ended = data.pairing_ended.as_ref()?;
    let key = match ended.why {
        PairAgain::Restored => "messages-pair-again-restored",
        PairAgain::Upgraded => "messages-pair-again-upgraded",
    };
    Some(words.with(key, &[("name", ended.specialist_name.clone().into())]))
}
