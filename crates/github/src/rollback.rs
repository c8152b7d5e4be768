//! Rollback: when the checks on a heal PR fail, the fix did not work. Close the PR with a
//! comment naming the failed checks and mark the issue `needs-manual-fix`, so `heal` stops
//! (it skips such issues) instead of stacking a second fix on top.

use serde::Serialize;

use crate::act;
use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::decide::rollback::{failed_checks, is_heal_branch, is_open_heal_pull, own_branch_checks};
use crate::error::Result;
use crate::fetch::history::closing_references;
use crate::text::FailedCheck;

/// What a rollback did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rollback {
    pub pr: u64,
    pub head_sha: String,
    /// The issues the PR was fixing, now labelled `needs-manual-fix` (or, where GitHub
    /// refused that label, no longer labelled `auto-heal`).
    pub issues: Vec<u64>,
    pub failed_checks: Vec<FailedCheck>,
}

/// When the open heal PR `pr` has failed checks on its head commit: labels the issues it
/// fixes `needs-manual-fix` (or takes `auto-heal` off one GitHub refuses it on), comments on the PR and the issues (once), and closes the PR.
/// `Ok(None)` when the PR is not open, not a heal PR, or no check failed (yet).
pub async fn rollback_if_checks_failed(gh: &GitHub, repo: &RepoName, pr: u64) -> Result<Option<Rollback>> {
    // Fetch the PR, decide it is heal's and open.
    let pull = gh.get_pull(repo, pr).await?;
    if !is_open_heal_pull(&pull) {
        return Ok(None);
    }
    // Fetch its checks, decide whether any of its own branch's failed (a fork can add failed
    // checks to the same commit).
    let runs = gh.list_check_runs(repo, &pull.head.sha).await?;
    if runs.is_empty() {
        return Ok(None);
    }
    let suites = gh.list_check_suites(repo, &pull.head.sha).await?;
    let failed = failed_checks(&own_branch_checks(&runs, &suites, &pull.head.name));
    if failed.is_empty() {
        return Ok(None);
    }
    let issues = closing_references(pull.body.as_deref().unwrap_or_default());
    // Act.
    act::rollback::roll_back(gh, repo, pr, &pull.head.sha, &issues, &failed).await?;
    Ok(Some(Rollback {
        pr,
        head_sha: pull.head.sha,
        issues,
        failed_checks: failed,
    }))
}

/// [`rollback_if_checks_failed`] for the open heal PR whose head is `branch`: what the monitor
/// calls when a run on an `autoheal/...` branch fails. `Ok(None)` for other branches.
pub async fn rollback_branch(gh: &GitHub, repo: &RepoName, branch: &str) -> Result<Option<Rollback>> {
    if !is_heal_branch(branch) {
        return Ok(None);
    }
    let pulls = gh.list_pulls_by_head(repo, branch).await?;
    let Some(open) = pulls.iter().find(|p| p.state == "open") else {
        return Ok(None);
    };
    rollback_if_checks_failed(gh, repo, open.number).await
}
