//! The workspace on disk: its root, repository-relative paths, and the
//! `.github/autoheal.yml` configuration. Other files are read through the
//! shared file-system view, `autoheal_fs_repo::FsRepo`.

use std::path::{Path, PathBuf};

use autoheal_engine::Diagnostic;
use autoheal_engine::config::{self, Config, ConfigFile};
use tower_lsp_server::ls_types::Uri;

use crate::settings::Settings;

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

/// The configuration as the editor's settings make it.
pub struct LoadedConfig {
    /// The file's contents (or the defaults) with the editor's overrides applied.
    pub config: Config,
    /// Problems in the file, to publish on it.
    pub diagnostics: Vec<Diagnostic>,
    /// The file that was (or would be) read.
    pub file: Option<PathBuf>,
    /// A `configPath` that names no readable file, for the log.
    pub missing: Option<PathBuf>,
    /// actionlint's config file when the workspace has one, with its problems.
    pub actionlint: Option<(PathBuf, Vec<Diagnostic>)>,
}

/// Read the config file (`.github/autoheal.yml`, or the `configPath`
/// setting), then apply the `severityOverrides` setting. A missing default
/// file is the default configuration; a missing `configPath` is that too,
/// and said in the log.
pub fn load_config(root: Option<&Path>, settings: &Settings) -> LoadedConfig {
    let file = settings.config_file(root);
    let own = file.as_deref().map(|f| (relative_path_of(root, f), read_config(f)));
    let missing = match &own {
        Some((_, Err(_))) if settings.config_path.is_some() => file.clone(),
        _ => None,
    };
    let theirs = root
        .and_then(autoheal_fs_repo::actionlint_config_file)
        .and_then(|f| Some((relative_path_of(root, &f), read_config(&f).ok()?, f)));
    let own_file = match &own {
        Some((shown, Ok(bytes))) => Some(ConfigFile { shown, bytes }),
        _ => None,
    };
    let their_file = theirs.as_ref().map(|(shown, bytes, _)| ConfigFile { shown, bytes });
    let loaded = config::load(own_file, their_file);
    let mut config = loaded.config;
    let diagnostics = loaded.autoheal;
    let actionlint = theirs.map(|(_, _, f)| (f, loaded.actionlint));
    settings.apply(&mut config);
    LoadedConfig {
        config,
        diagnostics,
        file,
        missing,
        actionlint,
    }
}

/// A config file's bytes: a regular file only (a checkout can link it to
/// `/dev/zero`, a FIFO or `/dev/stdin`, the server's own input), and one
/// byte past the engine's size budget at most (the engine reports a file
/// over it).
pub fn read_config(path: &Path) -> std::io::Result<Vec<u8>> {
    autoheal_fs_repo::read_regular(path, config::READ_LIMIT)
}

fn relative_path_of(root: Option<&Path>, file: &Path) -> String {
    match root.and_then(|r| file.strip_prefix(r).ok()) {
        Some(rel) => rel.to_string_lossy().replace('\\', "/"),
        None => file.to_string_lossy().replace('\\', "/"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actionlint_config_adds_its_facts_and_reports_its_mistakes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join(".github")).unwrap();
        std::fs::write(
            root.join(".github/actionlint.yml"),
            "self-hosted-runner:\n  labels: [gpu-*]\nconfig-variables: [A]\nnope: 1\n",
        )
        .unwrap();
        let loaded = load_config(Some(root), &Settings::default());
        assert!(loaded.config.is_own_runner_label("GPU-A100"));
        assert_eq!(loaded.config.config_variables, Some(vec!["A".to_string()]));
        let (file, diags) = loaded.actionlint.unwrap();
        assert_eq!(file, root.join(".github/actionlint.yml"));
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].path, ".github/actionlint.yml");
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
        let loaded = load_config(Some(root), &Settings::default());
        assert_eq!(
            loaded
                .config
                .rule_severity("timeout", autoheal_engine::Severity::Info, true),
            None
        );
        assert_eq!(loaded.diagnostics.len(), 1);
        assert_eq!(loaded.diagnostics[0].path, ".github/autoheal.yml");
        assert_eq!(load_config(None, &Settings::default()).diagnostics.len(), 0);

        // `configPath` names another file; `severityOverrides` win over it.
        std::fs::write(root.join("lint.yml"), "rules:\n  unpinned-uses: warning\n").unwrap();
        let settings = Settings {
            config_path: Some("lint.yml".into()),
            severity_overrides: vec![("unpinned-uses".into(), autoheal_engine::config::RuleSetting::Off)],
        };
        let loaded = load_config(Some(root), &settings);
        assert_eq!(loaded.file, Some(root.join("lint.yml")));
        assert!(loaded.diagnostics.is_empty());
        assert_eq!(
            loaded
                .config
                .rule_severity("timeout", autoheal_engine::Severity::Info, true),
            Some(autoheal_engine::Severity::Info),
            "the default file is not read"
        );
        assert_eq!(
            loaded
                .config
                .rule_severity("unpinned-uses", autoheal_engine::Severity::Warning, true),
            None
        );
        let missing = Settings {
            config_path: Some("nope.yml".into()),
            ..Settings::default()
        };
        assert_eq!(load_config(Some(root), &missing).missing, Some(root.join("nope.yml")));
    }
}
