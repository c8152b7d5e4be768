//! Hostile input through the real binary: files that would exhaust memory or
//! the stack, files that are not files, and repositories that ship symlinks
//! pointing where a write must never go. Each case ends with a clear message
//! and a bounded exit status, never a crash and never a write outside.

#![cfg(unix)]

#[path = "../crates/github/tests/heal_fixtures/mod.rs"]
mod heal_fixtures;
mod support;

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use autoheal_fuzz_targets::hostile::{
    JOBS_SHARING_AN_ANCHOR, TAB_IN_BLOCK_SCALAR, alias_bomb, deep_block_sequence, deep_flow_sequence,
    missing_modules_log,
};
use serde_json::Value;
use support::autoheal;

/// A workflow with one finding that `check --fix` fixes safely (a missing
/// space after `runs-on:`).
const FIXABLE: &str = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on:ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: make\n";
const FIXED: &str = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: make\n";

/// A repository with a `.github/workflows/` folder, whatever `files` hold.
fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = support::repo(files);
    std::fs::create_dir_all(dir.path().join(".github/workflows")).expect("mkdir");
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Over a budget the engine says it stops reading (`syntax/limit`).
fn is_limit(d: &Value) -> bool {
    d["rule"] == "syntax"
        && d["message"]
            .as_str()
            .is_some_and(|m| m.contains("stops reading here") || m.contains("the most autoheal reads"))
}

fn json_diagnostics(out: &Output) -> Vec<Value> {
    let v: Value = serde_json::from_str(&text(&out.stdout)).unwrap_or_else(|e| panic!("{e}: {}", text(&out.stdout)));
    v["diagnostics"].as_array().cloned().unwrap_or_default()
}

#[test]
fn an_alias_bomb_and_deep_nesting_in_two_files_are_limit_errors_not_crashes() {
    let bomb = alias_bomb();
    assert!(bomb.len() < 1024);
    let deep = deep_block_sequence(100_000);
    let flow = deep_flow_sequence(100_000);
    let dir = repo(&[
        (".github/workflows/bomb.yml", &bomb),
        (".github/workflows/deep.yml", &deep),
        (".github/workflows/deep2.yml", &deep),
        (".github/workflows/flow.yml", &flow),
        (".github/workflows/ok.yml", FIXED),
    ]);
    let out = autoheal(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let diags = json_diagnostics(&out);
    let limits: Vec<&str> = diags
        .iter()
        .filter(|d| is_limit(d))
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(
        limits,
        [
            ".github/workflows/bomb.yml",
            ".github/workflows/deep.yml",
            ".github/workflows/deep2.yml",
            ".github/workflows/flow.yml"
        ]
    );
    assert!(
        diags.iter().all(|d| d["path"] != ".github/workflows/ok.yml"),
        "{diags:?}"
    );
}

#[test]
fn a_file_over_the_size_budget_and_endless_stdin_are_bounded() {
    let dir = repo(&[]);
    let big = format!("on: push\n{}", "# padding\n".repeat(500_000));
    std::fs::write(dir.path().join(".github/workflows/big.yml"), big).expect("write");
    let out = autoheal(dir.path(), &["check", "--format", "json"]);
    let diags = json_diagnostics(&out);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        is_limit(&diags[0])
            && diags[0]["message"]
                .as_str()
                .is_some_and(|m| m.contains("larger than 4 MiB"))
    );

    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    let out = Command::new(env!("CARGO_BIN_EXE_autoheal"))
        .args(["check", "--format", "json", "-"])
        .current_dir(dir.path())
        .stdin(zero)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(is_limit(&json_diagnostics(&out)[0]));
}

#[test]
fn an_unreadable_file_is_a_finding_and_a_fifo_is_skipped_with_a_notice() {
    let dir = repo(&[(".github/workflows/ok.yml", FIXABLE)]);
    let wf = dir.path().join(".github/workflows");
    symlink("/nonexistent/gone.yml", wf.join("gone.yml")).expect("symlink");
    let made = Command::new("mkfifo").arg(wf.join("fifo.yml")).status();
    let fifo = made.is_ok_and(|s| s.success());
    let out = autoheal(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let diags = json_diagnostics(&out);
    let gone = diags
        .iter()
        .find(|d| d["path"] == ".github/workflows/gone.yml")
        .expect("a finding");
    assert!(
        gone["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("cannot read this file")),
        "{gone}"
    );
    assert!(
        diags.iter().any(|d| d["path"] == ".github/workflows/ok.yml"),
        "the others are still linted"
    );
    if fifo {
        assert!(text(&out.stderr).contains("skipping .github/workflows/fifo.yml: not a regular file"));
        // Named explicitly it is skipped too (it would block forever).
        let out = autoheal(dir.path(), &["check", ".github/workflows/fifo.yml"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains("not a regular file"));
    }
}

#[test]
fn check_fix_writes_through_a_link_inside_the_repository_and_keeps_it() {
    let dir = repo(&[("shared/ci.yml", FIXABLE)]);
    let link = dir.path().join(".github/workflows/ci.yml");
    symlink("../../shared/ci.yml", &link).expect("symlink");
    let out = autoheal(dir.path(), &["check", "--fix"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(std::fs::symlink_metadata(&link).expect("meta").file_type().is_symlink());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("shared/ci.yml")).expect("read"),
        FIXED
    );
}

#[test]
fn check_fix_refuses_a_link_out_of_the_repository_and_fixes_the_rest() {
    let outside = tempfile::tempdir().expect("tempdir");
    let victim = outside.path().join("ci.yml");
    std::fs::write(&victim, FIXABLE).expect("write");
    let dir = repo(&[(".github/workflows/own.yml", FIXABLE)]);
    symlink(&victim, dir.path().join(".github/workflows/linked.yml")).expect("symlink");
    let out = autoheal(dir.path(), &["check", "--fix"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("linked.yml") && stderr.contains("outside the repository"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&victim).expect("read"),
        FIXABLE,
        "never written"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".github/workflows/own.yml")).expect("read"),
        FIXED
    );
}

const WORKFLOW: &str = "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - run: pip install pytest\n      - run: python -m pytest -q\n";
const LOG: &str = "2024-05-02T10:15:00.1Z ##[group]Run python -m pytest -q\n2024-05-02T10:15:00.2Z ##[endgroup]\n2024-05-02T10:15:01.1Z E   ModuleNotFoundError: No module named 'yaml'\n2024-05-02T10:15:02.1Z ##[error]Process completed with exit code 2.\n";

fn diagnose_save(dir: &Path) -> Output {
    autoheal(
        dir,
        &[
            "diagnose",
            "job.log",
            "--workflow",
            ".github/workflows/ci.yml",
            "--save",
            "--run-id",
            "7",
        ],
    )
}

#[test]
fn diagnose_save_never_writes_through_a_link_out_of_the_repository() {
    let outside = tempfile::tempdir().expect("tempdir");
    // The whole store linked out, then one record file linked out.
    let dir = repo(&[(".github/workflows/ci.yml", WORKFLOW), ("job.log", LOG)]);
    std::fs::create_dir(dir.path().join(".autoheal")).expect("mkdir");
    symlink(outside.path(), dir.path().join(".autoheal/failures")).expect("symlink");
    let out = diagnose_save(dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("outside the repository"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(outside.path()).expect("list").count(), 0);

    std::fs::remove_file(dir.path().join(".autoheal/failures")).expect("unlink");
    let ok = diagnose_save(dir.path());
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok.stderr));
    let record = std::fs::read_dir(dir.path().join(".autoheal/failures"))
        .expect("list")
        .next()
        .expect("one record")
        .expect("entry")
        .path();
    let victim = outside.path().join("authorized_keys");
    std::fs::write(&victim, "keep").expect("write");
    std::fs::remove_file(&record).expect("rm");
    symlink(&victim, &record).expect("symlink");
    let out = diagnose_save(dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&victim).expect("read"), "keep");
}

#[test]
fn fix_write_refuses_a_workflow_linked_out_of_the_repository() {
    let outside = tempfile::tempdir().expect("tempdir");
    let victim = outside.path().join("ci.yml");
    std::fs::write(&victim, WORKFLOW).expect("write");
    let dir = repo(&[("job.log", LOG)]);
    symlink(&victim, dir.path().join(".github/workflows/ci.yml")).expect("symlink");
    let out = autoheal(dir.path(), &["fix", "--log", "job.log", "--write"]);
    assert_eq!(out.status.code(), Some(2), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(
        text(&out.stderr).contains("outside the repository"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&victim).expect("read"), WORKFLOW);
}

#[test]
fn fix_write_writes_through_a_workflow_linked_inside_the_repository() {
    let dir = repo(&[("shared/ci.yml", WORKFLOW), ("job.log", LOG)]);
    let link = dir.path().join(".github/workflows/ci.yml");
    symlink("../../shared/ci.yml", &link).expect("symlink");
    let out = autoheal(dir.path(), &["fix", "--log", "job.log", "--write"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(std::fs::symlink_metadata(&link).expect("meta").file_type().is_symlink());
    let fixed = std::fs::read_to_string(dir.path().join("shared/ci.yml")).expect("read");
    assert!(fixed != WORKFLOW && fixed.contains("PyYAML"), "{fixed}");
}

#[test]
fn init_force_never_writes_through_a_link_out_of_the_repository() {
    let outside = tempfile::tempdir().expect("tempdir");
    let dir = repo(&[(
        ".github/workflows/ci.yml",
        &FIXED.replace("on: push", "name: CI\non: push"),
    )]);
    // A commit-pinned action: `init` then needs no network.
    let action = "autoheal-dev/autoheal@0123456789abcdef0123456789abcdef01234567";
    let out = autoheal(dir.path(), &["init", "--action", action]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written: Vec<String> = text(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("wrote "))
        .map(str::to_string)
        .collect();
    assert!(!written.is_empty());
    for (i, path) in written.iter().enumerate() {
        let victim = outside.path().join(format!("victim{i}"));
        std::fs::write(&victim, "keep").expect("write");
        std::fs::remove_file(dir.path().join(path)).expect("rm");
        symlink(&victim, dir.path().join(path)).expect("symlink");
    }
    let out = autoheal(dir.path(), &["init", "--force", "--action", action]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("outside the repository"),
        "{}",
        text(&out.stderr)
    );
    for i in 0..written.len() {
        assert_eq!(
            std::fs::read_to_string(outside.path().join(format!("victim{i}"))).expect("read"),
            "keep"
        );
    }
}

#[test]
fn report_files_an_issue_for_a_run_whose_workflow_is_an_alias_bomb_or_too_deep_block_or_flow() {
    const TOKEN: &str = "ghp_HOSTILETEST_0123456789";
    let fake = autoheal_fake_github::FakeGithub::start();
    fake.require_token(TOKEN);
    fake.add_repo("octo/app", "main");
    let jobs =
        "jobs:\n  build:\n    runs-on: ubuntu-latest\n    timeout-minutes: 30\n    steps:\n      - run: ./slow.sh\n";
    let deep = format!("name: CI\non: [push]\nx:\n  {}y\n{jobs}", "- ".repeat(100_000));
    let flow = format!(
        "name: CI\non: [push]\nx: {}y{}\n{jobs}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let bomb = alias_bomb().replace(
        "jobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n",
        jobs,
    );
    for (run_id, workflow) in [(50, bomb), (60, deep), (70, flow)] {
        let mut scenario = heal_fixtures::timeout(run_id);
        scenario.workflow = workflow.leak();
        heal_fixtures::seed(&fake, "octo/app", "main", &scenario);
        let out = Command::new(env!("CARGO_BIN_EXE_autoheal"))
            .args([
                "report",
                "--repo",
                "octo/app",
                "--run-id",
                &run_id.to_string(),
                "--api-url",
                &fake.url(),
            ])
            .env("GITHUB_TOKEN", TOKEN)
            .env("CI", "true")
            .env_remove("GH_TOKEN")
            .output()
            .expect("run");
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "run {run_id}: {stdout}{stderr}");
        assert!(stdout.contains("issue #"), "run {run_id}: {stdout}{stderr}");
    }
}

#[test]
fn check_fix_replaces_indentation_tabs_but_not_a_heredoc_recipe_tab() {
    let dir = repo(&[(".github/workflows/ci.yml", TAB_IN_BLOCK_SCALAR)]);
    let out = autoheal(dir.path(), &["check", "--fix"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    let fixed = std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).expect("read");
    // Other rules' safe fixes may apply too; the recipe keeps its tab.
    assert!(fixed.contains("\n    runs-on: ubuntu-latest\n"), "{fixed}");
    assert!(fixed.ends_with("      - run: |\n          cat > Makefile <<'EOF'\n          all:\n          \techo hi\n          EOF\n          make\n"), "{fixed}");
}

#[test]
fn fix_unsafe_on_jobs_sharing_an_anchor_inserts_once() {
    let dir = repo(&[(".github/workflows/ci.yml", JOBS_SHARING_AN_ANCHOR)]);
    let out = autoheal(dir.path(), &["check", "--fix=unsafe"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    let fixed = std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).expect("read");
    assert_eq!(fixed.matches("timeout-minutes").count(), 1, "{fixed}");
    let recheck = autoheal(dir.path(), &["check", "--format", "json"]);
    assert!(json_diagnostics(&recheck).is_empty(), "{}", text(&recheck.stdout));
}

#[test]
fn several_missing_modules_get_one_install_step_and_too_many_get_none() {
    let workflow = "name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - uses: actions/setup-python@v5\n      - run: python -m pytest -q\n";
    let dir = repo(&[
        (".github/workflows/ci.yml", workflow),
        ("three.log", &missing_modules_log(&["yaml", "cv2", "bs4"])),
        (
            "six.log",
            &missing_modules_log(&["yaml", "cv2", "bs4", "PIL", "sklearn", "dateutil"]),
        ),
    ]);
    let out = autoheal(dir.path(), &["fix", "--log", "three.log", "--write"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let fixed = std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).expect("read");
    assert_eq!(fixed.matches("- name: Install dependencies").count(), 1, "{fixed}");
    assert!(
        fixed.contains("pip install PyYAML opencv-python beautifulsoup4"),
        "{fixed}"
    );

    std::fs::write(dir.path().join(".github/workflows/ci.yml"), workflow).expect("write");
    let out = autoheal(dir.path(), &["fix", "--log", "six.log"]);
    assert_eq!(out.status.code(), Some(1), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(out.stdout.is_empty(), "no diff: {}", text(&out.stdout));
    assert!(text(&out.stderr).contains("never installed"), "{}", text(&out.stderr));
}

/// Odd arguments to every command, the way a fuzzer would try them: each
/// ends with a message and exit 0, 1 or 2, never a panic (exit 101) or a
/// signal. The network commands point at a closed local port.
#[test]
fn odd_arguments_and_tokens_are_clear_errors_not_panics() {
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt as _;

    let dir = repo(&[(".github/workflows/ci.yml", FIXED), ("job.log", LOG)]);
    let non_utf8 = OsString::from_vec(b".github/workflows/bad\xff\xfe.yml".to_vec());
    std::fs::write(dir.path().join(&non_utf8), FIXED).expect("write");
    let long = "a/".repeat(3000) + "x.yml";
    let api = ["--api-url", "http://127.0.0.1:9"];
    let report = |extra: &[&str]| -> Vec<OsString> {
        ["report", "--repo", "octo/app"]
            .iter()
            .chain(api.iter())
            .chain(extra)
            .map(OsString::from)
            .collect()
    };
    let heal_many = |n: &str| -> Vec<OsString> {
        ["heal", "--repos", "job.log", "--concurrency", n]
            .iter()
            .map(OsString::from)
            .collect()
    };
    let plain = |args: &[&str]| -> Vec<OsString> { args.iter().map(OsString::from).collect() };
    let mut cases: Vec<(Vec<OsString>, Option<&str>)> = vec![
        (vec!["check".into(), non_utf8.clone()], None),
        (vec!["check".into(), "--fix".into(), non_utf8.clone()], None),
        (vec!["diagnose".into(), non_utf8.clone()], None),
        (
            vec![
                "diagnose".into(),
                "job.log".into(),
                "--workflow".into(),
                non_utf8.clone(),
            ],
            None,
        ),
        (vec!["fix".into(), "--log".into(), non_utf8.clone()], None),
        (plain(&["check", ""]), None),
        (plain(&["check", &long]), None),
        (plain(&["check", "--format", "nope"]), None),
        (plain(&["check", "--color", "sometimes"]), None),
        (plain(&["diagnose", "", "--workflow", ""]), None),
        (plain(&["explain", ""]), None),
        (plain(&["explain", &"x".repeat(100_000)]), None),
        (report(&["--run-id", "0"]), Some("ghp_ok")),
        (report(&["--run-id", "18446744073709551616"]), Some("ghp_ok")),
        (report(&["--run-id", "-1"]), Some("ghp_ok")),
        (report(&["--run-id", "1"]), Some("")),
        (report(&["--run-id", "1"]), Some(" ")),
        (report(&["--run-id", "1"]), Some("ghp_\u{1}\u{7f}")),
        (report(&["--run-id", "1"]), Some("ghp_é")),
        (
            plain(&[
                "report",
                "--repo",
                "",
                "--run-id",
                "1",
                "--api-url",
                "http://127.0.0.1:9",
            ]),
            Some("ghp_ok"),
        ),
        (
            plain(&[
                "report",
                "--repo",
                "a/b/c/../..",
                "--run-id",
                "1",
                "--api-url",
                "http://127.0.0.1:9",
            ]),
            Some("ghp_ok"),
        ),
        (
            plain(&["report", "--repo", "octo/app", "--run-id", "1", "--api-url", ""]),
            Some("ghp_ok"),
        ),
        (
            plain(&[
                "report",
                "--repo",
                "octo/app",
                "--run-id",
                "1",
                "--api-url",
                "http://[::1",
            ]),
            Some("ghp_ok"),
        ),
        (heal_many("0"), Some("ghp_ok")),
        (heal_many("-3"), Some("ghp_ok")),
        (heal_many("2305843009213693952"), Some("ghp_ok")),
        (heal_many("99999999999999999999999999"), Some("ghp_ok")),
        (heal_many(""), Some("ghp_ok")),
    ];
    cases.push((vec!["explain".into(), OsString::from_vec(b"\xff".to_vec())], None));
    for (args, token) in cases {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_autoheal"));
        cmd.args(&args)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .env_remove("GH_TOKEN")
            .env_remove("GITHUB_TOKEN")
            .stdin(Stdio::null());
        if let Some(t) = token {
            cmd.env("GITHUB_TOKEN", t);
        }
        let out = cmd.output().expect("run autoheal");
        let stderr = text(&out.stderr);
        let shown = format!("{args:?} (token {token:?}): {stderr}");
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "exit {:?}: {shown}",
            out.status
        );
        assert!(!stderr.contains("panicked"), "{shown}");
        if out.status.code() == Some(2) {
            assert!(!stderr.trim().is_empty(), "an error says what is wrong: {shown}");
        }
    }
}
