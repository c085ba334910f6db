//! `GET /inbox/api/events`: server-sent events telling a signed-in
//! specialist's inbox that mail arrived (`event: mail`, `data: new`, the
//! same for every message: no id, sender or size), so the page fetches at
//! once instead of on a timer.
//! The browser's `EventSource` reconnects by itself after a network loss.
//!
//! One watcher per relay process, started with the first stream, asks the
//! database every [`WATCH_EVERY`] for messages newer than the last it saw
//! (the `messages` primary key, indexed) and tells every open stream whose
//! mailbox received one; so a message stored through any process over the
//! same PostgreSQL reaches every process's streams within a second. Its
//! cost is one indexed query per process per interval, whatever the number
//! of streams; a stream itself is a broadcast receiver and an idle
//! connection (a comment every [`KEEP_ALIVE`] keeps proxies from closing it).

use std::collections::BTreeSet;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use futures_util::stream::{self, Stream};
use relay_protocol::MailboxId;
use relay_protocol::api::ErrorCode;
use tokio::sync::{OnceCell, broadcast};

use super::AppState;
use super::failure::Failure;
use crate::store::Store;

/// How often the watcher looks for new messages.
const WATCH_EVERY: Duration = Duration::from_millis(400);
const KEEP_ALIVE: Duration = Duration::from_secs(25);
/// Ids this far below the newest seen are looked at again: a PostgreSQL
/// transaction that took its id earlier may commit after a later one.
const LOOKBACK: i64 = 64;
/// Recipients announced per look.
const BATCH: i64 = 1000;

pub fn routes() -> Router<Arc<AppState>> {
    Router::new().route("/inbox/api/events", get(events))
}

/// The process's watcher: recipients of newly stored messages.
#[derive(Default)]
pub struct MailWatch {
    sender: OnceCell<broadcast::Sender<MailboxId>>,
}

impl MailWatch {
    /// A receiver of newly stored messages' recipients; starts the watcher
    /// on first use.
    async fn subscribe(
        &self,
        state: &Arc<AppState>,
    ) -> Result<broadcast::Receiver<MailboxId>, Failure> {
        let sender = self
            .sender
            .get_or_try_init(|| async {
                let newest = state.store(Store::newest_message_id).await?;
                let (sender, _) = broadcast::channel(1024);
                tokio::spawn(watch(Arc::clone(state), sender.clone(), newest));
                Ok::<_, Failure>(sender)
            })
            .await?;
        Ok(sender.subscribe())
    }
}

async fn watch(state: Arc<AppState>, sender: broadcast::Sender<MailboxId>, start: i64) {
    // Ids announced, within the lookback; nothing up to `start` is new.
    let mut announced = BTreeSet::new();
    let mut newest = start;
    let mut every = tokio::time::interval(WATCH_EVERY);
    loop {
        every.tick().await;
        let after = start.max(newest - LOOKBACK);
        // A failure is logged by `store`; the next look tries again.
        let Ok(stored) = state
            .store(move |store| store.messages_after(after, BATCH))
            .await
        else {
            continue;
        };
        for (id, recipient) in stored {
            if announced.insert(id) {
                newest = newest.max(id);
                // No receiver is not an error: no inbox is open.
                let _ = sender.send(recipient);
            }
        }
        announced = announced.split_off(&(newest - LOOKBACK));
    }
}

async fn events(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, Failure> {
    let session = super::inbox::session(&state, &headers, false).await?;
    let id = session.specialist_id;
    let mailbox = state
        .store(move |store| store.specialist(id))
        .await?
        .and_then(|specialist| specialist.device)
        .and_then(|device| device.mailbox().ok())
        .ok_or(Failure(ErrorCode::SpecialistNotReady))?;
    let receiver = state.mail.subscribe(&state).await?;
    let mail = stream::unfold(receiver, move |mut receiver| {
        let mailbox = mailbox.clone();
        async move {
            loop {
                match receiver.recv().await {
                    Ok(recipient) if recipient == mailbox => break,
                    Ok(_) => {}
                    // Missed some: one of them may have been ours.
                    Err(broadcast::error::RecvError::Lagged(_)) => break,
                    Err(broadcast::error::RecvError::Closed) => return None,
                }
            }
            // A browser's EventSource drops an event without data: the
            // constant `new` carries nothing, it only makes the event count.
            Some((Ok(Event::default().event("mail").data("new")), receiver))
        }
    });
    Ok(Sse::new(mail).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)))
}
