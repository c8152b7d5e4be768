//! The record `report` hides in every issue it files, the one record type of the crate.
//!
//! It says which run an issue is about and what the analysis found, so `stats`, learning,
//! dedupe and the multi-repository resume can read issues back without the logs. It is a
//! cache, never an instruction: an issue body is untrusted input (anyone can open an issue
//! that copies the format), so `heal` takes only the run id from it, re-reads that run through
//! the API, and uses the recorded failures only for an issue the bot itself opened whose
//! record matches the run (see `decide::cache`).

use autoheal_fixes::FailureInput;
use serde::{Deserialize, Serialize};

const MARKER: &str = "<!-- autoheal:analysis ";
const MARKER_END: &str = " -->";
/// Blocks larger than this are not parsed.
const MAX_BLOCK_BYTES: usize = 64 * 1024;
/// Failures kept in the block: the root cause and a few more, enough for a merged plan.
pub const MAX_RECORDED_FAILURES: usize = 5;
/// The format version written today.
pub const RECORD_VERSION: u32 = 2;

/// What `report` found about one failed run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub version: u32,
    /// The dedupe key: workflow path + job + category + subject (see [`fingerprint`]).
    pub fingerprint: String,
    pub workflow_path: String,
    pub job: String,
    pub category: String,
    pub subject: Option<String>,
    pub run_id: u64,
    pub run_attempt: u64,
    pub head_sha: String,
    /// The fix type proposed, if any (stats group merge rates by it).
    pub fix_type: Option<String>,
    pub fixable: bool,
    /// The workflow's `name:` (or its path when unnamed).
    pub workflow_name: String,
    /// Git blob sha of the workflow at `head_sha`: when the default branch still has the same
    /// blob, the recorded byte offsets are still valid.
    pub workflow_blob_sha: Option<String>,
    pub run_url: String,
    pub head_branch: Option<String>,
    pub failed_step: Option<String>,
    /// Neutralized evidence lines (already safe to quote).
    pub evidence: Vec<String>,
    /// The diagnosed failures (root cause first) as fix inputs.
    pub failures: Vec<FailureInput>,
}

impl Record {
    /// `autoheal/<run-id>-<category>`: the fix branch, stable across reruns.
    pub fn branch(&self) -> String {
        format!("autoheal/{}-{}", self.run_id, self.category)
    }
}

/// The dedupe key: workflow path + job + category + subject.
pub fn fingerprint(workflow_path: &str, job: &str, category: &str, subject: Option<&str>) -> String {
    format!("{workflow_path}|{job}|{category}|{}", subject.unwrap_or(""))
}

/// The hidden block. `<` and `>` are escaped inside the JSON so the comment cannot end early,
/// and `@` so no name in it can ever be read as a mention.
pub fn encode(record: &Record) -> String {
    let json = serde_json::to_string(record).unwrap_or_else(|_| "{}".to_string());
    let json = json
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('@', "\\u0040");
    // Invisible and bidirectional characters (a fork's job name, a log line) are written as
    // JSON escapes: the block is hidden from a reader but not from a language model reading the
    // raw body (the coding agent assigned to the issue), and they decode to the same record.
    let mut escaped = String::with_capacity(json.len());
    for c in json.chars() {
        if autoheal_engine::text::is_invisible_format(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                escaped.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            escaped.push(c);
        }
    }
    format!("{MARKER}{escaped}{MARKER_END}")
}

/// The last hidden block of `body`, if it parses.
pub fn decode(body: &str) -> Option<Record> {
    let start = body.rfind(MARKER)? + MARKER.len();
    let rest = body.get(start..)?;
    let json = rest.get(..rest.find(MARKER_END)?)?;
    if json.len() > MAX_BLOCK_BYTES {
        return None;
    }
    serde_json::from_str(json).ok()
}

#[cfg(test)]
mod tests {
    use autoheal_fixes::Category;
    use proptest::prelude::*;

    use super::*;

    fn record() -> Record {
        let mut failure = FailureInput::new(Category::Timeout, Some("--> <b>"));
        failure.timeout_minutes = Some(30);
        Record {
            version: RECORD_VERSION,
            fingerprint: fingerprint(".github/workflows/ci.yml", "build", "timeout", Some("--> <!-- x")),
            category: "timeout".into(),
            run_id: 42,
            workflow_name: "CI".into(),
            failures: vec![failure],
            ..Record::default()
        }
    }

    #[test]
    fn round_trips_even_with_comment_terminators_inside() {
        let body = format!("text\n{}\n", encode(&record()));
        assert!(!body.contains("--> <b>") && !body.contains("--> <!--"));
        assert_eq!(decode(&body), Some(record()));
        assert_eq!(record().branch(), "autoheal/42-timeout");
    }

    #[test]
    fn invisible_characters_are_escaped_in_the_block_and_round_trip() {
        // Hidden from a reader, but a language model reads the raw body.
        let mut r = record();
        r.job = "a\u{E0069}\u{E0067}\u{202E}\u{2028}b".into();
        let block = encode(&r);
        assert!(
            !block.chars().any(autoheal_engine::text::is_invisible_format),
            "{block}"
        );
        assert!(
            block.contains("a\\udb40\\udc69\\udb40\\udc67\\u202e\\u2028b"),
            "{block}"
        );
        assert_eq!(decode(&block), Some(r));
    }

    #[test]
    fn the_last_block_wins_and_garbage_or_partial_blocks_are_none() {
        let mut second = record();
        second.run_id = 8;
        let body = format!("{}\n{}", encode(&record()), encode(&second));
        assert_eq!(decode(&body).map(|r| r.run_id), Some(8));
        assert_eq!(decode("<!-- autoheal:analysis {not json -->"), None);
        assert_eq!(
            decode("<!-- autoheal:analysis {\"run_id\": 3} -->"),
            None,
            "fields missing"
        );
        assert_eq!(decode("no block"), None);
    }

    proptest! {
        #[test]
        fn decode_never_panics(body in ".{0,300}") {
            let _ = decode(&body);
        }

        #[test]
        fn any_strings_round_trip(job in ".{0,40}", subject in ".{0,40}") {
            let mut r = record();
            r.job = job;
            r.subject = Some(subject.clone());
            r.failures[0].subject = Some(subject);
            let body = format!("x {}", encode(&r));
            prop_assert_eq!(decode(&body), Some(r));
        }
    }
}
