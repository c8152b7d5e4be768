//! The client against the fake GitHub: pagination, retries, redirects, redaction, dry-run,
//! the workflows-permission refusal and a Git Data API commit.

use crate::common;

use std::time::Duration;

use autoheal_fake_github::{FaultKind, Host, PageLinks, SeedIssue};
use autoheal_github::fetch::trust::fetch_bot_login;
use autoheal_github::{Error, IssueFilter};
use common::{REPO, TOKEN, client, client_with, config, fake, repo};
use serde_json::json;

#[tokio::test]
async fn issues_jobs_and_annotations_are_read_across_pages() {
    let fake = fake();
    fake.set_page_size(2);
    for i in 0..5 {
        let labels = if i == 3 {
            vec!["other".to_string()]
        } else {
            vec!["auto-heal".to_string()]
        };
        fake.add_issue(
            REPO,
            SeedIssue {
                title: format!("issue {i}"),
                labels,
                ..SeedIssue::default()
            },
        );
    }
    fake.add_run(
        REPO,
        json!({ "id": 42, "name": "CI", "path": ".github/workflows/ci.yml", "head_sha": "abc" }),
    );
    let jobs: Vec<_> = (0..5)
        .map(|i| json!({ "id": 100 + i, "name": format!("job {i}"), "run_id": 42 }))
        .collect();
    fake.set_jobs(REPO, 42, jobs);
    fake.set_old_attempt_jobs(REPO, 42, vec![json!({ "id": 1, "name": "stale" })]);
    let notes: Vec<_> = (0..3)
        .map(|i| json!({ "message": format!("note {i}"), "annotation_level": "failure" }))
        .collect();
    fake.set_annotations(REPO, 101, notes);
    let (client, _) = client(&fake);

    let filter = IssueFilter {
        labels: vec!["auto-heal".into()],
        ..IssueFilter::default()
    };
    let issues = client
        .list_issues(&repo(), &filter)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut titles: Vec<_> = issues.iter().map(|i| i.title.clone()).collect();
    titles.sort();
    assert_eq!(titles, ["issue 0", "issue 1", "issue 2", "issue 4"]);

    let jobs = client
        .list_run_jobs(&repo(), 42)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(jobs.iter().map(|j| j.id).collect::<Vec<_>>(), [100, 101, 102, 103, 104]);
    let annotations = client
        .list_annotations(&repo(), 101)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(annotations.len(), 3);

    let job_pages: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.path == "/repos/octo/app/actions/runs/42/jobs")
        .collect();
    assert_eq!(job_pages.len(), 3, "5 jobs at 2 a page");
    assert!(
        job_pages
            .iter()
            .all(|r| r.query_param("filter").as_deref() == Some("latest"))
    );
    assert_eq!(job_pages[2].query_param("page").as_deref(), Some("3"));
}

#[tokio::test]
async fn too_many_requests_is_retried_after_retry_after() {
    let fake = fake();
    fake.inject_fault(
        Some("GET"),
        "/repos/octo/app",
        2,
        FaultKind::TooManyRequests { retry_after_secs: 7 },
    );
    let (client, sleeper) = client(&fake);
    let repository = client.get_repo(&repo()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(repository.default_branch, "main");
    assert_eq!(sleeper.sleeps(), [Duration::from_secs(7), Duration::from_secs(7)]);
    assert_eq!(fake.requests().len(), 3);
}

#[tokio::test]
async fn exhausted_rate_limit_waits_until_reset() {
    let fake = fake();
    let reset_at = common::NOW + 120;
    fake.inject_fault(None, "/repos/octo/app", 1, FaultKind::RateLimitExhausted { reset_at });
    let (client, sleeper) = client(&fake);
    client.get_repo(&repo()).await.unwrap_or_else(|e| panic!("{e}"));
    // Until the reset, plus one second of margin.
    assert_eq!(sleeper.sleeps(), [Duration::from_secs(121)]);
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn a_forbidden_secondary_limit_known_only_by_its_message_waits_a_minute() {
    let fake = fake();
    fake.inject_fault(None, "/repos/octo/app", 1, FaultKind::SecondaryLimitForbidden);
    let (client, sleeper) = client(&fake);
    client.get_repo(&repo()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sleeper.sleeps(), [Duration::from_secs(60)]);
    assert_eq!(fake.requests().len(), 2);
}

#[tokio::test]
async fn rate_limit_reset_beyond_the_bound_fails_fast() {
    let fake = fake();
    fake.inject_fault(
        None,
        "/repos/octo/app",
        1,
        FaultKind::TooManyRequests { retry_after_secs: 3600 },
    );
    let (client, sleeper) = client(&fake);
    let error = client.get_repo(&repo()).await.err();
    assert!(
        matches!(
            error,
            Some(Error::RateLimited {
                status: 429,
                wait_secs: 3600,
                ..
            })
        ),
        "{error:?}"
    );
    assert!(sleeper.sleeps().is_empty());
}

#[tokio::test]
async fn server_errors_are_retried_then_surfaced() {
    let fake = fake();
    let boom = FaultKind::Status {
        status: 500,
        message: "boom".into(),
    };
    fake.inject_fault(None, "/repos/octo/app", 2, boom.clone());
    let (client, sleeper) = client(&fake);
    client.get_repo(&repo()).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sleeper.sleeps(), [Duration::from_secs(1), Duration::from_secs(2)]);

    fake.inject_fault(None, "/repos/octo/app", 100, boom);
    fake.clear_requests();
    let error = client.get_repo(&repo()).await.err();
    assert!(
        matches!(&error, Some(Error::Api { status: 500, message, .. }) if message == "boom"),
        "{error:?}"
    );
    assert_eq!(fake.requests().len(), 5, "first attempt plus 4 retries");
}

#[tokio::test]
async fn log_redirect_is_followed_without_the_token() {
    let fake = fake();
    fake.add_run(REPO, json!({ "id": 9 }));
    fake.set_run_logs_zip(REPO, 9, b"PK\x03\x04zip-bytes".to_vec());
    fake.set_job_log(REPO, 90, "##[error]Process completed with exit code 1.");
    let (client, _) = client(&fake);
    let zip = client
        .download_run_logs(&repo(), 9)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(zip, b"PK\x03\x04zip-bytes");
    let log = client
        .download_job_logs(&repo(), 90)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(log, b"##[error]Process completed with exit code 1.");
    let requests = fake.requests();
    let api: Vec<_> = requests.iter().filter(|r| r.host == Host::Api).collect();
    let blob: Vec<_> = requests.iter().filter(|r| r.host == Host::BlobStorage).collect();
    assert_eq!((api.len(), blob.len()), (2, 2));
    assert!(api.iter().all(|r| r.had_authorization));
    assert!(blob.iter().all(|r| !r.had_authorization));
}

#[tokio::test]
async fn log_downloads_are_bounded() {
    let fake = fake();
    fake.set_job_log(REPO, 91, &"x".repeat(4096));
    let (client, _) = client_with(autoheal_github::ClientConfig {
        max_log_bytes: 1024,
        ..config(&fake)
    });
    let error = client.download_job_logs(&repo(), 91).await.err();
    assert!(matches!(error, Some(Error::TooLarge { limit: 1024, .. })), "{error:?}");
}

#[tokio::test]
async fn token_never_appears_in_errors_or_debug() {
    let fake = fake();
    let echo = format!("bad credentials for {TOKEN}");
    fake.inject_fault(
        None,
        "/repos/octo/app",
        1,
        FaultKind::Status {
            status: 401,
            message: echo,
        },
    );
    let (client, _) = client(&fake);
    let error = client
        .get_repo(&repo())
        .await
        .err()
        .unwrap_or_else(|| panic!("expected an error"));
    let shown = format!("{error} {error:?} {client:?} {:?}", client.config());
    assert!(!shown.contains(TOKEN), "{shown}");
    assert!(shown.contains("***"), "{shown}");
}

#[tokio::test]
async fn dry_run_records_writes_and_sends_none() {
    let fake = fake();
    let (client, _) = client_with(autoheal_github::ClientConfig {
        dry_run: true,
        ..config(&fake)
    });
    let issue = client
        .create_issue(&repo(), "t", "body\ntext", &["auto-heal".into()])
        .await;
    assert_eq!(issue.map(|i| i.number).ok(), Some(0));
    client
        .create_comment(&repo(), 1, "hi")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    client.get_repo(&repo()).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(fake.writes().is_empty());
    assert_eq!(fake.requests().len(), 1, "reads still happen");
    let planned = client.planned_writes();
    assert_eq!(planned.len(), 2);
    assert_eq!(
        (planned[0].method.as_str(), planned[0].path.as_str()),
        ("POST", "/repos/octo/app/issues")
    );
    assert_eq!(
        planned[0].summary,
        r#"{body: <9 chars, below>, labels: ["auto-heal"], title: "t"}"#
    );
    assert!(fake.issues(REPO).is_empty());
}

#[tokio::test]
async fn workflows_permission_refusal_is_a_distinct_error() {
    let fake = fake();
    let base = fake.commit_files(REPO, "main", &[(".github/workflows/ci.yml", "on: push\n")], "init");
    fake.inject_fault(
        Some("POST"),
        "/repos/octo/app/git/refs",
        1,
        FaultKind::WorkflowsPermission { status: 403 },
    );
    let (client, _) = client(&fake);
    let files = vec![(".github/workflows/ci.yml".to_string(), b"on: pull_request\n".to_vec())];
    let error = autoheal_github::act::branch::commit_files(&client, &repo(), "autoheal/1-x", &base, &files, "fix")
        .await
        .err();
    assert!(matches!(error, Some(Error::WorkflowsPermission { .. })), "{error:?}");
    fake.inject_fault(
        None,
        "/repos/octo/app/contents/.github/workflows/ci.yml",
        1,
        FaultKind::WorkflowsPermission { status: 422 },
    );
    let error = client
        .put_file(&repo(), ".github/workflows/ci.yml", "main", b"x", "m", None)
        .await
        .err();
    assert!(matches!(error, Some(Error::WorkflowsPermission { .. })), "{error:?}");
}

/// Past 1 MB GitHub's contents API answers `encoding: "none"` and no content; the bytes
/// then come from the blobs API.
#[tokio::test]
async fn a_file_too_large_for_the_contents_api_is_read_as_a_blob() {
    let fake = fake();
    let config = "# autoheal settings\n".repeat(8);
    fake.commit_files(REPO, "main", &[(".github/autoheal.yml", &config)], "init");
    fake.set_contents_inline_limit(REPO, Some(16));
    let (client, _) = client(&fake);
    let read = client.get_file_bytes(&repo(), ".github/autoheal.yml", "main").await;
    assert_eq!(read.ok(), Some(config.into_bytes()));
    assert!(fake.requests().iter().any(|r| r.path.contains("/git/blobs/")));
}

/// Every front end reads at most `config::READ_LIMIT` of a config file; through the API a
/// larger one (its size is stated with the contents) is never downloaded, and gives the
/// defaults, as a file over the YAML budget does anywhere.
/// A setting the loader refuses is an error naming the file and the setting, not the
/// default (`untrusted-runs: Off` read as `report` would trust more than the file says).
#[tokio::test]
async fn a_config_with_a_refused_setting_is_an_error_not_the_defaults() {
    use autoheal_engine::config::UntrustedRuns;
    use autoheal_github::fetch::repo::fetch_config;
    for (text, policy) in [
        ("heal:\n  untrusted-runs: off\n", Some(UntrustedRuns::Off)),
        ("heal:\n  untrusted-runs: Off\n", None),
    ] {
        let fake = fake();
        fake.commit_files(REPO, "main", &[(".github/autoheal.yml", text)], "init");
        let (client, _) = client(&fake);
        let read = fetch_config(&client, &repo(), "main").await;
        match policy {
            Some(policy) => assert!(matches!(&read, Ok(c) if c.untrusted_runs == policy), "{text}: {read:?}"),
            None => assert!(
                matches!(&read, Err(e) if e.to_string().contains(".github/autoheal.yml") && e.to_string().contains("untrusted-runs")),
                "{text}: {read:?}"
            ),
        }
    }
}

#[tokio::test]
async fn a_config_over_the_read_limit_is_not_downloaded() {
    use autoheal_engine::config::{READ_LIMIT, UntrustedRuns};
    use autoheal_github::fetch::repo::fetch_config;
    let settings = "heal:\n  untrusted-runs: off\n";
    let limit = usize::try_from(READ_LIMIT).unwrap_or(usize::MAX);
    let within = format!("{settings}{}\n", "#".repeat(2 << 20));
    let over = format!("{settings}{}\n", "#".repeat(limit));
    // Over the limit is an error naming the file and the limit, never the defaults (which
    // may trust more than the file says: `untrusted-runs: off` would become `report`); at the
    // read limit itself the file is over the YAML budget too.
    let at_limit = format!("{settings}{}\n", "#".repeat(limit - settings.len() - 1));
    for (text, blob_read, policy) in [
        (within, true, Some(UntrustedRuns::Off)),
        (over, false, None),
        (at_limit, true, None),
    ] {
        let fake = fake();
        fake.commit_files(REPO, "main", &[(".github/autoheal.yml", &text)], "init");
        // GitHub's contents API inlines files up to 1 MB.
        fake.set_contents_inline_limit(REPO, Some(1 << 20));
        let (client, _) = client(&fake);
        let read = fetch_config(&client, &repo(), "main").await;
        match policy {
            Some(policy) => assert!(
                matches!(&read, Ok(c) if c.untrusted_runs == policy),
                "{} bytes: {read:?}",
                text.len()
            ),
            None => assert!(
                matches!(&read, Err(e) if e.to_string().contains(".github/autoheal.yml") && e.to_string().contains(&format!("{} bytes", READ_LIMIT - 1))),
                "{} bytes: {read:?}",
                text.len()
            ),
        }
        let blobs = fake
            .requests()
            .iter()
            .filter(|r| r.path.contains("/git/blobs/"))
            .count();
        assert_eq!(blobs > 0, blob_read, "{} bytes", text.len());
    }
}

#[tokio::test]
async fn git_data_commit_round_trip_lands_the_content_on_the_branch() {
    let fake = fake();
    let workflow = "name: CI\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n";
    let base = fake.commit_files(
        REPO,
        "main",
        &[(".github/workflows/ci.yml", workflow), ("README.md", "hello\n")],
        "init",
    );
    let (client, _) = client(&fake);
    let fixed = workflow.replace("build:\n", "build:\n    timeout-minutes: 30\n");
    let files = vec![(".github/workflows/ci.yml".to_string(), fixed.clone().into_bytes())];
    let sha =
        autoheal_github::act::branch::commit_files(&client, &repo(), "autoheal/7-timeout", &base, &files, "fix").await;
    let sha = sha.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        fake.branch_sha(REPO, "autoheal/7-timeout").as_deref(),
        Some(sha.as_str())
    );
    assert_eq!(
        fake.file_at(REPO, "autoheal/7-timeout", ".github/workflows/ci.yml"),
        Some(fixed.clone())
    );
    assert_eq!(
        fake.file_at(REPO, "autoheal/7-timeout", "README.md").as_deref(),
        Some("hello\n")
    );
    assert_eq!(
        fake.file_at(REPO, "main", ".github/workflows/ci.yml").as_deref(),
        Some(workflow)
    );
    let read_back = client
        .get_file_bytes(&repo(), ".github/workflows/ci.yml", "autoheal/7-timeout")
        .await;
    assert_eq!(read_back.ok(), Some(fixed.into_bytes()));

    // A rerun moves the existing branch instead of failing to create it.
    let again =
        autoheal_github::act::branch::commit_files(&client, &repo(), "autoheal/7-timeout", &base, &files, "fix again")
            .await;
    let again = again.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fake.branch_sha(REPO, "autoheal/7-timeout"), Some(again));
    let methods: Vec<_> = fake
        .writes()
        .iter()
        .map(|w| format!("{} {}", w.method, w.path.trim_start_matches("/repos/octo/app")))
        .collect();
    assert_eq!(
        methods,
        [
            "POST /git/blobs",
            "POST /git/trees",
            "POST /git/commits",
            "POST /git/refs",
            "POST /git/blobs",
            "POST /git/trees",
            "POST /git/commits",
            "PATCH /git/refs/heads/autoheal/7-timeout",
        ]
    );
}

#[tokio::test]
async fn pull_requests_by_head_and_check_runs() {
    let fake = fake();
    let base = fake.commit_files(REPO, "main", &[("a", "1")], "init");
    fake.commit_files(REPO, "autoheal/1-x", &[("a", "2")], "fix");
    let (client, _) = client(&fake);
    let pull = client
        .create_pull(&repo(), "fix", "autoheal/1-x", "main", "Fixes #1")
        .await;
    let pull = pull.unwrap_or_else(|e| panic!("{e}"));
    let found = client
        .list_pulls_by_head(&repo(), "autoheal/1-x")
        .await
        .unwrap_or_default();
    assert_eq!(found.iter().map(|p| p.number).collect::<Vec<_>>(), [pull.number]);
    assert!(
        client
            .list_pulls_by_head(&repo(), "other")
            .await
            .unwrap_or_default()
            .is_empty()
    );
    let closed = client
        .close_pull(&repo(), pull.number)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(closed.state, "closed");
    fake.set_check_runs(
        REPO,
        &base,
        vec![json!({ "id": 5, "name": "build", "conclusion": "failure" })],
    );
    let runs = client.list_check_runs(&repo(), &base).await.unwrap_or_default();
    assert_eq!(runs.first().and_then(|r| r.conclusion.as_deref()), Some("failure"));
}

#[tokio::test]
async fn labels_comments_and_missing_branches() {
    let fake = fake();
    let number = fake.add_issue(
        REPO,
        SeedIssue {
            title: "t".into(),
            labels: vec!["auto-heal".into()],
            ..Default::default()
        },
    );
    let (client, _) = client(&fake);
    client
        .add_labels(&repo(), number, &["needs-manual-fix".into()])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    client
        .remove_label(&repo(), number, "auto-heal")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    client
        .remove_label(&repo(), number, "absent")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    client
        .create_comment(&repo(), number, "note")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let issue = client
        .get_issue(&repo(), number)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        issue.labels.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(),
        ["needs-manual-fix"]
    );
    let comments = client.list_comments(&repo(), number).await.unwrap_or_default();
    assert_eq!(
        comments.iter().filter_map(|c| c.body.as_deref()).collect::<Vec<_>>(),
        ["note"]
    );
    assert_eq!(client.get_branch_ref(&repo(), "nope").await.ok(), Some(None));
    let found = client
        .search_issues_oldest_first(&format!("repo:{REPO} is:open label:needs-manual-fix"), 1)
        .await;
    assert_eq!(found.map(|f| f.items.len()).ok(), Some(1));
}

/// A list whose pages never end, or whose `next` repeats a page, or whose pages add up past
/// the budget (each under the per-response cap): a clear error, never a hang or unbounded
/// memory.
#[tokio::test]
async fn lists_that_never_end_or_grow_without_bound_are_errors() {
    let fake = fake();
    fake.set_page_size(1);
    fake.add_issue(REPO, SeedIssue::default());
    fake.set_page_links(PageLinks::SelfLoop);
    let (gh, _) = client(&fake);
    let error = gh.list_issues(&repo(), &IssueFilter::default()).await.err();
    assert!(
        matches!(&error, Some(Error::Decode { message, .. }) if message.contains("repeats a page")),
        "{error:?}"
    );
    // The first request and the page its `next` names, which names itself again.
    assert_eq!(fake.requests().len(), 2);

    fake.clear_requests();
    fake.set_page_links(PageLinks::Endless);
    let error = gh.list_issues(&repo(), &IssueFilter::default()).await.err();
    assert!(
        matches!(&error, Some(Error::Decode { message, .. }) if message.contains("more than 1000 pages")),
        "{error:?}"
    );
    assert_eq!(fake.requests().len(), 1000);

    let fake = autoheal_github_test_fake_with_big_issues();
    let (gh, _) = client_with(autoheal_github::ClientConfig {
        max_json_bytes: 4096,
        ..config(&fake)
    });
    let error = gh.list_issues(&repo(), &IssueFilter::default()).await.err();
    assert!(
        matches!(&error, Some(Error::TooLarge { limit: 32768, what }) if what.contains("pages of GET")),
        "{error:?}"
    );
}

/// 40 issues of 1,000-byte bodies, two to a page: each page is far under 4 KiB, all of them
/// over 32 KiB.
fn autoheal_github_test_fake_with_big_issues() -> autoheal_fake_github::FakeGithub {
    let fake = fake();
    fake.set_page_size(2);
    for _ in 0..40 {
        fake.add_issue(
            REPO,
            SeedIssue {
                body: "x".repeat(1000),
                ..SeedIssue::default()
            },
        );
    }
    fake
}

/// A user token whose rate limit is spent gets 403 from `GET /user` too: that is no
/// installation token's refusal, so autoheal must not take the bot's identity for it.
#[tokio::test]
async fn a_rate_limited_user_token_is_not_taken_for_the_bot() {
    let fake = fake();
    fake.set_token_login(Some("maintainer"));
    let reset_at = common::NOW + 7200;
    fake.inject_fault(None, "/user", 1, FaultKind::RateLimitExhausted { reset_at });
    let (client, _) = client(&fake);
    let login = fetch_bot_login(&client).await;
    assert!(
        matches!(login, Err(Error::RateLimited { status: 403, .. })),
        "{login:?}"
    );
    // GitHub's own refusal (an installation token) still falls back to the bot's login.
    fake.set_token_login(None);
    let login = fetch_bot_login(&client).await;
    assert_eq!(login.ok().as_deref(), Some("github-actions[bot]"));
}

/// A fix branch that already exists is compared file by file with the fix; a file there
/// larger than the fix's is a difference, never downloaded (anyone who may push can put a
/// large file on an `autoheal/…` branch).
#[tokio::test]
async fn an_existing_fix_branchs_large_file_is_a_difference_not_a_download() {
    use autoheal_github::act::branch::{Pushed, commit_files, push_fix};
    let fake = fake();
    let base = fake.commit_files(REPO, "main", &[("requirements.txt", "requests\n")], "init");
    fake.set_contents_inline_limit(REPO, Some(1 << 20));
    let (client, _) = client(&fake);
    let branch = "autoheal/1-missing_dependency";
    let large = vec![(
        "requirements.txt".to_string(),
        format!("requests\n{}", "#".repeat((1 << 20) + 4096)).into_bytes(),
    )];
    commit_files(&client, &repo(), branch, &base, &large, "a large file")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    fake.clear_requests();
    let fix = vec![("requirements.txt".to_string(), b"requests\nPyYAML\n".to_vec())];
    let pushed = push_fix(&client, &repo(), branch, &base, &fix, "fix")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pushed, Pushed::Committed);
    assert_eq!(
        fake.file_at(REPO, branch, "requirements.txt").as_deref(),
        Some("requests\nPyYAML\n")
    );
    let downloads: Vec<String> = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path.contains("/git/blobs/"))
        .map(|r| r.path)
        .collect();
    assert!(downloads.is_empty(), "{downloads:?}");
    // The same fix again is found on the branch: nothing is written.
    let again = push_fix(&client, &repo(), branch, &base, &fix, "fix")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again, Pushed::Unchanged);
}

/// GitHub's search has a rate limit of its own, 30 requests a minute for a token, which
/// `heal --many`'s rule searches of many repositories at once share. The client asked
/// regardless and was refused (GitHub warns that requests made while limited may get an
/// integration banned), then retried on a count. Searches now go one at a time and wait for
/// the window's reset when the latest answer left none: every search is answered and none is
/// refused.
#[tokio::test]
async fn searches_wait_for_the_search_windows_reset_instead_of_being_refused() {
    let fake = fake();
    let time = common::VirtualTime::at(common::NOW);
    fake.limit_search(30, time.clock());
    let gh = time.client(&fake);
    let mut searches = tokio::task::JoinSet::new();
    for task in 0..8 {
        let gh = gh.clone();
        searches.spawn(async move {
            for i in 0..10 {
                let q = format!("repo:{REPO} \"search {task} {i}\" in:comments is:issue");
                gh.search_issues_oldest_first(&q, 1).await?;
            }
            Ok::<_, autoheal_github::Error>(())
        });
    }
    while let Some(done) = searches.join_next().await {
        assert!(matches!(done, Ok(Ok(()))), "{done:?}");
    }
    assert_eq!(fake.searches_refused(), 0);
    // 80 searches at 30 a minute: two waits for a reset, each to the window's end and a second.
    let waits: Vec<u64> = time.sleeps().iter().map(|d| d.as_secs()).collect();
    assert_eq!(waits, [61, 61]);
}

/// A search GitHub keeps refusing (a secondary limit naming no wait) was retried four times a
/// minute apart, then failed. It is now retried after the documented minute, doubled while
/// refusals repeat, within the budget all of a pass's searches share
/// (`RetryPolicy::max_search_wait`); past it the search fails at once and says why.
#[tokio::test]
async fn a_search_refused_past_the_budget_fails_and_names_the_search_limit() {
    let fake = fake();
    let time = common::VirtualTime::at(common::NOW);
    let gh = time.client(&fake);
    fake.inject_fault(Some("GET"), "/search/issues", 100, FaultKind::SecondaryLimitForbidden);
    let q = format!("repo:{REPO} \"/autoheal never\" in:comments is:issue");
    let error = gh.search_issues_oldest_first(&q, 1).await.err();
    assert!(
        matches!(&error, Some(Error::SearchLimited { budget_secs: 300, .. })),
        "{error:?}"
    );
    let waits: Vec<u64> = time.sleeps().iter().map(|d| d.as_secs()).collect();
    assert_eq!(waits, [60, 120], "the next wait, 240 s, would pass the budget of 300 s");
    // The budget is the pass's: a later search has only what is left.
    let again = gh.search_issues_oldest_first(&q, 1).await.err();
    assert!(matches!(&again, Some(Error::SearchLimited { .. })), "{again:?}");
    let waits: Vec<u64> = time.sleeps().iter().map(|d| d.as_secs()).collect();
    assert_eq!(waits, [60, 120, 60]);
}
