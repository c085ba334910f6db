//! Storage faults during writes: a full disk and a read-only file system.
//! Both must give a typed error and lose nothing already stored.
//!
//! These mount a small tmpfs, which needs root (CI runs as root). Elsewhere
//! they say so and return without asserting.

use std::path::{Path, PathBuf};
use std::process::Command;

use shared::vault::{Change, Credential, Passcode, PlatformKey, RecordKind, Vault, VaultError};

const NOW: i64 = 1_790_000_000_000;

/// A tmpfs of `size` mounted on a fresh directory, unmounted on drop.
struct SmallFileSystem {
    dir: tempfile::TempDir,
}

impl SmallFileSystem {
    fn mount(size: &str) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|status| status.success());
        if mounted {
            Some(Self { dir })
        } else {
            eprintln!(
                "SKIPPED: mounting a tmpfs needs root; run as root (CI does) to test storage faults"
            );
            None
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, option: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{option}")])
            .arg(self.dir.path())
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for SmallFileSystem {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn check_in(id: u64) -> Change {
    Change::put(
        RecordKind::CheckIn,
        id,
        format!("check-in {id} {}", "x".repeat(900)).into_bytes(),
    )
}

fn stored_ids(vault: &Vault) -> Vec<u64> {
    let data = vault.load_all().unwrap();
    assert!(data.damaged.is_empty());
    data.records.iter().map(|record| record.id).collect()
}

fn reopen(path: &PathBuf, key: &PlatformKey) -> Vault {
    let key = PlatformKey::from_bytes(key.as_bytes()).unwrap();
    Vault::unlock(path, &Credential::PlatformKey(key), NOW).unwrap()
}

#[test]
fn a_full_disk_is_a_typed_error_and_loses_nothing() {
    let Some(fs) = SmallFileSystem::mount("1m") else {
        return;
    };
    let path = fs.path().join("phoenix.db");
    let key = PlatformKey::generate().unwrap();
    let mut vault = Vault::create(&path, &Passcode::new("disk full")).unwrap();
    vault.enroll_platform_key(&key).unwrap();
    // Leave room to recover: a file the participant could delete.
    let ballast = fs.path().join("photos.bin");
    std::fs::write(&ballast, vec![0u8; 256 * 1024]).unwrap();

    let mut acknowledged = Vec::new();
    let error = (1..)
        .find_map(|id| match vault.apply(&[check_in(id)]) {
            Ok(()) => {
                acknowledged.push(id);
                None
            }
            Err(error) => Some(error),
        })
        .unwrap();
    assert_eq!(error, VaultError::StorageFull);
    assert!(
        acknowledged.len() > 100,
        "wrote {} before filling up",
        acknowledged.len()
    );
    assert_eq!(
        stored_ids(&vault),
        acknowledged,
        "everything acknowledged is still readable"
    );
    drop(vault);
    assert_eq!(
        stored_ids(&reopen(&path, &key)),
        acknowledged,
        "and after reopening"
    );

    // Once space is freed, writing works again.
    std::fs::remove_file(&ballast).unwrap();
    let mut vault = reopen(&path, &key);
    let next = acknowledged.last().unwrap() + 1;
    vault.apply(&[check_in(next)]).unwrap();
    acknowledged.push(next);
    assert_eq!(stored_ids(&vault), acknowledged);
}

/// Linux refuses to remount a file system read-only while a file on it is
/// open for writing, so the vault is closed first: the participant opens the
/// app on storage that has become read-only.
#[test]
fn a_read_only_file_system_is_a_typed_error_and_loses_nothing() {
    let Some(fs) = SmallFileSystem::mount("4m") else {
        return;
    };
    let path = fs.path().join("phoenix.db");
    let key = PlatformKey::generate().unwrap();
    let mut vault = Vault::create(&path, &Passcode::new("read only")).unwrap();
    vault.enroll_platform_key(&key).unwrap();
    let written: Vec<u64> = (1..=20).collect();
    vault
        .apply(&written.iter().map(|id| check_in(*id)).collect::<Vec<_>>())
        .unwrap();
    drop(vault);
    let before = std::fs::read(&path).unwrap();

    fs.remount("ro");
    let same_key = PlatformKey::from_bytes(key.as_bytes()).unwrap();
    let error = Vault::unlock(&path, &Credential::PlatformKey(same_key), NOW).unwrap_err();
    assert_eq!(error, VaultError::ReadOnly);
    assert!(
        Vault::erase_at(&path).is_err(),
        "erase reports that it could not remove the file"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing changed");

    fs.remount("rw");
    let mut vault = reopen(&path, &key);
    assert_eq!(stored_ids(&vault), written);
    vault.apply(&[check_in(21)]).unwrap();
}
