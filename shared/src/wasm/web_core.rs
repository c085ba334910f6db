//! The core for the web shell's worker: [`CoreHost`] as bytes in, bytes out
//! (bincode, the same messages the native shells exchange over UniFFI).

use wasm_bindgen::prelude::wasm_bindgen;

use super::error::WebError;
use super::storage::{VAULT_FILE, check_open, remove_vault_files};
use crate::host::{CoreHost, HostError};

/// The core, as the worker holds it.
#[wasm_bindgen]
pub struct WebCore {
    host: CoreHost,
}

#[wasm_bindgen]
impl WebCore {
    /// A core over the vault in OPFS ([`super::open_storage`] first), in the
    /// browser's IANA time zone and language, reading the browser's clock.
    #[wasm_bindgen(constructor)]
    pub fn new(time_zone: &str, locale: &str) -> Result<WebCore, WebError> {
        check_open()?;
        let host = CoreHost::with_clock(VAULT_FILE, time_zone, locale, Box::new(now_ms))
            // The pool's files cannot be deleted by path: free them, so no
            // page of the erased database stays in OPFS. A failure here
            // leaves only crypto-shredded pages behind.
            .after_erase(Box::new(|| {
                let _ = remove_vault_files();
            }));
        Ok(Self { host })
    }

    /// Sends a bincode `Event`; returns bincode `Vec<ShellRequest>`.
    pub fn update(&self, event: &[u8]) -> Result<Vec<u8>, WebError> {
        self.host.update_bytes(event).map_err(host_error)
    }

    /// Answers shell request `id` with its bincode output.
    pub fn resolve(&self, id: u32, output: &[u8]) -> Result<Vec<u8>, WebError> {
        self.host.resolve_bytes(id, output).map_err(host_error)
    }

    /// The current bincode `ViewModel`.
    pub fn view(&self) -> Result<Vec<u8>, WebError> {
        self.host.view_bytes().map_err(host_error)
    }
}

fn host_error(error: HostError) -> WebError {
    WebError::code(match error {
        HostError::Malformed => "Malformed",
        HostError::UnknownEffect => "UnknownEffect",
        HostError::Internal => "Internal",
    })
}

#[allow(clippy::cast_possible_truncation)] // milliseconds since 1970 fit an i64
fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}
