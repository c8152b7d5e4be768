//! The fix pull request: opened once per branch, its title and body kept current.

use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::error::Result;
use crate::models::PullRequest;
use crate::text::{LABEL_AUTO_HEAL, opened_comment};

/// Opens the PR from `branch` into `base`, labels it and says so on the issue.
pub async fn open_pull(
    gh: &GitHub,
    repo: &RepoName,
    issue: u64,
    branch: &str,
    base: &str,
    title: &str,
    body: &str,
) -> Result<PullRequest> {
    let pull = gh.create_pull(repo, title, branch, base, body).await?;
    gh.add_labels(repo, pull.number, &[LABEL_AUTO_HEAL.to_string()]).await?;
    gh.create_comment(repo, issue, &opened_comment(pull.number, branch))
        .await?;
    Ok(pull)
}

/// Brings an open PR's title and body up to date; `(pull, changed)`.
pub async fn refresh_pull(
    gh: &GitHub,
    repo: &RepoName,
    pull: PullRequest,
    title: &str,
    body: &str,
) -> Result<(PullRequest, bool)> {
    let stale = pull.title != title || pull.body.as_deref() != Some(body);
    if !stale {
        return Ok((pull, false));
    }
    let updated = gh.update_pull(repo, pull.number, Some(title), Some(body), None).await?;
    Ok((updated, true))
}
