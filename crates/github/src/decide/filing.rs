//! What the issue for a diagnosed run says and how it is labeled: a fix for heal to turn into
//! a pull request, a suggestion reviewers' history demoted, an analysis of an untrusted run,
//! or a failure that needs a person.

use super::trust::Route;
use crate::analyze::Diagnosis;
use crate::text::{
    LABEL_AUTO_HEAL, LABEL_NEEDS_MANUAL_FIX, LABEL_WORKFLOW_FAILURE, demotion_note, prose, untrusted_note,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueKind {
    /// A verified fix; the `auto-heal` label lets heal open the pull request.
    Fix,
    /// A fix reviewers keep rejecting: shown as a suggestion, no pull request.
    Demoted { note: String },
    /// The run is not trusted: the analysis only, no diff.
    Untrusted { note: String },
    /// No fix; why, one reason a line.
    Manual { reasons: Vec<String> },
}

impl IssueKind {
    pub fn labels(&self) -> Vec<String> {
        match self {
            IssueKind::Fix => vec![LABEL_AUTO_HEAL.into(), LABEL_WORKFLOW_FAILURE.into()],
            _ => vec![LABEL_WORKFLOW_FAILURE.into(), LABEL_NEEDS_MANUAL_FIX.into()],
        }
    }

    /// Whether the issue offers a change (as a fix or a suggestion).
    pub fn shows_diff(&self) -> bool {
        matches!(self, IssueKind::Fix | IssueKind::Demoted { .. })
    }
}

/// The issue for `diagnosis`, given its route and whether reviewers demoted the fix.
pub fn issue_kind(diagnosis: &Diagnosis, route: &Route, demoted: Option<&str>) -> IssueKind {
    if let Route::ReportOnly(why) = route {
        let mut note = untrusted_note(why);
        // The note replaces the reasons, so it says why the workflow was not read too.
        if let Some(unread) = &diagnosis.workflow_unread {
            note.push_str(&format!("\n\n{}.", prose(unread)));
        }
        return IssueKind::Untrusted { note };
    }
    if !diagnosis.record.fixable {
        return IssueKind::Manual {
            reasons: manual_reasons(diagnosis),
        };
    }
    match demoted {
        Some(why) => IssueKind::Demoted {
            note: demotion_note(why),
        },
        None => IssueKind::Fix,
    }
}

fn manual_reasons(diagnosis: &Diagnosis) -> Vec<String> {
    if let Some(why) = &diagnosis.workflow_unread {
        return vec![format!("{why}, so no fix was generated")];
    }
    diagnosis.proposal.reasons()
}
