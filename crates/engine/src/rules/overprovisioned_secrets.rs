//! `overprovisioned-secrets`: an expression that reads the whole `secrets`
//! context (`toJSON(secrets)`, `secrets[format(…)]`) makes the runner hand
//! every secret of the repository to the job, instead of only the ones
//! named. No fix: which secrets are needed is the author's knowledge.

use autoheal_expr::{Expr, ExprKind};

use super::audit::{self, MEDIUM};
use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::{Confidence, Severity};

pub const RULE: Rule = Rule {
    id: "overprovisioned-secrets",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "Read secrets by name (`secrets.NAME`), never the whole context (`toJSON(secrets)`).",
    kinds: ALL_FILES,
    codes: &[WHOLE_CONTEXT],
    reports_errors: false,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// The whole `secrets` context (`toJSON(secrets)`, `secrets[...]`).
pub const WHOLE_CONTEXT: &str = "overprovisioned-secrets/whole-context";

fn check(ctx: &mut Context<'_>) {
    audit::report_in_expressions(
        ctx,
        WHOLE_CONTEXT,
        (MEDIUM, Confidence::High),
        "this expression reads the whole `secrets` context, so every secret of the repository is sent to the runner; name the secrets it needs (`secrets.NAME`)",
        |expr| {
            let mut spans = Vec::new();
            whole_context(expr, false, &mut spans);
            spans
        },
    );
}

/// `secrets` not followed by `.name` or `['name']`.
fn whole_context(e: &Expr, named: bool, out: &mut Vec<autoheal_expr::Span>) {
    match &e.kind {
        ExprKind::Variable(v) if v.eq_ignore_ascii_case("secrets") && !named => out.push(e.span),
        ExprKind::Property { receiver, .. } => whole_context(receiver, true, out),
        ExprKind::Index { receiver, index } => {
            whole_context(receiver, matches!(index.kind, ExprKind::String(_)), out);
            whole_context(index, false, out);
        }
        ExprKind::Filter { receiver } => whole_context(receiver, false, out),
        ExprKind::Call { args, .. } => args.iter().for_each(|a| whole_context(a, false, out)),
        ExprKind::Not(x) => whole_context(x, false, out),
        ExprKind::Binary { left, right, .. } => {
            whole_context(left, false, out);
            whole_context(right, false, out);
        }
        _ => {}
    }
}
