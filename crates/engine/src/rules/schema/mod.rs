//! `schema`: unknown keys, missing required keys and wrong value types at
//! every level of the workflow syntax and of action metadata. `${{ }}`
//! expressions are accepted wherever GitHub evaluates one in place of a
//! value. Finer checks (event filters, permission scopes, runner labels,
//! matrix rows) belong to their own rules so each finding is reported once.
//! Its findings split by place (a step's read that step, a job's keys' that
//! job's entry, the workflow level's the entries outside `jobs:`), so a
//! verification re-lint checks only the places its edits met
//! (`rules::edited_places`).

mod action;
pub mod codes;
mod container_options;
mod default_env;
mod job;
pub mod keys;
mod shape;
#[cfg(test)]
mod tests;
mod workflow;

use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::Severity;
use crate::model::FileKind;

pub use action::{NODE_RUNTIMES, runs_using};
pub use workflow::{CALL_INPUT_TYPES, DISPATCH_INPUT_TYPES};

pub const RULE: Rule = Rule {
    id: "schema",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "Unknown keys, missing required keys and wrong value types in workflows and action metadata.",
    kinds: ALL_FILES,
    codes: &[
        codes::EMPTY_FILE,
        codes::UNKNOWN_KEY,
        codes::MISSING_KEY,
        codes::MISPLACED_KEY,
        codes::CONFLICTING_KEYS,
        codes::CASE_DUPLICATE,
        codes::WRONG_TYPE,
        codes::EMPTY_VALUE,
        codes::INVALID_VALUE,
        codes::NOT_POSITIVE,
        codes::ENV_NAME,
        codes::DEFAULT_ENV,
        codes::NON_STRING_INPUT,
        codes::UNSUPPORTED_OPTION,
    ],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else {
        // No document at all: an empty file, or only comments. GitHub
        // rejects it like any workflow without `on:` and `jobs:`.
        if ctx.doc.errors.is_empty() {
            let what = match ctx.kind {
                FileKind::Workflow => "the workflow is empty; it needs `on:` and `jobs:`",
                FileKind::Action => "the action metadata is empty; it needs `name:`, `description:` and `runs:`",
            };
            let at = crate::text::TextRange::new(0, 0);
            ctx.report(at, what).set_code(codes::EMPTY_FILE);
        }
        return;
    };
    match ctx.kind {
        FileKind::Workflow => workflow::check_workflow(ctx, root),
        FileKind::Action => action::check_action(ctx, root),
    }
}
