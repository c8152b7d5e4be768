//! The checker against a fake `shellcheck` (a shell script): one that hangs
//! is killed at its deadline, and a script over the size budget is never
//! handed to it.

#![cfg(target_os = "linux")]

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use autoheal_engine::external::{Script, ScriptChecker, ScriptLanguage};
use autoheal_shellcheck::{MAX_SCRIPT_BYTES, Shellcheck, over_size_cap};

/// An executable `shellcheck` in `dir` running `body` (after `#!/bin/sh`).
fn fake(dir: &Path, body: &str) -> PathBuf {
    let path = dir.join("shellcheck");
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

fn bash(text: String) -> Script {
    Script {
        language: ScriptLanguage::Bash,
        text,
        offset: 0,
    }
}

/// Whether process `pid` runs (a zombie does not).
fn running(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|stat| stat.rsplit_once(") ").is_some_and(|(_, rest)| !rest.starts_with('Z')))
}

#[test]
fn a_hanging_shellcheck_is_killed_at_its_deadline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pid_file = dir.path().join("pid");
    let program = fake(
        dir.path(),
        &format!("echo $$ > '{}'\nexec sleep 600", pid_file.display()),
    );
    let checker = Shellcheck::at(program).with_timeout(Duration::from_millis(300));
    let findings = checker.check(&[bash("echo $1\n".into())]);
    assert!(findings.is_empty(), "{findings:?}");
    let pid = std::fs::read_to_string(&pid_file).expect("the fake ran");
    assert!(!running(pid.trim()), "the hung shellcheck {} was killed", pid.trim());
}

#[test]
fn a_script_over_the_size_budget_is_never_handed_to_shellcheck() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sizes = dir.path().join("sizes");
    // Records the size of every script it is given, finds nothing.
    let program = fake(
        dir.path(),
        &format!(
            "for f in \"$@\"; do case \"$f\" in *.sh) wc -c < \"$f\" >> '{}';; esac; done\necho '{{\"comments\":[]}}'",
            sizes.display()
        ),
    );
    let small = bash("echo hi\n".into());
    let at_cap = bash(format!("{}\n", "#".repeat(MAX_SCRIPT_BYTES - 1)));
    let over = bash(format!("{}\n", "#".repeat(MAX_SCRIPT_BYTES)));
    assert!(!over_size_cap(&at_cap) && over_size_cap(&over));
    let checker = Shellcheck::at(program);
    assert!(checker.check(&[small, over, at_cap]).is_empty());
    let mut seen: Vec<usize> = std::fs::read_to_string(&sizes)
        .expect("the fake ran")
        .lines()
        .map(|l| l.trim().parse().expect("a size"))
        .collect();
    seen.sort_unstable();
    assert_eq!(seen, [8, MAX_SCRIPT_BYTES]);
}
