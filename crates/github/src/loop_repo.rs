//! Fix planning against a repository read through the API.
//!
//! The fix generators read files synchronously ([`RepoFiles`]), so the files they want are
//! discovered by attempt: plan once, note every path read that was not fetched yet (and
//! whether the listing was wanted), fetch those, plan again. Plans are pure, so the last
//! plan is the one a local checkout would have given.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use autoheal_engine::repo::RepoFiles;
use autoheal_fixes::{FailureInput, Plan, plan, unified_diff};
use serde_json::Value;

use crate::client::GitHub;
use crate::config::RepoName;
use crate::error::Result;

/// Rounds of plan → fetch what was missing.
const MAX_ROUNDS: usize = 4;
/// Files fetched for one plan, at most.
const MAX_FETCHED_FILES: usize = 40;
/// A file larger than this is treated as absent.
const MAX_FILE_BYTES: usize = 1024 * 1024;

#[derive(Default)]
struct ApiRepo {
    /// Fetched files; `None` for a path that does not exist (or is not text).
    files: BTreeMap<String, Option<String>>,
    listing: Option<Vec<String>>,
    missed: Mutex<BTreeSet<String>>,
    wants_listing: AtomicBool,
}

fn normalize(path: &str) -> Option<String> {
    let path = path.trim_start_matches("./");
    let safe =
        !path.is_empty() && !path.starts_with('/') && path.split('/').all(|part| !part.is_empty() && part != "..");
    safe.then(|| path.to_string())
}

impl RepoFiles for ApiRepo {
    fn read(&self, path: &str) -> Option<Cow<'_, str>> {
        let path = normalize(path)?;
        match self.files.get(&path) {
            Some(found) => found.as_deref().map(Cow::Borrowed),
            None => {
                if let Ok(mut missed) = self.missed.lock() {
                    missed.insert(path);
                }
                None
            }
        }
    }

    fn list(&self) -> Option<Cow<'_, [String]>> {
        if self.listing.is_none() {
            self.wants_listing.store(true, Ordering::Relaxed);
        }
        self.listing.as_deref().map(Cow::Borrowed)
    }
}

/// The fix for a set of failures, with the unified diff a reviewer reads.
#[derive(Debug, Clone, Default)]
pub struct FixProposal {
    pub plan: Plan,
    /// Original text of every file the plan edits.
    pub originals: BTreeMap<String, String>,
    /// Unified diffs of every edited file, concatenated.
    pub diff: String,
}

impl FixProposal {
    pub fn is_fixable(&self) -> bool {
        !self.plan.fixes.is_empty() && !self.plan.files.is_empty()
    }

    /// Edited files whose content differs from the original.
    pub fn changed_files(&self) -> Vec<(String, Vec<u8>)> {
        self.plan
            .files
            .iter()
            .filter(|(path, new)| self.originals.get(*path) != Some(*new))
            .map(|(path, new)| (path.clone(), new.as_bytes().to_vec()))
            .collect()
    }
}

/// Plans fixes for `failures` in the workflow `(path, text)` as of commit `commit_sha`.
pub async fn propose_fix(
    gh: &GitHub,
    repo: &RepoName,
    commit_sha: &str,
    workflow_path: &str,
    workflow_text: &str,
    failures: &[FailureInput],
) -> Result<FixProposal> {
    let mut files = ApiRepo::default();
    files
        .files
        .insert(workflow_path.to_string(), Some(workflow_text.to_string()));
    let mut fetched = 0;
    let mut result = plan(failures, workflow_path, workflow_text, &files);
    for _ in 0..MAX_ROUNDS {
        let missed: Vec<String> = files
            .missed
            .lock()
            .map(|mut m| std::mem::take(&mut *m).into_iter().collect())
            .unwrap_or_default();
        let wants_listing = files.wants_listing.swap(false, Ordering::Relaxed) && files.listing.is_none();
        if missed.is_empty() && !wants_listing {
            break;
        }
        for path in missed {
            let text = if fetched < MAX_FETCHED_FILES {
                fetched += 1;
                read_text(gh, repo, &path, commit_sha).await?
            } else {
                None
            };
            files.files.insert(path, text);
        }
        if wants_listing {
            files.listing = Some(list_tree(gh, repo, commit_sha).await?);
        }
        result = plan(failures, workflow_path, workflow_text, &files);
    }
    let mut originals = BTreeMap::new();
    let mut diff = String::new();
    for (path, new) in &result.files {
        let old = files.files.get(path).cloned().flatten().unwrap_or_default();
        if &old != new {
            diff.push_str(&unified_diff(path, &old, new));
        }
        originals.insert(path.clone(), old);
    }
    Ok(FixProposal {
        plan: result,
        originals,
        diff,
    })
}

/// A text file at a commit; `None` when it does not exist, is too large or is not UTF-8.
async fn read_text(gh: &GitHub, repo: &RepoName, path: &str, commit_sha: &str) -> Result<Option<String>> {
    match gh.get_file_bytes(repo, path, commit_sha).await {
        Ok(bytes) if bytes.len() <= MAX_FILE_BYTES => Ok(String::from_utf8(bytes).ok()),
        Ok(_) => Ok(None),
        // A directory, a submodule or a missing file all mean "not a file here".
        Err(error) if error.is_not_found() || matches!(error, crate::Error::Decode { .. }) => Ok(None),
        Err(error) => Err(error),
    }
}

/// Every blob path of the commit's tree.
async fn list_tree(gh: &GitHub, repo: &RepoName, commit_sha: &str) -> Result<Vec<String>> {
    let commit = gh.get_commit(repo, commit_sha).await?;
    let tree: Value = gh
        .get_json(&format!(
            "{}/git/trees/{}?recursive=1",
            repo.path(),
            crate::api::encode_component(&commit.tree.sha)
        ))
        .await?;
    let entries = tree.get("tree").and_then(Value::as_array).cloned().unwrap_or_default();
    Ok(entries
        .iter()
        .filter(|e| e.get("type").and_then(Value::as_str).is_none_or(|t| t == "blob"))
        .filter_map(|e| e.get("path").and_then(Value::as_str).map(str::to_string))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_paths_are_never_fetched() {
        assert_eq!(normalize("./requirements.txt").as_deref(), Some("requirements.txt"));
        assert_eq!(normalize("../secrets"), None);
        assert_eq!(normalize("/etc/passwd"), None);
        assert_eq!(normalize("a//b"), None);
    }

    #[test]
    fn reads_of_unknown_paths_are_recorded_as_misses() {
        let mut repo = ApiRepo::default();
        repo.files.insert("known.txt".into(), Some("x".into()));
        repo.files.insert("absent.txt".into(), None);
        assert_eq!(repo.read("known.txt").as_deref(), Some("x"));
        assert_eq!(repo.read("absent.txt"), None);
        assert_eq!(repo.read("./new.txt"), None);
        assert_eq!(repo.list(), None);
        let missed: Vec<String> = repo
            .missed
            .lock()
            .map(|m| m.iter().cloned().collect())
            .unwrap_or_default();
        assert_eq!(missed, ["new.txt"]);
        assert!(repo.wants_listing.load(Ordering::Relaxed));
    }
}
