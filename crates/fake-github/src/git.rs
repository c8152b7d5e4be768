//! A tiny git object store: blobs, flat trees (full path -> blob), commits and refs.
//!
//! Real git trees nest per directory; the REST API lets clients address entries by full
//! path, so a flat map is enough to answer every call the client makes and keeps the
//! fake easy to inspect.

use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
pub struct Commit {
    pub tree: String,
    pub parents: Vec<String>,
    pub message: String,
}

#[derive(Debug, Clone, Default)]
pub struct GitStore {
    next_id: u64,
    pub blobs: BTreeMap<String, Vec<u8>>,
    /// tree sha -> (path -> blob sha)
    pub trees: BTreeMap<String, BTreeMap<String, String>>,
    pub commits: BTreeMap<String, Commit>,
    /// "heads/main" -> commit sha
    pub refs: BTreeMap<String, String>,
}

impl GitStore {
    fn new_sha(&mut self, kind: u8) -> String {
        self.next_id += 1;
        format!("{kind:02x}{:038x}", self.next_id)
    }

    pub fn put_blob(&mut self, bytes: Vec<u8>) -> String {
        let sha = self.new_sha(0xb1);
        self.blobs.insert(sha.clone(), bytes);
        sha
    }

    pub fn put_tree(&mut self, entries: BTreeMap<String, String>) -> String {
        let sha = self.new_sha(0x7e);
        self.trees.insert(sha.clone(), entries);
        sha
    }

    pub fn put_commit(&mut self, commit: Commit) -> String {
        let sha = self.new_sha(0xc0);
        self.commits.insert(sha.clone(), commit);
        sha
    }

    /// Creates blobs, a tree and a commit for `files` on top of `parent` and points
    /// `heads/<branch>` at it.
    pub fn commit_files(&mut self, branch: &str, files: &[(&str, &[u8])], message: &str) -> String {
        let parent = self.refs.get(&format!("heads/{branch}")).cloned();
        let mut entries = parent
            .as_ref()
            .and_then(|sha| self.commits.get(sha))
            .and_then(|c| self.trees.get(&c.tree))
            .cloned()
            .unwrap_or_default();
        for (path, bytes) in files {
            let blob = self.put_blob(bytes.to_vec());
            entries.insert((*path).to_string(), blob);
        }
        let tree = self.put_tree(entries);
        let sha = self.put_commit(Commit {
            tree,
            parents: parent.into_iter().collect(),
            message: message.to_string(),
        });
        self.refs.insert(format!("heads/{branch}"), sha.clone());
        sha
    }

    /// Resolves a branch name, `heads/x`, `refs/heads/x` or a commit sha to a commit sha.
    pub fn resolve(&self, reference: &str) -> Option<String> {
        if self.commits.contains_key(reference) {
            return Some(reference.to_string());
        }
        let short = reference.strip_prefix("refs/").unwrap_or(reference);
        self.refs
            .get(short)
            .or_else(|| self.refs.get(&format!("heads/{short}")))
            .or_else(|| self.refs.get(&format!("tags/{short}")))
            .cloned()
    }

    pub fn file_at(&self, reference: &str, path: &str) -> Option<(String, Vec<u8>)> {
        let commit = self.commits.get(&self.resolve(reference)?)?;
        let blob_sha = self.trees.get(&commit.tree)?.get(path)?;
        Some((blob_sha.clone(), self.blobs.get(blob_sha)?.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_files_keeps_parent_entries_and_moves_the_branch() {
        let mut git = GitStore::default();
        let first = git.commit_files("main", &[("a.txt", b"one")], "first");
        let second = git.commit_files("main", &[("b.txt", b"two")], "second");
        assert_ne!(first, second);
        assert_eq!(git.resolve("main").as_deref(), Some(second.as_str()));
        assert_eq!(git.file_at("main", "a.txt").map(|f| f.1), Some(b"one".to_vec()));
        assert_eq!(git.file_at(&first, "b.txt"), None);
        assert_eq!(git.commits[&second].parents, vec![first]);
    }
}
