//! Whether `heal` may touch an issue at all: its labels, and the run its record names.

use crate::models::Issue;
use crate::record::decode;
use crate::text::{LABEL_AUTO_HEAL, LABEL_NEEDS_MANUAL_FIX};

/// Why heal leaves an issue alone, or `None` when it may go on.
pub fn skip_reason(issue: &Issue) -> Option<String> {
    let number = issue.number;
    if issue.has_label(LABEL_NEEDS_MANUAL_FIX) {
        return Some(format!(
            "issue #{number} is labeled `{LABEL_NEEDS_MANUAL_FIX}`; autoheal leaves it to a person"
        ));
    }
    if !issue.has_label(LABEL_AUTO_HEAL) {
        return Some(format!(
            "issue #{number} is not labeled `{LABEL_AUTO_HEAL}`; add the label to let autoheal fix it"
        ));
    }
    None
}

/// The run an issue's hidden record names: the only thing heal takes from an issue body.
/// Everything else is recomputed from that run.
pub fn named_run(issue: &Issue) -> Option<u64> {
    issue
        .body
        .as_deref()
        .and_then(decode)
        .map(|r| r.run_id)
        .filter(|id| *id > 0)
}
