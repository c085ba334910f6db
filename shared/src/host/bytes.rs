//! The byte-level API the FFI and wasm layers wrap: bincode in and out,
//! and no panic across it (a caught one leaves a fresh core behind).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::PoisonError;

use crux_core::bridge::{BincodeFfiFormat, FfiFormat};
use serde::Serialize;

use super::pending::Pending;
use super::{CoreHost, HostError, fresh_core};
use crate::app::Event;
use crate::effects::{HttpResult, LinkOutcome, PlatformKeyOutput};

/// What kind of answer a pending request takes.
enum Answer {
    PlatformKey,
    Http,
    Link,
    Done,
}

impl CoreHost {
    /// [`CoreHost::update`] with a bincode-encoded [`Event`]; returns
    /// bincode-encoded `Vec<ShellRequest>`.
    pub fn update_bytes(&self, event: &[u8]) -> Result<Vec<u8>, HostError> {
        self.guarded(|| {
            let event: Event =
                BincodeFfiFormat::deserialize(event).map_err(|_| HostError::Malformed)?;
            encode(&self.update(event))
        })
    }

    /// Answers shell request `id` with its bincode-encoded output
    /// ([`PlatformKeyOutput`], [`HttpResult`], [`LinkOutcome`], or `()` for
    /// the others).
    pub fn resolve_bytes(&self, id: u32, output: &[u8]) -> Result<Vec<u8>, HostError> {
        self.guarded(|| {
            let requests = match self.answer_kind(id)? {
                Answer::PlatformKey => {
                    let output = BincodeFfiFormat::deserialize::<PlatformKeyOutput>(output)
                        .map_err(|_| HostError::Malformed)?;
                    self.resolve_platform_key(id, output)?
                }
                Answer::Http => {
                    let output = BincodeFfiFormat::deserialize::<HttpResult>(output)
                        .map_err(|_| HostError::Malformed)?;
                    self.resolve_http(id, output)?
                }
                Answer::Link => {
                    let outcome = BincodeFfiFormat::deserialize::<LinkOutcome>(output)
                        .map_err(|_| HostError::Malformed)?;
                    self.resolve_link(id, outcome)?
                }
                Answer::Done => self.resolve_done(id)?,
            };
            encode(&requests)
        })
    }

    /// The current view model, bincode-encoded.
    pub fn view_bytes(&self) -> Result<Vec<u8>, HostError> {
        self.guarded(|| encode(&self.view()))
    }

    /// No panic crosses the boundary: it becomes [`HostError::Internal`], and
    /// the host recovers so that the next call works.
    fn guarded<T>(&self, call: impl FnOnce() -> Result<T, HostError>) -> Result<T, HostError> {
        catch_unwind(AssertUnwindSafe(call)).unwrap_or_else(|_| {
            self.recover();
            Err(HostError::Internal)
        })
    }

    /// After a caught panic nothing half-done is trusted: the vault is
    /// locked (its keys leave memory), unanswered requests are forgotten,
    /// the poisoned locks are cleared and a fresh core asks the vault where
    /// it stands, so the shell's next view is the lock screen.
    fn recover(&self) {
        *self.vault.lock().unwrap_or_else(PoisonError::into_inner) = None;
        self.vault.clear_poison();
        self.pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .1
            .clear();
        self.pending.clear_poison();
        let (time_zone, locale) = &self.environment;
        *self.core.write().unwrap_or_else(PoisonError::into_inner) = fresh_core(time_zone, locale);
        self.core.clear_poison();
        // The shell reads the view next; what this asks of it is a render.
        let _ = catch_unwind(AssertUnwindSafe(|| self.update(Event::Start)));
    }

    /// What answer request `id` is waiting for.
    fn answer_kind(&self, id: u32) -> Result<Answer, HostError> {
        let pending = self.pending.lock().map_err(|_| HostError::Internal)?;
        pending
            .1
            .get(&id)
            .map(|request| match request {
                Pending::PlatformKey(_) => Answer::PlatformKey,
                Pending::Http(_) => Answer::Http,
                Pending::OpenUrl(_) => Answer::Link,
                _ => Answer::Done,
            })
            .ok_or(HostError::UnknownEffect)
    }
}

fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, HostError> {
    let mut bytes = Vec::new();
    BincodeFfiFormat::serialize(&mut bytes, value).map_err(|_| HostError::Internal)?;
    Ok(bytes)
}
