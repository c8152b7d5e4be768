//! `dangerous-triggers`: `pull_request_target`, `workflow_run` and
//! `issue_comment` run in the base repository, with its secrets and a token
//! that can write, while anyone who can open a pull request or comment can
//! start them. Worse is a workflow that then checks out or runs the
//! triggering pull request's code (a "pwn request"), or runs artifacts the
//! triggering run uploaded.
//!
//! Checks: `dangerous-triggers/trigger` (the trigger itself, medium
//! confidence: many such workflows are careful), `…/untrusted-checkout`
//! (checks out the pull request's head; high confidence when a later step
//! of the job runs code), `…/untrusted-artifact` (downloads the triggering
//! run's artifacts). No fix: the safe shape (split into a `pull_request`
//! workflow and a privileged one) is a redesign.

use super::audit::{self, HIGH, StepRef};
use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::{Confidence, Severity};
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "dangerous-triggers",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "`pull_request_target`, `workflow_run` and `issue_comment` run with write access for outsiders; never run their code.",
    kinds: WORKFLOWS,
    codes: &[TRIGGER, UNTRUSTED_CHECKOUT, UNTRUSTED_ARTIFACT],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// A `pull_request_target` or `workflow_run` trigger.
pub const TRIGGER: &str = "dangerous-triggers/trigger";
/// A checkout of the pull request's code in such a workflow.
pub const UNTRUSTED_CHECKOUT: &str = "dangerous-triggers/untrusted-checkout";
/// An artifact of the triggering run downloaded in such a workflow.
pub const UNTRUSTED_ARTIFACT: &str = "dangerous-triggers/untrusted-artifact";

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let triggers = audit::triggers(root);
    let privileged: Vec<(&str, &Node)> = triggers
        .iter()
        .copied()
        .filter(|(t, _)| audit::is_privileged_trigger(t))
        .collect();
    if privileged.is_empty() {
        return;
    }
    let steps = audit::steps(ctx);
    // Only metadata actions made for this trigger (the labeler reads its
    // config from the base branch): nothing of the pull request runs.
    let metadata_only = !steps.is_empty()
        && steps
            .iter()
            .all(|s| METADATA_ACTIONS.iter().any(|a| audit::uses_action(s.node, a)));
    for (name, node) in &privileged {
        let confidence = if metadata_only && *name == "pull_request_target" {
            if !ctx.shows(crate::config::Persona::Pedantic) {
                continue;
            }
            Confidence::Low
        } else {
            Confidence::Medium
        };
        let why = match *name {
            "pull_request_target" => {
                "runs for pull requests from forks with the base repository's secrets and a token that can write"
            }
            "workflow_run" => {
                "runs with the repository's secrets and a token that can write after a workflow that a pull request from a fork can start"
            }
            _ => "runs with the repository's secrets and a token that can write for a comment by anyone",
        };
        ctx.report_audit(
            TRIGGER,
            HIGH,
            confidence,
            node.report_span(),
            format!("`{name}` {why}; it is almost always used insecurely. Prefer `pull_request`, or never run code or data from the trigger"),
        );
    }
    for (i, step) in steps.iter().enumerate() {
        if let Some((node, what)) = untrusted_checkout(step.node) {
            let runs_code = steps[i + 1..]
                .iter()
                .any(|later| same_job(later, step) && runs_code(later.node));
            let (confidence, tail) = if runs_code {
                (Confidence::High, "and a later step runs it")
            } else {
                (Confidence::Medium, "check that no later step builds or runs it")
            };
            ctx.report_audit(
                UNTRUSTED_CHECKOUT,
                HIGH,
                confidence,
                node.report_span(),
                format!(
                    "{what} in a `{}` workflow checks out the pull request's code with the base repository's secrets and token, {tail} (a \"pwn request\")",
                    privileged[0].0
                ),
            );
        }
        if let Some(node) = triggering_artifact(step.node) {
            ctx.report_audit(
                UNTRUSTED_ARTIFACT,
                HIGH,
                Confidence::Medium,
                node.report_span(),
                "downloads artifacts of the triggering run, which a pull request from a fork controls; treat their content as untrusted data and never run or source it",
            );
        }
    }
}

/// Actions documented for `pull_request_target` that only read the pull
/// request's metadata through the API.
const METADATA_ACTIONS: &[&str] = &["actions/labeler"];

fn same_job(a: &StepRef<'_>, b: &StepRef<'_>) -> bool {
    match (a.job, b.job) {
        (Some(x), Some(y)) => x.id == y.id,
        _ => false,
    }
}

/// Expressions naming the pull request's own code.
const UNTRUSTED_REFS: &[&str] = &[
    "github.event.pull_request.head.sha",
    "github.event.pull_request.head.ref",
    "github.event.pull_request.head.repo.full_name",
    "github.event.pull_request.merge_commit_sha",
    "github.event.workflow_run.head_sha",
    "github.event.workflow_run.head_branch",
    "github.event.workflow_run.head_repository.full_name",
    "github.head_ref",
    "refs/pull/",
];

fn names_untrusted_ref(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    UNTRUSTED_REFS.iter().any(|r| lower.contains(r))
}

/// `actions/checkout` with `ref:`/`repository:` naming the pull request's
/// head, or a `run:` that fetches it (`gh pr checkout`, `git fetch … pull/N/head`).
fn untrusted_checkout(step: &Node) -> Option<(&Node, &'static str)> {
    if audit::uses_action(step, "actions/checkout") {
        for key in ["ref", "repository"] {
            if let Some(v) = audit::input(step, key)
                && v.as_str().is_some_and(names_untrusted_ref)
            {
                return Some((v, "`actions/checkout` of the pull request's head"));
            }
        }
        return None;
    }
    let run = step.get("run")?;
    let script = run.as_str()?;
    let fetches_pr = script.contains("gh pr checkout")
        || (script.contains("git fetch") && (script.contains("pull/") || names_untrusted_ref(script)))
        || (script.contains("git checkout") && names_untrusted_ref(script));
    fetches_pr.then_some((run, "a `run:` step fetching the pull request"))
}

/// Whether a step runs code from the workspace: any `run:` script, a local
/// action, or an action that builds (`setup-*` does not run project code).
fn runs_code(step: &Node) -> bool {
    if step.get("run").is_some() {
        return true;
    }
    let Some(uses) = step.get("uses").and_then(Node::as_str) else {
        return false;
    };
    if uses.starts_with("./") {
        return true;
    }
    let name = audit::action_name(step).unwrap_or_default();
    const BUILDERS: &[&str] = &[
        "docker/build-push-action",
        "gradle/gradle-build-action",
        "gradle/actions/setup-gradle",
        "borales/actions-yarn",
        "bahmutov/npm-install",
        "github/codeql-action/autobuild",
        "pre-commit/action",
    ];
    BUILDERS.contains(&name.as_str())
}

/// `actions/download-artifact` with `run-id: ${{ github.event.workflow_run.id }}`,
/// or `dawidd6/action-download-artifact` (which reads other runs).
fn triggering_artifact(step: &Node) -> Option<&Node> {
    if audit::uses_action(step, "actions/download-artifact") {
        let run_id = audit::input(step, "run-id")?;
        return run_id
            .as_str()
            .is_some_and(|v| v.to_ascii_lowercase().contains("github.event.workflow_run"))
            .then_some(run_id);
    }
    if audit::uses_action(step, "dawidd6/action-download-artifact") {
        return step.get("uses");
    }
    None
}
