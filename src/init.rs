//! `autoheal init`: write the auto-heal workflows and a commented config
//! into this repository.

use std::collections::BTreeSet;

use anyhow::Context as _;
use autoheal_github::init::{InitOptions, Mode, plan_init};
use clap::{Args, ValueEnum};

use crate::{Outcome, Verbosity, discover};

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

pub fn run(args: InitArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
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
        // A dangling symlink exists too: never written through without --force.
        .filter(|f| std::fs::symlink_metadata(root.join(f.path)).is_ok())
        .map(|f| f.path.to_string())
        .collect();
    let files = plan_init(&options, &existing)?;
    for file in &files {
        crate::files::write_inside(&root, &root.join(file.path), file.contents.as_bytes())?;
        if !verbosity.quiet {
            outln!("wrote {}", file.path);
        }
    }
    Ok(Outcome::Clean)
}
