//! The limits' counters, kept in the database so that every relay process
//! over it counts the same requests: fixed-window hit counters, each
//! device's request nonces (the replay guard), and failed logins per
//! username and address with the time the next attempt is allowed.

use relay_protocol::MailboxId;

use super::{Store, int};
use crate::db::{Conn, DbError, Dialect, Value};

/// Counts a hit on bucket `$1` in window `$2` and answers, as `within`,
/// whether the sliding count is within the limit: the previous window's
/// hits (window `$3`) in proportion to how much of it the sliding window
/// still covers, plus this window's, all scaled by the window's length to
/// stay in integers (`$4` the part of the previous window no longer
/// covered, `$5` the length, `$6` the limit times the length).
macro_rules! hit_sql {
    () => {
        "INSERT INTO limit_hits (bucket, window_ms, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (bucket, window_ms) DO UPDATE SET hits = limit_hits.hits + 1 \
         RETURNING CASE WHEN COALESCE((SELECT previous.hits FROM limit_hits previous \
         WHERE previous.bucket = $1 AND previous.window_ms = $3), 0) * $4 \
         + limit_hits.hits * $5 <= $6 THEN 1 ELSE 0 END AS within"
    };
}

/// A device's request recorded in one PostgreSQL statement's `WITH`
/// clauses, atomic without a transaction: `allowed` has a row if the hit
/// is within the device's limit, `seen` one if its nonce (`$7`, expiring
/// at `$8`, of device `$9`) was new and is now recorded (only when
/// allowed), `waiting` the owner if the signer `$10` is a waiting key.
/// `$1` to `$6` are [`hit_sql!`]'s. The statements that use it add their
/// own clauses and the final `SELECT`.
macro_rules! recorded_sql {
    () => {
        concat!(
            "WITH hit AS (",
            $crate::store::limits::hit_sql!(),
            "), allowed AS (SELECT 1 FROM hit WHERE within = 1), \
             seen AS (INSERT INTO seen_requests (device, nonce, expires_ms) \
             SELECT $9, $7, $8 FROM allowed ON CONFLICT DO NOTHING RETURNING 1), \
             waiting AS (SELECT owner FROM waiting_keys WHERE waiting = $10)"
        )
    };
}
pub(crate) use {hit_sql, recorded_sql};

/// Why the relay refuses a device's signed request (one within its limit
/// and never seen before is accepted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Over the device's limit in this window.
    Limited,
    /// This device and nonce were already seen, by any process.
    Replayed,
    /// Signed by a waiting key, which may only ask how many messages are
    /// waiting (the request is recorded all the same).
    WaitingKey,
}

/// A limit's window: `limit` hits per `length_ms`, counted in fixed
/// windows and smoothed across their boundary (the previous window's hits
/// count in proportion to how much of it the sliding window still covers),
/// so a burst at the end of one window and the start of the next is not
/// allowed twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub now_ms: i64,
    pub length_ms: i64,
    pub limit: u32,
}

impl Window {
    pub fn new(now_ms: i64, length_ms: i64, limit: u32) -> Self {
        Self {
            now_ms,
            length_ms: length_ms.max(1),
            limit,
        }
    }

    /// The parameters `$2` to `$6` of [`hit_sql!`]: this window's start,
    /// the previous one's, how much of the previous one the sliding window
    /// no longer covers, the length, and the limit scaled by it.
    fn terms(self) -> [Value; 5] {
        let start = self.now_ms - self.now_ms.rem_euclid(self.length_ms);
        [
            start.into(),
            (start - self.length_ms).into(),
            (self.length_ms - (self.now_ms - start)).into(),
            self.length_ms.into(),
            i64::from(self.limit).saturating_mul(self.length_ms).into(),
        ]
    }

    /// Counts one hit on `bucket`; `false` if the sliding count is over the
    /// limit. One statement: the upsert reads the previous window's count
    /// and answers whether the hit is within the limit.
    fn hit(self, conn: &mut dyn Conn, bucket: &str) -> Result<bool, DbError> {
        let [start, previous, uncovered, length, limit] = self.terms();
        let rows = conn.query(
            hit_sql!(),
            &[bucket.into(), start, previous, uncovered, length, limit],
        )?;
        Ok(rows.first().is_none_or(|row| int(row, 0) == 1))
    }
}

/// A device's verified request as the database will remember it: its nonce
/// (the replay guard, kept until `expires_ms`, when its signature is stale
/// anyway) and a hit on the device's limit. Written alone by
/// [`Store::device_request`], or by the store call that carries out the
/// request, in the same transaction ([`Store::insert_message`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    pub device: String,
    pub nonce: String,
    pub expires_ms: i64,
    pub window: Window,
}

impl RequestRecord {
    /// The parameters `$1` to `$10` of [`recorded_sql!`], for a request
    /// `signer` signed.
    pub(super) fn params(&self, signer: &MailboxId) -> Vec<Value> {
        let [start, previous, uncovered, length, limit] = self.window.terms();
        vec![
            self.bucket().into(),
            start,
            previous,
            uncovered,
            length,
            limit,
            self.nonce.as_str().into(),
            self.expires_ms.into(),
            self.device.as_str().into(),
            signer.0.as_str().into(),
        ]
    }

    /// The device's limit's counter.
    fn bucket(&self) -> String {
        format!("device {}", self.device)
    }

    /// Counts the request against its device's limit, then records its
    /// nonce, in the caller's transaction.
    pub(super) fn write(&self, conn: &mut dyn Conn) -> Result<Result<(), Refused>, DbError> {
        if !self.window.hit(conn, &self.bucket())? {
            return Ok(Err(Refused::Limited));
        }
        let inserted = conn.execute(
            "INSERT INTO seen_requests (device, nonce, expires_ms) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
            &[
                self.device.as_str().into(),
                self.nonce.as_str().into(),
                self.expires_ms.into(),
            ],
        )?;
        Ok(if inserted == 1 {
            Ok(())
        } else {
            Err(Refused::Replayed)
        })
    }
}

impl Store {
    /// Counts one hit on `bucket` in `window`; `false` if it is over the limit.
    pub fn hit(&self, bucket: &str, window: Window) -> Result<bool, DbError> {
        self.with(|conn| window.hit(conn, bucket))
    }

    /// Counts a verified request against its device's limit, then records
    /// its nonce, in one transaction.
    pub fn device_request(&self, record: &RequestRecord) -> Result<Result<(), Refused>, DbError> {
        self.with(|conn| record.write(conn))
    }

    /// [`Self::device_request`] for a request `signer` signed, and whose
    /// waiting key `signer` is, if it is one (`Ok(Some(owner))`): one
    /// statement on PostgreSQL, one transaction on SQLite.
    pub fn signed_request(
        &self,
        record: &RequestRecord,
        signer: &MailboxId,
    ) -> Result<Result<Option<MailboxId>, Refused>, DbError> {
        if self.driver.dialect() == Dialect::Postgres {
            let rows = self.driver.query_alone(
                concat!(
                    recorded_sql!(),
                    " SELECT (SELECT COUNT(*) FROM allowed), (SELECT COUNT(*) FROM seen), \
                     (SELECT owner FROM waiting)"
                ),
                &record.params(signer),
            )?;
            let row = rows.first().ok_or_else(nothing_returned)?;
            return Ok(match (int(row, 0), int(row, 1)) {
                (0, _) => Err(Refused::Limited),
                (_, 0) => Err(Refused::Replayed),
                _ => Ok(row[2].text().map(|owner| MailboxId(owner.to_owned()))),
            });
        }
        self.with(|conn| {
            if let Err(refused) = record.write(conn)? {
                return Ok(Err(refused));
            }
            Ok(Ok(super::waiting::owner_of(conn, signer)?))
        })
    }

    /// When the next login for `username` from `address` is allowed, if
    /// earlier ones failed.
    pub fn login_retry_at(&self, username: &str, address: &str) -> Result<Option<i64>, DbError> {
        self.with(|conn| {
            let rows = conn.query(
                "SELECT retry_ms FROM login_failures WHERE username = $1 AND address = $2",
                &[username.into(), address.into()],
            )?;
            Ok(rows.first().map(|row| int(row, 0)))
        })
    }

    /// Counts a failed login for `username` from `address`; the next one is
    /// allowed after `backoff_ms(failures so far)`.
    pub fn login_failed(
        &self,
        username: &str,
        address: &str,
        now_ms: i64,
        backoff_ms: fn(i64) -> i64,
    ) -> Result<(), DbError> {
        self.with(|conn| {
            let rows = conn.query(
                "INSERT INTO login_failures (username, address, failures, retry_ms) \
                 VALUES ($1, $2, 1, $3) ON CONFLICT (username, address) \
                 DO UPDATE SET failures = login_failures.failures + 1 RETURNING failures",
                &[username.into(), address.into(), now_ms.into()],
            )?;
            let failures = rows.first().map_or(1, |row| int(row, 0));
            conn.execute(
                "UPDATE login_failures SET retry_ms = $1 WHERE username = $2 AND address = $3",
                &[
                    now_ms.saturating_add(backoff_ms(failures)).into(),
                    username.into(),
                    address.into(),
                ],
            )?;
            Ok(())
        })
    }

    /// A successful login from `address` forgets that address's failures
    /// (other addresses' back-off stays).
    pub fn login_succeeded(&self, username: &str, address: &str) -> Result<(), DbError> {
        self.with(|conn| {
            conn.execute(
                "DELETE FROM login_failures WHERE username = $1 AND address = $2",
                &[username.into(), address.into()],
            )?;
            Ok(())
        })
    }

    /// Forgets expired nonces, past windows and old failures.
    pub fn forget_expired(&self, now_ms: i64) -> Result<(), DbError> {
        const HOUR_MS: i64 = 60 * 60 * 1000;
        self.with(|conn| {
            conn.execute(
                "DELETE FROM seen_requests WHERE expires_ms < $1",
                &[now_ms.into()],
            )?;
            conn.execute(
                "DELETE FROM limit_hits WHERE window_ms < $1",
                &[(now_ms - HOUR_MS).into()],
            )?;
            conn.execute(
                "DELETE FROM login_failures WHERE retry_ms < $1",
                &[(now_ms - 24 * HOUR_MS).into()],
            )?;
            Ok(())
        })
    }
}

pub(super) fn nothing_returned() -> DbError {
    DbError::Backend("the statement returned no row".into())
}
