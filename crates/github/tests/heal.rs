//! `heal` against the fake GitHub: the fix branch and pull request, idempotent reruns, the
//! label gates, the `workflows`-permission fallback, and report+heal end to end for the
//! dependency, timeout, missing-command and optional-job failures.

use crate::common;
use crate::heal_fixtures;

use autoheal_engine::repo::MemoryRepo;
use autoheal_fake_github::{FakeGithub, FaultKind, SeedIssue};
use autoheal_github::record::decode;
use autoheal_github::{Error, HealOptions, HealOutcome, HealTarget, ReportOptions, ReportOutcome, heal};
use chrono::{DateTime, Utc};
use common::{REPO, client, fake, repo};
use heal_fixtures::{
    OPTIONAL_JOB_WORKFLOW, Scenario, TIMEOUT_WORKFLOW, WORKFLOW_PATH, dependency, missing_command, optional_job, seed,
    timeout,
};

fn options() -> HealOptions {
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2023-11-14T22:30:00Z")
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{e}"));
    HealOptions {
        report: ReportOptions {
            now: Some(now),
            ..ReportOptions::default()
        },
    }
}

/// The fake with a default branch that is not `main`, so nothing may hard-code it.
fn started() -> FakeGithub {
    let fake = fake();
    fake.add_repo(REPO, "trunk");
    fake.set_now(Some("2023-11-14T22:00:00Z"));
    fake
}

async fn run(fake: &FakeGithub, target: HealTarget) -> Result<autoheal_github::HealReport, Error> {
    let (gh, _) = client(fake);
    heal(&gh, &repo(), target, &options()).await
}

async fn ok(fake: &FakeGithub, target: HealTarget) -> HealOutcome {
    run(fake, target).await.unwrap_or_else(|e| panic!("{e}")).outcome
}

/// Reports the scenario's run and returns the new issue's number.
async fn reported(fake: &FakeGithub, scenario: &Scenario) -> u64 {
    let (gh, _) = client(fake);
    let outcome = autoheal_github::report(&gh, &repo(), scenario.run_id, &options().report)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    match outcome {
        ReportOutcome::Filed(filed) => filed.issue.number,
        other => panic!("{other:?}"),
    }
}

fn pulls(fake: &FakeGithub) -> Vec<autoheal_fake_github::Issue> {
    fake.issues(REPO).into_iter().filter(|i| i.head.is_some()).collect()
}

/// What the fixes crate makes of the scenario on its own: the content the branch must hold.
fn expected_files(scenario: &Scenario, record_failures: &[autoheal_fixes::FailureInput]) -> autoheal_fixes::Files {
    let repo_files = MemoryRepo::new(scenario.files.iter().map(|(p, t)| (p.to_string(), t.to_string())));
    autoheal_fixes::plan(record_failures, WORKFLOW_PATH, scenario.workflow, &repo_files).files
}

#[tokio::test]
async fn opens_a_pull_request_whose_branch_holds_the_verified_fix_with_comments_kept() {
    let fake = started();
    let scenario = timeout(50);
    seed(&fake, REPO, "trunk", &scenario);
    let issue = reported(&fake, &scenario).await;
    fake.clear_requests();

    let outcome = ok(&fake, HealTarget::Issue(issue)).await;
    let HealOutcome::Opened { branch, pull, .. } = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(branch, "autoheal/50-timeout");
    let fixed = fake.file_at(REPO, &branch, WORKFLOW_PATH).unwrap_or_default();
    assert_eq!(
        fixed,
        TIMEOUT_WORKFLOW.replace("timeout-minutes: 30", "timeout-minutes: 60")
    );
    assert!(fixed.contains("# The cluster takes a while to come up.\n") && fixed.contains("   # slow\n"));

    let prs = pulls(&fake);
    assert_eq!(prs.len(), 1);
    assert_eq!(prs[0].number, pull.number);
    assert_eq!(prs[0].base.as_deref(), Some("trunk"));
    assert_eq!(prs[0].head.as_deref(), Some("autoheal/50-timeout"));
    assert_eq!(prs[0].labels, ["auto-heal"]);
    assert!(prs[0].body.starts_with(&format!("Fixes #{issue}\n")), "{}", prs[0].body);
    assert!(
        prs[0].body.contains(
            "The job running on runner GitHub Actions 7 has exceeded the maximum execution time of 30 minutes."
        ),
        "{}",
        prs[0].body
    );
    assert_eq!(decode(&prs[0].body).map(|r| r.run_id), Some(50));

    let writes: Vec<(String, String)> = fake.writes().into_iter().map(|w| (w.method, w.path)).collect();
    let expected: Vec<(String, String)> = [
        ("POST", "/repos/octo/app/git/blobs"),
        ("POST", "/repos/octo/app/git/trees"),
        ("POST", "/repos/octo/app/git/commits"),
        ("POST", "/repos/octo/app/git/refs"),
        ("POST", "/repos/octo/app/pulls"),
        ("POST", &format!("/repos/octo/app/issues/{}/labels", pull.number)),
        ("POST", &format!("/repos/octo/app/issues/{issue}/comments")),
    ]
    .iter()
    .map(|(m, p)| (m.to_string(), p.to_string()))
    .collect();
    assert_eq!(writes, expected);
    // The fix was generated against the default branch, not a hard-coded `main`.
    assert!(
        fake.requests()
            .iter()
            .any(|r| r.path == "/repos/octo/app/git/ref/heads/trunk")
    );
}

/// Another heal creates the branch between this one's read and its create: GitHub answers
/// 422 "Reference already exists", and the branch is moved instead.
#[tokio::test]
async fn a_branch_created_since_it_was_read_is_updated_instead() {
    let fake = started();
    let scenario = timeout(50);
    seed(&fake, REPO, "trunk", &scenario);
    let issue = reported(&fake, &scenario).await;
    fake.commit_files(REPO, "autoheal/50-timeout", &[("other.txt", "racing heal\n")], "race");
    let not_found = FaultKind::Status {
        status: 404,
        message: "Not Found".into(),
    };
    fake.inject_fault(
        Some("GET"),
        "/repos/octo/app/git/ref/heads/autoheal/50-timeout",
        2,
        not_found,
    );
    fake.clear_requests();
    let outcome = ok(&fake, HealTarget::Issue(issue)).await;
    assert!(matches!(outcome, HealOutcome::Opened { .. }), "{outcome:?}");
    let fixed = fake
        .file_at(REPO, "autoheal/50-timeout", WORKFLOW_PATH)
        .unwrap_or_default();
    assert!(fixed.contains("timeout-minutes: 60"), "{fixed}");
    let writes: Vec<(String, String)> = fake.writes().into_iter().map(|w| (w.method, w.path)).collect();
    assert!(
        writes.contains(&("POST".into(), "/repos/octo/app/git/refs".into())),
        "{writes:?}"
    );
    assert!(
        writes.contains(&(
            "PATCH".into(),
            "/repos/octo/app/git/refs/heads/autoheal/50-timeout".into()
        )),
        "{writes:?}"
    );
}

/// GitHub answers `POST /pulls` for a head that already has an open pull request with 422
/// "Validation Failed" and the reason in `errors[].message`; a pull request opened since
/// heal listed them is refreshed, not a failed heal.
#[tokio::test]
async fn a_pull_request_opened_since_it_was_listed_is_updated_instead() {
    let fake = started();
    let scenario = timeout(50);
    seed(&fake, REPO, "trunk", &scenario);
    let issue = reported(&fake, &scenario).await;
    ok(&fake, HealTarget::Issue(issue)).await;
    // The racing heal's pull request is not in the lists this heal reads: the review
    // history's (read before any commit) and the branch's.
    fake.inject_fault(Some("GET"), "/repos/octo/app/pulls", 2, FaultKind::EmptyList);
    fake.clear_requests();
    let again = ok(&fake, HealTarget::Issue(issue)).await;
    assert!(matches!(again, HealOutcome::Updated { .. }), "{again:?}");
    assert_eq!(pulls(&fake).len(), 1);
    let posted = fake
        .writes()
        .into_iter()
        .filter(|w| w.method == "POST" && w.path == "/repos/octo/app/pulls")
        .count();
    assert_eq!(posted, 1, "the create was tried once and refused");
}

/// A server that does not create a label on first use answers `POST …/issues/{n}/labels`
/// with 404 for a label the repository lacks: heal creates the label and adds it again.
#[tokio::test]
async fn a_missing_label_is_created_then_added() {
    let fake = started();
    let scenario = timeout(50);
    seed(&fake, REPO, "trunk", &scenario);
    let issue = reported(&fake, &scenario).await;
    let next_pull = issue + 1;
    let not_found = FaultKind::Status {
        status: 404,
        message: "Not Found".into(),
    };
    let labels_path = format!("/repos/octo/app/issues/{next_pull}/labels");
    fake.inject_fault(Some("POST"), &labels_path, 1, not_found);
    fake.clear_requests();
    let outcome = ok(&fake, HealTarget::Issue(issue)).await;
    assert!(matches!(outcome, HealOutcome::Opened { .. }), "{outcome:?}");
    let writes: Vec<(String, String)> = fake.writes().into_iter().map(|w| (w.method, w.path)).collect();
    assert!(
        writes.contains(&("POST".into(), "/repos/octo/app/labels".into())),
        "{writes:?}"
    );
    let pull = pulls(&fake).into_iter().next().map(|p| p.labels).unwrap_or_default();
    assert!(pull.iter().any(|l| l == "auto-heal"), "{pull:?}");
}

/// GitHub may refuse a label on `POST …/issues/{n}/labels` with 422 "Validation Failed",
/// as it does when an issue is created; that failed the whole heal after the pull request
/// was opened. The pull request stays, says which label was refused and why that matters,
/// and the issue still hears of it.
#[tokio::test]
async fn a_label_refused_on_the_pull_request_keeps_it_and_says_so() {
    let fake = started();
    let scenario = timeout(50);
    seed(&fake, REPO, "trunk", &scenario);
    let issue = reported(&fake, &scenario).await;
    fake.refuse_label(REPO, "auto-heal");
    let outcome = ok(&fake, HealTarget::Issue(issue)).await;
    let HealOutcome::Opened { pull, .. } = outcome else {
        panic!("{outcome:?}")
    };
    let prs = pulls(&fake);
    assert_eq!(prs.len(), 1);
    assert!(prs[0].labels.is_empty(), "{:?}", prs[0].labels);
    let said = fake.comments(REPO, pull.number);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].body.contains("GitHub refused the label(s) `auto-heal` (422)"),
        "{}",
        said[0].body
    );
    assert!(
        fake.comments(REPO, issue)
            .iter()
            .any(|c| c.body.contains(&format!("#{}", pull.number)))
    );
    // A rerun updates the same pull request and says it only once.
    let again = ok(&fake, HealTarget::Issue(issue)).await;
    assert!(matches!(again, HealOutcome::Updated { .. }), "{again:?}");
    assert_eq!(fake.comments(REPO, pull.number).len(), 1);
}

#[tokio::test]
async fn rerunning_heal_updates_the_branch_and_never_duplicates_the_pull_request() {
    let fake = started();
    let scenario = timeout(50);
    seed(&fake, REPO, "trunk", &scenario);
    let issue = reported(&fake, &scenario).await;
    ok(&fake, HealTarget::Issue(issue)).await;
    let first_tip = fake.branch_sha(REPO, "autoheal/50-timeout");

    fake.clear_requests();
    let again = ok(&fake, HealTarget::Issue(issue)).await;
    assert!(
        matches!(again, HealOutcome::Updated { changed: false, .. }),
        "{again:?}"
    );
    assert!(
        fake.writes().is_empty(),
        "an unchanged rerun writes nothing: {:?}",
        fake.writes()
    );
    assert_eq!(fake.branch_sha(REPO, "autoheal/50-timeout"), first_tip);

    // The default branch moves on: the fix is rebuilt on top of it and the branch moved.
    let new_head = fake.commit_files(REPO, "trunk", &[("README.md", "hello\n")], "docs");
    fake.clear_requests();
    let moved = ok(&fake, HealTarget::Issue(issue)).await;
    assert!(matches!(moved, HealOutcome::Updated { changed: true, .. }), "{moved:?}");
    let writes = fake.writes();
    assert!(
        writes
            .iter()
            .any(|w| w.method == "PATCH" && w.path == "/repos/octo/app/git/refs/heads/autoheal/50-timeout"),
        "{writes:?}"
    );
    assert!(!writes.iter().any(|w| w.path == "/repos/octo/app/pulls"), "{writes:?}");
    assert_eq!(pulls(&fake).len(), 1);
    assert_eq!(
        fake.file_at(REPO, "autoheal/50-timeout", "README.md").as_deref(),
        Some("hello\n")
    );
    let tip = fake.branch_sha(REPO, "autoheal/50-timeout").unwrap_or_default();
    assert_ne!(Some(tip), first_tip);
    assert!(fake.file_at(REPO, &new_head, WORKFLOW_PATH).is_some());
}

#[tokio::test]
async fn the_workflows_permission_refusal_posts_the_patch_and_labels_the_issue() {
    let fake = started();
    let scenario = timeout(50);
    seed(&fake, REPO, "trunk", &scenario);
    let issue = reported(&fake, &scenario).await;
    fake.inject_fault(
        Some("POST"),
        "/repos/octo/app/git/refs",
        1,
        FaultKind::WorkflowsPermission { status: 403 },
    );
    fake.clear_requests();
    // An expected outcome, not an error: the monitor's own run must not fail every time.
    let outcome = ok(&fake, HealTarget::Issue(issue)).await;
    let HealOutcome::PatchPosted {
        issue: refused, detail, ..
    } = &outcome
    else {
        panic!("{outcome:?}")
    };
    assert_eq!(*refused, issue);
    assert!(detail.contains("without `workflows` permission"), "{detail}");

    let comments = fake.comments(REPO, issue);
    assert_eq!(comments.len(), 1);
    let body = &comments[0].body;
    assert!(
        body.contains("```diff\n--- a/.github/workflows/ci.yml\n+++ b/.github/workflows/ci.yml\n"),
        "{body}"
    );
    assert!(
        body.contains("-    timeout-minutes: 30\n+    timeout-minutes: 60\n"),
        "{body}"
    );
    assert!(body.contains("git apply autoheal.patch"), "{body}");
    let labels = &fake
        .issues(REPO)
        .iter()
        .find(|i| i.number == issue)
        .map(|i| i.labels.clone())
        .unwrap_or_default();
    assert!(labels.contains(&"needs-manual-fix".to_string()), "{labels:?}");
    assert!(pulls(&fake).is_empty());

    // The label is the opt-out: the next run skips the issue and posts nothing.
    fake.clear_requests();
    let skipped = ok(&fake, HealTarget::Issue(issue)).await;
    assert!(matches!(skipped, HealOutcome::Skipped { .. }), "{skipped:?}");
    assert!(fake.writes().is_empty());
}

#[tokio::test]
async fn issues_without_auto_heal_or_with_needs_manual_fix_are_skipped() {
    let fake = started();
    let scenario = timeout(50);
    seed(&fake, REPO, "trunk", &scenario);
    let issue = reported(&fake, &scenario).await;
    let body = fake.issues(REPO)[0].body.clone();
    let unlabeled = fake.add_issue(
        REPO,
        SeedIssue {
            title: "copy".into(),
            body: body.clone(),
            labels: vec!["workflow-failure".into()],
            ..SeedIssue::default()
        },
    );
    let opted_out = fake.add_issue(
        REPO,
        SeedIssue {
            title: "copy".into(),
            body,
            labels: vec!["auto-heal".into(), "needs-manual-fix".into()],
            ..SeedIssue::default()
        },
    );
    fake.clear_requests();
    for (number, wanted) in [
        (unlabeled, "is not labeled `auto-heal`"),
        (opted_out, "is labeled `needs-manual-fix`"),
    ] {
        let outcome = ok(&fake, HealTarget::Issue(number)).await;
        assert!(
            matches!(&outcome, HealOutcome::Skipped { reason, .. } if reason.contains(wanted)),
            "{outcome:?}"
        );
    }
    assert!(fake.writes().is_empty());
    assert!(issue > 0);
}

#[tokio::test]
async fn an_issue_without_the_hidden_block_is_an_error() {
    let fake = started();
    let number = fake.add_issue(
        REPO,
        SeedIssue {
            title: "hand written".into(),
            body: "please fix".into(),
            labels: vec!["auto-heal".into()],
            ..SeedIssue::default()
        },
    );
    let error = run(&fake, HealTarget::Issue(number)).await.err();
    assert!(
        matches!(error, Some(Error::NoRecord { issue }) if issue == number),
        "{error:?}"
    );
}

/// `heal --run-id`: report and heal in one go; the branch holds what the fixes crate makes.
async fn end_to_end(scenario: Scenario, category: &str, must_contain: (&str, &str)) {
    let fake = started();
    seed(&fake, REPO, "trunk", &scenario);
    let report = run(&fake, HealTarget::Run(scenario.run_id))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let Some(ReportOutcome::Filed(filed)) = &report.report else {
        panic!("{report:?}")
    };
    assert_eq!(filed.record.category, category);
    let HealOutcome::Opened { branch, .. } = &report.outcome else {
        panic!("{report:?}")
    };
    assert_eq!(branch, &format!("autoheal/{}-{category}", scenario.run_id));
    let expected = expected_files(&scenario, &filed.record.failures);
    assert!(!expected.is_empty());
    for (path, text) in &expected {
        assert_eq!(fake.file_at(REPO, branch, path).as_ref(), Some(text), "{path}");
    }
    let (path, snippet) = must_contain;
    let fixed = fake.file_at(REPO, branch, path).unwrap_or_default();
    assert!(fixed.contains(snippet), "{fixed}");
    let prs = pulls(&fake);
    assert_eq!(prs.len(), 1);
    assert!(prs[0].body.starts_with(&format!("Fixes #{}\n", filed.issue.number)));
}

#[tokio::test]
async fn end_to_end_missing_dependency() {
    end_to_end(
        dependency(42),
        "missing_dependency",
        ("requirements.txt", "pytest\nPyYAML\n"),
    )
    .await;
}

#[tokio::test]
async fn end_to_end_timeout() {
    end_to_end(timeout(50), "timeout", (WORKFLOW_PATH, "    timeout-minutes: 60\n")).await;
}

#[tokio::test]
async fn end_to_end_missing_command() {
    end_to_end(
        missing_command(70),
        "missing_command",
        (WORKFLOW_PATH, "sudo apt-get install -y pandoc"),
    )
    .await;
}

#[tokio::test]
async fn end_to_end_optional_job() {
    end_to_end(
        optional_job(80),
        "optional_job",
        (WORKFLOW_PATH, "continue-on-error: true"),
    )
    .await;
    assert!(OPTIONAL_JOB_WORKFLOW.contains("# Images for the arm fleet."));
}

/// `heal --run-id` on the scenario files a `needs-manual-fix` issue whose
/// body says `why`, and opens no pull request.
async fn refused(scenario: Scenario, why: &str) {
    let fake = started();
    seed(&fake, REPO, "trunk", &scenario);
    let report = run(&fake, HealTarget::Run(scenario.run_id))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(&report.outcome, HealOutcome::Skipped { reason, .. } if reason.contains("needs-manual-fix")),
        "{}: {:?}",
        scenario.run_id,
        report.outcome
    );
    assert!(pulls(&fake).is_empty());
    let issues = fake.issues(REPO);
    assert_eq!(issues.len(), 1);
    assert!(issues[0].labels.contains(&"needs-manual-fix".to_string()));
    assert!(issues[0].body.contains(why), "{}", issues[0].body);
}

/// Failures a naive fix gets wrong, healed against the fake GitHub: each is
/// reported as an issue for a person (`needs-manual-fix`, saying why), and
/// heal opens no pull request.
#[tokio::test]
async fn heal_opens_no_pull_request_for_a_fix_that_would_be_wrong() {
    // A hang: the job printed nothing for the last 27 of its 30 minutes, so
    // a larger `timeout-minutes` only delays the same failure.
    let mut hang = timeout(91);
    hang.job_logs[0].1 = [
        "2024-05-02T10:00:00.0000000Z ##[group]Run ./scripts/long-integration.sh",
        "2024-05-02T10:00:00.1000000Z ./scripts/long-integration.sh",
        "2024-05-02T10:00:00.2000000Z ##[endgroup]",
        "2024-05-02T10:03:00.0000000Z waiting for cluster...",
        "2024-05-02T10:30:01.0000000Z ##[error]The job running on runner GitHub Actions 7 has exceeded the maximum execution time of 30 minutes.",
        "2024-05-02T10:30:01.1000000Z ##[error]The operation was canceled.",
    ]
    .map(|l| format!("{l}\n"))
    .concat();
    // A module missing inside a container the step starts: an install on
    // the runner would not reach it.
    let mut docker = dependency(92);
    docker.workflow = "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    steps:\n      - uses: actions/checkout@v4\n      - name: Install dependencies\n        run: pip install -r requirements.txt\n      - name: Run tests\n        run: docker run --rm -v \"$PWD:/src\" app-test python -m pytest -q\n";
    for (scenario, why) in [
        (hang, "printed nothing for the last 27 minutes"),
        (docker, "does not say whether the import failed there"),
    ] {
        refused(scenario, why).await;
    }
}

/// Workflow shapes the fixes were not written against (`tests/fix_shapes.rs`
/// has them all through the CLI), healed against the fake GitHub: the pull
/// request's branch holds exactly the verified edit, byte for byte.
#[tokio::test]
async fn heal_on_unseen_shapes_commits_exactly_the_verified_edit() {
    // A CRLF workflow: the raised limit keeps the file's line endings.
    let mut crlf = timeout(93);
    crlf.workflow = "name: CI\r\non: [push]\r\njobs:\r\n  build:\r\n    runs-on: ubuntu-latest\r\n    # The cluster takes a while.\r\n    timeout-minutes: 30 # slow\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n      - name: Integration\r\n        run: ./scripts/long-integration.sh\r\n";
    // The workflow's own `defaults.run.working-directory`: the moved file's
    // new path is relative to it.
    let mut moved = heal_fixtures::failed_with_log(
        94,
        &[
            "##[group]Run pip install -r requirements-dev.txt",
            "pip install -r requirements-dev.txt",
            "##[endgroup]",
            "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements-dev.txt'",
            "##[error]Process completed with exit code 1.",
        ],
    );
    moved.workflow = "name: CI\non: [push]\ndefaults:\n  run:\n    working-directory: app\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Integration\n        run: pip install -r requirements-dev.txt\n";
    moved.files = vec![("app/requirements/dev.txt", "pytest\n"), ("app/setup.py", "\n")];
    for (scenario, want) in [
        (
            crlf,
            "name: CI\r\non: [push]\r\njobs:\r\n  build:\r\n    runs-on: ubuntu-latest\r\n    # The cluster takes a while.\r\n    timeout-minutes: 60 # slow\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n      - name: Integration\r\n        run: ./scripts/long-integration.sh\r\n",
        ),
        (
            moved,
            "name: CI\non: [push]\ndefaults:\n  run:\n    working-directory: app\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Integration\n        run: pip install -r requirements/dev.txt\n",
        ),
    ] {
        let fake = started();
        seed(&fake, REPO, "trunk", &scenario);
        let report = run(&fake, HealTarget::Run(scenario.run_id))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let HealOutcome::Opened { branch, .. } = &report.outcome else {
            panic!("{}: {:?}", scenario.run_id, report.outcome)
        };
        assert_eq!(fake.file_at(REPO, branch, WORKFLOW_PATH).as_deref(), Some(want));
        for (path, text) in &scenario.files {
            assert_eq!(
                fake.file_at(REPO, branch, path).as_deref(),
                Some(*text),
                "{path} untouched"
            );
        }
        assert_eq!(pulls(&fake).len(), 1);
    }
}

/// The shapes where the fix would be wrong: an issue for a person saying
/// why, and no pull request.
#[tokio::test]
async fn heal_on_unseen_shapes_refuses_with_the_reason() {
    // The ARM job a publishing job needs: letting it fail would publish
    // without its part.
    let mut needed = optional_job(95);
    needed.workflow = "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  arm-image:\n    needs: test\n    runs-on: [self-hosted, linux, arm64]\n    steps:\n      - uses: actions/checkout@v4\n      - name: Build image\n        run: ./build-image.sh\n  publish:\n    needs: arm-image\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./publish.sh\n";
    // A command missing inside a Docker action's image.
    let mut docker = missing_command(96);
    docker.workflow = "name: CI\non: [push]\njobs:\n  report:\n    runs-on: ubuntu-latest\n    container: debian:12\n    steps:\n      - uses: actions/checkout@v4\n      - name: Render report\n        uses: ./.github/actions/render\n";
    docker.job_logs[0].1 = heal_fixtures::log(&[
        "##[group]Run ./.github/actions/render",
        "##[endgroup]",
        "/entrypoint.sh: line 4: pandoc: command not found",
        "##[error]Docker run failed with exit code 127",
    ]);
    docker.files = vec![(
        ".github/actions/render/action.yml",
        "name: render\nruns:\n  using: docker\n  image: Dockerfile\n",
    )];
    for (scenario, why) in [
        // (The issue body quotes reasons with `'`, not backticks.)
        (
            needed,
            "job 'publish' is named for what it delivers ('publish') and needs job 'arm-image'",
        ),
        (docker, "a Docker action: 'pandoc' is missing from its image"),
    ] {
        refused(scenario, why).await;
    }
}
