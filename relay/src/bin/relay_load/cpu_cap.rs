//! Holds each relay process to a share of one core, with the kernel's CPU
//! controller (cgroup v2 `cpu.max`, or v1 `cpu.cfs_quota_us`), so that the
//! relays, not this machine's two cores, are what limits throughput: the
//! way to see whether a second process adds what the first one has, that
//! is, whether anything they share (the database's replay guard, limits,
//! mailboxes) makes them wait for each other. Needs root.

use std::fs;
use std::path::{Path, PathBuf};

/// The scheduler's accounting period: short, so that a process held to a
/// share is paused for at most a few milliseconds at a time.
const PERIOD_US: u32 = 10_000;

/// One control group per relay process, removed when dropped (after the
/// processes have stopped).
pub struct CpuCaps(Vec<PathBuf>);

impl CpuCaps {
    /// Puts each of `pids` in its own group held to `cores` (e.g. 0.25).
    pub fn hold(pids: &[u32], cores: f64) -> Result<Self, String> {
        if !(cores > 0.0 && cores <= 64.0) {
            return Err(format!("not a share of a core: {cores}"));
        }
        let (root, version) = controller()?;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let quota_us = (f64::from(PERIOD_US) * cores).round() as u32;
        let mut groups = Self(Vec::new());
        for pid in pids {
            let group = root.join(format!("phoenix-relay-load-{pid}"));
            fs::create_dir_all(&group).map_err(|e| cannot("create", &group, &e))?;
            groups.0.push(group.clone());
            match version {
                Version::Two => write(&group.join("cpu.max"), &format!("{quota_us} {PERIOD_US}"))?,
                Version::One => {
                    write(&group.join("cpu.cfs_period_us"), &PERIOD_US.to_string())?;
                    write(&group.join("cpu.cfs_quota_us"), &quota_us.to_string())?;
                }
            }
            // Moves the whole process, every thread of it.
            write(&group.join("cgroup.procs"), &pid.to_string())?;
        }
        Ok(groups)
    }
}

impl Drop for CpuCaps {
    fn drop(&mut self) {
        for group in &self.0 {
            let _ = fs::remove_dir(group);
        }
    }
}

enum Version {
    One,
    Two,
}

/// Where to make the groups: the unified hierarchy if it offers the CPU
/// controller, else the v1 `cpu` hierarchy.
fn controller() -> Result<(PathBuf, Version), String> {
    for unified in ["/sys/fs/cgroup", "/sys/fs/cgroup/unified"] {
        let controllers = fs::read_to_string(Path::new(unified).join("cgroup.subtree_control"));
        if controllers.is_ok_and(|list| list.split_whitespace().any(|c| c == "cpu")) {
            return Ok((PathBuf::from(unified), Version::Two));
        }
    }
    let legacy = Path::new("/sys/fs/cgroup/cpu");
    if legacy.join("cpu.cfs_quota_us").exists() {
        return Ok((legacy.to_owned(), Version::One));
    }
    Err(
        "holding relays to a share of a core needs the kernel's CPU controller \
         (cgroup v2 with `cpu` in /sys/fs/cgroup/cgroup.subtree_control, or v1's \
         /sys/fs/cgroup/cpu) and root"
            .into(),
    )
}

fn write(path: &Path, value: &str) -> Result<(), String> {
    fs::write(path, value).map_err(|e| cannot("write", path, &e))
}

fn cannot(what: &str, path: &Path, error: &std::io::Error) -> String {
    format!(
        "cannot {what} {} ({error}): holding relays to a share of a core needs root",
        path.display()
    )
}
