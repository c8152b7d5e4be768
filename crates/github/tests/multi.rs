//! Healing many repositories against the fake GitHub: one repository answering 500s while the
//! others complete, resuming without duplicates, rollback of fix-branch failures, and the
//! real report + heal action end to end.

use crate::common;
use crate::heal_fixtures;

use std::sync::{Arc, Mutex};

use autoheal_fake_github::{FakeGithub, FaultKind, SeedIssue};
use autoheal_github::many::{
    ActionError, ActionFuture, ManyOptions, ManyProgress, RepoSummary, RunAction, RunOutcome, Work, heal_action,
    heal_many, org_repos, render_table,
};
use autoheal_github::record::{Record, encode};
use autoheal_github::{HealOptions, RepoName, ReportOptions};
use chrono::{DateTime, Utc};
use common::client;
use serde_json::json;

const SINCE: &str = "2023-11-14T00:00:00Z";

fn time(raw: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(raw)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn name(raw: &str) -> RepoName {
    RepoName::parse(raw).unwrap_or_else(|e| panic!("{e}"))
}

fn started(repos: &[&str]) -> FakeGithub {
    let fake = FakeGithub::start();
    fake.require_token(common::TOKEN);
    for repo in repos {
        fake.add_repo(repo, "main");
    }
    fake
}

fn failed_run(fake: &FakeGithub, repo: &str, id: u64, branch: &str, created: &str) {
    fake.add_run(
        repo,
        json!({
            "id": id, "name": "CI", "path": ".github/workflows/ci.yml", "head_branch": branch,
            "head_sha": "abc", "status": "completed", "conclusion": "failure", "created_at": created,
            "html_url": format!("https://github.com/{repo}/actions/runs/{id}"),
        }),
    );
}

/// Records what it was asked to do and answers "reported".
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<(String, Work)>>>);

impl Recorder {
    fn action(&self) -> RunAction {
        let calls = self.0.clone();
        Arc::new(move |_gh, repo: RepoName, work: Work| {
            let calls = calls.clone();
            Box::pin(async move {
                let run_id = work.run_id();
                if let Ok(mut calls) = calls.lock() {
                    calls.push((repo.to_string(), work));
                }
                Ok(RunOutcome::Reported {
                    issue: run_id,
                    note: String::new(),
                })
            }) as ActionFuture
        })
    }

    fn calls(&self) -> Vec<(String, Work)> {
        let mut calls = self.0.lock().map(|c| c.clone()).unwrap_or_default();
        calls.sort_by_key(|(repo, work)| (repo.clone(), work.run_id()));
        calls
    }
}

#[derive(Default)]
struct Progress(Mutex<Vec<(String, usize)>>);

impl ManyProgress for Progress {
    fn finished(&self, summary: &RepoSummary, done: usize) {
        if let Ok(mut seen) = self.0.lock() {
            seen.push((summary.repo.clone(), done));
        }
    }
}

#[tokio::test]
async fn a_repository_answering_500s_is_reported_while_the_others_complete() {
    let repos = ["octo/a", "octo/b", "octo/c"];
    let fake = started(&repos);
    for (i, repo) in repos.iter().enumerate() {
        let base = 100 * (i as u64 + 1);
        failed_run(&fake, repo, base + 1, "main", "2023-11-14T10:00:00Z");
        failed_run(&fake, repo, base + 2, "main", "2023-11-14T11:00:00Z");
        // Too old for the window.
        failed_run(&fake, repo, base + 3, "main", "2023-11-13T10:00:00Z");
    }
    let boom = FaultKind::Status {
        status: 500,
        message: "boom".into(),
    };
    fake.inject_fault(Some("GET"), "/repos/octo/b/actions/runs", 100, boom);
    let (gh, sleeper) = client(&fake);
    let recorder = Recorder::default();
    let progress = Arc::new(Progress::default());
    let options = ManyOptions {
        since: time(SINCE),
        concurrency: 2,
        progress: progress.clone(),
    };
    let repo_names: Vec<RepoName> = repos.iter().map(|r| name(r)).collect();
    let summary = heal_many(&gh, &repo_names, &options, recorder.action()).await;

    let calls: Vec<(String, u64)> = recorder.calls().into_iter().map(|(r, w)| (r, w.run_id())).collect();
    assert_eq!(
        calls,
        [
            ("octo/a".to_string(), 101),
            ("octo/a".to_string(), 102),
            ("octo/c".to_string(), 301),
            ("octo/c".to_string(), 302),
        ]
    );
    let by_repo: Vec<(&str, usize, usize, bool)> = summary
        .repos
        .iter()
        .map(|r| (r.repo.as_str(), r.failed_runs, r.reported, r.is_ok()))
        .collect();
    assert_eq!(
        by_repo,
        [("octo/a", 2, 2, true), ("octo/b", 0, 0, false), ("octo/c", 2, 2, true)]
    );
    let error = summary.repos[1].error.clone().unwrap_or_default();
    assert!(error.contains("500") && error.contains("boom"), "{error}");
    assert!(!sleeper.sleeps().is_empty(), "the 500s were retried before giving up");
    assert_eq!(summary.failed_repos().len(), 1);

    let table = render_table(&summary);
    let row = |repo: &str| {
        table
            .lines()
            .find(|l| l.starts_with(repo))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row("octo/a").ends_with("ok"), "{table}");
    assert!(row("octo/b").ends_with("FAILED"), "{table}");
    assert!(table.contains("\nocto/b: GET /repos/octo/b/actions/runs"), "{table}");

    let mut finished: Vec<usize> = progress
        .0
        .lock()
        .map(|p| p.iter().map(|(_, n)| *n).collect())
        .unwrap_or_default();
    finished.sort_unstable();
    assert_eq!(finished, [1, 2, 3]);
    assert!(
        fake.writes().is_empty(),
        "the stub action writes nothing and scanning only reads"
    );
}

#[tokio::test]
async fn a_rerun_resumes_and_fix_branch_failures_are_rolled_back() {
    let fake = started(&["octo/a"]);
    failed_run(&fake, "octo/a", 1, "main", "2023-11-14T10:00:00Z");
    failed_run(&fake, "octo/a", 2, "main", "2023-11-14T11:00:00Z");
    failed_run(&fake, "octo/a", 3, "main", "2023-11-14T12:00:00Z");
    failed_run(&fake, "octo/a", 4, "autoheal/1-timeout", "2023-11-14T13:00:00Z");
    // An earlier pass filed run 1 as an issue and recorded run 2 as a repeat on it.
    let record = Record {
        fingerprint: "f".into(),
        run_id: 1,
        ..Record::default()
    };
    fake.set_now(Some("2023-11-14T12:30:00Z"));
    let issue = fake.add_issue(
        "octo/a",
        SeedIssue {
            title: "[auto-heal] CI".into(),
            body: format!("x\n{}", encode(&record)),
            labels: vec!["auto-heal".into(), "workflow-failure".into()],
            ..SeedIssue::default()
        },
    );
    fake.add_comment(
        "octo/a",
        issue,
        "github-actions[bot]",
        "The same failure happened again in [run 2](https://github.com/octo/a/actions/runs/2)",
    );
    let (gh, _) = client(&fake);
    let recorder = Recorder::default();
    let summary = heal_many(
        &gh,
        &[name("octo/a")],
        &ManyOptions::new(time(SINCE)),
        recorder.action(),
    )
    .await;
    let works: Vec<Work> = recorder.calls().into_iter().map(|(_, w)| w).collect();
    assert_eq!(
        works,
        [
            Work::Issue { run_id: 1, issue },
            Work::Run { run_id: 3 },
            Work::Rollback {
                run_id: 4,
                branch: "autoheal/1-timeout".into()
            },
        ]
    );
    assert_eq!(summary.repos[0].already_done, 1);
}

/// An outsider can file an issue with the label (an issue form sets it for anyone) carrying a
/// copied record, or comment a run link on one: neither marks the run recorded, so it is still
/// worked on, not hidden from every later pass.
#[tokio::test]
async fn an_outsiders_issue_or_comment_does_not_mark_a_run_recorded() {
    let fake = started(&["octo/a"]);
    failed_run(&fake, "octo/a", 1, "main", "2023-11-14T10:00:00Z");
    failed_run(&fake, "octo/a", 2, "main", "2023-11-14T11:00:00Z");
    let record = Record {
        fingerprint: "f".into(),
        run_id: 1,
        ..Record::default()
    };
    fake.set_now(Some("2023-11-14T12:30:00Z"));
    let issue = fake.add_issue(
        "octo/a",
        SeedIssue {
            title: "[auto-heal] CI".into(),
            body: format!("x\n{}", encode(&record)),
            labels: vec!["auto-heal".into(), "workflow-failure".into()],
            user: "mallory".into(),
            ..SeedIssue::default()
        },
    );
    fake.add_comment(
        "octo/a",
        issue,
        "mallory",
        "The same failure happened again in [run 2](https://github.com/octo/a/actions/runs/2)",
    );
    let (gh, _) = client(&fake);
    let recorder = Recorder::default();
    heal_many(
        &gh,
        &[name("octo/a")],
        &ManyOptions::new(time(SINCE)),
        recorder.action(),
    )
    .await;
    let works: Vec<Work> = recorder.calls().into_iter().map(|(_, w)| w).collect();
    assert_eq!(works, [Work::Run { run_id: 1 }, Work::Run { run_id: 2 }]);
}

/// Anyone can open labelled issues: thirty outsiders' issues (each with a comment) cost no
/// comment list each, since only the threads of issues autoheal or a writer opened can hold
/// autoheal's record of a run, and at most `MAX_AUTHORS_ASKED` permission calls; the bot's
/// own issue and its repeat comment still mark their runs recorded.
#[tokio::test]
async fn many_outsiders_issues_cost_a_bounded_number_of_calls() {
    use autoheal_github::fetch::trust::MAX_AUTHORS_ASKED;
    let fake = started(&["octo/a"]);
    failed_run(&fake, "octo/a", 1, "main", "2023-11-14T10:00:00Z");
    failed_run(&fake, "octo/a", 2, "main", "2023-11-14T11:00:00Z");
    failed_run(&fake, "octo/a", 3, "main", "2023-11-14T11:30:00Z");
    fake.set_now(Some("2023-11-14T12:30:00Z"));
    let record = Record {
        fingerprint: "f".into(),
        run_id: 1,
        ..Record::default()
    };
    let own = fake.add_issue(
        "octo/a",
        SeedIssue {
            title: "[auto-heal] CI".into(),
            body: format!("x\n{}", encode(&record)),
            labels: vec!["auto-heal".into(), "workflow-failure".into()],
            ..SeedIssue::default()
        },
    );
    fake.add_comment(
        "octo/a",
        own,
        "github-actions[bot]",
        "The same failure happened again in [run 2](https://github.com/octo/a/actions/runs/2)",
    );
    let mut outsiders = Vec::new();
    for i in 0..30 {
        let number = fake.add_issue(
            "octo/a",
            SeedIssue {
                title: "[auto-heal] CI".into(),
                body: "Please look".into(),
                labels: vec!["workflow-failure".into()],
                user: format!("mallory{i}"),
                ..SeedIssue::default()
            },
        );
        fake.add_comment("octo/a", number, &format!("mallory{i}"), "bump");
        outsiders.push(number);
    }
    fake.clear_requests();
    let (gh, _) = client(&fake);
    let recorder = Recorder::default();
    heal_many(
        &gh,
        &[name("octo/a")],
        &ManyOptions::new(time(SINCE)),
        recorder.action(),
    )
    .await;
    let works: Vec<Work> = recorder.calls().into_iter().map(|(_, w)| w).collect();
    assert_eq!(works, [Work::Issue { run_id: 1, issue: own }, Work::Run { run_id: 3 }]);
    let paths: Vec<String> = fake.requests().into_iter().map(|r| r.path).collect();
    let threads: Vec<&String> = paths
        .iter()
        .filter(|p| outsiders.iter().any(|n| p.ends_with(&format!("/issues/{n}/comments"))))
        .collect();
    assert!(threads.is_empty(), "{threads:?}");
    let asked = paths.iter().filter(|p| p.contains("/collaborators/mallory")).count();
    assert!(asked <= MAX_AUTHORS_ASKED, "{asked}");
}

#[tokio::test]
async fn a_spent_rate_limit_defers_the_rest() {
    let fake = started(&["octo/a", "octo/b"]);
    failed_run(&fake, "octo/a", 1, "main", "2023-11-14T10:00:00Z");
    failed_run(&fake, "octo/a", 2, "main", "2023-11-14T11:00:00Z");
    failed_run(&fake, "octo/b", 3, "main", "2023-11-14T11:00:00Z");
    let (gh, _) = client(&fake);
    let limited: RunAction = Arc::new(|_gh, _repo, _work| {
        Box::pin(async {
            Err(ActionError {
                message: "rate limited".into(),
                rate_limited: true,
                out_of_time: false,
            })
        }) as ActionFuture
    });
    let options = ManyOptions {
        concurrency: 1,
        ..ManyOptions::new(time(SINCE))
    };
    let summary = heal_many(&gh, &[name("octo/a"), name("octo/b")], &options, limited).await;
    assert!(summary.rate_limited);
    let a = &summary.repos[0];
    assert_eq!((a.errors, a.deferred), (1, 1), "run 1 failed, run 2 was not started");
    assert_eq!(summary.repos[1].deferred, 1, "octo/b was not scanned");
    assert!(render_table(&summary).contains("rerun the same command later to resume"));
}

/// The pass's time budget running out in one repository defers the others instead of failing
/// each at its first request.
#[tokio::test]
async fn the_time_budget_running_out_defers_the_rest() {
    let fake = started(&["octo/a", "octo/b"]);
    failed_run(&fake, "octo/a", 1, "main", "2023-11-14T10:00:00Z");
    failed_run(&fake, "octo/b", 3, "main", "2023-11-14T11:00:00Z");
    fake.delay_requests(None, "/repos/octo/a/", std::time::Duration::from_millis(1500));
    let (gh, _) = common::client_with(autoheal_github::ClientConfig {
        pass_budget: Some(std::time::Duration::from_secs(1)),
        ..common::config(&fake)
    });
    let options = ManyOptions {
        concurrency: 1,
        ..ManyOptions::new(time(SINCE))
    };
    let started_at = std::time::Instant::now();
    let summary = heal_many(
        &gh,
        &[name("octo/a"), name("octo/b")],
        &options,
        Recorder::default().action(),
    )
    .await;
    assert!(started_at.elapsed() < std::time::Duration::from_secs(20));
    assert!(summary.out_of_time && !summary.rate_limited, "{summary:?}");
    let (a, b) = (&summary.repos[0], &summary.repos[1]);
    assert!(
        a.error
            .as_deref()
            .is_some_and(|e| e.starts_with("the pass's time budget of 1s")),
        "{a:?}"
    );
    assert_eq!((a.deferred, b.deferred), (1, 1), "{summary:?}");
    assert_eq!(
        b.error.as_deref(),
        Some("not scanned: the pass's time budget (--time-budget) ran out; rerun to resume")
    );
    assert!(render_table(&summary).contains("The pass's time budget (--time-budget) stopped it"));
    assert!(fake.requests().iter().all(|r| !r.path.starts_with("/repos/octo/b/")));
}

#[tokio::test]
async fn org_listing_reads_every_page() {
    let fake = started(&["octo/a", "octo/b", "octo/c", "other/x"]);
    fake.set_page_size(2);
    let (gh, _) = client(&fake);
    let repos = org_repos(&gh, "octo").await.unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<String> = repos.iter().map(ToString::to_string).collect();
    assert_eq!(names, ["octo/a", "octo/b", "octo/c"]);
}

/// `report` + `heal` for real in two repositories; a second pass duplicates nothing.
#[tokio::test]
async fn the_real_action_heals_each_repository_once() {
    let repos = ["octo/a", "octo/b"];
    let fake = started(&repos);
    fake.set_now(Some("2023-11-14T22:00:00Z"));
    for (i, repo) in repos.iter().enumerate() {
        let scenario = heal_fixtures::timeout(50 + i as u64);
        let sha = heal_fixtures::seed(&fake, repo, "main", &scenario);
        // The fixtures' runs carry no creation time; scanning filters on it.
        fake.add_run(
            repo,
            json!({
                "id": scenario.run_id, "name": "CI", "path": heal_fixtures::WORKFLOW_PATH,
                "head_branch": "main", "head_sha": sha, "event": "push", "status": "completed",
                "conclusion": scenario.run_conclusion, "run_attempt": 1, "created_at": "2023-11-14T21:00:00Z",
                "html_url": format!("https://github.com/{repo}/actions/runs/{}", scenario.run_id),
            }),
        );
    }
    let options = HealOptions {
        report: ReportOptions {
            now: Some(time("2023-11-14T22:30:00Z")),
            ..ReportOptions::default()
        },
    };
    let (gh, _) = client(&fake);
    let names: Vec<RepoName> = repos.iter().map(|r| name(r)).collect();
    let many = ManyOptions::new(time(SINCE));
    let first = heal_many(&gh, &names, &many, heal_action(options.clone())).await;
    for summary in &first.repos {
        assert!(summary.is_ok(), "{summary:?}");
        assert_eq!(summary.healed, 1, "{summary:?}");
    }
    let count = |repo: &str| -> (usize, usize) {
        let items = fake.issues(repo);
        let pulls = items.iter().filter(|i| i.head.is_some()).count();
        (items.len() - pulls, pulls)
    };
    assert_eq!((count("octo/a"), count("octo/b")), ((1, 1), (1, 1)));
    let comments_before: usize = fake
        .issues("octo/a")
        .iter()
        .map(|i| fake.comments("octo/a", i.number).len())
        .sum();

    let second = heal_many(&gh, &names, &many, heal_action(options)).await;
    assert_eq!(
        (count("octo/a"), count("octo/b")),
        ((1, 1), (1, 1)),
        "no duplicate issue or PR"
    );
    let comments_after: usize = fake
        .issues("octo/a")
        .iter()
        .map(|i| fake.comments("octo/a", i.number).len())
        .sum();
    assert_eq!(
        comments_before, comments_after,
        "no repeat comment for a run already filed"
    );
    for summary in &second.repos {
        assert!(summary.is_ok(), "{summary:?}");
    }
}

/// An issue's opener comes with GitHub's `author_association`, as a comment's author does:
/// eleven outsiders' labelled issues, newer than a maintainer's issue recording run 1, cost
/// no permission call, so the maintainer is still asked about and run 1 stays recorded.
#[tokio::test]
async fn outsiders_issues_cost_no_asks_and_cannot_crowd_out_a_maintainers_record() {
    use autoheal_github::fetch::trust::MAX_AUTHORS_ASKED;
    let fake = started(&["octo/a"]);
    fake.add_collaborator("octo/a", "maint", "write");
    failed_run(&fake, "octo/a", 1, "main", "2023-11-14T10:00:00Z");
    failed_run(&fake, "octo/a", 2, "main", "2023-11-14T11:00:00Z");
    let record = Record {
        fingerprint: "f".into(),
        run_id: 1,
        ..Record::default()
    };
    fake.set_now(Some("2023-11-14T12:00:00Z"));
    let own = fake.add_issue(
        "octo/a",
        SeedIssue {
            title: "CI failure".into(),
            body: format!("x\n{}", encode(&record)),
            labels: vec!["auto-heal".into(), "workflow-failure".into()],
            user: "maint".into(),
            ..SeedIssue::default()
        },
    );
    fake.set_now(Some("2023-11-14T12:30:00Z"));
    for i in 0..=MAX_AUTHORS_ASKED {
        fake.add_issue(
            "octo/a",
            SeedIssue {
                title: "CI failure".into(),
                body: "Please look".into(),
                labels: vec!["workflow-failure".into()],
                user: format!("mallory{i}"),
                ..SeedIssue::default()
            },
        );
    }
    fake.clear_requests();
    let (gh, _) = client(&fake);
    let recorder = Recorder::default();
    heal_many(
        &gh,
        &[name("octo/a")],
        &ManyOptions::new(time(SINCE)),
        recorder.action(),
    )
    .await;
    let works: Vec<Work> = recorder.calls().into_iter().map(|(_, w)| w).collect();
    assert_eq!(works, [Work::Issue { run_id: 1, issue: own }, Work::Run { run_id: 2 }]);
    let asked: Vec<String> = common::asked_about(&fake, "mallory");
    assert!(asked.is_empty(), "{asked:?}");
}

/// One pass reads a repository's history (the acceptance record every fixable run consults)
/// once, however many of its runs it files: two new fixable failures, one history listing.
#[tokio::test]
async fn one_pass_reads_a_repositorys_history_once() {
    let fake = started(&["octo/a"]);
    fake.set_now(Some("2023-11-14T22:00:00Z"));
    // Two different missing modules: two fingerprints, two new issues.
    let mut other = heal_fixtures::dependency(51);
    other.job_logs[0].1 = other.job_logs[0].1.replace("yaml", "toml");
    for scenario in [heal_fixtures::dependency(50), other] {
        let sha = heal_fixtures::seed(&fake, "octo/a", "main", &scenario);
        let mut run = heal_fixtures::run_json("octo/a", "main", &sha, &scenario);
        run["created_at"] = json!("2023-11-14T21:00:00Z");
        fake.add_run("octo/a", run);
    }
    let options = HealOptions {
        report: ReportOptions {
            now: Some(time("2023-11-14T22:30:00Z")),
            ..ReportOptions::default()
        },
    };
    let (gh, _) = client(&fake);
    fake.clear_requests();
    let summary = heal_many(
        &gh,
        &[name("octo/a")],
        &ManyOptions::new(time(SINCE)),
        heal_action(options),
    )
    .await;
    let repo = &summary.repos[0];
    assert_eq!((repo.healed, repo.errors), (2, 0), "{repo:?}");
    let history_listings = fake
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/issues") && r.query.as_deref().is_some_and(|q| q.contains("labels=auto-heal")))
        .count();
    assert_eq!(history_listings, 1);
}

/// `heal --many` reads the comments of at most `MAX_THREADS_READ` of the issues autoheal or
/// a writer opened in the window (the newest), and says so in the summary when there were
/// more.
#[tokio::test]
async fn recorded_runs_read_a_bounded_number_of_threads_and_say_so() {
    use autoheal_github::fetch::history::MAX_THREADS_READ;
    let fake = started(&["octo/a"]);
    failed_run(&fake, "octo/a", 1, "main", "2023-11-14T10:00:00Z");
    fake.set_now(Some("2023-11-14T12:30:00Z"));
    for i in 0..=MAX_THREADS_READ {
        fake.add_issue(
            "octo/a",
            SeedIssue {
                title: format!("[auto-heal] CI {i}"),
                body: "x".into(),
                labels: vec!["workflow-failure".into()],
                ..SeedIssue::default()
            },
        );
    }
    fake.clear_requests();
    let (gh, _) = client(&fake);
    let recorder = Recorder::default();
    let summary = heal_many(
        &gh,
        &[name("octo/a")],
        &ManyOptions::new(time(SINCE)),
        recorder.action(),
    )
    .await;
    let threads = fake
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/comments"))
        .count();
    assert_eq!(threads, MAX_THREADS_READ);
    let notes = &summary.repos[0].notes;
    assert!(
        notes
            .iter()
            .any(|n| n.contains(&format!("newest {MAX_THREADS_READ} of {}", MAX_THREADS_READ + 1))),
        "{notes:?}"
    );
    assert!(render_table(&summary).contains("octo/a: note: read the comments of the newest"));
}

/// A pass whose rule search GitHub held back past the search budget demotes every fixable
/// failure of the repository to an issue (review84 M1: a `never` may be unread), and the
/// summary said nothing of why no pull request was opened. Each run filed without one now
/// says why in the table, here the search limit.
#[tokio::test]
async fn a_pass_demoted_by_the_search_limit_says_why_in_the_summary() {
    use autoheal_github::fetch::history::MAX_RULE_PAGES;
    let fake = started(&["octo/a"]);
    fake.set_now(Some("2023-11-14T20:00:00Z"));
    let chat = fake.add_issue(
        "octo/a",
        SeedIssue {
            title: "chat".into(),
            user: "someone".into(),
            ..SeedIssue::default()
        },
    );
    // More comments than the rule window reads: the rules past it are searched for.
    for i in 0..=MAX_RULE_PAGES * 100 {
        fake.add_comment("octo/a", chat, "someone", &format!("hello {i}"));
    }
    fake.set_now(Some("2023-11-14T22:00:00Z"));
    let scenario = heal_fixtures::timeout(50);
    let sha = heal_fixtures::seed(&fake, "octo/a", "main", &scenario);
    let mut run = heal_fixtures::run_json("octo/a", "main", &sha, &scenario);
    run["created_at"] = json!("2023-11-14T21:00:00Z");
    fake.add_run("octo/a", run);
    fake.inject_fault(Some("GET"), "/search/issues", 1000, FaultKind::SecondaryLimitForbidden);
    let options = HealOptions {
        report: ReportOptions {
            now: Some(time("2023-11-14T22:30:00Z")),
            ..ReportOptions::default()
        },
    };
    let clock = common::VirtualTime::at(common::NOW);
    let gh = clock.client(&fake);
    let summary = heal_many(
        &gh,
        &[name("octo/a")],
        &ManyOptions::new(time(SINCE)),
        heal_action(options),
    )
    .await;
    let repo = &summary.repos[0];
    assert_eq!((repo.healed, repo.reported, repo.errors), (0, 1, 0), "{repo:?}");
    let table = render_table(&summary);
    assert!(
        table.contains(
            "octo/a: run 50: issue #2 without a pull request: autoheal could not read every `/autoheal never` rule"
        ) && table.contains("held back by GitHub's search rate limit"),
        "{table}"
    );
    let waited: u64 = clock.sleeps().iter().map(|d| d.as_secs()).sum();
    assert!(waited <= 300, "the pass's search budget: {waited} s");
}
