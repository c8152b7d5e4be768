//! The real `autoheal report`, `heal` and `init` binaries: against the fake GitHub on
//! 127.0.0.1 (through `--api-url`), and `init` templates that pass `autoheal check`.

use crate::heal_fixtures;

use std::path::Path;
use std::process::{Command, Output};

use autoheal_fake_github::{FakeGithub, FaultKind};
use heal_fixtures::{WORKFLOW_PATH, seed, timeout};

const TOKEN: &str = "ghp_CLITESTTOKEN_0123456789";
const REPO: &str = "octo/app";

fn fake() -> FakeGithub {
    let fake = FakeGithub::start();
    fake.require_token(TOKEN);
    fake.add_repo(REPO, "main");
    fake
}

fn autoheal(dir: &Path, args: &[&str], token: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_autoheal"));
    command
        .args(args)
        .current_dir(dir)
        .env("CI", "true")
        .env("NO_COLOR", "1")
        .env_remove("GH_TOKEN")
        .env_remove("GITHUB_TOKEN")
        .env_remove("GITHUB_API_URL");
    if let Some(token) = token {
        command.env("GITHUB_TOKEN", token);
    }
    command.output().unwrap_or_else(|e| panic!("cannot run autoheal: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn report_then_heal_open_an_issue_and_a_pull_request() {
    let fake = fake();
    seed(&fake, REPO, "main", &timeout(50));
    let url = fake.url();
    let dir = std::env::temp_dir();

    let out = autoheal(
        &dir,
        &["report", "--repo", REPO, "--run-id", "50", "--api-url", &url],
        Some(TOKEN),
    );
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.starts_with("filed issue #1 with a proposed fix: [auto-heal] CI: timeout in build"),
        "{stdout}"
    );
    assert!(
        stderr.contains("autoheal: downloading the log of job `build`"),
        "{stderr}"
    );
    assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN));
    let issues = fake.issues(REPO);
    assert_eq!(issues[0].labels, ["auto-heal", "workflow-failure"]);

    let out = autoheal(
        &dir,
        &["heal", "--repo", REPO, "--issue", "1", "--api-url", &url],
        Some(TOKEN),
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.starts_with("opened pull request #2 from autoheal/50-timeout"),
        "{stdout}"
    );
    let fixed = fake
        .file_at(REPO, "autoheal/50-timeout", WORKFLOW_PATH)
        .unwrap_or_default();
    assert!(fixed.contains("    timeout-minutes: 60\n"), "{fixed}");

    // A rerun finds the same pull request.
    let out = autoheal(
        &dir,
        &["heal", "--repo", REPO, "--issue", "1", "--api-url", &url],
        Some(TOKEN),
    );
    assert!(
        text(&out.stdout).starts_with("already up to date: pull request #2"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(fake.issues(REPO).len(), 2);
}

#[test]
fn heal_run_id_without_the_workflows_permission_posts_the_patch_and_exits_zero_with_a_notice() {
    let fake = fake();
    seed(&fake, REPO, "main", &timeout(50));
    fake.inject_fault(
        Some("POST"),
        "/repos/octo/app/git/refs",
        1,
        FaultKind::WorkflowsPermission { status: 403 },
    );
    let url = fake.url();
    let mut command = Command::new(env!("CARGO_BIN_EXE_autoheal"));
    let out = command
        .args(["heal", "--repo", REPO, "--run-id", "50", "--api-url", &url])
        .current_dir(std::env::temp_dir())
        .env("CI", "true")
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_TOKEN", TOKEN)
        .env_remove("GH_TOKEN")
        .env_remove("GITHUB_API_URL")
        .output()
        .unwrap_or_else(|e| panic!("cannot run autoheal: {e}"));
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    // The expected outcome with GITHUB_TOKEN: exit 0, so the monitor's run does not fail.
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("posted the patch for autoheal/50-timeout to issue #1 and labeled it needs-manual-fix"),
        "{stdout}"
    );
    assert!(
        stderr.contains("::notice title=autoheal::autoheal posted the fix for issue #1 as a patch"),
        "{stderr}"
    );
    let comments = fake.comments(REPO, 1);
    assert_eq!(comments.len(), 1);
    assert!(comments[0].body.contains("```diff\n"), "{}", comments[0].body);
    assert!(fake.issues(REPO)[0].labels.contains(&"needs-manual-fix".to_string()));
}

#[test]
fn dry_run_prints_the_writes_and_makes_none() {
    let fake = fake();
    seed(&fake, REPO, "main", &timeout(50));
    let url = fake.url();
    let out = autoheal(
        &std::env::temp_dir(),
        &["heal", "--repo", REPO, "--run-id", "50", "--dry-run", "--api-url", &url],
        Some(TOKEN),
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("[dry-run] POST /repos/octo/app/issues {body: <"),
        "{stderr}"
    );
    // The issue it would file, whole: its title, labels and body.
    let issue = stderr
        .split("[dry-run] ")
        .find(|w| w.starts_with("POST /repos/octo/app/issues "))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(issue.contains("title: \"[auto-heal] "), "{issue}");
    assert!(issue.contains("labels: [\"auto-heal\""), "{issue}");
    assert!(
        issue.contains("\n    | Failed job | `build` |"),
        "the body, indented: {issue}"
    );
    assert!(issue.contains("timeout"), "{issue}");
    assert!(stderr.contains("[dry-run] POST /repos/octo/app/git/blobs"), "{stderr}");
    assert!(stderr.contains("[dry-run] POST /repos/octo/app/pulls"), "{stderr}");
    assert!(fake.writes().is_empty(), "{:?}", fake.writes());
}

#[test]
fn a_missing_token_is_a_clear_error() {
    let out = autoheal(
        &std::env::temp_dir(),
        &[
            "report",
            "--repo",
            REPO,
            "--run-id",
            "1",
            "--api-url",
            "http://127.0.0.1:9",
        ],
        None,
    );
    assert_usage_error(&out, "no GitHub token: set GITHUB_TOKEN or GH_TOKEN");
}

#[test]
fn a_token_with_a_line_break_and_a_huge_concurrency_are_clear_errors_not_panics() {
    let dir = std::env::temp_dir();
    let report = [
        "report",
        "--repo",
        REPO,
        "--run-id",
        "1",
        "--api-url",
        "http://127.0.0.1:9",
    ];
    let out = autoheal(&dir, &report, Some("ghp_abc\ndef"));
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("GITHUB_TOKEN holds"), "{stderr}");
    assert!(!stderr.contains("ghp_abc"), "the token is never echoed: {stderr}");

    let heal = ["heal", "--repos", "none.txt", "--concurrency", "2305843009213693952"];
    let out = autoheal(&dir, &heal, Some(TOKEN));
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("expected a whole number from 1 to 64"), "{stderr}");
}

#[test]
fn init_writes_templates_that_pass_check_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir(dir.path().join(".git")).unwrap_or_else(|e| panic!("{e}"));
    let out = autoheal(
        dir.path(),
        &[
            "init",
            "--workflows",
            "CI",
            "Deploy \"prod\"",
            "--action",
            PINNED_ACTION,
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for path in [
        ".github/workflows/workflow-failure-monitor.yml",
        ".github/workflows/auto-heal-workflow.yml",
        ".github/autoheal.yml",
    ] {
        assert!(dir.path().join(path).is_file(), "{path}");
    }
    let monitor =
        std::fs::read_to_string(dir.path().join(".github/workflows/workflow-failure-monitor.yml")).unwrap_or_default();
    assert!(monitor.contains("      - \"Deploy \\\"prod\\\"\"\n"), "{monitor}");

    assert_check_passes(dir.path(), &[]);

    std::fs::write(dir.path().join(".github/autoheal.yml"), "# mine\n").unwrap_or_else(|e| panic!("{e}"));
    let again = autoheal(
        dir.path(),
        &["init", "--mode", "two", "--workflows", "CI", "--action", PINNED_ACTION],
        None,
    );
    assert_usage_error(&again, "pass --force to replace");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".github/autoheal.yml")).unwrap_or_default(),
        "# mine\n"
    );

    let forced = autoheal(
        dir.path(),
        &[
            "init",
            "--mode",
            "two",
            "--force",
            "--workflows",
            "CI",
            "--action",
            PINNED_ACTION,
        ],
        None,
    );
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced.stderr));
    assert_check_passes(dir.path(), &[]);
}

/// The command stopped with exit 2 and `needle` in its message.
fn assert_usage_error(out: &Output, needle: &str) {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(needle), "{stderr}");
}

/// `autoheal check` (of `paths`, or the repository) in `dir` finds nothing.
fn assert_check_passes(dir: &Path, paths: &[&str]) {
    let args: Vec<&str> = std::iter::once("check").chain(paths.iter().copied()).collect();
    let check = autoheal(dir, &args, None);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}{}",
        text(&check.stdout),
        text(&check.stderr)
    );
}

/// The action pinned to a commit, so `init` needs no network.
const PINNED_ACTION: &str = "autoheal-dev/autoheal@0123456789abcdef0123456789abcdef01234567";

fn repository_with_workflows(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(dir.path().join(".git")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(dir.path().join(".github/workflows")).unwrap_or_else(|e| panic!("{e}"));
    for (name, text) in files {
        std::fs::write(dir.path().join(".github/workflows").join(name), text).unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

fn monitor_of(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(".github/workflows/workflow-failure-monitor.yml")).unwrap_or_default()
}

#[test]
fn init_watches_the_repositorys_own_push_and_pull_request_workflows() {
    let dir = repository_with_workflows(&[
        ("tests.yml", "name: Tests\non: [push, pull_request]\njobs: {}\n"),
        (
            "release.yml",
            "name: Release\non:\n  release:\n    types: [published]\njobs: {}\n",
        ),
        ("lint.yaml", "on:\n  pull_request:\njobs: {}\n"),
    ]);
    let out = autoheal(dir.path(), &["init", "--action", PINNED_ACTION], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("watching: .github/workflows/lint.yaml, Tests"),
        "{}",
        text(&out.stdout)
    );
    let monitor = monitor_of(dir.path());
    assert!(
        monitor.contains("    workflows:\n      - \".github/workflows/lint.yaml\"\n      - \"Tests\"\n    types:"),
        "{monitor}"
    );
    assert!(!monitor.contains("\"CI\"") && !monitor.contains("Release"));

    // Nothing to watch: a clear error, no files.
    let empty = repository_with_workflows(&[("release.yml", "on: release\njobs: {}\n")]);
    let out = autoheal(empty.path(), &["init", "--action", PINNED_ACTION], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--workflows NAME"), "{}", text(&out.stderr));
    assert!(!empty.path().join(".github/autoheal.yml").exists());
}

#[test]
fn init_pins_the_action_to_the_commit_of_its_tag_or_keeps_the_ref_when_asked() {
    let fake = FakeGithub::start();
    fake.add_repo("autoheal-dev/autoheal", "main");
    let sha = fake.commit_files("autoheal-dev/autoheal", "v0", &[("action.yml", "runs: {}\n")], "v0");
    let dir = repository_with_workflows(&[("ci.yml", "name: CI\non: push\njobs: {}\n")]);
    let url = fake.url();
    let out = autoheal(dir.path(), &["init", "--api-url", &url], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let monitor = monitor_of(dir.path());
    assert!(
        monitor.contains(&format!("        uses: autoheal-dev/autoheal@{sha}  # v0\n")),
        "{monitor}"
    );
    let out = autoheal(dir.path(), &["init", "--force", "--pin", "ref"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(monitor_of(dir.path()).contains("        uses: autoheal-dev/autoheal@v0\n"));
    // A tag that does not exist: a clear error that says how to pin by hand.
    let out = autoheal(
        dir.path(),
        &[
            "init",
            "--force",
            "--action",
            "autoheal-dev/autoheal@v9",
            "--api-url",
            &url,
        ],
        None,
    );
    assert_usage_error(&out, "cannot pin `autoheal-dev/autoheal@v9` to a commit");
}

#[test]
fn init_copilot_writes_the_copilot_config_and_says_which_token_it_needs() {
    let dir = repository_with_workflows(&[("ci.yml", "name: CI\non: push\njobs: {}\n")]);
    let out = autoheal(dir.path(), &["init", "--copilot", "--action", PINNED_ACTION], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("copilot: the config asks for a Copilot review"),
        "{stdout}"
    );
    assert!(
        stdout.contains("AUTOHEAL_TOKEN") && stdout.contains("user token"),
        "{stdout}"
    );
    let config = std::fs::read_to_string(dir.path().join(".github/autoheal.yml")).unwrap_or_default();
    assert!(
        config.contains("\ncopilot:\n  review: true\n  assign-unfixable: true\n"),
        "{config}"
    );
    assert!(monitor_of(dir.path()).contains("GH_TOKEN: ${{ secrets.AUTOHEAL_TOKEN || github.token }}"));
    assert_check_passes(
        dir.path(),
        &[
            ".github/workflows/workflow-failure-monitor.yml",
            ".github/workflows/auto-heal-workflow.yml",
        ],
    );
}

#[test]
fn init_refuses_an_action_reference_that_is_not_owner_repo_at_ref() {
    let dir = repository_with_workflows(&[("ci.yml", "name: CI\non: push\njobs: {}\n")]);
    for bad in ["./local", "o/r@v1\n    run: curl x | sh", "o/r@${{ github.ref }}"] {
        let out = autoheal(dir.path(), &["init", "--action", bad, "--pin", "ref"], None);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(
            text(&out.stderr).contains("is not OWNER/REPO[/PATH]@REF"),
            "{}",
            text(&out.stderr)
        );
        assert!(!dir.path().join(".github/autoheal.yml").exists());
    }
}

#[test]
fn the_root_action_passes_check_and_keeps_expressions_out_of_scripts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = autoheal(root, &["check", "action.yml"], None);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    let action = std::fs::read_to_string(root.join("action.yml")).unwrap_or_default();
    let mut run_indent: Option<usize> = None;
    for line in action.lines() {
        let indent = line.len() - line.trim_start().len();
        if run_indent.is_some_and(|i| indent <= i && !line.trim().is_empty()) {
            run_indent = None;
        }
        if run_indent.is_some() {
            assert!(!line.contains("${{"), "expression inside a run script: {line}");
        }
        if let Some(rest) = line.trim_start().strip_prefix("run:") {
            assert!(!rest.contains("${{"), "expression inside a run script: {line}");
            run_indent = Some(indent);
        }
    }
    for needed in [
        "using: composite",
        "cargo install --locked --features full --path \"$GITHUB_ACTION_PATH\"",
        "autoheal check --format sarif > \"$SARIF_FILE\"",
        "autoheal check --format github",
    ] {
        assert!(action.contains(needed), "{needed}");
    }
    // The actions it runs are pinned to full commits (the tag in a comment).
    for action_ref in ["actions/cache@", "github/codeql-action/upload-sarif@"] {
        let line = action
            .lines()
            .find(|l| l.contains(action_ref))
            .unwrap_or_else(|| panic!("{action_ref} is not used"));
        let rest = line.split(action_ref).nth(1).unwrap_or_default();
        let sha: String = rest.chars().take_while(|c| c.is_ascii_hexdigit()).collect();
        assert_eq!(sha.len(), 40, "{action_ref} is not pinned to a commit: {line}");
        assert!(rest[40..].trim_start().starts_with("# v"), "{line}");
    }
}

#[test]
fn heal_rejects_mixing_one_repository_with_many() {
    let dir = std::env::temp_dir();
    for args in [
        &["heal", "--repo", REPO, "--issue", "1", "--org", "octo"][..],
        &["heal", "--repos", "repos.txt", "--run-id", "5"][..],
        &["heal", "--org", "octo", "--repos", "repos.txt"][..],
    ] {
        let out = autoheal(&dir, args, Some(TOKEN));
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("cannot be used with"), "{args:?}: {stderr}");
    }
    let out = autoheal(&dir, &["heal", "--issue", "1"], Some(TOKEN));
    assert_usage_error(&out, "--repo <OWNER/NAME>");
}

#[test]
fn heal_repos_heals_the_failed_runs_of_every_listed_repository() {
    let fake = FakeGithub::start();
    fake.require_token(TOKEN);
    let repos = ["octo/a", "octo/b"];
    for (i, repo) in repos.iter().enumerate() {
        fake.add_repo(repo, "main");
        let scenario = timeout(50 + i as u64);
        let sha = seed(&fake, repo, "main", &scenario);
        // The fixtures' runs carry no creation time; the scan filters on it.
        fake.add_run(
            repo,
            serde_json::json!({
                "id": scenario.run_id, "name": "CI", "path": WORKFLOW_PATH,
                "head_branch": "main", "head_sha": sha, "event": "push", "status": "completed",
                "conclusion": scenario.run_conclusion, "run_attempt": 1, "created_at": "2023-11-14T21:00:00Z",
                "html_url": format!("https://github.com/{repo}/actions/runs/{}", scenario.run_id),
            }),
        );
    }
    let dir = std::env::temp_dir().join(format!("autoheal-heal-repos-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("repos.txt"), "# fleet\nocto/a\nocto/b\n").unwrap_or_else(|e| panic!("{e}"));
    let url = fake.url();
    let args = [
        "heal",
        "--repos",
        "repos.txt",
        "--since",
        "2023-11-14",
        "--concurrency",
        "2",
        "--format",
        "json",
        "--api-url",
        &url,
    ];
    let out = autoheal(&dir, &args, Some(TOKEN));
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    let summary: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    let names: Vec<&str> = summary["repos"]
        .as_array()
        .map(|r| r.iter().filter_map(|s| s["repo"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names, repos);
    for (repo, summary) in repos.iter().zip(summary["repos"].as_array().into_iter().flatten()) {
        assert_eq!(summary["healed"], 1, "{summary}");
        let items = fake.issues(repo);
        let pulls: Vec<_> = items.iter().filter(|i| i.head.is_some()).collect();
        assert_eq!((items.len() - pulls.len(), pulls.len()), (1, 1), "{repo}");
    }
    assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN));

    // A rerun resumes from what GitHub records: each run's issue is found and healed again
    // (its PR is up to date), so no issue or PR is duplicated.
    let outcomes = |summary: &serde_json::Value| -> Vec<serde_json::Value> {
        (0..repos.len())
            .map(|i| summary["repos"][i]["runs"][0]["outcome"].clone())
            .collect()
    };
    let before: Vec<usize> = repos.iter().map(|r| fake.issues(r).len()).collect();
    let out = autoheal(&dir, &args, Some(TOKEN));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let again: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap_or_default();
    assert_eq!(outcomes(&again), outcomes(&summary), "{again}");
    assert_eq!(repos.iter().map(|r| fake.issues(r).len()).collect::<Vec<_>>(), before);
    let _ = std::fs::remove_dir_all(&dir);
}

/// In GitHub Actions the runner reads every line of a step's output that starts with `::` as a
/// workflow command. A fork's workflow names its jobs and steps, and `report` prints them
/// (progress, the outcome line): a name holding a line break followed by `::error::…` or
/// `::stop-commands::…` must not become a line of its own.
#[test]
fn names_with_line_breaks_cannot_inject_workflow_commands_into_the_monitors_log() {
    let fake = fake();
    let mut scenario = timeout(50);
    for job in &mut scenario.jobs {
        job["name"] = serde_json::json!(
            "build\n::error title=Security::Your token leaked, rotate it at https://evil.example\r::stop-commands::x"
        );
    }
    seed(&fake, REPO, "main", &scenario);
    let url = fake.url();
    let dir = std::env::temp_dir();
    let mut command = Command::new(env!("CARGO_BIN_EXE_autoheal"));
    command
        .args(["report", "--repo", REPO, "--run-id", "50", "--api-url", &url])
        .current_dir(&dir)
        .env("CI", "true")
        .env("GITHUB_ACTIONS", "true")
        .env("NO_COLOR", "1")
        .env("GITHUB_TOKEN", TOKEN)
        .env_remove("GH_TOKEN")
        .env_remove("GITHUB_API_URL");
    let out = command.output().unwrap_or_else(|e| panic!("cannot run autoheal: {e}"));
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stderr.contains("build␊::error title=Security"), "{stderr}");
    for line in stdout.lines().chain(stderr.lines()).flat_map(|l| l.split('\r')) {
        assert!(
            !line.trim_start().starts_with("::"),
            "a workflow command: {line:?}\n{stdout}{stderr}"
        );
    }
}

/// `--time-budget` ends a pass on a server that answers every request late: exit 2 with the
/// error naming the budget and that nothing was written; a budget out of range is a usage
/// error.
#[test]
fn a_pass_past_its_time_budget_stops_with_a_clear_error_and_writes_nothing() {
    let fake = fake();
    seed(&fake, REPO, "main", &timeout(50));
    fake.delay_requests(None, "/", std::time::Duration::from_millis(250));
    let url = fake.url();
    let dir = std::env::temp_dir();
    let started = std::time::Instant::now();
    let out = autoheal(
        &dir,
        &[
            "heal",
            "--repo",
            REPO,
            "--run-id",
            "50",
            "--time-budget",
            "1s",
            "--api-url",
            &url,
        ],
        Some(TOKEN),
    );
    let stderr = text(&out.stderr);
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr
            .contains("autoheal: error: the pass's time budget of 1s (--time-budget) ran out at GET /repos/octo/app/"),
        "{stderr}"
    );
    assert!(stderr.contains("it had written nothing before"), "{stderr}");
    assert!(fake.writes().is_empty());

    for bad in ["0s", "25h", "15"] {
        let out = autoheal(
            &dir,
            &["report", "--repo", REPO, "--run-id", "50", "--time-budget", bad],
            Some(TOKEN),
        );
        assert_usage_error(&out, "is not a time budget from 1s to 24h");
    }
}
