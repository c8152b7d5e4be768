//! The workspace on disk: its root, repository-relative paths, the
//! filesystem [`RepoFiles`] the engine reads other files through, and the
//! `.github/autoheal.yml` configuration.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use autoheal_engine::config::{Config, DEFAULT_CONFIG_PATH};
use autoheal_engine::repo::RepoFiles;
use autoheal_engine::{Diagnostic, rules};
use tower_lsp_server::ls_types::Uri;

/// Files bigger than this are not read for other files' rules.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// Stop listing the repository after this many files.
const MAX_LISTED_FILES: usize = 20_000;

/// The local path of a `file:` URI.
pub fn uri_path(uri: &Uri) -> Option<PathBuf> {
    if uri.scheme().as_str() != "file" {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

pub fn path_uri(path: &Path) -> Option<Uri> {
    Uri::from_file_path(path)
}

/// The path the engine should see for a document: relative to the root
/// (`/`-separated) when it is inside it, else whatever identifies it.
pub fn relative_path(root: Option<&Path>, uri: &Uri) -> String {
    match uri_path(uri) {
        Some(abs) => match root.and_then(|r| abs.strip_prefix(r).ok()) {
            Some(rel) => rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            None => abs.to_string_lossy().replace('\\', "/"),
        },
        None => uri.path().as_str().to_string(),
    }
}

/// A path inside the root, or `None` for absolute paths and `..` escapes.
pub fn join_inside(root: &Path, rel: &str) -> Option<PathBuf> {
    let rel = rel.trim_start_matches("./");
    let p = Path::new(rel);
    if p.components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return None;
    }
    Some(root.join(p))
}

/// Read a UTF-8 text file of reasonable size; anything else is `None`.
pub fn read_text(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return None;
    }
    String::from_utf8(std::fs::read(path).ok()?).ok()
}

/// The repository as the engine sees it, read from the workspace root.
pub struct FsRepo {
    root: Option<PathBuf>,
    listing: OnceLock<Option<Vec<String>>>,
}

impl FsRepo {
    pub fn new(root: Option<PathBuf>) -> Self {
        FsRepo {
            root,
            listing: OnceLock::new(),
        }
    }
}

impl RepoFiles for FsRepo {
    fn read(&self, path: &str) -> Option<Cow<'_, str>> {
        let full = join_inside(self.root.as_deref()?, path)?;
        read_text(&full).map(Cow::Owned)
    }

    fn list(&self) -> Option<Vec<String>> {
        self.listing
            .get_or_init(|| self.root.as_deref().map(list_files))
            .clone()
    }
}

fn list_files(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(root.join(&dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let rel = dir.join(&*name);
            let Ok(ty) = entry.file_type() else { continue };
            if ty.is_dir() {
                if !matches!(&*name, ".git" | "target" | "node_modules" | ".autoheal") {
                    stack.push(rel);
                }
            } else if ty.is_file() {
                out.push(rel.to_string_lossy().replace('\\', "/"));
                if out.len() >= MAX_LISTED_FILES {
                    return out;
                }
            }
        }
    }
    out.sort();
    out
}

/// The configuration file's location under `root`.
pub fn config_path(root: &Path) -> PathBuf {
    root.join(DEFAULT_CONFIG_PATH)
}

/// Read `.github/autoheal.yml`; a missing or unreadable file is the default
/// configuration. Problems in the file come back as diagnostics.
pub fn load_config(root: Option<&Path>) -> (Config, Vec<Diagnostic>) {
    let Some(root) = root else {
        return (Config::default(), Vec::new());
    };
    match std::fs::read(config_path(root)) {
        Ok(bytes) => Config::parse(DEFAULT_CONFIG_PATH, &bytes, &rules::rule_ids()),
        Err(_) => (Config::default(), Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repo_reads_inside_the_root_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/action.yml"), "name: x\n").unwrap();
        std::fs::write(dir.path().join("bin.yml"), [0xff, 0xfe]).unwrap();
        let repo = FsRepo::new(Some(dir.path().to_path_buf()));
        assert_eq!(repo.read("./a/action.yml").as_deref(), Some("name: x\n"));
        assert_eq!(repo.read("../etc/passwd"), None);
        assert_eq!(repo.read("/etc/passwd"), None);
        assert_eq!(repo.read("bin.yml"), None, "non-UTF-8 files are not text");
        assert_eq!(
            repo.list(),
            Some(vec!["a/action.yml".to_string(), "bin.yml".to_string()])
        );
        assert_eq!(FsRepo::new(None).read("a/action.yml"), None);
    }

    #[test]
    fn relative_paths_and_config() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join(".github")).unwrap();
        std::fs::write(
            root.join(".github/autoheal.yml"),
            "rules:\n  timeout: off\n  nope: on\n",
        )
        .unwrap();
        let uri = path_uri(&root.join(".github/workflows/ci.yml")).unwrap();
        assert_eq!(relative_path(Some(root), &uri), ".github/workflows/ci.yml");
        let (config, diags) = load_config(Some(root));
        assert_eq!(
            config.rule_severity("timeout", autoheal_engine::Severity::Info, true),
            None
        );
        assert_eq!(diags.len(), 1);
        assert_eq!(load_config(None).1.len(), 0);
    }
}
