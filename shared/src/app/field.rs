//! Which form field a refused action's problem belongs to, so shells can
//! show the message at that field and move focus there (not at the top of
//! a long page). Field names are stable identifiers the shells tag their
//! inputs with.

use super::{Event, SettingsEvent};
use crate::model::aftercare::AftercareEvent;
use crate::model::contact::ContactEvent;
use crate::model::goals::GoalEvent;
use crate::model::problem::Problem;
use crate::model::triggers::TriggerEvent;

/// First run: the passcode and its confirmation.
pub const PASSCODE: &str = "passcode";
pub const PASSCODE_CONFIRMATION: &str = "passcode-confirmation";

/// The fields an action's problems would belong to, worked out before the
/// action runs (it consumes the event).
#[derive(Debug, Clone, Default)]
pub struct Fields(Vec<(Problem, &'static str)>);

impl Fields {
    pub fn get(&self, problem: Problem) -> Option<&'static str> {
        self.0
            .iter()
            .find(|(p, _)| *p == problem)
            .map(|(_, field)| *field)
    }
}

/// The problems a form can have at one of its fields.
const FIELD_PROBLEMS: [Problem; 6] = [
    Problem::EmptyText,
    Problem::InvalidDate,
    Problem::OutOfRange,
    Problem::PasscodeTooShort,
    Problem::PasscodesDiffer,
    Problem::PasscodeTooCommon,
];

pub fn of_event(event: &Event) -> Fields {
    Fields(
        FIELD_PROBLEMS
            .iter()
            .filter_map(|problem| of(event, *problem).map(|field| (*problem, field)))
            .collect(),
    )
}

/// The field `problem` is about, for the action `event`; `None` when it is
/// about the whole screen.
pub fn of(event: &Event, problem: Problem) -> Option<&'static str> {
    use Problem::{
        EmptyText, InvalidDate, OutOfRange, PasscodeTooCommon, PasscodeTooShort, PasscodesDiffer,
    };
    Some(match (event, problem) {
        (Event::SetPasscode { .. }, PasscodesDiffer) => PASSCODE_CONFIRMATION,
        (Event::SetPasscode { .. }, PasscodeTooShort | PasscodeTooCommon) => PASSCODE,
        (Event::SetRecoveryDate(_), InvalidDate) => "recovery-date",
        // Mood and craving are scales the shells bound; the hours of sleep
        // are typed.
        (Event::CheckIn(_), OutOfRange) => "sleep-hours",
        (Event::RecordLapse { .. }, InvalidDate) => "lapse-date",
        (Event::Goals(GoalEvent::Add { .. }), EmptyText) => "goal-title",
        (Event::Goals(GoalEvent::Add { .. }), InvalidDate) => "goal-target",
        (Event::Goals(GoalEvent::Edit { .. }), EmptyText) => "goal-edit-title",
        (Event::Goals(GoalEvent::Edit { .. }), InvalidDate) => "goal-edit-target",
        (Event::Goals(GoalEvent::AddStep { .. }), EmptyText) => "step-title",
        (Event::Goals(GoalEvent::AddStep { .. }), InvalidDate) => "step-due",
        (Event::Goals(GoalEvent::EditStep { .. }), EmptyText) => "step-edit-title",
        (Event::Goals(GoalEvent::EditStep { .. }), InvalidDate) => "step-edit-due",
        (Event::Triggers(TriggerEvent::EditTrigger { .. }), EmptyText) => "trigger-edit-name",
        (Event::Triggers(TriggerEvent::EditStrategy { .. }), EmptyText) => "strategy-edit-name",
        (Event::Triggers(TriggerEvent::AddTrigger { .. }), EmptyText) => "trigger-name",
        (Event::Triggers(TriggerEvent::AddStrategy { .. }), EmptyText) => "strategy-name",
        (Event::Aftercare(AftercareEvent::SaveAppointment { .. }), EmptyText) => {
            "appointment-title"
        }
        (Event::Aftercare(AftercareEvent::SaveAppointment { .. }), InvalidDate | OutOfRange) => {
            "appointment-at"
        }
        (Event::Aftercare(AftercareEvent::SaveReferral { .. }), EmptyText) => {
            "referral-organization"
        }
        (Event::Aftercare(AftercareEvent::SaveContact { .. }), EmptyText) => "contact-name",
        (Event::Aftercare(AftercareEvent::SaveMeeting { .. }), EmptyText) => "meeting-name",
        (Event::Aftercare(AftercareEvent::SaveMeeting { .. }), InvalidDate | OutOfRange) => {
            "meeting-time"
        }
        (Event::Contact(ContactEvent::SetSpecialist(_)), EmptyText) => "specialist-name",
        (Event::Contact(ContactEvent::SetSpecialist(_)), OutOfRange | InvalidDate) => {
            "specialist-hours"
        }
        (Event::Settings(SettingsEvent::SetCrisisLine(_)), OutOfRange) => "crisis-line",
        (Event::Settings(SettingsEvent::SetEmergencyNumber(_)), OutOfRange) => "emergency-number",
        (Event::Settings(SettingsEvent::SetCheckInReminder(_)), OutOfRange) => "check-in-reminder",
        (
            Event::Settings(SettingsEvent::ExportBackup { .. }),
            PasscodeTooShort | PasscodeTooCommon,
        ) => "backup-passphrase",
        (Event::Settings(SettingsEvent::ChangePasscode { .. }), PasscodesDiffer) => {
            "new-passcode-confirmation"
        }
        (
            Event::Settings(SettingsEvent::ChangePasscode { .. }),
            PasscodeTooShort | PasscodeTooCommon,
        ) => "new-passcode",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::aftercare::AppointmentForm;

    #[test]
    fn an_empty_appointment_title_belongs_to_the_title_field() {
        let event = Event::Aftercare(AftercareEvent::SaveAppointment {
            id: None,
            appointment: AppointmentForm {
                title: " ".into(),
                at: "2026-03-02T10:00".into(),
                place: String::new(),
                remind_minutes_before: None,
            },
        });
        assert_eq!(of(&event, Problem::EmptyText), Some("appointment-title"));
        assert_eq!(of(&event, Problem::NotNow), None);
    }

    #[test]
    fn passcodes_that_differ_belong_to_the_confirmation() {
        let event = Event::SetPasscode {
            passcode: "a".into(),
            confirmation: "b".into(),
        };
        assert_eq!(
            of(&event, Problem::PasscodesDiffer),
            Some("passcode-confirmation")
        );
    }
}
