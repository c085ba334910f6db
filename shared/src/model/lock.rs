//! The lock's rules: passcodes long enough and confirmed, auto-lock after
//! idle minutes, the erase-after-failures limit. The lifecycle itself
//! (first run, unlock, lock, erase) runs in `app/lifecycle.rs`, because it
//! is a conversation with the vault.

use super::problem::Problem;
use super::{Model, State};

/// The shortest passcode or backup passphrase, in characters, spaces around
/// it not counted.
pub const MIN_PASSCODE_CHARS: usize = 6;

/// Whether a passcode (or a backup's passphrase) is long enough and not one
/// of the choices tried first (zxcvbn's lowest score: "123456", "password",
/// "qwerty", a repeated key, the app's own name).
pub fn long_enough(passcode: &str) -> Result<(), Problem> {
    let trimmed = passcode.trim();
    if trimmed.chars().count() < MIN_PASSCODE_CHARS {
        return Err(Problem::PasscodeTooShort);
    }
    if zxcvbn::zxcvbn(trimmed, &["phoenix"]).score() == zxcvbn::Score::Zero {
        return Err(Problem::PasscodeTooCommon);
    }
    Ok(())
}

/// A new passcode, typed twice.
pub fn new_passcode(passcode: &str, confirmation: &str) -> Result<(), Problem> {
    if passcode != confirmation {
        return Err(Problem::PasscodesDiffer);
    }
    long_enough(passcode)
}

/// How many failed attempts erase the vault: `None`, or 3 to 50.
pub fn erase_limit(limit: Option<u32>) -> Result<Option<u32>, Problem> {
    if limit.is_some_and(|n| !(3..=50).contains(&n)) {
        return Err(Problem::OutOfRange);
    }
    Ok(limit)
}

/// The participant has been idle longer than their auto-lock minutes.
pub fn auto_lock_due(model: &Model) -> bool {
    let State::Unlocked(unlocked) = &model.state else {
        return false;
    };
    let limit_ms = i64::from(unlocked.data.settings.auto_lock_minutes) * 60_000;
    limit_ms > 0 && model.now_ms - unlocked.last_activity_ms > limit_ms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_common_passcodes_are_refused_and_a_phrase_is_accepted() {
        assert_eq!(long_enough("  abc12 "), Err(Problem::PasscodeTooShort));
        for common in ["123456", "password", "qwerty123", "111111", "phoenix"] {
            assert_eq!(
                long_enough(common),
                Err(Problem::PasscodeTooCommon),
                "{common}"
            );
        }
        // The passcodes and passphrases the shells' test suites choose.
        for phrase in [
            "quiet harbor 7",
            "correct horse battery",
            "steady river 42",
            "the right one",
            "backup words 42",
            "moving day words",
        ] {
            assert_eq!(long_enough(phrase), Ok(()), "{phrase}");
        }
        assert_eq!(long_enough("río sereno"), Ok(()));
    }
}
