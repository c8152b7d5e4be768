//! `autoheal diagnose`: read failed-run logs, find the root cause and map
//! it onto the workflow.

use std::path::PathBuf;

use anyhow::Context as _;
use autoheal_engine::repo::{NoRepo, RepoFiles};
use autoheal_fs_repo::FsRepo;
use autoheal_logs::{Analysis, SavedRun};
use clap::{Args, ValueEnum};

use crate::logs_input::{analyze, load, read_text, repo_relative};
use crate::terminal::escape;
use crate::{Outcome, Verbosity};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DiagnoseFormat {
    Human,
    Json,
}

#[derive(Args)]
pub struct DiagnoseArgs {
    /// Job logs (raw API text or text copied from the web UI) or run-logs zips;
    /// `-` reads one from stdin. Logs are streamed, not held in memory.
    #[arg(required = true)]
    pub logs: Vec<PathBuf>,
    /// The workflow file the run came from, to map failures onto its lines;
    /// default: the file the log names, else the only workflow defining a job
    /// the log names (none when neither is found).
    #[arg(long)]
    pub workflow: Option<PathBuf>,
    /// Check-run annotations JSON (where timeouts and invalid-workflow errors show).
    #[arg(long)]
    pub annotations: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = DiagnoseFormat::Human)]
    pub format: DiagnoseFormat,
    /// Save the analysis under `.autoheal/failures/` for the language server.
    #[arg(long)]
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

pub fn run(args: DiagnoseArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
    let loaded = load(&args.logs, &args.annotations, args.config.as_deref())?;
    let found = match (&args.workflow, loaded.root.as_deref()) {
        (Some(p), _) => Some(p.clone()),
        (None, Some(root)) => crate::find_workflow::find(&loaded.analysis, root).map(|found| {
            if !verbosity.quiet {
                eprintln!(
                    "autoheal: mapping onto {}: {}",
                    repo_relative(&found.path, Some(root)),
                    found.reason
                );
            }
            found.path
        }),
        (None, None) => None,
    };
    let workflow = match &found {
        Some(p) => Some((repo_relative(p, loaded.root.as_deref()), read_text(p)?)),
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
        let (path, text) = workflow
            .as_ref()
            .context("--save needs the workflow: pass --workflow FILE (none was found from the log)")?;
        let root = loaded
            .root
            .as_deref()
            .context("--save needs a repository (no .git or .github found)")?;
        let mut saved = SavedRun::new(&analysis, path, Some(text.as_bytes()));
        saved.run_id = args.run_id;
        saved.run_url = args.run_url.clone();
        saved.date = Some(now_rfc3339());
        let file = root.join(autoheal_logs::report::SAVED_RUNS_DIR).join(saved.file_name());
        crate::files::write_inside(root, &file, saved.to_json().as_bytes())?;
        if !verbosity.quiet && args.format == DiagnoseFormat::Human {
            outln!("saved {}", file.display());
        }
    }
    match args.format {
        DiagnoseFormat::Json => outln!("{}", analysis.to_json()),
        DiagnoseFormat::Human => print_human(&analysis, &outcomes),
    }
    // Like `fix` (and grep): 0 when the log shows a failure, 1 when it
    // shows none that is recognized.
    Ok(if analysis.failures.is_empty() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// The analysis time, as the failure store records it when the run's own
/// time is unknown: RFC 3339 in UTC, `YYYY-MM-DDTHH:MM:SSZ`.
fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    rfc3339_utc(secs)
}

/// `secs` since 1970-01-01 UTC as `YYYY-MM-DDTHH:MM:SSZ` (civil-from-days).
fn rfc3339_utc(secs: u64) -> String {
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let of_day = secs % 86_400;
    let (hh, mm, ss) = (of_day / 3600, of_day / 60 % 60, of_day % 60);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
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
        // Everything but the numbers comes from the log: escaped.
        outln!(
            "{}. {}{}{} [{fixable}, confidence {:.2}]",
            i + 1,
            f.category.as_str(),
            escape(&subject),
            escape(&where_),
            f.confidence
        );
        outln!("   {}", escape(&f.message));
        if let Some(span) = &f.span {
            outln!(
                "   --> {}:{}:{}",
                escape(&span.path),
                span.start.line,
                span.start.column
            );
        }
        for e in f.evidence.iter().take(5) {
            outln!("   {:>6} | {}", e.line, escape(&e.text));
        }
        if let Some(o) = outcomes.get(i) {
            // The level says who may apply it: `fix --write` and heal take
            // safe and unsafe fixes, a display-only one (a guess, or a
            // fallback that hides the failure) is for a person.
            for fix in &o.fixes {
                let what = if fix.fallback { ", fallback" } else { "" };
                outln!("   fix: {} [{}{what}]", escape(&fix.title), fix.applicability.as_str());
            }
            if let (true, Some(reason)) = (o.fixes.is_empty() && f.fixable, &o.manual_reason) {
                outln!("   no fix: {}", escape(reason));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::rfc3339_utc;

    #[test]
    fn times_are_rfc3339_in_utc() {
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
        // 2024-02-29 (a leap day) 23:59:59.
        assert_eq!(rfc3339_utc(1_709_251_199), "2024-02-29T23:59:59Z");
        assert_eq!(rfc3339_utc(1_709_251_200), "2024-03-01T00:00:00Z");
    }
}
