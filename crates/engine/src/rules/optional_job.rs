//! `optional-job`: a job on an ARM64, self-hosted or experimental runner
//! whose failure fails the whole run. Such runners are scarcer and flakier;
//! marking the job `continue-on-error` keeps it informative but not blocking.

use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::{Fix, Severity};
use crate::edit;
use crate::model::{Job, Workflow};
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "optional-job",
    default_severity: Severity::Info,
    enabled_by_default: true,
    summary: "Jobs on ARM64, self-hosted or experimental runners block the workflow when they fail; consider `continue-on-error`.",
    kinds: WORKFLOWS,
    check,
};

/// Why a job looks optional, if it does.
pub fn optional_reason(job: &Job<'_>) -> Option<String> {
    for label in job.runs_on_labels() {
        let Some(l) = label.as_str() else { continue };
        let lower = l.to_ascii_lowercase();
        if lower == "self-hosted" {
            return Some("runs on a self-hosted runner".into());
        }
        if lower.contains("arm64") || lower.contains("aarch64") || lower.ends_with("-arm") {
            return Some(format!("runs on an ARM64 runner (`{l}`)"));
        }
        if lower.contains("experimental") || lower.contains("nightly") || lower.contains("beta") {
            return Some(format!("runs on an experimental runner (`{l}`)"));
        }
    }
    if matrix_has_experimental(job) {
        return Some("has matrix legs marked `experimental`".into());
    }
    None
}

/// Does the matrix define an `experimental` key (directly or in `include`)?
pub fn matrix_has_experimental(job: &Job<'_>) -> bool {
    let Some(m) = job.matrix() else { return false };
    if m.get("experimental").is_some() {
        return true;
    }
    m.get("include")
        .and_then(Node::as_sequence)
        .is_some_and(|items| items.iter().any(|i| i.get("experimental").is_some()))
}

/// The job the workflow exists for: the only job, or the one most others
/// need. Never made optional.
pub fn is_main_job(wf: &Workflow<'_>, job: &Job<'_>) -> bool {
    if wf.jobs.len() <= 1 {
        return true;
    }
    let dependents = wf
        .jobs
        .iter()
        .filter(|j| j.needs().iter().any(|n| n.as_str() == Some(job.id)))
        .count();
    dependents * 2 > wf.jobs.len().saturating_sub(1) && dependents > 0
}

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    for job in &wf.jobs {
        if job.get("continue-on-error").is_some() || job.is_call() || is_main_job(wf, job) {
            continue;
        }
        let Some(reason) = optional_reason(job) else { continue };
        let fix = continue_on_error_fix(ctx.path, ctx.source, job);
        let d = ctx.report(
            job.entry.key.span,
            format!(
                "job \"{}\" {reason}, and its failure fails the whole run; if it is optional, set `continue-on-error`",
                job.id
            ),
        );
        if let Some(fix) = fix {
            d.fixes.push(fix);
        }
    }
}

/// `continue-on-error: ${{ matrix.experimental }}` when the matrix has that
/// flag, else `continue-on-error: true`.
pub fn continue_on_error_fix(path: &str, source: &str, job: &Job<'_>) -> Option<Fix> {
    let node = job.node();
    let value = if matrix_has_experimental(job) {
        "${{ matrix.experimental }}"
    } else {
        "true"
    };
    let after = node.entry("timeout-minutes").or_else(|| node.entry("runs-on"));
    let edit = edit::insert_entry(path, source, node, after, "continue-on-error", value)?;
    Some(Fix::unsafe_(format!("Set `continue-on-error: {value}` on job `{}`", job.id), vec![edit]).with_explanation(format!(
        "Job `{}` runs somewhere less reliable than GitHub's standard runners. With `continue-on-error`, its failure is still \
         shown but no longer fails the workflow run. Only merge this if the job is truly optional.",
        job.id
    )))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{apply_first_fix, render};

    #[test]
    fn arm_and_self_hosted_jobs_are_flagged_but_not_the_main_job() {
        let src = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n  arm:\n    runs-on: ubuntu-24.04-arm\n  gpu:\n    runs-on: [self-hosted, gpu]\n    continue-on-error: true\n";
        assert_eq!(
            render(src, "optional-job"),
            [
                "5:3: job \"arm\" runs on an ARM64 runner (`ubuntu-24.04-arm`), and its failure fails the whole run; if it is optional, set `continue-on-error`"
            ]
        );
        let only = "on: push\njobs:\n  arm:\n    runs-on: ubuntu-24.04-arm\n";
        assert!(render(only, "optional-job").is_empty());
    }

    #[test]
    fn matrix_experimental_flag_is_used_by_the_fix() {
        let src = "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n  test:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest]\n        include:\n          - os: ubuntu-latest\n            experimental: true\n    steps:\n      - run: make\n";
        let out = apply_first_fix(src, "optional-job");
        assert!(
            out.contains("    runs-on: ${{ matrix.os }}\n    continue-on-error: ${{ matrix.experimental }}\n"),
            "{out}"
        );
    }
}
