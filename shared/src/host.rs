//! [`CoreHost`]: the core as every shell uses it.
//!
//! It owns the Crux core and the vault and runs the effect loop: `Store`
//! effects are executed against the vault and `Time` from the clock, right
//! here in Rust, synchronously (no threads, so the browser works the same);
//! only render, platform-key, open-url, share, notify and http requests
//! reach the shell. The
//! FFI (UniFFI) and wasm layers wrap the byte-level methods.

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError, RwLock, RwLockReadGuard};

use crux_core::Core;
use serde::{Deserialize, Serialize};

use crate::app::{Event, Phoenix};
use crate::effects::{
    BackgroundCheckOperation, Effect, HttpRequest, OpenUrl, PlatformKeyOperation,
    ScheduleReminders, ShareFile, StoreOperation,
};
use crate::model::{Environment, Model};
use crate::vault::Vault;
use crate::view::ViewModel;

mod bytes;
mod clocks;
mod pending;
mod store;

use clocks::system_boot_clock;
#[cfg(not(target_arch = "wasm32"))]
use clocks::system_clock;
use pending::Pending;

/// What the shell must do. `id` is passed back to [`CoreHost::resolve`] for
/// effects that answer (render never does).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
pub struct ShellRequest {
    pub id: u32,
    pub effect: ShellEffect,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum ShellEffect {
    /// Read the view model again and redraw.
    Render,
    PlatformKey(PlatformKeyOperation),
    OpenUrl(OpenUrl),
    Share(ShareFile),
    Notify(ScheduleReminders),
    /// Send this request to the relay and answer with an
    /// [`HttpResult`](crate::effects::HttpResult).
    Http(HttpRequest),
    /// Keep or delete the background check's config; answer done.
    Background(BackgroundCheckOperation),
}

/// Errors at the boundary. They name what went wrong and carry no
/// participant content.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, facet::Facet,
)]
#[repr(C)]
#[cfg_attr(not(target_arch = "wasm32"), derive(uniffi::Error))]
pub enum HostError {
    #[error("the bytes are not a valid message")]
    Malformed,
    #[error("no outstanding effect has that id")]
    UnknownEffect,
    #[error("internal error")]
    Internal,
}

type Clock = Box<dyn Fn() -> i64 + Send + Sync>;
/// Milliseconds since boot, sleep included, where the platform tells.
type BootClock = Box<dyn Fn() -> Option<i64> + Send + Sync>;
type Hook = Box<dyn Fn() + Send + Sync>;

pub struct CoreHost {
    /// Replaced by a fresh core after a caught panic ([`CoreHost::recover`]).
    core: RwLock<Core<Phoenix>>,
    /// The device's time zone and locale, for a fresh core.
    environment: (String, String),
    vault_path: PathBuf,
    vault: Mutex<Option<Vault>>,
    clock: Clock,
    /// Times the unlock throttle where there is one: no one can set it.
    boot_clock: BootClock,
    /// Runs after the vault erased itself (by request, or after too many
    /// wrong passcodes): where files cannot be deleted by path (the
    /// browser's OPFS pool), the platform frees them here.
    after_erase: Option<Hook>,
    pending: Mutex<(u32, HashMap<u32, Pending>)>,
}

impl std::fmt::Debug for CoreHost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CoreHost").finish_non_exhaustive()
    }
}

impl CoreHost {
    /// A core over the vault at `vault_path`, in the device's IANA time zone
    /// and BCP 47 locale, reading the system clock.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new(vault_path: impl Into<PathBuf>, time_zone: &str, locale: &str) -> Self {
        Self::with_clock(vault_path, time_zone, locale, Box::new(system_clock))
    }

    /// As [`CoreHost::new`] with another clock (the browser's, or a test's).
    pub fn with_clock(
        vault_path: impl Into<PathBuf>,
        time_zone: &str,
        locale: &str,
        clock: Clock,
    ) -> Self {
        Self {
            core: RwLock::new(fresh_core(time_zone, locale)),
            environment: (time_zone.to_owned(), locale.to_owned()),
            vault_path: vault_path.into(),
            vault: Mutex::new(None),
            clock,
            boot_clock: Box::new(system_boot_clock),
            after_erase: None,
            pending: Mutex::new((1, HashMap::new())),
        }
    }

    /// Times the unlock throttle with `clock` (milliseconds since boot) instead
    /// of the system's.
    #[must_use]
    pub fn with_boot_clock(mut self, clock: BootClock) -> Self {
        self.boot_clock = clock;
        self
    }

    /// Calls `hook` each time the vault has erased itself.
    #[must_use]
    pub fn after_erase(mut self, hook: Hook) -> Self {
        self.after_erase = Some(hook);
        self
    }

    /// Sends an event; returns what the shell must do.
    pub fn update(&self, event: Event) -> Vec<ShellRequest> {
        let effects = self.core().process_event(event);
        self.run(effects)
    }

    pub fn view(&self) -> ViewModel {
        self.core().view()
    }

    fn core(&self) -> RwLockReadGuard<'_, Core<Phoenix>> {
        self.core.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Serves vault and clock effects until only shell effects remain.
    fn run(&self, effects: Vec<Effect>) -> Vec<ShellRequest> {
        let mut queue: VecDeque<Effect> = effects.into();
        let mut requests = Vec::new();
        let mut render = false;
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Store(mut request) => {
                    let operation =
                        std::mem::replace(&mut request.operation, StoreOperation::Probe);
                    let output = self.execute(operation);
                    let effects = self.core().resolve(&mut request, output);
                    queue.extend(effects.unwrap_or_default());
                }
                Effect::Time(mut request) => {
                    let now = (self.clock)();
                    let effects = self.core().resolve(&mut request, now);
                    queue.extend(effects.unwrap_or_default());
                }
                Effect::Render(_) => render = true,
                Effect::PlatformKey(request) => {
                    let effect = ShellEffect::PlatformKey(request.operation.clone());
                    let id = self.register(Pending::PlatformKey(request));
                    requests.push(ShellRequest { id, effect });
                }
                Effect::OpenUrl(request) => {
                    let effect = ShellEffect::OpenUrl(request.operation.clone());
                    let id = self.register(Pending::OpenUrl(request));
                    requests.push(ShellRequest { id, effect });
                }
                Effect::Share(request) => {
                    let effect = ShellEffect::Share(request.operation.clone());
                    let id = self.register(Pending::Share(request));
                    requests.push(ShellRequest { id, effect });
                }
                Effect::Notify(request) => {
                    let effect = ShellEffect::Notify(request.operation.clone());
                    let id = self.register(Pending::Notify(request));
                    requests.push(ShellRequest { id, effect });
                }
                Effect::Http(request) => {
                    let effect = ShellEffect::Http(request.operation.clone());
                    let id = self.register(Pending::Http(request));
                    requests.push(ShellRequest { id, effect });
                }
                Effect::Background(request) => {
                    let effect = ShellEffect::Background(request.operation.clone());
                    let id = self.register(Pending::Background(request));
                    requests.push(ShellRequest { id, effect });
                }
            }
        }
        if render {
            requests.push(ShellRequest {
                id: 0,
                effect: ShellEffect::Render,
            });
        }
        requests
    }
}

fn fresh_core(time_zone: &str, locale: &str) -> Core<Phoenix> {
    Core::new_with(
        Phoenix::default(),
        Model::new(Environment::new(time_zone, locale)),
    )
}
