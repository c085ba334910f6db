//! What the participant is told after an action: every save is confirmed
//! (shells announce it to screen readers) and points at the new item; a
//! recorded lapse gets a kind answer instead of a plain "Saved".

use super::Update;
use super::record::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Saved; `item` is the record the action created, if it created one.
    Saved { item: Option<Id> },
    /// A lapse was recorded: say something kind, keep the total days in
    /// view, offer people and the safety plan.
    LapseRecorded,
}

/// What kind of action produced an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    RecordLapse,
    /// The shells' periodic sync: not the participant's, keeps the notice.
    Background,
    Other,
}

/// The notice for an action that produced `outcome`; `next_id_before` is
/// the data's id counter before the action, to find the record it created.
pub fn after(
    action: Action,
    outcome: &Update,
    next_id_before: Id,
    next_id_after: Id,
) -> Option<Notice> {
    if outcome.changes.is_empty() {
        return None;
    }
    Some(match action {
        Action::RecordLapse => Notice::LapseRecorded,
        Action::Other | Action::Background => Notice::Saved {
            item: (next_id_after != next_id_before).then(|| next_id_after - 1),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::Change;

    fn one_change() -> Update {
        Update::saved(vec![Change::Delete {
            kind: crate::vault::RecordKind::Goal,
            id: 3,
        }])
    }

    #[test]
    fn a_save_that_created_a_record_points_at_it() {
        assert_eq!(
            after(Action::Other, &one_change(), 10, 11),
            Some(Notice::Saved { item: Some(10) })
        );
        assert_eq!(
            after(Action::Other, &one_change(), 10, 10),
            Some(Notice::Saved { item: None })
        );
    }

    #[test]
    fn nothing_saved_says_nothing_and_a_lapse_gets_its_own_answer() {
        assert_eq!(after(Action::Other, &Update::default(), 1, 1), None);
        assert_eq!(
            after(Action::RecordLapse, &one_change(), 1, 2),
            Some(Notice::LapseRecorded)
        );
    }
}
