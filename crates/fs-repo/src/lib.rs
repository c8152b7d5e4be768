//! A repository checkout on disk as the engine's [`RepoFiles`]: the one
//! file-system view the CLI (`check`, `diagnose`, `fix`) and the language
//! server share. Reads stay inside the root (paths come from files being
//! linted and from logs), and the listing is complete or absent, never a
//! silent prefix.

use std::borrow::Cow;
use std::io::{self, Read as _};
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use autoheal_engine::repo::RepoFiles;

/// Files bigger than this are not read as text.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// A repository with more files than this has no listing (`list` is
/// `None`), so no fix claims a file is absent from a partial walk.
pub const MAX_LISTED_FILES: usize = 100_000;

/// Directories that hold tools' output or metadata, never sources a
/// workflow refers to by a committed path (`check`'s file discovery skips
/// them too).
pub const SKIPPED_DIRS: &[&str] = &[
    ".git",
    ".autoheal",
    "node_modules",
    "target",
    "__pycache__",
    ".venv",
    ".tox",
    ".mypy_cache",
    ".pytest_cache",
];

/// The repository rooted at a directory.
pub struct FsRepo {
    root: PathBuf,
    listing: OnceLock<Option<Vec<String>>>,
}

impl FsRepo {
    pub fn new(root: PathBuf) -> Self {
        FsRepo {
            root,
            listing: OnceLock::new(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

impl RepoFiles for FsRepo {
    fn read(&self, path: &str) -> Option<Cow<'_, str>> {
        read_text(&join_inside(&self.root, path)?).map(Cow::Owned)
    }

    fn list(&self) -> Option<Cow<'_, [String]>> {
        self.listing
            .get_or_init(|| list_files(&self.root))
            .as_deref()
            .map(Cow::Borrowed)
    }
}

/// `root/rel`, or `None` for absolute paths and `..` escapes.
pub fn join_inside(root: &Path, rel: &str) -> Option<PathBuf> {
    let p = Path::new(rel.trim_start_matches("./"));
    if p.as_os_str().is_empty()
        || p.components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return None;
    }
    Some(root.join(p))
}

/// A UTF-8 text file of reasonable size; anything else is `None`.
pub fn read_text(path: &Path) -> Option<String> {
    let bytes = read_regular(path, MAX_FILE_BYTES + 1).ok()?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return None;
    }
    String::from_utf8(bytes).ok()
}

/// actionlint's config file in the repository at `root`
/// (`.github/actionlint.yaml`, else `.yml`), for the CLI and the language
/// server alike.
pub fn actionlint_config_file(root: &Path) -> Option<PathBuf> {
    autoheal_engine::actionlint_config::ACTIONLINT_CONFIG_PATHS
        .iter()
        .map(|p| root.join(p))
        .find(|p| p.is_file())
}

/// Reads at most `limit` bytes of a regular file; a longer file comes back
/// cut at `limit` (a caller that must see a file whole asks for one byte
/// more than it accepts and checks the length). FIFOs, sockets and devices
/// are refused before they are opened: opening a FIFO blocks, and a
/// checkout can ship a symlink to `/dev/zero` (which never ends) or
/// `/dev/stdin` (the language server's own protocol stream).
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            // No hint here: only some callers (logs, workflows) can read
            // stdin instead, and they add it themselves.
            "not a regular file (a FIFO, socket or device)",
        ));
    }
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Every file under `root`, sorted, `/`-separated; `None` when the walk
/// could not finish (too many files, or the root is unreadable).
fn list_files(root: &Path) -> Option<Vec<String>> {
    std::fs::read_dir(root).ok()?;
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(root.join(&dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let rel = dir.join(name);
            let Ok(ty) = entry.file_type() else { continue };
            if ty.is_dir() {
                if !SKIPPED_DIRS.contains(&name) {
                    stack.push(rel);
                }
                continue;
            }
            // A symlink counts when it points at a file; linked directories
            // are not followed (they can loop).
            let is_file = ty.is_file() || (ty.is_symlink() && entry.path().metadata().is_ok_and(|m| m.is_file()));
            if is_file {
                out.push(
                    rel.components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/"),
                );
                if out.len() > MAX_LISTED_FILES {
                    return None;
                }
            }
        }
    }
    out.sort();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_inside_the_root_only_and_lists_every_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::create_dir_all(dir.path().join("node_modules/x")).unwrap();
        std::fs::write(dir.path().join("a/action.yml"), "name: x\n").unwrap();
        std::fs::write(dir.path().join("a/b/dev.txt"), "").unwrap();
        std::fs::write(dir.path().join("node_modules/x/package.json"), "{}").unwrap();
        std::fs::write(dir.path().join("bin.yml"), [0xff, 0xfe]).unwrap();
        let repo = FsRepo::new(dir.path().to_path_buf());
        assert_eq!(repo.read("./a/action.yml").as_deref(), Some("name: x\n"));
        assert_eq!(repo.read("../etc/passwd"), None);
        assert_eq!(repo.read("/etc/passwd"), None);
        assert_eq!(repo.read(""), None);
        assert_eq!(repo.read("bin.yml"), None, "non-UTF-8 files are not text");
        assert_eq!(
            repo.list().as_deref(),
            Some(
                &[
                    "a/action.yml".to_string(),
                    "a/b/dev.txt".to_string(),
                    "bin.yml".to_string()
                ][..]
            )
        );
    }

    #[test]
    fn an_unreadable_root_has_no_listing() {
        let repo = FsRepo::new(PathBuf::from("/nonexistent/autoheal/root"));
        assert_eq!(repo.list(), None);
        assert_eq!(repo.read("a.txt"), None);
    }
}
