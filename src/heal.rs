//! `autoheal heal`: turn an auto-heal issue or a failed run into a fix pull
//! request, or (with `--repos FILE` / `--org ORG`) heal the recent failed runs
//! of many repositories; `heal-many` is a hidden alias of the latter. The work
//! happens in `autoheal_github::{heal, many}`.

use std::io::{IsTerminal, Write as _};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, bail};
use autoheal_github::act::copilot::CopilotStep;
use autoheal_github::many::{self, ManyOptions, ManyProgress, RepoSummary};
use autoheal_github::{ClientConfig, GitHub, HealOptions, HealOutcome, HealTarget, RepoName, ReportOptions};
use clap::{ArgGroup, Args};

use crate::github_args::{ApiArgs, TerminalProgress, client, on_terminal, print_report, report_options, runtime, say};
use crate::stats::{StatsFormat, since_arg};
use crate::{Outcome, Verbosity};

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
    #[arg(long, value_name = "N", default_value_t = autoheal_github::many::DEFAULT_CONCURRENCY, conflicts_with = "repo", value_parser = concurrency_arg)]
    pub concurrency: usize,
    /// With `--repos`/`--org`: the summary as a table or JSON.
    #[arg(long, value_enum, default_value_t = StatsFormat::Human, conflicts_with = "repo")]
    pub format: StatsFormat,
    #[command(flatten)]
    pub api: ApiArgs,
}

/// The most repositories processed at once: the work waits on the network, and GitHub's
/// secondary rate limits punish many concurrent requests long before this.
const MAX_CONCURRENCY: usize = 64;

/// `--concurrency N`, 1 to [`MAX_CONCURRENCY`]: an error, not a panic, for anything else.
fn concurrency_arg(raw: &str) -> Result<usize, String> {
    match raw.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_CONCURRENCY).contains(&n) => Ok(n),
        _ => Err(format!("expected a whole number from 1 to {MAX_CONCURRENCY}")),
    }
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
            time_budget: self.api.time_budget,
        })
    }
}

#[derive(Args, Debug)]
#[command(group(ArgGroup::new("repositories").required(true).args(["repos", "org"])))]
pub struct HealManyArgs {
    /// A file with one `OWNER/NAME` a line (`#` starts a comment).
    #[arg(long, value_name = "FILE")]
    pub repos: Option<std::path::PathBuf>,
    /// Every repository of this organization (archived ones are skipped).
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Scan runs created since then: a window (`24h`, `7d`), a date or an RFC 3339 time.
    #[arg(long, value_name = "WHEN", default_value = "24h")]
    pub since: String,
    /// Repositories processed at once.
    #[arg(long, value_name = "N", default_value_t = many::DEFAULT_CONCURRENCY, value_parser = concurrency_arg)]
    pub concurrency: usize,
    #[arg(long, value_enum, default_value_t = StatsFormat::Human)]
    pub format: StatsFormat,
    /// Print every write instead of making it.
    #[arg(long)]
    pub dry_run: bool,
    /// API base URL; default `$GITHUB_API_URL`, else https://api.github.com.
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,
    /// Stop the whole pass after this long (`90s`, `15m`, `2h`; 1s to 24h); default 2h.
    #[arg(long, value_name = "DURATION", value_parser = autoheal_github::parse_budget)]
    pub time_budget: Option<std::time::Duration>,
}

pub fn run(args: HealArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
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
        HealOutcome::Opened {
            branch, pull, copilot, ..
        } => {
            say!(
                "opened pull request #{} from {branch}{would}: {}",
                pull.number,
                pull.html_url
            );
            print_copilot(copilot.as_ref());
        }
        HealOutcome::Updated {
            branch,
            pull,
            changed,
            copilot,
            ..
        } => {
            let what = if *changed { "updated" } else { "already up to date:" };
            say!(
                "{what} pull request #{} from {branch}{would}: {}",
                pull.number,
                pull.html_url
            );
            print_copilot(copilot.as_ref());
        }
        HealOutcome::PatchPosted { issue, branch, .. } => {
            say!(
                "posted the patch for {branch} to issue #{issue}{would} and labeled it needs-manual-fix: the token may not change .github/workflows/ (see docs/ci-setup.md)"
            );
            notice(&format!(
                "autoheal posted the fix for issue #{issue} as a patch: the token may not change .github/workflows/. Apply it by hand, or use a token with the workflows permission."
            ));
        }
        HealOutcome::Untrusted { issue, reason } => match issue {
            Some(issue) => say!("no fix for issue #{issue}: {reason}"),
            None => say!("no fix: {reason}"),
        },
        HealOutcome::Skipped { reason, .. } => say!("skipped: {reason}"),
        HealOutcome::NoFix { issue, reason } => say!("no fix for issue #{issue}: {reason}"),
        // The report line above already said what was rolled back.
        HealOutcome::RolledBack { .. } => {}
    }
    Ok(Outcome::Clean)
}

fn print_copilot(step: Option<&CopilotStep>) {
    if let Some(step) = step {
        say!("{}", crate::github_args::copilot_line(step));
    }
}

/// An expected outcome that needs a person: a `::notice::` annotation in GitHub Actions (so it
/// shows on the run's summary page), a plain line on stderr elsewhere.
fn notice(message: &str) {
    if std::env::var_os("GITHUB_ACTIONS").is_some_and(|v| v == "true") {
        // Workflow-command data escapes `%`, CR and LF.
        let data = message.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
        eprintln!("::notice title=autoheal::{data}");
    } else {
        eprintln!("autoheal: notice: {message}");
    }
}

/// A bar redrawn in place on a terminal; one plain line per repository elsewhere (CI logs).
struct BarProgress {
    total: Mutex<usize>,
    terminal: bool,
}

impl ManyProgress for BarProgress {
    fn start(&self, repos: usize) {
        if let Ok(mut total) = self.total.lock() {
            *total = repos;
        }
    }

    fn finished(&self, summary: &RepoSummary, done: usize) {
        let total = self.total.lock().map(|t| *t).unwrap_or(done).max(done);
        let line = if self.terminal {
            progress_bar(done, total, &summary.repo)
        } else {
            format!(
                "autoheal: [{done}/{total}] {}: {}\n",
                summary.repo,
                short_status(summary)
            )
        };
        let mut stderr = std::io::stderr().lock();
        let _ = stderr.write_all(line.as_bytes());
        let _ = stderr.flush();
    }
}

fn short_status(summary: &RepoSummary) -> String {
    match &summary.error {
        Some(error) => format!("failed: {error}"),
        None => format!(
            "{} failed runs, {} healed, {} reported, {} already done",
            summary.failed_runs, summary.healed, summary.reported, summary.already_done
        ),
    }
}

/// `\r[########        ] 5/10 octo/app`, cleared to the end of the line.
pub fn progress_bar(done: usize, total: usize, repo: &str) -> String {
    const WIDTH: usize = 24;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH).min(WIDTH);
    let end = if done >= total { "\n" } else { "" };
    let repo: String = repo.chars().filter(|c| !c.is_control()).take(60).collect();
    format!(
        "\r[{}{}] {done}/{total} {repo}\x1b[K{end}",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled)
    )
}

fn repositories(gh: &GitHub, args: &HealManyArgs) -> impl std::future::Future<Output = anyhow::Result<Vec<RepoName>>> {
    let (gh, file, org) = (gh.clone(), args.repos.clone(), args.org.clone());
    async move {
        match (file, org) {
            (Some(path), _) => {
                let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
                many::parse_repo_list(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
            }
            (None, Some(org)) => Ok(many::org_repos(&gh, &org).await?),
            (None, None) => bail!("give --repos FILE or --org ORG"),
        }
    }
}

pub fn run_heal_many(args: HealManyArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
    let since = since_arg(&args.since)?;
    let terminal = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    let summary = many_runtime()?.block_on(async {
        let mut config = ClientConfig::resolve(args.api_url.as_deref(), |key| std::env::var(key).ok())?;
        if config.token.is_none() && !args.dry_run {
            bail!("no GitHub token: set GITHUB_TOKEN or GH_TOKEN");
        }
        config.dry_run = args.dry_run;
        config.echo_dry_run = !verbosity.quiet;
        config.pass_budget = Some(args.time_budget.unwrap_or(autoheal_github::DEFAULT_MANY_PASS_BUDGET));
        let gh = GitHub::new(config)?;
        let repos = repositories(&gh, &args).await?;
        if repos.is_empty() {
            bail!("no repositories to heal");
        }
        let progress: Arc<dyn ManyProgress> = if verbosity.quiet {
            Arc::new(many::NoProgress)
        } else {
            Arc::new(BarProgress {
                total: Mutex::new(repos.len()),
                terminal,
            })
        };
        let options = ManyOptions {
            since,
            concurrency: args.concurrency.max(1),
            progress,
        };
        let heal = HealOptions {
            report: ReportOptions::default(),
        };
        Ok(many::heal_many(&gh, &repos, &options, many::heal_action(heal)).await)
    })?;
    match args.format {
        StatsFormat::Human => out!("{}", many::render_table(&summary)),
        StatsFormat::Json => outln!("{}", serde_json::to_string_pretty(&summary)?),
    }
    Ok(if summary.failed_repos().is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// A multi-threaded runtime: many repositories are processed at once.
fn many_runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concurrency_is_bounded() {
        assert_eq!(concurrency_arg("8"), Ok(8));
        for bad in ["0", "65", "2305843009213693952", "-1", "x"] {
            assert!(concurrency_arg(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bar_fills_in_proportion_and_ends_the_line_when_done() {
        assert_eq!(
            progress_bar(1, 4, "o/a"),
            format!("\r[{}{}] 1/4 o/a\x1b[K", "#".repeat(6), " ".repeat(18))
        );
        assert!(progress_bar(4, 4, "o/\u{1b}b").ends_with("4/4 o/b\x1b[K\n"));
        assert!(progress_bar(0, 0, "x").contains(&"#".repeat(24)));
    }
}
