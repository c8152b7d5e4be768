//! Finding the open issue a new failure duplicates.

use chrono::{DateTime, Duration, Utc};

use crate::models::Issue;
use crate::record::decode;

/// How recent an issue must be to absorb a repeat failure.
pub const DEDUPE_WINDOW_HOURS: i64 = 24;

fn parse_time(raw: Option<&str>) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(raw?).ok().map(|t| t.with_timezone(&Utc))
}

/// The newest open issue whose hidden block has `fingerprint` and that was created or
/// updated within 24 hours of `now`. Pass every page of open `auto-heal` issues.
pub fn find_duplicate<'a>(issues: &'a [Issue], fingerprint: &str, now: DateTime<Utc>) -> Option<&'a Issue> {
    let cutoff = now - Duration::hours(DEDUPE_WINDOW_HOURS);
    issues
        .iter()
        .filter(|issue| issue.state == "open" && !issue.is_pull_request())
        .filter(|issue| {
            let created = parse_time(Some(&issue.created_at));
            let updated = parse_time(Some(&issue.updated_at));
            created.into_iter().chain(updated).any(|t| t >= cutoff)
        })
        .filter(|issue| {
            issue
                .body
                .as_deref()
                .and_then(decode)
                .is_some_and(|record| record.fingerprint == fingerprint)
        })
        .max_by_key(|issue| issue.number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Record, encode};

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
        assert_eq!(find_duplicate(&issues, "a", now).map(|i| i.number), Some(1));
        assert_eq!(find_duplicate(&issues, "c", now).map(|i| i.number), None);
        let later = parse_time(Some("2024-01-07T00:00:00Z")).unwrap_or_default();
        assert_eq!(find_duplicate(&issues, "a", later).map(|i| i.number), None);
    }
}
