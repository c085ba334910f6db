//! [`Vault`]: an unlocked vault file and every operation on it.

use std::path::{Path, PathBuf};

use ring::rand::SystemRandom;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::backup;
use super::envelope::{self, Place};
use super::error::{Error, Public, Result, VaultError};
use super::file::{erase_path, open_connection, open_existing};
use super::keys::{Credential, DataKey, DeviceSecret, Kdf, Passcode, PlatformKey, Slot};
use super::loader::{self, BODY};
use super::record::{Change, LoadedData, RecordKind, StoredRecord};
use super::schema;
use super::throttle::{Attempts, Now, ThrottleKey, ThrottleStatus};
use super::wraps::{read_wrap, write_wrap};

/// An unlocked vault: an open SQLite connection and the data key.
///
/// Dropping it closes the file and wipes the keys from memory.
pub struct Vault {
    conn: Connection,
    path: PathBuf,
    key: DataKey,
    rng: SystemRandom,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").finish_non_exhaustive()
    }
}

impl Vault {
    /// Whether a vault (with a passcode set) exists at `path`.
    pub fn exists(path: impl AsRef<Path>) -> bool {
        let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
            return false;
        };
        matches!(schema::version(&conn), Ok(Some(_)))
    }

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

    /// The language chosen for the lock screen (a short code such as
    /// "es"), readable while locked; `None` when none was chosen.
    pub fn lock_language(path: impl AsRef<Path>) -> Result<Option<String>, VaultError> {
        open_existing(path.as_ref())
            .and_then(|conn| super::meta::language(&conn))
            .public()
    }

    /// Keeps the language choice outside the encrypted data, for the lock
    /// screen; `None` forgets it.
    pub fn set_lock_language(&mut self, code: Option<&str>) -> Result<(), VaultError> {
        super::meta::set_language(&self.conn, code).public()
    }

    /// "Erase everything" from the lock screen: destroys the wrapped keys,
    /// then removes the database and its -wal and -shm files. Works on a
    /// damaged or newer file too; a missing file is not an error.
    pub fn erase_at(path: impl AsRef<Path>) -> Result<(), VaultError> {
        erase_path(path.as_ref()).public()
    }

    /// Erases this vault (see [`Vault::erase_at`]).
    pub fn erase(self) -> Result<(), VaultError> {
        let path = self.path.clone();
        drop(self);
        erase_path(&path).public()
    }

    /// The file this vault lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Decrypts every record. Rows that fail authentication are reported in
    /// [`LoadedData::damaged`] and left on disk.
    pub fn load_all(&self) -> Result<LoadedData, VaultError> {
        self.load_all_inner().public()
    }

    /// Applies `changes` in one durable transaction: all or nothing.
    pub fn apply(&mut self, changes: &[Change]) -> Result<(), VaultError> {
        self.apply_inner(changes).public()
    }

    /// Rotates the data key: every record re-encrypted under a new one,
    /// wrapped by the new passcode, in one transaction. A copy of the file
    /// taken before, opened with the old passcode, reads nothing written
    /// after. The platform-key wrap (of the old key) is removed: the shell
    /// enrols a fresh key.
    pub fn change_passcode(
        &mut self,
        current: &Passcode,
        new: &Passcode,
    ) -> Result<(), VaultError> {
        self.change_passcode_inner(current, new, None).public()
    }

    /// [`Vault::change_passcode`] on this device: the new wrap is
    /// device-bound.
    pub fn change_passcode_on_device(
        &mut self,
        current: &Passcode,
        new: &Passcode,
        device: &DeviceSecret,
    ) -> Result<(), VaultError> {
        self.change_passcode_inner(current, new, Some(device))
            .public()
    }

    /// Stores the data key wrapped by a platform key, for biometric unlock.
    pub fn enroll_platform_key(&mut self, key: &PlatformKey) -> Result<(), VaultError> {
        let wrap = self.key.wrap_with_platform_key(key, &self.rng).public()?;
        write_wrap(&self.conn, Slot::Platform, &wrap).public()
    }

    /// Removes the platform-key wrap; the passcode still opens the vault.
    pub fn remove_platform_key(&mut self) -> Result<(), VaultError> {
        self.conn
            .execute(
                "DELETE FROM key_wraps WHERE slot = ?1",
                [Slot::Platform.name()],
            )
            .map(|_| ())
            .map_err(Error::from)
            .public()
    }

    pub fn has_platform_key(&self) -> bool {
        matches!(read_wrap(&self.conn, Slot::Platform), Ok(Some(_)))
    }

    /// Opt-in: erase the vault after `limit` consecutive failed unlocks
    /// (`None` turns it off).
    pub fn set_erase_after_failures(&mut self, limit: Option<u32>) -> Result<(), VaultError> {
        Attempts::set_erase_after(&self.conn, limit).public()
    }

    /// Exports every readable record as one file sealed by `passphrase`.
    pub fn export_backup(&self, passphrase: &Passcode) -> Result<Vec<u8>, VaultError> {
        self.export_backup_with(passphrase, &[])
    }

    /// Exports every readable record, with `in_the_file` applied to the
    /// file's copy only: a `Put` replaces or adds a record there, a
    /// `Delete` leaves one out. The vault itself is untouched.
    pub fn export_backup_with(
        &self,
        passphrase: &Passcode,
        in_the_file: &[Change],
    ) -> Result<Vec<u8>, VaultError> {
        let mut records = self.load_all()?.records;
        for change in in_the_file {
            match change {
                Change::Put { kind, id, body } => {
                    records.retain(|r| (r.kind, r.id) != (*kind, *id));
                    records.push(StoredRecord {
                        kind: *kind,
                        id: *id,
                        body: body.clone(),
                    });
                }
                Change::Delete { kind, id } => records.retain(|r| (r.kind, r.id) != (*kind, *id)),
                Change::DeleteAll { kind } => records.retain(|r| r.kind != *kind),
            }
        }
        backup::seal(&records, passphrase, &self.rng).public()
    }

    /// Replaces all records with a backup's, atomically, after the whole
    /// file has been verified. On any error the current data is untouched.
    pub fn import_backup(&mut self, file: &[u8], passphrase: &Passcode) -> Result<(), VaultError> {
        self.import_backup_inner(file, passphrase).public()
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

    fn load_all_inner(&self) -> Result<LoadedData> {
        loader::load_all(&self.conn, self.key.records())
    }

    fn apply_inner(&mut self, changes: &[Change]) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for change in changes {
            match change {
                Change::Put { kind, id, body } => {
                    let table = kind.table();
                    let row_id = row_id(*id)?;
                    let place = Place {
                        table,
                        id: *id,
                        column: BODY,
                    };
                    let sealed = envelope::seal(self.key.records(), &self.rng, place, body)?;
                    tx.prepare_cached(&format!(
                        "INSERT INTO {table} (id, body) VALUES (?1, ?2) \
                         ON CONFLICT (id) DO UPDATE SET body = excluded.body"
                    ))?
                    .execute((row_id, sealed))?;
                }
                Change::Delete { kind, id } => {
                    tx.prepare_cached(&format!("DELETE FROM {} WHERE id = ?1", kind.table()))?
                        .execute([row_id(*id)?])?;
                }
                Change::DeleteAll { kind } => {
                    tx.execute(&format!("DELETE FROM {}", kind.table()), [])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn change_passcode_inner(
        &mut self,
        current: &Passcode,
        new: &Passcode,
        device: Option<&DeviceSecret>,
    ) -> Result<()> {
        new.check_not_empty()?;
        let wrap = read_wrap(&self.conn, Slot::Passcode)?.ok_or(VaultError::Corrupt)?;
        DataKey::unwrap_with_passcode(&wrap, current, device)?;
        let key = DataKey::generate(&self.rng)?;
        let wrap = key.wrap_with_passcode(new, device, &self.rng)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for kind in RecordKind::ALL {
            let table = kind.table();
            let rows: Vec<(i64, Vec<u8>)> = tx
                .prepare_cached(&format!("SELECT id, body FROM {table}"))?
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (row, sealed) in rows {
                let place = Place {
                    table,
                    id: u64::try_from(row).map_err(|_| VaultError::Corrupt)?,
                    column: BODY,
                };
                // A damaged row stays as it is, as on every load.
                let Ok(body) = envelope::open(self.key.records(), place, &sealed) else {
                    continue;
                };
                let resealed = envelope::seal(key.records(), &self.rng, place, &body)?;
                tx.prepare_cached(&format!("UPDATE {table} SET body = ?1 WHERE id = ?2"))?
                    .execute((resealed, row))?;
            }
        }
        write_wrap(&tx, Slot::Passcode, &wrap)?;
        tx.execute(
            "DELETE FROM key_wraps WHERE slot = ?1",
            [Slot::Platform.name()],
        )?;
        tx.commit()?;
        self.key = key;
        Ok(())
    }

    fn import_backup_inner(&mut self, file: &[u8], passphrase: &Passcode) -> Result<()> {
        let records = backup::open(file, passphrase)?;
        if records
            .iter()
            .any(|record| i64::try_from(record.id).is_err())
        {
            return Err(VaultError::BackupRejected.into());
        }
        let mut changes: Vec<Change> = RecordKind::ALL
            .into_iter()
            .map(|kind| Change::DeleteAll { kind })
            .collect();
        changes.extend(records.into_iter().map(|record| Change::Put {
            kind: record.kind,
            id: record.id,
            body: record.body,
        }));
        self.apply_inner(&changes)
    }
}

/// Record ids are SQLite rowids: at most `i64::MAX`.
fn row_id(id: u64) -> Result<i64> {
    i64::try_from(id).map_err(|_| VaultError::Storage.into())
}
