//! Codecov's uploader, the codecov-cli that codecov/codecov-action runs (v4
//! and later).
//!
//! Source: codecov-cli's log format (`codecov_cli/helpers/logging_utils.py`:
//! `{level} - {YYYY-MM-DD HH:MM:SS,mmm} -- {message}`, the level in lower
//! case), with the API's refusal as the message's JSON (`Commit creating
//! failed: {"message":"Token required - not valid tokenless upload"}`,
//! `Upload failed: {…}`). A refusal whose JSON says it is a rate limit
//! (`"message":"Rate limit reached…"`) is left to the rate-limit entries,
//! which name the service; any other `429` in the line (a sha, a number) is
//! not one.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "codecov/cli-error",
    grammar: "error - {YYYY-MM-DD HH:MM:SS,mmm} -- {message} (codecov-cli, e.g. `Commit creating failed: \
              {\"message\":\"Token required - not valid tokenless upload\"}`)",
    needles: &["error - "],
    check: cli_error,
    examples: &[ex(
        "error - 2026-12-06 13:50:07,413 -- Upload failed: {\"message\":\"Token required - not valid tokenless upload\"}",
        Category::Unknown,
        None,
    )],
}];

fn cli_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^error - \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} -- (.+)$").captures(line.text.trim())?;
    let message = &c[1];
    let lower = message.to_ascii_lowercase();
    if refused_for_a_limit(message) {
        return None;
    }
    Some(Hit::blocker(
        if lower.contains("token required") || lower.contains("tokenless") {
            "Codecov refused the upload without a token (tokenless uploads are refused for this repository; a pull \
         request from a fork gets no secrets): a person sets CODECOV_TOKEN, or lets the upload fail without failing \
         the job (`fail_ci_if_error: false`)."
        } else {
            "Codecov's uploader failed (its message says why)."
        },
    ))
}

/// codecov-cli's `{action} failed: {response body}` whose body (Codecov's
/// API JSON) says the request was limited: its `message` or `detail` is
/// `Rate limit reached…` or `Too Many Requests`. Digits elsewhere (a commit
/// sha, a pull request number) say nothing about a limit.
fn refused_for_a_limit(message: &str) -> bool {
    regex!(r#"(?i)^[\w ]+ failed: \{.*"(?:message|detail)"\s*:\s*"(?:rate limit|too many requests)"#).is_match(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clis_error_lines_and_not_its_limits() {
        let hit = cli_error(&Line::plain(
            "error - 2026-02-10 09:57:54,047 -- Commit creating failed: {\"message\":\"Token required - not valid \
             tokenless upload\"}",
        ))
        .expect("read");
        assert!(hit.message.contains("CODECOV_TOKEN"));
        assert!(!hit.fixable);
        crate::classify::catalogue::assert_reads(
            cli_error,
            &["error - 2026-12-06 13:50:08,316 -- Upload failed: {\"detail\":\"Not valid tokenless upload\"}"],
            &[
                "error - 2026-12-06 13:50:08,316 -- Upload failed: {\"message\":\"Rate limit reached. Expected time \
                 to availability: 3276s.\"}",
                "info - 2026-12-06 13:50:07,118 -- ci service found: github-actions",
                "echo \"error - 2026-12-06 13:50:08,316 -- x\"",
            ],
        );
    }
}

#[cfg(test)]
mod anchored {
    use crate::classify::catalogue::Catalogue;
    use crate::classify::hit::Line;
    use crate::report::Category;

    fn decide(text: &str) -> Option<(&'static str, Category, bool)> {
        Catalogue::get()
            .classify(&Line::plain(text))
            .map(|hit| (hit.entry, hit.category, hit.fixable))
    }

    /// A `429` inside a commit sha, a report id or a line number is no
    /// refusal for a rate limit: codecov-cli's line is its own error.
    #[test]
    fn digits_429_elsewhere_in_codecovs_error_are_not_a_limit() {
        for text in [
            "error - 2026-12-06 13:50:08,316 -- Upload failed: {\"message\":\"Report for commit 9f2e4291ab0c not found\"}",
            "error - 2026-12-06 13:50:08,316 -- Commit creating failed: {\"detail\":\"Invalid pull request 1429\"}",
            "error - 2026-12-06 13:50:08,316 -- Upload failed: {\"message\":\"Token required\",\"line\":429}",
        ] {
            assert_eq!(
                decide(text),
                Some(("codecov/cli-error", Category::Unknown, false)),
                "{text}"
            );
        }
    }

    #[test]
    fn codecovs_own_limit_refusals_are_left_to_the_rate_limit_entries() {
        for text in [
            "error - 2026-12-06 13:50:08,316 -- Upload failed: {\"message\":\"Rate limit reached. Expected time to \
             availability: 3276s.\"}",
            "error - 2026-12-06 13:50:08,316 -- Upload failed: {\"message\":\"Too Many Requests\"}",
        ] {
            let got = decide(text);
            assert_ne!(got.map(|g| g.0), Some("codecov/cli-error"), "{text}: {got:?}");
        }
    }
}
