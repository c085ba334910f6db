//! The shell's side of a test phone: each request answered as a shell
//! answers it (the keystore, the network, links, share, notify, the
//! background check's config), and what the phone sent and kept.

use std::collections::VecDeque;

use super::Phone;
use crate::app::Event;
use crate::effects::{HttpRequest, HttpResult, LinkOutcome};
use crate::host::{ShellEffect, ShellRequest};

impl Phone {
    /// Sends an event; answers the device key's requests at once, as the
    /// keystore does, and returns every other request unanswered.
    pub fn requests_past_the_keystore(&self, event: Event) -> Vec<ShellRequest> {
        let mut queue = VecDeque::from(self.host.update(event));
        let mut others = Vec::new();
        while let Some(request) = queue.pop_front() {
            let answer = match &request.effect {
                ShellEffect::PlatformKey(operation) => self.device_key.answer(operation),
                _ => None,
            };
            match answer {
                Some(output) => queue.extend(
                    self.host
                        .resolve_platform_key(request.id, output)
                        .expect("the core takes its own request's answer"),
                ),
                None => others.push(request),
            }
        }
        others
    }

    /// Loses or finds the network: offline, every request is unreachable.
    pub fn set_online(&self, online: bool) {
        self.online.set(online);
    }

    /// Whether the phone has apps for links (a tablet has no dialer, and
    /// may have no messages app): without them every link fails to open.
    pub fn set_opens_links(&self, opens: bool) {
        self.opens_links.set(opens);
    }

    /// Every HTTP request the core asked to send since the phone started,
    /// as "METHOD URL", whether or not it got through.
    pub fn sent_requests(&self) -> Vec<String> {
        self.sent.borrow().clone()
    }

    /// The background check's config the phone keeps outside the vault,
    /// if the core handed it one (and has not told it to forget it).
    pub fn background_check(&self) -> Option<crate::background::BackgroundCheck> {
        self.background.borrow().clone()
    }

    pub(super) fn serve(&self, requests: Vec<ShellRequest>) {
        let mut queue = VecDeque::from(requests);
        while let Some(request) = queue.pop_front() {
            let more = match request.effect {
                ShellEffect::PlatformKey(operation) => match self.device_key.answer(&operation) {
                    Some(output) => self.host.resolve_platform_key(request.id, output),
                    None => continue,
                },
                ShellEffect::Render => continue,
                ShellEffect::Http(http) => {
                    let result = self.carry(&http);
                    self.host.resolve_http(request.id, result)
                }
                ShellEffect::OpenUrl(_) => {
                    let outcome = if self.opens_links.get() {
                        LinkOutcome::Opened
                    } else {
                        LinkOutcome::Failed
                    };
                    self.host.resolve_link(request.id, outcome)
                }
                ShellEffect::Share(_) | ShellEffect::Notify(_) => {
                    self.host.resolve_done(request.id)
                }
                ShellEffect::Background(operation) => {
                    *self.background.borrow_mut() = kept(operation);
                    self.host.resolve_done(request.id)
                }
            };
            queue.extend(more.expect("the core takes its own request's answer"));
        }
    }

    fn carry(&self, request: &HttpRequest) -> HttpResult {
        self.sent
            .borrow_mut()
            .push(format!("{} {}", request.method, request.url));
        match &self.setup.network {
            Some(network) if self.online.get() => network(request),
            _ => HttpResult::Unreachable,
        }
    }
}

/// What a shell keeps for `operation`.
fn kept(
    operation: crate::effects::BackgroundCheckOperation,
) -> Option<crate::background::BackgroundCheck> {
    match operation {
        crate::effects::BackgroundCheckOperation::Keep {
            relay,
            waiting_key,
            discreet,
            language,
        } => Some(crate::background::BackgroundCheck {
            relay,
            waiting_key,
            discreet,
            language,
        }),
        crate::effects::BackgroundCheckOperation::Forget => None,
    }
}
