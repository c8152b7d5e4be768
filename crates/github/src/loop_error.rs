//! Errors of the report/heal loop: the client's errors plus the loop's own refusals.

use crate::error::Error;

/// What stopped `report` or `heal`.
#[derive(Debug, thiserror::Error)]
pub enum LoopError {
    #[error(transparent)]
    GitHub(#[from] Error),
    /// The logs could not be read (a corrupt zip, a bad annotations document).
    #[error("cannot analyze the run's logs: {0}")]
    Analysis(String),
    /// The issue was not filed by `autoheal report` (no hidden analysis block).
    #[error("issue #{issue} has no autoheal analysis block; heal only works on issues filed by `autoheal report`")]
    NoRecord { issue: u64 },
    /// The token may not change `.github/workflows/`: the patch was posted on the issue instead.
    #[error(
        "GitHub refused to push the fix for issue #{issue}: the token lacks the `workflows` permission \
         (the built-in GITHUB_TOKEN never has it). The patch was posted on the issue as a diff comment and \
         the issue was labeled needs-manual-fix; apply it by hand, or use a GitHub App or PAT token with \
         the workflows permission (see docs/ci-setup.md). GitHub said: {detail}"
    )]
    WorkflowsPermission { issue: u64, detail: String },
    /// Something about the repository makes the request impossible (no default branch...).
    #[error("{0}")]
    Invalid(String),
}

pub type LoopResult<T> = std::result::Result<T, LoopError>;
