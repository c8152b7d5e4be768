//! The `autoheal` command line: a thin shell around the engine crates.

mod check;
mod discover;
mod fs_repo;
mod output;
mod rules_cmd;

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
    /// List every rule with its default severity.
    Rules,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let verbosity = Verbosity { quiet: cli.quiet, verbose: cli.verbose };
    let result = match cli.command {
        Command::Check(args) => check::run(args, &verbosity),
        Command::Rules => rules_cmd::list(),
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
