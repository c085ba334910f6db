//! The "I'm triggered" flow's people and ideas: who to reach in one tap
//! when the craving stays high, and what to try when the toolbox is empty.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::i18n::Translator;
use crate::model::Data;
use crate::model::contact::{self, ContactWay};
use crate::model::triggers::{Flow, FlowStep, STARTER_STRATEGIES};

/// A link the phone opens (`tel:`, `sms:`), with what it says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct LinkItem {
    pub label: String,
    pub url: String,
}

/// Call and text the crisis line: the same two links wherever help is
/// offered. For the 988 Lifeline the labels say how to reach it in the
/// participant's language (in Spanish: press 2; text "AYUDA", filled in).
pub fn crisis_links(crisis_line: &str, words: &Translator<'_>) -> Vec<LinkItem> {
    let number = || [("number", crisis_line.into())];
    let (call, text) = if contact::is_lifeline(crisis_line) {
        ("action-call-lifeline", "action-text-lifeline")
    } else {
        ("action-call-crisis-number", "action-text-crisis-number")
    };
    vec![
        LinkItem {
            label: words.with(call, &number()),
            url: contact::call_url(crisis_line),
        },
        LinkItem {
            label: words.with(text, &number()),
            url: contact::crisis_text_url(crisis_line, words),
        },
    ]
}

/// What to do if someone may have overdosed: shown beside "Record a lapse"
/// and in the safety plan, with the emergency number (a setting, 911 by
/// default, chosen the way the crisis line is).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct OverdoseHelp {
    /// "If someone may have overdosed, call 911 and use naloxone."
    pub message: String,
    pub call: LinkItem,
}

pub fn overdose_help(emergency_number: &str, words: &Translator<'_>) -> OverdoseHelp {
    let number = [("number", emergency_number.into())];
    OverdoseHelp {
        message: words.with("overdose-help", &number),
        call: LinkItem {
            label: words.with("action-call-emergency", &number),
            url: contact::call_url(emergency_number),
        },
    }
}

/// What the still-high panel says: when the peer specialist may not answer
/// (none saved, or outside their hours), it names the crisis line.
pub fn still_high_message(data: &Data, local_now: NaiveDateTime, words: &Translator<'_>) -> String {
    let specialist_available = data
        .specialist
        .as_ref()
        .is_some_and(|s| contact::within_hours(s, local_now));
    if specialist_available {
        words.get("triggered-reach-out")
    } else {
        words.with(
            "triggered-unsafe",
            &[("number", data.settings.crisis_line.as_str().into())],
        )
    }
}

/// People, not tips: the peer specialist's call and text (when there is a
/// number), the crisis line's, and the way to Contact my peer and the
/// safety plan (both close the flow and open the screen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct ReachOut {
    pub message: String,
    /// The peer's preferred way first.
    pub peer: Vec<LinkItem>,
    pub crisis: Vec<LinkItem>,
    pub contact_peer_label: String,
    pub safety_plan_label: String,
}

/// What the flow adds to its screen besides the steps.
pub struct FlowExtras {
    pub reach_out: Option<ReachOut>,
    pub try_another_label: Option<String>,
    pub ideas: Vec<String>,
    pub ideas_heading: Option<String>,
    pub prompt_key: &'static str,
    pub rating_start: u8,
}

/// What the coping step offers from the participant's own toolbox.
#[derive(Debug, Clone, Copy)]
pub struct Offered {
    /// Strategies offered for this trigger.
    pub strategies: usize,
    /// Of those, the ones that lowered the craving before.
    pub helped: usize,
}

/// The prompt, the reach-out panel and the built-in ideas for the flow's
/// current step. "These have helped you before" only when some did.
pub fn extras(flow: &Flow, data: &Data, offered: Offered, words: &Translator<'_>) -> FlowExtras {
    let empty_toolbox = offered.strategies == 0;
    let helped_any = offered.helped > 0;
    let (prompt_key, reach_out) = match flow.step {
        FlowStep::ChooseTrigger => ("triggered-choose", false),
        FlowStep::RateBefore => ("triggered-rate-before", false),
        FlowStep::Cope if empty_toolbox => ("triggered-cope-ideas", true),
        FlowStep::Cope if helped_any => ("triggered-cope", false),
        FlowStep::Cope => ("triggered-cope-untried", false),
        FlowStep::Done { still_high: true } => ("triggered-still-high", true),
        FlowStep::Done { .. } if flow.lowered() => ("triggered-done", false),
        FlowStep::Done { .. } => ("triggered-done-steady", false),
    };
    let still_high = matches!(flow.step, FlowStep::Done { still_high: true });
    let ideas = if matches!(flow.step, FlowStep::Cope) && empty_toolbox {
        STARTER_STRATEGIES
            .iter()
            .map(|key| words.get(key))
            .collect()
    } else {
        Vec::new()
    };
    FlowExtras {
        reach_out: reach_out.then(|| reach_out_panel(data, words)),
        try_another_label: still_high.then(|| words.get("action-try-another")),
        ideas_heading: (!ideas.is_empty()).then(|| words.get("triggered-ideas")),
        ideas,
        prompt_key,
        rating_start: flow.rating_start(),
    }
}

/// The crisis line and the peer specialist, ready to open.
pub fn reach_out_panel(data: &Data, words: &Translator<'_>) -> ReachOut {
    let crisis_line = &data.settings.crisis_line;
    let mut peer = Vec::new();
    if let Some(specialist) = data
        .specialist
        .as_ref()
        .filter(|s| !contact::dialable(&s.phone).is_empty())
    {
        let name = [("name", specialist.name.clone().into())];
        let call = LinkItem {
            label: words.with("action-call-peer", &name),
            url: contact::call_url(&specialist.phone),
        };
        let text = LinkItem {
            label: words.with("action-text-peer", &name),
            url: contact::text_url(&specialist.phone, &words.get("template-call-me")),
        };
        if specialist.preferred == ContactWay::Text {
            peer.extend([text, call]);
        } else {
            peer.extend([call, text]);
        }
    }
    ReachOut {
        message: words.get("triggered-reach-out"),
        peer,
        crisis: crisis_links(crisis_line, words),
        contact_peer_label: words.get("action-contact-peer"),
        safety_plan_label: words.get("action-safety-plan"),
    }
}
