//! The records: every one decrypted on unlock, changes applied in one
//! transaction, and backups of them exported and imported.

use rusqlite::TransactionBehavior;

use super::Vault;
use crate::vault::backup;
use crate::vault::envelope::{self, Place};
use crate::vault::error::{Public, Result, VaultError};
use crate::vault::keys::Passcode;
use crate::vault::loader::{self, BODY};
use crate::vault::record::{Change, LoadedData, RecordKind, StoredRecord};

impl Vault {
    /// Decrypts every record. Rows that fail authentication are reported in
    /// [`LoadedData::damaged`] and left on disk.
    pub fn load_all(&self) -> Result<LoadedData, VaultError> {
        self.load_all_inner().public()
    }

    /// Applies `changes` in one durable transaction: all or nothing.
    pub fn apply(&mut self, changes: &[Change]) -> Result<(), VaultError> {
        self.apply_inner(changes).public()
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
