//! The fix pull request: opened once per branch, its title and body kept current.

use super::issue::{add_labels, comment_once};
use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::error::{Error, Result};
use crate::models::PullRequest;
use crate::text::{LABEL_AUTO_HEAL, REFUSED_LABELS_MARKER, opened_comment, refused_pull_labels_comment};

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
    // A rerun finds this pull request open and only refreshes it: what a failure here (the
    // pass's time budget among them) leaves undone stays undone, so the error says what.
    let unfinished = |source: Error, left: String| Error::Unfinished {
        source: Box::new(source),
        left,
    };
    let refused = add_labels(gh, repo, pull.number, &[LABEL_AUTO_HEAL.to_string()])
        .await
        .map_err(|e| {
            let left = format!(
                "pull request #{} was opened but may lack the `{LABEL_AUTO_HEAL}` label (without it its reviews are not learned from) and issue #{issue} was not told of it; add both by hand",
                pull.number
            );
            unfinished(e, left)
        })?;
    let untold = |e: Error| {
        unfinished(
            e,
            format!(
                "pull request #{} was opened but issue #{issue} was not told of it",
                pull.number
            ),
        )
    };
    if !refused.is_empty() {
        // The pull request is worth keeping without its label; it says what that costs.
        comment_once(
            gh,
            repo,
            pull.number,
            REFUSED_LABELS_MARKER,
            &refused_pull_labels_comment(&refused),
        )
        .await
        .map_err(untold)?;
    }
    gh.create_comment(repo, issue, &opened_comment(pull.number, branch))
        .await
        .map_err(untold)?;
    Ok(pull)
}

/// GitHub's refusal of a second open pull request for the same head: 422 "Validation
/// Failed" with "A pull request already exists for owner:branch." in `errors[].message`
/// (the client's message joins both).
pub fn is_already_open(error: &Error) -> bool {
    matches!(error, Error::Api { status: 422, message, .. }
        if message.to_ascii_lowercase().contains("a pull request already exists"))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, message: &str) -> Error {
        Error::Api {
            method: "POST".into(),
            path: "/repos/o/r/pulls".into(),
            status,
            message: message.into(),
            invalid: Vec::new(),
        }
    }

    #[test]
    fn only_the_duplicate_refusal_is_already_open() {
        let duplicate = "Validation Failed (A pull request already exists for o:autoheal/1-x.)";
        assert!(is_already_open(&api(422, duplicate)));
        assert!(!is_already_open(&api(
            422,
            "Validation Failed (No commits between main and x)"
        )));
        assert!(!is_already_open(&api(403, duplicate)));
    }
}
