//! Read access to the rest of the repository, for rules that follow
//! references (`uses: ./local-action`, local reusable workflows) and fixes
//! that look for a moved file or a requirements file. The engine never
//! touches the disk itself: front ends pass an implementation
//! (`autoheal-fs-repo`'s `FsRepo` for a checkout on disk, shared by the CLI
//! and the language server; the heal loop's `RepoView` over what it fetched
//! through the GitHub API; [`MemoryRepo`] for tests; [`Overlay`] for a
//! repository with a fix's edits applied). All key paths with
//! [`relative_path`].

use std::borrow::Cow;
use std::collections::BTreeMap;

pub trait RepoFiles: Sync {
    /// The file's text, by path relative to the repository root. `None`
    /// when it does not exist, is not text, or was not loaded.
    fn read(&self, path: &str) -> Option<Cow<'_, str>>;

    /// Every file path in the repository, `/`-separated and sorted, or
    /// `None` when the listing is unknown or incomplete. A fix may say "no
    /// such file in the repository" only on a `Some` listing, so an
    /// implementation that had to stop early must return `None`.
    fn list(&self) -> Option<Cow<'_, [String]>>;

    /// Whether a file exists (an action's `main:` script, a `Dockerfile`),
    /// from the listing when there is one, so no big file is read for it.
    /// `None` when the view cannot tell.
    fn exists(&self, path: &str) -> Option<bool> {
        let path = relative_path(path)?;
        if let Some(files) = self.list() {
            return Some(files.iter().any(|f| f == path));
        }
        self.read(path).map(|_| true)
    }
}

/// A path relative to the repository root as every view keys it: `./`
/// dropped. `None` for a path no view may read: empty, absolute, or with an
/// empty or `..` segment (paths come from logs and linted files, which are
/// untrusted).
pub fn relative_path(path: &str) -> Option<&str> {
    let path = path.trim_start_matches("./");
    let inside =
        !path.is_empty() && !path.starts_with('/') && path.split('/').all(|part| !part.is_empty() && part != "..");
    inside.then_some(path)
}

/// The directory a step's `uses:` names when it runs a local action (`./dir`,
/// `./dir/`), read by [`relative_path`] like every repository path: `None`
/// for a remote action or a Docker image, for the repository's root (`./`)
/// and for a path that leaves the repository (`./../x`). The fixes read the
/// action's metadata by it, and the heal loop fetches what it names.
pub fn local_action_dir(uses: &str) -> Option<&str> {
    let path = uses.trim().strip_prefix("./")?;
    relative_path(path.trim_end_matches('/'))
}

/// Edited files laid over another view: their new contents first, every
/// other read and the listing from `base`. How fixes see the repository
/// their own (or earlier fixes') edits made.
pub struct Overlay<'a> {
    pub base: &'a dyn RepoFiles,
    pub files: &'a BTreeMap<String, String>,
}

impl RepoFiles for Overlay<'_> {
    fn read(&self, path: &str) -> Option<Cow<'_, str>> {
        match relative_path(path).and_then(|p| self.files.get(p)) {
            Some(text) => Some(Cow::Borrowed(text.as_str())),
            None => self.base.read(path),
        }
    }
    fn list(&self) -> Option<Cow<'_, [String]>> {
        self.base.list()
    }
}

/// No repository: rules that need one stay quiet, and nothing is known to
/// be absent.
pub struct NoRepo;

impl RepoFiles for NoRepo {
    fn read(&self, _path: &str) -> Option<Cow<'_, str>> {
        None
    }
    fn list(&self) -> Option<Cow<'_, [String]>> {
        None
    }
}

/// An in-memory repository, for tests and for the heal loop (which fills it
/// through the GitHub API: the tree's paths with [`MemoryRepo::with_listing`],
/// the contents of the files a fix needs in [`MemoryRepo::files`]).
#[derive(Default, Clone, Debug)]
pub struct MemoryRepo {
    /// Loaded file contents by path.
    pub files: BTreeMap<String, String>,
    /// The complete list of paths when more exist than were loaded; `None`
    /// means `files` is the whole repository.
    pub listing: Option<Vec<String>>,
    /// Set when the listing is known to be incomplete (a truncated tree):
    /// [`RepoFiles::list`] then answers `None`.
    pub listing_incomplete: bool,
}

impl MemoryRepo {
    /// A repository made of exactly these files.
    pub fn new<I: IntoIterator<Item = (S, T)>, S: Into<String>, T: Into<String>>(files: I) -> Self {
        MemoryRepo {
            files: files.into_iter().map(|(p, t)| (clean(&p.into()), t.into())).collect(),
            listing: None,
            listing_incomplete: false,
        }
    }

    /// Every path of the repository, of which only `files` have contents.
    pub fn with_listing<I: IntoIterator<Item = S>, S: Into<String>>(mut self, paths: I) -> Self {
        let mut all: Vec<String> = paths.into_iter().map(|p| clean(&p.into())).collect();
        all.extend(self.files.keys().cloned());
        all.sort();
        all.dedup();
        self.listing = Some(all);
        self
    }

    /// The file list is not the whole repository (or not known at all).
    pub fn with_unknown_listing(mut self) -> Self {
        self.listing_incomplete = true;
        self
    }
}

fn clean(path: &str) -> String {
    path.trim_start_matches("./").to_string()
}

impl RepoFiles for MemoryRepo {
    fn read(&self, path: &str) -> Option<Cow<'_, str>> {
        self.files.get(relative_path(path)?).map(|s| Cow::Borrowed(s.as_str()))
    }
    fn list(&self) -> Option<Cow<'_, [String]>> {
        if self.listing_incomplete {
            return None;
        }
        Some(match &self.listing {
            Some(all) => Cow::Borrowed(all.as_slice()),
            None => Cow::Owned(self.files.keys().cloned().collect()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_keyed_relative_and_never_leave_the_repository() {
        assert_eq!(relative_path("./a/b.txt"), Some("a/b.txt"));
        assert_eq!(relative_path("a/b.txt"), Some("a/b.txt"));
        for outside in ["", "./", "/etc/passwd", "../secrets", "a/../../b", "a//b"] {
            assert_eq!(relative_path(outside), None, "{outside}");
        }
        let base = MemoryRepo::new([("a.txt", "old"), ("b.txt", "b")]);
        let edited: BTreeMap<String, String> = [("a.txt".to_string(), "new".to_string())].into();
        let overlay = Overlay {
            base: &base,
            files: &edited,
        };
        assert_eq!(overlay.read("./a.txt").as_deref(), Some("new"));
        assert_eq!(overlay.read("b.txt").as_deref(), Some("b"));
        assert_eq!(overlay.read("../a.txt"), None);
        assert_eq!(overlay.list(), base.list());
        assert_eq!(base.exists("./b.txt"), Some(true));
        assert_eq!(base.exists("../b.txt"), None);
    }

    #[test]
    fn a_local_action_is_the_directory_uses_names() {
        assert_eq!(local_action_dir("./a"), Some("a"));
        assert_eq!(local_action_dir(" ./.github/actions/x/ "), Some(".github/actions/x"));
        for not_local in ["a/b@v1", "docker://alpine", "./", ".", "./../x", "./a//b", "/a", "$/a"] {
            assert_eq!(local_action_dir(not_local), None, "{not_local}");
        }
    }

    #[test]
    fn memory_listing_is_the_files_or_the_given_tree() {
        let repo = MemoryRepo::new([("./b.txt", "b"), ("a/x.py", "")]);
        assert_eq!(
            repo.list().as_deref(),
            Some(&["a/x.py".to_string(), "b.txt".to_string()][..])
        );
        assert_eq!(repo.read("./b.txt").as_deref(), Some("b"));
        let tree = repo.clone().with_listing(["c/d.txt", "b.txt"]);
        assert_eq!(
            tree.list().as_deref(),
            Some(&["a/x.py".to_string(), "b.txt".to_string(), "c/d.txt".to_string()][..])
        );
        assert_eq!(tree.read("c/d.txt"), None, "listed but not loaded");
        assert_eq!(repo.with_unknown_listing().list(), None);
        assert_eq!(NoRepo.list(), None);
    }
}
