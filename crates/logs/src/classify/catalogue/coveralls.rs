//! Coveralls' coverage reporter (coverallsapp/github-action v2 runs it).
//!
//! Sources: coverage-reporter's API client (`src/coverage_reporter/api`):
//! a refused upload is `⚠️ Bad response: {status} {body}` (the body is
//! Coveralls' JSON, `{"message":"Couldn't find a repository matching this
//! job.","error":true}` for a repository Coveralls does not know or a token
//! that does not match it), followed by `🚨 Oops! It looks like your request
//! was not processed by Coveralls.`; the action fails the step when
//! `fail-on-error` is true. The repository's Coveralls setup is a person's:
//! never fixed.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "coveralls/bad-response",
    grammar: "⚠️ Bad response: {status} {body}",
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
    (&c[1] != "429").then(|| {
        Hit::blocker("Coveralls refused the coverage upload (its answer names why: an unknown repository, a token).")
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
}
