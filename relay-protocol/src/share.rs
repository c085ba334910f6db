//! Items a participant shares with their specialist, one by one: typed and
//! versioned, carried as a letter's body (frame format 2, JSON) inside the
//! same sealed channel as messages. The wire contract is
//! `share-contract` (issue 15): an [`Envelope`] `{v, key, item}`.
//!
//! Participant content (titles, notes) travels as written; labels
//! (sections, statuses, steps, trends) are codes each end renders in its
//! own language. A receiver that does not know the version or the kind
//! gets [`Body::Unsupported`], never an error that loses the letter.

use serde::{Deserialize, Serialize};

/// The item format this version writes and reads.
pub const ITEM_VERSION: u32 = 1;

/// What a letter carries.
#[derive(Clone, PartialEq)]
pub enum Body {
    /// A message as written (frame format 1).
    Text(String),
    /// A shared item (frame format 2).
    Item(Envelope),
    /// A structured item of a version or kind this end does not know: shown
    /// as "This item needs a newer Phoenix".
    Unsupported,
}

impl std::fmt::Debug for Body {
    /// Participant content: only what kind of body it is.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Text(text) => write!(f, "Text({} bytes)", text.len()),
            Self::Item(envelope) => write!(f, "Item({})", envelope.item.kind()),
            Self::Unsupported => f.write_str("Unsupported"),
        }
    }
}

/// One shared item with its stable key: the receiver keeps only the latest
/// version per key.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub v: u32,
    /// `goal:<id>`, `aftercare`, `aftercare:<section>`, `safety_plan`,
    /// `check_ins`, `barc10`.
    pub key: String,
    pub item: Item,
}

impl std::fmt::Debug for Envelope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Envelope")
            .field("v", &self.v)
            .field("kind", &self.item.kind())
            .finish_non_exhaustive()
    }
}

impl Envelope {
    /// An item of this version.
    pub fn new(key: impl Into<String>, item: Item) -> Self {
        Self {
            v: ITEM_VERSION,
            key: key.into(),
            item,
        }
    }

    /// The JSON a letter carries.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a letter's JSON: an item of this version, or
    /// [`Body::Unsupported`] for anything else (a later version, an unknown
    /// kind, or bytes that are not an envelope at all).
    pub fn read(json: &[u8]) -> Body {
        #[derive(Deserialize)]
        struct Version {
            v: u32,
        }
        match serde_json::from_slice::<Version>(json) {
            Ok(Version { v: ITEM_VERSION }) => {
                serde_json::from_slice(json).map_or(Body::Unsupported, Body::Item)
            }
            _ => Body::Unsupported,
        }
    }
}

/// The item's content, by kind.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Item {
    Goal(Goal),
    Aftercare(Aftercare),
    SafetyPlan(SafetyPlan),
    CheckInSummary(CheckInSummary),
    Barc10(Barc10),
    /// Asks the receiver to remove the item with this envelope's key.
    StopSharing,
}

impl Item {
    /// The kind's wire name (no content).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Goal(_) => "goal",
            Self::Aftercare(_) => "aftercare",
            Self::SafetyPlan(_) => "safety_plan",
            Self::CheckInSummary(_) => "check_in_summary",
            Self::Barc10(_) => "barc10",
            Self::StopSharing => "stop_sharing",
        }
    }
}

/// A goal with its steps and progress.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub title: String,
    pub why: String,
    /// `active`, `paused`, `completed`, `archived`.
    pub status: String,
    /// `YYYY-MM-DD`.
    pub target: Option<String>,
    pub steps: Vec<GoalStep>,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalStep {
    pub title: String,
    pub done: bool,
}

/// The aftercare plan, whole or one section.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aftercare {
    pub sections: Vec<AftercareSection>,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AftercareSection {
    /// `referrals`, `documents`, `appointments`, `meetings`,
    /// `support_contacts`, `warning_signs`, `re_engagement`.
    pub section: String,
    pub entries: Vec<AftercareEntry>,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AftercareEntry {
    pub title: String,
    /// Empty when there is nothing more to say.
    pub detail: String,
    /// A status code (`to_contact`, `enrolled`, `needed`...), if the
    /// section has statuses.
    pub status: Option<String>,
}

/// The safety plan's steps, in order.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyPlan {
    pub steps: Vec<SafetyStep>,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyStep {
    /// `warning_signs`, `internal_coping`, `distractions`, `people_to_ask`,
    /// `professionals`, `safe_environment`, `reasons_for_living`.
    pub step: String,
    /// People as "Name · phone".
    pub entries: Vec<String>,
}

/// Where a scale went over the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Up,
    Down,
    Steady,
}

/// Check-ins over the last 7, 30 or 90 days.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckInSummary {
    pub days: u32,
    /// `YYYY-MM-DD`, both included.
    pub from: String,
    pub to: String,
    pub check_ins: u32,
    pub mood_average: Option<f64>,
    pub craving_average: Option<f64>,
    pub mood_scale_max: u8,
    pub craving_scale_max: u8,
    pub mood_trend: Option<Trend>,
    pub craving_trend: Option<Trend>,
    /// Days the participant said they used; `None` if they never answered.
    pub days_used: Option<u32>,
    pub halt: HaltCounts,
    pub daily: Vec<Day>,
    /// Only when the participant ticked them; otherwise empty.
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HaltCounts {
    pub hungry: u32,
    pub angry: u32,
    pub lonely: u32,
    pub tired: u32,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Day {
    pub date: String,
    pub mood: Option<u8>,
    pub craving: Option<u8>,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub date: String,
    pub text: String,
}

/// The latest BARC-10 score.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Barc10 {
    pub score: u32,
    pub max: u32,
    /// `YYYY-MM-DD`.
    pub taken_on: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal() -> Envelope {
        Envelope::new(
            "goal:7",
            Item::Goal(Goal {
                title: "Walk every day".into(),
                why: "To sleep better".into(),
                status: "active".into(),
                target: Some("2026-12-31".into()),
                steps: vec![GoalStep {
                    title: "Buy shoes".into(),
                    done: true,
                }],
            }),
        )
    }

    #[test]
    fn a_goal_travels_as_the_contract_writes_it() {
        let json: serde_json::Value = serde_json::from_str(&goal().to_json()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"v": 1, "key": "goal:7", "item": {
                "kind": "goal", "title": "Walk every day", "why": "To sleep better",
                "status": "active", "target": "2026-12-31",
                "steps": [{"title": "Buy shoes", "done": true}]}})
        );
        assert_eq!(
            Envelope::read(goal().to_json().as_bytes()),
            Body::Item(goal())
        );
    }

    #[test]
    fn every_kind_reads_back_as_written() {
        let items = [
            Item::Aftercare(Aftercare {
                sections: vec![AftercareSection {
                    section: "referrals".into(),
                    entries: vec![AftercareEntry {
                        title: "Hope Clinic".into(),
                        detail: "Counseling".into(),
                        status: Some("enrolled".into()),
                    }],
                }],
            }),
            Item::SafetyPlan(SafetyPlan {
                steps: vec![SafetyStep {
                    step: "people_to_ask".into(),
                    entries: vec!["Ana · 555 0100".into()],
                }],
            }),
            Item::CheckInSummary(CheckInSummary {
                days: 7,
                from: "2026-03-01".into(),
                to: "2026-03-07".into(),
                check_ins: 2,
                mood_average: Some(3.5),
                craving_average: None,
                mood_scale_max: 5,
                craving_scale_max: 10,
                mood_trend: Some(Trend::Up),
                craving_trend: None,
                days_used: None,
                halt: HaltCounts {
                    lonely: 1,
                    ..HaltCounts::default()
                },
                daily: vec![Day {
                    date: "2026-03-01".into(),
                    mood: Some(3),
                    craving: None,
                }],
                notes: vec![],
            }),
            Item::Barc10(Barc10 {
                score: 45,
                max: 60,
                taken_on: "2026-03-02".into(),
            }),
            Item::StopSharing,
        ];
        for item in items {
            let envelope = Envelope::new("key", item);
            assert_eq!(
                Envelope::read(envelope.to_json().as_bytes()),
                Body::Item(envelope)
            );
        }
        let stop = Envelope::new("barc10", Item::StopSharing).to_json();
        assert_eq!(
            stop,
            r#"{"v":1,"key":"barc10","item":{"kind":"stop_sharing"}}"#
        );
    }

    #[test]
    fn a_later_version_or_kind_is_unsupported_not_lost() {
        for json in [
            r#"{"v":2,"key":"goal:1","item":{"kind":"goal"}}"#,
            r#"{"v":1,"key":"x","item":{"kind":"mood_board","tiles":[]}}"#,
            r#"{"v":1,"key":"goal:1","item":{"kind":"goal"}}"#,
            "not json",
            "",
        ] {
            assert_eq!(Envelope::read(json.as_bytes()), Body::Unsupported, "{json}");
        }
        // A later version of a known kind may add fields: they are ignored.
        let mut json: serde_json::Value = serde_json::from_str(&goal().to_json()).unwrap();
        json["item"]["colour"] = "green".into();
        assert_eq!(
            Envelope::read(json.to_string().as_bytes()),
            Body::Item(goal())
        );
    }

    #[test]
    fn debug_output_names_the_kind_never_the_content() {
        let shown = format!(
            "{:?} {:?}",
            Body::Item(goal()),
            Body::Text("I made it".into())
        );
        assert!(
            !shown.contains("Walk") && !shown.contains("made"),
            "{shown}"
        );
        assert!(shown.contains("goal"), "{shown}");
    }
}
