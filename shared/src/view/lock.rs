//! The first-run and lock screens.

use serde::{Deserialize, Serialize};

use crate::i18n::Translator;
use crate::model::lock::MIN_PASSCODE_CHARS;
use crate::vault::ThrottleStatus;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct FirstRunView {
    pub heading: String,
    pub intro: String,
    pub passcode_label: String,
    pub confirmation_label: String,
    pub submit_label: String,
    /// The shortest passcode allowed, shown before the first attempt.
    pub passcode_rule: String,
    /// A forgotten passcode cannot be recovered; an encrypted backup helps.
    pub no_recovery_warning: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct LockView {
    pub heading: String,
    pub passcode_label: String,
    pub unlock_label: String,
    pub biometrics_label: String,
    /// "Try again in N seconds", while attempts are throttled.
    pub throttle_message: Option<String>,
    pub erase_label: String,
}

pub fn first_run_view(words: &Translator<'_>) -> FirstRunView {
    FirstRunView {
        heading: words.get("first-run-heading"),
        intro: words.get("first-run-intro"),
        passcode_label: words.get("field-passcode"),
        confirmation_label: words.get("field-passcode-again"),
        submit_label: words.get("action-save"),
        passcode_rule: words.with(
            "first-run-passcode-rule",
            &[(
                "count",
                i64::try_from(MIN_PASSCODE_CHARS).unwrap_or(i64::MAX).into(),
            )],
        ),
        no_recovery_warning: words.get("first-run-no-recovery"),
    }
}

pub fn lock_view(throttle: &ThrottleStatus, words: &Translator<'_>) -> LockView {
    LockView {
        heading: words.get("lock-heading"),
        passcode_label: words.get("field-passcode"),
        unlock_label: words.get("action-unlock"),
        biometrics_label: words.get("action-unlock-biometrics"),
        throttle_message: (throttle.retry_after_secs > 0).then(|| {
            let seconds = i64::try_from(throttle.retry_after_secs).unwrap_or(i64::MAX);
            words.with("problem-throttled", &[("seconds", seconds.into())])
        }),
        erase_label: words.get("action-erase"),
    }
}
