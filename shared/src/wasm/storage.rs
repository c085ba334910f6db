//! OPFS persistence: the sync-access-handle pool VFS from `sqlite-wasm-vfs`.

use std::cell::Cell;

use sqlite_wasm_rs::WasmOsCallback;
use sqlite_wasm_vfs::sahpool::{self, OpfsSAHPoolCfgBuilder};
use wasm_bindgen::prelude::wasm_bindgen;

use super::WebError;

/// The vault's file name inside the pool.
pub(crate) const VAULT_FILE: &str = "/phoenix.vault";

/// The OPFS directory the pool keeps its (opaquely named) files in.
const POOL_DIRECTORY: &str = ".phoenix-vault";

thread_local! {
    static STORAGE_OPEN: Cell<bool> = const { Cell::new(false) };
}

/// Installs the OPFS pool as SQLite's default VFS. Call once per worker,
/// before any vault call; calling again is harmless.
///
/// Fails with `"StorageUnavailable"` outside a dedicated worker, outside a
/// secure context, or when another tab's worker holds the pool.
#[wasm_bindgen(js_name = openStorage)]
pub async fn open_storage() -> Result<(), WebError> {
    console_error_panic_hook::set_once();
    if STORAGE_OPEN.get() {
        return Ok(());
    }
    let config = OpfsSAHPoolCfgBuilder::new()
        .directory(POOL_DIRECTORY)
        .build();
    sahpool::install::<WasmOsCallback>(&config, true)
        .await
        .map_err(|_| WebError::code("StorageUnavailable"))?;
    STORAGE_OPEN.set(true);
    Ok(())
}

pub(crate) fn check_open() -> Result<(), WebError> {
    if STORAGE_OPEN.get() {
        Ok(())
    } else {
        Err(WebError::code("StorageUnavailable"))
    }
}
