//! The settings: the values this feature keeps, each one vault record (see
//! [`crate::model::record`]). They name no other part of the model but
//! other features' records, so `Data` can hold them without a cycle.

use serde::{Deserialize, Serialize};

use crate::i18n::Language;
use crate::model::record::{Record, decode};
use crate::vault::RecordKind;

/// What the participant's recovery is about: it words the I'm triggered
/// flow, the check-in and the message templates ("craving" for substance
/// use, "urge or feeling" for mental health).
///
/// Records from before the choice existed are about substance use.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, facet::Facet,
)]
#[repr(C)]
pub enum RecoveryFocus {
    #[default]
    SubstanceUse,
    MentalHealth,
    Both,
}

impl RecoveryFocus {
    /// The value the Fluent messages select on (`{ $focus -> ... }`).
    pub fn code(self) -> &'static str {
        match self {
            Self::SubstanceUse => "substance",
            Self::MentalHealth => "mental",
            Self::Both => "both",
        }
    }
}

/// Preferences, kept encrypted like everything else.
///
/// Version 2 of the settings record: version 1 (before the recovery focus
/// and the emergency number) is read by `Record::from_body` as
/// substance use with 911.
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
    /// What the recovery is about (version 2).
    pub recovery_focus: RecoveryFocus,
    /// The emergency number for an overdose (911 in the US; version 2).
    pub emergency_number: String,
    /// Screenshots and the app switcher's thumbnail may show Phoenix's
    /// screens (Android's `FLAG_SECURE` off). Off by default and in
    /// version 1 records (version 2).
    pub allow_screenshots: bool,
}

/// The settings record as version 1 wrote it.
#[derive(Deserialize)]
struct SettingsV1 {
    language: Option<Language>,
    auto_lock_minutes: u32,
    discreet: bool,
    crisis_line: String,
    check_in_reminder: Option<chrono::NaiveTime>,
    dismissed_suggestions: Vec<String>,
}

/// The US emergency number, the default like 988 for the crisis line.
pub const DEFAULT_EMERGENCY_NUMBER: &str = "911";

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: None,
            auto_lock_minutes: 5,
            discreet: false,
            crisis_line: "988".into(),
            check_in_reminder: None,
            dismissed_suggestions: Vec::new(),
            recovery_focus: RecoveryFocus::SubstanceUse,
            emergency_number: DEFAULT_EMERGENCY_NUMBER.into(),
            allow_screenshots: false,
        }
    }
}

impl Record for Settings {
    const KIND: RecordKind = RecordKind::Settings;

    /// Reads either version of the settings record. Version 1's body ends
    /// where version 2's new fields begin, so it fails to decode as version
    /// 2 and is read as version 1.
    fn from_body(body: &[u8]) -> Option<Self> {
        decode::<Self>(body).or_else(|| {
            decode::<SettingsV1>(body).map(|v1| Self {
                language: v1.language,
                auto_lock_minutes: v1.auto_lock_minutes,
                discreet: v1.discreet,
                crisis_line: v1.crisis_line,
                check_in_reminder: v1.check_in_reminder,
                dismissed_suggestions: v1.dismissed_suggestions,
                ..Self::default()
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_1_settings_record_reads_as_substance_use_with_911() {
        let old = Settings {
            discreet: true,
            crisis_line: "741741".into(),
            ..Settings::default()
        };
        let v1 = bincode::serialize(&(
            old.language,
            old.auto_lock_minutes,
            old.discreet,
            &old.crisis_line,
            old.check_in_reminder,
            &old.dismissed_suggestions,
        ))
        .expect("serializes");
        let read = Settings::from_body(&v1).expect("version 1 decodes");
        assert!(read.discreet);
        assert_eq!(read.crisis_line, "741741");
        assert_eq!(read.recovery_focus, RecoveryFocus::SubstanceUse);
        assert_eq!(read.emergency_number, "911");
        let mental = Settings {
            recovery_focus: RecoveryFocus::MentalHealth,
            ..Settings::default()
        };
        let body = bincode::serialize(&mental).expect("serializes");
        assert_eq!(Settings::from_body(&body), Some(mental));
    }

    #[test]
    fn settings_saved_before_the_screenshot_choice_read_as_screenshots_off() {
        let old = bincode::serialize(&(
            Some(Language::Spanish),
            10_u32,
            true,
            "741741",
            chrono::NaiveTime::from_hms_opt(20, 30, 0),
            vec!["starter-meeting".to_owned()],
        ))
        .expect("plain data serializes");
        let settings = Settings::from_body(&old).expect("the first version reads");
        assert!(!settings.allow_screenshots);
        assert_eq!(settings.language, Some(Language::Spanish));
        assert_eq!(settings.crisis_line, "741741");
        assert_eq!(settings.dismissed_suggestions, ["starter-meeting"]);

        let current = Settings {
            allow_screenshots: true,
            ..settings
        };
        let body = bincode::serialize(&current).expect("plain data serializes");
        assert_eq!(Settings::from_body(&body), Some(current));
    }
}
