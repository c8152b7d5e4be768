//! The pyflakes checker against a fake `pyflakes` (a shell script): one that
//! hangs is killed at its deadline, a script over the size budget is never
//! handed to it, only Python scripts are, and what it prints on stdout
//! (findings) and stderr (syntax errors, with their source and caret lines)
//! comes back by script.

#![cfg(target_os = "linux")]

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use autoheal_engine::Severity;
use autoheal_engine::external::{Script, ScriptChecker, ScriptLanguage};
use autoheal_shellcheck::MAX_SCRIPT_BYTES;
use autoheal_shellcheck::pyflakes::Pyflakes;

/// An executable `pyflakes` in `dir` running `body` (after `#!/bin/sh`).
fn fake(dir: &Path, body: &str) -> PathBuf {
    let path = dir.join("pyflakes");
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

fn python(text: &str) -> Script {
    Script {
        language: ScriptLanguage::Python,
        text: text.into(),
        offset: 0,
    }
}

/// Whether process `pid` runs (a zombie does not).
fn running(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|stat| stat.rsplit_once(") ").is_some_and(|(_, rest)| !rest.starts_with('Z')))
}

#[test]
fn a_hanging_pyflakes_is_killed_at_its_deadline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pid_file = dir.path().join("pid");
    let program = fake(
        dir.path(),
        &format!("echo $$ > '{}'\nexec sleep 600", pid_file.display()),
    );
    let checker = Pyflakes::at(program).with_timeout(Duration::from_millis(300));
    let findings = checker.check(&[python("print(x)\n")]);
    assert!(findings.is_empty(), "{findings:?}");
    let pid = std::fs::read_to_string(&pid_file).expect("the fake ran");
    assert!(!running(pid.trim()), "the hung pyflakes {} was killed", pid.trim());
}

#[test]
fn only_python_scripts_within_the_size_budget_are_handed_to_pyflakes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sizes = dir.path().join("sizes");
    let program = fake(
        dir.path(),
        &format!("for f in \"$@\"; do wc -c < \"$f\" >> '{}'; done", sizes.display()),
    );
    let mut bash = python("echo hi\n");
    bash.language = ScriptLanguage::Bash;
    let at_cap = python(&format!("{}\n", "#".repeat(MAX_SCRIPT_BYTES - 1)));
    let over = python(&format!("{}\n", "#".repeat(MAX_SCRIPT_BYTES)));
    let checker = Pyflakes::at(program);
    assert!(checker.check(&[python("pass\n"), bash, over, at_cap]).is_empty());
    let mut seen: Vec<usize> = std::fs::read_to_string(&sizes)
        .expect("the fake ran")
        .lines()
        .map(|l| l.trim().parse().expect("a size"))
        .collect();
    seen.sort_unstable();
    assert_eq!(seen, [5, MAX_SCRIPT_BYTES]);
}

#[test]
fn findings_on_stdout_and_syntax_errors_on_stderr_come_back_by_script() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Like pyflakes: a finding for the first file on stdout, a syntax error
    // for the second on stderr with its source line and caret, and a file
    // name it was not given, which is ignored.
    let program = fake(
        dir.path(),
        "echo \"$1:2:7: undefined name 'hello'\"\n\
         printf '%s:1:7: invalid syntax\\ndef f(:\\n      ^\\n' \"$2\" >&2\n\
         echo \"/elsewhere/0.py:1:1: 'os' imported but unused\"\n\
         exit 1",
    );
    let checker = Pyflakes::at(program);
    let scripts = [python("import os\nprint(hello)\n"), python("def f(:\n    pass\n")];
    let findings = checker.check(&scripts);
    let got: Vec<(usize, &str, Severity, &str)> = findings
        .iter()
        .map(|f| {
            (
                f.script,
                &scripts[f.script].text[f.start..],
                f.severity,
                f.message.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (0, "hello)\n", Severity::Warning, "undefined name 'hello'"),
            (1, ":\n    pass\n", Severity::Error, "invalid syntax"),
        ]
    );
}
