//! What changes the vault's keys: a new passcode (a new data key, every
//! record sealed again under it) and the platform key's wrap for
//! biometric unlock.

use rusqlite::TransactionBehavior;

use super::Vault;
use crate::vault::envelope::{self, Place};
use crate::vault::error::{Error, Public, Result, VaultError};
use crate::vault::keys::{DataKey, DeviceSecret, Passcode, PlatformKey, Slot};
use crate::vault::loader::BODY;
use crate::vault::record::RecordKind;
use crate::vault::wraps::{read_wrap, write_wrap};

impl Vault {
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
}
