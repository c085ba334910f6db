//! Preferences: language, auto-lock, discreet mode, the crisis line, the
//! check-in reminder. Kept encrypted like everything else.

use serde::{Deserialize, Serialize};

use super::problem::Problem;
use super::record::{PROFILE_ID, Record};
use super::{Context, Unlocked, Update};
use crate::i18n::Language;

pub mod records;

pub use records::*;

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum SettingsEvent {
    /// `None` follows the device.
    SetLanguage(Option<Language>),
    SetAutoLockMinutes(u32),
    SetDiscreet(bool),
    SetCrisisLine(String),
    /// What the recovery is about: words the flow, check-in and templates.
    SetRecoveryFocus(RecoveryFocus),
    /// The emergency number offered for an overdose (911 in the US).
    SetEmergencyNumber(String),
    /// Daily check-in reminder, `HH:MM`, or `None` for no reminder.
    SetCheckInReminder(Option<String>),
    EnableBiometrics,
    /// Forgets the platform key: the vault stops accepting it and the shell
    /// deletes it from its keystore.
    DisableBiometrics,
    ExportBackup {
        passphrase: String,
    },
    /// Replaces everything with a backup's contents, once it is verified.
    ImportBackup {
        file: Vec<u8>,
        passphrase: String,
    },
    SetEraseAfterFailures(Option<u32>),
    ChangePasscode {
        current: String,
        // Not `new`: a reserved word in the generated TypeScript.
        replacement: String,
        confirmation: String,
    },
    /// A backup sealed by a recovery key the core generates and shows,
    /// instead of a passphrase the participant chooses.
    ExportBackupWithRecoveryKey,
    /// Let screenshots and the app switcher show Phoenix's screens.
    SetAllowScreenshots(bool),
    /// Check the relay for messages while the app is closed (only while
    /// paired; on from pairing).
    SetBackgroundCheck(bool),
}

impl SettingsEvent {
    /// The passcode, the platform key, backups and the erase limit belong to
    /// the vault: the lock lifecycle handles them, not [`update`].
    pub fn concerns_the_vault(&self) -> bool {
        !matches!(
            self,
            Self::SetLanguage(_)
                | Self::SetAutoLockMinutes(_)
                | Self::SetDiscreet(_)
                | Self::SetCrisisLine(_)
                | Self::SetCheckInReminder(_)
                | Self::SetRecoveryFocus(_)
                | Self::SetEmergencyNumber(_)
                | Self::SetAllowScreenshots(_)
                | Self::SetBackgroundCheck(_)
        )
    }
}

/// The preferences kept in the settings record.
pub fn update(
    event: SettingsEvent,
    unlocked: &mut Unlocked,
    cx: &Context<'_>,
) -> Result<Update, Problem> {
    if let SettingsEvent::SetBackgroundCheck(on) = event {
        return super::messages::background::set(on, &mut unlocked.data, cx.now_ms);
    }
    let settings = &mut unlocked.data.settings;
    match event {
        SettingsEvent::SetLanguage(language) => settings.language = language,
        SettingsEvent::SetAutoLockMinutes(minutes) => {
            if !(1..=60).contains(&minutes) {
                return Err(Problem::OutOfRange);
            }
            settings.auto_lock_minutes = minutes;
        }
        SettingsEvent::SetDiscreet(discreet) => settings.discreet = discreet,
        SettingsEvent::SetAllowScreenshots(allow) => settings.allow_screenshots = allow,
        SettingsEvent::SetCrisisLine(number) => settings.crisis_line = phone_number(&number)?,
        SettingsEvent::SetEmergencyNumber(number) => {
            settings.emergency_number = phone_number(&number)?;
        }
        SettingsEvent::SetRecoveryFocus(focus) => settings.recovery_focus = focus,
        SettingsEvent::SetCheckInReminder(time) => {
            settings.check_in_reminder = match time.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(text) => Some(
                    chrono::NaiveTime::parse_from_str(text, "%H:%M")
                        .map_err(|_| Problem::OutOfRange)?,
                ),
            };
        }
        // See `concerns_the_vault`: the app hands these to the lifecycle.
        _ => return Err(Problem::NotNow),
    }
    Ok(Update::saved(vec![settings.put(PROFILE_ID)]))
}

/// A number to dial: digits and `+-() `, not empty.
fn phone_number(number: &str) -> Result<String, Problem> {
    let number = number.trim();
    if number.is_empty()
        || !number
            .chars()
            .all(|c| c.is_ascii_digit() || "+-() ".contains(c))
    {
        return Err(Problem::OutOfRange);
    }
    Ok(number.to_owned())
}
