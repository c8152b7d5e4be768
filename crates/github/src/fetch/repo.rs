//! The repository itself: its default branch and the commit at its head, and the autoheal
//! configuration there.

use autoheal_engine::config::{self, Config, ConfigFile, DEFAULT_CONFIG_PATH};

use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::error::{Error, Result};

/// The default branch and the commit at its head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultHead {
    pub branch: String,
    pub sha: String,
    /// The repository's `full_name` as GitHub answers it: for a renamed or transferred
    /// repository configured by its old name (GitHub serves it there too), the new name,
    /// which every run of it carries.
    pub full_name: String,
}

impl DefaultHead {
    /// The name this repository's runs carry: the `full_name` GitHub answered, or the
    /// configured name when it answered none.
    pub fn own_name(&self, configured: &RepoName) -> String {
        if self.full_name.is_empty() {
            configured.to_string()
        } else {
            self.full_name.clone()
        }
    }
}

pub async fn fetch_default_head(gh: &GitHub, repo: &RepoName) -> Result<DefaultHead> {
    let repository = gh.get_repo(repo).await?;
    let branch = repository.default_branch;
    if branch.is_empty() {
        return Err(Error::Invalid(format!("{repo} reports no default branch")));
    }
    let head = gh
        .get_branch_ref(repo, &branch)
        .await?
        .ok_or_else(|| Error::Invalid(format!("the default branch `{branch}` of {repo} does not exist")))?;
    Ok(DefaultHead {
        branch,
        sha: head.object.sha,
        full_name: repository.full_name,
    })
}

/// `.github/autoheal.yml` at `reference` (the defaults when absent or undecodable; invalid
/// keys keep their defaults). Policy is always read from the default branch: a run's own
/// commit may come from a fork, and its config would then choose how far the fork is trusted.
/// Like every front end it reads at most `config::READ_LIMIT` bytes, and a file over the
/// YAML budget (one byte less) is an error naming the file and the limit: the defaults could
/// trust more than the file says (`heal.untrusted-runs: off` read as `report`), so the
/// maintainers hear of it instead; so is a setting the loader refuses. A larger file's blob (up to 100 MB through the API) is
/// not downloaded.
pub async fn fetch_config(gh: &GitHub, repo: &RepoName, reference: &str) -> Result<Config> {
    let too_large = || {
        Error::Invalid(format!(
            "{DEFAULT_CONFIG_PATH} at `{reference}` of {repo} is larger than the {} bytes autoheal reads of a configuration; make it smaller (autoheal does not fall back to the defaults, which may trust more than the file says)",
            config::READ_LIMIT - 1
        ))
    };
    let read = gh.get_file_bytes_within(repo, DEFAULT_CONFIG_PATH, reference, config::READ_LIMIT);
    let bytes = match read.await {
        Ok(bytes) if bytes.len() as u64 >= config::READ_LIMIT => return Err(too_large()),
        Ok(bytes) => bytes,
        Err(Error::TooLarge { .. }) => return Err(too_large()),
        Err(error) if error.is_not_found() || matches!(error, Error::Decode { .. }) => {
            return Ok(Config::default());
        }
        Err(error) => return Err(error),
    };
    let file = ConfigFile {
        shown: DEFAULT_CONFIG_PATH,
        bytes: &bytes,
    };
    let loaded = config::load(Some(file), None);
    // A setting the loader refuses (`untrusted-runs: Off`, a node budget
    // passed) falls back to its default, which may trust more than the file
    // says: the maintainers hear of it instead, as for an oversized file.
    let refused: Vec<String> = loaded
        .autoheal
        .iter()
        .filter(|d| d.severity == autoheal_engine::diagnostic::Severity::Error)
        .map(|d| d.message.clone())
        .collect();
    if !refused.is_empty() {
        return Err(Error::Invalid(format!(
            "{DEFAULT_CONFIG_PATH} at `{reference}` of {repo} has settings autoheal cannot read, so it does not fall back to the defaults (which may trust more than the file says): {}",
            refused.join("; ")
        )));
    }
    Ok(loaded.config)
}
