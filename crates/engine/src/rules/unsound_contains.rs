//! `unsound-contains`: `contains('refs/heads/main refs/heads/dev', github.ref)`
//! tests for a *substring*, so a branch named `mai` or `main refs/heads/x`
//! passes too. The intent is membership in a list.
//!
//! Fix (unsafe: it narrows who passes, which is the point): make the list a
//! real one, `contains(fromJSON('["refs/heads/main", "refs/heads/dev"]'), github.ref)`,
//! when the string is plain words separated by spaces or commas.

use autoheal_expr::{Expr, ExprKind};

use super::audit::{self, HIGH, MEDIUM};
use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::{Confidence, Edit, Fix, Severity};

pub const RULE: Rule = Rule {
    id: "unsound-contains",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "`contains('a b', x)` matches substrings; use `contains(fromJSON('[\"a\", \"b\"]'), x)`.",
    kinds: ALL_FILES,
    codes: &[STRING_HAYSTACK],
    reports_errors: false,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// `contains()` on a literal string, which tests for a substring.
pub const STRING_HAYSTACK: &str = "unsound-contains/string-haystack";

fn check(ctx: &mut Context<'_>) {
    for found in ctx.expressions() {
        let mut hits: Vec<(&Expr, &str, String)> = Vec::new();
        found.expr.walk(&mut |e| {
            let ExprKind::Call { name, args, .. } = &e.kind else {
                return;
            };
            if !name.eq_ignore_ascii_case("contains") || args.len() != 2 {
                return;
            }
            let (ExprKind::String(haystack), Some(context)) = (&args[0].kind, audit::dotted(&args[1])) else {
                return;
            };
            hits.push((&args[0], haystack.as_str(), context));
        });
        for (literal, haystack, context) in hits {
            // Refs and branch names are chosen by whoever pushes.
            let attacker = ["ref", "ref_name", "head_ref", "base_ref", "branch", "head_branch"]
                .iter()
                .any(|t| context.ends_with(&format!(".{t}")));
            let (severity, confidence) = if attacker {
                (HIGH, Confidence::High)
            } else {
                (MEDIUM, Confidence::Medium)
            };
            let range = found.range(ctx.source, literal.span);
            let fix = list_fix(ctx, range, haystack);
            let d = ctx.report_audit(
                STRING_HAYSTACK,
                severity,
                confidence,
                range,
                format!(
                    "`contains()` on a string tests for a substring, so any part of {haystack:?} in `{context}` passes; test membership in a list with `fromJSON('[…]')`"
                ),
            );
            d.fixes.extend(fix);
        }
    }
}

fn list_fix(ctx: &Context<'_>, range: crate::text::TextRange, haystack: &str) -> Option<Fix> {
    let raw = ctx.text(range);
    if !raw.starts_with('\'') || !raw.ends_with('\'') {
        return None;
    }
    let items: Vec<&str> = haystack.split([' ', ',']).filter(|s| !s.is_empty()).collect();
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric() || b"/._-*".contains(&b));
    if items.is_empty() || !items.iter().all(|s| plain(s)) {
        return None;
    }
    let list = items.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ");
    // The edit sits inside a YAML scalar; double quotes would need escaping.
    if ctx.source[..range.start]
        .rsplit('\n')
        .next()
        .is_some_and(|line| line.contains('"'))
    {
        return None;
    }
    Some(
        Fix::unsafe_(
            "Compare against a list",
            vec![Edit::replace(ctx.path, range, format!("fromJSON('[{list}]')"))],
        )
        .with_explanation("Only exact matches pass now; check that no intended value relied on a substring match."),
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{apply_first_fix, lint_rule, render};

    const SRC: &str = include_str!("../../tests/rules/unsound-contains/string-haystacks.yml");

    #[test]
    fn string_haystacks_only() {
        let got = render(SRC, "unsound-contains");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].starts_with("6:22: `contains()` on a string tests for a substring"),
            "{got:?}"
        );
        let d = &lint_rule(SRC, "unsound-contains")[0];
        assert_eq!(
            (d.audit_severity, d.severity.as_str()),
            (Some(crate::AuditSeverity::High), "warning")
        );
    }

    #[test]
    fn the_fix_makes_a_list() {
        let fixed = apply_first_fix(SRC, "unsound-contains");
        assert!(
            fixed.contains("if: contains(fromJSON('[\"refs/heads/main\", \"refs/heads/develop\"]'), github.ref)"),
            "{fixed}"
        );
    }
}
