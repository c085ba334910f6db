//! Share with my specialist, item by item (issue 15): a goal with its
//! steps, the aftercare plan (whole or one section), the safety plan, a
//! check-in summary, the latest BARC-10. Nothing is shared automatically:
//! `Preview` builds the item and keeps it; `Send` seals exactly that item
//! (so what the preview showed is what is sent) through the same outbox as
//! messages; `StopSharing` asks the inbox to remove an item by its key.
//!
//! The items are `relay_protocol::share` envelopes, built in [`items`];
//! the list of what was shared is the messages that carried them
//! ([`shared_list`]), kept in the vault with their delivery status.

use relay_protocol::share::{Body, Envelope, Item};
use serde::{Deserialize, Serialize};

use super::messages::{self, Message, Shared};
use super::problem::Problem;
use super::record::Id;
use super::{Context, Data, Unlocked, Update};

mod items;

/// One section of the aftercare plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum PlanSection {
    Referrals,
    Documents,
    Appointments,
    Meetings,
    SupportContacts,
    WarningSigns,
    ReEngagement,
}

impl PlanSection {
    pub const ALL: [Self; 7] = [
        Self::Referrals,
        Self::Documents,
        Self::Appointments,
        Self::Meetings,
        Self::SupportContacts,
        Self::WarningSigns,
        Self::ReEngagement,
    ];

    /// The contract's code (`support_contacts`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Referrals => "referrals",
            Self::Documents => "documents",
            Self::Appointments => "appointments",
            Self::Meetings => "meetings",
            Self::SupportContacts => "support_contacts",
            Self::WarningSigns => "warning_signs",
            Self::ReEngagement => "re_engagement",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|section| section.code() == code)
    }
}

/// What the participant can share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum ShareItem {
    /// A goal with its steps and progress.
    Goal(Id),
    /// The whole aftercare plan.
    Aftercare,
    /// One section of the aftercare plan (not `Aftercare(Option<_>)`: the
    /// shells' type generation does not reach an enum inside an option).
    AftercareSection(PlanSection),
    SafetyPlan,
    /// Check-ins over the last 7, 30 or 90 days; the notes only if `notes`.
    CheckIns {
        days: u32,
        notes: bool,
    },
    /// The latest BARC-10 score.
    Barc10,
}

/// The periods a check-in summary covers.
pub const SUMMARY_DAYS: [u32; 3] = [7, 30, 90];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum SharingEvent {
    /// Build the item and show what the specialist will see.
    Preview(ShareItem),
    /// Send the item the preview shows, exactly as shown.
    Send,
    /// Close the preview without sending.
    Cancel,
    /// Ask the specialist's inbox to remove the item with this key (from
    /// the "Shared with my specialist" list).
    StopSharing(String),
}

/// Handles a sharing event. Only while paired; the preview is kept in
/// memory until sent or cancelled.
pub fn update(
    event: SharingEvent,
    unlocked: &mut Unlocked,
    cx: &Context<'_>,
) -> Result<Update, Problem> {
    let mut effects = Update::default();
    match event {
        SharingEvent::Preview(item) => {
            paired(&unlocked.data)?;
            unlocked.share_preview = Some(items::envelope(item, &unlocked.data, cx.today)?);
        }
        SharingEvent::Cancel => unlocked.share_preview = None,
        SharingEvent::Send => {
            paired(&unlocked.data)?;
            let envelope = unlocked.share_preview.take().ok_or(Problem::NotNow)?;
            let shared = Shared::Item {
                key: envelope.key.clone(),
            };
            send(envelope, shared, unlocked, cx, &mut effects)?;
        }
        SharingEvent::StopSharing(key) => {
            paired(&unlocked.data)?;
            if !shared_list(&unlocked.data)
                .iter()
                .any(|(_, m)| m.shared_key() == Some(&key))
            {
                return Err(Problem::UnknownItem);
            }
            let envelope = Envelope::new(key.clone(), Item::StopSharing);
            send(envelope, Shared::Stop { key }, unlocked, cx, &mut effects)?;
        }
    }
    Ok(effects)
}

fn paired(data: &Data) -> Result<(), Problem> {
    data.messaging
        .as_ref()
        .map(|_| ())
        .ok_or(Problem::NotPaired)
}

fn send(
    envelope: Envelope,
    shared: Shared,
    unlocked: &mut Unlocked,
    cx: &Context<'_>,
    effects: &mut Update,
) -> Result<(), Problem> {
    messages::queue(
        Body::Item(envelope),
        Some(shared),
        &mut unlocked.data,
        &mut unlocked.relay,
        cx.now_ms,
        effects,
    )
}

/// What is shared with the specialist now: for each key, the latest item
/// sent, unless the participant asked to stop sharing it since; newest
/// first.
pub fn shared_list(data: &Data) -> Vec<(Id, &Message)> {
    let mut latest: std::collections::BTreeMap<&str, (Id, &Message)> =
        std::collections::BTreeMap::new();
    for (id, message) in &data.messages {
        if !message.mine {
            continue;
        }
        let Some(key) = message.shared_key() else {
            continue;
        };
        let newer = latest
            .get(key)
            .is_none_or(|(seen_id, seen)| (message.at_ms, *id) > (seen.at_ms, *seen_id));
        if newer {
            latest.insert(key, (*id, message));
        }
    }
    let mut list: Vec<(Id, &Message)> = latest
        .into_values()
        .filter(|(_, message)| matches!(message.shared, Some(Shared::Item { .. })))
        .collect();
    list.sort_by_key(|(id, message)| std::cmp::Reverse((message.at_ms, *id)));
    list
}

/// The envelope a shared letter carried (its text is the JSON as sealed).
pub fn envelope_of(message: &Message) -> Option<Envelope> {
    match Envelope::read(message.text.as_bytes()) {
        Body::Item(envelope) => Some(envelope),
        _ => None,
    }
}
