//! The secure messages on a test phone: writing, syncing and reading them.

use super::{Phone, Screens};
use crate::app::Event;
use crate::model::messages::{MessageStatus, MessagesEvent};
use crate::view::ViewModel;
use crate::view::messages::MessagesView;

impl Phone {
    /// Writes a secure message to the specialist.
    pub fn write_message(&self, text: &str) -> ViewModel {
        self.send(Event::Messages(MessagesEvent::Send(text.into())))
    }

    /// What the shell's sync timer sends.
    pub fn sync(&self) -> ViewModel {
        self.send(Event::Messages(MessagesEvent::Sync))
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
}
