//! `autoheal stats` (what auto-heal did in a repository) and the multi-repository heal pass
//! (`autoheal heal --repos FILE | --org ORG --since 24h`; `heal-many` is a hidden alias). The work happens in
//! `autoheal_github::{stats, multi}`; this is arguments, the client, progress and output.

use std::io::{IsTerminal, Write as _};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, bail};
use autoheal_github::multi::{self, ManyOptions, ManyProgress, RepoSummary};
use autoheal_github::stats::{render_human, stats};
use autoheal_github::{ClientConfig, GitHub, HealOptions, RepoName, ReportOptions};
use clap::{ArgGroup, Args, ValueEnum};

use crate::{Outcome, Verbosity};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum StatsFormat {
    Human,
    Json,
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    /// The repository, `OWNER/NAME`.
    #[arg(long, value_name = "OWNER/NAME")]
    pub repo: String,
    /// Count only issues and PRs created since then: `2024-05-01`, an RFC 3339 time, or a
    /// window such as `30d`, `24h`, `2w`.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    #[arg(long, value_enum, default_value_t = StatsFormat::Human)]
    pub format: StatsFormat,
    /// API base URL; default `$GITHUB_API_URL`, else https://api.github.com. The token (optional
    /// for public repositories) comes from `GITHUB_TOKEN` or `GH_TOKEN`.
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,
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
    #[arg(long, value_name = "N", default_value_t = multi::DEFAULT_CONCURRENCY)]
    pub concurrency: usize,
    #[arg(long, value_enum, default_value_t = StatsFormat::Human)]
    pub format: StatsFormat,
    /// Print every write instead of making it.
    #[arg(long)]
    pub dry_run: bool,
    /// API base URL; default `$GITHUB_API_URL`, else https://api.github.com.
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

fn client(api_url: Option<&str>, dry_run: bool) -> anyhow::Result<GitHub> {
    let mut config = ClientConfig::resolve(api_url, |key| std::env::var(key).ok())?;
    config.dry_run = dry_run;
    Ok(GitHub::new(config)?)
}

fn since_arg(raw: &str) -> anyhow::Result<multi::Time> {
    multi::parse_since(raw, multi::now())
        .with_context(|| format!("`{raw}` is not a date (2024-05-01), an RFC 3339 time or a window (24h, 7d)"))
}

/// The stats text (human or JSON) for `args`.
pub fn stats_text(args: &StatsArgs) -> anyhow::Result<String> {
    let repo = RepoName::parse(&args.repo)?;
    let since = args.since.as_deref().map(since_arg).transpose()?;
    runtime()?.block_on(async {
        let gh = client(args.api_url.as_deref(), false)?;
        let stats = stats(&gh, &repo, since).await?;
        Ok(match args.format {
            StatsFormat::Human => render_human(&stats),
            StatsFormat::Json => serde_json::to_string_pretty(&stats)? + "\n",
        })
    })
}

pub fn run_stats(args: StatsArgs) -> anyhow::Result<Outcome> {
    out!("{}", stats_text(&args)?);
    Ok(Outcome::Clean)
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
                multi::parse_repo_list(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
            }
            (None, Some(org)) => Ok(multi::org_repos(&gh, &org).await?),
            (None, None) => bail!("give --repos FILE or --org ORG"),
        }
    }
}

pub fn run_heal_many(args: HealManyArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
    let since = since_arg(&args.since)?;
    let terminal = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    let summary = runtime()?.block_on(async {
        let mut config = ClientConfig::resolve(args.api_url.as_deref(), |key| std::env::var(key).ok())?;
        if config.token.is_none() && !args.dry_run {
            bail!("no GitHub token: set GITHUB_TOKEN or GH_TOKEN");
        }
        config.dry_run = args.dry_run;
        config.echo_dry_run = !verbosity.quiet;
        let gh = GitHub::new(config)?;
        let repos = repositories(&gh, &args).await?;
        if repos.is_empty() {
            bail!("no repositories to heal");
        }
        let progress: Arc<dyn ManyProgress> = if verbosity.quiet {
            Arc::new(multi::NoProgress)
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
        Ok(multi::heal_many(&gh, &repos, &options, multi::heal_action(heal)).await)
    })?;
    match args.format {
        StatsFormat::Human => out!("{}", multi::render_table(&summary)),
        StatsFormat::Json => outln!("{}", serde_json::to_string_pretty(&summary)?),
    }
    Ok(if summary.failed_repos().is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

#[cfg(test)]
mod tests {
    use autoheal_fake_github::{FakeGithub, SeedIssue, SeedPull};

    use super::*;

    #[test]
    fn bar_fills_in_proportion_and_ends_the_line_when_done() {
        assert_eq!(
            progress_bar(1, 4, "o/a"),
            format!("\r[{}{}] 1/4 o/a\x1b[K", "#".repeat(6), " ".repeat(18))
        );
        assert!(progress_bar(4, 4, "o/\u{1b}b").ends_with("4/4 o/b\x1b[K\n"));
        assert!(progress_bar(0, 0, "x").contains(&"#".repeat(24)));
    }

    #[test]
    fn stats_command_prints_json_and_human_text_from_the_api() {
        let fake = FakeGithub::start();
        fake.add_repo("octo/app", "main");
        let issue = fake.add_issue(
            "octo/app",
            SeedIssue {
                title: "[auto-heal] CI".into(),
                labels: vec!["auto-heal".into()],
                created_at: "2024-01-01T00:00:00Z".into(),
                ..SeedIssue::default()
            },
        );
        let pull = fake.add_pull(
            "octo/app",
            SeedPull {
                title: "fix".into(),
                body: format!("Fixes #{issue}"),
                head: "autoheal/1-timeout".into(),
                base: "main".into(),
                labels: vec!["auto-heal".into()],
                created_at: "2024-01-01T01:00:00Z".into(),
                ..SeedPull::default()
            },
        );
        fake.merge_pull("octo/app", pull, "2024-01-01T12:00:00Z");
        let mut args = StatsArgs {
            repo: "octo/app".into(),
            since: None,
            format: StatsFormat::Json,
            api_url: Some(fake.url()),
        };
        let json: serde_json::Value =
            serde_json::from_str(&stats_text(&args).unwrap_or_else(|e| panic!("{e:#}"))).unwrap_or_default();
        assert_eq!(json["issues_created"], 1);
        assert_eq!(json["prs_merged"], 1);
        assert_eq!(json["merge_rate"], 1.0);
        assert_eq!(json["median_hours_to_merge"], 12.0);
        assert_eq!(json["by_fix_type"]["unknown"]["prs_merged"], 1);
        args.format = StatsFormat::Human;
        args.since = Some("2024-01-02".into());
        let text = stats_text(&args).unwrap_or_else(|e| panic!("{e:#}"));
        assert!(text.contains("since 2024-01-02T00:00:00Z"), "{text}");
        assert!(text.contains("issues created        0"), "{text}");
        args.since = Some("last tuesday".into());
        assert!(stats_text(&args).is_err());
    }
}
