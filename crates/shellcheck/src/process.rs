//! Child processes and temporary directories that never outlive their use:
//! each child runs under a deadline and is killed when it passes it, and on
//! SIGTERM or SIGINT every live child is killed and every temporary
//! directory removed before the process exits (as it would have anyway).

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

/// Output past this is not read: the child is then stuck writing and its
/// deadline kills it.
const MAX_OUTPUT_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Default)]
struct Registry {
    /// Live children. Held while spawning, so signal cleanup never misses
    /// one that is starting.
    children: Mutex<HashMap<u64, Child>>,
    /// Live temporary directories. Held while creating one, for the same reason.
    dirs: Mutex<HashMap<u64, PathBuf>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        install_signal_cleanup();
        Registry::default()
    })
}

fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Kill every live child, remove every temporary directory and exit with
/// `code`. The locks stay held until the process is gone, so no thread
/// starts a child or goes on as if its child had simply finished (and ends
/// the process with its own status first).
fn cleanup_and_exit(code: i32) -> ! {
    let reg = registry();
    let mut children = lock(&reg.children);
    let dirs = lock(&reg.dirs);
    for child in children.values_mut() {
        let _ = child.kill();
        let _ = child.wait();
    }
    for dir in dirs.values() {
        let _ = std::fs::remove_dir_all(dir);
    }
    std::process::exit(code)
}

#[cfg(unix)]
fn install_signal_cleanup() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;
    let Ok(mut signals) = Signals::new([SIGTERM, SIGINT]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("shellcheck-cleanup".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                cleanup_and_exit(128 + signal);
            }
        });
}

#[cfg(not(unix))]
fn install_signal_cleanup() {}

/// A temporary directory that signal cleanup also removes.
pub(crate) struct TempDir {
    id: u64,
    dir: tempfile::TempDir,
}

impl TempDir {
    pub(crate) fn new() -> Option<TempDir> {
        let reg = registry();
        let mut dirs = lock(&reg.dirs);
        let dir = tempfile::Builder::new().prefix("autoheal-shellcheck").tempdir().ok()?;
        let id = next_id();
        dirs.insert(id, dir.path().to_path_buf());
        Some(TempDir { id, dir })
    }
    pub(crate) fn path(&self) -> &std::path::Path {
        self.dir.path()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // Removed under the lock: signal cleanup never sees it half gone.
        let mut dirs = lock(&registry().dirs);
        dirs.remove(&self.id);
        let _ = std::fs::remove_dir_all(self.dir.path());
    }
}

/// Run `cmd` to completion within `timeout` and return its stdout; `None`
/// when it could not start, was killed at the deadline, or was killed by
/// signal cleanup.
pub(crate) fn output_within(mut cmd: Command, timeout: Duration) -> Option<Vec<u8>> {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::null());
    let reg = registry();
    let id = next_id();
    let stdout = {
        let mut children = lock(&reg.children);
        let mut child = cmd.spawn().ok()?;
        let Some(stdout) = child.stdout.take() else {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        };
        children.insert(id, child);
        stdout
    };
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.take(MAX_OUTPUT_BYTES).read_to_end(&mut buf);
        buf
    });
    let deadline = Instant::now() + timeout;
    let finished = loop {
        {
            let mut children = lock(&reg.children);
            let Some(child) = children.get_mut(&id) else {
                break false;
            };
            match child.try_wait() {
                Ok(Some(_)) => {
                    children.remove(&id);
                    break true;
                }
                Ok(None) if Instant::now() < deadline => {}
                _ => {
                    let _ = child.kill();
                    let _ = child.wait();
                    children.remove(&id);
                    break false;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let out = reader.join().ok()?;
    finished.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_past_its_deadline_is_killed() {
        let mut cmd = Command::new("sleep");
        cmd.arg("30");
        let started = Instant::now();
        assert_eq!(output_within(cmd, Duration::from_millis(200)), None);
        assert!(started.elapsed() < Duration::from_secs(10));
        assert!(lock(&registry().children).is_empty());
    }

    #[test]
    fn output_of_a_finished_child_is_returned() {
        let mut cmd = Command::new("echo");
        cmd.arg("hi");
        assert_eq!(
            output_within(cmd, Duration::from_secs(20)).as_deref(),
            Some(&b"hi\n"[..])
        );
    }

    #[test]
    fn temporary_directories_are_registered_while_alive() {
        let dir = TempDir::new().unwrap();
        let path = dir.path().to_path_buf();
        assert!(lock(&registry().dirs).values().any(|d| d == &path));
        drop(dir);
        assert!(!path.exists());
        assert!(!lock(&registry().dirs).values().any(|d| d == &path));
    }
}
