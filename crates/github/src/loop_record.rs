//! The hidden block `report` writes and `heal` reads back: the shared [`AnalysisRecord`]
//! (which `stats` and dedupe read with [`crate::issue_text::decode_analysis`]) plus what heal
//! needs to regenerate the fix without the logs.

use autoheal_fixes::FailureInput;
use serde::{Deserialize, Serialize};

use crate::issue_text::AnalysisRecord;

const MARKER: &str = "<!-- autoheal:analysis ";
const MARKER_END: &str = " -->";
/// Blocks larger than this are not parsed (the same bound as `decode_analysis`).
const MAX_BLOCK_BYTES: usize = 64 * 1024;
/// Failures kept in the block: the root cause and a few more, enough for a merged plan.
pub const MAX_RECORDED_FAILURES: usize = 5;

/// Everything heal needs, hidden in the issue body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HealRecord {
    #[serde(flatten)]
    pub analysis: AnalysisRecord,
    /// The workflow's `name:` (or its path when unnamed).
    pub workflow_name: String,
    /// Git blob sha of the workflow at `head_sha`: when the default branch still has the same
    /// blob, the recorded byte offsets are still valid.
    pub workflow_blob_sha: Option<String>,
    pub run_url: String,
    pub head_branch: Option<String>,
    pub failed_step: Option<String>,
    /// Neutralized evidence lines (already safe to quote), for the PR body.
    pub evidence: Vec<String>,
    /// The diagnosed failures (root cause first) as fix inputs.
    pub failures: Vec<FailureInput>,
}

impl HealRecord {
    /// `autoheal/<run-id>-<category>`: the fix branch, stable across reruns.
    pub fn branch(&self) -> String {
        format!("autoheal/{}-{}", self.analysis.run_id, self.analysis.category)
    }
}

/// The hidden block. `<` and `>` are escaped inside the JSON so the comment cannot end early,
/// and `@` so no name in it can ever be read as a mention.
pub fn encode_record(record: &HealRecord) -> String {
    let json = serde_json::to_string(record).unwrap_or_else(|_| "{}".to_string());
    let json = json
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('@', "\\u0040");
    format!("{MARKER}{json}{MARKER_END}")
}

/// The last hidden block of `body`, if it parses.
pub fn decode_record(body: &str) -> Option<HealRecord> {
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
    use crate::issue_text::{decode_analysis, fingerprint};

    fn record() -> HealRecord {
        let mut failure = FailureInput::new(Category::Timeout, Some("--> <b>"));
        failure.timeout_minutes = Some(30);
        HealRecord {
            analysis: AnalysisRecord {
                version: 1,
                fingerprint: fingerprint(".github/workflows/ci.yml", "build", "timeout", None),
                category: "timeout".into(),
                run_id: 42,
                ..AnalysisRecord::default()
            },
            workflow_name: "CI".into(),
            failures: vec![failure],
            ..HealRecord::default()
        }
    }

    #[test]
    fn round_trips_and_stays_readable_as_an_analysis_record() {
        let body = format!("text\n{}\n", encode_record(&record()));
        assert!(!body.contains("--> <b>"));
        assert_eq!(decode_record(&body), Some(record()));
        assert_eq!(decode_analysis(&body), Some(record().analysis));
        assert_eq!(record().branch(), "autoheal/42-timeout");
    }

    proptest! {
        #[test]
        fn decode_never_panics(body in ".{0,300}") {
            let _ = decode_record(&body);
        }

        #[test]
        fn any_strings_round_trip(job in ".{0,40}", subject in ".{0,40}") {
            let mut r = record();
            r.analysis.job = job;
            r.failures[0].subject = Some(subject);
            let body = format!("x {}", encode_record(&r));
            prop_assert_eq!(decode_record(&body), Some(r));
        }
    }
}
