//! The bodies of the fuzz targets in `fuzz/`, one function per untrusted
//! input. cargo-fuzz drives them with coverage guidance (`cargo xtask fuzz`);
//! `shared/tests/untrusted_bytes.rs` drives the same functions with random
//! inputs on the stable toolchain in every test run. Each panics only on a
//! bug (a panic that escaped, or a forged envelope).

use std::sync::{Arc, OnceLock};

use crux_core::bridge::{BincodeFfiFormat, FfiFormat};

use crate::app::Event;
use crate::ffi::CoreFfi;
use crate::host::HostError;
use crate::vault::{Change, Credential, Passcode, PlatformKey, RecordKind, Vault};

pub use crate::vault::fuzzing::{backup_header, backup_payload, envelope};

/// Arbitrary bytes where a sealed value should be: never a panic, and
/// (without the key's cooperation) never a successful open.
pub fn sealed_value(data: &[u8]) {
    assert!(!envelope(data), "forged an envelope");
}

/// Arbitrary bytes as a backup file: the header split (before the KDF) and
/// the payload parser (after authentication) reject, never panic.
pub fn backup_file(data: &[u8]) {
    let _ = backup_header(data);
    let _ = backup_payload(data);
}

const CORRUPTED_VAULT_KEY: [u8; 32] = [42; 32];

/// A small vault with one record of every kind, checkpointed into one file.
fn vault_template() -> &'static [u8] {
    static TEMPLATE: OnceLock<Vec<u8>> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("template.db");
        let mut vault = Vault::create(&path, &Passcode::new("fuzz")).expect("a new vault");
        vault
            .enroll_platform_key(&PlatformKey::from_bytes(&CORRUPTED_VAULT_KEY).expect("a key"))
            .expect("an enrolled key");
        let changes: Vec<Change> = RecordKind::ALL
            .into_iter()
            .map(|kind| Change::put(kind, 1, format!("{kind:?} body").into_bytes()))
            .collect();
        vault.apply(&changes).expect("records written");
        drop(vault);
        std::fs::read(&path).expect("the vault file")
    })
}

/// A real vault file corrupted at chosen offsets, then unlocked with its
/// platform key and loaded: a typed error or the surviving records, never a
/// panic. Each 3-byte chunk of `data` is a 16-bit offset (scaled to the
/// file) and a byte to XOR in.
pub fn corrupt_vault(data: &[u8]) {
    let mut file = vault_template().to_vec();
    for chunk in data.chunks_exact(3) {
        let offset = usize::from(u16::from_le_bytes([chunk[0], chunk[1]])) * file.len() / 65_536;
        file[offset] ^= chunk[2];
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("phoenix.db");
    std::fs::write(&path, &file).expect("the corrupted file written");
    let key = PlatformKey::from_bytes(&CORRUPTED_VAULT_KEY).expect("a key");
    if let Ok(vault) = Vault::unlock(&path, &Credential::PlatformKey(key), 0) {
        let _ = vault.load_all();
    }
}

const FFI_PASSCODE: &str = "fuzz passcode";

/// One participant's core, unlocked, shared by every input (one KDF).
fn unlocked_core() -> &'static Arc<CoreFfi> {
    static CORE: OnceLock<(tempfile::TempDir, Arc<CoreFfi>)> = OnceLock::new();
    &CORE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let path = dir.path().join("phoenix.db").display().to_string();
            let core = CoreFfi::new(&path, "America/New_York", "en-US");
            for event in [
                Event::Start,
                Event::SetPasscode {
                    passcode: FFI_PASSCODE.into(),
                    confirmation: FFI_PASSCODE.into(),
                },
            ] {
                let mut bytes = Vec::new();
                BincodeFfiFormat::serialize(&mut bytes, &event).expect("an event's bytes");
                core.update(bytes).expect("the set-up event accepted");
            }
            (dir, core)
        })
        .1
}

/// Arbitrary bytes through the UniFFI object, as a buggy or hostile shell
/// could send them: `update` with any event bytes (even first byte), or
/// `resolve` with any id and output (odd). Every call returns a value or a
/// typed error; `Internal` means a panic was caught at the boundary: a bug.
pub fn ffi_bytes(data: &[u8]) {
    let core = unlocked_core();
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let result = if selector % 2 == 0 {
        core.update(rest.to_vec())
    } else {
        core.resolve(u32::from(selector / 2), rest.to_vec())
    };
    assert_ne!(
        result,
        Err(HostError::Internal),
        "a panic crossed into the boundary"
    );
    assert_ne!(core.view().err(), Some(HostError::Internal));
}
