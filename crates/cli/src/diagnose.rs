//! `autoheal diagnose` and `autoheal fix`: read failed-run logs, find the
//! root cause, map it onto the workflow, and (for `fix`) produce the edit.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use autoheal_engine::config::{Config, DEFAULT_CONFIG_PATH};
use autoheal_engine::repo::{NoRepo, RepoFiles};
use autoheal_logs::{Analysis, LogFile, LogInput, Options, SavedRun, WorkflowFile};
use clap::{Args, ValueEnum};

use crate::fs_repo::FsRepo;
use crate::{Outcome, Verbosity, discover};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DiagnoseFormat {
    Human,
    Json,
}

#[derive(Args)]
pub struct DiagnoseArgs {
    /// Job logs (raw API text or text copied from the web UI) or run-logs zips.
    #[arg(required = true)]
    pub logs: Vec<PathBuf>,
    /// The workflow file the run came from, to map failures onto its lines.
    #[arg(long)]
    pub workflow: Option<PathBuf>,
    /// Check-run annotations JSON (where timeouts and invalid-workflow errors show).
    #[arg(long)]
    pub annotations: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = DiagnoseFormat::Human)]
    pub format: DiagnoseFormat,
    /// Save the analysis under `.autoheal/failures/` for the language server.
    #[arg(long, requires = "workflow")]
    pub save: bool,
    /// The run id, recorded with `--save`.
    #[arg(long)]
    pub run_id: Option<u64>,
    /// The run's URL, recorded with `--save`.
    #[arg(long)]
    pub run_url: Option<String>,
    /// Config file (default: `.github/autoheal.yml` in the repository).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

#[derive(Args)]
pub struct FixArgs {
    /// The failed run's log: raw job log, web-UI text or run-logs zip.
    #[arg(long = "log", required = true)]
    pub logs: Vec<PathBuf>,
    /// The workflow to fix; default: found from the job names in the log.
    #[arg(long)]
    pub workflow: Option<PathBuf>,
    #[arg(long)]
    pub annotations: Vec<PathBuf>,
    /// Apply the edits (atomically) instead of printing a diff.
    #[arg(long)]
    pub write: bool,
    #[arg(long)]
    pub config: Option<PathBuf>,
}

struct Loaded {
    logs: Vec<(String, Vec<u8>)>,
    annotations: Vec<Vec<u8>>,
    options: Options,
    root: Option<PathBuf>,
}

fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

fn load(logs: &[PathBuf], annotations: &[PathBuf], config: Option<&Path>) -> anyhow::Result<Loaded> {
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

fn analyze(loaded: &Loaded, workflow: Option<(&str, &str)>) -> anyhow::Result<Analysis> {
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
fn repo_relative(path: &Path, root: Option<&Path>) -> String {
    let abs = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    match root.and_then(|r| abs.strip_prefix(r).ok()) {
        Some(rel) => rel.to_string_lossy().replace('\\', "/"),
        None => path.to_string_lossy().replace('\\', "/"),
    }
}

pub fn diagnose(args: DiagnoseArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
    let loaded = load(&args.logs, &args.annotations, args.config.as_deref())?;
    let workflow = match &args.workflow {
        Some(p) => Some((
            repo_relative(p, loaded.root.as_deref()),
            String::from_utf8(read(p)?).with_context(|| format!("{} is not UTF-8", p.display()))?,
        )),
        None => None,
    };
    let mut analysis = analyze(&loaded, workflow.as_ref().map(|(p, t)| (p.as_str(), t.as_str())))?;
    let fs_repo = loaded.root.clone().map(FsRepo::new);
    let repo: &dyn RepoFiles = match &fs_repo {
        Some(r) => r,
        None => &NoRepo,
    };
    let outcomes = match &workflow {
        Some((path, text)) => autoheal_fixes::attach_fixes(&mut analysis, path, text, repo),
        None => Vec::new(),
    };
    if args.save {
        let (path, text) = workflow.as_ref().expect("clap requires --workflow with --save");
        let root = loaded
            .root
            .as_deref()
            .context("--save needs a repository (no .git or .github found)")?;
        let mut saved = SavedRun::new(&analysis, path, Some(text.as_bytes()));
        saved.run_id = args.run_id;
        saved.run_url = args.run_url.clone();
        saved.date = Some(today());
        let dir = root.join(".autoheal").join("failures");
        std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let file = dir.join(saved.file_name());
        std::fs::write(&file, saved.to_json()).with_context(|| format!("cannot write {}", file.display()))?;
        if !verbosity.quiet && args.format == DiagnoseFormat::Human {
            outln!("saved {}", file.display());
        }
    }
    match args.format {
        DiagnoseFormat::Json => outln!("{}", analysis.to_json()),
        DiagnoseFormat::Human => print_human(&analysis, &outcomes),
    }
    Ok(Outcome::Clean)
}

/// UTC date as `YYYY-MM-DD`, from the system clock (civil-from-days).
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn print_human(analysis: &Analysis, outcomes: &[autoheal_fixes::FixOutcome]) {
    if analysis.failures.is_empty() {
        outln!("No failure recognized in the log.");
        return;
    }
    for (i, f) in analysis.failures.iter().enumerate() {
        let subject = f.subject.as_deref().map(|s| format!(" ({s})")).unwrap_or_default();
        let where_ = match (&f.job, &f.step) {
            (Some(j), Some(s)) => format!(
                " in job `{j}`, step {}",
                s.name
                    .as_deref()
                    .map(str::to_string)
                    .or(s.number.map(|n| n.to_string()))
                    .unwrap_or_default()
            ),
            (Some(j), None) => format!(" in job `{j}`"),
            (None, Some(s)) => format!(" in step {}", s.name.as_deref().unwrap_or("?")),
            _ => String::new(),
        };
        let fixable = if f.fixable { "fixable" } else { "needs a human" };
        outln!(
            "{}. {}{subject}{where_} [{fixable}, confidence {:.2}]",
            i + 1,
            f.category.as_str(),
            f.confidence
        );
        outln!("   {}", f.message);
        if let Some(span) = &f.span {
            outln!("   --> {}:{}:{}", span.path, span.start.line, span.start.column);
        }
        for e in f.evidence.iter().take(5) {
            outln!("   {:>6} | {}", e.line, e.text);
        }
        if let Some(o) = outcomes.get(i) {
            for fix in &o.fixes {
                outln!("   fix: {}", fix.title);
            }
            if let (true, Some(reason)) = (o.fixes.is_empty() && f.fixable, &o.manual_reason) {
                outln!("   no fix: {reason}");
            }
        }
    }
}

pub fn fix(args: FixArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
    let loaded = load(&args.logs, &args.annotations, args.config.as_deref())?;
    let (workflow_file, why) = match &args.workflow {
        Some(p) => (p.clone(), None),
        None => {
            let root = loaded
                .root
                .as_deref()
                .context("no --workflow given and not inside a repository to search for it")?;
            let candidates: Vec<(String, String)> = discover::repo_files(root)
                .into_iter()
                .filter(|p| p.parent().and_then(|d| d.file_name()) == Some("workflows".as_ref()))
                .filter_map(|p| Some((repo_relative(&p, Some(root)), std::fs::read_to_string(&p).ok()?)))
                .collect();
            let analysis = analyze(&loaded, None)?;
            match autoheal_logs::mapping::locate_workflow(&analysis, &candidates) {
                Some((i, reason)) => (root.join(&candidates[i].0), Some(reason)),
                None => bail!("cannot tell which workflow this log belongs to; pass --workflow FILE"),
            }
        }
    };
    let text = String::from_utf8(read(&workflow_file)?)
        .with_context(|| format!("{} is not UTF-8", workflow_file.display()))?;
    let rel = repo_relative(&workflow_file, loaded.root.as_deref());
    if let (Some(why), false) = (&why, verbosity.quiet) {
        eprintln!("autoheal: fixing {rel}: {why}");
    }
    let analysis = analyze(&loaded, Some((&rel, &text)))?;
    let fs_repo = loaded.root.clone().map(FsRepo::new);
    let repo: &dyn RepoFiles = match &fs_repo {
        Some(r) => r,
        None => &NoRepo,
    };
    let inputs: Vec<autoheal_fixes::FailureInput> = analysis
        .failures
        .iter()
        .map(autoheal_fixes::FailureInput::from)
        .collect();
    let plan = autoheal_fixes::plan(&inputs, &rel, &text, repo);
    if plan.fixes.is_empty() {
        if analysis.failures.is_empty() {
            eprintln!("autoheal: nothing fixable: no failure recognized in the log");
        } else {
            for (i, reason) in &plan.skipped {
                let f = &analysis.failures[*i];
                eprintln!("autoheal: no fix for {} ({}): {reason}", f.category.as_str(), f.message);
            }
        }
        return Ok(Outcome::Findings);
    }
    for (path, new) in &plan.files {
        let full = match &loaded.root {
            Some(r) if path != &rel || args.workflow.is_none() => r.join(path),
            _ if path == &rel => workflow_file.clone(),
            _ => PathBuf::from(path),
        };
        let old = if path == &rel {
            text.clone()
        } else {
            std::fs::read_to_string(&full).unwrap_or_default()
        };
        if args.write {
            crate::check::write_atomically(&full, new.as_bytes())?;
            if !verbosity.quiet {
                outln!("wrote {}", full.display());
            }
        } else {
            out!("{}", autoheal_fixes::unified_diff(path, &old, new));
        }
    }
    if !verbosity.quiet {
        for f in &plan.fixes {
            eprintln!("autoheal: {}: {}", f.title, f.explanation);
        }
    }
    Ok(Outcome::Clean)
}
