//! Creating a vault and unlocking one: every passcode attempt counted
//! before the key is derived, a growing wait after repeated failures, the
//! opt-in erase, and the lock screen's wait read while locked.

use std::path::Path;

use ring::rand::SystemRandom;
use rusqlite::TransactionBehavior;

use super::Vault;
use crate::vault::error::{Error, Public, Result, VaultError};
use crate::vault::file::{erase_path, open_connection, open_existing};
use crate::vault::keys::{Credential, DataKey, DeviceSecret, Kdf, Passcode, Slot};
use crate::vault::schema;
use crate::vault::throttle::{Attempts, Now, ThrottleKey, ThrottleStatus};
use crate::vault::wraps::{read_wrap, write_wrap};

impl Vault {
    /// Creates a new vault protected by `passcode` alone (as before the
    /// device-bound key; the app uses [`Vault::create_on_device`]). Refuses
    /// to overwrite an existing one, or any file that is not an empty
    /// database.
    pub fn create(path: impl AsRef<Path>, passcode: &Passcode) -> Result<Self, VaultError> {
        Self::create_inner(path.as_ref(), passcode, None).public()
    }

    /// Creates a new vault whose data key is wrapped under the passcode and
    /// this device's secret: a copy of the file opens nowhere else.
    pub fn create_on_device(
        path: impl AsRef<Path>,
        passcode: &Passcode,
        device: &DeviceSecret,
    ) -> Result<Self, VaultError> {
        Self::create_inner(path.as_ref(), passcode, Some(device)).public()
    }

    /// Opens the vault with the passcode or the platform key.
    ///
    /// Every passcode attempt is counted before the key is derived and
    /// cleared on success; after repeated failures attempts are refused for a growing
    /// delay ([`VaultError::Throttled`]); if the participant opted in, the
    /// vault is erased when failures reach their limit. A wrong credential
    /// changes nothing else.
    pub fn unlock(
        path: impl AsRef<Path>,
        credential: &Credential,
        now_ms: i64,
    ) -> Result<Self, VaultError> {
        Self::unlock_at(path, credential, Now::wall(now_ms))
    }

    /// [`Vault::unlock`] at `now`, whose boot clock (where the platform has
    /// one) times the delay. On a device-bound vault the attempt counter
    /// must carry this device's MAC: an edited row counts as the longest
    /// delay.
    pub fn unlock_at(
        path: impl AsRef<Path>,
        credential: &Credential,
        now: Now,
    ) -> Result<Self, VaultError> {
        Self::unlock_inner(path.as_ref(), credential, now).public()
    }

    /// Failed attempts and the current delay, as the file says (the MAC
    /// needs the device secret: the lock screen asks
    /// [`Vault::throttle_status_on_device`]).
    pub fn throttle_status(
        path: impl AsRef<Path>,
        now_ms: i64,
    ) -> Result<ThrottleStatus, VaultError> {
        Self::throttle_status_at(path, Now::wall(now_ms))
    }

    /// [`Vault::throttle_status`] at `now`.
    pub fn throttle_status_at(
        path: impl AsRef<Path>,
        now: Now,
    ) -> Result<ThrottleStatus, VaultError> {
        open_existing(path.as_ref())
            .and_then(|conn| Attempts::read(&conn))
            .map(|attempts| attempts.status(now))
            .public()
    }

    /// The lock screen's wait, from the counter as this device wrote it: on
    /// a device-bound vault a row edited in the file shows the longest
    /// delay, from now, and the next attempt is held to it, as if that
    /// attempt had read the row first.
    pub fn throttle_status_on_device(
        path: impl AsRef<Path>,
        device: &DeviceSecret,
        now: Now,
    ) -> Result<ThrottleStatus, VaultError> {
        let key = ThrottleKey::from_device(device);
        open_existing(path.as_ref())
            .and_then(|conn| Attempts::read_checked(&conn, Some(&key), now))
            .map(|attempts| attempts.status(now))
            .public()
    }

    /// Opt-in: erase the vault after `limit` consecutive failed unlocks
    /// (`None` turns it off).
    pub fn set_erase_after_failures(&mut self, limit: Option<u32>) -> Result<(), VaultError> {
        Attempts::set_erase_after(&self.conn, limit).public()
    }

    fn create_inner(
        path: &Path,
        passcode: &Passcode,
        device: Option<&DeviceSecret>,
    ) -> Result<Self> {
        passcode.check_not_empty()?;
        let mut conn = open_connection(path, true)?;
        if schema::version(&conn)?.is_some() {
            return Err(VaultError::AlreadyExists.into());
        }
        let rng = SystemRandom::new();
        let key = DataKey::generate(&rng)?;
        let wrap = key.wrap_with_passcode(passcode, device, &rng)?;
        let tx = conn.transaction()?;
        schema::create(&tx)?;
        write_wrap(&tx, Slot::Passcode, &wrap)?;
        // The counter row carries this device's MAC from the start.
        Attempts::clear(&tx, device.map(ThrottleKey::from_device).as_ref())?;
        tx.commit()?;
        Ok(Self {
            conn,
            path: path.to_path_buf(),
            key,
            rng,
        })
    }

    fn unlock_inner(path: &Path, credential: &Credential, now: Now) -> Result<Self> {
        let conn = open_existing(path)?;
        let throttle_key = credential
            .passcode()
            .and_then(|(_, device)| device)
            .map(ThrottleKey::from_device);
        let before = Attempts::read_checked(&conn, throttle_key.as_ref(), now)?;
        let status = before.status(now);
        if status.retry_after_secs > 0 {
            return Err(VaultError::Throttled {
                retry_after_secs: status.retry_after_secs,
            }
            .into());
        }
        let mut outdated_wrap = false;
        let unwrapped = if let Credential::PlatformKey(key) = credential {
            // A random 256-bit key cannot be guessed, and the keystore
            // throttles biometrics itself: no attempt is counted, so the
            // everyday unlock writes nothing before the data is loaded.
            let wrap = read_wrap(&conn, Slot::Platform)?.ok_or(VaultError::NoPlatformKey)?;
            DataKey::unwrap_with_platform_key(&wrap, key)
        } else {
            let (passcode, device) = credential.passcode().ok_or(VaultError::Corrupt)?;
            let wrap = read_wrap(&conn, Slot::Passcode)?.ok_or(VaultError::Corrupt)?;
            if wrap.device_bound && device.is_none() {
                // Not a guess: nothing is counted, nothing is run.
                return Err(VaultError::NoPlatformKey.into());
            }
            // An older KDF, or a wrap from before the device-bound key now
            // that the device secret is here.
            outdated_wrap =
                wrap.kdf != Some(Kdf::CURRENT) || (device.is_some() && !wrap.device_bound);
            Attempts::record_failure(&conn, throttle_key.as_ref(), now)?;
            DataKey::unwrap_with_passcode(&wrap, passcode, device)
        };
        match unwrapped {
            Ok(key) => {
                let rng = SystemRandom::new();
                let mut conn = conn;
                // The everyday platform-key unlock writes nothing; the count
                // is cleared by the passcode, which brings the device secret
                // its MAC needs.
                let typed = credential.passcode();
                if typed.is_some() {
                    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                    if let (true, Some((passcode, device))) = (outdated_wrap, typed) {
                        // An older KDF (PBKDF2) or no device secret yet: the
                        // same data key, wrapped anew with today's, with the
                        // count cleared, in one transaction.
                        let rewrapped = key.wrap_with_passcode(passcode, device, &rng)?;
                        write_wrap(&tx, Slot::Passcode, &rewrapped)?;
                    }
                    Attempts::clear(&tx, throttle_key.as_ref())?;
                    tx.commit()?;
                }
                Ok(Self {
                    conn,
                    path: path.to_path_buf(),
                    key,
                    rng,
                })
            }
            Err(Error::Public(VaultError::WrongCredential)) if credential.passcode().is_none() => {
                Err(VaultError::WrongCredential.into())
            }
            Err(Error::Public(VaultError::WrongCredential)) => {
                if Attempts::read(&conn)?.should_erase() {
                    drop(conn);
                    erase_path(path)?;
                    return Err(VaultError::ErasedAfterFailures.into());
                }
                Err(VaultError::WrongCredential.into())
            }
            Err(other) => {
                // Not the participant's mistake (a damaged wrap): uncount it.
                before.write(&conn)?;
                Err(other)
            }
        }
    }
}
