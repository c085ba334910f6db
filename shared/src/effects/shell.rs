//! Effects the shells perform.

use serde::{Deserialize, Serialize};

/// A link for the phone to open: `tel:`, `sms:` or `mailto:`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct OpenUrl {
    pub url: String,
}

impl crux_core::capability::Operation for OpenUrl {
    type Output = LinkOutcome;
}

/// What became of a link: the phone may have no app for it (a tablet
/// without a dialer, no messages app), and then the core shows the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum LinkOutcome {
    Opened,
    /// No app on this phone could open it.
    Failed,
}

/// The platform keystore: the raw key for biometric unlock, and the device
/// key that binds the vault to this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum PlatformKeyOperation {
    /// Create a random 32-byte key, keep it (this device only) and return it.
    Create,
    /// Return the stored key, after the platform's biometric check.
    Read,
    Delete,
    /// HMAC-SHA-256 of `salt` under this device's key, 32 bytes: the key is
    /// created on the first ask, kept by the keystore for this device only
    /// (no backup, no biometric check) and never leaves it. Answered with
    /// `Key`, or `Unavailable` when the keystore cannot.
    DeviceSecret {
        salt: Vec<u8>,
    },
    /// Destroy the device key (everything is being erased): no copy of the
    /// vault file opens afterwards. Answered with `Deleted`.
    DestroyDeviceKey,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
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

/// A file to hand to the platform's share sheet (or a download on the web).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct ShareFile {
    pub file_name: String,
    pub mime_type: String,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for ShareFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The bytes are participant content: only their size is shown.
        f.debug_struct("ShareFile")
            .field("file_name", &self.file_name)
            .field("mime_type", &self.mime_type)
            .field("len", &self.bytes.len())
            .finish_non_exhaustive()
    }
}

impl crux_core::capability::Operation for ShareFile {
    type Output = ();
}

/// A local notification, scheduled by the phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct Reminder {
    /// Stable across schedules, so the shell can replace rather than duplicate.
    pub id: String,
    /// Local date and time, `YYYY-MM-DDTHH:MM:SS`.
    pub at: String,
    /// Repeat every week at the same local time.
    pub weekly: bool,
    /// Repeat every day at the same local time.
    pub daily: bool,
    pub title: String,
    pub body: String,
}

/// Replace every scheduled reminder with these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct ScheduleReminders(pub Vec<Reminder>);

impl crux_core::capability::Operation for ScheduleReminders {
    type Output = ();
}

/// A request to the organization's relay, made by the shell's HTTP stack
/// (`fetch`, `HttpURLConnection`, `URLSession`). The core builds it whole,
/// signature headers included; the shell only sends it. Nothing is ever
/// requested before the participant pairs.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct HttpRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<HttpHeader>,
    pub body: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct HttpHeader {
    pub name: String,
    pub value: String,
}

impl std::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The body is sealed, or carries the name the participant shares:
        // only its size is shown.
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("body_len", &self.body.len())
            .finish_non_exhaustive()
    }
}

/// What came back: any HTTP answer, or none at all (offline, refused,
/// timed out).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum HttpResult {
    Response { status: u16, body: Vec<u8> },
    Unreachable,
}

impl std::fmt::Debug for HttpResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Response { status, body } => f
                .debug_struct("Response")
                .field("status", status)
                .field("body_len", &body.len())
                .finish(),
            Self::Unreachable => f.write_str("Unreachable"),
        }
    }
}

impl crux_core::capability::Operation for HttpRequest {
    type Output = HttpResult;
}

/// The background check's config, which the shell keeps outside the vault
/// (Keystore- or Keychain-protected storage) for the phone's scheduler: see
/// [`crate::background`]. Handed over whenever it changes (pairing, the
/// setting, discreet mode, the language); no answer but done.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum BackgroundCheckOperation {
    /// Keep this config, replacing any other, and check in the background.
    Keep {
        /// The organization's relay (`https://…`).
        relay: String,
        /// The waiting key's secret: it can only ask the relay how many
        /// messages wait for this device.
        waiting_key: Vec<u8>,
        /// Discreet mode: the notification does not mention messages.
        discreet: bool,
        /// The notification's language (`en`, `es`).
        language: String,
    },
    /// Delete the config and stop checking (turned off, unpaired, erased).
    Forget,
}

impl std::fmt::Debug for BackgroundCheckOperation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // The waiting key is a secret: never printed.
            Self::Keep {
                relay,
                discreet,
                language,
                ..
            } => f
                .debug_struct("Keep")
                .field("relay", relay)
                .field("discreet", discreet)
                .field("language", language)
                .finish_non_exhaustive(),
            Self::Forget => f.write_str("Forget"),
        }
    }
}

impl crux_core::capability::Operation for BackgroundCheckOperation {
    type Output = ();
}
