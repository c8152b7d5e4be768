//! The engine's repository view over a fetched [`Snapshot`]: reads answer from memory, the
//! listing is the tree's. A read of a path the tree lists but the fetch left out is noted, so
//! the analysis can refuse a fix that was planned without a file it looked for.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::Mutex;

use autoheal_engine::repo::{RepoFiles, relative_path};

use crate::fetch::files::Snapshot;

pub struct RepoView<'a> {
    snapshot: &'a Snapshot,
    /// Listed (or possibly existing, when the listing is unknown) but not fetched.
    unfetched: Mutex<BTreeSet<String>>,
}

/// `./a/b` → `a/b`; `None` for paths that leave the repository (the
/// engine's one reading, [`relative_path`]).
fn normalize(path: &str) -> Option<String> {
    relative_path(path).map(str::to_string)
}

impl<'a> RepoView<'a> {
    pub fn new(snapshot: &'a Snapshot) -> RepoView<'a> {
        RepoView {
            snapshot,
            unfetched: Mutex::new(BTreeSet::new()),
        }
    }

    /// Paths a fix looked for that exist (or may exist) but were not fetched.
    pub fn unfetched(&self) -> Vec<String> {
        self.unfetched
            .lock()
            .map(|set| set.iter().cloned().collect())
            .unwrap_or_default()
    }
}

impl RepoFiles for RepoView<'_> {
    fn read(&self, path: &str) -> Option<Cow<'_, str>> {
        let path = normalize(path)?;
        if let Some(text) = self.snapshot.text(&path) {
            return Some(Cow::Borrowed(text));
        }
        let may_exist = match &self.snapshot.listing {
            Some(listing) => listing.binary_search(&path).is_ok(),
            None => true,
        };
        if may_exist && let Ok(mut unfetched) = self.unfetched.lock() {
            unfetched.insert(path);
        }
        None
    }

    fn list(&self) -> Option<Cow<'_, [String]>> {
        self.snapshot.listing.as_deref().map(Cow::Borrowed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_come_from_memory_and_unfetched_listed_paths_are_noted() {
        let snapshot = Snapshot {
            listing: Some(vec!["big.lock".into(), "requirements.txt".into()]),
            files: [("requirements.txt".to_string(), "pytest\n".to_string())].into(),
            ..Snapshot::default()
        };
        let view = RepoView::new(&snapshot);
        assert_eq!(view.read("./requirements.txt").as_deref(), Some("pytest\n"));
        assert_eq!(view.read("absent.txt"), None);
        assert_eq!(view.read("big.lock"), None);
        assert_eq!(view.read("../secrets"), None);
        assert_eq!(view.unfetched(), ["big.lock"]);
        assert_eq!(view.list().map(|l| l.len()), Some(2));
    }

    #[test]
    fn unsafe_paths_are_never_read() {
        assert_eq!(normalize("./requirements.txt").as_deref(), Some("requirements.txt"));
        assert_eq!(normalize("../secrets"), None);
        assert_eq!(normalize("/etc/passwd"), None);
        assert_eq!(normalize("a//b"), None);
    }
}
