//! Rollback against the fake GitHub: a heal PR whose checks failed is closed with a comment,
//! its issue is labelled `needs-manual-fix`, and heal then refuses to stack another fix. Also
//! the two integrations in `report`: a failed run on a fix branch rolls back instead of filing,
//! and a fix type reviewers keep rejecting is filed as a `needs-manual-fix` suggestion.

use crate::common;
use crate::heal_fixtures;

use autoheal_fake_github::{FakeGithub, SeedIssue, SeedPull};
use autoheal_github::record::decode;
use autoheal_github::record::{Record, encode};
use autoheal_github::rollback::{rollback_branch, rollback_if_checks_failed};
use autoheal_github::text::demotion_note;
use autoheal_github::{HealOptions, HealOutcome, HealTarget, ReportOptions, ReportOutcome, heal, report};
use common::{REPO, client, fake, repo};
use heal_fixtures::{seed, seed_run, timeout};
use serde_json::json;

const BRANCH: &str = "autoheal/42-timeout";

/// An issue, a heal PR for it on `BRANCH`, and the check runs on the PR's head commit.
fn seeded(fake: &FakeGithub, checks: Vec<serde_json::Value>) -> (u64, u64) {
    let record = Record {
        version: 1,
        fingerprint: "ci|build|timeout|".into(),
        category: "timeout".into(),
        fix_type: Some("timeout-minutes".into()),
        run_id: 42,
        fixable: true,
        ..Record::default()
    };
    let issue = fake.add_issue(
        REPO,
        SeedIssue {
            title: "[auto-heal] CI: timeout in build".into(),
            body: format!("summary\n{}", encode(&record)),
            labels: vec!["auto-heal".into(), "workflow-failure".into()],
            ..SeedIssue::default()
        },
    );
    let sha = fake.commit_files(REPO, BRANCH, &[(".github/workflows/ci.yml", "on: push\n")], "fix");
    fake.set_check_runs(REPO, &sha, checks);
    let pull = fake.add_pull(
        REPO,
        SeedPull {
            title: "autoheal: raise the timeout".into(),
            body: format!("Fixes #{issue}\n\nRaises timeout-minutes."),
            head: BRANCH.into(),
            base: "main".into(),
            labels: vec!["auto-heal".into()],
            ..SeedPull::default()
        },
    );
    (issue, pull)
}

fn check(name: &str, conclusion: &str) -> serde_json::Value {
    json!({
        "id": 1,
        "name": name,
        "status": "completed",
        "conclusion": conclusion,
        "html_url": format!("https://github.com/octo/app/runs/{name}"),
    })
}

/// A commit is public: a fork pushes the heal PR's commit unchanged and opens a pull request,
/// whose run (without the repository's secrets) fails on that very commit. GitHub gives the
/// suite of a fork's push no `head_branch`; only the checks of the heal branch's own suites
/// decide a rollback.
#[tokio::test]
async fn a_forks_failed_checks_on_the_same_commit_do_not_roll_the_fix_back() {
    let fake = fake();
    let mut forks = check("test (fork)", "failure");
    forks["check_suite"] = json!({ "id": 2, "head_branch": null });
    let (_, pull) = seeded(&fake, vec![check("build", "success"), forks]);
    let (gh, _) = client(&fake);
    let rolled = rollback_if_checks_failed(&gh, &repo(), pull)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(rolled.is_none(), "{rolled:?}");
    assert!(fake.writes().is_empty(), "{:?}", fake.writes());
    // The heal branch's own failed check still rolls it back.
    let sha = fake.branch_sha(REPO, BRANCH).unwrap_or_default();
    let mut forks = check("test (fork)", "failure");
    forks["check_suite"] = json!({ "id": 2, "head_branch": null });
    fake.set_check_runs(REPO, &sha, vec![check("build", "failure"), forks]);
    let rolled = rollback_if_checks_failed(&gh, &repo(), pull)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the heal branch's build failed"));
    let names: Vec<&str> = rolled.failed_checks.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["build"]);
}

#[tokio::test]
async fn failed_checks_close_the_pr_label_the_issue_and_stop_heal() {
    let fake = fake();
    let (issue, pull) = seeded(&fake, vec![check("lint", "success"), check("build", "failure")]);
    let (gh, _) = client(&fake);

    let rolled = rollback_if_checks_failed(&gh, &repo(), pull)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the build check failed"));
    assert_eq!(rolled.pr, pull);
    assert_eq!(rolled.issues, [issue]);
    let names: Vec<&str> = rolled.failed_checks.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["build"]);

    let items = fake.issues(REPO);
    let pr_state = items.iter().find(|i| i.number == pull).map(|i| i.state.as_str());
    assert_eq!(pr_state, Some("closed"));
    let issue_labels = items.iter().find(|i| i.number == issue).map(|i| i.labels.clone());
    assert!(issue_labels.is_some_and(|l| l.contains(&"needs-manual-fix".to_string())));
    let pr_comments = fake.comments(REPO, pull);
    assert_eq!(pr_comments.len(), 1);
    assert!(
        pr_comments[0]
            .body
            .contains("- [`build`](https://github.com/octo/app/runs/build): failure"),
        "{}",
        pr_comments[0].body
    );
    assert!(!pr_comments[0].body.contains("lint"));
    assert!(
        pr_comments[0]
            .body
            .contains(&format!("#{issue} now labelled `needs-manual-fix`")),
        "{}",
        pr_comments[0].body
    );
    let issue_comments = fake.comments(REPO, issue);
    assert_eq!(issue_comments.len(), 1);
    assert!(
        issue_comments[0]
            .body
            .contains(&format!("The fix in #{pull} failed its checks"))
    );
    assert!(issue_comments[0].body.contains("Remove the `needs-manual-fix` label"));

    // A rerun (the monitor fires again) changes nothing.
    let writes = fake.writes().len();
    let again = rollback_if_checks_failed(&gh, &repo(), pull)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again, None);
    assert_eq!(fake.writes().len(), writes);

    // heal does not stack a second fix on the rolled-back issue.
    let healed = heal(&gh, &repo(), HealTarget::Issue(issue), &HealOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(&healed.outcome, HealOutcome::Skipped { reason, .. } if reason.contains("needs-manual-fix")),
        "{:?}",
        healed.outcome
    );
    assert_eq!(fake.writes().len(), writes, "heal wrote nothing");
}

/// A `needs-manual-fix` GitHub refuses (422 on `POST …/issues/{n}/labels`) failed the
/// rollback before the pull request was closed. The rollback goes on: the issue loses
/// `auto-heal` instead (heal leaves an issue without it alone as well), says so, and heal
/// stacks no second fix on it.
#[tokio::test]
async fn a_refused_needs_manual_fix_label_still_rolls_back_and_stops_heal() {
    let fake = fake();
    let (issue, pull) = seeded(&fake, vec![check("build", "failure")]);
    fake.refuse_label(REPO, "needs-manual-fix");
    let (gh, _) = client(&fake);
    let rolled = rollback_if_checks_failed(&gh, &repo(), pull)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the build check failed"));
    assert_eq!(rolled.issues, [issue]);
    let items = fake.issues(REPO);
    let state = |n: u64| {
        items
            .iter()
            .find(|i| i.number == n)
            .cloned()
            .unwrap_or_else(|| panic!("#{n}"))
    };
    assert_eq!(state(pull).state, "closed");
    assert_eq!(state(issue).labels, ["workflow-failure"]);
    let said: Vec<String> = fake.comments(REPO, issue).into_iter().map(|c| c.body).collect();
    assert!(
        said.iter()
            .any(|b| b.contains("GitHub refused the label(s) `needs-manual-fix` (422)") && b.contains("`auto-heal`")),
        "{said:?}"
    );
    // What the pull request and the issue say is what was done: the label GitHub refused is
    // not claimed, and the way back is adding `auto-heal`, not removing `needs-manual-fix`.
    let on_pull: Vec<String> = fake.comments(REPO, pull).into_iter().map(|c| c.body).collect();
    assert_eq!(on_pull.len(), 1, "{on_pull:?}");
    assert!(!on_pull[0].contains("now labelled `needs-manual-fix`"), "{on_pull:?}");
    assert!(
        on_pull[0].contains(&format!("#{issue} no longer labelled `auto-heal`")),
        "{on_pull:?}"
    );
    let rollback_note = said
        .iter()
        .find(|b| b.contains("failed its checks"))
        .unwrap_or_else(|| panic!("{said:?}"));
    assert!(
        !rollback_note.contains("Remove the `needs-manual-fix`"),
        "{rollback_note}"
    );
    assert!(rollback_note.contains("Add the `auto-heal` label"), "{rollback_note}");
    let healed = heal(&gh, &repo(), HealTarget::Issue(issue), &HealOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(&healed.outcome, HealOutcome::Skipped { reason, .. } if reason.contains("not labeled `auto-heal`")),
        "{:?}",
        healed.outcome
    );
}

#[tokio::test]
async fn passing_or_pending_checks_and_other_branches_leave_the_pr_alone() {
    let fake = fake();
    let pending = json!({ "id": 2, "name": "test", "status": "in_progress", "conclusion": null });
    let (_, pull) = seeded(
        &fake,
        vec![check("lint", "success"), pending, check("deploy", "cancelled")],
    );
    let (gh, _) = client(&fake);
    let outcome = rollback_if_checks_failed(&gh, &repo(), pull)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(outcome, None);
    let by_branch = rollback_branch(&gh, &repo(), BRANCH)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(by_branch, None);
    let other = rollback_branch(&gh, &repo(), "main")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(other, None);
    assert!(fake.writes().is_empty());
}

#[tokio::test]
async fn the_monitor_finds_the_pr_by_its_branch() {
    let fake = fake();
    let (issue, pull) = seeded(&fake, vec![check("build", "timed_out")]);
    let (gh, _) = client(&fake);
    let rolled = rollback_branch(&gh, &repo(), BRANCH)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rolled.map(|r| (r.pr, r.issues)), Some((pull, vec![issue])));
}

/// A failed run on the heal PR's own branch: `report` rolls the PR back and files nothing.
#[tokio::test]
async fn report_of_a_failed_fix_branch_run_rolls_back_instead_of_filing() {
    let fake = fake();
    let (issue, pull) = seeded(&fake, vec![check("build", "failure")]);
    let sha = fake
        .branch_sha(REPO, BRANCH)
        .unwrap_or_else(|| panic!("the fix branch exists"));
    seed_run(&fake, REPO, BRANCH, &sha, &timeout(60));
    let (gh, _) = client(&fake);
    let before = fake.issues(REPO).len();

    let outcome = report(&gh, &repo(), 60, &ReportOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let ReportOutcome::RolledBack { branch, rollback } = &outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(branch, BRANCH);
    assert_eq!((rollback.pr, rollback.issues.clone()), (pull, vec![issue]));
    let items = fake.issues(REPO);
    assert_eq!(items.len(), before, "no new issue for the fix's own failure");
    assert_eq!(
        items.iter().find(|i| i.number == pull).map(|i| i.state.as_str()),
        Some("closed")
    );
    let labels = items.iter().find(|i| i.number == issue).map(|i| i.labels.clone());
    assert!(labels.is_some_and(|l| l.contains(&"needs-manual-fix".to_string())));
    let pr_comments = fake.comments(REPO, pull);
    assert_eq!(pr_comments.len(), 1);
    assert!(pr_comments[0].body.contains("`build`"), "{}", pr_comments[0].body);

    // `heal --run-id` on the same run: the PR is closed already, so nothing is filed or pushed.
    let writes = fake.writes().len();
    let healed = heal(&gh, &repo(), HealTarget::Run(60), &HealOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(&healed.outcome, HealOutcome::Skipped { issue: None, reason } if reason.contains("second fix")),
        "{:?}",
        healed.outcome
    );
    assert_eq!(fake.writes().len(), writes);
    assert_eq!(fake.issues(REPO).len(), before);
}

#[tokio::test]
async fn heal_run_id_on_a_fix_branch_reports_the_rollback() {
    let fake = fake();
    let (issue, pull) = seeded(&fake, vec![check("build", "timed_out")]);
    let sha = fake
        .branch_sha(REPO, BRANCH)
        .unwrap_or_else(|| panic!("the fix branch exists"));
    seed_run(&fake, REPO, BRANCH, &sha, &timeout(61));
    let (gh, _) = client(&fake);
    let healed = heal(&gh, &repo(), HealTarget::Run(61), &HealOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(healed.report, Some(ReportOutcome::RolledBack { .. })));
    let HealOutcome::RolledBack { pull: closed, issues } = &healed.outcome else {
        panic!("{:?}", healed.outcome)
    };
    assert_eq!((*closed, issues.clone()), (pull, vec![issue]));
    assert_eq!(fake.issues(REPO).len(), 2, "only the seeded issue and PR");
}

/// A closed-unmerged heal PR whose hidden record names `fix_type`, under another fingerprint
/// (so the new report is not a repeat of it).
async fn rejected_pull(fake: &FakeGithub, gh: &autoheal_github::GitHub, run: u64, fix_type: &str) -> u64 {
    let record = Record {
        version: 1,
        fingerprint: format!(".github/workflows/other.yml|job{run}|{fix_type}|"),
        category: fix_type.into(),
        fix_type: Some(fix_type.into()),
        run_id: run,
        fixable: true,
        ..Record::default()
    };
    let issue = fake.add_issue(
        REPO,
        SeedIssue {
            title: format!("[auto-heal] other: {fix_type}"),
            body: format!("summary\n{}", encode(&record)),
            labels: vec!["auto-heal".into(), "workflow-failure".into()],
            ..SeedIssue::default()
        },
    );
    let pull = fake.add_pull(
        REPO,
        SeedPull {
            title: "autoheal: fix".into(),
            body: format!("Fixes #{issue}\n"),
            head: format!("autoheal/{run}-{fix_type}"),
            base: "main".into(),
            labels: vec!["auto-heal".into()],
            ..SeedPull::default()
        },
    );
    gh.close_pull(&repo(), pull).await.unwrap_or_else(|e| panic!("{e}"));
    gh.update_issue(&repo(), issue, None, None, Some("closed"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    pull
}

#[tokio::test]
async fn two_rejected_fixes_of_a_type_demote_the_next_report_to_a_suggestion() {
    let fake = fake();
    let (gh, _) = client(&fake);
    let first = rejected_pull(&fake, &gh, 1, "timeout").await;
    let second = rejected_pull(&fake, &gh, 2, "timeout").await;
    seed(&fake, REPO, "main", &timeout(50));

    let outcome = report(&gh, &repo(), 50, &ReportOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let ReportOutcome::Filed(filed) = &outcome else {
        panic!("{outcome:?}")
    };
    let why = filed
        .demoted
        .clone()
        .unwrap_or_else(|| panic!("two rejections reach the default threshold"));
    assert!(why.contains(&format!("#{first}, #{second}")), "{why}");
    assert!(filed.fixable && !filed.diff.is_empty());
    let created = fake
        .issues(REPO)
        .into_iter()
        .find(|i| i.number == filed.issue.number)
        .unwrap_or_else(|| panic!("the issue was filed"));
    assert_eq!(created.labels, ["workflow-failure", "needs-manual-fix"]);
    assert!(created.body.contains(&demotion_note(&why)), "{}", created.body);
    assert!(
        created
            .body
            .contains("-    timeout-minutes: 30\n+    timeout-minutes: 60\n"),
        "the diff is there as a suggestion: {}",
        created.body
    );
    assert_eq!(decode(&created.body).map(|r| r.run_id), Some(50));

    // heal leaves it to a person: no branch, no PR.
    let writes = fake.writes().len();
    let healed = heal(
        &gh,
        &repo(),
        HealTarget::Issue(filed.issue.number),
        &HealOptions::default(),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(&healed.outcome, HealOutcome::Skipped { reason, .. } if reason.contains("needs-manual-fix")),
        "{:?}",
        healed.outcome
    );
    assert_eq!(fake.writes().len(), writes);
}

#[tokio::test]
async fn the_repository_threshold_from_autoheal_yml_is_honoured() {
    let fake = fake();
    let (gh, _) = client(&fake);
    rejected_pull(&fake, &gh, 1, "timeout").await;
    rejected_pull(&fake, &gh, 2, "timeout").await;
    let mut scenario = timeout(50);
    scenario
        .files
        .push((".github/autoheal.yml", "rejection-threshold: 3\n"));
    seed(&fake, REPO, "main", &scenario);

    let outcome = report(&gh, &repo(), 50, &ReportOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let ReportOutcome::Filed(filed) = &outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(filed.demoted, None, "two rejections are below a threshold of 3");
    assert_eq!(
        filed.issue.labels.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(),
        ["auto-heal", "workflow-failure"]
    );

    // A third rejection reaches it.
    rejected_pull(&fake, &gh, 3, "timeout").await;
    gh.update_issue(&repo(), filed.issue.number, None, None, Some("closed"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut again = timeout(51);
    again.files.push((".github/autoheal.yml", "rejection-threshold: 3\n"));
    seed(&fake, REPO, "main", &again);
    let outcome = report(&gh, &repo(), 51, &ReportOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(&outcome, ReportOutcome::Filed(f) if f.demoted.as_deref().is_some_and(|w| w.contains("threshold is 3"))),
        "{outcome:?}"
    );
}

/// A fork may name its pull request's branch `autoheal/…` (and push autoheal's fix commit
/// unchanged): its failed run is the fork's, so it is reported like any fork's run, and the
/// heal PR on this repository's branch of that name stays open.
#[tokio::test]
async fn a_forks_run_on_a_branch_named_like_a_fix_branch_is_reported_not_rolled_back() {
    let fake = fake();
    let (_, pull) = seeded(&fake, vec![check("build", "failure")]);
    let sha = fake
        .branch_sha(REPO, BRANCH)
        .unwrap_or_else(|| panic!("the fix branch exists"));
    // The failure's files on the default branch; the run is the fork's, of the fix commit.
    seed(&fake, REPO, "main", &timeout(60));
    let mut run = heal_fixtures::run_json(REPO, BRANCH, &sha, &timeout(60));
    run["event"] = json!("pull_request");
    run["head_repository"] = json!({ "full_name": "mallory/app" });
    run["actor"] = json!({ "login": "mallory" });
    run["triggering_actor"] = json!({ "login": "mallory" });
    fake.add_run(REPO, run);
    let (gh, _) = client(&fake);
    let outcome = report(&gh, &repo(), 60, &ReportOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(&outcome, ReportOutcome::Filed(filed) if !filed.trusted),
        "{outcome:?}"
    );
    assert_eq!(
        fake.issues(REPO)
            .iter()
            .find(|i| i.number == pull)
            .map(|i| i.state.clone()),
        Some("open".to_string())
    );
    assert!(fake.comments(REPO, pull).is_empty());
}
