//! Commands this build leaves out. The default build (what `cargo install
//! --path .` and pre-commit's `language: rust` hook compile) is lint-only; the
//! `logs`, `lsp` and `github` features (all in `full`, which release binaries
//! and wheels use) add the rest. A left-out command still parses, with any
//! arguments, so that running it names the feature instead of failing on an
//! argument.

use std::ffi::OsString;

use anyhow::bail;

use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
    _ignored: Vec<OsString>,
}

// Which variants a build uses depends on its features.
#[allow(dead_code)]
pub enum Feature {
    Logs,
    Lsp,
    Github,
}

pub fn run(feature: Feature) -> anyhow::Result<Outcome> {
    let (name, what) = match feature {
        Feature::Logs => ("logs", "the log commands (diagnose, fix)"),
        Feature::Lsp => ("lsp", "the language server"),
        Feature::Github => ("github", "the GitHub commands (report, heal, stats, init)"),
    };
    bail!(
        "this autoheal is the lint-only build, without {what}: it was built without the `{name}` feature. \
         Install a release binary or wheel (see the README), or build from source with \
         `cargo install --locked --path . --features full`"
    )
}
