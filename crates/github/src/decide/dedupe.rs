//! Finding the open issue a new failure duplicates.

use chrono::{DateTime, Duration, Utc};

use crate::models::Issue;
use crate::record::{Record, decode};

/// How recent an issue must be to absorb a repeat failure.
pub const DEDUPE_WINDOW_HOURS: i64 = 24;

fn parse_time(raw: Option<&str>) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(raw?).ok().map(|t| t.with_timezone(&Utc))
}

/// Whether an open issue's hidden block has `fingerprint` (whoever wrote it).
fn has_fingerprint(issue: &Issue, fingerprint: &str) -> bool {
    issue
        .body
        .as_deref()
        .and_then(decode)
        .is_some_and(|record: Record| record.fingerprint == fingerprint)
}

/// The open issues that may absorb a new failure, newest first: those whose hidden block has
/// `fingerprint` and that were created or updated within 24 hours of `now`. Pass every page of
/// open `workflow-failure` issues. Anyone's issue may copy the block and carry the labels (an
/// issue form sets labels for anyone), and a duplicate absorbs the failure: its repeat is only
/// a comment there, and `heal` opens its pull request for that issue. So the caller takes the
/// first whose author may act on the repository (`fetch::trust::Vouching`).
pub fn duplicate_candidates<'a>(issues: &'a [Issue], fingerprint: &str, now: DateTime<Utc>) -> Vec<&'a Issue> {
    let cutoff = now - Duration::hours(DEDUPE_WINDOW_HOURS);
    let mut found: Vec<&Issue> = issues
        .iter()
        .filter(|issue| issue.state == "open" && !issue.is_pull_request())
        .filter(|issue| {
            let created = parse_time(Some(&issue.created_at));
            let updated = parse_time(Some(&issue.updated_at));
            created.into_iter().chain(updated).any(|t| t >= cutoff)
        })
        .filter(|issue| has_fingerprint(issue, fingerprint))
        .collect();
    found.sort_by_key(|issue| std::cmp::Reverse(issue.number));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::User;
    use crate::record::encode;

    fn issue(number: u64, fingerprint: &str, updated: &str, state: &str) -> Issue {
        let record = Record {
            fingerprint: fingerprint.into(),
            ..Record::default()
        };
        Issue {
            number,
            state: state.into(),
            body: Some(format!("x\n{}", encode(&record))),
            created_at: "2024-01-01T00:00:00Z".into(),
            updated_at: updated.into(),
            user: Some(User {
                login: "heal-bot".into(),
            }),
            ..Issue::default()
        }
    }

    #[test]
    fn matches_recent_open_issue_with_the_same_fingerprint() {
        let now = parse_time(Some("2024-01-05T12:00:00Z")).unwrap_or_default();
        let issues = vec![
            issue(1, "a", "2024-01-05T01:00:00Z", "open"),
            issue(2, "a", "2024-01-03T01:00:00Z", "open"),
            issue(3, "b", "2024-01-05T01:00:00Z", "open"),
            issue(4, "a", "2024-01-05T02:00:00Z", "closed"),
        ];
        let numbers = |found: Vec<&Issue>| found.iter().map(|i| i.number).collect::<Vec<_>>();
        assert_eq!(numbers(duplicate_candidates(&issues, "a", now)), vec![1]);
        assert_eq!(numbers(duplicate_candidates(&issues, "c", now)), Vec::<u64>::new());
        let later = parse_time(Some("2024-01-07T00:00:00Z")).unwrap_or_default();
        assert_eq!(numbers(duplicate_candidates(&issues, "a", later)), Vec::<u64>::new());
        let newer = issue(7, "a", "2024-01-05T03:00:00Z", "open");
        let issues = [issues, vec![newer]].concat();
        assert_eq!(numbers(duplicate_candidates(&issues, "a", now)), vec![7, 1]);
    }
}
