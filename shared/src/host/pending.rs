//! Shell requests waiting for their answers: registered by the effect loop,
//! answered by the shell (typed here), and the answer fed back to the core.

use crux_core::{Request, RequestHandle};

use super::{CoreHost, HostError, ShellRequest};
use crate::effects::{
    BackgroundCheckOperation, HttpRequest, HttpResult, LinkOutcome, OpenUrl, PlatformKeyOperation,
    PlatformKeyOutput, ScheduleReminders, ShareFile,
};

/// A shell request waiting for its answer, typed so the answer can be decoded.
pub(super) enum Pending {
    PlatformKey(Request<PlatformKeyOperation>),
    OpenUrl(Request<OpenUrl>),
    Share(Request<ShareFile>),
    Notify(Request<ScheduleReminders>),
    Http(Request<HttpRequest>),
    Background(Request<BackgroundCheckOperation>),
}

impl CoreHost {
    /// Answers a platform-key request.
    pub fn resolve_platform_key(
        &self,
        id: u32,
        output: PlatformKeyOutput,
    ) -> Result<Vec<ShellRequest>, HostError> {
        match self.take_pending(id)? {
            Pending::PlatformKey(mut request) => self.resume(&mut request, output),
            other => {
                self.put_back(id, other);
                Err(HostError::Malformed)
            }
        }
    }

    /// Answers a relay request with what came back.
    pub fn resolve_http(
        &self,
        id: u32,
        output: HttpResult,
    ) -> Result<Vec<ShellRequest>, HostError> {
        match self.take_pending(id)? {
            Pending::Http(mut request) => self.resume(&mut request, output),
            other => {
                self.put_back(id, other);
                Err(HostError::Malformed)
            }
        }
    }

    /// Answers an open-url request: opened, or no app on the phone could.
    pub fn resolve_link(
        &self,
        id: u32,
        outcome: LinkOutcome,
    ) -> Result<Vec<ShellRequest>, HostError> {
        match self.take_pending(id)? {
            Pending::OpenUrl(mut request) => self.resume(&mut request, outcome),
            other => {
                self.put_back(id, other);
                Err(HostError::Malformed)
            }
        }
    }

    /// Reports that a share, notify or background-check request was
    /// carried out.
    pub fn resolve_done(&self, id: u32) -> Result<Vec<ShellRequest>, HostError> {
        match self.take_pending(id)? {
            Pending::Share(mut request) => self.resume(&mut request, ()),
            Pending::Notify(mut request) => self.resume(&mut request, ()),
            Pending::Background(mut request) => self.resume(&mut request, ()),
            other @ (Pending::PlatformKey(_) | Pending::Http(_) | Pending::OpenUrl(_)) => {
                self.put_back(id, other);
                Err(HostError::Malformed)
            }
        }
    }

    fn take_pending(&self, id: u32) -> Result<Pending, HostError> {
        let mut pending = self.pending.lock().map_err(|_| HostError::Internal)?;
        pending.1.remove(&id).ok_or(HostError::UnknownEffect)
    }

    fn put_back(&self, id: u32, request: Pending) {
        if let Ok(mut pending) = self.pending.lock() {
            pending.1.insert(id, request);
        }
    }

    fn resume<Op>(
        &self,
        request: &mut Request<Op>,
        output: Op::Output,
    ) -> Result<Vec<ShellRequest>, HostError>
    where
        Op: crux_core::capability::Operation,
    {
        // A fire-and-forget request (the reminder schedule): the core wants
        // no answer, and the shell's "done" is fine.
        if matches!(request.handle, RequestHandle::Never) {
            return Ok(Vec::new());
        }
        let effects = self
            .core()
            .resolve(request, output)
            .map_err(|_| HostError::UnknownEffect)?;
        Ok(self.run(effects))
    }

    /// Drops unanswered shell requests: a pending share or open-url holds
    /// participant content (an exported plan, a message), which must not
    /// outlive a lock or an erase. Their ids become unknown.
    pub(super) fn forget_pending(&self) {
        if let Ok(mut pending) = self.pending.lock() {
            pending.1.clear();
        }
    }

    pub(super) fn register(&self, request: Pending) -> u32 {
        let Ok(mut pending) = self.pending.lock() else {
            return 0;
        };
        let id = pending.0;
        pending.0 = pending.0.wrapping_add(1).max(1);
        pending.1.insert(id, request);
        id
    }
}
