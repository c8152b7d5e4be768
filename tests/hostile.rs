//! Hostile input through the real binary: files that would exhaust memory or
//! the stack, files that are not files, and repositories that ship symlinks
//! pointing where a write must never go. Each case ends with a clear message
//! and a bounded exit status, never a crash and never a write outside.

#![cfg(unix)]

use crate::heal_fixtures;
use crate::support;

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use autoheal_fuzz_targets::hostile::{
    JOBS_SHARING_AN_ANCHOR, RATE_LIMIT_IN_TESTS, TAB_IN_BLOCK_SCALAR, alias_bomb, deep_block_sequence,
    deep_flow_sequence, many_missing_modules, missing_modules_log,
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

const TOKEN: &str = "ghp_HOSTILETEST_0123456789";

fn fake_with_app() -> autoheal_fake_github::FakeGithub {
    let fake = autoheal_fake_github::FakeGithub::start();
    fake.require_token(TOKEN);
    fake.add_repo("octo/app", "main");
    fake
}

/// `autoheal report|heal … --api-url <fake>` with the fake's token.
fn against_fake(fake: &autoheal_fake_github::FakeGithub, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_autoheal"))
        .args(args)
        .args(["--api-url", &fake.url()])
        .env("GITHUB_TOKEN", TOKEN)
        .env("CI", "true")
        .env("NO_COLOR", "1")
        .env_remove("GH_TOKEN")
        .output()
        .expect("run")
}

/// A run's workflow over each budget: `report` still files the issue for the run's own
/// failure (from the logs), and the output and the issue say which file was not read and
/// which budget it went over.
#[test]
fn report_says_which_budget_kept_it_from_reading_the_workflow() {
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
    // Past the client's 1 MiB fetch budget (the YAML reader's 4 MiB is never reached).
    let big = format!("name: CI\non: [push]\n{jobs}{}", "# padding\n".repeat(120_000));
    let cases = [
        (50, bomb, "(an alias bomb?)"),
        (60, deep, "YAML nested 257 levels deep"),
        (70, flow, "nested 256 levels deep"),
        (80, big, "larger than 1 MiB"),
    ];
    for (run_id, workflow, budget) in cases {
        // One repository each: the same failure again would be a comment on the first issue.
        let fake = fake_with_app();
        let mut scenario = heal_fixtures::timeout(run_id);
        scenario.workflow = workflow.leak();
        heal_fixtures::seed(&fake, "octo/app", "main", &scenario);
        let out = against_fake(
            &fake,
            &["report", "--repo", "octo/app", "--run-id", &run_id.to_string()],
        );
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(0), "run {run_id}: {stdout}{stderr}");
        assert!(stdout.contains("as needs-manual-fix"), "run {run_id}: {stdout}{stderr}");
        let note = stdout.lines().find(|l| l.starts_with("note: ")).unwrap_or_default();
        assert!(
            note.contains("autoheal did not read the workflow file `.github/workflows/ci.yml`")
                && note.contains(budget),
            "run {run_id}: {stdout}"
        );
        let issue = fake.issues("octo/app").pop().expect("an issue");
        assert!(issue.body.contains("**Root cause:**"), "{}", issue.body);
        assert!(
            issue
                .body
                .contains("autoheal did not read the workflow file '.github/workflows/ci.yml'")
                && issue.body.contains(budget)
                && issue.body.contains("so no fix was generated"),
            "run {run_id}: {}",
            issue.body
        );
    }
}

/// `heal --issue` on a fixable issue whose workflow on the default branch has since become
/// an alias bomb: no fix, and the comment says why.
#[test]
fn heal_says_the_workflow_on_the_default_branch_is_over_a_budget() {
    let fake = fake_with_app();
    heal_fixtures::seed(&fake, "octo/app", "main", &heal_fixtures::timeout(50));
    let out = against_fake(&fake, &["report", "--repo", "octo/app", "--run-id", "50"]);
    assert!(
        text(&out.stdout).contains("with a proposed fix"),
        "{}",
        text(&out.stdout)
    );
    let bomb = alias_bomb();
    fake.commit_files(
        "octo/app",
        "main",
        &[(heal_fixtures::WORKFLOW_PATH, bomb.as_str())],
        "an alias bomb lands",
    );
    let out = against_fake(&fake, &["heal", "--repo", "octo/app", "--issue", "1"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.starts_with("no fix for issue #1: autoheal did not read the workflow file")
            && stdout.contains("(an alias bomb?)"),
        "{stdout}"
    );
    let comments = fake.comments("octo/app", 1);
    assert!(
        comments.iter().any(|c| c.body.contains("(an alias bomb?)")),
        "{:?}",
        comments.iter().map(|c| &c.body).collect::<Vec<_>>()
    );
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

    // 20,000 distinct modules, 40 times the per-job budget of 512 findings: findings stop at
    // the budget, no step is added. (200,000 took 21 s of CPU in the debug build, the root
    // test binary's longest test, for the same check; that size is measured by hand in
    // docs/reliability.md.)
    std::fs::write(dir.path().join("many.log"), many_missing_modules(20_000)).expect("write");
    let out = autoheal(dir.path(), &["fix", "--log", "many.log", "--write"]);
    let stderr = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        stderr.lines().last().unwrap_or_default()
    );
    assert!(stderr.lines().count() <= 600, "{} lines", stderr.lines().count());
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).expect("read"),
        workflow
    );
}

#[test]
fn an_alias_bomb_in_the_config_is_a_config_error_at_its_line() {
    let dir = repo(&[
        (".github/workflows/ok.yml", FIXED),
        (".github/autoheal.yml", &alias_bomb()),
    ]);
    let out = autoheal(dir.path(), &["check"]);
    let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(
        all.contains("error[config]") && all.contains("(an alias bomb?)") && all.contains(".github/autoheal.yml:"),
        "{all}"
    );
}

#[test]
fn diagnose_refuses_a_device_before_reading_it() {
    let dir = repo(&[(".github/workflows/ci.yml", WORKFLOW)]);
    let out = autoheal(dir.path(), &["diagnose", "/dev/zero"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("/dev/zero") && stderr.contains("not a regular file"),
        "{stderr}"
    );
}

#[test]
fn a_rate_limit_printed_by_a_test_step_never_hands_it_the_token() {
    let workflow = "name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    steps:\n      - uses: actions/checkout@v4\n      - run: pytest -q\n";
    let dir = repo(&[
        (".github/workflows/ci.yml", workflow),
        ("rate.log", RATE_LIMIT_IN_TESTS),
    ]);
    let out = autoheal(dir.path(), &["fix", "--log", "rate.log", "--write"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    // Diagnosed as a rate limit in that very step, and still no token for it.
    assert!(
        stderr.contains("no fix for rate_limit") && stderr.contains("step \"Run pytest -q\""),
        "{stderr}"
    );
    assert!(!stdout.contains("GITHUB_TOKEN"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".github/workflows/ci.yml")).expect("read"),
        workflow
    );
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
    // A fake GitHub that knows no repository, so a request that gets through
    // is answered 404 at once. (A port where nothing listens was refused, and
    // the client retried with backoff for 15 s per such case.) It is also
    // `GITHUB_API_URL`, where an empty `--api-url` falls back, so that case
    // never reaches the real api.github.com either.
    let fake = autoheal_fake_github::FakeGithub::start();
    let api_url = fake.url();
    let api = ["--api-url", api_url.as_str()];
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
            plain(&["report", "--repo", "", "--run-id", "1", "--api-url", &api_url]),
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
                &api_url,
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
            .env("GITHUB_API_URL", &api_url)
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

/// shellcheck run by `check`, faked by a script on `PATH`: its size budget, its deadline
/// and the cleanup on signals (`/proc` tells whether the fake still runs).
#[cfg(target_os = "linux")]
mod fake_shellcheck {
    use super::*;

    /// A directory holding an executable fake `shellcheck` that runs `body`
    /// (after `#!/bin/sh`), to put first on `PATH`.
    fn fake_shellcheck(body: &str) -> tempfile::TempDir {
        use std::os::unix::fs::PermissionsExt as _;
        let bin = tempfile::tempdir().expect("tempdir");
        let path = bin.path().join("shellcheck");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        bin
    }

    /// The same for a fake `pyflakes`.
    fn fake_pyflakes(body: &str) -> tempfile::TempDir {
        let bin = fake_shellcheck(body);
        std::fs::rename(bin.path().join("shellcheck"), bin.path().join("pyflakes")).expect("rename");
        bin
    }

    /// `autoheal args…` in `dir` with `bin` first on `PATH` and `tmp` as the temporary directory.
    fn autoheal_with_bin(dir: &Path, bin: &Path, tmp: &Path, args: &[&str]) -> Command {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut paths = vec![bin.to_path_buf()];
        paths.extend(std::env::split_paths(&path));
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_autoheal"));
        cmd.args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .env("PATH", std::env::join_paths(paths).expect("PATH"))
            .env("TMPDIR", tmp)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    /// The process ids a fake shellcheck wrote to `file`, one a line.
    fn pids(file: &Path) -> Vec<String> {
        std::fs::read_to_string(file)
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Whether process `pid` runs (a zombie does not).
    fn running(pid: &str) -> bool {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|stat| stat.rsplit_once(") ").is_some_and(|(_, rest)| !rest.starts_with('Z')))
    }

    /// What autoheal left in its temporary directory.
    fn leftovers(tmp: &Path) -> Vec<String> {
        std::fs::read_dir(tmp)
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    }

    /// Waits for `child`, failing (after killing it) if it hangs.
    fn wait_or_fail(child: &mut std::process::Child, what: &str) -> std::process::ExitStatus {
        for _ in 0..1200 {
            if let Some(status) = child.try_wait().expect("wait") {
                return status;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let _ = child.kill();
        panic!("{what} hung");
    }

    const SHELL_STEP: &str = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: echo $1\n";

    #[test]
    fn a_script_over_shellchecks_budget_is_not_handed_to_it_and_verbose_says_so() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let sizes = tmp.path().join("sizes");
        let bin = fake_shellcheck(&format!(
            "for f in \"$@\"; do case \"$f\" in *.sh) wc -c < \"$f\" >> '{}';; esac; done\necho '{{\"comments\":[]}}'",
            sizes.display()
        ));
        let big_script = "          echo x\n".repeat(10_000);
        let workflow = format!("{SHELL_STEP}      - run: |\n{big_script}");
        let dir = repo(&[(".github/workflows/ci.yml", &workflow)]);
        let out = autoheal_with_bin(dir.path(), bin.path(), tmp.path(), &["check", "-v"])
            .output()
            .expect("run");
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(
            stderr.contains(".github/workflows/ci.yml:9: this `run:` script is 70000 bytes, over shellcheck's budget of 64 KiB; shellcheck did not check it"),
            "{stderr}"
        );
        assert_eq!(pids(&sizes), ["7"], "only `echo $1` went to shellcheck");

        let out = autoheal_with_bin(dir.path(), bin.path(), tmp.path(), &["check"])
            .output()
            .expect("run");
        assert!(!text(&out.stderr).contains("did not check it"), "a notice for -v only");
    }

    #[test]
    fn a_hanging_shellcheck_is_killed_at_its_deadline_and_leaves_nothing_behind() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let work = tempfile::tempdir().expect("tempdir");
        let pid_file = work.path().join("pids");
        let bin = fake_shellcheck(&format!("echo $$ >> '{}'\nexec sleep 600", pid_file.display()));
        let dir = repo(&[(".github/workflows/ci.yml", SHELL_STEP)]);
        let mut child = autoheal_with_bin(dir.path(), bin.path(), tmp.path(), &["check", "--format", "json"])
            .env(autoheal_shellcheck::TIMEOUT_ENV, "1")
            .spawn()
            .expect("spawn");
        let status = wait_or_fail(&mut child, "check with a hanging shellcheck");
        assert_eq!(status.code(), Some(0), "no findings: shellcheck said nothing in time");
        let started = pids(&pid_file);
        assert_eq!(started.len(), 1);
        assert!(!running(&started[0]), "the hung shellcheck was killed");
        assert_eq!(leftovers(tmp.path()), Vec::<String>::new(), "temporary scripts removed");
    }

    #[test]
    fn sigterm_or_sigint_during_shellcheck_kills_it_and_removes_the_temporary_scripts() {
        for (signal, code) in [("TERM", 143), ("INT", 130)] {
            let tmp = tempfile::tempdir().expect("tempdir");
            let work = tempfile::tempdir().expect("tempdir");
            let pid_file = work.path().join("pids");
            let bin = fake_shellcheck(&format!("echo $$ >> '{}'\nexec sleep 600", pid_file.display()));
            let dir = repo(&[(".github/workflows/ci.yml", SHELL_STEP)]);
            let mut child = autoheal_with_bin(dir.path(), bin.path(), tmp.path(), &["check"])
                .spawn()
                .expect("spawn");
            // Wait until shellcheck runs, with its scripts in the temporary directory.
            let mut waited = 0;
            while pids(&pid_file).is_empty() {
                assert!(waited < 600, "shellcheck never started");
                assert!(
                    child.try_wait().expect("wait").is_none(),
                    "check ended before shellcheck ran"
                );
                std::thread::sleep(std::time::Duration::from_millis(100));
                waited += 1;
            }
            assert_eq!(leftovers(tmp.path()).len(), 1, "the scripts' directory");
            let sent = Command::new("kill")
                .args([format!("-{signal}"), child.id().to_string()])
                .status()
                .expect("kill");
            assert!(sent.success());
            let status = wait_or_fail(&mut child, "check after a signal");
            assert_eq!(status.code(), Some(code), "SIG{signal}: {status:?}");
            let started = pids(&pid_file);
            assert!(!running(&started[0]), "SIG{signal}: shellcheck was killed");
            assert_eq!(
                leftovers(tmp.path()),
                Vec::<String>::new(),
                "SIG{signal}: scripts removed"
            );
        }
    }

    const PYTHON_STEPS: &str = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    defaults:\n      run:\n        shell: python\n    steps:\n      - run: |\n          import os\n          print(hello)\n";

    /// pyflakes run by `check`: what it prints comes back at its line in
    /// the block, as info (exit 0); a syntax error too (the Python pyflakes
    /// runs under may be older than the runner's); a pyflakes that hangs is
    /// killed at its deadline and its scripts removed.
    #[test]
    fn pyflakes_findings_and_syntax_errors_are_info_and_a_hanging_pyflakes_is_killed() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = repo(&[(".github/workflows/ci.yml", PYTHON_STEPS)]);
        let finding = fake_pyflakes("echo \"$1:2:7: undefined name 'hello'\"\nexit 1");
        let out = autoheal_with_bin(dir.path(), finding.path(), tmp.path(), &["check", "-v"])
            .output()
            .expect("run");
        let stdout = text(&out.stdout);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
        assert!(stdout.contains("ci.yml:13:17"), "{stdout}");
        assert!(stdout.contains("pyflakes: undefined name 'hello'"), "{stdout}");
        assert!(stderr.contains("autoheal: pyflakes: on ("), "{stderr}");

        let syntax = fake_pyflakes("printf '%s:1:1: invalid syntax\\nimport os\\n^\\n' \"$1\" >&2\nexit 1");
        let out = autoheal_with_bin(dir.path(), syntax.path(), tmp.path(), &["check"])
            .output()
            .expect("run");
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{stdout}");
        assert!(
            stdout.contains("ci.yml:12:11") && stdout.contains("pyflakes: invalid syntax"),
            "{stdout}"
        );

        let work = tempfile::tempdir().expect("tempdir");
        let pid_file = work.path().join("pids");
        let hanging = fake_pyflakes(&format!("echo $$ >> '{}'\nexec sleep 600", pid_file.display()));
        let mut child = autoheal_with_bin(dir.path(), hanging.path(), tmp.path(), &["check", "--format", "json"])
            .env(autoheal_shellcheck::TIMEOUT_ENV, "1")
            .spawn()
            .expect("spawn");
        let status = wait_or_fail(&mut child, "check with a hanging pyflakes");
        assert_eq!(status.code(), Some(0), "no findings: pyflakes said nothing in time");
        let started = pids(&pid_file);
        assert_eq!(started.len(), 1);
        assert!(!running(&started[0]), "the hung pyflakes was killed");
        assert_eq!(leftovers(tmp.path()), Vec::<String>::new(), "temporary scripts removed");
    }
}

/// Bytes no editor writes but any pull request can: a BOM, CRLF and lone CR
/// line ends, NUL, invalid UTF-8 and a 1 MB line, in workflows, a local
/// action's `action.yml`, `.github/autoheal.yml` and `.github/actionlint.yaml`.
/// `check` answers in every format with exit 1 and output that parses; the
/// bad encodings are errors at their line and column.
#[test]
fn odd_bytes_in_every_file_check_reads_are_findings_in_every_format() {
    let workflow = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: make\n      - uses: ./act\n";
    let action = "name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: make\n      shell: bash\n";
    let long = format!("make {}", "x".repeat(1 << 20));
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("bom.yml", [b"\xef\xbb\xbf", workflow.as_bytes()].concat()),
        ("crlf.yml", workflow.replace('\n', "\r\n").into_bytes()),
        ("cr.yml", workflow.replace('\n', "\r").into_bytes()),
        ("nul.yml", workflow.replace("make", "ma\0ke").into_bytes()),
        (
            "utf8.yml",
            workflow
                .replace("make", "ma\u{ff}ke")
                .into_bytes()
                .into_iter()
                .map(|b| if b == 0xc3 { 0xff } else { b })
                .collect(),
        ),
        ("long.yml", workflow.replace("make", &long).into_bytes()),
    ];
    for (config, body) in [
        ("autoheal.yml", b"rules:\n  timeout: \xff\n".to_vec()),
        ("actionlint.yaml", b"self-hosted-runner:\n  labels: [\0]\n".to_vec()),
    ] {
        let dir = repo(&[("act/action.yml", &action.replace("make", "ma\0ke"))]);
        for (name, bytes) in &files {
            std::fs::write(dir.path().join(".github/workflows").join(name), bytes).expect("write");
        }
        std::fs::write(dir.path().join(".github").join(config), &body).expect("write");
        for format in ["human", "json", "sarif", "github"] {
            let out = autoheal(dir.path(), &["check", "--format", format]);
            let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
            assert_eq!(out.status.code(), Some(1), "{config}, {format}: {all}");
            if matches!(format, "json" | "sarif") {
                serde_json::from_slice::<Value>(&out.stdout).unwrap_or_else(|e| panic!("{config}, {format}: {e}"));
            }
            if format == "github" {
                for expected in [
                    "file=.github/workflows/utf8.yml,line=8,col=16",
                    "file=.github/workflows/nul.yml,line=8,col=16",
                    // Lone CR line ends are line ends (they were all line 1).
                    "file=.github/workflows/cr.yml,line=9,col=15",
                    "file=.github/workflows/crlf.yml,line=9,col=15",
                    "file=act/action.yml,line=6,col=14",
                    &format!("file=.github/{config},line=2"),
                ] {
                    assert!(all.contains(expected), "{config}: {expected} in {all}");
                }
                assert!(all.contains("U+0000"), "the NUL is named: {all}");
            }
        }
    }
}

/// `diagnose` and `fix` name a workflow that is not UTF-8, and a config
/// with an error, at the line and column (exit 2); a log with NUL, a C1
/// control sequence or invalid UTF-8 in a subject gives no fix. ESC
/// sequences (colour) are removed where the log is read, so a coloured
/// subject is read as the text it shows and meets the same grammar.
#[test]
fn diagnose_and_fix_name_bad_bytes_at_their_line_and_column() {
    let dir = repo(&[("job.log", LOG)]);
    let bad = WORKFLOW.replace("-q\n", "-q \u{ff}\n").into_bytes();
    let bad: Vec<u8> = bad.into_iter().map(|b| if b == 0xc3 { 0xff } else { b }).collect();
    std::fs::write(dir.path().join(".github/workflows/ci.yml"), &bad).expect("write");
    for args in [
        &["diagnose", "job.log", "--workflow", ".github/workflows/ci.yml"][..],
        &["fix", "--log", "job.log", "--workflow", ".github/workflows/ci.yml"],
    ] {
        let out = autoheal(dir.path(), args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains(".github/workflows/ci.yml:9:34: not valid UTF-8 (byte 0xff)"),
            "{args:?}: {stderr}"
        );
    }
    std::fs::write(dir.path().join(".github/workflows/ci.yml"), WORKFLOW).expect("write");
    std::fs::write(dir.path().join(".github/autoheal.yml"), "rules:\n  timeout: [\n").expect("write");
    let out = autoheal(dir.path(), &["diagnose", "job.log"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(".github/autoheal.yml:3:1: "), "{stderr}");
    std::fs::remove_file(dir.path().join(".github/autoheal.yml")).expect("rm");
    for subject in [&b"ya\0ml"[..], b"\xc2\x9b31myaml", b"y\xffaml"] {
        let log = LOG.as_bytes().to_vec();
        let at = LOG.find("yaml'").expect("subject");
        let log = [&log[..at], subject, &log[at + 4..]].concat();
        std::fs::write(dir.path().join("odd.log"), &log).expect("write");
        let out = autoheal(
            dir.path(),
            &["fix", "--log", "odd.log", "--workflow", ".github/workflows/ci.yml"],
        );
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(1), "{all}");
        assert!(
            all.contains("no fix for missing_dependency") && !all.contains("+++"),
            "{all}"
        );
    }
    let at = LOG.find("yaml'").expect("subject");
    let coloured = format!("{}\u{1b}[31myaml\u{1b}[0m{}", &LOG[..at], &LOG[at + 4..]);
    std::fs::write(dir.path().join("coloured.log"), coloured).expect("write");
    let fix = |log: &str| {
        let out = autoheal(
            dir.path(),
            &["fix", "--log", log, "--workflow", ".github/workflows/ci.yml"],
        );
        text(&out.stdout)
    };
    let plain = fix("job.log");
    assert!(
        plain.contains("+++") && plain.contains("pip install pytest PyYAML"),
        "{plain}"
    );
    assert_eq!(fix("coloured.log"), plain);
}

/// `check --config` naming a device is refused before it is read (it was
/// read whole: `/dev/zero` grew until memory ran out, a FIFO blocked);
/// `/dev/null` stands in, which the old read took as an empty config.
#[test]
fn check_config_naming_a_device_is_a_clear_error() {
    let dir = repo(&[(".github/workflows/ok.yml", FIXED)]);
    let out = autoheal(dir.path(), &["check", "--config", "/dev/null"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot read config file /dev/null: not a regular file"),
        "{stderr}"
    );
    // A config cannot come from stdin, so the error offers no `-`.
    assert!(!stderr.contains("pipe it to"), "{stderr}");
}

/// An error that quotes a name with a line break (a path here; in `report`, a job name a fork
/// chose) cannot start a workflow command in a runner's log: the runner reads any output line
/// that starts, after leading whitespace, with `::` as one. The break is shown as `␊`.
#[test]
fn an_error_quoting_a_line_break_starts_no_workflow_command() {
    let dir = repo(&[]);
    let out = autoheal(dir.path(), &["check", "nope\n  ::error title=x::spoofed.yml"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("nope\u{240a}  ::error title=x::spoofed.yml"),
        "{stderr}"
    );
    for line in stderr.lines() {
        let start = line.trim_start();
        assert!(!start.starts_with("::") && !start.starts_with("##["), "{stderr}");
    }
}
