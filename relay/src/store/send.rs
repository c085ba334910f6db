//! A sealed message's one write: the request that carries it recorded (its
//! device's limit and replay guard), its signer checked not to be a waiting
//! key, the pairing checked and the message stored, all or nothing. On
//! PostgreSQL that is one statement, atomic on its own: one round trip and
//! one commit. On SQLite it is one transaction of the same steps.

use relay_protocol::MailboxId;

use super::limits::{Refused, RequestRecord, nothing_returned, recorded_sql};
use super::{Store, int};
use crate::db::{Conn, DbError, Dialect, Value};

/// Whether `$10` and `$11` are an active pair, either way round.
macro_rules! paired_sql {
    () => {
        "EXISTS (\
         SELECT 1 FROM pairings p JOIN specialists s ON s.id = p.specialist_id \
         WHERE p.unpaired_ms IS NULL AND p.participant_mailbox = $10 AND s.mailbox = $11) \
         OR EXISTS (\
         SELECT 1 FROM pairings p JOIN specialists s ON s.id = p.specialist_id \
         WHERE p.unpaired_ms IS NULL AND p.participant_mailbox = $11 AND s.mailbox = $10)"
    };
}

/// The message from `$10` (the signer) to `$11`, stored if the request is
/// allowed and new ([`recorded_sql!`]), not signed by a waiting key, and
/// the two are an active pair (each direction looked up by the active
/// pairing's unique index). Answers whether the request was allowed and
/// new, the waiting key's owner, and the stored message's id.
const SEND: &str = concat!(
    recorded_sql!(),
    ", stored AS (INSERT INTO messages (sender, recipient, body, size, received_ms) \
     SELECT $10, $11, $12, $13, $14 FROM seen \
     WHERE NOT EXISTS (SELECT 1 FROM waiting) AND (",
    paired_sql!(),
    ") RETURNING id) \
     SELECT (SELECT COUNT(*) FROM allowed), (SELECT COUNT(*) FROM seen), \
     (SELECT owner FROM waiting), (SELECT id FROM stored)"
);

impl Store {
    /// Records the request that carries a sealed message ([`RequestRecord`]:
    /// its replay record and its device's limit) and stores the message if
    /// `from`, who signed the request, and `to` are an active pair: one
    /// commit for the whole request. `Err` if the request was refused (the
    /// limit's hit is kept, as when it is written alone; a waiting key's
    /// request is recorded); `Ok(None)` if they are not paired (the request
    /// is recorded all the same). A database failure writes nothing.
    pub fn insert_message(
        &self,
        request: &RequestRecord,
        from: &MailboxId,
        to: &MailboxId,
        body: &[u8],
        now_ms: i64,
    ) -> Result<Result<Option<i64>, Refused>, DbError> {
        let size = i64::try_from(body.len()).unwrap_or(i64::MAX);
        let mut params = request.params(from);
        params.extend([
            to.0.as_str().into(),
            body.to_vec().into(),
            size.into(),
            now_ms.into(),
        ]);
        if self.driver.dialect() == Dialect::Postgres {
            let rows = self.driver.query_alone(SEND, &params)?;
            let row = rows.first().ok_or_else(nothing_returned)?;
            return Ok(match (int(row, 0), int(row, 1), &row[2]) {
                (0, _, _) => Err(Refused::Limited),
                (_, 0, _) => Err(Refused::Replayed),
                (_, _, Value::Text(_)) => Err(Refused::WaitingKey),
                _ => Ok(row[3].int()),
            });
        }
        self.with(|conn| {
            if let Err(refused) = request.write(conn)? {
                return Ok(Err(refused));
            }
            if super::waiting::owner_of(conn, from)?.is_some() {
                return Ok(Err(Refused::WaitingKey));
            }
            Ok(Ok(stored(conn, &params)?))
        })
    }
}

/// The pairing check and the insert in one statement, in the caller's
/// transaction (SQLite); `params` are [`SEND`]'s.
fn stored(conn: &mut dyn Conn, params: &[Value]) -> Result<Option<i64>, DbError> {
    let rows = conn.query(
        concat!(
            "INSERT INTO messages (sender, recipient, body, size, received_ms) \
             SELECT $10, $11, $12, $13, $14 WHERE ",
            paired_sql!(),
            " RETURNING id"
        ),
        params,
    )?;
    Ok(rows.first().map(|row| int(row, 0)))
}
