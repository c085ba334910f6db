//! A real vault file corrupted at fuzzer-chosen offsets, then unlocked with
//! its platform key and loaded: a typed error or the surviving records,
//! never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use shared::vault::{Change, Credential, Passcode, PlatformKey, RecordKind, Vault};

const KEY: [u8; 32] = [42; 32];

/// A small vault with one record of every kind, checkpointed into one file.
fn template() -> &'static [u8] {
    static TEMPLATE: OnceLock<Vec<u8>> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("template.db");
        let mut vault = Vault::create(&path, &Passcode::new("fuzz")).unwrap();
        vault.enroll_platform_key(&PlatformKey::from_bytes(&KEY).unwrap()).unwrap();
        let changes: Vec<Change> = RecordKind::ALL
            .into_iter()
            .map(|kind| Change::put(kind, 1, format!("{kind:?} body").into_bytes()))
            .collect();
        vault.apply(&changes).unwrap();
        drop(vault);
        std::fs::read(&path).unwrap()
    })
}

fuzz_target!(|data: &[u8]| {
    let mut file = template().to_vec();
    // Each 3-byte chunk: a 16-bit offset (scaled to the file) and a byte to XOR in.
    for chunk in data.chunks_exact(3) {
        let offset = usize::from(u16::from_le_bytes([chunk[0], chunk[1]])) * file.len() / 65_536;
        file[offset] ^= chunk[2];
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("phoenix.db");
    std::fs::write(&path, &file).unwrap();
    let key = PlatformKey::from_bytes(&KEY).unwrap();
    if let Ok(vault) = Vault::unlock(&path, &Credential::PlatformKey(key), 0) {
        let _ = vault.load_all();
    }
});
