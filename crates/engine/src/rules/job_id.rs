//! `job-id`: job ids must be valid identifiers and unique ignoring case.

use std::collections::HashMap;

use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    id: "job-id",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "Job ids must start with a letter or `_`, contain only letters, digits, `-` and `_`, and be unique ignoring case.",
    kinds: WORKFLOWS,
    codes: &[INVALID, CASE_DUPLICATE],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        // The job ids, nothing inside the jobs.
        paths: &["jobs.*.~"],
        expressions: false,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

/// An id outside GitHub's grammar.
pub const INVALID: &str = "job-id/invalid";
/// An id equal to an earlier one ignoring case.
pub const CASE_DUPLICATE: &str = "job-id/case-duplicate";

/// GitHub's grammar for job and step ids.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    // Jobs by lowercased id: each list holds the ids spelled that way, in order.
    let mut seen: HashMap<String, Vec<(&str, crate::text::TextRange)>> = HashMap::new();
    for job in &wf.jobs {
        let span = job.entry.key.span;
        if !is_valid_id(job.id) {
            ctx.report(
                span,
                format!("invalid job id \"{}\": ids must start with a letter or `_` and contain only letters, digits, `-` and `_`", job.id),
            )
            .set_code(INVALID);
        }
        let same = seen.entry(job.id.to_ascii_lowercase()).or_default();
        if let Some((first, at)) = same.iter().find(|(s, _)| *s != job.id) {
            let msg = format!(
                "job id \"{}\" duplicates job \"{first}\": job ids are case-insensitive",
                job.id
            );
            let at = *at;
            ctx.report(span, msg)
                .set_code(CASE_DUPLICATE)
                .labels
                .push(crate::diagnostic::Label {
                    range: at,
                    message: "first defined here".into(),
                });
        }
        same.push((job.id, span));
    }
}
