//! What went wrong with an event, in a form the view translates. Never
//! carries participant content.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum Problem {
    /// A required text (a title, a name) was empty.
    EmptyText,
    /// The item does not exist (any more).
    UnknownItem,
    /// A number outside its scale (craving 0–10, mood 1–5, ...).
    OutOfRange,
    /// A date that is not a calendar date (YYYY-MM-DD).
    InvalidDate,
    PasscodesDiffer,
    /// Shorter than `model::lock::MIN_PASSCODE_CHARS`.
    PasscodeTooShort,
    WrongPasscode,
    /// Too many attempts; try again in this many seconds.
    Throttled(u64),
    /// The vault was erased after the chosen number of failed attempts.
    ErasedAfterFailures,
    /// Biometric unlock is not available (no key, or cancelled).
    PlatformKeyUnavailable,
    /// That cannot be done in the current state (for example while locked).
    NotNow,
    /// The data could not be saved; nothing already stored was lost.
    SaveFailed,
    /// The device storage is full.
    StorageFull,
    /// Some records could not be read; they were left untouched.
    DamagedRecords(usize),
    /// The data was written by a newer version of Phoenix.
    NewerVersion,
    /// Secure messages: the relay address is not `https://…`.
    RelayAddressInvalid,
    /// The relay could not be reached; queued messages wait.
    RelayUnreachable,
    /// The relay refused the request (or answered something unreadable).
    RelayRefused,
    InviteUnknown,
    /// The invite lacks the specialist's key fingerprint (or is mistyped).
    InviteIncomplete,
    /// The keys the relay handed over do not match the invite's
    /// fingerprint: the pairing is refused.
    SpecialistKeyMismatch,
    /// Expired or already used.
    InviteExpired,
    AlreadyPaired,
    /// The specialist has not opened their inbox yet.
    SpecialistNotReady,
    NotPaired,
    /// One of the passcodes tried first ("123456", "password").
    PasscodeTooCommon,
    /// No app on this phone could open a link (no dialer, no messages
    /// app): the view shows the number instead.
    LinkUnopened,
    /// The keystore did not give this device's secret (the vault needs it
    /// with the passcode): nothing was changed.
    DeviceKeyUnavailable,
    /// The specialist's security key is not the one this conversation had:
    /// nothing is sent until the participant confirms the change.
    SpecialistKeyChanged,
    /// The item to share has nothing in it yet (an empty plan, no BARC-10).
    NothingToShare,
}

impl Problem {
    pub fn from_vault(error: &crate::vault::VaultError) -> Self {
        use crate::vault::VaultError as E;
        match error {
            E::WrongCredential => Self::WrongPasscode,
            E::Throttled { retry_after_secs } => Self::Throttled(*retry_after_secs),
            E::ErasedAfterFailures => Self::ErasedAfterFailures,
            E::PasscodeTooShort => Self::PasscodeTooShort,
            E::NoPlatformKey | E::InvalidKeyLength => Self::PlatformKeyUnavailable,
            E::StorageFull => Self::StorageFull,
            E::NewerSchema => Self::NewerVersion,
            _ => Self::SaveFailed,
        }
    }
}
