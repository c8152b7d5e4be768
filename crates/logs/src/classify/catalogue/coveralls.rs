//! Coveralls' coverage reporter (coverallsapp/github-action v2 runs it).
//!
//! Sources: coverage-reporter's API client (`src/coverage_reporter/api`):
//! a refused upload is `⚠️ Bad response: {status} {body}` (the body is
//! Coveralls' JSON, `{"message":"Couldn't find a repository matching this
//! job.","error":true}` for a repository Coveralls does not know or a token
//! that does not match it; a 5xx is Coveralls' own failure, which the
//! reporter's CLI answers for a 500 with `⚠️ Internal server error. Please
//! contact Coveralls team.`), followed by `🚨 Oops! It looks like your request
//! was not processed by Coveralls.`; the action fails the step when
//! `fail-on-error` is true. The repository's Coveralls setup is a person's:
//! never fixed.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "coveralls/bad-response",
    grammar: "⚠️ Bad response: {status} {body} (a 4xx refuses the upload; a 5xx is Coveralls' own failure)",
    needles: &["Bad response: "],
    check: bad_response,
    examples: &[ex(
        "⚠️ Bad response: 422 {\"message\":\"Couldn't find a repository matching this job.\",\"error\":true}",
        Category::Unknown,
        None,
    )],
}];

fn bad_response(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:⚠️\s*)?Bad response: ([45]\d\d)\b").captures(line.text.trim())?;
    // A 429 is a rate limit: left to the rate-limit entries (`http.rs`),
    // which come after this module.
    let status = &c[1];
    if status == "429" {
        return None;
    }
    // A 5xx is Coveralls' own failure, not a refusal of this repository's
    // upload: the reporter's CLI answers its 500 with "Internal server error.
    // Please contact Coveralls team." (`cli/cmd.cr`), and a 502-504 is its
    // front end's. Nothing in the repository's setup is at fault.
    Some(if status.starts_with('5') {
        Hit::blocker(format!(
            "Coveralls' own service failed the coverage upload (status {status}): not the repository's setup; run \
             the job again later."
        ))
    } else {
        Hit::blocker(format!(
            "Coveralls refused the coverage upload (status {status}; its answer names why: an unknown repository, a \
             token)."
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_upload() {
        crate::classify::catalogue::assert_reads(
            bad_response,
            &[
                "⚠️ Bad response: 422 {\"message\":\"Couldn't find a repository matching this job.\",\"error\":true}",
                "Bad response: 401 {\"message\":\"Unauthorized\"}",
            ],
            &[
                "Bad response: 200 OK",
                "echo Bad response: 422",
                "⚠️ Bad response: 429 {\"message\":\"Too many requests\"}",
            ],
        );
    }

    #[test]
    fn only_a_4xx_is_a_refusal_a_5xx_is_coveralls_own_failure() {
        let refused = bad_response(&Line::plain("⚠️ Bad response: 401 {\"message\":\"Unauthorized\"}")).expect("read");
        assert!(refused.message.contains("refused"), "{}", refused.message);
        for status in ["500", "502", "503", "504"] {
            let text = format!("⚠️ Bad response: {status} <html><body>Service Unavailable</body></html>");
            let hit = bad_response(&Line::plain(&text)).expect("read");
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
            assert!(!hit.message.contains("refused"), "{status}: {}", hit.message);
            assert!(!hit.message.contains("token"), "{status}: {}", hit.message);
            assert!(hit.message.contains("Coveralls' own"), "{status}: {}", hit.message);
        }
    }
}
