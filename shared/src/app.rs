//! The Crux app: routes events to the features, runs the lock's lifecycle,
//! and builds the view from the features.
//!
//! Every shell event is first stamped with the time. Then the lifecycle
//! (`lifecycle.rs`) handles starting, unlocking, locking and erasing, and
//! each feature in `model/` handles its own events with one contract
//! (`update(event, &mut Unlocked, &Context) -> Result<Update, Problem>`);
//! `commands.rs` turns its [`Update`] into vault and shell requests.

mod commands;
mod event;
mod field;
mod lifecycle;

use crux_core::{App, Command, render::render};

pub use crate::model::settings::SettingsEvent;
pub use event::{Event, KeyPurpose, PlatformKeyResult, RelayAnswer, StoreResult};

use crate::effects::{Effect, HttpResult, ScheduleReminders};
use crate::i18n::{Translations, Translator};
use crate::model::messages::{self, Call, MessagesEvent};
use crate::model::problem::Problem;
use crate::model::recovery::{self, RecoveryEvent};
use crate::model::{
    Context, Model, Request, Screen, State, Unlocked, Update, aftercare, checkin, contact, goals,
    lock, notice, safety, settings, sharing, triggers, undo,
};
use crate::view::{self, ViewModel, export, reminders};
use commands::{Cmd, problem, run};

/// The app. Holds the translations, built once.
pub struct Phoenix {
    translations: Translations,
}

impl Default for Phoenix {
    fn default() -> Self {
        Self {
            translations: Translations::load(),
        }
    }
}

impl Phoenix {
    fn words(&self, model: &Model) -> Translator<'_> {
        Translator {
            translations: &self.translations,
            language: model.language(),
            focus: model.recovery_focus(),
        }
    }
}

impl App for Phoenix {
    type Event = Event;
    type Model = Model;
    type ViewModel = ViewModel;
    type Effect = Effect;

    fn update(&self, event: Event, model: &mut Model) -> Cmd {
        match event {
            Event::Stamped(event, now_ms) => {
                model.now_ms = now_ms;
                if lock::auto_lock_due(model) {
                    return lifecycle::lock(model);
                }
                // The shells' periodic sync is not the participant's activity:
                // it must not keep the app from locking itself.
                let background = matches!(
                    *event,
                    Event::Messages(MessagesEvent::Sync | MessagesEvent::Reconnected)
                );
                if let (State::Unlocked(unlocked), false) = (&mut model.state, background) {
                    unlocked.last_activity_ms = now_ms;
                }
                self.handle(*event, model)
            }
            Event::Store(result) => match result.take() {
                Some(output) => {
                    let words = self.words(model);
                    let command = lifecycle::stored(output, model, &words);
                    // The language may have changed with the data.
                    command
                        .and(reminders_after(model, &self.words(model)))
                        .and(background_after(model))
                }
                None => Command::done(),
            },
            Event::PlatformKey(purpose, PlatformKeyResult(output)) => {
                lifecycle::platform_key_answered(purpose, output, model)
            }
            Event::Relay(RelayAnswer(call, result)) => {
                relay_answered(call, result, model, &self.words(model))
            }
            // The phone could not open the link: show the number instead.
            Event::LinkFailed(url) => {
                model.unopened_link = Some(crate::model::contact::link_address(&url));
                problem(model, Problem::LinkUnopened)
            }
            // Every shell event is first stamped with the time.
            shell_event => Command::request_from_shell(crate::effects::TimeRequest)
                .then_send(move |now_ms| Event::Stamped(Box::new(shell_event), now_ms)),
        }
    }

    fn view(&self, model: &Model) -> ViewModel {
        view::view(model, &self.translations)
    }
}

impl Phoenix {
    /// A shell event, now that the model knows the time.
    fn handle(&self, event: Event, model: &mut Model) -> Cmd {
        match event {
            Event::Start => lifecycle::start(model),
            Event::Resumed => resumed(model, &self.words(model)),
            // Nothing to sync while locked (the keys are in the vault).
            Event::Messages(MessagesEvent::Sync | MessagesEvent::Reconnected)
                if !matches!(model.state, State::Unlocked(_)) =>
            {
                Command::done()
            }
            Event::DismissProblem => {
                model.problem = None;
                render()
            }
            Event::SetPasscode {
                passcode,
                confirmation,
            } => lifecycle::set_passcode(passcode, &confirmation, model),
            Event::Unlock { passcode } => lifecycle::unlock(passcode, model),
            Event::UnlockWithBiometrics => lifecycle::unlock_with_biometrics(model),
            Event::Lock => match model.state {
                State::Unlocked(_) => lifecycle::lock(model),
                _ => render(),
            },
            Event::EraseEverything => lifecycle::erase(model),
            #[cfg(feature = "testing")]
            Event::PanicForTest => panic!("a test asked the event handler to panic"),
            event => {
                let words = self.words(model);
                let cx = Context::of(model, &words);
                let State::Unlocked(unlocked) = &mut model.state else {
                    return problem(model, Problem::NotNow);
                };
                let fields = field::of_event(&event);
                let (action, next_id) = (action_of(&event), unlocked.data.next_id);
                let background = action == notice::Action::Background;
                // The undo is offered until the participant's next action.
                let offered = if background {
                    None
                } else {
                    unlocked.notice = None;
                    unlocked.undo.take()
                };
                let result = match event {
                    Event::Undo => undo::restore(offered, unlocked).map(|update| {
                        unlocked.notice = notice::after(action, &update, next_id, next_id);
                        run(update)
                    }),
                    Event::Settings(event) if event.concerns_the_vault() => {
                        lifecycle::vault_setting(event, unlocked)
                    }
                    event => feature(event, unlocked, &cx).map(|update| {
                        if !background {
                            let created = unlocked.data.next_id;
                            unlocked.notice = notice::after(action, &update, next_id, created);
                        }
                        run(update)
                    }),
                };
                match result {
                    Ok(command) => {
                        model.problem = None;
                        let language = lifecycle::keep_lock_language(model);
                        command
                            .and(language)
                            .and(reminders_after(model, &words))
                            .and(background_after(model))
                    }
                    Err(error) => {
                        model.problem_field = fields.get(error).map(|field| (error, field));
                        problem(model, error)
                    }
                }
            }
        }
    }
}

/// What kind of action an event is, for the notice that confirms it.
fn action_of(event: &Event) -> notice::Action {
    match event {
        Event::RecordLapse { .. } => notice::Action::RecordLapse,
        Event::Messages(MessagesEvent::Sync | MessagesEvent::Reconnected) => {
            notice::Action::Background
        }
        _ => notice::Action::Other,
    }
}

/// Hands an event to its feature.
fn feature(event: Event, unlocked: &mut Unlocked, cx: &Context<'_>) -> Result<Update, Problem> {
    match event {
        Event::Navigate(screen) => navigate(screen, unlocked, cx),
        Event::SetRecoveryDate(date) => {
            recovery::update(RecoveryEvent::SetDate(date), unlocked, cx)
        }
        Event::RecordLapse { date, context } => {
            recovery::update(RecoveryEvent::Lapse { date, context }, unlocked, cx)
        }
        Event::RecoveryCapital(answers) => {
            recovery::update(RecoveryEvent::Capital(answers), unlocked, cx)
        }
        Event::Goals(event) => goals::update(event, unlocked, cx),
        Event::Triggers(event) => triggers::update(event, unlocked, cx),
        Event::Triggered(event) => triggers::advance(event, unlocked, cx),
        Event::CheckIn(form) => checkin::save(form, unlocked, cx),
        Event::Aftercare(event) => aftercare::update(event, unlocked, cx),
        Event::ExportPlan => Ok(Update::request(Request::Share(export::plan_file(
            &unlocked.data,
            cx,
        )))),
        Event::ExportCalendar => Ok(Update::request(Request::Share(export::calendar_file(
            &unlocked.data,
            cx,
        )))),
        Event::SafetyPlan(plan) => safety::save(plan, unlocked, cx),
        Event::Contact(event) => contact::update(event, unlocked, cx),
        Event::Messages(event) => messages::update(event, unlocked, cx),
        Event::Sharing(event) => sharing::update(event, unlocked, cx),
        Event::Settings(event) => settings::update(event, unlocked, cx),
        _ => Err(Problem::NotNow),
    }
}

/// Moves to a screen; showing the conversation marks the specialist's
/// messages read.
fn navigate(screen: Screen, unlocked: &mut Unlocked, cx: &Context<'_>) -> Result<Update, Problem> {
    unlocked.screen = screen;
    unlocked.share_preview = None;
    triggers::leave(&mut unlocked.flow);
    if screen == Screen::Contact {
        return messages::update(MessagesEvent::Shown, unlocked, cx);
    }
    Ok(Update::default())
}

/// Back in the foreground (and not locked by idleness): redraw, and sync
/// secure messages at once rather than at the next tick.
fn resumed(model: &mut Model, words: &Translator<'_>) -> Cmd {
    let cx = Context::of(model, words);
    let State::Unlocked(unlocked) = &mut model.state else {
        return render();
    };
    let sync =
        messages::update(MessagesEvent::Sync, unlocked, &cx).map_or_else(|_| Command::done(), run);
    render().and(sync)
}

/// Hands the phone the reminders, when they changed.
fn reminders_after(model: &mut Model, words: &Translator<'_>) -> Cmd {
    let today = model.today();
    let State::Unlocked(unlocked) = &mut model.state else {
        return Command::done();
    };
    let schedule = reminders::schedule(&unlocked.data, today, words);
    if schedule == unlocked.reminders {
        return Command::done();
    }
    unlocked.reminders.clone_from(&schedule);
    Command::notify_shell(ScheduleReminders(schedule)).into()
}

/// Hands the phone the background check's config, when it changed:
/// paired (once the relay has the waiting key), the setting, discreet mode
/// or the language; or tells it to forget the config (turned off,
/// unpaired).
fn background_after(model: &mut Model) -> Cmd {
    let language = model.language();
    let State::Unlocked(unlocked) = &mut model.state else {
        return Command::done();
    };
    let config = messages::background::config(&unlocked.data, language);
    if config == unlocked.background {
        return Command::done();
    }
    unlocked.background.clone_from(&config);
    Command::notify_shell(config).into()
}

/// The relay answered a call made while unlocked (answers that arrive
/// after a lock are dropped: the request was forgotten with the keys).
fn relay_answered(
    call: Call,
    result: HttpResult,
    model: &mut Model,
    words: &Translator<'_>,
) -> Cmd {
    let cx = Context::of(model, words);
    let State::Unlocked(unlocked) = &mut model.state else {
        return Command::done();
    };
    let fetched = call == Call::Fetch;
    let update = match messages::answered(call, result, unlocked, &cx) {
        Ok(update) => update,
        Err(error) => return problem(model, error),
    };
    // Replies arriving while the conversation is on screen are read.
    let shown = if fetched && unlocked.screen == Screen::Contact {
        messages::update(MessagesEvent::Shown, unlocked, &cx).map_or_else(|_| Command::done(), run)
    } else {
        Command::done()
    };
    run(update).and(shown).and(background_after(model))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::effects::EffectTestExt;
    use crate::model::checkin::CheckInForm;
    use crate::model::goals::{Dimension, GoalEvent};
    use crate::model::triggers::{FlowEvent, Halt};
    use crate::vault::ThrottleStatus;
    use crate::view::ScreenView;

    /// Sends a shell event: the core first asks for the time, then handles
    /// the stamped event. Returns what handling it asked for.
    pub(crate) fn send(app: &Phoenix, event: Event, model: &mut Model, now_ms: i64) -> Cmd {
        let stamped = app
            .update(event, model)
            .resolve_time(|_| now_ms)
            .expect_one_event();
        app.update(stamped, model)
    }

    /// Paired with a specialist through a relay (no relay answers here).
    fn paired(model: &mut Model) {
        use crate::model::messages::Messaging;
        use relay_protocol::DeviceIdentity;
        let State::Unlocked(unlocked) = &mut model.state else {
            panic!("unlocked")
        };
        let device = DeviceIdentity::generate().unwrap();
        let specialist = DeviceIdentity::generate().unwrap();
        unlocked.data.messaging = Some(Messaging {
            relay: "https://relay.example.org".into(),
            identity: device.to_secret_bytes(),
            shared_name: "Alex".into(),
            specialist_name: "Sam".into(),
            specialist_keys: specialist.public_keys(),
            specialist_identity: relay_protocol::channel::Account::new().identity(),
            account: String::new(),
            channel: String::new(),
            pickle_key: zeroize::Zeroizing::new([0; 32]),
            cursor: 0,
            greeting: None,
            dropped: 0,
            key_changed_from: None,
            unacknowledged: Vec::new(),
            waiting_key: None,
            waiting_key_registered: false,
        });
    }

    #[test]
    fn coming_back_to_the_app_fetches_the_specialists_replies_at_once() {
        let app = Phoenix::default();
        let mut model = Model::unlocked();
        let mut unpaired = send(&app, Event::Resumed, &mut model, 1_000);
        assert!(
            !unpaired.effects().any(|e| matches!(e, Effect::Http(_))),
            "nothing to sync before pairing"
        );
        paired(&mut model);
        let mut resumed = send(&app, Event::Resumed, &mut model, 2_000);
        assert!(
            resumed.effects().any(|e| matches!(e, Effect::Http(_))),
            "the core asks the relay itself, without waiting for the shell's timer"
        );
    }

    #[test]
    fn the_view_model_says_how_often_to_sync_and_the_usual_reminder_lead() {
        let app = Phoenix::default();
        let mut model = Model::unlocked();
        assert_eq!(app.view(&model).sync_every_secs, 30);
        send(&app, Event::Navigate(Screen::Aftercare), &mut model, 1_000).expect_only_render();
        let ScreenView::Aftercare(aftercare) = app.view(&model).screen else {
            panic!("aftercare")
        };
        assert_eq!(aftercare.default_remind_minutes, 60);
    }

    #[test]
    fn every_shell_event_is_stamped_with_the_time_first() {
        let app = Phoenix::default();
        let mut model = Model::locked();
        app.update(Event::Lock, &mut model).expect_time();
    }

    #[test]
    fn editing_while_locked_is_refused_and_changes_nothing() {
        let app = Phoenix::default();
        let mut model = Model::locked();
        let mut handled = send(
            &app,
            Event::Goals(GoalEvent::Add {
                title: "Go to a meeting".into(),
                dimension: Dimension::Community,
                why: String::new(),
                target: None,
            }),
            &mut model,
            1_000,
        );
        handled.expect_only_render();
        assert_eq!(model.problem, Some(Problem::NotNow));
        assert_eq!(model.state, State::Locked(ThrottleStatus::default()));
    }

    #[test]
    fn a_saved_change_goes_to_the_vault_in_one_apply() {
        let app = Phoenix::default();
        let mut model = Model::unlocked();
        let mut saved = send(
            &app,
            Event::CheckIn(CheckInForm {
                mood: 3,
                craving: 4,
                halt: Halt::default(),
                sleep_hours: String::new(),
                used_today: None,
                triggers: vec![],
                strategies: vec![],
                note: String::new(),
            }),
            &mut model,
            1_000,
        );
        saved
            .expect_store_with(|operation| {
                assert!(
                    matches!(operation, crate::effects::StoreOperation::Apply(changes) if changes.len() == 1)
                );
            })
            .expect_render();
        saved.expect_no_effects();
    }

    #[test]
    fn out_of_range_ratings_are_refused_with_a_message() {
        let app = Phoenix::default();
        let mut model = Model::unlocked();
        send(&app, Event::Triggered(FlowEvent::Start), &mut model, 1_000).expect_only_render();
        send(
            &app,
            Event::Triggered(FlowEvent::Halt(Halt::default())),
            &mut model,
            1_000,
        )
        .expect_only_render();
        send(
            &app,
            Event::Triggered(FlowEvent::RateBefore(11)),
            &mut model,
            1_000,
        )
        .expect_only_render();
        assert_eq!(model.problem, Some(Problem::OutOfRange));
        let State::Unlocked(unlocked) = &model.state else {
            panic!()
        };
        assert_eq!(unlocked.flow.as_ref().unwrap().before, None);
    }
}
