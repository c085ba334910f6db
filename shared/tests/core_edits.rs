//! The edits people expect, through the real host with a real vault on
//! disk: a first run that is honest about a forgotten passcode; editing and
//! deleting goals, steps, triggers and strategies, with one undo that puts
//! back exactly what was deleted; changing the recovery date; linking a
//! kept built-in idea; Today's coming days.

use shared::app::Event;
use shared::model::Screen;
use shared::model::aftercare::{AftercareEvent, AppointmentForm};
use shared::model::goals::{Dimension, GoalEvent};
use shared::model::lock::MIN_PASSCODE_CHARS;
use shared::model::record::Id;
use shared::model::triggers::{FlowEvent, TriggerEvent, TriggerKind};
use shared::testing::{Phone, Screens, Setup};
use shared::view::{GoalItem, ScreenView, ViewModel};

fn first_run(phone: &Phone) -> shared::view::FirstRunView {
    match phone.view().screen {
        ScreenView::FirstRun(view) => view,
        other => panic!("expected the first run, got {other:?}"),
    }
}

#[test]
fn first_run_says_a_forgotten_passcode_cannot_be_recovered_and_shows_the_minimum_length_before_any_attempt()
 {
    let phone = Phone::new();
    let view = first_run(&phone);
    assert_eq!(
        view.passcode_rule,
        format!("At least {MIN_PASSCODE_CHARS} characters.")
    );
    assert!(view.no_recovery_warning.contains("cannot be recovered"));
    assert!(view.no_recovery_warning.contains("encrypted backup"));
    assert_eq!(phone.problem(), None);

    let spanish = Phone::with(Setup {
        locale: "es-US".into(),
        ..Setup::default()
    });
    let view = first_run(&spanish);
    assert_eq!(
        view.passcode_rule,
        format!("Al menos {MIN_PASSCODE_CHARS} caracteres.")
    );
    assert!(view.no_recovery_warning.contains("no se puede recuperar"));
    assert!(
        view.no_recovery_warning
            .contains("copia de seguridad cifrada")
    );
}

/// Adds a goal on the Goals screen; returns its id.
fn add_goal(phone: &Phone, title: &str) -> Id {
    let view = phone.send_ok(Event::Goals(GoalEvent::Add {
        title: title.into(),
        dimension: Dimension::Health,
        why: "To feel well".into(),
        target: None,
    }));
    view.new_item.expect("the new goal")
}

fn add_step(phone: &Phone, goal: Id, title: &str, due: Option<&str>) -> Id {
    let view = phone.send_ok(Event::Goals(GoalEvent::AddStep {
        goal,
        title: title.into(),
        due: due.map(Into::into),
    }));
    view.new_item.expect("the new step")
}

fn goal(view: &ViewModel, id: Id) -> GoalItem {
    view.goals()
        .goals
        .iter()
        .find(|goal| goal.id == id)
        .cloned()
        .unwrap_or_else(|| panic!("goal {id} listed"))
}

#[test]
fn a_goal_and_its_steps_can_be_changed_and_a_deleted_goal_comes_back_whole_with_undo() {
    let phone = Phone::participant();
    phone.send_ok(Event::Navigate(Screen::Goals));
    let walk = add_goal(&phone, "Walk more");
    let shoes = add_step(&phone, walk, "Buy shoes", Some("2026-03-05"));
    let route = add_step(&phone, walk, "Pick a route", None);
    phone.send_ok(Event::Goals(GoalEvent::CompleteStep(shoes)));

    phone.send_ok(Event::Goals(GoalEvent::Edit {
        goal: walk,
        title: "Walk every day".into(),
        dimension: Dimension::Community,
        why: "With a friend".into(),
        target: Some("2026-06-01".into()),
    }));
    let view = phone.send_ok(Event::Goals(GoalEvent::EditStep {
        step: route,
        title: "Pick a route by the river".into(),
        due: Some("2026-03-09".into()),
    }));
    let before = goal(&view, walk);
    assert_eq!(before.title, "Walk every day");
    assert_eq!(before.why, "With a friend");
    assert_eq!(before.target.as_deref(), Some("June 1, 2026"));
    assert_eq!(before.target_date.as_deref(), Some("2026-06-01"));
    assert_eq!(before.steps[1].title, "Pick a route by the river");
    assert_eq!(before.steps[1].due.as_deref(), Some("March 9, 2026"));
    assert_eq!(before.steps[1].due_date.as_deref(), Some("2026-03-09"));

    // An empty title is refused at the edit form's field; nothing changes.
    let refused = phone.send(Event::Goals(GoalEvent::EditStep {
        step: route,
        title: "  ".into(),
        due: None,
    }));
    assert_eq!(refused.problem_field.as_deref(), Some("step-edit-title"));
    assert_eq!(goal(&refused, walk), before);

    let deleted = phone.send_ok(Event::Goals(GoalEvent::DeleteGoal(walk)));
    assert!(deleted.goals().goals.is_empty());
    // With no goal left, the screen says in one sentence what it is for.
    assert_eq!(
        deleted.goals().empty.as_deref(),
        Some("Goals are what you are working toward, one small step at a time.")
    );
    assert_eq!(
        view.goals().empty,
        None,
        "no such sentence while there are goals"
    );
    let offer = deleted.undo.expect("one undo offered after a delete");
    assert_eq!(offer.label, "Undo");
    assert_eq!(deleted.status.as_deref(), Some("Goal deleted."));

    let restored = phone.send_ok(Event::Undo);
    assert_eq!(
        goal(&restored, walk),
        before,
        "the goal and its steps, exactly"
    );
    assert_eq!(restored.undo, None);

    // What undo put back is in the vault.
    let phone = phone.restart();
    phone.unlock();
    assert_eq!(
        goal(&phone.send_ok(Event::Navigate(Screen::Goals)), walk),
        before
    );
}

#[test]
fn the_undo_offer_goes_away_with_the_next_change_or_navigation() {
    let phone = Phone::participant();
    phone.send_ok(Event::Navigate(Screen::Goals));
    let walk = add_goal(&phone, "Walk more");
    let shoes = add_step(&phone, walk, "Buy shoes", None);
    let route = add_step(&phone, walk, "Pick a route", None);

    let view = phone.send_ok(Event::Goals(GoalEvent::DeleteStep(shoes)));
    assert_eq!(view.status.as_deref(), Some("Step deleted."));
    assert!(view.undo.is_some());
    let view = phone.send_ok(Event::Navigate(Screen::Today));
    assert_eq!(view.undo, None, "navigation ends the offer");
    let view = phone.send(Event::Undo);
    assert!(view.problem.is_some(), "nothing left to undo");

    let view = phone.send_ok(Event::Goals(GoalEvent::DeleteStep(route)));
    assert!(view.undo.is_some());
    let view = phone.send_ok(Event::Goals(GoalEvent::AddStep {
        goal: walk,
        title: "Call Sam".into(),
        due: None,
    }));
    assert_eq!(view.undo, None, "the next change ends the offer");
    phone.send(Event::Undo);
    let view = phone.send_ok(Event::Navigate(Screen::Goals));
    let titles: Vec<String> = goal(&view, walk)
        .steps
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles, ["Call Sam"]);
}

#[test]
fn a_deleted_trigger_comes_back_with_undo_with_its_links_and_its_history() {
    let phone = Phone::participant();
    phone.send_ok(Event::Navigate(Screen::Triggers));
    let payday = phone
        .send_ok(Event::Triggers(TriggerEvent::AddTrigger {
            category: TriggerKind::Times,
            name: "Payday".into(),
        }))
        .new_item
        .expect("the trigger");
    let walk = phone
        .send_ok(Event::Triggers(TriggerEvent::AddStrategy {
            name: "Walk it off".into(),
            triggers: vec![payday],
        }))
        .new_item
        .expect("the strategy");
    // One craving on payday, lowered by the walk: history for this trigger.
    phone.send_ok(Event::Triggered(FlowEvent::Start));
    phone.send_ok(Event::Triggered(FlowEvent::ChooseTrigger(payday)));
    phone.send_ok(Event::Triggered(FlowEvent::RateBefore(8)));
    phone.send_ok(Event::Triggered(FlowEvent::Tried {
        strategy: walk,
        tried: true,
    }));
    phone.send_ok(Event::Triggered(FlowEvent::RateAfter(3)));
    phone.send_ok(Event::Triggered(FlowEvent::Cancel));
    let before = phone.view().triggers().clone();
    assert_eq!(before.triggers[0].strategies, [walk]);
    assert_eq!(
        before.triggers[0].insight.len(),
        1,
        "the walk helped on payday"
    );

    let deleted = phone.send_ok(Event::Triggers(TriggerEvent::RemoveTrigger(payday)));
    assert!(deleted.triggers().triggers.is_empty());
    assert!(deleted.triggers().strategies[0].triggers.is_empty());
    assert_eq!(deleted.status.as_deref(), Some("Trigger deleted."));

    let restored = phone.send_ok(Event::Undo);
    assert_eq!(
        restored.triggers(),
        &before,
        "the trigger, its links and its history"
    );

    let phone = phone.restart();
    phone.unlock();
    assert_eq!(
        phone.send_ok(Event::Navigate(Screen::Triggers)).triggers(),
        &before
    );
}

#[test]
fn triggers_and_strategies_can_be_renamed_and_a_deleted_strategy_comes_back_with_undo() {
    let phone = Phone::participant();
    phone.send_ok(Event::Navigate(Screen::Triggers));
    let trigger = phone
        .send_ok(Event::Triggers(TriggerEvent::AddTrigger {
            category: TriggerKind::Places,
            name: "The bar".into(),
        }))
        .new_item
        .expect("the trigger");
    let strategy = phone
        .send_ok(Event::Triggers(TriggerEvent::AddStrategy {
            name: "Breathe".into(),
            triggers: vec![trigger],
        }))
        .new_item
        .expect("the strategy");

    phone.send_ok(Event::Triggers(TriggerEvent::EditTrigger {
        trigger,
        category: TriggerKind::People,
        name: "Old friends from the bar".into(),
    }));
    let view = phone.send_ok(Event::Triggers(TriggerEvent::EditStrategy {
        strategy,
        name: "Breathe slowly, 4-7-8".into(),
    }));
    let renamed = view.triggers().clone();
    assert_eq!(renamed.triggers[0].name, "Old friends from the bar");
    assert_eq!(renamed.triggers[0].kind, TriggerKind::People);
    assert_eq!(renamed.strategies[0].name, "Breathe slowly, 4-7-8");
    assert_eq!(renamed.strategies[0].triggers, [trigger], "links stay");

    let refused = phone.send(Event::Triggers(TriggerEvent::EditTrigger {
        trigger,
        category: TriggerKind::Things,
        name: String::new(),
    }));
    assert_eq!(refused.problem_field.as_deref(), Some("trigger-edit-name"));
    let refused = phone.send(Event::Triggers(TriggerEvent::EditStrategy {
        strategy,
        name: " ".into(),
    }));
    assert_eq!(refused.problem_field.as_deref(), Some("strategy-edit-name"));
    assert_eq!(refused.triggers(), &renamed);

    let deleted = phone.send_ok(Event::Triggers(TriggerEvent::RemoveStrategy(strategy)));
    assert!(deleted.triggers().strategies.is_empty());
    assert_eq!(deleted.status.as_deref(), Some("Coping strategy deleted."));
    assert_eq!(phone.send_ok(Event::Undo).triggers(), &renamed);
}

#[test]
fn the_recovery_date_can_be_changed_under_the_first_dates_rules_and_lapses_stay() {
    let phone = Phone::participant();
    phone.send_ok(Event::SetRecoveryDate("2026-02-01".into()));
    phone.send_ok(Event::RecordLapse {
        date: "2026-02-20".into(),
        context: String::new(),
    });
    let view = phone.view();
    let today = view.today();
    assert_eq!(today.recovery_date.as_deref(), Some("2026-02-01"));
    assert_eq!(today.change_recovery_date_label, "Change recovery date");
    let recovery = today.recovery.clone().expect("days in recovery");
    // 1 Feb to 2 Mar with the 20th a lapse: 19 days, then 9.
    assert_eq!((recovery.current_days, recovery.total_days), (9, 28));

    // A date in the future is refused at its field, as the first one was.
    let refused = phone.send(Event::SetRecoveryDate("2026-03-03".into()));
    assert_eq!(refused.problem_field.as_deref(), Some("recovery-date"));
    assert_eq!(refused.today().recovery_date.as_deref(), Some("2026-02-01"));

    // An earlier date: the lapse stays, so the current stretch is the same
    // and the total grows by January's 31 days.
    let view = phone.send_ok(Event::SetRecoveryDate("2026-01-01".into()));
    let recovery = view.today().recovery.clone().expect("days in recovery");
    assert_eq!(view.today().recovery_date.as_deref(), Some("2026-01-01"));
    assert_eq!((recovery.current_days, recovery.total_days), (9, 59));
    assert_eq!(recovery.longest_days, 50);
}

#[test]
fn a_kept_built_in_idea_can_be_linked_to_triggers_and_is_offered_for_them() {
    let phone = Phone::with(Setup {
        locale: "es-US".into(),
        ..Setup::default()
    });
    phone.choose_passcode();
    phone.send_ok(Event::Navigate(Screen::Triggers));
    let night = phone
        .send_ok(Event::Triggers(TriggerEvent::AddTrigger {
            category: TriggerKind::Times,
            name: "De noche".into(),
        }))
        .new_item
        .expect("the trigger");
    let view = phone.send_ok(Event::Triggers(TriggerEvent::KeepSuggestion {
        idea: "starter-walk".into(),
        triggers: Vec::new(),
    }));
    let walk = view.new_item.expect("the kept idea");
    let kept = view.triggers().strategies[0].name.clone();
    assert!(
        !view.triggers().suggestions.iter().any(|s| s.label == kept),
        "a kept idea leaves the suggestions, named in Spanish: {kept}"
    );
    let view = phone.send_ok(Event::Triggers(TriggerEvent::Link {
        strategy: walk,
        trigger: night,
        linked: true,
    }));
    assert_eq!(view.triggers().triggers[0].strategies, [walk]);

    phone.send_ok(Event::Triggered(FlowEvent::Start));
    phone.send_ok(Event::Triggered(FlowEvent::ChooseTrigger(night)));
    let view = phone.send_ok(Event::Triggered(FlowEvent::RateBefore(6)));
    assert_eq!(view.triggered().strategies[0].name, kept);

    let unknown = phone.send(Event::Triggers(TriggerEvent::KeepSuggestion {
        idea: "not-an-idea".into(),
        triggers: Vec::new(),
    }));
    assert!(unknown.problem.is_some());
}

#[test]
fn today_shows_the_coming_weeks_appointments_and_open_steps_without_a_due_date() {
    let phone = Phone::participant();
    for (title, at) in [
        ("Doctor", "2026-03-05T09:30"),
        ("Dentist", "2026-03-02T16:00"),
        ("Court date", "2026-03-20T10:00"),
    ] {
        phone.send_ok(Event::Aftercare(AftercareEvent::SaveAppointment {
            id: None,
            appointment: AppointmentForm {
                title: title.into(),
                at: at.into(),
                place: String::new(),
                remind_minutes_before: None,
            },
        }));
    }
    let walk = add_goal(&phone, "Walk more");
    add_step(&phone, walk, "Pick a route", None);
    add_step(&phone, walk, "Buy shoes", Some("2026-03-01"));
    add_step(&phone, walk, "Walk 5 km", Some("2026-04-01"));
    let done = add_step(&phone, walk, "Ask Sam to come", None);
    phone.send_ok(Event::Goals(GoalEvent::CompleteStep(done)));

    let view = phone.send_ok(Event::Navigate(Screen::Today));
    let today = view.today();
    let appointments: Vec<&str> = today
        .appointments
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(
        appointments,
        ["Dentist", "Doctor"],
        "the next 7 days, earliest first"
    );
    assert_eq!(
        today.appointments_heading,
        "Appointments in the next 7 days"
    );
    let steps: Vec<&str> = today.steps_due.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        steps,
        ["Buy shoes", "Pick a route"],
        "due first, then undated; open only"
    );
}
