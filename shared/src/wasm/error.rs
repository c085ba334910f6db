//! [`WebError`]: what the worker reports to the page when a call fails.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::vault::VaultError;

/// A failure, as a stable code the page can act on. Thrown to JavaScript as
/// an object `{ code, retryAfterSecs }`; carries no participant data, no SQL
/// text and no browser error text.
#[wasm_bindgen(getter_with_clone)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebError {
    /// The [`VaultError`] variant name (`"WrongCredential"`, `"Throttled"`, ...),
    /// or `"StorageUnavailable"` when OPFS cannot be opened, or
    /// `"NotUnlocked"` when a call needs an unlocked vault.
    pub code: String,
    /// Seconds until the next unlock attempt is accepted, for `"Throttled"`.
    #[wasm_bindgen(js_name = retryAfterSecs)]
    pub retry_after_secs: Option<u32>,
}

impl WebError {
    pub(crate) fn code(code: &str) -> Self {
        Self {
            code: code.to_owned(),
            retry_after_secs: None,
        }
    }
}

impl From<VaultError> for WebError {
    fn from(error: VaultError) -> Self {
        let code = match error {
            VaultError::Throttled { retry_after_secs } => {
                return Self {
                    code: "Throttled".to_owned(),
                    retry_after_secs: Some(u32::try_from(retry_after_secs).unwrap_or(u32::MAX)),
                };
            }
            VaultError::NotFound => "NotFound",
            VaultError::AlreadyExists => "AlreadyExists",
            VaultError::WrongCredential => "WrongCredential",
            VaultError::ErasedAfterFailures => "ErasedAfterFailures",
            VaultError::NoPlatformKey => "NoPlatformKey",
            VaultError::PasscodeTooShort => "PasscodeTooShort",
            VaultError::InvalidKeyLength => "InvalidKeyLength",
            VaultError::NewerSchema => "NewerSchema",
            VaultError::Corrupt => "Corrupt",
            VaultError::Tampered => "Tampered",
            VaultError::BackupRejected => "BackupRejected",
            VaultError::StorageFull => "StorageFull",
            VaultError::ReadOnly => "ReadOnly",
            VaultError::Storage => "Storage",
            VaultError::Crypto => "Crypto",
        };
        Self::code(code)
    }
}
