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
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use tempfile::TempDir;

use crate::app::Event;
use crate::effects::{HttpRequest, HttpResult};
use crate::host::{CoreHost, ShellRequest};
use crate::view::ViewModel;

mod clocks;
mod device_key;
mod messages;
mod readers;
mod shell;
mod switched_off;

use clocks::Clocks;
pub use device_key::DeviceKey;
pub use readers::{Screens, ShellRequests};
pub use switched_off::SwitchedOff;

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

    /// The directory holding the vault's files.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Default for Phone {
    fn default() -> Self {
        Self::new()
    }
}
