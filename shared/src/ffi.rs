//! The UniFFI boundary for iOS and Android: one object over [`CoreHost`],
//! bytes in and bytes out (bincode, as crux's shells expect). Everything a
//! shell sends is untrusted: malformed bytes, an unknown effect id or a
//! panic come back as a typed [`HostError`], never an abort.

use std::sync::Arc;

use crate::host::{CoreHost, HostError};

/// The core, as the native shells hold it.
#[derive(uniffi::Object)]
pub struct CoreFfi {
    host: CoreHost,
}

impl std::fmt::Debug for CoreFfi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CoreFfi").finish_non_exhaustive()
    }
}

#[uniffi::export]
impl CoreFfi {
    /// A core over the vault file at `vault_path`, in the device's IANA time
    /// zone and BCP 47 locale.
    #[uniffi::constructor]
    pub fn new(vault_path: &str, time_zone: &str, locale: &str) -> Arc<Self> {
        Arc::new(Self {
            host: CoreHost::new(vault_path, time_zone, locale),
        })
    }

    /// Sends a bincode `Event`; returns bincode `Vec<ShellRequest>`.
    ///
    /// Bytes arrive as `Vec<u8>` (a `ByteArray` in Kotlin, `Data` in Swift):
    /// UniFFI would hand a `&[u8]` to Kotlin as a direct `ByteBuffer`.
    #[allow(clippy::needless_pass_by_value)]
    pub fn update(&self, event: Vec<u8>) -> Result<Vec<u8>, HostError> {
        self.host.update_bytes(&event)
    }

    /// Answers shell request `id` with its bincode output.
    #[allow(clippy::needless_pass_by_value)]
    pub fn resolve(&self, id: u32, output: Vec<u8>) -> Result<Vec<u8>, HostError> {
        self.host.resolve_bytes(id, &output)
    }

    /// The current bincode `ViewModel`.
    pub fn view(&self) -> Result<Vec<u8>, HostError> {
        self.host.view_bytes()
    }
}

#[cfg(test)]
mod tests {
    use crux_core::bridge::{BincodeFfiFormat, FfiFormat};

    use super::*;
    use crate::app::Event;
    use crate::host::{ShellEffect, ShellRequest};
    use crate::view::{ScreenView, ViewModel};

    fn encode<T: serde::Serialize>(value: &T) -> Vec<u8> {
        let mut bytes = Vec::new();
        BincodeFfiFormat::serialize(&mut bytes, value).unwrap();
        bytes
    }

    #[test]
    fn a_shell_drives_the_core_with_bytes_and_gets_typed_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("phoenix.db").display().to_string();
        let core = CoreFfi::new(&path, "Europe/Madrid", "es-ES");

        let requests: Vec<ShellRequest> =
            BincodeFfiFormat::deserialize(&core.update(encode(&Event::Start)).unwrap()).unwrap();
        assert_eq!(
            requests.last().map(|r| &r.effect),
            Some(&ShellEffect::Render)
        );
        let view: ViewModel = BincodeFfiFormat::deserialize(&core.view().unwrap()).unwrap();
        assert!(matches!(view.screen, ScreenView::FirstRun(_)));
        assert_eq!(
            view.help.im_triggered, "Estoy en un momento difícil",
            "the device's language"
        );

        assert_eq!(core.update(vec![0xff; 3]), Err(HostError::Malformed));
        assert_eq!(core.update(vec![]), Err(HostError::Malformed));
        assert_eq!(core.resolve(77, vec![]), Err(HostError::UnknownEffect));
        let after: ViewModel = BincodeFfiFormat::deserialize(&core.view().unwrap()).unwrap();
        assert_eq!(after, view, "bad bytes changed nothing");
    }
}
