//! The limits' counters, kept in the database so that every relay process
//! over it counts the same requests: fixed-window hit counters, each
//! device's request nonces (the replay guard), and failed logins per
//! username and address with the time the next attempt is allowed.

use super::{Store, int};
use crate::db::{Conn, DbError};

/// Why the relay refuses a device's signed request (one within its limit
/// and never seen before is accepted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Over the device's limit in this window.
    Limited,
    /// This device and nonce were already seen, by any process.
    Replayed,
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

    fn start_ms(self) -> i64 {
        self.now_ms - self.now_ms.rem_euclid(self.length_ms)
    }

    /// Counts one hit on `bucket`; `false` if the sliding count is over the
    /// limit. One statement: the upsert returns this window's count and the
    /// previous window's.
    fn hit(self, conn: &mut dyn Conn, bucket: &str) -> Result<bool, DbError> {
        let start = self.start_ms();
        let rows = conn.query(
            HIT,
            &[bucket.into(), start.into(), (start - self.length_ms).into()],
        )?;
        let (current, previous) = rows
            .first()
            .map_or((0, 0), |row| (int(row, 0), int(row, 1)));
        // previous × (the share of the previous window still covered) + current,
        // in integers: scaled by the window's length.
        let uncovered = self.length_ms - (self.now_ms - start);
        let scaled = previous
            .saturating_mul(uncovered)
            .saturating_add(current.saturating_mul(self.length_ms));
        Ok(scaled <= i64::from(self.limit).saturating_mul(self.length_ms))
    }
}

/// Counts a hit in window `$2` and reads the count of window `$3` (the
/// previous one) in the same round trip.
const HIT: &str = "INSERT INTO limit_hits (bucket, window_ms, hits) VALUES ($1, $2, 1) \
     ON CONFLICT (bucket, window_ms) DO UPDATE SET hits = limit_hits.hits + 1 \
     RETURNING hits, (SELECT previous.hits FROM limit_hits previous \
     WHERE previous.bucket = $1 AND previous.window_ms = $3)";

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
    /// Counts the request against its device's limit, then records its
    /// nonce, in the caller's transaction.
    pub(super) fn write(&self, conn: &mut dyn Conn) -> Result<Result<(), Refused>, DbError> {
        if !self.window.hit(conn, &format!("device {}", self.device))? {
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
