//! The settings: the values this feature keeps, each one vault record (see
//! [`crate::model::record`]). They name no other part of the model but
//! other features' records, so `Data` can hold them without a cycle.

use serde::{Deserialize, Serialize};

use crate::i18n::Language;
use crate::model::record::record;

/// Preferences, kept encrypted like everything else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct Settings {
    /// `None` follows the device.
    pub language: Option<Language>,
    pub auto_lock_minutes: u32,
    /// Neutral app title and notifications without content.
    pub discreet: bool,
    /// The crisis line to call or text (988 in the US).
    pub crisis_line: String,
    /// Daily check-in reminder, local time.
    pub check_in_reminder: Option<chrono::NaiveTime>,
    /// Starter coping ideas the participant chose not to keep.
    pub dismissed_suggestions: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: None,
            auto_lock_minutes: 5,
            discreet: false,
            crisis_line: "988".into(),
            check_in_reminder: None,
            dismissed_suggestions: Vec::new(),
        }
    }
}

record! {
    Settings => Settings,
}
