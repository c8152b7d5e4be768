//! `compute` on a seeded history whose every number is worked out by hand below.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::fetch::history::ItemKind;
use crate::models::{Comment, User};
use crate::record::encode;

fn at(raw: &str) -> Option<DateTime<Utc>> {
    parse_time(Some(raw))
}

fn record(fingerprint: &str, fix_type: Option<&str>, run_id: u64) -> Record {
    Record {
        version: 1,
        fingerprint: fingerprint.into(),
        fix_type: fix_type.map(str::to_string),
        fixable: fix_type.is_some(),
        run_id,
        ..Record::default()
    }
}

fn issue(number: u64, created: &str, analysis: Option<Record>) -> Item {
    Item {
        number,
        kind: ItemKind::Issue,
        state: "open".into(),
        labels: vec!["auto-heal".into()],
        body: String::new(),
        created_at: at(created),
        closed_at: None,
        merged_at: None,
        analysis,
        fixes: Vec::new(),
    }
}

fn pull(number: u64, created: &str, fixes: u64, outcome: (&str, Option<&str>)) -> Item {
    Item {
        number,
        kind: ItemKind::Pull,
        state: outcome.0.into(),
        labels: vec!["auto-heal".into()],
        body: format!("Fixes #{fixes}"),
        created_at: at(created),
        closed_at: outcome.1.and_then(at),
        merged_at: outcome.1.and_then(at).filter(|_| outcome.0 == "merged"),
        analysis: None,
        fixes: vec![fixes],
    }
    .normalized()
}

impl Item {
    /// "merged" is shorthand for closed with a merge time.
    fn normalized(mut self) -> Item {
        if self.state == "merged" {
            self.state = "closed".into();
        }
        self
    }
}

fn comment(created: &str, body: &str) -> Comment {
    Comment {
        id: 1,
        body: Some(body.into()),
        user: Some(User {
            login: "github-actions[bot]".into(),
        }),
        created_at: created.into(),
        author_association: "NONE".into(),
        ..Comment::default()
    }
}

/// Fingerprint A (timeout), B (dependency), C (no fix), one issue without the block.
///
/// | #  | what                                   | created   | outcome                       |
/// |----|----------------------------------------|-----------|-------------------------------|
/// | 1  | issue A timeout, run 101               | 01-01 00h |                               |
/// | 2  | issue B dependency, run 102            | 01-02 00h |                               |
/// | 3  | issue C no fix, run 103                | 01-03 00h |                               |
/// | 4  | issue without block                    | 01-04 00h |                               |
/// | 5  | issue A timeout, run 105 (came back)   | 01-06 00h |                               |
/// | 10 | PR Fixes #1                            | 01-01 01h | merged 01-01 10h (10 h)       |
/// | 11 | PR Fixes #2                            | 01-02 01h | merged 01-03 12h (36 h)       |
/// | 12 | PR Fixes #4                            | 01-04 01h | closed unmerged               |
/// | 13 | PR Fixes #99 (absent), own block B2 dep| 01-05 00h | open                          |
/// | 14 | PR Fixes #5                            | 01-06 01h | closed unmerged               |
/// | 15 | PR Fixes #1                            | 01-01 12h | merged 01-02 00h (24 h)       |
///
/// Comments: on #1 at 01-01 05h a run link to run 150 (before any merge); on #2 at 01-05 a
/// run link to run 202 (after #11 merged: a recurrence); on #5 a hidden block for run 105
/// (the same run as the issue itself: counted once).
fn seeded() -> History {
    let mut own_block = pull(13, "2024-01-05T00:00:00Z", 99, ("open", None));
    own_block.analysis = Some(record("B2", Some("dependency"), 113));
    let items = vec![
        issue(1, "2024-01-01T00:00:00Z", Some(record("A", Some("timeout"), 101))),
        issue(2, "2024-01-02T00:00:00Z", Some(record("B", Some("dependency"), 102))),
        issue(3, "2024-01-03T00:00:00Z", Some(record("C", None, 103))),
        issue(4, "2024-01-04T00:00:00Z", None),
        issue(5, "2024-01-06T00:00:00Z", Some(record("A", Some("timeout"), 105))),
        pull(10, "2024-01-01T01:00:00Z", 1, ("merged", Some("2024-01-01T10:00:00Z"))),
        pull(11, "2024-01-02T01:00:00Z", 2, ("merged", Some("2024-01-03T12:00:00Z"))),
        pull(12, "2024-01-04T01:00:00Z", 4, ("closed", Some("2024-01-04T05:00:00Z"))),
        own_block,
        pull(14, "2024-01-06T01:00:00Z", 5, ("closed", Some("2024-01-06T02:00:00Z"))),
        pull(15, "2024-01-01T12:00:00Z", 1, ("merged", Some("2024-01-02T00:00:00Z"))),
    ];
    let mut comments = BTreeMap::new();
    comments.insert(
        1,
        vec![comment(
            "2024-01-01T05:00:00Z",
            "Failed again: https://github.com/o/r/actions/runs/150",
        )],
    );
    comments.insert(
        2,
        vec![comment(
            "2024-01-05T00:00:00Z",
            "Failed again: https://github.com/o/r/actions/runs/202/attempts/1",
        )],
    );
    comments.insert(
        5,
        vec![comment(
            "2024-01-06T00:30:00Z",
            &format!("same run\n{}", encode(&record("A", Some("timeout"), 105))),
        )],
    );
    History::new(items, comments)
}

fn fix_type(issues_created: u64, prs: (u64, u64, u64, u64), merge_rate: Option<f64>) -> FixTypeStats {
    FixTypeStats {
        issues_created,
        prs_opened: prs.0,
        prs_merged: prs.1,
        prs_closed_unmerged: prs.2,
        prs_open: prs.3,
        merge_rate,
    }
}

#[test]
fn whole_history_numbers_match_the_hand_count() {
    let stats = compute("o/r", &seeded(), None);
    assert_eq!(stats.issues_created, 5);
    // PRs 10..=15: merged 10, 11, 15; closed unmerged 12, 14; open 13.
    assert_eq!(
        (
            stats.prs_opened,
            stats.prs_merged,
            stats.prs_closed_unmerged,
            stats.prs_open
        ),
        (6, 3, 2, 1)
    );
    assert_eq!(stats.merge_rate, Some(0.6), "3 / (3 + 2)");
    // Hours to merge: 10, 24, 36 -> median 24, nearest-rank p90 = 3rd of 3 = 36.
    assert_eq!(stats.merged_with_issue, 3);
    assert_eq!(stats.median_hours_to_merge, Some(24.0));
    assert_eq!(stats.p90_hours_to_merge, Some(36.0));

    let mut expected = BTreeMap::new();
    // timeout: issues 1, 5; PRs 10 (merged), 14 (closed), 15 (merged): 2 / 3 = 0.67.
    expected.insert("timeout".to_string(), fix_type(2, (3, 2, 1, 0), Some(0.67)));
    // dependency: issue 2; PRs 11 (merged) and 13 (open, typed by its own block).
    expected.insert("dependency".to_string(), fix_type(1, (2, 1, 0, 1), Some(1.0)));
    // none: issue 3, analysed but unfixable.
    expected.insert("none".to_string(), fix_type(1, (0, 0, 0, 0), None));
    // unknown: issue 4 and PR 12 (its issue has no block).
    expected.insert("unknown".to_string(), fix_type(1, (1, 0, 1, 0), Some(0.0)));
    assert_eq!(stats.by_fix_type, expected);

    // Runs: A = 101, 150, 105 (the comment repeating 105 is the same run); B = 102, 202; C = 103.
    let top: Vec<(&str, u64, u64)> = stats
        .top_fingerprints
        .iter()
        .map(|f| (f.fingerprint.as_str(), f.runs, f.issues))
        .collect();
    assert_eq!(top, [("A", 3, 2), ("B", 2, 1), ("C", 1, 1)]);

    // B's run 202 came after #11 merged; A's run 105 after #15 (the later of #10 and #15).
    let recurred: Vec<(&str, u64, u64, Option<u64>)> = stats
        .recurrences
        .iter()
        .map(|r| (r.fingerprint.as_str(), r.fixed_by_pr, r.issue, r.run_id))
        .collect();
    assert_eq!(recurred, [("B", 11, 2, Some(202)), ("A", 15, 5, Some(105))]);
    assert_eq!(stats.recurred_after_fix, 2);
    assert_eq!(stats.recurrences[1].merged_at, "2024-01-02T00:00:00Z");
}

#[test]
fn since_counts_only_items_created_in_the_window() {
    let since = at("2024-01-03T00:00:00Z");
    let stats = compute("o/r", &seeded(), since);
    assert_eq!(stats.since.as_deref(), Some("2024-01-03T00:00:00Z"));
    // Issues 3, 4, 5; PRs 12 (closed), 13 (open), 14 (closed).
    assert_eq!(stats.issues_created, 3);
    assert_eq!(
        (
            stats.prs_opened,
            stats.prs_merged,
            stats.prs_closed_unmerged,
            stats.prs_open
        ),
        (3, 0, 2, 1)
    );
    assert_eq!(stats.merge_rate, Some(0.0));
    assert_eq!(stats.median_hours_to_merge, None);
    // Both repeat runs (01-05 and 01-06) are in the window; the fixes they follow are not.
    assert_eq!(stats.recurred_after_fix, 2);
}

#[test]
fn json_has_the_promised_keys() {
    let value = serde_json::to_value(compute("o/r", &seeded(), None)).unwrap_or_default();
    for key in [
        "issues_created",
        "prs_opened",
        "prs_merged",
        "prs_closed_unmerged",
        "prs_open",
        "merge_rate",
        "median_hours_to_merge",
        "by_fix_type",
    ] {
        assert!(value.get(key).is_some(), "missing {key}");
    }
    assert_eq!(value["by_fix_type"]["unknown"]["prs_closed_unmerged"], 1);
    let empty = serde_json::to_value(compute("o/r", &History::default(), None)).unwrap_or_default();
    assert!(empty["merge_rate"].is_null() && empty["median_hours_to_merge"].is_null());
}

#[test]
fn human_output_names_every_total_and_strips_control_characters() {
    let mut history = seeded();
    if let Some(first) = history.items.first_mut() {
        first.analysis = Some(record("evil\u{1b}[2J", Some("timeout"), 101));
    }
    let text = render_human(&compute("o/r", &history, None));
    assert!(text.contains("merge rate            60%"), "{text}");
    assert!(text.contains("median 24.0 h, p90 36.0 h (3 PRs)"), "{text}");
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn percentiles_use_nearest_rank() {
    let values: Vec<f64> = (1..=10).map(f64::from).collect();
    assert_eq!(percentile(&values, 90), Some(9.0));
    assert_eq!(percentile(&values[..1], 90), Some(1.0));
    assert_eq!(median(&values), Some(5.5));
    assert_eq!(median(&[]), None);
    assert_eq!(run_link_id("see https://x/o/r/actions/runs/77?check=1"), Some(77));
    assert_eq!(run_link_id("/actions/runs/ no id"), None);
    assert_eq!(
        run_link_id("The same failure happened again in run 31 on branch `main`"),
        Some(31)
    );
    assert_eq!(run_link_id("I saw run 31 too"), None);
}

proptest! {
    #[test]
    fn percentile_is_a_member_and_ordered(mut values in proptest::collection::vec(0.0f64..1e6, 1..50)) {
        values.sort_by(f64::total_cmp);
        let p50 = percentile(&values, 50).unwrap_or(f64::NAN);
        let p90 = percentile(&values, 90).unwrap_or(f64::NAN);
        prop_assert!(values.contains(&p90));
        prop_assert!(p50 <= p90);
    }
}
