//! Growing delays after wrong unlock attempts, persisted in the vault file so
//! that restarting the app resets nothing.
//!
//! An attempt is counted *before* the key derivation runs and cleared only on
//! success, so killing the app mid-attempt does not earn a free try.

use rusqlite::{Connection, OptionalExtension};

use super::error::Result;

/// Attempts allowed before any delay: typos happen.
const FREE_ATTEMPTS: u32 = 4;
const FIRST_DELAY_SECS: u64 = 30;
/// The longest wait. Crisis options stay reachable on the lock screen.
const MAX_DELAY_SECS: u64 = 15 * 60;

/// The lock screen's view of failed attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ThrottleStatus {
    pub failed_attempts: u32,
    /// Zero when an attempt is allowed now.
    pub retry_after_secs: u64,
    /// Opt-in: the vault is erased when failed attempts reach this number.
    pub erase_after_failures: Option<u32>,
}

/// Delay imposed after `failures` consecutive failures.
pub(crate) fn delay_after(failures: u32) -> u64 {
    if failures <= FREE_ATTEMPTS {
        return 0;
    }
    let doublings = (failures - FREE_ATTEMPTS - 1).min(16);
    (FIRST_DELAY_SECS << doublings).min(MAX_DELAY_SECS)
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Attempts {
    pub failures: u32,
    pub next_attempt_ms: i64,
    pub erase_after: Option<u32>,
}

impl Attempts {
    pub(crate) fn read(conn: &Connection) -> Result<Self> {
        let row = conn
            .query_row(
                "SELECT failures, next_attempt_ms, erase_after FROM unlock_attempts WHERE id = 1",
                [],
                |row| {
                    Ok(Self {
                        failures: row.get(0)?,
                        next_attempt_ms: row.get(1)?,
                        erase_after: row.get(2)?,
                    })
                },
            )
            .optional()?;
        Ok(row.unwrap_or(Self {
            failures: 0,
            next_attempt_ms: 0,
            erase_after: None,
        }))
    }

    pub(crate) fn status(&self, now_ms: i64) -> ThrottleStatus {
        let wait_ms = self.next_attempt_ms.saturating_sub(now_ms).max(0);
        ThrottleStatus {
            failed_attempts: self.failures,
            retry_after_secs: u64::try_from(wait_ms).unwrap_or(0).div_ceil(1000),
            erase_after_failures: self.erase_after,
        }
    }

    /// Records one more failure (durably) and returns the new state.
    pub(crate) fn record_failure(conn: &Connection, now_ms: i64) -> Result<Self> {
        let mut attempts = Self::read(conn)?;
        attempts.failures = attempts.failures.saturating_add(1);
        let delay_ms = i64::try_from(delay_after(attempts.failures) * 1000).unwrap_or(i64::MAX);
        attempts.next_attempt_ms = now_ms.saturating_add(delay_ms);
        conn.execute(
            "UPDATE unlock_attempts SET failures = ?1, next_attempt_ms = ?2 WHERE id = 1",
            (attempts.failures, attempts.next_attempt_ms),
        )?;
        Ok(attempts)
    }

    pub(crate) fn clear(conn: &Connection) -> Result<()> {
        conn.execute(
            "UPDATE unlock_attempts SET failures = 0, next_attempt_ms = 0 WHERE id = 1",
            [],
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
    use super::delay_after;

    #[test]
    fn delays_start_after_the_free_attempts_and_grow_to_a_cap() {
        let delays: Vec<u64> = (0..=12).map(delay_after).collect();
        assert_eq!(
            delays,
            [0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]
        );
        assert_eq!(delay_after(u32::MAX), 900);
    }
}
