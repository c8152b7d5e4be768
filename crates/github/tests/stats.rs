//! `stats` against the fake GitHub: a seeded history across several pages, counted by hand.

use crate::common;

use autoheal_fake_github::{SeedIssue, SeedPull};
use autoheal_github::record::{Record, encode};
use autoheal_github::stats::stats;
use chrono::{DateTime, Utc};
use common::{REPO, client, fake, repo};

fn block(fingerprint: &str, fix_type: Option<&str>, run_id: u64) -> String {
    let record = Record {
        version: 1,
        fingerprint: fingerprint.into(),
        fix_type: fix_type.map(str::to_string),
        run_id,
        ..Record::default()
    };
    format!("A failure.\n\n{}", encode(&record))
}

fn seed_issue(fake: &autoheal_fake_github::FakeGithub, created: &str, body: String, labels: &[&str]) -> u64 {
    fake.add_issue(
        REPO,
        SeedIssue {
            title: "[auto-heal] CI: failure".into(),
            body,
            labels: labels.iter().map(|l| l.to_string()).collect(),
            created_at: created.into(),
            ..SeedIssue::default()
        },
    )
}

fn seed_pull(fake: &autoheal_fake_github::FakeGithub, created: &str, fixes: u64, labels: &[&str]) -> u64 {
    fake.add_pull(
        REPO,
        SeedPull {
            title: "autoheal: fix".into(),
            body: format!("Fixes #{fixes}\n\nThe fix."),
            head: format!("autoheal/{fixes}-fix"),
            base: "main".into(),
            labels: labels.iter().map(|l| l.to_string()).collect(),
            created_at: created.into(),
            ..SeedPull::default()
        },
    )
}

fn time(raw: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(raw)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

#[tokio::test]
async fn stats_of_a_seeded_history_across_pages() {
    let fake = fake();
    fake.set_page_size(2);
    // Issues: #1 timeout (fingerprint T), #2 dependency (D), #3 unfixable but filed with only
    // `workflow-failure` + `needs-manual-fix`, #4 a plain bug that is not auto-heal's.
    let t = seed_issue(
        &fake,
        "2024-03-01T00:00:00Z",
        block("T", Some("timeout"), 11),
        &["auto-heal", "workflow-failure"],
    );
    let d = seed_issue(
        &fake,
        "2024-03-02T00:00:00Z",
        block("D", Some("dependency"), 12),
        &["auto-heal", "workflow-failure"],
    );
    seed_issue(
        &fake,
        "2024-03-03T00:00:00Z",
        block("N", None, 13),
        &["workflow-failure", "needs-manual-fix"],
    );
    seed_issue(&fake, "2024-03-03T00:00:00Z", "a bug".into(), &["bug"]);
    // PRs: fixing T merged after 6 h, fixing D merged after 30 h, a second D attempt closed
    // unmerged, and an unlabelled PR that is not auto-heal's.
    let fix_t = seed_pull(&fake, "2024-03-01T01:00:00Z", t, &["auto-heal"]);
    fake.merge_pull(REPO, fix_t, "2024-03-01T06:00:00Z");
    let fix_d = seed_pull(&fake, "2024-03-02T01:00:00Z", d, &["auto-heal"]);
    fake.merge_pull(REPO, fix_d, "2024-03-03T06:00:00Z");
    seed_pull(&fake, "2024-03-02T02:00:00Z", d, &["auto-heal"]);
    let stray = seed_pull(&fake, "2024-03-02T03:00:00Z", d, &[]);
    fake.merge_pull(REPO, stray, "2024-03-02T04:00:00Z");
    // The second D PR was closed by hand.
    let closed = fake
        .issues(REPO)
        .into_iter()
        .filter(|i| i.head.is_some() && i.labels.contains(&"auto-heal".to_string()) && i.state == "open")
        .map(|i| i.number)
        .collect::<Vec<_>>();
    assert_eq!(closed.len(), 1);
    let (gh, _) = client(&fake);
    gh.update_pull(&repo(), closed[0], None, None, Some("closed"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // T failed again a day after its fix merged: `report` commented on the (still open) issue.
    fake.set_now(Some("2024-03-02T06:00:00Z"));
    fake.add_comment(
        REPO,
        t,
        "github-actions[bot]",
        "Failed again in https://github.com/octo/app/actions/runs/21",
    );

    let stats = stats(&gh, &repo(), None).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stats.issues_created, 3, "the plain bug is not counted");
    assert_eq!(
        (
            stats.prs_opened,
            stats.prs_merged,
            stats.prs_closed_unmerged,
            stats.prs_open
        ),
        (3, 2, 1, 0),
        "the unlabelled PR is not counted"
    );
    assert_eq!(stats.merge_rate, Some(0.67), "2 / (2 + 1)");
    // Issue to merge: T 00:00 -> 06:00 next = 6 h, D 03-02 00:00 -> 03-03 06:00 = 30 h.
    // Median of [6, 30] = 18; nearest-rank p90 = the 2nd of 2 = 30.
    assert_eq!(stats.median_hours_to_merge, Some(18.0));
    assert_eq!(stats.p90_hours_to_merge, Some(30.0));
    let dependency = stats.by_fix_type.get("dependency").cloned().unwrap_or_default();
    assert_eq!(
        (
            dependency.prs_opened,
            dependency.prs_merged,
            dependency.prs_closed_unmerged
        ),
        (2, 1, 1)
    );
    assert_eq!(dependency.merge_rate, Some(0.5));
    assert_eq!(stats.by_fix_type.get("none").map(|f| f.issues_created), Some(1));
    assert_eq!(
        stats.top_fingerprints.first().map(|f| (f.fingerprint.as_str(), f.runs)),
        Some(("T", 2))
    );
    assert_eq!(stats.recurred_after_fix, 1);
    assert_eq!(stats.recurrences[0].run_id, Some(21));
    assert_eq!(stats.recurrences[0].fixed_by_pr, fix_t);

    // Reads only: no writes beyond the one close above, and the listing followed every page.
    assert_eq!(fake.writes().len(), 1);
    let pages = fake
        .requests()
        .into_iter()
        .filter(|r| r.path == "/repos/octo/app/issues" && r.query_param("labels").as_deref() == Some("auto-heal"))
        .count();
    assert_eq!(pages, 3, "5 auto-heal items (2 issues, 3 PRs) at 2 a page");

    let recent = stats_since(&gh, "2024-03-02T00:00:00Z").await;
    assert_eq!((recent.issues_created, recent.prs_opened), (2, 2));
}

async fn stats_since(gh: &autoheal_github::GitHub, since: &str) -> autoheal_github::stats::Stats {
    stats(gh, &repo(), Some(time(since)))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn by_reviewer_counts_what_copilot_and_people_reviewed_and_whether_the_fix_changed_after() {
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "write");
    fake.set_now(Some("2024-02-01T00:00:00Z"));
    let issue = seed_issue(
        &fake,
        "2024-02-01T00:00:00Z",
        block("T", Some("timeout"), 1),
        &["auto-heal"],
    );
    // #a: Copilot commented, the fix was revised, a maintainer approved, merged.
    let a = seed_pull(&fake, "2024-02-01T01:00:00Z", issue, &["auto-heal"]);
    fake.commit_files(REPO, &format!("autoheal/{issue}-fix"), &[("f", "1")], "fix");
    fake.add_review(REPO, a, "copilot-pull-request-reviewer[bot]", "COMMENTED", "consider x");
    fake.commit_files(REPO, &format!("autoheal/{issue}-fix"), &[("f", "2")], "revised");
    fake.add_review(REPO, a, "maint", "APPROVED", "");
    fake.merge_pull(REPO, a, "2024-02-02T00:00:00Z");
    // #b: nobody reviewed; closed unmerged.
    let other = seed_issue(
        &fake,
        "2024-02-01T00:00:00Z",
        block("U", Some("timeout"), 2),
        &["auto-heal"],
    );
    let b = seed_pull(&fake, "2024-02-01T02:00:00Z", other, &["auto-heal"]);
    let (gh, _) = client(&fake);
    gh.close_pull(&repo(), b).await.unwrap_or_else(|e| panic!("{e}"));

    let computed = stats(&gh, &repo(), None).await.unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::to_value(&computed).unwrap_or_default();
    let copilot = &json["by_reviewer"]["copilot"];
    assert_eq!(
        (
            &copilot["prs_reviewed"],
            &copilot["commented"],
            &copilot["revised_after_review"],
            &copilot["merged"]
        ),
        (
            &serde_json::json!(1),
            &serde_json::json!(1),
            &serde_json::json!(1),
            &serde_json::json!(1)
        )
    );
    let person = &json["by_reviewer"]["person"];
    assert_eq!(
        (&person["approved"], &person["revised_after_review"]),
        (&serde_json::json!(1), &serde_json::json!(0))
    );
    let none = &json["by_reviewer"]["unreviewed"];
    assert_eq!(
        (&none["closed_unmerged"], &none["merge_rate"]),
        (&serde_json::json!(1), &serde_json::json!(0.0))
    );
    let text = autoheal_github::stats::render_human(&computed);
    assert!(text.contains("reviewed by"), "{text}");
}

/// An issue form labels an issue for anyone, and a hidden block is easy to copy: an outsider's
/// labelled issues are no part of autoheal's record, and what a record says reaches the
/// terminal without controls that reorder or hide text ("Trojan Source").
#[tokio::test]
async fn outsiders_labelled_issues_are_not_counted_and_print_no_bidi_controls() {
    use autoheal_github::stats::render_human;
    let fake = fake();
    seed_issue(
        &fake,
        "2024-03-01T00:00:00Z",
        block("ci|test|timeout|", Some("timeout"), 11),
        &["auto-heal", "workflow-failure"],
    );
    for i in 0..3 {
        fake.add_issue(
            REPO,
            SeedIssue {
                title: "[auto-heal] CI: failure".into(),
                body: block("ci|test|\u{202E}tuoemit|", Some("time\u{200B}out\u{2066}"), 20 + i),
                labels: vec!["auto-heal".into(), "workflow-failure".into()],
                created_at: "2024-03-02T00:00:00Z".into(),
                user: format!("mallory{i}"),
                ..SeedIssue::default()
            },
        );
    }
    let (gh, _) = client(&fake);
    let stats = stats(&gh, &repo(), None).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stats.issues_created, 1, "{stats:?}");
    assert!(
        stats
            .top_fingerprints
            .iter()
            .all(|f| f.fingerprint == "ci|test|timeout|"),
        "{:?}",
        stats.top_fingerprints
    );
    let shown = render_human(&stats);
    assert!(
        !shown.chars().any(autoheal_engine::text::is_invisible_format),
        "{shown:?}"
    );
}
