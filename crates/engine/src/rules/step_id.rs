//! `step-id`: step ids must be valid identifiers and unique within a job.

use super::job_id::is_valid_id;
use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::{Label, Severity};

pub const RULE: Rule = Rule {
    id: "step-id",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "Step ids must be valid identifiers and unique (ignoring case) within their job.",
    kinds: WORKFLOWS,
    codes: &[INVALID, DUPLICATE],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        paths: &["jobs.*.steps.*.id"],
        expressions: false,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

/// An id outside GitHub's grammar.
pub const INVALID: &str = "step-id/invalid";
/// An id used by another step of the same job.
pub const DUPLICATE: &str = "step-id/duplicate";

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    for job in &wf.jobs {
        let mut seen: Vec<(&str, crate::text::TextRange)> = Vec::new();
        for step in &job.steps {
            let Some(node) = step.get("id") else { continue };
            let Some(id) = node.as_str() else { continue };
            if node.is_expression() {
                continue;
            }
            if !is_valid_id(id) {
                ctx.report(
                    node.span,
                    format!("invalid step id \"{id}\": ids must start with a letter or `_` and contain only letters, digits, `-` and `_`"),
                ).set_code(INVALID);
            }
            if let Some((_, first)) = seen.iter().find(|(s, _)| s.eq_ignore_ascii_case(id)) {
                let first = *first;
                ctx.report(
                    node.span,
                    format!("step id \"{id}\" is already used by another step in job \"{}\"", job.id),
                )
                .set_code(DUPLICATE)
                .labels
                .push(Label {
                    range: first,
                    message: "first used here".into(),
                });
            }
            seen.push((id, node.span));
        }
    }
}
