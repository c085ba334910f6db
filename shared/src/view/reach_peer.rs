//! Contact my peer, in the order a participant needs it: with no
//! specialist yet, "Add your peer's number" and the crisis line first; with
//! one, the main button follows the way they prefer to be reached.

use serde::{Deserialize, Serialize};

use super::triggered::{LinkItem, crisis_links};
use crate::i18n::Translator;
use crate::model::Data;
use crate::model::contact::{self, ContactWay, Specialist};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct ReachPeer {
    /// No specialist yet: the heading of the form to add one, shown first.
    pub add_peer_heading: Option<String>,
    pub add_peer_intro: Option<String>,
    /// The preferred way, as the main button.
    pub primary: Option<LinkItem>,
    /// The other ways, smaller.
    pub others: Vec<LinkItem>,
    /// The crisis line's call and text.
    pub crisis: Vec<LinkItem>,
    /// Quick messages: removing them happens in an edit mode, with undo.
    pub edit_messages_label: String,
    pub done_editing_label: String,
    pub undo_label: String,
    /// "Removed: …", with the undo button.
    pub removed_label: String,
}

fn ways(specialist: &Specialist, words: &Translator<'_>) -> Vec<(ContactWay, LinkItem)> {
    let mut ways = Vec::new();
    if !contact::dialable(&specialist.phone).is_empty() {
        ways.push((
            ContactWay::Call,
            LinkItem {
                label: words.with(
                    "action-call-peer",
                    &[("name", specialist.name.clone().into())],
                ),
                url: contact::call_url(&specialist.phone),
            },
        ));
        ways.push((
            ContactWay::Text,
            LinkItem {
                label: words.with(
                    "action-text-peer",
                    &[("name", specialist.name.clone().into())],
                ),
                url: contact::text_url(&specialist.phone, ""),
            },
        ));
    }
    if !specialist.email.is_empty() {
        ways.push((
            ContactWay::Email,
            LinkItem {
                label: words.with(
                    "action-email-peer",
                    &[("name", specialist.name.clone().into())],
                ),
                url: contact::email_url(&specialist.email, &words.get("app-title"), ""),
            },
        ));
    }
    ways
}

pub fn reach_peer(data: &Data, words: &Translator<'_>) -> ReachPeer {
    let crisis_line = &data.settings.crisis_line;
    let crisis = crisis_links(crisis_line, words);
    let (primary, others) = match data.specialist.as_ref() {
        Some(specialist) => {
            let mut ways = ways(specialist, words);
            let first = ways
                .iter()
                .position(|(way, _)| *way == specialist.preferred)
                .unwrap_or(0);
            if ways.is_empty() {
                (None, Vec::new())
            } else {
                let (_, primary) = ways.remove(first);
                (
                    Some(primary),
                    ways.into_iter().map(|(_, link)| link).collect(),
                )
            }
        }
        None => (None, Vec::new()),
    };
    let missing = data.specialist.is_none();
    ReachPeer {
        add_peer_heading: missing.then(|| words.get("contact-add-peer")),
        add_peer_intro: missing.then(|| words.get("contact-add-peer-intro")),
        primary,
        others,
        crisis,
        edit_messages_label: words.get("action-edit-messages"),
        done_editing_label: words.get("action-done-editing"),
        undo_label: words.get("action-undo"),
        removed_label: words.get("status-removed"),
    }
}
