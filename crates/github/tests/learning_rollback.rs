//! Rollback against the fake GitHub: a heal PR whose checks failed is closed with a comment,
//! its issue is labelled `needs-manual-fix`, and heal then refuses to stack another fix.

mod common;

use autoheal_fake_github::{FakeGithub, SeedIssue, SeedPull};
use autoheal_github::issue_text::{AnalysisRecord, encode_analysis};
use autoheal_github::rollback::{rollback_branch, rollback_if_checks_failed};
use autoheal_github::{HealOptions, HealOutcome, HealTarget, heal};
use common::{REPO, client, fake, repo};
use serde_json::json;

const BRANCH: &str = "autoheal/42-timeout";

/// An issue, a heal PR for it on `BRANCH`, and the check runs on the PR's head commit.
fn seeded(fake: &FakeGithub, checks: Vec<serde_json::Value>) -> (u64, u64) {
    let record = AnalysisRecord {
        version: 1,
        fingerprint: "ci|build|timeout|".into(),
        category: "timeout".into(),
        fix_type: Some("timeout-minutes".into()),
        run_id: 42,
        fixable: true,
        ..AnalysisRecord::default()
    };
    let issue = fake.add_issue(
        REPO,
        SeedIssue {
            title: "[auto-heal] CI: timeout in build".into(),
            body: format!("summary\n{}", encode_analysis(&record)),
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
    let issue_comments = fake.comments(REPO, issue);
    assert_eq!(issue_comments.len(), 1);
    assert!(
        issue_comments[0]
            .body
            .contains(&format!("The fix in #{pull} failed its checks"))
    );

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
