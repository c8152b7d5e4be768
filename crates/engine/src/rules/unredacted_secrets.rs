//! `unredacted-secrets`: `fromJSON(secrets.X).field` takes a piece of a
//! secret. The runner masks each secret's exact value in logs, not parts of
//! it, so the field prints in clear. No fix: the secret has to be split into
//! one secret per field.

use autoheal_expr::{Expr, ExprKind};

use super::audit::{self, MEDIUM};
use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::{Confidence, Severity};

pub const RULE: Rule = Rule {
    id: "unredacted-secrets",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "A field of `fromJSON(secrets.X)` is not masked in logs; store each field as its own secret.",
    kinds: ALL_FILES,
    codes: &[JSON_FIELD],
    reports_errors: false,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// A field of `fromJSON(secrets.X)`, which is not masked in logs.
pub const JSON_FIELD: &str = "unredacted-secrets/json-field";

fn check(ctx: &mut Context<'_>) {
    audit::report_in_expressions(
        ctx,
        JSON_FIELD,
        (MEDIUM, Confidence::High),
        "a field of a JSON secret is not masked in the logs (only whole secret values are); store the field as its own secret",
        fields_of_secrets,
    );
}

/// `fromJSON(secrets.X).field` and `…['field']`.
fn fields_of_secrets(expr: &Expr) -> Vec<autoheal_expr::Span> {
    let mut spans = Vec::new();
    expr.walk(&mut |e| {
        if let ExprKind::Property { receiver, .. } | ExprKind::Index { receiver, .. } = &e.kind
            && is_parsed_secret(receiver)
        {
            spans.push(e.span);
        }
    });
    spans
}

/// `fromJSON(<something reading secrets>)`.
fn is_parsed_secret(e: &Expr) -> bool {
    let ExprKind::Call { name, args, .. } = &e.kind else {
        return false;
    };
    if !name.eq_ignore_ascii_case("fromjson") {
        return false;
    }
    let mut reads = false;
    for a in args {
        a.walk(&mut |x| {
            if matches!(&x.kind, ExprKind::Variable(v) if v.eq_ignore_ascii_case("secrets")) {
                reads = true;
            }
        });
    }
    reads
}
