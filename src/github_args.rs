//! What `report` and `heal` share: where and how to talk to GitHub, progress
//! lines, and how a report outcome is printed.

use std::sync::Arc;

use anyhow::{Context as _, bail};
use autoheal_github::act::copilot::CopilotStep;
use autoheal_github::progress::Silent;
use autoheal_github::{ClientConfig, FiledIssue, GitHub, Progress, ReportOptions, ReportOutcome};
use clap::Args;

use crate::Verbosity;

/// Where and how to talk to GitHub.
#[derive(Args)]
pub struct ApiArgs {
    /// Print every write (method, path, body summary) instead of making it.
    #[arg(long)]
    pub dry_run: bool,
    /// API base URL; default `$GITHUB_API_URL`, else https://api.github.com (GitHub Enterprise:
    /// `https://HOST/api/v3`). The token comes from `GITHUB_TOKEN` or `GH_TOKEN`; with a GitHub
    /// App installation token, `AUTOHEAL_BOT_LOGIN` names the App (its slug), so autoheal knows
    /// its own issues.
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,
    /// Stop the whole pass after this long (`90s`, `15m`, `2h`; 1s to 24h), saying what it did
    /// not do and which writes it made, and exit 2. Default 15m (the generated jobs allow 20),
    /// or 2h with `--repos`/`--org`.
    #[arg(long, value_name = "DURATION", value_parser = autoheal_github::parse_budget)]
    pub time_budget: Option<std::time::Duration>,
}

/// One line of `report`'s or `heal`'s output on stdout, whatever the names in it hold
/// ([`crate::terminal::one_line`]).
macro_rules! say {
    ($($arg:tt)*) => {
        outln!("{}", crate::terminal::one_line(&format!($($arg)*)))
    };
}
pub(crate) use say;

/// Progress as plain `autoheal: …` lines on stderr: what CI logs (`CI=true`) and pipes get.
struct StderrProgress;

impl Progress for StderrProgress {
    fn step(&self, message: &str) {
        eprintln!("autoheal: {}", crate::terminal::one_line(message));
    }
}

/// Progress on a terminal: one status line, rewritten in place, cleared when done.
pub struct TerminalProgress;

impl Progress for TerminalProgress {
    fn step(&self, message: &str) {
        let shown: String = crate::terminal::one_line(message).chars().take(100).collect();
        eprint!("\r\x1b[2Kautoheal: {shown}");
    }
}

impl TerminalProgress {
    pub fn clear() {
        eprint!("\r\x1b[2K");
    }
}

pub fn on_terminal() -> bool {
    use std::io::IsTerminal as _;
    std::io::stderr().is_terminal() && std::env::var("CI").map_or(true, |v| v != "true")
}

pub fn client(api: &ApiArgs) -> anyhow::Result<GitHub> {
    let mut config = ClientConfig::resolve(api.api_url.as_deref(), |key| std::env::var(key).ok())?;
    if config.token.is_none() && !api.dry_run {
        bail!("no GitHub token: set GITHUB_TOKEN or GH_TOKEN");
    }
    config.dry_run = api.dry_run;
    config.echo_dry_run = true;
    config.pass_budget = Some(api.time_budget.unwrap_or(autoheal_github::DEFAULT_PASS_BUDGET));
    Ok(GitHub::new(config)?)
}

pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

pub fn report_options(verbosity: &Verbosity, dry_run: bool) -> ReportOptions {
    let progress: Arc<dyn Progress> = if verbosity.quiet {
        Arc::new(Silent)
    } else if on_terminal() && !dry_run {
        // Dry-run lines are printed by the client; a rewritten status line would garble them.
        Arc::new(TerminalProgress)
    } else {
        Arc::new(StderrProgress)
    };
    ReportOptions {
        progress,
        ..ReportOptions::default()
    }
}

pub fn print_report(outcome: &ReportOutcome, dry_run: bool) {
    let would = if dry_run { " (dry run)" } else { "" };
    match outcome {
        ReportOutcome::Filed(filed) => {
            let kind = if filed.untrusted.is_some() {
                "with the analysis only (the run is not trusted to choose a fix)"
            } else if filed.demoted.is_some() {
                "as needs-manual-fix with a suggested fix (reviewers rejected this kind of fix before)"
            } else if filed.fixable {
                "with a proposed fix"
            } else {
                "as needs-manual-fix"
            };
            say!(
                "filed issue #{} {kind}{would}: {} {}",
                filed.issue.number,
                filed.issue.title,
                filed.issue.html_url
            );
            if let Some(step) = &filed.copilot {
                say!("{}", copilot_line(step));
            }
            workflow_unread_line(filed);
        }
        ReportOutcome::Repeated(filed) => {
            say!(
                "commented on issue #{}{would}: the same failure ({} in {}) is already open {}",
                filed.issue.number,
                filed.record.category,
                filed.record.job,
                filed.issue.html_url
            );
            workflow_unread_line(filed);
        }
        ReportOutcome::RolledBack { branch, rollback } => say!(
            "rolled back pull request #{} of {branch}{would}: its checks failed; {} now needs-manual-fix",
            rollback.pr,
            issue_list(&rollback.issues)
        ),
        ReportOutcome::Skipped { reason } => say!("nothing filed: {reason}"),
    }
}

/// Why the analysis had the logs only: the workflow file was over a budget or not fetched.
fn workflow_unread_line(filed: &FiledIssue) {
    if let Some(why) = &filed.workflow_unread {
        say!("note: {}; the issue says so", crate::terminal::escape(why));
    }
}

/// One line about a Copilot step (a missing optional feature is a note, never an error).
pub fn copilot_line(step: &CopilotStep) -> String {
    match step {
        CopilotStep::ReviewRequested => "copilot: review requested".into(),
        CopilotStep::Assigned => "copilot: the issue is assigned to the Copilot coding agent".into(),
        CopilotStep::TaskStarted => "copilot: a Copilot agent task was started for the issue".into(),
        CopilotStep::Unavailable { reason } => format!("copilot: not available ({reason}); noted on the issue"),
    }
}

pub fn issue_list(issues: &[u64]) -> String {
    if issues.is_empty() {
        return "no linked issue".into();
    }
    issues.iter().map(|n| format!("#{n}")).collect::<Vec<_>>().join(", ")
}
