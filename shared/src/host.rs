//! [`CoreHost`]: the core as every shell uses it.
//!
//! It owns the Crux core and the vault and runs the effect loop: `Store`
//! effects are executed against the vault and `Time` from the clock, right
//! here in Rust, synchronously (no threads, so the browser works the same);
//! only render, platform-key, open-url, share, notify and http requests
//! reach the shell. The
//! FFI (UniFFI) and wasm layers wrap the byte-level methods.

use std::collections::{HashMap, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError, RwLock, RwLockReadGuard};

use crux_core::bridge::{BincodeFfiFormat, FfiFormat};
use crux_core::{Core, Request, RequestHandle};
use serde::{Deserialize, Serialize};

use crate::app::{Event, Phoenix};
use crate::effects::{
    BackgroundCheckOperation, Effect, HttpRequest, HttpResult, LinkOutcome, OpenUrl,
    PlatformKeyOperation, PlatformKeyOutput, ScheduleReminders, ShareFile, StoreOperation,
};
use crate::model::{Environment, Model};
use crate::vault::Vault;
use crate::view::ViewModel;

mod store;

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
    /// Send this request to the relay and answer with an [`HttpResult`].
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

/// A shell request waiting for its answer, typed so the answer can be decoded.
enum Pending {
    PlatformKey(Request<PlatformKeyOperation>),
    OpenUrl(Request<OpenUrl>),
    Share(Request<ShareFile>),
    Notify(Request<ScheduleReminders>),
    Http(Request<HttpRequest>),
    Background(Request<BackgroundCheckOperation>),
}

/// What kind of answer a pending request takes.
enum Answer {
    PlatformKey,
    Http,
    Link,
    Done,
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

/// Milliseconds since boot, sleep included, on a clock no one can set:
/// Linux's and Android's `/proc/uptime` (the boot clock), Darwin's
/// `CLOCK_MONOTONIC` on iOS (it counts from boot and keeps counting while
/// the phone sleeps, unlike `CLOCK_UPTIME_RAW` behind `Instant`). Elsewhere
/// (the browser has no clock that survives a reload) `None`, and the
/// throttle reads the wall clock.
fn system_boot_clock() -> Option<i64> {
    #[cfg(target_os = "ios")]
    {
        let now = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
        now.tv_sec
            .checked_mul(1000)?
            .checked_add(i64::from(now.tv_nsec) / 1_000_000)
    }
    #[cfg(not(target_os = "ios"))]
    {
        if !cfg!(any(target_os = "linux", target_os = "android")) {
            return None;
        }
        let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
        let (seconds, fraction) = uptime.split_whitespace().next()?.split_once('.')?;
        let hundredths: i64 = fraction.get(..2)?.parse().ok()?;
        seconds
            .parse::<i64>()
            .ok()?
            .checked_mul(1000)?
            .checked_add(hundredths * 10)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn system_clock() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
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

    /// Answers a platform-key request.
    pub fn resolve_platform_key(
        &self,
        id: u32,
        output: PlatformKeyOutput,
    ) -> Result<Vec<ShellRequest>, HostError> {
        match self.take_pending(id)? {
            Pending::PlatformKey(mut request) => self.resume(&mut request, output),
            other => {
                self.put_back(id, other);
                Err(HostError::Malformed)
            }
        }
    }

    /// Answers a relay request with what came back.
    pub fn resolve_http(
        &self,
        id: u32,
        output: HttpResult,
    ) -> Result<Vec<ShellRequest>, HostError> {
        match self.take_pending(id)? {
            Pending::Http(mut request) => self.resume(&mut request, output),
            other => {
                self.put_back(id, other);
                Err(HostError::Malformed)
            }
        }
    }

    /// Answers an open-url request: opened, or no app on the phone could.
    pub fn resolve_link(
        &self,
        id: u32,
        outcome: LinkOutcome,
    ) -> Result<Vec<ShellRequest>, HostError> {
        match self.take_pending(id)? {
            Pending::OpenUrl(mut request) => self.resume(&mut request, outcome),
            other => {
                self.put_back(id, other);
                Err(HostError::Malformed)
            }
        }
    }

    /// Reports that a share, notify or background-check request was
    /// carried out.
    pub fn resolve_done(&self, id: u32) -> Result<Vec<ShellRequest>, HostError> {
        match self.take_pending(id)? {
            Pending::Share(mut request) => self.resume(&mut request, ()),
            Pending::Notify(mut request) => self.resume(&mut request, ()),
            Pending::Background(mut request) => self.resume(&mut request, ()),
            other @ (Pending::PlatformKey(_) | Pending::Http(_) | Pending::OpenUrl(_)) => {
                self.put_back(id, other);
                Err(HostError::Malformed)
            }
        }
    }

    pub fn view(&self) -> ViewModel {
        self.core().view()
    }

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

    fn core(&self) -> RwLockReadGuard<'_, Core<Phoenix>> {
        self.core.read().unwrap_or_else(PoisonError::into_inner)
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

    fn take_pending(&self, id: u32) -> Result<Pending, HostError> {
        let mut pending = self.pending.lock().map_err(|_| HostError::Internal)?;
        pending.1.remove(&id).ok_or(HostError::UnknownEffect)
    }

    fn put_back(&self, id: u32, request: Pending) {
        if let Ok(mut pending) = self.pending.lock() {
            pending.1.insert(id, request);
        }
    }

    fn resume<Op>(
        &self,
        request: &mut Request<Op>,
        output: Op::Output,
    ) -> Result<Vec<ShellRequest>, HostError>
    where
        Op: crux_core::capability::Operation,
    {
        // A fire-and-forget request (the reminder schedule): the core wants
        // no answer, and the shell's "done" is fine.
        if matches!(request.handle, RequestHandle::Never) {
            return Ok(Vec::new());
        }
        let effects = self
            .core()
            .resolve(request, output)
            .map_err(|_| HostError::UnknownEffect)?;
        Ok(self.run(effects))
    }

    /// Drops unanswered shell requests: a pending share or open-url holds
    /// participant content (an exported plan, a message), which must not
    /// outlive a lock or an erase. Their ids become unknown.
    fn forget_pending(&self) {
        if let Ok(mut pending) = self.pending.lock() {
            pending.1.clear();
        }
    }

    fn register(&self, request: Pending) -> u32 {
        let Ok(mut pending) = self.pending.lock() else {
            return 0;
        };
        let id = pending.0;
        pending.0 = pending.0.wrapping_add(1).max(1);
        pending.1.insert(id, request);
        id
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

fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, HostError> {
    let mut bytes = Vec::new();
    BincodeFfiFormat::serialize(&mut bytes, value).map_err(|_| HostError::Internal)?;
    Ok(bytes)
}

fn fresh_core(time_zone: &str, locale: &str) -> Core<Phoenix> {
    Core::new_with(
        Phoenix::default(),
        Model::new(Environment::new(time_zone, locale)),
    )
}
