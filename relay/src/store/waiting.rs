//! Waiting keys (see `relay_protocol::waiting`) and the newest messages the
//! inbox's event streams watch for.

use relay_protocol::MailboxId;

use super::{Store, int, text};
use crate::db::{Conn, DbError};

fn actively_paired(conn: &mut dyn Conn, participant: &MailboxId) -> Result<bool, DbError> {
    let rows = conn.query(
        "SELECT id FROM pairings WHERE participant_mailbox = $1 AND unpaired_ms IS NULL",
        &[participant.0.as_str().into()],
    )?;
    Ok(!rows.is_empty())
}

/// The mailbox whose waiting key `signer` is, if it is one, in the
/// caller's transaction.
pub(super) fn owner_of(
    conn: &mut dyn Conn,
    signer: &MailboxId,
) -> Result<Option<MailboxId>, DbError> {
    let rows = conn.query(
        "SELECT owner FROM waiting_keys WHERE waiting = $1",
        &[signer.0.as_str().into()],
    )?;
    Ok(rows.first().map(|row| MailboxId(text(row, 0))))
}

impl Store {
    /// Makes `waiting` the only waiting key of `owner`, a paired
    /// participant; `false` if `owner` is not paired.
    pub fn register_waiting_key(
        &self,
        owner: &MailboxId,
        waiting: &MailboxId,
    ) -> Result<bool, DbError> {
        self.with(|conn| {
            if !actively_paired(conn, owner)? {
                return Ok(false);
            }
            conn.execute(
                "DELETE FROM waiting_keys WHERE owner = $1 OR waiting = $2",
                &[owner.0.as_str().into(), waiting.0.as_str().into()],
            )?;
            conn.execute(
                "INSERT INTO waiting_keys (waiting, owner) VALUES ($1, $2)",
                &[waiting.0.as_str().into(), owner.0.as_str().into()],
            )?;
            Ok(true)
        })
    }

    /// The mailbox whose waiting key `signer` is, if it is one.
    pub fn waiting_key_owner(&self, signer: &MailboxId) -> Result<Option<MailboxId>, DbError> {
        self.with(|conn| owner_of(conn, signer))
    }

    /// How many messages for `owner` were never fetched; `None` once
    /// `owner` is no longer paired (an unpaired waiting key learns nothing).
    pub fn waiting_count(&self, owner: &MailboxId) -> Result<Option<i64>, DbError> {
        self.with(|conn| {
            if !actively_paired(conn, owner)? {
                return Ok(None);
            }
            let rows = conn.query(
                "SELECT COUNT(*) FROM messages WHERE recipient = $1 AND delivered_ms IS NULL",
                &[owner.0.as_str().into()],
            )?;
            Ok(Some(rows.first().map_or(0, |row| int(row, 0))))
        })
    }

    /// The newest message id (0 for none).
    pub fn newest_message_id(&self) -> Result<i64, DbError> {
        self.with(|conn| {
            let rows = conn.query("SELECT COALESCE(MAX(id), 0) FROM messages", &[])?;
            Ok(rows.first().map_or(0, |row| int(row, 0)))
        })
    }

    /// The id and recipient of each message after `after`, oldest first, at
    /// most `limit`.
    pub fn messages_after(&self, after: i64, limit: i64) -> Result<Vec<(i64, MailboxId)>, DbError> {
        self.with(|conn| {
            let rows = conn.query(
                "SELECT id, recipient FROM messages WHERE id > $1 ORDER BY id LIMIT $2",
                &[after.into(), limit.into()],
            )?;
            Ok(rows
                .iter()
                .map(|row| (int(row, 0), MailboxId(text(row, 1))))
                .collect())
        })
    }
}
