//! What kind of run this is: nothing to report (it passed, or a person cancelled it), a fix
//! of autoheal's own that broke the checks (roll it back), or a failure to report.

use super::rollback::own_heal_branch;
use crate::fetch::run::{RunEvidence, is_failed};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Triage {
    /// File nothing; the reason says why.
    Skip(String),
    /// The run failed on heal's own fix branch: roll its PR back instead of healing the fix.
    RollBack { branch: String },
    /// A failure to report.
    Report,
}

pub fn triage(evidence: &RunEvidence) -> Triage {
    let run = &evidence.run;
    if !is_failed(run.conclusion.as_deref()) {
        let conclusion = run.conclusion.as_deref().unwrap_or("unfinished");
        return Triage::Skip(format!("run {} concluded `{conclusion}`; nothing to report", run.id));
    }
    if evidence.is_manual_cancel() {
        return Triage::Skip(format!(
            "run {} was cancelled (no job timed out or failed); nothing to report",
            run.id
        ));
    }
    // Only this repository's own `autoheal/…` branch: a fork's branch of that name is the
    // fork's failure, reported (and judged) like any.
    match own_heal_branch(run) {
        Some(branch) => Triage::RollBack {
            branch: branch.to_string(),
        },
        None => Triage::Report,
    }
}
