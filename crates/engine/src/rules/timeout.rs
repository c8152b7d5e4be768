//! `timeout`: a job without `timeout-minutes` may hang for the hosted
//! runner's 360-minute maximum before GitHub cancels it.

use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::{Fix, Severity};
use crate::edit;
use crate::model::Job;

pub const RULE: Rule = Rule {
    id: "timeout",
    default_severity: Severity::Info,
    enabled_by_default: true,
    summary: "Jobs should set `timeout-minutes`; without it a hung job holds a runner for 360 minutes.",
    kinds: WORKFLOWS,
    codes: &[MISSING],
    reports_errors: false,
    job_keys_only: true,
    reads: super::ReadPaths::Everything,
    check,
};

/// A job without `timeout-minutes`.
pub const MISSING: &str = "timeout/missing";

/// GitHub-hosted runners cancel any job after this many minutes.
pub const HOSTED_LIMIT_MINUTES: u32 = 360;
/// What the static fix proposes when nothing is known about the job.
pub const DEFAULT_MINUTES: u32 = 60;

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    for job in &wf.jobs {
        if job.is_call() || !job.node().is_mapping() || job.get("timeout-minutes").is_some() {
            continue;
        }
        let fix = timeout_fix(ctx.path, ctx.source, job, DEFAULT_MINUTES);
        let d = ctx
            .report(
                job.entry.key.span,
                format!("job \"{}\" has no `timeout-minutes`; a hung run holds the runner for up to {HOSTED_LIMIT_MINUTES} minutes", job.id),
            )
            .set_code(MISSING);
        if let Some(fix) = fix {
            d.fixes.push(fix);
        }
    }
}

/// Insert or replace the job's `timeout-minutes` with `minutes`.
pub fn timeout_fix(path: &str, source: &str, job: &Job<'_>, minutes: u32) -> Option<Fix> {
    let node = job.node();
    let edit = match node.entry("timeout-minutes") {
        Some(existing) if edit::is_inline_scalar(source, &existing.value) => {
            edit::replace_value(path, existing, &minutes.to_string())
        }
        Some(_) => return None,
        None => {
            let after = node.entry("runs-on").or_else(|| node.entry("name"));
            edit::insert_entry(path, source, node, after, "timeout-minutes", &minutes.to_string())?
        }
    };
    Some(
        Fix::unsafe_(format!("Set `timeout-minutes: {minutes}` on job `{}`", job.id), vec![edit]).with_explanation(format!(
            "Without `timeout-minutes`, a job that hangs keeps its runner busy until GitHub cancels it after {HOSTED_LIMIT_MINUTES} \
             minutes. {minutes} minutes is a starting point: set it to about twice the job's usual duration."
        )),
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::apply_first_fix;

    const SRC: &str = include_str!("../../tests/rules/timeout/missing.yml");

    #[test]
    fn the_fix_inserts_after_runs_on_with_the_jobs_indentation() {
        let out = apply_first_fix(SRC, "timeout");
        assert!(
            out.contains("    runs-on: ubuntu-latest   # hosted\n    timeout-minutes: 60\n    steps:\n"),
            "{out}"
        );
        assert_eq!(out.len(), SRC.len() + "    timeout-minutes: 60\n".len());
    }

    #[test]
    fn four_space_and_crlf_files_keep_their_style() {
        let src = "on: push\r\njobs:\r\n    build:\r\n        runs-on: ubuntu-latest\r\n        steps:\r\n            - run: make\r\n";
        let out = apply_first_fix(src, "timeout");
        assert!(
            out.contains("        runs-on: ubuntu-latest\r\n        timeout-minutes: 60\r\n"),
            "{out:?}"
        );
    }
}
