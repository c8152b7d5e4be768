//! What `diagnose` and `fix` share: reading the log files and the config,
//! and running the analysis.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use autoheal_engine::config::{Config, DEFAULT_CONFIG_PATH};
use autoheal_logs::{Analysis, LogFile, LogInput, Options, WorkflowFile};

use crate::discover;

pub struct Loaded {
    pub logs: Vec<(String, Vec<u8>)>,
    pub annotations: Vec<Vec<u8>>,
    pub options: Options,
    pub root: Option<PathBuf>,
}

pub fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

pub fn load(logs: &[PathBuf], annotations: &[PathBuf], config: Option<&Path>) -> anyhow::Result<Loaded> {
    let root = discover::repo_root(&std::env::current_dir()?);
    let logs = logs
        .iter()
        .map(|p| Ok((p.display().to_string(), read(p)?)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let annotations = annotations
        .iter()
        .map(|p| read(p))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let config_path = config.map(Path::to_path_buf).or_else(|| {
        root.as_ref()
            .map(|r| r.join(DEFAULT_CONFIG_PATH))
            .filter(|p| p.is_file())
    });
    let mut options = Options::default();
    if let Some(p) = config_path {
        let (config, diags) = Config::parse(
            &p.display().to_string(),
            &read(&p)?,
            &autoheal_engine::rules::rule_ids(),
        );
        if let Some(d) = diags.first() {
            bail!("{}: {}", p.display(), d.message);
        }
        options.custom_patterns = autoheal_logs::classify::custom::from_config(&config);
    }
    if let Some(r) = &root {
        if let Some(name) = r.file_name().and_then(|n| n.to_str()) {
            options.own_packages.push(name.replace('-', "_"));
        }
    }
    Ok(Loaded {
        logs,
        annotations,
        options,
        root,
    })
}

pub fn analyze(loaded: &Loaded, workflow: Option<(&str, &str)>) -> anyhow::Result<Analysis> {
    let input = LogInput {
        logs: loaded
            .logs
            .iter()
            .map(|(_, b)| LogFile { job: None, bytes: b })
            .collect(),
        annotations: loaded
            .annotations
            .iter()
            .map(|b| LogFile { job: None, bytes: b })
            .collect(),
        workflow: workflow.map(|(path, text)| WorkflowFile { path, text }),
        job_conclusion: None,
    };
    autoheal_logs::analyze(&input, &loaded.options).map_err(|e| anyhow::anyhow!("{e}"))
}

/// The workflow's path relative to the repository root (what GitHub and the
/// failure store call it).
pub fn repo_relative(path: &Path, root: Option<&Path>) -> String {
    let abs = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    match root.and_then(|r| abs.strip_prefix(r).ok()) {
        Some(rel) => rel.to_string_lossy().replace('\\', "/"),
        None => path.to_string_lossy().replace('\\', "/"),
    }
}
