//! The repositories the linted files belong to: each file is checked with
//! its own repository's `.github/autoheal.yml` (rules, `ignore:` globs, fail
//! level) and sees that repository's other files, as actionlint finds its
//! config per project. `--config FILE` applies one config to every file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use autoheal_engine::config::{self, Config, DEFAULT_CONFIG_PATH, Persona};
use autoheal_engine::diagnostic::Diagnostic;
use autoheal_fs_repo::FsRepo;

use crate::discover;

/// One repository (or, outside any, the directory a file was found from):
/// what a file in it is linted with.
pub struct Project {
    /// The repository root, when there is one.
    pub root: Option<PathBuf>,
    pub config: Config,
    /// Where the config came from, for `-v`; `None` for the defaults.
    pub config_path: Option<PathBuf>,
    /// actionlint's config file whose facts were added, for `-v`.
    pub actionlint_path: Option<PathBuf>,
    /// Mistakes in the config files (autoheal's, actionlint's), reported
    /// like findings on them.
    pub config_findings: Vec<ConfigFindings>,
    pub repo: Option<FsRepo>,
}

/// The diagnostics of one config file, with its text to show them.
pub struct ConfigFindings {
    /// As shown: relative to the current directory when inside it.
    pub path: String,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl ConfigFindings {
    fn of(path: String, bytes: &[u8], diagnostics: Vec<Diagnostic>) -> Option<ConfigFindings> {
        (!diagnostics.is_empty()).then(|| ConfigFindings {
            path,
            source: String::from_utf8_lossy(bytes).into_owned(),
            diagnostics,
        })
    }
}

/// Projects by root, built as files ask for them.
pub struct Projects {
    cwd: PathBuf,
    /// `--persona`, over every config's `persona:`.
    persona: Option<Persona>,
    explicit: Option<Arc<Project>>,
    /// The project of the current directory: stdin, and files outside any
    /// repository.
    cwd_root: Option<PathBuf>,
    by_root: HashMap<Option<PathBuf>, Arc<Project>>,
    /// [`discover::repo_root`] of each directory asked about.
    root_of_dir: HashMap<PathBuf, Option<PathBuf>>,
}

impl Projects {
    /// `explicit` is `--config`: it is read now, and used for every file.
    pub fn new(explicit: Option<&Path>, cwd: &Path, persona: Option<Persona>) -> anyhow::Result<Projects> {
        let cwd_root = discover::repo_root(cwd);
        let explicit = match explicit {
            Some(path) => Some(Arc::new(load(
                cwd_root.clone(),
                Some(path.to_path_buf()),
                cwd,
                persona,
            )?)),
            None => None,
        };
        Ok(Projects {
            cwd: cwd.to_path_buf(),
            persona,
            explicit,
            cwd_root,
            by_root: HashMap::new(),
            root_of_dir: HashMap::new(),
        })
    }

    /// The project of a file on disk (`None`: stdin).
    pub fn for_file(&mut self, file: Option<&Path>) -> anyhow::Result<Arc<Project>> {
        let dir = file.and_then(|f| f.parent()).map(|dir| {
            if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            }
        });
        // Files of one directory share a root: look it up once, not once
        // per file (a walk up the tree with two `stat`s per level).
        let found = dir.and_then(|dir| {
            self.root_of_dir
                .entry(dir.to_path_buf())
                .or_insert_with(|| discover::repo_root(dir))
                .clone()
        });
        let root = found.or_else(|| self.cwd_root.clone());
        if let Some(p) = &self.explicit {
            // One config for all, but each file still sees its own repository.
            if p.root == root {
                return Ok(p.clone());
            }
            let key = root.clone();
            if let Some(p) = self.by_root.get(&key) {
                return Ok(p.clone());
            }
            let project = Arc::new(Project {
                repo: root.clone().map(FsRepo::new),
                root,
                config: p.config.clone(),
                config_path: p.config_path.clone(),
                actionlint_path: p.actionlint_path.clone(),
                config_findings: Vec::new(),
            });
            self.by_root.insert(key, project.clone());
            return Ok(project);
        }
        if let Some(p) = self.by_root.get(&root) {
            return Ok(p.clone());
        }
        let config_path = root
            .as_ref()
            .map(|r| r.join(DEFAULT_CONFIG_PATH))
            .filter(|p| p.is_file());
        let project = Arc::new(load(root.clone(), config_path, &self.cwd, self.persona)?);
        self.by_root.insert(root, project.clone());
        Ok(project)
    }

    /// Every project used so far, the `--config` one first.
    pub fn all(&self) -> Vec<Arc<Project>> {
        let mut out: Vec<Arc<Project>> = self.explicit.iter().cloned().collect();
        let mut rest: Vec<&Arc<Project>> = self.by_root.values().collect();
        rest.sort_by(|a, b| a.root.cmp(&b.root));
        out.extend(rest.into_iter().cloned());
        out
    }
}

/// A config file, regular and at most one byte past the engine's budget (it
/// reports a file over it): `--config` may name a FIFO or a device, and a
/// committed config can be any size.
fn read_config(path: &Path) -> anyhow::Result<Vec<u8>> {
    crate::files::read_regular(path, config::READ_LIMIT)
        .with_context(|| format!("cannot read config file {}", path.display()))
}

fn load(
    root: Option<PathBuf>,
    config_path: Option<PathBuf>,
    cwd: &Path,
    persona: Option<Persona>,
) -> anyhow::Result<Project> {
    let repo = root.clone().map(FsRepo::new);
    // actionlint's config, when the repository has one, adds its facts.
    let actionlint = root.as_deref().and_then(autoheal_fs_repo::actionlint_config_file);
    let read = |path: &Option<PathBuf>| -> anyhow::Result<Option<(String, Vec<u8>)>> {
        path.as_ref()
            .map(|p| Ok((crate::check::display_path(p, cwd), read_config(p)?)))
            .transpose()
    };
    let (own, theirs) = (read(&config_path)?, read(&actionlint)?);
    fn file(read: &Option<(String, Vec<u8>)>) -> Option<config::ConfigFile<'_>> {
        read.as_ref().map(|(shown, bytes)| config::ConfigFile { shown, bytes })
    }
    let loaded = config::load(file(&own), file(&theirs));
    let mut config = loaded.config;
    let config_findings = [(own, loaded.autoheal), (theirs, loaded.actionlint)]
        .into_iter()
        .filter_map(|(read, diagnostics)| {
            let (shown, bytes) = read?;
            ConfigFindings::of(shown, &bytes, diagnostics)
        })
        .collect();
    if let Some(p) = persona {
        config.persona = p;
    }
    Ok(Project {
        root,
        config,
        config_path,
        actionlint_path: actionlint,
        config_findings,
        repo,
    })
}

impl Project {
    /// What `-v` says about this project's config.
    pub fn describe(&self, shown: impl Fn(&Path) -> String) -> String {
        let files_of = match &self.root {
            Some(r) => format!("files under {}", shown(r)),
            None => "files outside any repository".to_string(),
        };
        let actionlint = match &self.actionlint_path {
            Some(p) => format!(
                "actionlint config: {} read (its runner labels, config-variables and path ignores apply)",
                shown(p)
            ),
            None => "actionlint config: none".to_string(),
        };
        match &self.config_path {
            Some(p) => format!("config: {} (for {files_of}); {actionlint}", shown(p)),
            None => format!("config: none found, defaults (for {files_of}); {actionlint}"),
        }
    }
}
