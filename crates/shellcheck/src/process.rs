//! Child processes and temporary directories that never outlive their use:
//! each child runs under a deadline and is killed when it passes it, and on
//! SIGTERM or SIGINT every live child is killed and every temporary
//! directory removed before the process exits (as it would have anyway).
//!
//! On unix each child leads a process group of its own, and killing it kills
//! the group: a checker found on `PATH` may be a wrapper script (a pyenv or
//! asdf shim, a `python -m` launcher) whose own child would otherwise outlive
//! the deadline, holding the output pipe open so the read never ends. When the
//! child exits in time, what it left running in its group is killed too,
//! before the child is reaped (so the group's id cannot have been reused). A
//! process that leaves the group (`setsid`) is beyond reach: if it holds a
//! pipe, its reader is abandoned (left blocked on its own thread) once the
//! deadline has passed and the child is gone, so the run still ends on time.
//! Elsewhere only the direct child is killed.

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

/// How long the readers are waited for after a killed child is gone: its
/// group is dead, so the pipes close at once unless a process that left the
/// group holds them.
const READ_GRACE: Duration = Duration::from_millis(200);

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
        kill(child);
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

/// Makes the child the leader of a new process group, whose id is its pid.
#[cfg(unix)]
fn own_group(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    cmd.process_group(0);
}

#[cfg(not(unix))]
fn own_group(_: &mut Command) {}

/// Kills every process of the group `child` leads. Called only while `child`
/// is not reaped (running, or exited and waitable), so its pid, and with it
/// the group id, belongs to no other process.
#[cfg(unix)]
fn kill_group(child: &Child) {
    use rustix::process::{Pid, Signal, kill_process_group};
    let _ = kill_process_group(Pid::from_child(child), Signal::KILL);
}

#[cfg(not(unix))]
fn kill_group(_: &Child) {}

/// Kills `child` (and its group) and reaps it.
fn kill(child: &mut Child) {
    kill_group(child);
    let _ = child.kill();
    let _ = child.wait();
}

/// Whether `child` has exited, leaving it waitable (unreaped), so its group
/// can still be killed safely.
#[cfg(unix)]
fn has_exited(child: &mut Child) -> std::io::Result<bool> {
    use rustix::process::{Pid, WaitId, WaitIdOptions, waitid};
    let options = WaitIdOptions::EXITED | WaitIdOptions::NOHANG | WaitIdOptions::NOWAIT;
    Ok(waitid(WaitId::Pid(Pid::from_child(child)), options)?.is_some())
}

#[cfg(not(unix))]
fn has_exited(child: &mut Child) -> std::io::Result<bool> {
    child.try_wait().map(|status| status.is_some())
}

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
/// child filling one pipe never blocks on the other; the output arrives on the
/// channel when the pipe closes. A pipe a process outside the child's group
/// holds may never close: the caller then stops waiting ([`collect`]) and the
/// thread ends whenever that process does.
fn read_on_thread(pipe: impl Read + Send + 'static) -> std::sync::mpsc::Receiver<Vec<u8>> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.take(MAX_OUTPUT_BYTES).read_to_end(&mut buf);
        let _ = sender.send(buf);
    });
    receiver
}

/// What a reader read, waiting at most until `until`; `None` when its pipe is
/// still open then.
fn collect(reader: &std::sync::mpsc::Receiver<Vec<u8>>, until: Instant) -> Option<Vec<u8>> {
    reader
        .recv_timeout(until.saturating_duration_since(Instant::now()))
        .ok()
}

fn run_within(mut cmd: Command, timeout: Duration, with_stderr: bool) -> Option<(Vec<u8>, Vec<u8>)> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(if with_stderr { Stdio::piped() } else { Stdio::null() });
    own_group(&mut cmd);
    let reg = registry();
    let id = next_id();
    let (stdout, stderr) = {
        let mut children = lock(&reg.children);
        let mut child = cmd.spawn().ok()?;
        let (Some(stdout), stderr) = (child.stdout.take(), child.stderr.take()) else {
            kill(&mut child);
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
            match has_exited(child) {
                Ok(true) => {
                    // What it left running in its group would hold the pipes.
                    kill_group(child);
                    let _ = child.wait();
                    children.remove(&id);
                    break true;
                }
                Ok(false) if Instant::now() < deadline => {}
                _ => {
                    kill(child);
                    children.remove(&id);
                    break false;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    // The child and its group are gone. A process that left the group may
    // still hold a pipe: the readers get until the deadline (a finished child's
    // output is complete once its pipes close), or a moment after a kill, and
    // are abandoned after that, so the run never outlives its deadline by more.
    let grace = Instant::now() + READ_GRACE;
    let until = if finished { deadline.max(grace) } else { grace };
    let out = collect(&stdout, until)?;
    let err = match &stderr {
        Some(reader) => collect(reader, until)?,
        None => Vec::new(),
    };
    finished.then_some((out, err))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The deadline of the tests that kill a shell: long enough that the shell has written its
    /// pid file (and started its grandchild) before it is killed, on a machine busy with
    /// parallel builds (300 and 500 ms were not: the shell was killed first and the test read
    /// no pid), and far below the children's 30 s sleep, so a run that waited for them shows.
    const SHELL_STARTED_BY: Duration = Duration::from_secs(2);

    #[test]
    fn a_child_past_its_deadline_is_killed() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let mut cmd = Command::new("sh");
        cmd.args(["-c", &format!("echo $$ > '{}'; exec sleep 30", pid_file.display())]);
        let started = Instant::now();
        assert_eq!(output_within(cmd, SHELL_STARTED_BY), None);
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

    /// Whether the process `pid` is gone (or a zombie nobody reaped yet).
    #[cfg(target_os = "linux")]
    fn gone(pid: u32) -> bool {
        std::fs::read_to_string(format!("/proc/{pid}/stat")).map_or(true, |stat| {
            stat.rsplit_once(") ").is_some_and(|(_, rest)| rest.starts_with('Z'))
        })
    }

    /// A wrapper script (as a shim on `PATH` is) that starts the real program
    /// as its own child and waits for it; `tail` stands for it, writing the
    /// pid of the grandchild first.
    fn wrapper(dir: &std::path::Path, body: &str) -> (Command, PathBuf) {
        let pid_file = dir.join("grandchild");
        let mut cmd = Command::new("sh");
        cmd.args(["-c", &format!("{body} & echo $! > '{}'; wait", pid_file.display())]);
        (cmd, pid_file)
    }

    fn read_pid(file: &std::path::Path) -> u32 {
        // The file is written before the shell waits, so it is there once the run ends.
        std::fs::read_to_string(file).unwrap().trim().parse().unwrap()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_wrappers_grandchild_is_killed_at_the_deadline() {
        let dir = tempfile::tempdir().unwrap();
        let (cmd, pid_file) = wrapper(dir.path(), "sleep 30");
        let started = Instant::now();
        assert_eq!(output_within(cmd, SHELL_STARTED_BY), None);
        // The grandchild holds the stdout pipe: had it lived, the read would
        // have waited for its 30 s.
        assert!(started.elapsed() < Duration::from_secs(20));
        let pid = read_pid(&pid_file);
        // Killed, then reaped by init: allow it a moment to go.
        let gone_soon = (0..200).any(|_| {
            std::thread::sleep(Duration::from_millis(10));
            gone(pid)
        });
        assert!(gone_soon, "the grandchild {pid} outlived the deadline");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn what_a_finished_child_left_running_is_killed() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("left");
        let mut cmd = Command::new("sh");
        cmd.args([
            "-c",
            &format!(
                "sleep 30 >/dev/null 2>&1 & echo $! > '{}'; echo done",
                pid_file.display()
            ),
        ]);
        assert_eq!(
            output_within(cmd, Duration::from_secs(20)).as_deref(),
            Some(&b"done\n"[..])
        );
        let pid = read_pid(&pid_file);
        let gone_soon = (0..200).any(|_| {
            std::thread::sleep(Duration::from_millis(10));
            gone(pid)
        });
        assert!(gone_soon, "the background process {pid} outlived its parent's run");
    }

    /// A process that leaves the child's group (`setsid`) is out of reach of the
    /// group kill; holding the stdout pipe, it kept the reader (and the run)
    /// waiting for its whole life. The run ends at the deadline all the same,
    /// whether the child was killed there or finished and left it behind.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_grandchild_that_left_the_group_cannot_hold_the_run_past_its_deadline() {
        for child_body in ["exec sleep 30", "echo done"] {
            let dir = tempfile::tempdir().unwrap();
            let pid_file = dir.path().join("escaped");
            let mut cmd = Command::new("sh");
            cmd.args([
                "-c",
                // The escapee writes its pid after `setsid` and the shell waits for it: had the
                // shell ended first, the group kill at its exit could reach the escapee before
                // it left the group (seen in a clean `.ci/run`), and the pipe would close.
                &format!(
                    "setsid sh -c 'echo $$ > \"$0\"; exec sleep 30' '{pid}' & while [ ! -s '{pid}' ]; do sleep 0.01; done; {child_body}",
                    pid = pid_file.display()
                ),
            ]);
            let started = Instant::now();
            let out = output_within(cmd, SHELL_STARTED_BY);
            let elapsed = started.elapsed();
            let pid = read_pid(&pid_file);
            // It is this test's own process: end it rather than leave it for 30 s.
            let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
            // Its pipe never closed before it was killed above: a run that waited
            // for it would have taken its 30 s.
            assert!(elapsed < Duration::from_secs(20), "{child_body}: {elapsed:?}");
            assert_eq!(out, None, "{child_body}");
        }
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
