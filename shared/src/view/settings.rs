//! Settings: language, auto-lock, discreet mode, the crisis line, what the
//! recovery is about, the emergency number,
//! reminders, biometrics, backups.

use serde::{Deserialize, Serialize};

use super::choices::{LanguageChoice, RecoveryFocusChoice, choices};
use crate::i18n::Translator;
use crate::model::Unlocked;
use crate::model::settings::RecoveryFocus;

const FOCUSES: [RecoveryFocus; 3] = [
    RecoveryFocus::SubstanceUse,
    RecoveryFocus::MentalHealth,
    RecoveryFocus::Both,
];

fn focus_key(focus: RecoveryFocus) -> &'static str {
    match focus {
        RecoveryFocus::SubstanceUse => "focus-substance-use",
        RecoveryFocus::MentalHealth => "focus-mental-health",
        RecoveryFocus::Both => "focus-both",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct SettingsView {
    pub heading: String,
    pub language_label: String,
    pub languages: Vec<LanguageChoice>,
    /// The participant's choice; `None` follows the device.
    pub language: Option<crate::i18n::Language>,
    pub auto_lock_label: String,
    pub auto_lock_minutes: u32,
    pub discreet_label: String,
    pub discreet: bool,
    pub background_check_label: String,
    /// Checking for messages while the app is closed: `None` (not shown)
    /// until the participant pairs.
    pub background_check: Option<bool>,
    pub allow_screenshots_label: String,
    /// What the choice does (off: screens hidden from screenshots and the
    /// app switcher).
    pub allow_screenshots_note: String,
    pub allow_screenshots: bool,
    pub crisis_line_label: String,
    pub crisis_line: String,
    /// "What is your recovery about?": substance use, mental health, both.
    pub recovery_focus_label: String,
    pub recovery_focuses: Vec<RecoveryFocusChoice>,
    pub recovery_focus: RecoveryFocus,
    /// The number to call for an overdose (911 by default).
    pub emergency_number_label: String,
    pub emergency_number: String,
    pub biometrics_label: String,
    pub biometrics_enabled: bool,
    /// Shells show the device's own time picker (12- or 24-hour as the
    /// device is set), so the label names no format.
    pub check_in_reminder_label: String,
    /// `HH:MM` (24-hour, as time pickers give it), or `None`.
    pub check_in_reminder: Option<String>,
    pub export_backup_label: String,
    pub import_backup_label: String,
    pub backup_passphrase_label: String,
    /// Seals the backup with a generated recovery key instead.
    pub recovery_key_label: String,
    /// The key the last backup was sealed with, to write down; `None`
    /// otherwise.
    pub recovery_key: Option<String>,
    /// What the recovery key is for, shown with it.
    pub recovery_key_hint: String,
    pub change_passcode_label: String,
    pub lock_now_label: String,
    pub erase_label: String,
    pub erase_warning: String,
}

pub(super) fn settings_view(unlocked: &Unlocked, words: &Translator<'_>) -> SettingsView {
    let settings = &unlocked.data.settings;
    SettingsView {
        heading: words.get("settings-heading"),
        language_label: words.get("field-language"),
        language: settings.language,
        languages: vec![
            LanguageChoice {
                value: None,
                label: words.get("language-device"),
            },
            LanguageChoice {
                value: Some(crate::i18n::Language::English),
                label: "English".into(),
            },
            LanguageChoice {
                value: Some(crate::i18n::Language::Spanish),
                label: "Español".into(),
            },
        ],
        auto_lock_label: words.get("field-auto-lock"),
        auto_lock_minutes: settings.auto_lock_minutes,
        discreet_label: words.get("field-discreet"),
        discreet: settings.discreet,
        background_check_label: words.get("field-background-check"),
        background_check: unlocked
            .data
            .messaging
            .as_ref()
            .map(|messaging| messaging.waiting_key.is_some()),
        allow_screenshots_label: words.get("field-allow-screenshots"),
        allow_screenshots_note: words.get("settings-screenshots-note"),
        allow_screenshots: settings.allow_screenshots,
        crisis_line_label: words.get("field-crisis-line"),
        crisis_line: settings.crisis_line.clone(),
        recovery_focus_label: words.get("field-recovery-focus"),
        recovery_focuses: choices(&FOCUSES, focus_key, words),
        recovery_focus: settings.recovery_focus,
        emergency_number_label: words.get("field-emergency-number"),
        emergency_number: settings.emergency_number.clone(),
        biometrics_label: words.get("action-enable-biometrics"),
        biometrics_enabled: unlocked.has_platform_key,
        check_in_reminder_label: words.get("field-check-in-reminder-time"),
        check_in_reminder: settings
            .check_in_reminder
            .map(|t| t.format("%H:%M").to_string()),
        export_backup_label: words.get("action-export-backup"),
        import_backup_label: words.get("action-import-backup"),
        backup_passphrase_label: words.get("field-backup-passphrase"),
        recovery_key_label: words.get("action-export-backup-recovery-key"),
        recovery_key: unlocked
            .recovery_key
            .as_ref()
            .map(|key| key.as_str().to_owned()),
        recovery_key_hint: words.get("recovery-key-hint"),
        change_passcode_label: words.get("action-change-passcode"),
        lock_now_label: words.get("action-lock-now"),
        erase_label: words.get("action-erase"),
        erase_warning: words.get("erase-warning"),
    }
}
