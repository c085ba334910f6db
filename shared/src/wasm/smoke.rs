//! TEMPORARY: a vault-only surface for the browser smoke tests.
//!
//! It proves the storage path (worker → wasm → rusqlite → OPFS) before the
//! Crux core lands. When the core's host is wired into the worker, the shell
//! talks to the core only (`update` / `resolve` / `view`) and this module is
//! deleted. Notes are stored as `RecordKind::Goal` bodies of UTF-8 text: a
//! stand-in with no meaning to the real core.

use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;

use super::WebError;
use super::storage::{VAULT_FILE, check_open, remove_vault_files};
use crate::vault::{Change, Credential, Passcode, RecordKind, Vault, VaultError};

thread_local! {
    static UNLOCKED: RefCell<Option<Vault>> = const { RefCell::new(None) };
}

/// Whether a vault exists yet (false on first run).
#[wasm_bindgen(js_name = smokeVaultExists)]
pub fn vault_exists() -> Result<bool, WebError> {
    check_open()?;
    Ok(Vault::exists(VAULT_FILE))
}

/// Creates the vault with `passcode` and keeps it unlocked.
#[wasm_bindgen(js_name = smokeVaultCreate)]
pub fn vault_create(passcode: String) -> Result<(), WebError> {
    check_open()?;
    let vault = Vault::create(VAULT_FILE, &Passcode::new(passcode))?;
    UNLOCKED.set(Some(vault));
    Ok(())
}

/// Unlocks the vault with `passcode`; `now_ms` is `Date.now()` (the throttle's clock).
#[wasm_bindgen(js_name = smokeVaultUnlock)]
pub fn vault_unlock(passcode: String, now_ms: f64) -> Result<(), WebError> {
    check_open()?;
    let credential = Credential::Passcode(Passcode::new(passcode));
    match Vault::unlock(VAULT_FILE, &credential, milliseconds(now_ms)) {
        Ok(vault) => {
            UNLOCKED.set(Some(vault));
            Ok(())
        }
        // The participant's opt-in erase-after-N emptied the vault: free its files too.
        Err(VaultError::ErasedAfterFailures) => {
            remove_vault_files()?;
            Err(VaultError::ErasedAfterFailures.into())
        }
        Err(other) => Err(other.into()),
    }
}

/// Stores `text` as note number `id` (replacing any note with that id).
#[wasm_bindgen(js_name = smokeVaultPutNote)]
pub fn vault_put_note(id: u32, text: String) -> Result<(), WebError> {
    with_unlocked(|vault| {
        vault.apply(&[Change::put(
            RecordKind::Goal,
            u64::from(id),
            text.into_bytes(),
        )])
    })
}

/// Every stored note, in id order.
#[wasm_bindgen(js_name = smokeVaultLoadNotes)]
pub fn vault_load_notes() -> Result<Vec<String>, WebError> {
    with_unlocked(|vault| {
        let data = vault.load_all()?;
        Ok(data
            .records
            .iter()
            .filter(|record| record.kind == RecordKind::Goal)
            .map(|record| String::from_utf8_lossy(&record.body).into_owned())
            .collect())
    })
}

/// "Erase everything": crypto-shreds and empties the vault, then frees its
/// files in OPFS. Works locked or unlocked.
#[wasm_bindgen(js_name = smokeVaultErase)]
pub fn vault_erase() -> Result<(), WebError> {
    check_open()?;
    match UNLOCKED.take() {
        Some(vault) => vault.erase()?,
        None => Vault::erase_at(VAULT_FILE)?,
    }
    remove_vault_files()
}

/// Closes the vault and forgets its key.
#[wasm_bindgen(js_name = smokeVaultLock)]
pub fn vault_lock() {
    UNLOCKED.set(None);
}

fn with_unlocked<T>(
    action: impl FnOnce(&mut Vault) -> Result<T, VaultError>,
) -> Result<T, WebError> {
    UNLOCKED.with_borrow_mut(|unlocked| {
        let vault = unlocked.as_mut().ok_or(WebError::code("NotUnlocked"))?;
        action(vault).map_err(WebError::from)
    })
}

/// `Date.now()` is a whole number of milliseconds well inside `i64`.
#[allow(clippy::cast_possible_truncation)]
fn milliseconds(now_ms: f64) -> i64 {
    now_ms as i64
}
