//! A phone for tests: the core through [`CoreHost`], as every shell drives
//! it, over a real vault file in a temporary directory, with a clock the
//! test moves. Every integration test (the core's and the relay's) uses it.
//!
//! Only built with the `testing` feature, which the tests' dev-dependencies
//! turn on; no phone or browser build includes it.
//!
//! ```no_run
//! use shared::app::Event;
//! use shared::testing::Phone;
//!
//! let phone = Phone::participant();
//! let view = phone.send(Event::SetRecoveryDate("2026-01-31".into()));
//! let phone = phone.restart();
//! phone.unlock();
//! ```

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use tempfile::TempDir;

use crate::app::Event;
use crate::effects::{
    HttpRequest, HttpResult, LinkOutcome, PlatformKeyOperation, PlatformKeyOutput,
};
use crate::host::{CoreHost, ShellEffect, ShellRequest};
use crate::model::messages::{MessageStatus, MessagesEvent, Messaging};
use crate::model::record::{PROFILE_ID, Record};
use crate::vault::{Credential, DEVICE_SECRET_SALT, DeviceSecret, Passcode, Vault};
use crate::view::ViewModel;
use crate::view::messages::MessagesView;

mod readers;
pub use readers::{Screens, ShellRequests};

/// The passcode test participants choose.
pub const PASSCODE: &str = "quiet harbor 7";
/// 2026-03-02 15:00 UTC: Monday 10:00 in New York.
pub const START_MS: i64 = 1_772_463_600_000;
pub const HOUR_MS: i64 = 3_600_000;

/// Carries a request to the relay, as a shell's HTTP client does.
pub type Network = Arc<dyn Fn(&HttpRequest) -> HttpResult + Send + Sync>;

/// Where and when a phone is, and what its platform does.
#[derive(Clone)]
pub struct Setup {
    /// An IANA time zone.
    pub time_zone: String,
    /// A BCP 47 locale.
    pub locale: String,
    /// The clock's first reading, in milliseconds since the Unix epoch.
    pub now_ms: i64,
    /// Carries HTTP requests; without one, the phone is offline.
    pub network: Option<Network>,
    /// Runs each time the vault erases itself (the host's `after_erase`).
    pub after_erase: Option<Arc<dyn Fn() + Send + Sync>>,
}

impl Default for Setup {
    /// New York at [`START_MS`], in US English, offline.
    fn default() -> Self {
        Self {
            time_zone: "America/New_York".into(),
            locale: "en-US".into(),
            now_ms: START_MS,
            network: None,
            after_erase: None,
        }
    }
}

/// The core on a phone, started: its vault file, its clock, its network.
///
/// [`Phone::send`] answers the shell requests the way a shell does (HTTP
/// through the network, share and notify as done, open-url as opened
/// unless [`Phone::set_opens_links`] said otherwise, the device secret
/// from its [`DeviceKey`]) except the biometric platform key's, which the
/// test answers itself through [`Phone::host`]. [`Phone::requests`] leaves
/// every request unanswered.
pub struct Phone {
    host: CoreHost,
    dir: TempDir,
    clock: Arc<Clocks>,
    device_key: DeviceKey,
    setup: Setup,
    online: Cell<bool>,
    /// The phone has apps for `tel:`, `sms:` and `mailto:` links.
    opens_links: Cell<bool>,
    sent: RefCell<Vec<String>>,
    /// The background check's config as the shell keeps it, outside the
    /// vault (the last `Keep`; `None` after `Forget`).
    background: RefCell<Option<crate::background::BackgroundCheck>>,
}

impl Phone {
    /// A phone on first run, as [`Setup::default`] describes it.
    pub fn new() -> Self {
        Self::with(Setup::default())
    }

    /// A phone on first run, as `setup` describes it.
    pub fn with(setup: Setup) -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let clock = Arc::new(Clocks {
            wall: AtomicI64::new(setup.now_ms),
            since_boot: AtomicI64::new(HOUR_MS),
        });
        Self::start(dir, clock, DeviceKey::default(), setup)
    }

    /// A new participant who has just chosen [`PASSCODE`], on Today.
    pub fn participant() -> Self {
        let phone = Self::new();
        phone.choose_passcode();
        phone
    }

    fn start(dir: TempDir, clock: Arc<Clocks>, device_key: DeviceKey, setup: Setup) -> Self {
        let (time, boot) = (Arc::clone(&clock), Arc::clone(&clock));
        let mut host = CoreHost::with_clock(
            dir.path().join("phoenix.db"),
            &setup.time_zone,
            &setup.locale,
            Box::new(move || time.wall.load(Ordering::SeqCst)),
        )
        .with_boot_clock(Box::new(move || {
            Some(boot.since_boot.load(Ordering::SeqCst))
        }));
        if let Some(hook) = &setup.after_erase {
            let hook = Arc::clone(hook);
            host = host.after_erase(Box::new(move || hook()));
        }
        let phone = Self {
            host,
            dir,
            clock,
            device_key,
            setup,
            online: Cell::new(true),
            opens_links: Cell::new(true),
            sent: RefCell::new(Vec::new()),
            background: RefCell::new(None),
        };
        phone.send(Event::Start);
        phone
    }

    /// The app closed and opened again over the same vault and clock: a
    /// new core, locked if a passcode was chosen. What the old one was
    /// asked to send is forgotten; the network stays as it was.
    #[must_use]
    pub fn restart(self) -> Self {
        let online = self.online.get();
        let phone = self.switch_off().switch_on();
        phone.online.set(online);
        phone
    }

    /// The app closed: only the files remain.
    pub fn switch_off(self) -> SwitchedOff {
        SwitchedOff {
            dir: self.dir,
            clock: self.clock,
            device_key: self.device_key,
            setup: self.setup,
        }
    }

    /// This phone's keystore, which holds the device key.
    pub fn device_key(&self) -> &DeviceKey {
        &self.device_key
    }

    /// The host itself, for what a test does byte by byte or answers by hand.
    pub fn host(&self) -> &CoreHost {
        &self.host
    }

    /// The current view model.
    pub fn view(&self) -> ViewModel {
        self.host.view()
    }

    /// The message the participant is shown, if any.
    pub fn problem(&self) -> Option<String> {
        self.host.view().problem
    }

    /// Sends an event; returns what the shell must do, all unanswered.
    pub fn requests(&self, event: Event) -> Vec<ShellRequest> {
        self.host.update(event)
    }

    /// Sends an event; answers the device key's requests at once, as the
    /// keystore does, and returns every other request unanswered.
    pub fn requests_past_the_keystore(&self, event: Event) -> Vec<ShellRequest> {
        let mut queue = VecDeque::from(self.host.update(event));
        let mut others = Vec::new();
        while let Some(request) = queue.pop_front() {
            let answer = match &request.effect {
                ShellEffect::PlatformKey(operation) => self.device_key.answer(operation),
                _ => None,
            };
            match answer {
                Some(output) => queue.extend(
                    self.host
                        .resolve_platform_key(request.id, output)
                        .expect("the core takes its own request's answer"),
                ),
                None => others.push(request),
            }
        }
        others
    }

    /// Sends an event, checks that the shell is asked to redraw, carries
    /// out what the core asks (see [`Phone`]) until it asks nothing more,
    /// and returns the view.
    pub fn send(&self, event: Event) -> ViewModel {
        let requests = self.host.update(event);
        assert!(requests.redraws(), "every event redraws: {requests:?}");
        self.serve(requests);
        self.host.view()
    }

    /// Sends an event that hands the phone a link (which redraws only once
    /// the phone answers), answers it as the phone does, and returns the view.
    pub fn open_link(&self, event: Event) -> ViewModel {
        let requests = self.host.update(event);
        self.serve(requests);
        self.host.view()
    }

    /// [`Phone::send`], for an event that must be accepted: no problem shown.
    pub fn send_ok(&self, event: Event) -> ViewModel {
        let view = self.send(event);
        assert_eq!(view.problem, None, "{view:?}");
        view
    }

    /// Chooses [`PASSCODE`] on first run.
    pub fn choose_passcode(&self) -> ViewModel {
        self.send_ok(Event::SetPasscode {
            passcode: PASSCODE.into(),
            confirmation: PASSCODE.into(),
        })
    }

    /// Unlocks with [`PASSCODE`]: no problem shown.
    pub fn unlock(&self) -> ViewModel {
        self.send_ok(Event::Unlock {
            passcode: PASSCODE.into(),
        })
    }

    /// Moves the clock on by `ms`, without touching the app.
    pub fn advance(&self, ms: i64) {
        self.clock.wall.fetch_add(ms, Ordering::SeqCst);
        self.clock.since_boot.fetch_add(ms, Ordering::SeqCst);
    }

    /// The participant sets the phone's clock `ms` ahead: no time passes
    /// (the clock counting from boot does not move).
    pub fn set_wall_clock_forward(&self, ms: i64) {
        self.clock.wall.fetch_add(ms, Ordering::SeqCst);
    }

    /// Lets `ms` pass while the participant keeps using the app (so it
    /// never locks itself), touching it every 50 minutes.
    pub fn keep_using_for(&self, ms: i64) {
        let step = 50 * 60_000;
        let mut left = ms;
        while left > 0 {
            self.advance(step.min(left));
            left -= step;
            self.send(Event::Resumed);
        }
    }

    /// Loses or finds the network: offline, every request is unreachable.
    pub fn set_online(&self, online: bool) {
        self.online.set(online);
    }

    /// Whether the phone has apps for links (a tablet has no dialer, and
    /// may have no messages app): without them every link fails to open.
    pub fn set_opens_links(&self, opens: bool) {
        self.opens_links.set(opens);
    }

    /// Every HTTP request the core asked to send since the phone started,
    /// as "METHOD URL", whether or not it got through.
    pub fn sent_requests(&self) -> Vec<String> {
        self.sent.borrow().clone()
    }

    /// The directory holding the vault's files.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a secure message to the specialist.
    pub fn write_message(&self, text: &str) -> ViewModel {
        self.send(Event::Messages(MessagesEvent::Send(text.into())))
    }

    /// What the shell's sync timer sends.
    pub fn sync(&self) -> ViewModel {
        self.send(Event::Messages(MessagesEvent::Sync))
    }

    /// The background check's config the phone keeps outside the vault,
    /// if the core handed it one (and has not told it to forget it).
    pub fn background_check(&self) -> Option<crate::background::BackgroundCheck> {
        self.background.borrow().clone()
    }

    /// The secure messages on Contact my peer.
    pub fn messages(&self) -> MessagesView {
        self.view().contact().messages.clone()
    }

    /// Each message's text and status, in the order shown.
    pub fn statuses(&self) -> Vec<(String, MessageStatus)> {
        self.messages()
            .conversation
            .into_iter()
            .map(|m| (m.text, m.status))
            .collect()
    }

    fn serve(&self, requests: Vec<ShellRequest>) {
        let mut queue = VecDeque::from(requests);
        while let Some(request) = queue.pop_front() {
            let more = match request.effect {
                ShellEffect::PlatformKey(operation) => match self.device_key.answer(&operation) {
                    Some(output) => self.host.resolve_platform_key(request.id, output),
                    None => continue,
                },
                ShellEffect::Render => continue,
                ShellEffect::Http(http) => {
                    let result = self.carry(&http);
                    self.host.resolve_http(request.id, result)
                }
                ShellEffect::OpenUrl(_) => {
                    let outcome = if self.opens_links.get() {
                        LinkOutcome::Opened
                    } else {
                        LinkOutcome::Failed
                    };
                    self.host.resolve_link(request.id, outcome)
                }
                ShellEffect::Share(_) | ShellEffect::Notify(_) => {
                    self.host.resolve_done(request.id)
                }
                ShellEffect::Background(operation) => {
                    *self.background.borrow_mut() = kept(operation);
                    self.host.resolve_done(request.id)
                }
            };
            queue.extend(more.expect("the core takes its own request's answer"));
        }
    }

    fn carry(&self, request: &HttpRequest) -> HttpResult {
        self.sent
            .borrow_mut()
            .push(format!("{} {}", request.method, request.url));
        match &self.setup.network {
            Some(network) if self.online.get() => network(request),
            _ => HttpResult::Unreachable,
        }
    }
}

impl Default for Phone {
    fn default() -> Self {
        Self::new()
    }
}

/// The phone keystore's device key, as a shell keeps it: created on the
/// first ask, never handed out, only its HMAC of the core's salt.
#[derive(Default)]
pub struct DeviceKey {
    key: RefCell<Option<ring::hmac::Key>>,
    /// The keystore cannot answer (a locked or broken keystore).
    unavailable: Cell<bool>,
}

impl DeviceKey {
    /// The answer a shell gives to a device-key request; `None` for the
    /// biometric key's, which tests answer themselves.
    fn answer(&self, operation: &PlatformKeyOperation) -> Option<PlatformKeyOutput> {
        match operation {
            PlatformKeyOperation::DeviceSecret { salt } => Some(if self.unavailable.get() {
                PlatformKeyOutput::Unavailable
            } else {
                PlatformKeyOutput::Key(self.secret(salt))
            }),
            PlatformKeyOperation::DestroyDeviceKey => {
                self.destroy();
                Some(PlatformKeyOutput::Deleted)
            }
            _ => None,
        }
    }

    fn secret(&self, salt: &[u8]) -> Vec<u8> {
        let mut key = self.key.borrow_mut();
        let key = key.get_or_insert_with(|| {
            ring::hmac::Key::generate(ring::hmac::HMAC_SHA256, &ring::rand::SystemRandom::new())
                .expect("a random device key")
        });
        ring::hmac::sign(key, salt).as_ref().to_vec()
    }

    /// This device's secret, as the core asks for it (creating the key if
    /// there is none yet).
    pub fn device_secret(&self) -> DeviceSecret {
        DeviceSecret::from_bytes(&self.secret(DEVICE_SECRET_SALT)).expect("32 bytes")
    }

    /// Destroys the device key, as the shell does on erase.
    pub fn destroy(&self) {
        self.key.replace(None);
    }

    /// Whether the keystore holds a device key.
    pub fn exists(&self) -> bool {
        self.key.borrow().is_some()
    }

    /// Makes the keystore refuse (or answer again).
    pub fn set_unavailable(&self, unavailable: bool) {
        self.unavailable.set(unavailable);
    }
}

/// A phone's clocks: the wall clock, which the participant can set, and the
/// one counting from boot, which no one can.
struct Clocks {
    wall: AtomicI64,
    since_boot: AtomicI64,
}

/// A phone's files, clock and keystore while the app is closed.
pub struct SwitchedOff {
    dir: TempDir,
    clock: Arc<Clocks>,
    device_key: DeviceKey,
    setup: Setup,
}

impl SwitchedOff {
    /// The directory holding the vault's files.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The phone's keystore, which holds the device key.
    pub fn device_key(&self) -> &DeviceKey {
        &self.device_key
    }

    /// Every file in [`SwitchedOff::dir`].
    pub fn files(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.dir.path())
            .expect("the vault's directory")
            .map(|entry| entry.expect("a directory entry").path())
            .collect()
    }

    /// The pairing record as the vault file holds it, unlocked with
    /// [`PASSCODE`]: what someone who copied the phone's files and learned
    /// its passcode would find (the channel's current state among it).
    pub fn stored_pairing(&self) -> Option<Messaging> {
        let passcode =
            Credential::PasscodeOnDevice(Passcode::new(PASSCODE), self.device_key.device_secret());
        let now_ms = self.clock.wall.load(Ordering::SeqCst);
        let vault = Vault::unlock(self.dir.path().join("phoenix.db"), &passcode, now_ms).ok()?;
        vault
            .load_all()
            .ok()?
            .records
            .iter()
            .find(|record| record.kind == Messaging::KIND && record.id == PROFILE_ID)
            .and_then(|record| Messaging::from_body(&record.body))
    }

    /// The app opened again: a new core over the same files and clock.
    pub fn switch_on(self) -> Phone {
        Phone::start(self.dir, self.clock, self.device_key, self.setup)
    }
}

/// What a shell keeps for `operation`.
fn kept(
    operation: crate::effects::BackgroundCheckOperation,
) -> Option<crate::background::BackgroundCheck> {
    match operation {
        crate::effects::BackgroundCheckOperation::Keep {
            relay,
            waiting_key,
            discreet,
            language,
        } => Some(crate::background::BackgroundCheck {
            relay,
            waiting_key,
            discreet,
            language,
        }),
        crate::effects::BackgroundCheckOperation::Forget => None,
    }
}
