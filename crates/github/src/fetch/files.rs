//! The repository at one commit, as the analysis needs it: the tree's paths (one recursive
//! tree call) and the text of every file a fix may read, fetched up front so the analysis
//! runs on an in-memory view (`analyze::RepoView`) and never goes back to the network.
//!
//! Which files a fix may read is decided by [`wanted`], from the paths alone: the failed
//! workflow, every file the workflow names (`pip install -r ci/deps.txt`,
//! `./scripts/build.sh`), the `action.yml` of each local action a step runs (`uses: ./dir`,
//! the directory as the engine reads it, never a prefix of another), and what the fixes
//! crate says its fixes read whatever the workflow
//! says (`autoheal_fixes::fixes_may_read`: dependency manifests and lock files, a Node
//! project's `package.json`/`pnpm-lock.yaml`, top-level `__init__.py` files). A fix that
//! reads a listed file outside that set is refused by the analysis (fail closed), so the
//! rule's coverage is checked on every run.

use std::collections::BTreeMap;

use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::error::Result;
use crate::models::TreeItem;

/// Files fetched for one snapshot, at most.
pub const MAX_FETCHED_FILES: usize = 100;
/// A file larger than this is not fetched (it is still listed).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The repository at `commit`: every path, and the text of the files a fix may read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub commit: String,
    /// Every blob path, sorted; `None` when GitHub truncated the tree (the listing is
    /// incomplete).
    pub listing: Option<Vec<String>>,
    /// Fetched text files by path.
    pub files: BTreeMap<String, String>,
    /// Blob sha of each listed path.
    pub blob_shas: BTreeMap<String, String>,
    /// Wanted files that were not fetched, with why (too large, not UTF-8).
    pub unread: BTreeMap<String, String>,
}

impl Snapshot {
    pub fn text(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    pub fn blob_sha(&self, path: &str) -> Option<&str> {
        self.blob_shas.get(path).map(String::as_str)
    }
}

/// Which files a fix may read, given the failed workflow's path and text (see the module docs).
#[derive(Debug)]
pub struct Wanted<'a> {
    workflow_path: &'a str,
    workflow_text: &'a str,
    /// The directory of each local action a step runs (`uses: ./dir`), as the engine reads it
    /// (`Workflow::local_action_dirs`, `repo::local_action_dir`): the fixes read their
    /// metadata by the same reading.
    local_actions: Vec<String>,
}

impl<'a> Wanted<'a> {
    pub fn new(workflow_path: &'a str, workflow_text: &'a str) -> Self {
        let doc = autoheal_engine::yaml::parse(workflow_text.as_bytes());
        let local_actions = doc
            .root
            .as_ref()
            .map(|root| {
                autoheal_engine::model::Workflow::new(root)
                    .local_action_dirs()
                    .into_iter()
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        Wanted {
            workflow_path,
            workflow_text,
            local_actions,
        }
    }

    /// Whether a fix may read `path`.
    pub fn wants(&self, path: &str) -> bool {
        // Paths the workflow names (`-r ci/deps.txt`, `./build.sh`); very short ones would
        // match any text. Fetching one more file chooses nothing: a fix still reads only what
        // its own grammar accepts.
        let named = path.len() >= 4 && self.workflow_text.contains(path);
        // The metadata of a local action the workflow runs (`uses: ./dir`): what kind of
        // action it is (a command missing inside a Docker action's image is not installed on
        // the runner).
        let action = path
            .strip_suffix("/action.yml")
            .or_else(|| path.strip_suffix("/action.yaml"))
            .is_some_and(|dir| self.local_actions.iter().any(|a| a == dir));
        path == self.workflow_path || autoheal_fixes::fixes_may_read(path) || named || action
    }
}

/// Whether a fix may read `path`, given the failed workflow's path and text ([`Wanted`]).
pub fn wanted(path: &str, workflow_path: &str, workflow_text: &str) -> bool {
    Wanted::new(workflow_path, workflow_text).wants(path)
}

/// Lists the tree of `commit` and fetches the text of the wanted files (see the module docs).
pub async fn fetch_snapshot(gh: &GitHub, repo: &RepoName, commit: &str, workflow_path: &str) -> Result<Snapshot> {
    let tree_sha = gh.get_commit(repo, commit).await?.tree.sha;
    let tree = gh.get_tree(repo, &tree_sha).await?;
    let blobs: Vec<&TreeItem> = tree.tree.iter().filter(|item| item.kind == "blob").collect();
    let listing = (!tree.truncated).then(|| {
        // Sorted by full path, as `RepoFiles::list` promises (a recursive tree is not).
        let mut paths: Vec<String> = blobs.iter().map(|b| b.path.clone()).collect();
        paths.sort();
        paths
    });
    let mut snapshot = Snapshot {
        commit: commit.to_string(),
        listing,
        files: BTreeMap::new(),
        blob_shas: blobs.iter().map(|b| (b.path.clone(), b.sha.clone())).collect(),
        unread: BTreeMap::new(),
    };
    let workflow_text = match blobs.iter().find(|b| b.path == workflow_path) {
        Some(blob) => read_text(gh, repo, blob).await?,
        None => Err("it is not in the repository at that commit".to_string()),
    };
    let workflow_text = match workflow_text {
        Ok(text) => text,
        Err(why) => {
            snapshot.unread.insert(workflow_path.to_string(), why);
            return Ok(snapshot);
        }
    };
    let wanted = Wanted::new(workflow_path, &workflow_text);
    let mut chosen: Vec<&TreeItem> = blobs
        .iter()
        .copied()
        .filter(|b| b.path != workflow_path && wanted.wants(&b.path))
        .collect();
    // Shallow paths first: the root's manifests matter more than a vendored copy's.
    chosen.sort_by_key(|b| (b.path.matches('/').count(), b.path.clone()));
    snapshot.files.insert(workflow_path.to_string(), workflow_text);
    for blob in chosen.into_iter().take(MAX_FETCHED_FILES) {
        match read_text(gh, repo, blob).await? {
            Ok(text) => snapshot.files.insert(blob.path.clone(), text),
            Err(why) => snapshot.unread.insert(blob.path.clone(), why),
        };
    }
    Ok(snapshot)
}

/// A blob as text, or why not (too large, not UTF-8).
async fn read_text(gh: &GitHub, repo: &RepoName, blob: &TreeItem) -> Result<std::result::Result<String, String>> {
    let too_large = || {
        format!(
            "it is larger than {} MiB, the most autoheal fetches",
            MAX_FILE_BYTES >> 20
        )
    };
    if blob.size.is_some_and(|size| size > MAX_FILE_BYTES) {
        return Ok(Err(too_large()));
    }
    let bytes = gh.get_blob(repo, &blob.sha).await?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Ok(Err(too_large()));
    }
    Ok(String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A local action is wanted by the directory a step's `uses:` names, read as the engine
    /// reads every repository path: `./a` names `a`, not `ab`, nor `a` named in a script or a
    /// comment; a trailing `/` names the same directory; a path leaving the repository names
    /// nothing.
    #[test]
    fn local_actions_are_wanted_by_the_directory_uses_names() {
        let path = ".github/workflows/ci.yml";
        let workflow = "jobs:\n  t:\n    steps:\n      - uses: ./tools/ab\n      - uses: ./lint/\n      - run: ./scripts/x/run.sh # see ./docs\n      - uses: ./../outside\n";
        assert!(wanted("tools/ab/action.yml", path, workflow));
        assert!(wanted("lint/action.yaml", path, workflow));
        for no in [
            "tools/a/action.yml",
            "tools/action.yml",
            "scripts/x/action.yml",
            "docs/action.yml",
            "outside/action.yml",
            "../outside/action.yml",
        ] {
            assert!(!wanted(no, path, workflow), "{no}");
        }
    }

    #[test]
    fn wanted_files_are_the_workflow_what_it_names_manifests_and_packages() {
        let workflow = "jobs:\n  t:\n    steps:\n      - run: pip install -r ci/deps.txt && ./scripts/build.sh\n      - uses: ./.github/actions/render\n";
        let path = ".github/workflows/ci.yml";
        for yes in [
            path,
            "ci/deps.txt",
            "scripts/build.sh",
            "requirements.txt",
            "requirements-dev.txt",
            "requirements/test.txt",
            "docs/requirements.in",
            "constraints.txt",
            "tox.ini",
            "Pipfile",
            "pyproject.toml",
            "sub/pkg/setup.cfg",
            "package.json",
            "web/pnpm-lock.yaml",
            "app/__init__.py",
            "src/app/__init__.py",
            ".github/actions/render/action.yml",
        ] {
            assert!(wanted(yes, path, workflow), "{yes}");
        }
        for no in [
            "README.md",
            "app/core/__init__.py",
            "src/app/x/__init__.py",
            "scripts/other.sh",
            ".github/actions/other/action.yml",
            "action.yml",
        ] {
            assert!(!wanted(no, path, workflow), "{no}");
        }
    }
}
