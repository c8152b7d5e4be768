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

// mimalloc: about a fifth less CPU than glibc malloc on a lint (see the
// dependency in Cargo.toml and docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// One module per command.
mod check;
#[cfg(feature = "logs")]
mod diagnose;
mod explain;
#[cfg(feature = "logs")]
mod fix;
#[cfg(feature = "github")]
mod heal;
#[cfg(feature = "github")]
mod init;
#[cfg(feature = "github")]
mod report;
mod rules;
#[cfg(feature = "github")]
mod stats;

// What several commands share.
mod discover;
mod files;
#[cfg(feature = "logs")]
mod find_workflow;
#[cfg(feature = "github")]
mod github_args;
#[cfg(feature = "logs")]
mod logs_input;
mod output;
mod projects;
mod terminal;
#[cfg(not(all(feature = "logs", feature = "lsp", feature = "github")))]
mod unavailable;

// Without a feature its commands keep their names and take any arguments,
// so that running one says which feature it needs (see `unavailable`).
#[cfg(not(feature = "lsp"))]
use unavailable::Args as LspArgs;
#[cfg(not(feature = "logs"))]
use unavailable::{Args as DiagnoseArgs, Args as FixArgs};
#[cfg(not(feature = "github"))]
use unavailable::{Args as HealArgs, Args as HealManyArgs, Args as InitArgs, Args as ReportArgs, Args as StatsArgs};
#[cfg(feature = "logs")]
use {diagnose::DiagnoseArgs, fix::FixArgs};
#[cfg(feature = "github")]
use {heal::HealArgs, heal::HealManyArgs, init::InitArgs, report::ReportArgs, stats::StatsArgs};

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
    /// Color human output: `auto` (on a terminal, unless `NO_COLOR` is set;
    /// `FORCE_COLOR` or `CLICOLOR_FORCE` force it), `always` or `never`.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t)]
    color: terminal::ColorChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint workflow files and action metadata, like actionlint.
    Check(check::CheckArgs),
    /// Read failed-run logs: find the root cause and map it onto the workflow.
    Diagnose(DiagnoseArgs),
    /// Turn a failed run's log into a verified fix (a diff, or `--write`).
    Fix(FixArgs),
    /// File an issue for a failed workflow run (the monitor step).
    Report(ReportArgs),
    /// Turn an auto-heal issue, or a failed run, into a fix pull request.
    Heal(HealArgs),
    /// Write the auto-heal workflows and a commented config into this repository.
    Init(InitArgs),
    /// What auto-heal did in a repository: issues, PRs, merge rate, time to merge, recurrences.
    Stats(StatsArgs),
    /// Heal the recent failed runs of many repositories; the same as `heal --repos/--org`.
    #[command(hide = true)]
    HealMany(HealManyArgs),
    /// Run the language server on stdio.
    #[cfg(feature = "lsp")]
    Lsp,
    /// Run the language server on stdio.
    #[cfg(not(feature = "lsp"))]
    Lsp(LspArgs),
    /// List every rule with its default severity.
    Rules,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff) to stdout.
    Man,
    /// Print the documentation of any id autoheal prints: a rule, a check
    /// code, `config` or `past-failure`.
    Explain {
        /// The id, e.g. `timeout`, `schema/unknown-key` or `config`.
        id: String,
    },
}

/// What a command reports back to `main`; each command's meaning of the
/// two is in docs/cli.md ("Exit codes").
pub enum Outcome {
    /// Exit 0: ran, and nothing needs attention (`check`: nothing at or above
    /// the fail level; `diagnose`: a failure was recognized; `fix`: a fix).
    Clean,
    /// Exit 1: ran, and the answer is the one a script stops on (`check`:
    /// findings; `diagnose`: no failure recognized; `fix`: nothing fixable).
    Findings,
    /// The language server ended without `shutdown` first (exit 1, as the
    /// LSP specification asks).
    #[cfg(feature = "lsp")]
    LspExitWithoutShutdown,
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

/// A reader that stopped reading (`autoheal … | head`) is a normal end, in
/// whatever error the write that noticed it was wrapped.
fn is_closed_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(BrokenPipe)
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    terminal::init_color(cli.color);
    let verbosity = Verbosity {
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    let result = match cli.command {
        Command::Check(args) => check::run(args, &verbosity),
        #[cfg(feature = "logs")]
        Command::Diagnose(args) => diagnose::run(args, &verbosity),
        #[cfg(feature = "logs")]
        Command::Fix(args) => fix::run(args, &verbosity),
        #[cfg(not(feature = "logs"))]
        Command::Diagnose(_) | Command::Fix(_) => unavailable::run(unavailable::Feature::Logs),
        #[cfg(feature = "github")]
        Command::Report(args) => report::run(args, &verbosity),
        #[cfg(feature = "github")]
        Command::Heal(args) => heal::run(args, &verbosity),
        #[cfg(feature = "github")]
        Command::Init(args) => init::run(args, &verbosity),
        #[cfg(feature = "github")]
        Command::Stats(args) => stats::run(args),
        #[cfg(feature = "github")]
        Command::HealMany(args) => heal::run_heal_many(args, &verbosity),
        #[cfg(not(feature = "github"))]
        Command::Report(_) | Command::Heal(_) | Command::Init(_) | Command::Stats(_) | Command::HealMany(_) => {
            unavailable::run(unavailable::Feature::Github)
        }
        #[cfg(feature = "lsp")]
        Command::Lsp => autoheal_lsp::run_stdio_blocking().map(|ended| {
            if ended.shut_down {
                Outcome::Clean
            } else {
                Outcome::LspExitWithoutShutdown
            }
        }),
        #[cfg(not(feature = "lsp"))]
        Command::Lsp(_) => unavailable::run(unavailable::Feature::Lsp),
        Command::Rules => rules::run(),
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
        Command::Explain { id } => explain::run(&id),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        #[cfg(feature = "lsp")]
        Ok(Outcome::LspExitWithoutShutdown) => ExitCode::from(1),
        Err(e) if is_closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("autoheal: error: {}", terminal::error_text(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}
