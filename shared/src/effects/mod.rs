//! What the core asks of the outside world.
//!
//! `Store` and `Time` are served in Rust by the [`crate::host::CoreHost`]
//! (the vault, the clock): the shells never see them. Every other effect is
//! performed by the shell, which resolves it with the operation's output.

mod shell;
mod store;

use crux_core::macros::effect;
use crux_core::render::RenderOperation;
use serde::{Deserialize, Serialize};

pub use shell::{
    BackgroundCheckOperation, HttpHeader, HttpRequest, HttpResult, LinkOutcome, OpenUrl,
    PlatformKeyOperation, PlatformKeyOutput, Reminder, ScheduleReminders, ShareFile,
};
pub use store::{RawKey, StoreOperation, StoreOutput, UnlockWith};

/// The current time, as milliseconds since the Unix epoch (UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRequest;

impl crux_core::capability::Operation for TimeRequest {
    type Output = i64;
}

#[effect]
pub enum Effect {
    /// The view model changed: call `view()` and redraw.
    Render(RenderOperation),
    /// Served by the host against the vault.
    Store(StoreOperation),
    /// Served by the host from the system clock.
    Time(TimeRequest),
    /// The platform keystore (Keychain, Android Keystore, WebCrypto).
    PlatformKey(PlatformKeyOperation),
    /// Open a `tel:`, `sms:` or `mailto:` link through the phone.
    OpenUrl(OpenUrl),
    /// Offer a file (plan document, calendar, backup) to the share sheet.
    Share(ShareFile),
    /// Replace the phone's scheduled reminders.
    Notify(ScheduleReminders),
    /// A request to the relay, once the participant has paired.
    Http(HttpRequest),
    /// Keep or delete the background check's config, outside the vault.
    Background(BackgroundCheckOperation),
}
