//! `autoheal stats`: what auto-heal did in a repository. The work happens
//! in `autoheal_github::stats`.

use anyhow::Context as _;
use autoheal_github::many;
use autoheal_github::stats::{render_human, stats};
use autoheal_github::{ClientConfig, GitHub, RepoName};
use clap::{Args, ValueEnum};

use crate::Outcome;

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

pub fn since_arg(raw: &str) -> anyhow::Result<many::Time> {
    many::parse_since(raw, many::now())
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

pub fn run(args: StatsArgs) -> anyhow::Result<Outcome> {
    out!("{}", stats_text(&args)?);
    Ok(Outcome::Clean)
}

#[cfg(test)]
mod tests {
    use autoheal_fake_github::{FakeGithub, SeedIssue, SeedPull};

    use super::*;

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
