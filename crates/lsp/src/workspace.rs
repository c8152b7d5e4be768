//! The workspace on disk: its root, repository-relative paths, and the
//! `.github/autoheal.yml` configuration. Other files are read through the
//! shared file-system view, `autoheal_fs_repo::FsRepo`.

use std::path::{Path, PathBuf};

use autoheal_engine::config::{Config, DEFAULT_CONFIG_PATH};
use autoheal_engine::{Diagnostic, rules};
use tower_lsp_server::ls_types::Uri;

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
