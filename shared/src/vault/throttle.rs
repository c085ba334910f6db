//! Growing delays after wrong unlock attempts, persisted in the vault file so
//! that restarting the app resets nothing.
//!
//! An attempt is counted *before* the key derivation runs and cleared only on
//! success, so killing the app mid-attempt does not earn a free try.
//!
//! The counter row is authenticated: an HMAC under a key derived from this
//! device's secret ([`ThrottleKey`]), checked at every passcode attempt on a
//! device-bound vault. A row edited (or deleted) in the file counts as the
//! longest delay, not as none. Where the platform has a clock counting from
//! boot that no one can set ([`Now::since_boot_ms`]), the delay runs on it,
//! so moving the wall clock forward does not shorten it; after a reboot that
//! clock starts again from zero, and the wait is the whole delay again: it
//! never shrinks, and never exceeds the delay itself.

use ring::{hkdf, hmac};
use rusqlite::{Connection, OptionalExtension};

use super::error::Result;
use super::keys::{DeviceSecret, Slot};
use super::wraps::read_wrap;

/// Attempts allowed before any delay: typos happen.
const FREE_ATTEMPTS: u32 = 4;
const FIRST_DELAY_SECS: u64 = 30;
/// The longest wait. Crisis options stay reachable on the lock screen.
const MAX_DELAY_SECS: u64 = 15 * 60;
/// The failure count whose delay is [`MAX_DELAY_SECS`]: what an edited row
/// counts as.
const FAILURES_AT_MAX_DELAY: u32 = FREE_ATTEMPTS + 6;

/// The lock screen's view of failed attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ThrottleStatus {
    pub failed_attempts: u32,
    /// Zero when an attempt is allowed now.
    pub retry_after_secs: u64,
    /// Opt-in: the vault is erased when failed attempts reach this number.
    pub erase_after_failures: Option<u32>,
}

/// The time of an attempt: the wall clock (milliseconds since the Unix
/// epoch) and, where the platform has one, milliseconds since boot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Now {
    pub wall_ms: i64,
    pub since_boot_ms: Option<i64>,
}

impl Now {
    /// The wall clock alone (a platform without a boot clock).
    pub fn wall(wall_ms: i64) -> Self {
        Self {
            wall_ms,
            since_boot_ms: None,
        }
    }
}

/// Delay imposed after `failures` consecutive failures.
pub(crate) fn delay_after(failures: u32) -> u64 {
    if failures <= FREE_ATTEMPTS {
        return 0;
    }
    let doublings = (failures - FREE_ATTEMPTS - 1).min(16);
    (FIRST_DELAY_SECS << doublings).min(MAX_DELAY_SECS)
}

/// [`delay_after`] in milliseconds.
fn delay_ms(failures: u32) -> i64 {
    i64::try_from(delay_after(failures) * 1000).unwrap_or(i64::MAX)
}

/// The key that authenticates the counter row, derived from this device's
/// secret (HKDF-SHA256, its own label): only this device can write a row
/// that verifies.
pub(crate) struct ThrottleKey(hmac::Key);

impl ThrottleKey {
    pub(crate) fn from_device(device: &DeviceSecret) -> Self {
        let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, b"phoenix/vault/throttle/v1")
            .extract(device.as_bytes());
        let okm = prk
            .expand(&[b"attempts-mac"], hmac::HMAC_SHA256)
            .map(hmac::Key::from);
        // HMAC_SHA256's length is always a valid HKDF output length.
        Self(okm.unwrap_or_else(|_| hmac::Key::new(hmac::HMAC_SHA256, device.as_bytes())))
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Attempts {
    pub failures: u32,
    pub next_attempt_ms: i64,
    /// The same moment on the boot clock, when there was one.
    pub next_attempt_boot_ms: Option<i64>,
    pub erase_after: Option<u32>,
    mac: Option<Vec<u8>>,
}

impl Attempts {
    pub(crate) fn read(conn: &Connection) -> Result<Self> {
        let row = conn
            .query_row(
                "SELECT failures, next_attempt_ms, next_attempt_boot_ms, erase_after, mac
                 FROM unlock_attempts WHERE id = 1",
                [],
                |row| {
                    Ok(Self {
                        failures: row.get(0)?,
                        next_attempt_ms: row.get(1)?,
                        next_attempt_boot_ms: row.get(2)?,
                        erase_after: row.get(3)?,
                        mac: row.get(4)?,
                    })
                },
            )
            .optional()?;
        Ok(row.unwrap_or(Self {
            failures: 0,
            next_attempt_ms: 0,
            next_attempt_boot_ms: None,
            erase_after: None,
            mac: None,
        }))
    }

    pub(crate) fn status(&self, now: Now) -> ThrottleStatus {
        let wait_ms = match (self.next_attempt_boot_ms, now.since_boot_ms) {
            // Since boot: a wall clock moved forward changes nothing.
            (Some(next), Some(since_boot)) => next.saturating_sub(since_boot),
            _ => self.next_attempt_ms.saturating_sub(now.wall_ms),
        };
        // A clock that went back (the boot clock restarts at zero after a
        // reboot, a wall clock set back) would make the wait longer than the
        // delay itself: it is then the whole delay again, from now, never
        // shorter than what was left.
        let wait_ms = wait_ms.min(delay_ms(self.failures));
        ThrottleStatus {
            failed_attempts: self.failures,
            retry_after_secs: u64::try_from(wait_ms.max(0)).unwrap_or(0).div_ceil(1000),
            erase_after_failures: self.erase_after,
        }
    }

    /// What the MAC covers: the count and when the next attempt is allowed
    /// (not the erase opt-in, which an unlocked vault changes without the
    /// device secret).
    fn signed_bytes(&self) -> Vec<u8> {
        let mut bytes = b"phoenix/vault/attempts/v1".to_vec();
        bytes.extend_from_slice(&self.failures.to_le_bytes());
        bytes.extend_from_slice(&self.next_attempt_ms.to_le_bytes());
        match self.next_attempt_boot_ms {
            Some(boot) => {
                bytes.push(1);
                bytes.extend_from_slice(&boot.to_le_bytes());
            }
            None => bytes.push(0),
        }
        bytes
    }

    fn sign(&mut self, key: Option<&ThrottleKey>) {
        self.mac = key.map(|key| hmac::sign(&key.0, &self.signed_bytes()).as_ref().to_vec());
    }

    /// Whether the row is as this device wrote it.
    pub(crate) fn verifies(&self, key: &ThrottleKey) -> bool {
        self.mac
            .as_ref()
            .is_some_and(|mac| hmac::verify(&key.0, &self.signed_bytes(), mac).is_ok())
    }

    /// The counter, checked where it must carry this device's MAC (a
    /// device-bound vault, `key` at hand): a row edited or deleted in the
    /// file is distrusted.
    pub(crate) fn read_checked(
        conn: &Connection,
        key: Option<&ThrottleKey>,
        now: Now,
    ) -> Result<Self> {
        let attempts = Self::read(conn)?;
        let Some(key) = key else {
            return Ok(attempts);
        };
        let device_bound = read_wrap(conn, Slot::Passcode)?.is_some_and(|wrap| wrap.device_bound);
        if device_bound && !attempts.verifies(key) {
            return Self::distrust(conn, key, now);
        }
        Ok(attempts)
    }

    /// A row that does not verify counts as the longest delay, from now.
    fn distrust(conn: &Connection, key: &ThrottleKey, now: Now) -> Result<Self> {
        let mut attempts = Self::read(conn)?;
        attempts.failures = attempts.failures.max(FAILURES_AT_MAX_DELAY);
        attempts.delay_from(now);
        attempts.sign(Some(key));
        attempts.write(conn)?;
        Ok(attempts)
    }

    fn delay_from(&mut self, now: Now) {
        let delay_ms = delay_ms(self.failures);
        self.next_attempt_ms = now.wall_ms.saturating_add(delay_ms);
        self.next_attempt_boot_ms = now.since_boot_ms.map(|boot| boot.saturating_add(delay_ms));
    }

    /// Records one more failure (durably) and returns the new state.
    pub(crate) fn record_failure(
        conn: &Connection,
        key: Option<&ThrottleKey>,
        now: Now,
    ) -> Result<Self> {
        let mut attempts = Self::read(conn)?;
        attempts.failures = attempts.failures.saturating_add(1);
        attempts.delay_from(now);
        attempts.sign(key);
        attempts.write(conn)?;
        Ok(attempts)
    }

    pub(crate) fn clear(conn: &Connection, key: Option<&ThrottleKey>) -> Result<()> {
        let mut attempts = Self::read(conn)?;
        attempts.failures = 0;
        attempts.next_attempt_ms = 0;
        attempts.next_attempt_boot_ms = None;
        attempts.sign(key);
        attempts.write(conn)
    }

    /// Writes the count, the times and the MAC exactly as they are here
    /// (also to put back a count taken for an attempt that was not one).
    pub(crate) fn write(&self, conn: &Connection) -> Result<()> {
        conn.execute(
            "UPDATE unlock_attempts
             SET failures = ?1, next_attempt_ms = ?2, next_attempt_boot_ms = ?3, mac = ?4
             WHERE id = 1",
            (
                self.failures,
                self.next_attempt_ms,
                self.next_attempt_boot_ms,
                &self.mac,
            ),
        )?;
        Ok(())
    }

    pub(crate) fn set_erase_after(conn: &Connection, limit: Option<u32>) -> Result<()> {
        conn.execute(
            "UPDATE unlock_attempts SET erase_after = ?1 WHERE id = 1",
            [limit],
        )?;
        Ok(())
    }

    pub(crate) fn should_erase(&self) -> bool {
        self.erase_after.is_some_and(|limit| self.failures >= limit)
    }
}

#[cfg(test)]
mod tests {
    use super::{Attempts, Now, delay_after};

    #[test]
    fn delays_start_after_the_free_attempts_and_grow_to_a_cap() {
        let delays: Vec<u64> = (0..=12).map(delay_after).collect();
        assert_eq!(
            delays,
            [0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]
        );
        assert_eq!(delay_after(u32::MAX), 900);
        assert_eq!(delay_after(super::FAILURES_AT_MAX_DELAY), 900);
    }

    #[test]
    fn the_delay_runs_on_the_boot_clock_where_there_is_one() {
        let attempts = Attempts {
            failures: 5,
            next_attempt_ms: 1_030_000,
            next_attempt_boot_ms: Some(40_000),
            erase_after: None,
            mac: None,
        };
        let moved_forward = Now {
            wall_ms: 9_000_000,
            since_boot_ms: Some(20_000),
        };
        assert_eq!(attempts.status(moved_forward).retry_after_secs, 20);
        // After a reboot the boot clock restarts: the wait does not shrink
        // (20 s were left), it is the whole delay again.
        let rebooted = Now {
            wall_ms: 9_000_000,
            since_boot_ms: Some(1_000),
        };
        assert_eq!(attempts.status(rebooted).retry_after_secs, 30);
        assert_eq!(attempts.status(Now::wall(1_010_000)).retry_after_secs, 20);
    }

    #[test]
    fn a_reboot_after_weeks_of_uptime_asks_for_the_delay_not_for_the_weeks() {
        let three_weeks_ms = 21 * 24 * 3_600_000;
        let attempts = Attempts {
            failures: 6,
            next_attempt_ms: 1_060_000,
            next_attempt_boot_ms: Some(three_weeks_ms + 60_000),
            erase_after: None,
            mac: None,
        };
        let rebooted = Now {
            wall_ms: 1_000_000,
            since_boot_ms: Some(5_000),
        };
        assert_eq!(attempts.status(rebooted).retry_after_secs, 60);
        // A wall clock set back a year: the same, the delay and no more.
        let set_back = Now::wall(1_000_000 - 365 * 24 * 3_600_000);
        assert_eq!(attempts.status(set_back).retry_after_secs, 60);
    }
}
