//! Settings: language, auto-lock, discreet mode, the crisis line,
//! reminders, biometrics, backups.

use serde::{Deserialize, Serialize};

use super::choices::LanguageChoice;
use crate::i18n::Translator;
use crate::model::Unlocked;

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
    pub crisis_line_label: String,
    pub crisis_line: String,
    pub biometrics_label: String,
    pub biometrics_enabled: bool,
    pub check_in_reminder_label: String,
    /// `HH:MM`, or `None`.
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
        crisis_line_label: words.get("field-crisis-line"),
        crisis_line: settings.crisis_line.clone(),
        biometrics_label: words.get("action-enable-biometrics"),
        biometrics_enabled: unlocked.has_platform_key,
        check_in_reminder_label: words.get("field-check-in-reminder"),
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
