//! Issue 13 against the fake GitHub: outsiders cannot choose what the bot commits. A fork's
//! failing run, or one triggered by someone without write access, gets an issue with the
//! analysis and no branch or PR; the policy comes from the default branch, not the run's
//! commit; a forged issue body cannot change what is committed; `/autoheal` comments from
//! non-collaborators are ignored.

use crate::common;
use crate::heal_fixtures;

use autoheal_fake_github::{FakeGithub, SeedIssue};
use autoheal_github::record::{Record, decode, encode};
use autoheal_github::{ClientConfig, Error, HealOptions, HealOutcome, HealTarget, ReportOutcome, heal};
use common::{REPO, client, client_with, config, fake, repo};
use heal_fixtures::{Scenario, WORKFLOW_PATH, dependency, run_json, seed, seed_run};
use serde_json::json;

/// A pull request's head branch, pushed from `fork`: the commit sits in the base repository
/// under the PR's ref, as GitHub keeps it.
const PR_BRANCH: &str = "refs-pull-7-head";

fn started() -> FakeGithub {
    let fake = fake();
    fake.set_now(Some("2023-11-14T22:00:00Z"));
    fake
}

async fn heal_ok(fake: &FakeGithub, target: HealTarget) -> autoheal_github::HealReport {
    let (gh, _) = client(fake);
    heal(&gh, &repo(), target, &HealOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

fn pulls(fake: &FakeGithub) -> usize {
    fake.issues(REPO).iter().filter(|i| i.head.is_some()).count()
}

fn fix_branches(fake: &FakeGithub) -> Vec<String> {
    fake.branches(REPO)
        .into_iter()
        .filter(|b| b.starts_with("autoheal/"))
        .collect()
}

/// Seeds the scenario's files on the default branch and its run as a pull request from
/// `fork` (or from this repository when `fork` is `None`), triggered by `actor`.
fn seed_pull_request_run(fake: &FakeGithub, scenario: &Scenario, fork: Option<&str>, actor: &str) {
    seed_run_of(fake, scenario, PR_BRANCH, "pull_request", fork.unwrap_or(REPO), actor);
}

/// Seeds the scenario's files on the default branch and its run of `event` on `branch`,
/// whose commit comes from `head_repository`, triggered by `actor`.
fn seed_run_of(fake: &FakeGithub, scenario: &Scenario, branch: &str, event: &str, head_repository: &str, actor: &str) {
    let sha = seed(fake, REPO, "main", scenario);
    let mut run = run_json(REPO, branch, &sha, scenario);
    run["event"] = json!(event);
    run["head_repository"] = json!({ "full_name": head_repository });
    run["actor"] = json!({ "login": actor });
    run["triggering_actor"] = json!({ "login": actor });
    seed_run(fake, REPO, "main", &sha, scenario);
    fake.add_run(REPO, run);
}

#[tokio::test]
async fn a_forks_failing_run_gets_an_issue_with_the_analysis_and_no_pr() {
    let fake = started();
    seed_pull_request_run(&fake, &dependency(42), Some("mallory/app"), "mallory");
    let healed = heal_ok(&fake, HealTarget::Run(42)).await;
    let Some(ReportOutcome::Filed(filed)) = &healed.report else {
        panic!("{healed:?}")
    };
    assert!(
        matches!(&healed.outcome, HealOutcome::Untrusted { issue: Some(n), reason } if *n == filed.issue.number && reason.contains("fork `mallory/app`")),
        "{:?}",
        healed.outcome
    );
    assert!(!filed.trusted && !filed.fixable && filed.diff.is_empty());
    let issue = &fake.issues(REPO)[0];
    assert_eq!(issue.labels, ["workflow-failure", "needs-manual-fix"]);
    assert!(
        issue.body.contains("ModuleNotFoundError: No module named 'yaml'"),
        "{}",
        issue.body
    );
    assert!(
        issue.body.contains("autoheal proposes no change for this run"),
        "{}",
        issue.body
    );
    assert!(!issue.body.contains("```diff"), "no diff from a fork: {}", issue.body);
    let record = decode(&issue.body).unwrap_or_else(|| panic!("the record is there"));
    assert!(!record.fixable && record.fix_type.is_none());
    assert_eq!(pulls(&fake), 0);
    assert!(fix_branches(&fake).is_empty());
    // Labeling the issue by hand does not make the fork's run heal either.
    fake.add_issue(
        REPO,
        SeedIssue {
            title: "copy".into(),
            body: issue.body.clone(),
            labels: vec!["auto-heal".into()],
            ..SeedIssue::default()
        },
    );
    let copy = fake.issues(REPO).last().map(|i| i.number).unwrap_or_default();
    let again = heal_ok(&fake, HealTarget::Issue(copy)).await;
    assert!(
        matches!(again.outcome, HealOutcome::Untrusted { .. }),
        "{:?}",
        again.outcome
    );
    assert_eq!(pulls(&fake), 0);
}

#[tokio::test]
async fn a_run_triggered_by_a_user_without_write_access_is_report_only() {
    let fake = started();
    fake.add_collaborator(REPO, "helper", "triage");
    seed_pull_request_run(&fake, &dependency(42), None, "helper");
    let healed = heal_ok(&fake, HealTarget::Run(42)).await;
    assert!(
        matches!(&healed.outcome, HealOutcome::Untrusted { reason, .. } if reason.contains("`helper`, who has read access")),
        "{:?}",
        healed.outcome
    );
    assert_eq!(pulls(&fake), 0);
    // A maintainer's run of the same failure is healed.
    let fake = started();
    fake.add_collaborator(REPO, "maint", "maintain");
    seed_pull_request_run(&fake, &dependency(43), None, "maint");
    let healed = heal_ok(&fake, HealTarget::Run(43)).await;
    assert!(
        matches!(healed.outcome, HealOutcome::Opened { .. }),
        "{:?}",
        healed.outcome
    );
}

/// The Copilot coding agent's pull request (its code written from a failure's log) waits for
/// a maintainer to approve its run: the maintainer starts the run, but the content is the
/// agent's, so the run is report-only like any run of someone else's content.
#[tokio::test]
async fn a_maintainer_approving_the_coding_agents_run_does_not_make_it_trusted() {
    let fake = started();
    fake.add_collaborator(REPO, "maint", "maintain");
    let scenario = dependency(42);
    let sha = seed(&fake, REPO, "main", &scenario);
    let mut run = run_json(REPO, "copilot/fix-42", &sha, &scenario);
    run["actor"] = json!({ "login": "Copilot" });
    run["triggering_actor"] = json!({ "login": "maint" });
    seed_run(&fake, REPO, "main", &sha, &scenario);
    fake.add_run(REPO, run);
    let healed = heal_ok(&fake, HealTarget::Run(42)).await;
    assert!(
        matches!(&healed.outcome, HealOutcome::Untrusted { reason, .. } if reason.contains("`Copilot`") && reason.contains("never a writer")),
        "{:?}",
        healed.outcome
    );
    assert_eq!(pulls(&fake), 0);
}

/// Seeds the scenario's run as one of `event` in this repository's own context (its head is
/// the default branch, as GitHub gives `pull_request_target` and `workflow_run` runs),
/// triggered by `actor`.
fn seed_base_context_run(fake: &FakeGithub, scenario: &Scenario, event: &str, actor: &str) {
    seed_run_of(fake, scenario, "main", event, REPO, actor);
}

#[tokio::test]
async fn a_maintainers_run_on_someone_elses_pull_request_or_comment_is_report_only() {
    // A maintainer labels a fork's pull request "safe to test" (`pull_request_target`, which
    // checks out the fork's head), re-runs a `workflow_run` follow-up of a fork's run, or
    // comments `/test` on it: the run is in this repository and its actor may write, but what
    // it printed came from the fork's code.
    for event in ["pull_request_target", "workflow_run", "issue_comment"] {
        let fake = started();
        fake.add_collaborator(REPO, "maint", "maintain");
        seed_base_context_run(&fake, &dependency(42), event, "maint");
        let healed = heal_ok(&fake, HealTarget::Run(42)).await;
        assert!(
            matches!(&healed.outcome, HealOutcome::Untrusted { reason, .. } if reason.contains(&format!("`{event}`"))),
            "{event}: {:?}",
            healed.outcome
        );
        assert_eq!(pulls(&fake), 0, "{event}");
        assert!(fix_branches(&fake).is_empty(), "{event}");
    }
    // The same maintainer's push, or a run they started by hand, is healed.
    for event in ["push", "workflow_dispatch"] {
        let fake = started();
        fake.add_collaborator(REPO, "maint", "maintain");
        seed_base_context_run(&fake, &dependency(42), event, "maint");
        let healed = heal_ok(&fake, HealTarget::Run(42)).await;
        assert!(
            matches!(healed.outcome, HealOutcome::Opened { .. }),
            "{event}: {:?}",
            healed.outcome
        );
    }
}

#[tokio::test]
async fn the_policy_is_read_from_the_default_branch_not_from_the_forks_commit() {
    // The fork's commit says "heal untrusted runs"; the default branch says nothing.
    let fake = started();
    let scenario = dependency(42);
    let sha = fake.commit_files(
        REPO,
        PR_BRANCH,
        &[
            (WORKFLOW_PATH, scenario.workflow),
            ("requirements.txt", "pytest\n"),
            (".github/autoheal.yml", "heal:\n  untrusted-runs: heal\n"),
        ],
        "the fork's commit",
    );
    fake.commit_files(REPO, "main", &[(WORKFLOW_PATH, scenario.workflow)], "main");
    seed_run(&fake, REPO, PR_BRANCH, &sha, &scenario);
    let mut run = run_json(REPO, PR_BRANCH, &sha, &scenario);
    run["head_repository"] = json!({ "full_name": "mallory/app" });
    fake.add_run(REPO, run);
    let healed = heal_ok(&fake, HealTarget::Run(42)).await;
    assert!(
        matches!(healed.outcome, HealOutcome::Untrusted { .. }),
        "{:?}",
        healed.outcome
    );
    assert_eq!(pulls(&fake), 0);
}

#[tokio::test]
async fn untrusted_runs_heal_or_off_change_the_route() {
    let fake = started();
    let scenario = healing_untrusted_runs(dependency(42));
    seed_pull_request_run(&fake, &scenario, Some("mallory/app"), "mallory");
    let healed = heal_ok(&fake, HealTarget::Run(42)).await;
    assert!(
        matches!(healed.outcome, HealOutcome::Opened { .. }),
        "{:?}",
        healed.outcome
    );

    let fake = started();
    let mut scenario = dependency(42);
    scenario
        .files
        .push((".github/autoheal.yml", "heal:\n  untrusted-runs: off\n"));
    seed_pull_request_run(&fake, &scenario, Some("mallory/app"), "mallory");
    let healed = heal_ok(&fake, HealTarget::Run(42)).await;
    assert!(
        matches!(&healed.report, Some(ReportOutcome::Skipped { reason }) if reason.contains("untrusted-runs: off")),
        "{:?}",
        healed.report
    );
    assert!(fake.issues(REPO).is_empty());
    assert!(fake.writes().is_empty());
}

/// An issue an outsider opened by copying the hidden block, with a package of their choice.
fn forged_issue(fake: &FakeGithub, run_id: u64, package: &str, author: &str, head_sha: &str) -> u64 {
    let mut failure = autoheal_fixes::FailureInput::new(autoheal_fixes::Category::MissingDependency, Some(package));
    failure.job = Some("test".into());
    let record = Record {
        version: 2,
        fingerprint: format!("{WORKFLOW_PATH}|test|missing_dependency|{package}"),
        workflow_path: WORKFLOW_PATH.into(),
        job: "test".into(),
        category: "missing_dependency".into(),
        subject: Some(package.into()),
        run_id,
        run_attempt: 1,
        head_sha: head_sha.into(),
        fixable: true,
        failures: vec![failure],
        ..Record::default()
    };
    fake.add_issue(
        REPO,
        SeedIssue {
            title: "[auto-heal] CI: missing_dependency in test".into(),
            body: format!("please fix\n{}", encode(&record)),
            labels: vec!["auto-heal".into(), "workflow-failure".into()],
            user: author.into(),
            ..SeedIssue::default()
        },
    )
}

#[tokio::test]
async fn a_forged_issue_body_cannot_change_what_is_committed() {
    let fake = started();
    fake.add_collaborator(REPO, "maint", "write");
    let sha = seed(&fake, REPO, "main", &dependency(42));
    // An outsider's issue (an issue form can set the labels for anyone) is no trigger: it
    // would let anyone heal a run whose issue a maintainer opted out (`needs-manual-fix`) or
    // whose fixes reviewers rejected, and tie the bot's pull request to the outsider's text.
    let issue = forged_issue(&fake, 42, "evil-package", "mallory", &sha);
    let healed = heal_ok(&fake, HealTarget::Issue(issue)).await;
    assert!(
        matches!(&healed.outcome, HealOutcome::Skipped { reason, .. } if reason.contains("opened by `mallory`, who cannot write")),
        "{:?}",
        healed.outcome
    );
    assert!(fake.writes().is_empty(), "{:?}", fake.writes());
    // A maintainer's copy heals, and only with what the run's logs call for.
    let issue = forged_issue(&fake, 42, "evil-package", "maint", &sha);
    let healed = heal_ok(&fake, HealTarget::Issue(issue)).await;
    let HealOutcome::Opened { branch, .. } = &healed.outcome else {
        panic!("{:?}", healed.outcome)
    };
    // The run's own logs were read again: the fix is the one the logs call for.
    let requirements = fake.file_at(REPO, branch, "requirements.txt").unwrap_or_default();
    assert_eq!(requirements, "pytest\nPyYAML\n");
    let everything: String = fake
        .branches(REPO)
        .iter()
        .filter_map(|b| fake.file_at(REPO, b, "requirements.txt"))
        .collect();
    assert!(!everything.contains("evil-package"));
    assert!(
        fake.requests()
            .iter()
            .any(|r| r.path == "/repos/octo/app/actions/runs/42/logs")
    );
}

/// Which account is autoheal is one login, never "any app": with the built-in token an issue
/// another installed app opened (an error tracker or ticket sync copying text) is no trigger;
/// with an App installation token, which cannot ask who it is, the App's login comes from
/// `AUTOHEAL_BOT_LOGIN`, and without it the App's own issue is skipped with a hint.
#[tokio::test]
async fn only_autoheals_own_app_login_counts_as_autoheal() {
    let fake = started();
    let sha = seed(&fake, REPO, "main", &dependency(42));
    let copied = forged_issue(&fake, 42, "requests", "tracker[bot]", &sha);
    let healed = heal_ok(&fake, HealTarget::Issue(copied)).await;
    assert!(
        matches!(&healed.outcome, HealOutcome::Skipped { reason, .. } if reason.contains("the app `tracker[bot]`, not by autoheal (`github-actions[bot]`)")),
        "{:?}",
        healed.outcome
    );
    assert!(fake.writes().is_empty(), "{:?}", fake.writes());

    let app = |login: Option<&str>| {
        let fake = started();
        fake.set_installation_login("heal-app[bot]");
        let sha = seed(&fake, REPO, "main", &dependency(42));
        let own = forged_issue(&fake, 42, "requests", "heal-app[bot]", &sha);
        let other = forged_issue(&fake, 42, "requests", "tracker[bot]", &sha);
        let gh = client_with(ClientConfig {
            bot_login: login.map(str::to_string),
            ..config(&fake)
        })
        .0;
        (fake, gh, own, other)
    };
    let (fake, gh, own, other) = app(Some("heal-app[bot]"));
    let healed = heal(&gh, &repo(), HealTarget::Issue(other), &HealOptions::default()).await;
    assert!(
        matches!(&healed, Ok(r) if matches!(&r.outcome, HealOutcome::Skipped { .. })),
        "{healed:?}"
    );
    let healed = heal(&gh, &repo(), HealTarget::Issue(own), &HealOptions::default()).await;
    assert!(
        matches!(&healed, Ok(r) if matches!(&r.outcome, HealOutcome::Opened { .. })),
        "{healed:?}"
    );
    assert_eq!(pulls(&fake), 1);

    let (fake, gh, own, _) = app(None);
    let healed = heal(&gh, &repo(), HealTarget::Issue(own), &HealOptions::default()).await;
    assert!(
        matches!(&healed, Ok(r) if matches!(&r.outcome, HealOutcome::Skipped { reason, .. } if reason.contains("AUTOHEAL_BOT_LOGIN"))),
        "{healed:?}"
    );
    assert!(fake.writes().is_empty(), "{:?}", fake.writes());
}

#[tokio::test]
async fn a_forged_issue_naming_a_run_of_another_repository_is_refused() {
    let fake = started();
    seed(&fake, REPO, "main", &dependency(42));
    fake.add_repo("mallory/app", "main");
    seed(&fake, "mallory/app", "main", &dependency(99));
    // Even a maintainer's issue naming it (an outsider's is no trigger at all).
    fake.add_collaborator(REPO, "maint", "write");
    let issue = forged_issue(&fake, 99, "evil-package", "maint", "");
    fake.clear_requests();
    let (gh, _) = client(&fake);
    let error = heal(&gh, &repo(), HealTarget::Issue(issue), &HealOptions::default())
        .await
        .err();
    assert!(matches!(&error, Some(Error::ForeignRun { run: 99, .. })), "{error:?}");
    assert!(fake.writes().is_empty());
}

/// review84 L3: `heal --issue` compared the run's repository with the configured name, but
/// GitHub names a renamed or transferred repository's runs by the new name (and serves the
/// API under the old one too): configured by its old name, every issue's own run was "a run
/// of another repository" and nothing was healed. The run is compared with the name GitHub
/// answers for the repository; another repository's run is still refused.
#[tokio::test]
async fn heal_issue_heals_a_renamed_repositorys_own_run_under_its_old_name() {
    let fake = started();
    seed(&fake, REPO, "main", &dependency(42));
    let (gh, _) = client(&fake);
    let reported = autoheal_github::report(&gh, &repo(), 42, &autoheal_github::ReportOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let ReportOutcome::Filed(filed) = reported else {
        panic!("{reported:?}")
    };
    fake.rename_repo(REPO, "octo-org/app2");
    let healed = heal_ok(&fake, HealTarget::Issue(filed.issue.number)).await;
    assert!(
        matches!(healed.outcome, HealOutcome::Opened { .. }),
        "{:?}",
        healed.outcome
    );
    assert_eq!(pulls(&fake), 1);
}

#[tokio::test]
async fn the_record_stands_in_for_expired_logs_only_in_the_bots_own_issue() {
    // The run exists but its logs are gone.
    let fake = started();
    let mut scenario = dependency(42);
    scenario.as_zip = false;
    scenario.job_logs.clear();
    scenario.annotations.clear();
    let sha = seed(&fake, REPO, "main", &scenario);
    // Someone else's copy naming that run (even a maintainer's): nothing is committed.
    fake.add_collaborator(REPO, "maint", "write");
    let forged = forged_issue(&fake, 42, "evil-package", "maint", &sha);
    let healed = heal_ok(&fake, HealTarget::Issue(forged)).await;
    assert!(
        matches!(&healed.outcome, HealOutcome::NoFix { reason, .. } if reason.contains("opened by `maint`, not by autoheal")),
        "{:?}",
        healed.outcome
    );
    assert!(fix_branches(&fake).is_empty());
    // An issue of `github-actions[bot]`, the login autoheal assumes when it cannot learn its
    // own (`GET /user` refused, no `AUTOHEAL_BOT_LOGIN`), which every workflow of the
    // repository writes as (one that copies an outsider's text into an issue included): its
    // record is not used.
    let shared = forged_issue(&fake, 42, "evil-package", "github-actions[bot]", &sha);
    let healed = heal_ok(&fake, HealTarget::Issue(shared)).await;
    assert!(
        matches!(&healed.outcome, HealOutcome::NoFix { reason, .. } if reason.contains("may be another workflow's")),
        "{:?}",
        healed.outcome
    );
    assert!(fix_branches(&fake).is_empty());
    // autoheal's own issue about the same run under a login of its own (a user token: the
    // fake opens issues as the token's user): its record is used.
    fake.set_token_login(Some("heal-user"));
    let own = forged_issue(&fake, 42, "PyYAML", "", &sha);
    let healed = heal_ok(&fake, HealTarget::Issue(own)).await;
    let HealOutcome::Opened { branch, .. } = &healed.outcome else {
        panic!("{:?}", healed.outcome)
    };
    assert_eq!(
        fake.file_at(REPO, branch, "requirements.txt").as_deref(),
        Some("pytest\nPyYAML\n")
    );
}

/// Heals the dependency failure after `who` commented `/autoheal never missing_dependency`
/// on an earlier failure issue (`maint` may write, anyone else may not).
async fn heal_after_never_from(who: &str) -> (FakeGithub, autoheal_github::HealReport) {
    let fake = started();
    fake.add_collaborator(REPO, "maint", "write");
    let earlier = fake.add_issue(
        REPO,
        SeedIssue {
            title: "[auto-heal] CI: earlier".into(),
            labels: vec!["workflow-failure".into()],
            ..SeedIssue::default()
        },
    );
    fake.add_comment(REPO, earlier, who, "/autoheal never missing_dependency");
    seed(&fake, REPO, "main", &dependency(42));
    let healed = heal_ok(&fake, HealTarget::Run(42)).await;
    (fake, healed)
}

#[tokio::test]
async fn comment_commands_from_non_collaborators_are_ignored() {
    let (_, healed) = heal_after_never_from("drive-by").await;
    assert!(
        matches!(healed.outcome, HealOutcome::Opened { .. }),
        "{:?}",
        healed.outcome
    );
    // The same words from a maintainer demote the next failure of the category.
    let (fake, healed) = heal_after_never_from("maint").await;
    let Some(ReportOutcome::Filed(filed)) = &healed.report else {
        panic!("{healed:?}")
    };
    assert!(
        filed.demoted.as_deref().is_some_and(|w| w.contains("@maint")),
        "{filed:?}"
    );
    assert_eq!(pulls(&fake), 0);
}

/// The scenario with `heal.untrusted-runs: heal` on the default branch.
fn healing_untrusted_runs(mut scenario: Scenario) -> Scenario {
    scenario
        .files
        .push((".github/autoheal.yml", "heal:\n  untrusted-runs: heal\n"));
    scenario
}

/// The dependency scenario, with the log naming a look-alike of `requests`.
fn look_alike(run_id: u64) -> Scenario {
    let mut scenario = dependency(run_id);
    for (_, text) in &mut scenario.job_logs {
        *text = text
            .replace("import yaml", "import reqeusts")
            .replace("'yaml'", "'reqeusts'");
    }
    scenario
}

#[tokio::test]
async fn a_look_alike_package_name_gets_no_pr_from_any_run() {
    // A maintainer's own run: reported as a likely typo, no fix.
    let fake = started();
    seed(&fake, REPO, "main", &look_alike(42));
    let healed = heal_ok(&fake, HealTarget::Run(42)).await;
    let Some(ReportOutcome::Filed(filed)) = &healed.report else {
        panic!("{healed:?}")
    };
    assert!(!filed.fixable && filed.diff.is_empty(), "{filed:?}");
    let issue = &fake.issues(REPO)[0];
    assert_eq!(issue.labels, ["workflow-failure", "needs-manual-fix"]);
    assert!(issue.body.contains("No module named 'reqeusts'"), "{}", issue.body);
    assert!(!issue.body.contains("```diff"), "{}", issue.body);
    assert_eq!(pulls(&fake), 0);
    assert!(fix_branches(&fake).is_empty());

    // A fork's run with `untrusted-runs: heal`: still nothing committed.
    let fake = started();
    let scenario = healing_untrusted_runs(look_alike(43));
    seed_pull_request_run(&fake, &scenario, Some("mallory/app"), "mallory");
    let healed = heal_ok(&fake, HealTarget::Run(43)).await;
    assert!(
        !matches!(healed.outcome, HealOutcome::Opened { .. } | HealOutcome::Updated { .. }),
        "{:?}",
        healed.outcome
    );
    assert_eq!(pulls(&fake), 0);
    assert!(fix_branches(&fake).is_empty());
}

/// The workflow of a fork's commit: it names Docker Hub secrets in a job of
/// its own; `main`'s workflow (`with_publish = false`) does not.
fn registry_workflow(with_publish: bool) -> &'static str {
    const BASE: &str = "name: CI\non: [push, pull_request]\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - name: Image\n        run: docker pull node:20\n      - name: Install\n        run: npm ci\n";
    const PUBLISH: &str = "name: CI\non: [push, pull_request]\njobs:\n  web:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - name: Image\n        run: docker pull node:20\n      - name: Install\n        run: npm ci\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n";
    if with_publish { PUBLISH } else { BASE }
}

/// A rate limit in step `step` of job `web` (log lines `lines`).
fn rate_limited(run_id: u64, step: &str, lines: &[&str]) -> Scenario {
    let id = run_id * 10 + 1;
    Scenario {
        run_id,
        workflow: registry_workflow(true),
        files: vec![("package.json", "{}"), ("package-lock.json", "{}")],
        run_conclusion: "failure",
        jobs: vec![json!({
            "id": id, "run_id": run_id, "name": "web", "status": "completed", "conclusion": "failure",
            "check_run_url": format!("https://api.github.com/repos/octo/app/check-runs/{id}"),
            "steps": [
                { "name": "Set up job", "number": 1, "conclusion": "success" },
                { "name": step, "number": 4, "conclusion": "failure" },
            ],
        })],
        job_logs: vec![(id, heal_fixtures::log(lines))],
        as_zip: false,
        annotations: vec![],
    }
}

/// A fork's run healed under `untrusted-runs: heal`: the fork's commit holds
/// Docker Hub secrets in its workflow and a lock file, `main` holds neither
/// (`main_like_fork = false`) or both. Returns the committed workflow.
async fn heal_forks_rate_limit(scenario: &Scenario, main_like_fork: bool) -> String {
    let (fake, run_id) = seed_forks_rate_limit(scenario, main_like_fork, true);
    let healed = heal_ok(&fake, HealTarget::Run(run_id)).await;
    let HealOutcome::Opened { branch, .. } = &healed.outcome else {
        panic!("{:?}", healed.outcome)
    };
    let committed = fake
        .file_at(REPO, branch, WORKFLOW_PATH)
        .unwrap_or_else(|| panic!("no workflow on {branch}"));
    // The issue shows the diff heal commits, not one made from the fork's files.
    let issue = &fake.issues(REPO)[0];
    let shown: String = issue
        .body
        .lines()
        .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
        .map(|l| format!("{}\n", &l[1..]))
        .collect();
    for line in shown.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            committed.contains(line),
            "the issue shows `{line}`, which heal did not commit:\n{}",
            issue.body
        );
    }
    committed
}

/// Seeds the fork's run of `scenario` (see [`heal_forks_rate_limit`]), with
/// `untrusted-runs: heal` on `main` when `heal_untrusted`.
fn seed_forks_rate_limit(scenario: &Scenario, main_like_fork: bool, heal_untrusted: bool) -> (FakeGithub, u64) {
    let fake = started();
    let fork_files = [
        (WORKFLOW_PATH, scenario.workflow),
        ("package.json", "{}"),
        ("package-lock.json", "{}"),
    ];
    let sha = fake.commit_files(REPO, PR_BRANCH, &fork_files, "the fork's commit");
    let mut main_files: Vec<(&str, &str)> = if main_like_fork {
        fork_files.to_vec()
    } else {
        vec![(WORKFLOW_PATH, registry_workflow(false)), ("package.json", "{}")]
    };
    if heal_untrusted {
        main_files.push((".github/autoheal.yml", "heal:\n  untrusted-runs: heal\n"));
    }
    fake.commit_files(REPO, "main", &main_files, "main");
    seed_run(&fake, REPO, PR_BRANCH, &sha, scenario);
    let mut run = run_json(REPO, PR_BRANCH, &sha, scenario);
    run["event"] = json!("pull_request");
    run["head_repository"] = json!({ "full_name": "mallory/app" });
    run["actor"] = json!({ "login": "mallory" });
    run["triggering_actor"] = json!({ "login": "mallory" });
    fake.add_run(REPO, run);
    (fake, scenario.run_id)
}

/// Everything a rate-limit fix writes besides the log's choice of service,
/// job and step comes from the default branch: secrets and lock files that
/// only a fork's commit has never reach the committed fix.
#[tokio::test]
async fn a_forks_rate_limit_is_fixed_from_the_default_branch_only() {
    let docker = rate_limited(
        44,
        "Image",
        &[
            "##[group]Run docker pull node:20",
            "docker pull node:20",
            "##[endgroup]",
            "Error response from daemon: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit",
            "##[error]Process completed with exit code 1.",
        ],
    );
    // By default a fork's rate limit is only reported: no diff, no branch.
    let (fake, run_id) = seed_forks_rate_limit(&docker, true, false);
    let healed = heal_ok(&fake, HealTarget::Run(run_id)).await;
    assert!(
        matches!(healed.outcome, HealOutcome::Untrusted { .. }),
        "{:?}",
        healed.outcome
    );
    assert!(fix_branches(&fake).is_empty() && pulls(&fake) == 0);
    assert!(!fake.issues(REPO)[0].body.contains("```diff"));

    let committed = heal_forks_rate_limit(&docker, false).await;
    assert!(
        committed.contains("if docker pull node:20; then break; else autoheal_status=$?; fi"),
        "{committed}"
    );
    assert!(!committed.contains("secrets."), "{committed}");
    // The same secrets on the default branch are the project's own.
    let committed = heal_forks_rate_limit(&docker, true).await;
    assert!(
        committed.contains("username: ${{ secrets.DOCKERHUB_USERNAME }}")
            && committed.contains("continue-on-error: true"),
        "{committed}"
    );

    let npm = rate_limited(
        45,
        "Install",
        &[
            "##[group]Run npm ci",
            "npm ci",
            "##[endgroup]",
            "npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/left-pad",
            "##[error]Process completed with exit code 1.",
        ],
    );
    let committed = heal_forks_rate_limit(&npm, false).await;
    assert!(
        committed.contains("if npm ci; then break; else autoheal_status=$?; fi"),
        "{committed}"
    );
    assert!(
        !committed.contains("cache: npm"),
        "the lock file is the fork's: {committed}"
    );
    assert!(heal_forks_rate_limit(&npm, true).await.contains("cache: npm"));
}

/// An app's account (`…[bot]`) and the Copilot coding agent are never writers, whatever
/// GitHub answers for them (the fake answers `write`): a push by Renovate or an app, or the
/// agent's pull request a maintainer approved, is someone else's content.
#[tokio::test]
async fn app_accounts_and_the_coding_agent_are_never_writers_whatever_github_answers() {
    for (actor, trigger) in [
        ("renovate[bot]", "renovate[bot]"),
        ("Copilot", "maint"),
        ("Copilot", "Copilot"),
        ("copilot-swe-agent[bot]", "copilot-swe-agent[bot]"),
        ("maint", "release-app[bot]"),
    ] {
        let fake = started();
        for login in [
            "maint",
            "renovate[bot]",
            "Copilot",
            "copilot-swe-agent[bot]",
            "release-app[bot]",
        ] {
            fake.add_collaborator(REPO, login, "write");
        }
        let scenario = dependency(42);
        let sha = seed(&fake, REPO, "main", &scenario);
        let mut run = run_json(REPO, "deps/update", &sha, &scenario);
        run["actor"] = json!({ "login": actor });
        run["triggering_actor"] = json!({ "login": trigger });
        seed_run(&fake, REPO, "main", &sha, &scenario);
        fake.add_run(REPO, run);
        let healed = heal_ok(&fake, HealTarget::Run(42)).await;
        let account = if trigger == "maint" { actor } else { trigger };
        assert!(
            matches!(&healed.outcome, HealOutcome::Untrusted { reason, .. } if reason.contains(&format!("`{account}`")) && reason.contains("never a writer")),
            "{actor} / {trigger}: {:?}",
            healed.outcome
        );
        assert_eq!(pulls(&fake), 0, "{actor} / {trigger}");
    }
}
