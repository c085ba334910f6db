//! OPFS persistence: the sync-access-handle pool VFS from `sqlite-wasm-vfs`.

use std::cell::RefCell;

use sqlite_wasm_rs::WasmOsCallback;
use sqlite_wasm_rs::vfs::VfsFilesManager;
use sqlite_wasm_vfs::sahpool::{self, OpfsSAHPoolCfgBuilder, OpfsSAHPoolUtil};
use wasm_bindgen::prelude::wasm_bindgen;

use super::error::WebError;

/// The vault's file name inside the pool.
pub(crate) const VAULT_FILE: &str = "/phoenix.vault";

/// The OPFS directory the pool keeps its (opaquely named) files in.
const POOL_DIRECTORY: &str = ".phoenix-vault";

thread_local! {
    /// The installed pool: `None` until [`open_storage`] succeeds.
    static POOL: RefCell<Option<OpfsSAHPoolUtil>> = const { RefCell::new(None) };
}

/// Installs the OPFS pool as SQLite's default VFS. Call once per worker,
/// before any vault call; calling again is harmless.
///
/// Fails with `"StorageUnavailable"` outside a dedicated worker, outside a
/// secure context, or when another tab's worker holds the pool.
#[wasm_bindgen(js_name = openStorage)]
pub async fn open_storage() -> Result<(), WebError> {
    console_error_panic_hook::set_once();
    if POOL.with_borrow(Option::is_some) {
        return Ok(());
    }
    let config = OpfsSAHPoolCfgBuilder::new()
        .directory(POOL_DIRECTORY)
        .build();
    let pool = sahpool::install::<WasmOsCallback>(&config, true)
        .await
        .map_err(|_| WebError::code("StorageUnavailable"))?;
    POOL.set(Some(pool));
    Ok(())
}

pub(crate) fn check_open() -> Result<(), WebError> {
    if POOL.with_borrow(Option::is_some) {
        Ok(())
    } else {
        Err(WebError::code("StorageUnavailable"))
    }
}

/// Frees the vault's files in the pool, after the vault has erased itself
/// (`Vault::erase` drops every table there but cannot delete files): each
/// slot is truncated to its header, so no page of the database remains in
/// OPFS. Missing files are fine. Every connection must be closed first.
pub(crate) fn remove_vault_files() -> Result<(), WebError> {
    POOL.with_borrow(|pool| {
        let pool = pool.as_ref().ok_or(WebError::code("StorageUnavailable"))?;
        for suffix in ["", "-wal", "-journal"] {
            pool.remove(&format!("{VAULT_FILE}{suffix}"))
                .map_err(|_| WebError::code("Storage"))?;
        }
        Ok(())
    })
}
