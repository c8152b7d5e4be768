//! `autoheal init`: write the auto-heal workflows and a commented config
//! into this repository. The templates are data in `autoheal_github::init`;
//! this reads the repository's workflows, resolves the action's tag to a
//! commit when asked to pin it, and writes the files.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::Context as _;
use autoheal_github::init::{ActionRef, DEFAULT_ACTION, InitError, InitOptions, Mode, plan_init, watched_workflows};
use autoheal_github::{ClientConfig, GitHub, RepoName};
use clap::{Args, ValueEnum};

use crate::github_args::runtime;
use crate::{Outcome, Verbosity, discover};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ModeArg {
    /// The monitor reports and heals (works with the built-in GITHUB_TOKEN).
    Single,
    /// The monitor reports; a second workflow heals labeled issues (needs an App or PAT token).
    Two,
}

/// How the action reference is written.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum PinArg {
    /// A full commit sha (a tag is resolved through the GitHub API), the tag kept as a
    /// comment. What zizmor and GitHub's hardening guide ask for.
    Sha,
    /// The ref as given (a tag such as `v0`): follows new releases, but whoever can move the
    /// tag changes what runs with this repository's token. zizmor reports it.
    Ref,
}

#[derive(Args)]
pub struct InitArgs {
    /// The workflows to watch, by their `name:` (default: every workflow in
    /// .github/workflows/ with a push or pull_request trigger).
    #[arg(long, num_args = 1.., value_name = "NAME")]
    pub workflows: Vec<String>,
    #[arg(long, value_enum, default_value_t = ModeArg::Single)]
    pub mode: ModeArg,
    /// Replace files that already exist.
    #[arg(long)]
    pub force: bool,
    /// The action that installs autoheal, `OWNER/REPO[/PATH]@REF`.
    #[arg(long, value_name = "OWNER/REPO@REF", default_value = DEFAULT_ACTION)]
    pub action: String,
    /// How to write the action reference: `sha` (default) pins it to a commit, `ref` keeps it.
    #[arg(long, value_enum, default_value_t = PinArg::Sha)]
    pub pin: PinArg,
    /// API base URL for resolving a tag to a commit; default `$GITHUB_API_URL`, else
    /// https://api.github.com. A token (`GITHUB_TOKEN`/`GH_TOKEN`) is optional.
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,
    /// Turn on the Copilot stage in the config (review of heal PRs, hand-off of failures no
    /// rule can fix) and say which token it needs.
    #[arg(long)]
    pub copilot: bool,
}

pub fn run(args: InitArgs, verbosity: &Verbosity) -> anyhow::Result<Outcome> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let root = discover::repo_root(&cwd).unwrap_or(cwd);
    let workflows = if args.workflows.is_empty() {
        let found = watched_workflows(&read_workflows(&root)?);
        if found.is_empty() {
            return Err(InitError::NoWorkflows.into());
        }
        found
    } else {
        args.workflows
    };
    let action = ActionRef::parse(&args.action)?;
    let action = match args.pin {
        PinArg::Sha if !action.is_pinned() => pin(&action, args.api_url.as_deref())?,
        _ => action,
    };
    let options = InitOptions {
        workflows,
        mode: match args.mode {
            ModeArg::Single => Mode::Single,
            ModeArg::Two => Mode::TwoWorkflow,
        },
        force: args.force,
        action,
        copilot: args.copilot,
    };
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
    if !verbosity.quiet {
        outln!("watching: {}", options.workflows.join(", "));
        if args.copilot {
            outln!("{COPILOT_TOKEN_NOTE}");
        }
    }
    Ok(Outcome::Clean)
}

/// What `init --copilot` tells the user about tokens (docs/ci-setup.md has the details).
const COPILOT_TOKEN_NOTE: &str = "copilot: the config asks for a Copilot review on heal PRs and hands unfixable failures \
to the Copilot coding agent. Copilot must be enabled for the repository. Requesting the review works with the \
workflow's token when Copilot code review is available to the repository; assigning an issue to the coding agent \
needs a user token (a fine-grained PAT or a GitHub App user-to-server token of someone with a Copilot seat) in the \
AUTOHEAL_TOKEN secret. Without it autoheal notes on the issue that the hand-off was not possible and carries on. \
See docs/ci-setup.md#copilot.";

/// The action pinned to the commit its ref names, asked through the GitHub API.
fn pin(action: &ActionRef, api_url: Option<&str>) -> anyhow::Result<ActionRef> {
    let failed = |why: String| {
        anyhow::anyhow!(
            "cannot pin `{}@{}` to a commit: {why}. Pass the full commit sha in --action \
             (`git ls-remote https://github.com/{} {}` prints it), or --pin ref to keep the ref",
            action.action,
            action.reference,
            action.repository(),
            action.reference
        )
    };
    let repo = RepoName::parse(action.repository()).map_err(|e| failed(e.to_string()))?;
    let sha = runtime()?.block_on(async {
        let config =
            ClientConfig::resolve(api_url, |key| std::env::var(key).ok()).map_err(|e| failed(e.to_string()))?;
        let gh = GitHub::new(config).map_err(|e| failed(e.to_string()))?;
        gh.resolve_commit(&repo, &action.reference)
            .await
            .map_err(|e| failed(e.to_string()))
    })?;
    if !autoheal_github::init::is_commit_sha(&sha) {
        return Err(failed(format!("GitHub answered `{sha}`, which is not a commit sha")));
    }
    Ok(action.pinned_to(&sha))
}

/// Bytes read of one workflow file when looking for the ones to watch.
const MAX_WORKFLOW_BYTES: u64 = 4 * 1024 * 1024;

/// Every `.github/workflows/*.yml|yaml` of the repository, as (path, text).
fn read_workflows(root: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let dir = root.join(".github/workflows");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.ends_with(".yml") || name.ends_with(".yaml")) {
            continue;
        }
        // A workflow is small; a FIFO or a giant file in the folder is not one to watch.
        let Ok(bytes) = crate::files::read_regular(&entry.path(), MAX_WORKFLOW_BYTES) else {
            continue;
        };
        files.push((
            format!(".github/workflows/{name}"),
            String::from_utf8_lossy(&bytes).into_owned(),
        ));
    }
    files.sort();
    Ok(files)
}
