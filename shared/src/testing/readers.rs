//! Readers a test uses on what the core hands back: the shell requests
//! ([`ShellRequests`]) and the screen a view model shows ([`Screens`]).

use crate::effects::{PlatformKeyOperation, Reminder, ShareFile};
use crate::host::{ShellEffect, ShellRequest};
use crate::view::{
    AftercareView, ContactView, GoalsView, ScreenView, TodayView, TriggeredView, TriggersView,
    ViewModel,
};

/// What a test looks for among the requests the core handed the shell;
/// each fails the test if there is none.
pub trait ShellRequests {
    /// The first file to share, and its request's id.
    fn shared_file(&self) -> (u32, ShareFile);
    /// The first link to open.
    fn opened_url(&self) -> String;
    /// The new reminder schedule, and its request's id.
    fn reminders(&self) -> (u32, Vec<Reminder>);
    /// The first platform-keystore request, and its id.
    fn platform_key(&self) -> (u32, PlatformKeyOperation);
    /// Whether the shell is asked to redraw (this one never fails).
    fn redraws(&self) -> bool;
}

impl ShellRequests for [ShellRequest] {
    fn shared_file(&self) -> (u32, ShareFile) {
        self.iter()
            .find_map(|r| match &r.effect {
                ShellEffect::Share(file) => Some((r.id, file.clone())),
                _ => None,
            })
            .expect("a file to share")
    }

    fn opened_url(&self) -> String {
        self.iter()
            .find_map(|r| match &r.effect {
                ShellEffect::OpenUrl(open) => Some(open.url.clone()),
                _ => None,
            })
            .expect("a link to open")
    }

    fn reminders(&self) -> (u32, Vec<Reminder>) {
        self.iter()
            .find_map(|r| match &r.effect {
                ShellEffect::Notify(schedule) => Some((r.id, schedule.0.clone())),
                _ => None,
            })
            .expect("a new reminder schedule")
    }

    fn platform_key(&self) -> (u32, PlatformKeyOperation) {
        self.iter()
            .find_map(|r| match &r.effect {
                ShellEffect::PlatformKey(operation) => Some((r.id, operation.clone())),
                _ => None,
            })
            .expect("a platform-keystore request")
    }

    fn redraws(&self) -> bool {
        self.iter().any(|r| r.effect == ShellEffect::Render)
    }
}

/// The screen a view model shows, for the screens tests read most; each
/// fails the test, naming the screen shown, if another is.
pub trait Screens {
    fn today(&self) -> &TodayView;
    fn goals(&self) -> &GoalsView;
    fn aftercare(&self) -> &AftercareView;
    fn contact(&self) -> &ContactView;
    fn triggers(&self) -> &TriggersView;
    fn triggered(&self) -> &TriggeredView;
}

impl Screens for ViewModel {
    fn today(&self) -> &TodayView {
        match &self.screen {
            ScreenView::Today(today) => today,
            other => panic!("expected Today, got {other:?}"),
        }
    }

    fn goals(&self) -> &GoalsView {
        match &self.screen {
            ScreenView::Goals(goals) => goals,
            other => panic!("expected Goals, got {other:?}"),
        }
    }

    fn aftercare(&self) -> &AftercareView {
        match &self.screen {
            ScreenView::Aftercare(aftercare) => aftercare,
            other => panic!("expected Aftercare, got {other:?}"),
        }
    }

    fn contact(&self) -> &ContactView {
        match &self.screen {
            ScreenView::Contact(contact) => contact,
            other => panic!("expected Contact my peer, got {other:?}"),
        }
    }

    fn triggers(&self) -> &TriggersView {
        match &self.screen {
            ScreenView::Triggers(triggers) => triggers,
            other => panic!("expected Triggers and coping, got {other:?}"),
        }
    }

    fn triggered(&self) -> &TriggeredView {
        match &self.screen {
            ScreenView::Triggered(flow) => flow,
            other => panic!("expected I'm triggered, got {other:?}"),
        }
    }
}
