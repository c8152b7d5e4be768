//! The repository on disk, as the engine's `RepoFiles`.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

use autoheal_engine::repo::RepoFiles;

pub struct FsRepo {
    root: PathBuf,
}

impl FsRepo {
    pub fn new(root: PathBuf) -> Self {
        FsRepo { root }
    }
}

impl RepoFiles for FsRepo {
    fn read(&self, path: &str) -> Option<Cow<'_, str>> {
        let rel = Path::new(path.trim_start_matches("./"));
        // Only paths inside the repository: references come from files
        // being linted and must not reach outside it.
        if rel
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
        {
            return None;
        }
        std::fs::read_to_string(self.root.join(rel)).ok().map(Cow::Owned)
    }
}
