//! `artipacked`: `actions/checkout` leaves the job's token on disk (in
//! `.git/config` before v6, under `$RUNNER_TEMP` since) unless told
//! `persist-credentials: false`. Every later step can read it, and an
//! artifact of the workspace can publish it.
//!
//! Checks: `artipacked/untrusted-code` (the job checked out a pull
//! request's code in a privileged workflow, which can read the token: high),
//! `artipacked/upload` (the job uploads the workspace root or hidden files
//! as an artifact: medium severity, high confidence), `artipacked/persisted`
//! (any other checkout: pedantic, low confidence).
//!
//! Fix: add `persist-credentials: false`; safe when no later step of the
//! job runs `git`/`gh` against the remote or a known pushing action,
//! unsafe otherwise (that step would lose its credentials).

use super::audit::{self, HIGH, LOW, MEDIUM, StepRef};
use super::{Context, Rule, WORKFLOWS};
use crate::config::Persona;
use crate::diagnostic::{Confidence, Fix, Severity};
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "artipacked",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "`actions/checkout` without `persist-credentials: false` leaves the token where later steps and artifacts reach it.",
    kinds: WORKFLOWS,
    codes: &[UNTRUSTED_CODE, UPLOAD, PERSISTED],
    reports_errors: false,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// Persisted credentials beside code from a pull request.
pub const UNTRUSTED_CODE: &str = "artipacked/untrusted-code";
/// A checkout whose persisted credentials are uploaded as an artifact.
pub const UPLOAD: &str = "artipacked/upload";
/// A checkout that persists its credentials (auditor persona).
pub const PERSISTED: &str = "artipacked/persisted";

const PUSHING_ACTIONS: &[&str] = &[
    "stefanzweifel/git-auto-commit-action",
    "peter-evans/create-pull-request",
    "endbug/add-and-commit",
    "ad-m/github-push-action",
    "changesets/action",
];

const REMOTE_GIT: &[&str] = &[
    "git push",
    "git fetch",
    "git pull",
    "git ls-remote",
    "git clone",
    "gh ",
    "git submodule update",
];

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let privileged = audit::triggers(root)
        .iter()
        .any(|(t, _)| audit::is_privileged_trigger(t));
    let steps = audit::steps(ctx);
    for (i, step) in steps.iter().enumerate() {
        if !audit::uses_action(step.node, "actions/checkout") {
            continue;
        }
        match audit::input(step.node, "persist-credentials").and_then(Node::as_str) {
            Some(v) if v.eq_ignore_ascii_case("false") || v.contains("${{") => continue,
            _ => {}
        }
        // A job's steps are contiguous in `steps`: the rest of this job's
        // are the ones right after it.
        let later: Vec<&StepRef<'_>> = steps[i + 1..]
            .iter()
            .take_while(|s| matches!((s.job, step.job), (Some(a), Some(b)) if a.id == b.id))
            .collect();
        let untrusted_ref = audit::input(step.node, "ref").and_then(Node::as_str).is_some_and(|r| {
            let r = r.to_ascii_lowercase();
            r.contains("head.sha")
                || r.contains("head.ref")
                || r.contains("head_ref")
                || r.contains("refs/pull/")
                || r.contains("head_sha")
        });
        let (code, severity, confidence, message) = if privileged && untrusted_ref {
            (
                UNTRUSTED_CODE,
                HIGH,
                Confidence::High,
                "this checkout of the pull request's code keeps the token on disk, where that code can read it; set `persist-credentials: false`",
            )
        } else if later.iter().any(|s| uploads_workspace(s.node)) {
            (
                UPLOAD,
                MEDIUM,
                Confidence::High,
                "the token stays on disk after this checkout and a later step uploads the workspace as an artifact, which can publish it; set `persist-credentials: false`",
            )
        } else if ctx.shows(Persona::Pedantic) {
            (
                PERSISTED,
                LOW,
                Confidence::Low,
                "the token stays on disk after this checkout, readable by every later step; set `persist-credentials: false` unless a step pushes",
            )
        } else {
            continue;
        };
        let needs_git = later.iter().any(|s| uses_remote_git(s.node));
        let fix = audit::set_input(ctx, step.node, "persist-credentials", "false").map(|e| {
            let title = "Set `persist-credentials: false`";
            if needs_git {
                Fix::unsafe_(title, vec![e]).with_explanation(
                    "A later step runs git or gh against the remote and will need its own credentials (e.g. a token in its `env:`).",
                )
            } else {
                Fix::safe(title, vec![e]).with_explanation("No later step of this job talks to the remote with git.")
            }
        });
        let at = step.node.get("uses").map_or(step.node.span, |u| u.span);
        let d = ctx.report_audit(code, severity, confidence, at, message);
        d.fixes.extend(fix);
    }
}

/// `actions/upload-artifact` of the workspace root, or with hidden files.
fn uploads_workspace(step: &Node) -> bool {
    if !audit::uses_action(step, "actions/upload-artifact") {
        return false;
    }
    if audit::input(step, "include-hidden-files").and_then(Node::as_str) == Some("true") {
        return true;
    }
    let Some(path) = audit::input(step, "path").and_then(Node::as_str) else {
        return false;
    };
    path.lines().map(str::trim).any(|p| {
        matches!(
            p,
            "." | "./" | "*" | "**" | "./*" | "./**" | "${{ github.workspace }}" | "${{ github.workspace }}/"
        )
    })
}

fn uses_remote_git(step: &Node) -> bool {
    if let Some(run) = step.get("run").and_then(Node::as_str) {
        return REMOTE_GIT.iter().any(|c| run.contains(c));
    }
    audit::action_name(step).is_some_and(|n| PUSHING_ACTIONS.contains(&n.as_str()))
}
