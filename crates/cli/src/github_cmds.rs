//! `autoheal report`, `autoheal heal` and `autoheal init`: the CI loop that files auto-heal
//! issues and fix pull requests. The work happens in `autoheal-github`; this is argument
//! parsing, the token, progress lines and exit codes.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context as _, bail};
use autoheal_github::init::{InitOptions, Mode, plan_init};
use autoheal_github::loop_progress::Silent;
use autoheal_github::{
    ClientConfig, GitHub, HealOptions, HealOutcome, HealTarget, Progress, RepoName, ReportOptions, ReportOutcome,
};
use clap::{ArgGroup, Args, ValueEnum};

use crate::stats_cmd::{HealManyArgs, StatsFormat, run_heal_many};
use crate::{Outcome, Verbosity, discover};

/// Where and how to talk to GitHub.
#[derive(Args)]
pub struct ApiArgs {
    /// Print every write (method, path, body summary) instead of making it.
    #[arg(long)]
    pub dry_run: bool,
    /// API base URL; default `$GITHUB_API_URL`, else https://api.github.com (GitHub Enterprise:
    /// `https://HOST/api/v3`). The token comes from `GITHUB_TOKEN` or `GH_TOKEN`.
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,
}

#[derive(Args)]
pub struct ReportArgs {
    /// The repository, `OWNER/NAME`.
    #[arg(long, value_name = "OWNER/NAME")]
    pub repo: String,
    /// The failed workflow run.
    #[arg(long, value_name = "ID")]
    pub run_id: u64,
    #[command(flatten)]
    pub api: ApiArgs,
}

/// One repository (`--repo` with `--issue` or `--run-id`) or many (`--repos FILE` or
/// `--org ORG`, scanning recent failed runs); exactly one of the four targets is given.
#[derive(Args)]
#[command(group(ArgGroup::new("target").required(true).args(["issue", "run_id", "repos", "org"])))]
pub struct HealArgs {
    /// The repository, `OWNER/NAME` (with `--issue` or `--run-id`).
    #[arg(long, value_name = "OWNER/NAME", required_unless_present_any = ["repos", "org"])]
    pub repo: Option<String>,
    /// An issue filed by `autoheal report`.
    #[arg(long, value_name = "N", requires = "repo")]
    pub issue: Option<u64>,
    /// A failed run: report it, then heal the issue, in one go.
    #[arg(long, value_name = "ID", requires = "repo")]
    pub run_id: Option<u64>,
    /// Heal many repositories: a file with one `OWNER/NAME` a line (`#` starts a comment).
    #[arg(long, value_name = "FILE", conflicts_with = "repo")]
    pub repos: Option<std::path::PathBuf>,
    /// Heal every repository of this organization (archived ones are skipped).
    #[arg(long, value_name = "ORG", conflicts_with = "repo")]
    pub org: Option<String>,
    /// With `--repos`/`--org`: scan runs created since then (`24h`, `7d`, a date or an RFC 3339 time).
    #[arg(long, value_name = "WHEN", default_value = "24h", conflicts_with = "repo")]
    pub since: String,
    /// With `--repos`/`--org`: repositories processed at once.
    #[arg(long, value_name = "N", default_value_t = autoheal_github::multi::DEFAULT_CONCURRENCY, conflicts_with = "repo")]
    pub concurrency: usize,
    /// With `--repos`/`--org`: the summary as a table or JSON.
    #[arg(long, value_enum, default_value_t = StatsFormat::Human, conflicts_with = "repo")]
    pub format: StatsFormat,
    #[command(flatten)]
    pub api: ApiArgs,
}

impl HealArgs {
    /// The multi-repository pass these arguments ask for, if any.
    fn many(&self) -> Option<HealManyArgs> {
        if self.repos.is_none() && self.org.is_none() {
            return None;
        }
        Some(HealManyArgs {
            repos: self.repos.clone(),
            org: self.org.clone(),
            since: self.since.clone(),
            concurrency: self.concurrency,
            format: self.format,
            dry_run: self.api.dry_run,
            api_url: self.api.api_url.clone(),
        })
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ModeArg {
    /// The monitor reports and heals (works with the built-in GITHUB_TOKEN).
    Single,
    /// The monitor reports; a second workflow heals labeled issues (needs an App or PAT token).
    Two,
}

#[derive(Args)]
pub struct InitArgs {
    /// The workflows to watch, by their `name:` (default: `CI`).
    #[arg(long, num_args = 1.., value_name = "NAME")]
    pub workflows: Vec<String>,
    #[arg(long, value_enum, default_value_t = ModeArg::Single)]
    pub mode: ModeArg,
    /// Replace files that already exist.
    #[arg(long)]
    pub force: bool,
    /// The `uses:` reference of the action that installs autoheal.
    #[arg(long, value_name = "OWNER/REPO@REF")]
    pub action: Option<String>,
}

/// Progress as plain `autoheal: …` lines on stderr: what CI logs (`CI=true`) and pipes get.
struct StderrProgress;

impl Progress for StderrProgress {
    fn step(&self, message: &str) {
        eprintln!("autoheal: {message}");
    }
}

/// Progress on a terminal: one status line, rewritten in place, cleared when done.
struct TerminalProgress;

impl Progress for TerminalProgress {
    fn step(&self, message: &str) {
        let shown: String = message.chars().take(100).collect();
        eprint!("\r\x1b[2Kautoheal: {shown}");
    }
}

impl TerminalProgress {
    fn clear() {
        eprint!("\r\x1b[2K");
    }
}

fn on_terminal() -> bool {
    use std::io::IsTerminal as _;
    std::io::stderr().is_terminal() && std::env::var("CI").map_or(true, |v| v != "true")
}

fn client(api: &ApiArgs) -> anyhow::Result<GitHub> {
    let mut config = ClientConfig::resolve(api.api_url.as_deref(), |key| std::env::var(key).ok())?;
    if config.token.is_none() && !api.dry_run {
        bail!("no GitHub token: set GITHUB_TOKEN or GH_TOKEN");
    }
    config.dry_run = api.dry_run;
    config.echo_dry_run = true;
    Ok(GitHub::new(config)?)
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

fn report_options(verbosity: &Verbosity, dry_run: bool) -> ReportOptions {
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

fn print_report(outcome: &ReportOutcome, dry_run: bool) {
    let would = if dry_run { " (dry run)" } else { "" };
    match outcome {
        ReportOutcome::Filed(filed) => {
            let kind = if filed.demoted.is_some() {
                "as needs-manual-fix with a suggested fix (reviewers rejected this kind of fix before)"
            } else if filed.fixable {
                "with a proposed fix"
            } else {
                "as needs-manual-fix"
            };
            outln!(
                "filed issue #{} {kind}{would}: {} {}",
                filed.issue.number,
                filed.issue.title,
                filed.issue.html_url
            );
        }
        ReportOutcome::Repeated(filed) => outln!(
            "commented on issue #{}{would}: the same failure ({} in {}) is already open {}",
            filed.issue.number,
            filed.record.analysis.category,
            filed.record.analysis.job,
            filed.issue.html_url
        ),
        ReportOutcome::RolledBack { branch, rollback } => outln!(
            "rolled back pull request #{} of {branch}{would}: its checks failed; {} now needs-manual-fix",
            rollback.pr,
            issue_list(&rollback.issues)
        ),
        ReportOutcome::Skipped { reason } => outln!("nothing filed: {reason}"),
    }
}

pub fn report(args: ReportArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
    let repo = RepoName::parse(&args.repo)?;
    let options = report_options(verbosity, args.api.dry_run);
    let outcome = runtime()?.block_on(async {
        let gh = client(&args.api)?;
        anyhow::Ok(autoheal_github::report(&gh, &repo, args.run_id, &options).await?)
    });
    if on_terminal() && !verbosity.quiet && !args.api.dry_run {
        TerminalProgress::clear();
    }
    let outcome = outcome?;
    print_report(&outcome, args.api.dry_run);
    Ok(Outcome::Clean)
}

fn issue_list(issues: &[u64]) -> String {
    if issues.is_empty() {
        return "no linked issue".into();
    }
    issues.iter().map(|n| format!("#{n}")).collect::<Vec<_>>().join(", ")
}

pub fn heal(args: HealArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
    if let Some(many) = args.many() {
        return run_heal_many(many, verbosity);
    }
    let Some(repo) = args.repo.as_deref() else {
        bail!("pass --repo OWNER/NAME with --issue or --run-id, or --repos FILE / --org ORG");
    };
    let repo = RepoName::parse(repo)?;
    let target = match (args.issue, args.run_id) {
        (Some(issue), _) => HealTarget::Issue(issue),
        (None, Some(run)) => HealTarget::Run(run),
        (None, None) => bail!("pass --issue N or --run-id ID"),
    };
    let options = HealOptions {
        report: report_options(verbosity, args.api.dry_run),
    };
    let healed = runtime()?.block_on(async {
        let gh = client(&args.api)?;
        anyhow::Ok(autoheal_github::heal(&gh, &repo, target, &options).await?)
    });
    if on_terminal() && !verbosity.quiet && !args.api.dry_run {
        TerminalProgress::clear();
    }
    let healed = healed?;
    let would = if args.api.dry_run { " (dry run)" } else { "" };
    if let Some(reported) = &healed.report {
        print_report(reported, args.api.dry_run);
    }
    match &healed.outcome {
        HealOutcome::Opened { branch, pull, .. } => {
            outln!(
                "opened pull request #{} from {branch}{would}: {}",
                pull.number,
                pull.html_url
            )
        }
        HealOutcome::Updated {
            branch, pull, changed, ..
        } => {
            let what = if *changed { "updated" } else { "already up to date:" };
            outln!(
                "{what} pull request #{} from {branch}{would}: {}",
                pull.number,
                pull.html_url
            )
        }
        HealOutcome::Skipped { reason, .. } => outln!("skipped: {reason}"),
        HealOutcome::NoFix { issue, reason } => outln!("no fix for issue #{issue}: {reason}"),
        // The report line above already said what was rolled back.
        HealOutcome::RolledBack { .. } => {}
    }
    Ok(Outcome::Clean)
}

pub fn init(args: InitArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let root = discover::repo_root(&cwd).unwrap_or(cwd);
    let mut options = InitOptions {
        workflows: args.workflows,
        mode: match args.mode {
            ModeArg::Single => Mode::Single,
            ModeArg::Two => Mode::TwoWorkflow,
        },
        force: args.force,
        ..InitOptions::default()
    };
    if let Some(action) = args.action {
        options.action = action;
    }
    let candidates = plan_init(
        &InitOptions {
            force: true,
            ..options.clone()
        },
        &BTreeSet::new(),
    )?;
    let existing: BTreeSet<String> = candidates
        .iter()
        .filter(|f| root.join(f.path).exists())
        .map(|f| f.path.to_string())
        .collect();
    let files = plan_init(&options, &existing)?;
    for file in &files {
        write_file(&root.join(file.path), &file.contents)?;
        if !verbosity.quiet {
            outln!("wrote {}", file.path);
        }
    }
    Ok(Outcome::Clean)
}

fn write_file(path: &Path, contents: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(path, contents).with_context(|| format!("cannot write {}", path.display()))
}
