//! `autoheal check`: lint files, optionally fix them, print diagnostics.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use autoheal_engine::config::{Config, DEFAULT_CONFIG_PATH};
use autoheal_engine::diagnostic::{Applicability, Diagnostic};
use autoheal_engine::external::ScriptChecker;
use autoheal_engine::lint::{FixSelection, LintOptions, lint};
use autoheal_engine::repo::{NoRepo, RepoFiles};
use autoheal_engine::rules;
use autoheal_fs_repo::FsRepo;
use clap::{Args, ValueEnum};
use rayon::prelude::*;

use crate::output::{self, Format};
use crate::{Outcome, Verbosity, discover};

#[derive(Args)]
pub struct CheckArgs {
    /// Files or directories to lint; `-` reads stdin. Default: the
    /// repository's workflows and actions.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Apply fixes in place: `--fix` applies safe fixes, `--fix=unsafe` all.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "safe", require_equals = true)]
    pub fix: Option<FixMode>,
    /// Config file (default: `.github/autoheal.yml` in the repository).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The path to report for stdin input (also decides workflow vs action).
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FixMode {
    Safe,
    Unsafe,
}

/// One linted file, ready for output.
pub struct FileReport {
    pub path: String,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Titles of the fixes `--fix` applied.
    pub applied: Vec<String>,
}

enum Input {
    File(PathBuf),
    Stdin,
}

pub fn run(args: CheckArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let root = discover::repo_root(&cwd);
    let mut inputs = Vec::new();
    if args.paths.is_empty() {
        let Some(root) = &root else {
            bail!(
                "not inside a repository (no .git or .github found above {}); pass files or directories to check",
                cwd.display()
            )
        };
        inputs.extend(discover::repo_files(root).into_iter().map(Input::File));
        if inputs.is_empty() {
            bail!(
                "no workflow files found under {}",
                root.join(".github/workflows").display()
            );
        }
    }
    for p in &args.paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if p.is_dir() {
            let files = discover::dir_files(p);
            if files.is_empty() && verbosity.verbose {
                eprintln!("autoheal: no YAML files under {}", p.display());
            }
            inputs.extend(files.into_iter().map(Input::File));
        } else if p.exists() {
            inputs.push(Input::File(p.clone()));
        } else {
            bail!("{}: no such file or directory", p.display());
        }
    }
    if args.fix.is_some() && inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        bail!("--fix cannot rewrite stdin; pass a file path");
    }

    let (config, mut config_report) = load_config(args.config.as_deref(), root.as_deref())?;
    let fs_repo = root.clone().map(FsRepo::new);
    let repo: &dyn RepoFiles = match &fs_repo {
        Some(r) => r,
        None => &NoRepo,
    };

    let mut stdin_text = None;
    if inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).context("cannot read stdin")?;
        stdin_text = Some(buf);
    }

    let results: Vec<anyhow::Result<Option<FileReport>>> = inputs
        .par_iter()
        .map(|input| {
            let (path, bytes) = match input {
                Input::Stdin => (args.stdin_filename.clone(), stdin_text.clone().unwrap_or_default()),
                Input::File(p) => {
                    let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
                    (display_path(p, &cwd), bytes)
                }
            };
            if let (Some(root), Input::File(p)) = (&root, input) {
                if config.is_ignored(&relative_to(p, root)) {
                    return Ok(None);
                }
            }
            lint_file(&path, bytes, &config, repo, args.fix, args.format, input).map(Some)
        })
        .collect();
    let mut reports = Vec::new();
    for r in results {
        if let Some(rep) = r? {
            reports.push(rep);
        }
    }
    if let Some(rep) = config_report.take() {
        reports.insert(0, rep);
    }

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Err(e) = output::write(&mut out, args.format, &reports, verbosity) {
        match e.downcast::<std::io::Error>() {
            Ok(io) => crate::exit_on_write_error(io),
            Err(e) => return Err(e),
        }
    }
    out.flush().ok();

    let failing = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= config.fail_level);
    Ok(if failing { Outcome::Findings } else { Outcome::Clean })
}

fn lint_file(
    path: &str,
    bytes: Vec<u8>,
    config: &Config,
    repo: &dyn RepoFiles,
    fix: Option<FixMode>,
    format: Format,
    input: &Input,
) -> anyhow::Result<FileReport> {
    // Only what will be shown or applied is generated and verified.
    let fixes = match (fix, format) {
        (Some(FixMode::Unsafe), _) | (None, Format::Json | Format::Sarif) => FixSelection::All,
        (Some(FixMode::Safe), _) | (None, Format::Human) => FixSelection::SafeOnly,
        (None, Format::Github) => FixSelection::None,
    };
    let script_checker = crate::shellcheck::installed()
        .filter(|_| config.shellcheck)
        .map(|s| s as &dyn ScriptChecker);
    let opts = LintOptions {
        config,
        repo,
        verify_fixes: true,
        fixes,
        kind: None,
        script_checker,
    };
    let mut diagnostics = lint(path, &bytes, &opts);
    let source = String::from_utf8_lossy(&bytes).into_owned();
    let mut applied = Vec::new();
    if let (Some(mode), Input::File(file)) = (fix, input) {
        if std::str::from_utf8(&bytes).is_ok() {
            let mut text = source.clone();
            // Fixes can unlock others (a parse error hides later rules), so
            // re-lint and apply until nothing changes.
            for _ in 0..8 {
                let wanted: Vec<&autoheal_engine::Fix> = diagnostics
                    .iter()
                    .filter_map(|d| {
                        d.fixes
                            .iter()
                            .find(|f| mode == FixMode::Unsafe || f.applicability == Applicability::Safe)
                    })
                    .collect();
                if wanted.is_empty() {
                    break;
                }
                let (new, taken) = autoheal_engine::fix::apply_compatible(path, &text, &wanted);
                if taken.is_empty() || new == text {
                    break;
                }
                applied.extend(taken.iter().map(|f| f.title.clone()));
                text = new;
                diagnostics = lint(path, text.as_bytes(), &opts);
            }
            if text != source {
                write_atomically(file, text.as_bytes())?;
            }
            return Ok(FileReport {
                path: path.to_string(),
                source: text,
                diagnostics,
                applied,
            });
        }
    }
    Ok(FileReport {
        path: path.to_string(),
        source,
        diagnostics,
        applied,
    })
}

/// Write through a temporary file in the same directory and rename it over
/// the original, so an interrupted write never leaves half a workflow.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path)
        .map_err(|e| anyhow::anyhow!("cannot replace {}: {}", path.display(), e.error))?;
    Ok(())
}

fn load_config(explicit: Option<&Path>, root: Option<&Path>) -> anyhow::Result<(Config, Option<FileReport>)> {
    let path = match (explicit, root) {
        (Some(p), _) => p.to_path_buf(),
        (None, Some(r)) if r.join(DEFAULT_CONFIG_PATH).is_file() => r.join(DEFAULT_CONFIG_PATH),
        _ => return Ok((Config::default(), None)),
    };
    let bytes = std::fs::read(&path).with_context(|| format!("cannot read config file {}", path.display()))?;
    let display = display_path(&path, &std::env::current_dir().unwrap_or_default());
    let (config, diags) = Config::parse(&display, &bytes, &rules::rule_ids());
    let report = (!diags.is_empty()).then(|| FileReport {
        path: display,
        source: String::from_utf8_lossy(&bytes).into_owned(),
        diagnostics: diags,
        applied: Vec::new(),
    });
    Ok((config, report))
}

fn display_path(p: &Path, cwd: &Path) -> String {
    let abs = if p.is_absolute() { p.to_path_buf() } else { cwd.join(p) };
    let shown = abs
        .strip_prefix(cwd)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| p.to_path_buf());
    let s = shown.to_string_lossy().replace('\\', "/");
    s.trim_start_matches("./").to_string()
}

fn relative_to(p: &Path, root: &Path) -> String {
    let abs = p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    abs.strip_prefix(root)
        .map(|r| r.to_string_lossy().replace('\\', "/"))
        .unwrap_or_else(|_| p.to_string_lossy().into_owned())
}
