//! Effects the shells perform.

use serde::{Deserialize, Serialize};

/// A link for the phone to open: `tel:`, `sms:` or `mailto:`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenUrl {
    pub url: String,
}

impl crux_core::capability::Operation for OpenUrl {
    type Output = ();
}

/// The platform keystore holding the raw key for biometric unlock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlatformKeyOperation {
    /// Create a random 32-byte key, keep it (this device only) and return it.
    Create,
    /// Return the stored key, after the platform's biometric check.
    Read,
    Delete,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlatformKeyOutput {
    Key(Vec<u8>),
    /// No key, or the participant cancelled the biometric prompt.
    Unavailable,
    Deleted,
}

impl std::fmt::Debug for PlatformKeyOutput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Key(_) => f.write_str("Key(<redacted>)"),
            Self::Unavailable => f.write_str("Unavailable"),
            Self::Deleted => f.write_str("Deleted"),
        }
    }
}

impl crux_core::capability::Operation for PlatformKeyOperation {
    type Output = PlatformKeyOutput;
}
