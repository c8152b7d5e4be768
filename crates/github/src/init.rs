//! `autoheal init`: the files it writes, as data. The CLI does the I/O.
//!
//! The templates follow the security rules of issue 6: `workflow_run` on `completed` for the
//! listed workflows, a job-level `if:` for `failure`/`cancelled`, minimal permissions, no
//! checkout of the failed run's code, and every value passed through `env:` (never `${{ }}`
//! inside a `run:` script).

use std::collections::BTreeSet;

pub const MONITOR_PATH: &str = ".github/workflows/workflow-failure-monitor.yml";
pub const HEAL_PATH: &str = ".github/workflows/auto-heal-workflow.yml";
pub const CONFIG_PATH: &str = ".github/autoheal.yml";
/// The composite action (this project's root `action.yml`) that puts `autoheal` on PATH.
pub const DEFAULT_ACTION: &str = "autoheal-dev/autoheal@v0";

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

#[derive(Debug, Clone)]
pub struct InitOptions {
    /// Names (the `name:` field) of the workflows to watch. Empty: a `CI` placeholder.
    pub workflows: Vec<String>,
    pub mode: Mode,
    /// Overwrite existing files.
    pub force: bool,
    /// `uses:` reference of the action that installs autoheal.
    pub action: String,
}

impl Default for InitOptions {
    fn default() -> Self {
        InitOptions {
            workflows: Vec::new(),
            mode: Mode::Single,
            force: false,
            action: DEFAULT_ACTION.to_string(),
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
}

/// The files to write. `existing` holds the repository-relative paths that already exist;
/// unless `force`, any overlap is refused and nothing should be written.
pub fn plan_init(options: &InitOptions, existing: &BTreeSet<String>) -> Result<Vec<InitFile>, InitError> {
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
            contents: config_file(),
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
    let names: Vec<&str> = options
        .workflows
        .iter()
        .map(String::as_str)
        .filter(|n| !n.trim().is_empty())
        .collect();
    let names = if names.is_empty() { vec!["CI"] } else { names };
    names.iter().map(|n| format!("      - {}\n", quoted(n))).collect()
}

fn monitor_workflow(options: &InitOptions) -> String {
    let (permissions, step_name, command, token, mode_note) = match options.mode {
        Mode::Single => (
            "      contents: write       # push the fix branch\n      pull-requests: write  # open the fix PR\n      issues: write         # file or update the failure issue\n      actions: read         # read the failed run, its jobs and logs\n      checks: read          # read annotations (how a timeout shows)\n",
            "Report the failure and propose a fix",
            "autoheal heal --repo \"$REPO\" --run-id \"$RUN_ID\"",
            "${{ github.token }}",
            "# Mode: single workflow (default). Issues created with GITHUB_TOKEN do not trigger other\n# workflows, so this job reports AND heals. Note: GITHUB_TOKEN may not change files under\n# .github/workflows/; autoheal then posts the patch as a comment and labels the issue\n# needs-manual-fix. See docs/ci-setup.md for App/PAT tokens.\n",
        ),
        Mode::TwoWorkflow => (
            "      contents: read        # read the workflow file at the failed commit\n      issues: write         # file or update the failure issue\n      actions: read         # read the failed run, its jobs and logs\n      checks: read          # read annotations (how a timeout shows)\n",
            "Report the failure",
            "autoheal report --repo \"$REPO\" --run-id \"$RUN_ID\"",
            "${{ secrets.AUTOHEAL_TOKEN || github.token }}",
            "# Mode: two workflows. This job only files the issue; auto-heal-workflow.yml opens the PR\n# when the issue is labeled auto-heal. That needs a GitHub App or PAT token in the\n# AUTOHEAL_TOKEN secret, because issues created with GITHUB_TOKEN trigger no workflows.\n# (The runner sets GITHUB_API_URL, so GitHub Enterprise works unchanged.)\n",
        ),
    };
    format!(
        "# Generated by `autoheal init`: watches the workflows below and files an issue (and a fix\n# PR) when one of them fails or is cancelled.\n{mode_note}name: Workflow failure monitor\n\non:\n  workflow_run:\n    # The workflows to watch, by their `name:`.\n    workflows:\n{workflows}    types: [completed]\n\n# Nothing by default; the job asks for what it needs.\npermissions: {{}}\n\nconcurrency:\n  group: autoheal-run-${{{{ github.event.workflow_run.id }}}}\n  cancel-in-progress: false\n\njobs:\n  autoheal:\n    # Only failed or cancelled runs; autoheal itself skips runs cancelled by hand.\n    if: github.event.workflow_run.conclusion == 'failure' || github.event.workflow_run.conclusion == 'cancelled'\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    permissions:\n{permissions}    steps:\n      # No checkout: the failed run's code is never executed here. autoheal reads the\n      # workflow file through the API.\n      - name: Install autoheal\n        uses: {action}\n      - name: {step_name}\n        env:\n          GH_TOKEN: {token}\n          REPO: ${{{{ github.repository }}}}\n          RUN_ID: ${{{{ github.event.workflow_run.id }}}}\n        run: {command}\n",
        workflows = workflow_list(options),
        action = options.action,
    )
}

fn heal_workflow(options: &InitOptions) -> String {
    let token = match options.mode {
        Mode::Single => "${{ github.token }}",
        Mode::TwoWorkflow => "${{ secrets.AUTOHEAL_TOKEN || github.token }}",
    };
    format!(
        "# Generated by `autoheal init`: turns an issue labeled `auto-heal` into a fix PR.\n# In the default single-workflow mode this is the manual trigger: add the `auto-heal`\n# label to an issue to (re)try the fix. In two-workflow mode it runs for every issue the\n# monitor files. Issues labeled `needs-manual-fix` are skipped (the opt-out).\nname: Auto-heal workflow\n\non:\n  issues:\n    types: [opened, labeled]\n\npermissions: {{}}\n\nconcurrency:\n  group: autoheal-issue-${{{{ github.event.issue.number }}}}\n  cancel-in-progress: false\n\njobs:\n  heal:\n    if: contains(github.event.issue.labels.*.name, 'auto-heal') && !contains(github.event.issue.labels.*.name, 'needs-manual-fix')\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    permissions:\n      contents: write       # push the fix branch\n      pull-requests: write  # open the fix PR\n      issues: write         # comment and label the issue\n      actions: read         # read the failed run's logs\n      checks: read          # read annotations\n    steps:\n      - name: Install autoheal\n        uses: {action}\n      - name: Open or update the fix PR\n        env:\n          GH_TOKEN: {token}\n          REPO: ${{{{ github.repository }}}}\n          ISSUE_NUMBER: ${{{{ github.event.issue.number }}}}\n        run: autoheal heal --repo \"$REPO\" --issue \"$ISSUE_NUMBER\"\n",
        action = options.action,
    )
}

fn config_file() -> String {
    "# autoheal configuration (written by `autoheal init`). Every key is optional.\n\
     \n\
     # Findings at or above this severity make `autoheal check` exit 1: error or warning.\n\
     fail-level: error\n\
     \n\
     # Turn rules off or change their severity:\n\
     # rules:\n\
     #   shellcheck: off\n\
     #   deprecated-commands:\n\
     #     severity: warning\n\
     \n\
     # Paths (globs from the repository root) not to lint:\n\
     # ignore:\n\
     #   - .github/workflows/experimental-*.yml\n\
     \n\
     # Labels of self-hosted or larger runners used by this repository:\n\
     # runner-labels:\n\
     #   - gpu-large\n\
     \n\
     # Run shellcheck on run: scripts when it is installed:\n\
     # shellcheck: true\n\
     \n\
     # Extra failure patterns for the log analyzer (category is one of missing_dependency,\n\
     # timeout, missing_command, file_not_found, yaml_syntax, optional_job, rate_limit):\n\
     # log-patterns:\n\
     #   - regex: 'cannot find tool (\\S+)'\n\
     #     category: missing_command\n\
     #     subject-group: 1\n\
     \n\
     # After this many rejected (closed unmerged) PRs, a fix type or failure fingerprint stops\n\
     # producing PRs and is filed as a suggestion labeled needs-manual-fix instead.\n\
     rejection-threshold: 3\n"
        .to_string()
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
    }
}
