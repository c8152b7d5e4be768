//! Fix branches: commit files on top of a parent through the Git Data API, and tell whether a
//! branch already holds exactly a fix (so a rerun writes nothing).

use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::error::{Error, Result};
use crate::models::TreeEntry;

/// What pushing a fix did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pushed {
    /// The branch points at a new commit with the fix.
    Committed,
    /// The branch already held exactly this fix on top of the parent.
    Unchanged,
    /// GitHub refused: the token may not change `.github/workflows/` (its message).
    WorkflowsRefused(String),
}

/// Commits `files` (path, new bytes) on top of `parent` and points `branch` at the commit
/// (creating the branch, or force-updating it so reruns replace an earlier attempt), unless
/// the branch already holds them.
pub async fn push_fix(
    gh: &GitHub,
    repo: &RepoName,
    branch: &str,
    parent: &str,
    files: &[(String, Vec<u8>)],
    message: &str,
) -> Result<Pushed> {
    if branch_has(gh, repo, branch, parent, files).await? {
        return Ok(Pushed::Unchanged);
    }
    match commit_files(gh, repo, branch, parent, files, message).await {
        Ok(_) => Ok(Pushed::Committed),
        Err(Error::WorkflowsPermission { message, .. }) => Ok(Pushed::WorkflowsRefused(message)),
        Err(other) => Err(other),
    }
}

/// Commits `files` on top of `parent` and points `branch` at the new commit. Returns its sha.
pub async fn commit_files(
    gh: &GitHub,
    repo: &RepoName,
    branch: &str,
    parent: &str,
    files: &[(String, Vec<u8>)],
    message: &str,
) -> Result<String> {
    let parent_commit = gh.get_commit(repo, parent).await?;
    let mut entries = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let blob = gh.create_blob(repo, bytes).await?;
        entries.push(TreeEntry {
            path: path.clone(),
            mode: "100644".into(),
            blob_sha: Some(blob),
        });
    }
    let tree = gh.create_tree(repo, Some(&parent_commit.tree.sha), &entries).await?;
    let commit = gh.create_commit(repo, message, &tree, &[parent.to_string()]).await?;
    match gh.get_branch_ref(repo, branch).await? {
        Some(_) => gh.update_branch(repo, branch, &commit.sha, true).await?,
        None => match gh.create_branch(repo, branch, &commit.sha).await {
            Ok(created) => created,
            // Created since it was read (another heal of the same issue): GitHub answers
            // 422 "Reference already exists"; move it like an existing branch.
            Err(error) if matches!(error.status(), Some(409 | 422)) => {
                gh.update_branch(repo, branch, &commit.sha, true).await?
            }
            Err(error) => return Err(error),
        },
    };
    Ok(commit.sha)
}

/// Whether `branch` already holds exactly these files on top of `parent` (a rerun).
async fn branch_has(
    gh: &GitHub,
    repo: &RepoName,
    branch: &str,
    parent: &str,
    files: &[(String, Vec<u8>)],
) -> Result<bool> {
    let Some(existing) = gh.get_branch_ref(repo, branch).await? else {
        return Ok(false);
    };
    let tip = gh.get_commit(repo, &existing.object.sha).await?;
    if tip.parents.first().map(|p| p.sha.as_str()) != Some(parent) {
        return Ok(false);
    }
    for (path, bytes) in files {
        // Read no more than the fix's own size: anyone who may push can leave a large file on
        // an `autoheal/…` branch, and a larger file differs anyway (never downloaded).
        match gh
            .get_file_bytes_within(repo, path, &existing.object.sha, bytes.len() as u64)
            .await
        {
            Ok(found) if &found == bytes => {}
            Ok(_) | Err(Error::TooLarge { .. }) => return Ok(false),
            Err(error) if error.is_not_found() => return Ok(false),
            Err(error) => return Err(error),
        }
    }
    Ok(true)
}
