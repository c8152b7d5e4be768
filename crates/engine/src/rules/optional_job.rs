//! `optional-job`: a job its author marked experimental (a matrix
//! `experimental` flag, an `experimental` runner label) whose failure still
//! fails the whole run. `continue-on-error` keeps it informative but not
//! blocking.
//!
//! An ARM64 or self-hosted runner alone is no evidence that a job is
//! optional, and advising `continue-on-error` there would hide real
//! failures; those jobs get the advice only from evidence, when a failed
//! run's log shows the runner itself failed (the `optional_job` fix type in
//! `autoheal-fixes`, which uses [`optional_reason`]).

use std::collections::HashMap;

use super::runner_label::Machine;
use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::{Fix, Severity};
use crate::edit;
use crate::model::{Job, Workflow};
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "optional-job",
    default_severity: Severity::Info,
    enabled_by_default: true,
    summary: "Jobs marked experimental (a matrix `experimental` flag or runner label) block the workflow when they fail; set `continue-on-error`.",
    kinds: WORKFLOWS,
    codes: &[EXPERIMENTAL_BLOCKS],
    reports_errors: false,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// A job marked experimental whose failure fails the run.
pub const EXPERIMENTAL_BLOCKS: &str = "optional-job/experimental-blocks";

/// Why a job looks optional, if it does: its runner kind or a flag. What
/// the log-driven fix checks once a run showed the runner failing.
pub fn optional_reason(job: &Job<'_>) -> Option<String> {
    for label in job.runs_on_labels() {
        let Some(l) = label.as_str() else { continue };
        match super::runner_label::machine(l) {
            Some(Machine::SelfHosted) => return Some("runs on a self-hosted runner".into()),
            Some(Machine::Arm64) => return Some(format!("runs on an ARM64 runner (`{l}`)")),
            Some(Machine::AppleSilicon) => return Some(format!("runs on an Apple-silicon macOS runner (`{l}`)")),
            Some(Machine::X64Hosted) | None => {}
        }
        if is_experimental_label(l) {
            return Some(format!("runs on an experimental runner (`{l}`)"));
        }
    }
    if matrix_has_experimental(job) {
        return Some("has matrix legs marked `experimental`".into());
    }
    None
}

/// The author's own mark that a job is experimental, if any: a matrix
/// `experimental` flag or a runner label that says so.
fn marked_experimental(job: &Job<'_>) -> Option<String> {
    if matrix_has_experimental(job) {
        return Some("has matrix legs marked `experimental`".into());
    }
    job.runs_on_labels().iter().find_map(|label| {
        let l = label.as_str()?;
        is_experimental_label(l).then(|| format!("runs on an experimental runner (`{l}`)"))
    })
}

/// A runner label its author marked experimental (`experimental` in it,
/// ignoring case): the one reading for this rule, the log-driven fix and
/// its matrix legs. `nightly` or `beta` in a label is no such mark (a
/// toolchain's channel, or letters inside another word).
pub fn is_experimental_label(label: &str) -> bool {
    label.to_ascii_lowercase().contains("experimental")
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
    is_main(wf, job, &dependents(wf))
}

/// How many jobs name each job in `needs:`.
fn dependents<'a>(wf: &Workflow<'a>) -> HashMap<&'a str, usize> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for j in &wf.jobs {
        let mut named: Vec<&str> = j.needs().iter().filter_map(|n| n.as_str()).collect();
        named.sort_unstable();
        named.dedup();
        for id in named {
            *counts.entry(id).or_default() += 1;
        }
    }
    counts
}

fn is_main(wf: &Workflow<'_>, job: &Job<'_>, dependents: &HashMap<&str, usize>) -> bool {
    if wf.jobs.len() <= 1 {
        return true;
    }
    let dependents = dependents.get(job.id).copied().unwrap_or(0);
    dependents * 2 > wf.jobs.len().saturating_sub(1) && dependents > 0
}

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    // Counted once: per job it made the rule quadratic in the jobs.
    let mut counts = None;
    for job in &wf.jobs {
        if job.get("continue-on-error").is_some() || job.is_call() {
            continue;
        }
        let Some(reason) = marked_experimental(job) else {
            continue;
        };
        if is_main(wf, job, counts.get_or_insert_with(|| dependents(wf))) {
            continue;
        }
        let fix = continue_on_error_fix(ctx.path, ctx.source, job);
        let d = ctx
            .report(
                job.entry.key.span,
                format!(
                    "job \"{}\" {reason}, and its failure fails the whole run; if it is optional, set `continue-on-error`",
                    job.id
                ),
            )
            .set_code(EXPERIMENTAL_BLOCKS);
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

    #[test]
    fn arm_and_self_hosted_runners_still_count_for_the_fix_from_a_log() {
        let src = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n  arm:\n    runs-on: ubuntu-24.04-arm\n";
        let doc = crate::yaml::parse(src.as_bytes());
        let wf = crate::model::Workflow::new(doc.root.as_ref().expect("root"));
        let arm = wf.jobs.iter().find(|j| j.id == "arm").expect("job");
        assert_eq!(
            super::optional_reason(arm).as_deref(),
            Some("runs on an ARM64 runner (`ubuntu-24.04-arm`)")
        );
    }

    #[test]
    fn only_the_word_experimental_marks_a_runner_label() {
        let reason = |labels: &str| {
            let src = format!("on: push\njobs:\n  a:\n    runs-on: {labels}\n");
            let doc = crate::yaml::parse(src.as_bytes());
            let wf = crate::model::Workflow::new(doc.root.as_ref().expect("root"));
            super::optional_reason(&wf.jobs[0])
        };
        assert_eq!(
            reason("linux-Experimental").as_deref(),
            Some("runs on an experimental runner (`linux-Experimental`)")
        );
        // The log-driven fix's copy also read `nightly` and `beta` anywhere
        // in a label (`alphabeta-box`), unlike the rule and the matrix legs.
        assert_eq!(reason("alphabeta-box"), None);
        assert_eq!(reason("ubuntu-nightly"), None);
    }
}
