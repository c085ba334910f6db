//! Which screen the participant sees, and its view model: each feature's
//! view is built in its own module.

use serde::{Deserialize, Serialize};

use super::aftercare::{AftercareView, aftercare_view};
use super::checkin::{CheckInView, TrendsView, check_in_view, trends_view};
use super::contact::{ContactView, contact_view};
use super::goals::{GoalsView, goals_view};
use super::lock::{FirstRunView, LockView, first_run_view, lock_view};
use super::safety::{SafetyPlanView, safety_view};
use super::settings::{SettingsView, settings_view};
use super::today::{TodayView, today_view};
use super::triggers::{TriggeredView, TriggersView, triggered, triggers_view};
use crate::i18n::Translator;
use crate::model::{Model, Screen, State, Unlocked};

// Built once per render and handed over whole: the size of the largest
// screen does not matter, and boxing would show in every shell's types.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, facet::Facet)]
#[repr(C)]
pub enum ScreenView {
    Starting,
    FirstRun(FirstRunView),
    Locked(LockView),
    Today(TodayView),
    Goals(GoalsView),
    Triggers(TriggersView),
    Triggered(TriggeredView),
    CheckIn(CheckInView),
    Trends(TrendsView),
    Aftercare(AftercareView),
    SafetyPlan(SafetyPlanView),
    Contact(ContactView),
    Settings(SettingsView),
}

pub(super) fn screen(model: &Model, words: &Translator<'_>) -> ScreenView {
    match &model.state {
        State::Starting => ScreenView::Starting,
        State::FirstRun => ScreenView::FirstRun(first_run_view(words)),
        State::Locked(throttle) => ScreenView::Locked(lock_view(throttle, words)),
        State::Unlocked(unlocked) => unlocked_screen(unlocked, model, words),
    }
}

fn unlocked_screen(unlocked: &Unlocked, model: &Model, words: &Translator<'_>) -> ScreenView {
    let data = &unlocked.data;
    let today = model.today();
    if let Some(flow) = &unlocked.flow {
        return ScreenView::Triggered(triggered(flow, data, model.local_now(), words));
    }
    match unlocked.screen {
        Screen::Today => ScreenView::Today(TodayView {
            lapse_response: super::lapse::response(unlocked.notice, data, today, words),
            ..today_view(data, today, words)
        }),
        Screen::Goals => ScreenView::Goals(goals_view(data, words)),
        Screen::Triggers => ScreenView::Triggers(triggers_view(data, words)),
        Screen::CheckIn => ScreenView::CheckIn(check_in_view(data, today, words)),
        Screen::Trends => ScreenView::Trends(trends_view(data, today, words)),
        Screen::Aftercare => ScreenView::Aftercare(aftercare_view(data, words)),
        Screen::SafetyPlan => ScreenView::SafetyPlan(safety_view(data, words)),
        Screen::Contact => {
            let zone = &model.environment.time_zone;
            let local = |at_ms: i64| {
                zone.local(at_ms)
                    .map(|at| super::dates::date_time(words, at))
                    .unwrap_or_default()
            };
            let messages = super::messages::messages_view(data, &unlocked.relay, &local, words);
            ScreenView::Contact(contact_view(data, model.local_now(), messages, words))
        }
        Screen::Settings => ScreenView::Settings(settings_view(unlocked, words)),
    }
}
