//! Rolling a failed fix back: label the issues it fixed `needs-manual-fix` (first, so heal
//! leaves them alone even if a later write fails; when GitHub refuses the label, take
//! `auto-heal` off instead, `act::issue::hand_to_a_person`), comment once on the PR and the issues,
//! close the PR.

use super::issue::{Handoff, comment_once, hand_to_a_person};
use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::error::Result;
use crate::text::{FailedCheck, ROLLBACK_MARKER, rollback_issue_comment, rollback_pull_comment};

pub async fn roll_back(
    gh: &GitHub,
    repo: &RepoName,
    pr: u64,
    head_sha: &str,
    issues: &[u64],
    failed: &[FailedCheck],
) -> Result<()> {
    // The comments are written after the labels, from what GitHub let autoheal do.
    let (mut labelled, mut unlabelled) = (Vec::new(), Vec::new());
    for &issue in issues {
        match hand_to_a_person(gh, repo, issue).await? {
            Handoff::ManualFixLabel => labelled.push(issue),
            Handoff::AutoHealRemoved => unlabelled.push(issue),
        }
    }
    let pull_text = rollback_pull_comment(head_sha, failed, &labelled, &unlabelled);
    comment_once(gh, repo, pr, ROLLBACK_MARKER, &pull_text).await?;
    gh.close_pull(repo, pr).await?;
    for &issue in issues {
        let text = rollback_issue_comment(pr, failed, labelled.contains(&issue));
        comment_once(gh, repo, issue, ROLLBACK_MARKER, &text).await?;
    }
    Ok(())
}
