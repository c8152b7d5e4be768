//! `autoheal fix`: turn a failed run's log into a verified fix, printed as
//! a diff or written with `--write`.

use std::path::PathBuf;

use anyhow::{Context as _, bail};
use autoheal_engine::repo::{NoRepo, RepoFiles};
use autoheal_fs_repo::FsRepo;
use clap::Args;

use crate::logs_input::{analyze, load, read_text, repo_relative};
use crate::terminal::escape;
use crate::{Outcome, Verbosity};

#[derive(Args)]
pub struct FixArgs {
    /// The failed run's log: raw job log, web-UI text or run-logs zip; `-`
    /// reads it from stdin.
    #[arg(long = "log", required = true)]
    pub logs: Vec<PathBuf>,
    /// The workflow to fix; default: the file the log names (`Invalid
    /// workflow file: …`), else the only workflow defining a job the log names.
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

pub fn run(args: FixArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
    let loaded = load(&args.logs, &args.annotations, args.config.as_deref())?;
    let (workflow_file, why) = match &args.workflow {
        Some(p) => (p.clone(), None),
        None => {
            let root = loaded
                .root
                .as_deref()
                .context("no --workflow given and not inside a repository to search for it")?;
            match crate::find_workflow::find(&loaded.analysis, root) {
                Some(found) => (found.path, Some(found.reason)),
                None => bail!("cannot tell which workflow this log belongs to; pass --workflow FILE"),
            }
        }
    };
    let text = read_text(&workflow_file)?;
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
                eprintln!(
                    "autoheal: no fix for {} ({}): {}",
                    f.category.as_str(),
                    escape(&f.message),
                    escape(reason)
                );
            }
        }
        return Ok(Outcome::Findings);
    }
    let write_root = match &loaded.root {
        Some(r) => r.clone(),
        None => crate::files::write_root()?,
    };
    for (path, new) in &plan.files {
        let full = match &loaded.root {
            Some(r) if path != &rel || args.workflow.is_none() => r.join(path),
            _ if path == &rel => workflow_file.clone(),
            _ => PathBuf::from(path),
        };
        let old = if path == &rel {
            text.clone()
        } else {
            crate::files::read_regular(&full, crate::check::READ_LIMIT)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_default()
        };
        if args.write {
            crate::files::write_inside(&write_root, &full, new.as_bytes())?;
            if !verbosity.quiet {
                outln!("wrote {}", full.display());
            }
        } else {
            out!("{}", autoheal_fixes::unified_diff(path, &old, new));
        }
    }
    if !verbosity.quiet {
        for f in &plan.fixes {
            eprintln!("autoheal: {}: {}", escape(&f.title), escape(&f.explanation));
        }
    }
    Ok(Outcome::Clean)
}
