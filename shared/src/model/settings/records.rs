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
    /// Screenshots and the app switcher's thumbnail may show Phoenix's
    /// screens (Android's `FLAG_SECURE` off). Off by default; added in the
    /// second version of this record, so earlier records read as off.
    pub allow_screenshots: bool,
}

/// The settings record's first version (before `allow_screenshots`).
#[derive(Deserialize)]
struct SettingsV1 {
    language: Option<Language>,
    auto_lock_minutes: u32,
    discreet: bool,
    crisis_line: String,
    check_in_reminder: Option<chrono::NaiveTime>,
    dismissed_suggestions: Vec<String>,
}

impl Settings {
    /// Reads a settings record of any version. A current body has one more
    /// field than a first-version body, so reading a first-version body as
    /// current runs out of bytes and it is read as the first version.
    pub fn decode(body: &[u8]) -> Option<Self> {
        crate::model::record::decode::<Self>(body).or_else(|| {
            crate::model::record::decode::<SettingsV1>(body).map(|v1| Self {
                language: v1.language,
                auto_lock_minutes: v1.auto_lock_minutes,
                discreet: v1.discreet,
                crisis_line: v1.crisis_line,
                check_in_reminder: v1.check_in_reminder,
                dismissed_suggestions: v1.dismissed_suggestions,
                allow_screenshots: false,
            })
        })
    }
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
            allow_screenshots: false,
        }
    }
}

record! {
    Settings => Settings,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first version's fields, in its order, as it was written.
    #[derive(Serialize)]
    struct WrittenV1 {
        language: Option<Language>,
        auto_lock_minutes: u32,
        discreet: bool,
        crisis_line: String,
        check_in_reminder: Option<chrono::NaiveTime>,
        dismissed_suggestions: Vec<String>,
    }

    #[test]
    fn settings_saved_before_the_screenshot_choice_read_as_screenshots_off() {
        let old = bincode::serialize(&WrittenV1 {
            language: Some(Language::Spanish),
            auto_lock_minutes: 10,
            discreet: true,
            crisis_line: "741741".into(),
            check_in_reminder: chrono::NaiveTime::from_hms_opt(20, 30, 0),
            dismissed_suggestions: vec!["starter-meeting".into()],
        })
        .expect("plain data serializes");
        let settings = Settings::decode(&old).expect("the first version reads");
        assert!(!settings.allow_screenshots);
        assert_eq!(settings.language, Some(Language::Spanish));
        assert_eq!(settings.crisis_line, "741741");
        assert_eq!(settings.dismissed_suggestions, ["starter-meeting"]);

        let current = Settings {
            allow_screenshots: true,
            ..settings
        };
        let body = bincode::serialize(&current).expect("plain data serializes");
        assert_eq!(Settings::decode(&body), Some(current));
    }
}
