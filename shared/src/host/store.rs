//! The `Store` effect, served here: each operation against the open vault
//! (or the vault file, while locked).

use super::CoreHost;
use crate::effects::{StoreOperation, StoreOutput, UnlockWith};
use crate::i18n::Language;
use crate::vault::{Credential, DeviceSecret, Now, PlatformKey, Vault, VaultError};

impl CoreHost {
    pub(super) fn execute(&self, operation: StoreOperation) -> StoreOutput {
        let Ok(mut vault) = self.vault.lock() else {
            return StoreOutput::Failed(VaultError::Storage);
        };
        let path = &self.vault_path;
        let now = Now {
            wall_ms: (self.clock)(),
            since_boot_ms: (self.boot_clock)(),
        };
        let erasing = matches!(operation, StoreOperation::Erase);
        let result = match operation {
            StoreOperation::Probe => Ok(StoreOutput::Probed {
                exists: Vault::exists(path),
                throttle: Vault::throttle_status_at(path, now).unwrap_or_default(),
                language: Vault::lock_language(path)
                    .ok()
                    .flatten()
                    .and_then(|code| Language::from_code(&code)),
            }),
            // Without an answer the lock screen shows what the file says;
            // the attempt itself checks the counter again.
            StoreOperation::Throttle(device) => Ok(StoreOutput::Throttle(
                DeviceSecret::from_bytes(device.as_bytes())
                    .and_then(|device| Vault::throttle_status_on_device(path, &device, now))
                    .or_else(|_| Vault::throttle_status_at(path, now))
                    .unwrap_or_default(),
            )),
            StoreOperation::SetLockLanguage(language) => with_vault(&mut vault, |v| {
                v.set_lock_language(language.map(Language::code))
            })
            .map(|()| StoreOutput::Done),
            StoreOperation::Create(passcode, device) => DeviceSecret::from_bytes(device.as_bytes())
                .and_then(|device| Vault::create_on_device(path, &passcode, &device))
                .and_then(|opened| open(&mut vault, opened)),
            StoreOperation::Unlock(with) => credential(with)
                .and_then(|credential| Vault::unlock_at(path, &credential, now))
                .and_then(|opened| open(&mut vault, opened)),
            StoreOperation::Apply(changes) => {
                with_vault(&mut vault, |v| v.apply(&changes)).map(|()| StoreOutput::Done)
            }
            StoreOperation::ChangePasscode {
                current,
                new,
                device,
            } => with_vault(&mut vault, |v| {
                v.change_passcode_on_device(
                    &current,
                    &new,
                    &DeviceSecret::from_bytes(device.as_bytes())?,
                )
            })
            .map(|()| StoreOutput::Done),
            StoreOperation::EnrollPlatformKey(key) => with_vault(&mut vault, |v| {
                v.enroll_platform_key(&PlatformKey::from_bytes(key.as_bytes())?)
            })
            .map(|()| StoreOutput::Done),
            StoreOperation::RemovePlatformKey => {
                with_vault(&mut vault, Vault::remove_platform_key).map(|()| StoreOutput::Done)
            }
            StoreOperation::SetEraseAfterFailures(limit) => {
                with_vault(&mut vault, |v| v.set_erase_after_failures(limit))
                    .map(|()| StoreOutput::Done)
            }
            StoreOperation::ExportBackup(passphrase, in_the_file) => vault
                .as_ref()
                .map_or(Err(VaultError::NotFound), |v| {
                    v.export_backup_with(&passphrase, &in_the_file)
                })
                .map(StoreOutput::Backup),
            StoreOperation::ImportBackup { file, passphrase } => match vault.take() {
                Some(mut open_vault) => {
                    let imported = open_vault.import_backup(&file, &passphrase);
                    let reopened = open(&mut vault, open_vault);
                    imported.and(reopened)
                }
                None => Err(VaultError::NotFound),
            },
            StoreOperation::Lock => {
                *vault = None;
                self.forget_pending();
                Ok(StoreOutput::Done)
            }
            StoreOperation::Erase => {
                self.forget_pending();
                match vault.take() {
                    Some(open) => open.erase(),
                    None => Vault::erase_at(path),
                }
                .map(|()| StoreOutput::Done)
            }
        };
        let erased = match &result {
            Ok(_) => erasing,
            Err(error) => *error == VaultError::ErasedAfterFailures,
        };
        if let (true, Some(hook)) = (erased, &self.after_erase) {
            hook();
        }
        result.unwrap_or_else(StoreOutput::Failed)
    }
}

/// What the vault opens with, from what the core sent.
fn credential(with: UnlockWith) -> Result<Credential, VaultError> {
    match with {
        UnlockWith::Passcode(passcode, device) => DeviceSecret::from_bytes(device.as_bytes())
            .map(|device| Credential::PasscodeOnDevice(passcode, device)),
        UnlockWith::PlatformKey(key) => {
            PlatformKey::from_bytes(key.as_bytes()).map(Credential::PlatformKey)
        }
    }
}

fn open(slot: &mut Option<Vault>, vault: Vault) -> Result<StoreOutput, VaultError> {
    let loaded = vault.load_all()?;
    let output = StoreOutput::Opened {
        records: loaded.records,
        damaged: loaded.damaged.len(),
        has_platform_key: vault.has_platform_key(),
    };
    *slot = Some(vault);
    Ok(output)
}

fn with_vault(
    slot: &mut Option<Vault>,
    action: impl FnOnce(&mut Vault) -> Result<(), VaultError>,
) -> Result<(), VaultError> {
    slot.as_mut().map_or(Err(VaultError::NotFound), action)
}
