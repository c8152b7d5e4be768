//! The `autoheal` command line: a thin shell around the engine crates.

/// `println!` that ends the process quietly when stdout is a closed pipe
/// (`autoheal … | head`), instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            $crate::exit_on_write_error(e);
        }
    }};
}

/// `print!` with the same closed-pipe handling as `outln!`.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = write!(std::io::stdout().lock(), $($arg)*) {
            $crate::exit_on_write_error(e);
        }
    }};
}

mod check;
mod diagnose;
mod discover;
mod fs_repo;
mod github_cmds;
mod output;
mod rules_cmd;
mod shellcheck;
mod stats_cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Lint, diagnose and heal GitHub Actions workflows.
#[derive(Parser)]
#[command(name = "autoheal", version, about, long_about = None)]
struct Cli {
    /// Print only diagnostics (no summaries or progress).
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print more about what is being done.
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint workflow files and action metadata, like actionlint.
    Check(check::CheckArgs),
    /// Read failed-run logs: find the root cause and map it onto the workflow.
    Diagnose(diagnose::DiagnoseArgs),
    /// Turn a failed run's log into a verified fix (a diff, or `--write`).
    Fix(diagnose::FixArgs),
    /// File an issue for a failed workflow run (the monitor step).
    Report(github_cmds::ReportArgs),
    /// Turn an auto-heal issue, or a failed run, into a fix pull request.
    Heal(github_cmds::HealArgs),
    /// Write the auto-heal workflows and a commented config into this repository.
    Init(github_cmds::InitArgs),
    /// What auto-heal did in a repository: issues, PRs, merge rate, time to merge, recurrences.
    Stats(stats_cmd::StatsArgs),
    /// Heal the recent failed runs of many repositories; the same as `heal --repos/--org`.
    #[command(hide = true)]
    HealMany(stats_cmd::HealManyArgs),
    /// Run the language server on stdio.
    Lsp,
    /// List every rule with its default severity.
    Rules,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff) to stdout.
    Man,
    /// Print the documentation of a rule.
    Explain {
        /// The rule id, e.g. `timeout`.
        rule: String,
    },
}

/// What a command reports back to `main`.
pub enum Outcome {
    /// Ran; nothing at or above the fail level.
    Clean,
    /// Ran; found something (exit 1).
    Findings,
}

pub struct Verbosity {
    pub quiet: bool,
    pub verbose: bool,
}

pub fn exit_on_write_error(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("autoheal: error: cannot write to stdout: {e}");
    std::process::exit(2);
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let verbosity = Verbosity {
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    let result = match cli.command {
        Command::Check(args) => check::run(args, &verbosity),
        Command::Diagnose(args) => diagnose::diagnose(args, &verbosity),
        Command::Fix(args) => diagnose::fix(args, &verbosity),
        Command::Report(args) => github_cmds::report(args, &verbosity),
        Command::Heal(args) => github_cmds::heal(args, &verbosity),
        Command::Init(args) => github_cmds::init(args, &verbosity),
        Command::Stats(args) => stats_cmd::run_stats(args),
        Command::HealMany(args) => stats_cmd::run_heal_many(args, &verbosity),
        Command::Lsp => autoheal_lsp::run_stdio_blocking().map(|()| Outcome::Clean),
        Command::Rules => rules_cmd::list(),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "autoheal",
                &mut std::io::stdout(),
            );
            Ok(Outcome::Clean)
        }
        Command::Man => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
                .render(&mut buf)
                .map_err(anyhow::Error::from)
                .map(|()| {
                    out!("{}", String::from_utf8_lossy(&buf));
                    Outcome::Clean
                })
        }
        Command::Explain { rule } => rules_cmd::explain(&rule),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(e) => {
            eprintln!("autoheal: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
