//! The edits people expect, through the real host with a real vault on
//! disk: a first run that is honest about a forgotten passcode.

use shared::model::lock::MIN_PASSCODE_CHARS;
use shared::testing::{Phone, Setup};
use shared::view::ScreenView;

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
