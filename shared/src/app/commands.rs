//! Turning a feature's [`Update`] into crux commands: one vault transaction,
//! the shell's requests, and a render.

use crux_core::{Command, render::render};

use super::event::{Event, RelayAnswer, StoreResult};
use crate::effects::{Effect, LinkOutcome, OpenUrl, StoreOperation};
use crate::model::problem::Problem;
use crate::model::{Model, Request, Update};
use crate::vault::Change;

pub type Cmd = Command<Effect, Event>;

/// Asks the vault; its answer comes back as [`Event::Store`].
pub fn store(operation: StoreOperation) -> Cmd {
    Command::request_from_shell(operation)
        .then_send(|output| Event::Store(StoreResult::new(output)))
}

/// Saves the changes in one transaction, and renders.
fn persist(changes: Vec<Change>) -> Cmd {
    if changes.is_empty() {
        render()
    } else {
        store(StoreOperation::Apply(changes)).and(render())
    }
}

/// Runs what a feature asked for. A link or a file handed to the phone is
/// redrawn when the phone answers; everything else renders at once.
pub fn run(update: Update) -> Cmd {
    let hands_off = update.hands_off() && update.changes.is_empty();
    let requests = Command::all(update.requests.into_iter().map(request));
    if hands_off {
        requests
    } else {
        requests.and(persist(update.changes))
    }
}

fn request(request: Request) -> Cmd {
    match request {
        Request::OpenUrl(url) => Command::request_from_shell(OpenUrl { url: url.clone() })
            .then_send(move |outcome| match outcome {
                LinkOutcome::Opened => Event::DismissProblem,
                LinkOutcome::Failed => Event::LinkFailed(url.clone()),
            }),
        Request::Share(file) => {
            Command::request_from_shell(file).then_send(|()| Event::DismissProblem)
        }
        Request::Relay(call, request) => Command::request_from_shell(request)
            .then_send(move |result| Event::Relay(RelayAnswer(call, result))),
    }
}

/// Shows a problem; the data is untouched.
pub fn problem(model: &mut Model, problem: Problem) -> Cmd {
    model.problem = Some(problem);
    render()
}
