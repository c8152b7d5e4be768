//! Read access to the rest of the repository, for rules that follow
//! references (`uses: ./local-action`, local reusable workflows) and fixes
//! that look for a moved file. The engine never touches the disk itself:
//! front ends pass an implementation.

use std::borrow::Cow;
use std::collections::BTreeMap;

pub trait RepoFiles: Sync {
    /// The file's text, by path relative to the repository root.
    fn read(&self, path: &str) -> Option<Cow<'_, str>>;
    /// Every file path in the repository, `/`-separated, when known.
    fn list(&self) -> Option<Vec<String>> {
        None
    }
}

/// No repository: rules that need one stay quiet.
pub struct NoRepo;

impl RepoFiles for NoRepo {
    fn read(&self, _path: &str) -> Option<Cow<'_, str>> {
        None
    }
}

/// An in-memory repository, for tests and for the heal loop (which reads
/// files through the GitHub API).
#[derive(Default, Clone, Debug)]
pub struct MemoryRepo {
    pub files: BTreeMap<String, String>,
}

impl MemoryRepo {
    pub fn new<I: IntoIterator<Item = (S, T)>, S: Into<String>, T: Into<String>>(files: I) -> Self {
        MemoryRepo {
            files: files.into_iter().map(|(p, t)| (p.into(), t.into())).collect(),
        }
    }
}

impl RepoFiles for MemoryRepo {
    fn read(&self, path: &str) -> Option<Cow<'_, str>> {
        self.files
            .get(path.trim_start_matches("./"))
            .map(|s| Cow::Borrowed(s.as_str()))
    }
    fn list(&self) -> Option<Vec<String>> {
        Some(self.files.keys().cloned().collect())
    }
}
