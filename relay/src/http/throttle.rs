//! The relay's limits, counted in the database so every process over it
//! shares them: each device's requests, pairing attempts per client
//! address, login attempts per address, and failed logins per username and
//! address with a growing back-off. The back-off is per address so that a
//! flood of wrong passwords from one place never locks the real specialist
//! out from another. Argon2 work (about 19 MiB and tens of milliseconds per
//! login, known username or not) is capped by a semaphore.

use std::sync::Arc;
use std::time::Duration;

use zeroize::Zeroizing;

use super::AppState;
use super::client::ClientAddress;
use super::failure::Failure;
use crate::secrets;
use crate::store::limits::Window;

const MINUTE_MS: i64 = 60 * 1000;
/// Failed logins (per username and address) before the back-off starts.
const FREE_LOGIN_FAILURES: i64 = 5;
/// The longest wait between two login attempts after failures.
const MAX_LOGIN_BACKOFF_MS: i64 = 15 * MINUTE_MS;
/// How long a login waits for Argon2 capacity before it is refused.
const ARGON2_QUEUE: Duration = Duration::from_secs(5);

/// After `failures` failed logins: no wait for the first few, then ten
/// seconds doubling with each failure, up to [`MAX_LOGIN_BACKOFF_MS`].
pub fn login_backoff_ms(failures: i64) -> i64 {
    let beyond = failures - FREE_LOGIN_FAILURES;
    if beyond < 0 {
        return 0;
    }
    let doublings = u32::try_from(beyond.min(20)).unwrap_or(20);
    (10_000_i64 << doublings).min(MAX_LOGIN_BACKOFF_MS)
}

async fn within(state: &AppState, bucket: String, window: Window) -> Result<(), Failure> {
    if state.store(move |store| store.hit(&bucket, window)).await? {
        Ok(())
    } else {
        Err(Failure::rate_limited())
    }
}

/// One pairing attempt from `address`.
pub async fn pairing(state: &AppState, address: &ClientAddress) -> Result<(), Failure> {
    let window = Window::new(crate::now_ms(), MINUTE_MS, state.limits.pairings_per_minute);
    within(state, format!("pair {}", address.0), window).await
}

/// One login attempt for `username` from `address`: within the address's
/// limit and after any back-off from this address's failures.
pub async fn login(
    state: &AppState,
    username: &str,
    address: &ClientAddress,
) -> Result<(), Failure> {
    let now = crate::now_ms();
    let window = Window::new(now, MINUTE_MS, state.limits.logins_per_minute);
    within(state, format!("login {}", address.0), window).await?;
    let (user, from) = (username.to_owned(), address.0.clone());
    let retry_at = state
        .store(move |store| store.login_retry_at(&user, &from))
        .await?;
    match retry_at {
        Some(retry_at) if retry_at > now => Err(Failure::rate_limited()),
        _ => Ok(()),
    }
}

/// Records the login's outcome for the back-off.
pub async fn login_outcome(
    state: &AppState,
    username: &str,
    address: &ClientAddress,
    succeeded: bool,
) -> Result<(), Failure> {
    let (user, from) = (username.to_owned(), address.0.clone());
    state
        .store(move |store| {
            if succeeded {
                store.login_succeeded(&user, &from)
            } else {
                store.login_failed(&user, &from, crate::now_ms(), login_backoff_ms)
            }
        })
        .await
}

/// Verifies a password on the blocking pool, at most
/// `argon2_concurrency` at a time across the process; a login that waits
/// too long for its turn is refused as rate limited.
pub async fn verify_password(
    state: &AppState,
    password: Zeroizing<String>,
    hash: String,
) -> Result<bool, Failure> {
    let permit = tokio::time::timeout(ARGON2_QUEUE, Arc::clone(&state.argon2).acquire_owned())
        .await
        .map_err(|_| Failure::rate_limited())?
        .map_err(|_| Failure::internal())?;
    tokio::task::spawn_blocking(move || {
        let valid = secrets::verify_password(&password, &hash);
        drop(permit);
        valid
    })
    .await
    .map_err(|_| Failure::internal())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_back_off_grows_after_a_few_failures_and_is_capped() {
        assert_eq!(login_backoff_ms(1), 0);
        assert_eq!(login_backoff_ms(FREE_LOGIN_FAILURES - 1), 0);
        assert_eq!(login_backoff_ms(FREE_LOGIN_FAILURES), 10_000);
        assert_eq!(login_backoff_ms(FREE_LOGIN_FAILURES + 1), 20_000);
        assert_eq!(login_backoff_ms(1000), MAX_LOGIN_BACKOFF_MS);
    }
}
