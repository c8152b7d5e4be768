//! `autoheal check`: lint files, optionally fix them, print diagnostics.

use std::io::Write;
use std::path::{Path, PathBuf};

use std::sync::Arc;

use anyhow::{Context as _, bail};
use autoheal_engine::config::{Config, Persona};
use autoheal_engine::diagnostic::{Applicability, Diagnostic, Severity};
use autoheal_engine::external::{Script, ScriptChecker, ScriptFinding};
use autoheal_engine::lint::{FixSelection, LintOptions, lint_counted};
use autoheal_engine::repo::{NoRepo, RepoFiles};
use autoheal_engine::rules;
use clap::{Args, ValueEnum};
use rayon::prelude::*;

use crate::output::{self, Format};
use crate::projects::{Project, Projects};
use crate::{Outcome, Verbosity, discover, files};

#[derive(Args)]
pub struct CheckArgs {
    /// Files or directories to lint; `-` reads stdin. Default: the
    /// repository's workflows and actions.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Apply fixes in place: `--fix` applies safe fixes, `--fix=unsafe` the
    /// unsafe ones too (never a display-only one).
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "safe", require_equals = true)]
    pub fix: Option<FixMode>,
    /// Config file (default: `.github/autoheal.yml` in the repository).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The path to report for stdin input (also decides workflow vs action).
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,
    /// How much the security audits report: `regular` (likely problems),
    /// `pedantic` (adds hardening advice), `auditor` (everything).
    /// Overrides `persona:` in the config.
    #[arg(long, value_enum)]
    pub persona: Option<PersonaArg>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum PersonaArg {
    Regular,
    Pedantic,
    Auditor,
}

impl From<PersonaArg> for Persona {
    fn from(p: PersonaArg) -> Persona {
        match p {
            PersonaArg::Regular => Persona::Regular,
            PersonaArg::Pedantic => Persona::Pedantic,
            PersonaArg::Auditor => Persona::Auditor,
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FixMode {
    Safe,
    Unsafe,
}

/// Does `--fix` (`mode`) apply a fix of this level? A display-only fix
/// never, not even with `--fix=unsafe`.
fn applies(mode: FixMode, level: Applicability) -> bool {
    level.applies_unattended(mode == FixMode::Unsafe)
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
            bail!("{}", discover::nothing_to_check(root, &cwd));
        }
    }
    for p in &args.paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else {
            // One `stat` per path named: a run over a thousand files spent
            // two on each here, on the main thread, before any lint began.
            match std::fs::metadata(p) {
                Ok(meta) if meta.is_dir() => {
                    let files = discover::dir_files(p);
                    if files.is_empty() {
                        bail!("{}", discover::nothing_to_check(p, &cwd));
                    }
                    inputs.extend(files.into_iter().map(Input::File));
                }
                Ok(_) => inputs.push(Input::File(p.clone())),
                Err(_) => bail!("{}: no such file or directory", p.display()),
            }
        }
    }
    if args.fix.is_some() && inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        bail!("--fix cannot rewrite stdin; pass a file path");
    }

    // Each file is linted with its own repository's config and files.
    let persona = args.persona.map(Persona::from);
    let mut projects = Projects::new(args.config.as_deref(), &cwd, persona)?;
    let jobs = inputs
        .into_iter()
        .map(|input| {
            let file = match &input {
                Input::File(p) => Some(p.as_path()),
                Input::Stdin => None,
            };
            Ok((projects.for_file(file)?, input))
        })
        .collect::<anyhow::Result<Vec<(Arc<Project>, Input)>>>()?;
    let used = projects.all();

    if verbosity.verbose {
        for project in &used {
            eprintln!("autoheal: {}", project.describe(|p| display_path(p, &cwd)));
        }
        let shellcheck_on = used.iter().any(|p| p.config.shellcheck);
        eprintln!("autoheal: {}", shellcheck_status(shellcheck_on));
        let pyflakes_on = used.iter().any(|p| p.config.pyflakes);
        eprintln!("autoheal: {}", pyflakes_status(pyflakes_on));
    }

    let mut stdin_text = None;
    if jobs.iter().any(|(_, i)| matches!(i, Input::Stdin)) {
        // One byte past the budget is enough for the engine to say so.
        stdin_text = Some(files::read_stdin(READ_LIMIT).context("cannot read stdin")?);
    }
    let cwd_write_root = match &root {
        Some(r) => r.clone(),
        None => files::write_root()?,
    };

    let results: Vec<Option<Result<(FileReport, Severity), String>>> = jobs
        .par_iter()
        .map(|(project, input)| {
            let config = &project.config;
            let fail_level = config.fail_level;
            let (path, bytes) = match input {
                Input::Stdin => (args.stdin_filename.clone(), stdin_text.clone().unwrap_or_default()),
                Input::File(p) => {
                    if let Some(root) = &project.root {
                        if config.is_ignored(&relative_to(p, root)) {
                            return None;
                        }
                    }
                    let shown = display_path(p, &cwd);
                    // A directory is skipped, a FIFO, socket or device told
                    // about; both from one `stat` (the read checks again).
                    let meta = std::fs::metadata(p);
                    if meta.as_ref().is_ok_and(|m| m.is_dir()) {
                        return None;
                    }
                    if meta.as_ref().is_ok_and(files::is_special_kind) {
                        if !verbosity.quiet {
                            eprintln!(
                                "autoheal: skipping {}: not a regular file (a FIFO, socket or device); pipe it to `-` to lint it",
                                crate::terminal::escape(&shown)
                            );
                        }
                        return None;
                    }
                    match files::read_regular(p, READ_LIMIT) {
                        Ok(bytes) => (shown, bytes),
                        // One unreadable file is a finding on it; the others are still linted.
                        Err(e) => {
                            let diagnostic = rules::syntax::unreadable(&shown, &e.to_string());
                            let report = FileReport {
                                path: shown,
                                source: String::new(),
                                diagnostics: vec![diagnostic],
                                applied: Vec::new(),
                            };
                            return Some(Ok((report, fail_level)));
                        }
                    }
                }
            };
            let target = match input {
                Input::File(p) => Some(p.as_path()),
                Input::Stdin => None,
            };
            let repo: &dyn RepoFiles = match &project.repo {
                Some(r) => r,
                None => &NoRepo,
            };
            let write_root = project.root.as_deref().unwrap_or(&cwd_write_root);
            // A bug on one file is a finding on it, not the end of the run.
            let linted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                lint_file(
                    &path,
                    bytes,
                    config,
                    repo,
                    args.fix,
                    args.format,
                    target,
                    write_root,
                    verbosity.verbose && !verbosity.quiet,
                )
            }));
            Some(match linted {
                Ok(Ok(report)) => Ok((report, fail_level)),
                Ok(Err(e)) => Err(format!("{path}: {e:#}")),
                Err(panic) => Err(format!(
                    "{path}: internal error, please report it: {}",
                    panic_message(&*panic)
                )),
            })
        })
        .collect();
    // Files that could not be fixed or linted are told on stderr after the
    // others are reported; they make the exit status 2.
    let (mut reports, mut failed) = (Vec::new(), Vec::new());
    let mut failing = false;
    // Mistakes in a config file come first, and count like any finding.
    for project in &used {
        for found in &project.config_findings {
            failing |= found
                .diagnostics
                .iter()
                .any(|d| d.severity >= project.config.fail_level);
            reports.push(FileReport {
                path: found.path.clone(),
                source: found.source.clone(),
                diagnostics: found.diagnostics.clone(),
                applied: Vec::new(),
            });
        }
    }
    for r in results.into_iter().flatten() {
        match r {
            Ok((report, fail_level)) => {
                failing |= report.diagnostics.iter().any(|d| d.severity >= fail_level);
                reports.push(report);
            }
            Err(e) => failed.push(e),
        }
    }

    // Block-buffered: stdout alone flushes at every line, a write call per
    // line of a report that can run to hundreds of thousands of lines.
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    output::write(&mut out, args.format, &reports, verbosity)?;
    out.flush()?;
    if !failed.is_empty() {
        for e in &failed {
            eprintln!("autoheal: error: {}", crate::terminal::error_text(&e.to_string()));
        }
        bail!("{} file(s) could not be checked or fixed", failed.len());
    }
    Ok(if failing { Outcome::Findings } else { Outcome::Clean })
}

/// Bytes read from one file: one more than the engine reads, so a file over
/// its budget is reported as such rather than cut silently.
pub const READ_LIMIT: u64 = autoheal_engine::yaml::limits::MAX_BYTES as u64 + 1;

fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message")
}

#[allow(clippy::too_many_arguments)]
fn lint_file(
    path: &str,
    bytes: Vec<u8>,
    config: &Config,
    repo: &dyn RepoFiles,
    fix: Option<FixMode>,
    format: Format,
    target: Option<&Path>,
    write_root: &Path,
    verbose: bool,
) -> anyhow::Result<FileReport> {
    // Only what will be shown or applied is generated and verified.
    let fixes = match (fix, format) {
        (Some(FixMode::Unsafe), _) | (None, Format::Json | Format::Sarif) => FixSelection::All,
        (Some(FixMode::Safe), _) | (None, Format::Human) => FixSelection::SafeOnly,
        (None, Format::Github) => FixSelection::None,
    };
    let shellcheck = autoheal_shellcheck::for_config(config).map(|s| Noting::new(s, "shellcheck"));
    let pyflakes = autoheal_shellcheck::pyflakes::for_config(config).map(|p| Noting::new(p, "pyflakes"));
    let opts = LintOptions {
        config,
        repo,
        verify_fixes: true,
        fixes,
        kind: None,
        script_checker: shellcheck.as_ref().map(|s| s as &dyn ScriptChecker),
        python_checker: pyflakes.as_ref().map(|p| p as &dyn ScriptChecker),
    };
    let mut linted = lint_counted(path, &bytes, &opts);
    if verbose {
        // A script a checker was given came from a file that decoded as UTF-8.
        let text = String::from_utf8_lossy(&bytes);
        let index = autoheal_engine::LineIndex::new(&text);
        for checker in shellcheck.iter().chain(&pyflakes) {
            for (offset, len) in checker.skipped() {
                let line = index.line_column(&text, offset).line;
                eprintln!(
                    "autoheal: {}:{line}: this `run:` script is {len} bytes, over {tool}'s budget of {} KiB; {tool} did not check it",
                    crate::terminal::escape(path),
                    autoheal_shellcheck::MAX_SCRIPT_BYTES >> 10,
                    tool = checker.tool,
                );
            }
        }
    }
    // The bytes themselves when they are UTF-8 (almost always): no second
    // copy of every file, and no slow lossy scan of it.
    let (source, utf8) = match String::from_utf8(bytes) {
        Ok(text) => (text, true),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), false),
    };
    let mut applied = Vec::new();
    if let (Some(mode), Some(file)) = (fix, target) {
        if utf8 {
            let relint = |t: &str| lint_counted(path, t.as_bytes(), &opts);
            let allowed = |f: &autoheal_engine::Fix| applies(mode, f.applicability);
            let rounds = autoheal_engine::fix::apply_in_rounds(path, &source, linted, &allowed, &relint);
            let text = rounds.text;
            applied = rounds.applied;
            linted = rounds.linted;
            if text != source {
                files::write_inside(write_root, file, text.as_bytes())?;
            }
            return Ok(FileReport {
                path: path.to_string(),
                source: text,
                diagnostics: linted.diagnostics,
                applied,
            });
        }
    }
    Ok(FileReport {
        path: path.to_string(),
        source,
        diagnostics: linted.diagnostics,
        applied,
    })
}

/// shellcheck or pyflakes for one file, remembering which scripts of the
/// file as read (its first lint; `--fix` re-lints edited text) were over the
/// size budget, for `-v` to say they were not checked.
struct Noting {
    checker: &'static (dyn ScriptChecker + Sync),
    /// The program's name, for `-v`.
    tool: &'static str,
    /// (offset, length) of each script over the budget.
    skipped: std::sync::OnceLock<Vec<(usize, usize)>>,
}

impl Noting {
    fn new(checker: &'static (dyn ScriptChecker + Sync), tool: &'static str) -> Self {
        Noting {
            checker,
            tool,
            skipped: std::sync::OnceLock::new(),
        }
    }

    fn skipped(&self) -> Vec<(usize, usize)> {
        self.skipped.get().cloned().unwrap_or_default()
    }
}

impl ScriptChecker for Noting {
    fn check(&self, scripts: &[Script]) -> Vec<ScriptFinding> {
        self.skipped.get_or_init(|| {
            scripts
                .iter()
                .filter(|s| autoheal_shellcheck::over_size_cap(s))
                .map(|s| (s.offset, s.text.len()))
                .collect()
        });
        self.checker.check(scripts)
    }
}

/// A path as shown: relative to the current directory when inside it.
pub fn display_path(p: &Path, cwd: &Path) -> String {
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

/// What `-v` says about shellcheck: whether `run:` scripts get checked
/// (`enabled`: some config used leaves it on).
fn shellcheck_status(enabled: bool) -> String {
    match autoheal_shellcheck::installed() {
        _ if !enabled => "shellcheck: off (`shellcheck: false` in the config)".to_string(),
        Some(s) => format!(
            "shellcheck: on ({}), checks `run:` scripts up to {} KiB, each process for up to {} s",
            s.program().display(),
            autoheal_shellcheck::MAX_SCRIPT_BYTES >> 10,
            s.timeout().as_secs()
        ),
        None => "shellcheck: not installed; `run:` scripts are not checked by it".to_string(),
    }
}

/// What `-v` says about pyflakes: whether Python `run:` scripts get checked
/// (`enabled`: some config used leaves it on).
fn pyflakes_status(enabled: bool) -> String {
    match autoheal_shellcheck::pyflakes::installed() {
        _ if !enabled => "pyflakes: off (`pyflakes: false` in the config)".to_string(),
        Some(p) => format!(
            "pyflakes: on ({}), checks Python `run:` scripts up to {} KiB, each process for up to {} s",
            p.program().display(),
            autoheal_shellcheck::MAX_SCRIPT_BYTES >> 10,
            p.timeout().as_secs()
        ),
        None => "pyflakes: not installed; Python `run:` scripts are not checked (`pip install pyflakes`)".to_string(),
    }
}

#[cfg(test)]
mod applies_tests {
    use super::{FixMode, applies};
    use autoheal_engine::diagnostic::Applicability;

    #[test]
    fn fix_applies_by_level_and_never_a_display_only_fix() {
        assert!(applies(FixMode::Safe, Applicability::Safe));
        assert!(!applies(FixMode::Safe, Applicability::Unsafe));
        assert!(applies(FixMode::Unsafe, Applicability::Unsafe));
        assert!(!applies(FixMode::Safe, Applicability::DisplayOnly));
        assert!(!applies(FixMode::Unsafe, Applicability::DisplayOnly));
    }
}
