//! `autoheal report`: file an issue for a failed workflow run (the monitor
//! step). The work happens in `autoheal-github`.

use autoheal_github::RepoName;
use clap::Args;

use crate::github_args::{ApiArgs, TerminalProgress, client, on_terminal, print_report, report_options, runtime};
use crate::{Outcome, Verbosity};

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

pub fn run(args: ReportArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
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
