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
        .name("checker-cleanup".into())
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
    /// A new directory named `prefix…` under the system's temporary directory.
    pub(crate) fn new(prefix: &str) -> Option<TempDir> {
        let reg = registry();
        let mut dirs = lock(&reg.dirs);
        let dir = tempfile::Builder::new().prefix(prefix).tempdir().ok()?;
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
pub(crate) fn output_within(cmd: Command, timeout: Duration) -> Option<Vec<u8>> {
    run_within(cmd, timeout, false).map(|(stdout, _)| stdout)
}

/// [`output_within`], with what the child wrote to stderr as well (pyflakes
/// reports syntax errors there).
pub(crate) fn outputs_within(cmd: Command, timeout: Duration) -> Option<(Vec<u8>, Vec<u8>)> {
    run_within(cmd, timeout, true)
}

/// Read at most [`MAX_OUTPUT_BYTES`] of `pipe` on a thread of its own, so a
/// child filling one pipe never blocks on the other.
fn read_on_thread(pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.take(MAX_OUTPUT_BYTES).read_to_end(&mut buf);
        buf
    })
}

fn run_within(mut cmd: Command, timeout: Duration, with_stderr: bool) -> Option<(Vec<u8>, Vec<u8>)> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(if with_stderr { Stdio::piped() } else { Stdio::null() });
    let reg = registry();
    let id = next_id();
    let (stdout, stderr) = {
        let mut children = lock(&reg.children);
        let mut child = cmd.spawn().ok()?;
        let (Some(stdout), stderr) = (child.stdout.take(), child.stderr.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        };
        children.insert(id, child);
        (stdout, stderr)
    };
    let stdout = read_on_thread(stdout);
    let stderr = stderr.map(read_on_thread);
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
    let out = stdout.join().ok()?;
    let err = match stderr {
        Some(reader) => reader.join().ok()?,
        None => Vec::new(),
    };
    finished.then_some((out, err))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_past_its_deadline_is_killed() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let mut cmd = Command::new("sh");
        cmd.args(["-c", &format!("echo $$ > '{}'; exec sleep 30", pid_file.display())]);
        let started = Instant::now();
        assert_eq!(output_within(cmd, Duration::from_millis(300)), None);
        assert!(started.elapsed() < Duration::from_secs(10));
        // Other tests run children at the same time: look for this one.
        let pid = std::fs::read_to_string(&pid_file).unwrap();
        let pid: u32 = pid.trim().parse().unwrap();
        assert!(!lock(&registry().children).values().any(|c| c.id() == pid));
        #[cfg(target_os = "linux")]
        assert!(
            std::fs::read_to_string(format!("/proc/{pid}/stat")).map_or(true, |stat| stat
                .rsplit_once(") ")
                .is_some_and(|(_, rest)| rest.starts_with('Z'))),
            "the child {pid} was killed"
        );
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
    fn both_streams_of_a_finished_child_are_returned() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo out; echo err >&2"]);
        assert_eq!(
            outputs_within(cmd, Duration::from_secs(20)),
            Some((b"out\n".to_vec(), b"err\n".to_vec()))
        );
    }

    #[test]
    fn temporary_directories_are_registered_while_alive() {
        let dir = TempDir::new("autoheal-test").unwrap();
        let path = dir.path().to_path_buf();
        assert!(lock(&registry().dirs).values().any(|d| d == &path));
        drop(dir);
        assert!(!path.exists());
        assert!(!lock(&registry().dirs).values().any(|d| d == &path));
    }
}
