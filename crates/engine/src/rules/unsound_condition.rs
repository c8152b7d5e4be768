//! `unsound-condition`: an `if:` whose `${{ }}` has other text around it,
//! typically the newline a `|` block scalar keeps at its end. GitHub then
//! expands a string template (`"false\n"`), and any non-empty string is
//! true: the step always runs.
//!
//! Fix (safe): when the only extra text is the block scalar's final
//! newline, strip it with the `-` chomping indicator (`|-`).

use autoheal_expr::{Condition, classify_condition};

use super::audit::HIGH;
use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::{Confidence, Edit, Fix, Severity};
use crate::text::TextRange;
use crate::yaml::{Node, NodeKind, ScalarStyle};

pub const RULE: Rule = Rule {
    id: "unsound-condition",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "An `if:` with text around its `${{ }}` (often a `|` block's newline) is always true.",
    kinds: ALL_FILES,
    codes: &[ALWAYS_TRUE],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        paths: &["**.if"],
        expressions: false,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

/// An `if:` with text around `${{ }}`, always true.
pub const ALWAYS_TRUE: &str = "unsound-condition/always-true";

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let mut conditions = Vec::new();
    collect_ifs(root, &mut conditions);
    for node in conditions {
        let Some(scalar) = node.as_scalar() else { continue };
        if !matches!(classify_condition(&scalar.value), Condition::AlwaysTrue(_)) {
            continue;
        }
        let fix = chomp_fix(ctx, node);
        let d = ctx.report_audit(
            ALWAYS_TRUE,
            HIGH,
            Confidence::High,
            node.span,
            format!(
                "condition {:?} is always true: the text around `${{{{ }}}}` (here or a block scalar's final newline) makes it a non-empty string; write it without `${{{{ }}}}`, or use `|-`",
                scalar.value
            ),
        );
        d.fixes.extend(fix);
    }
}

fn collect_ifs<'a>(node: &'a Node, out: &mut Vec<&'a Node>) {
    match &node.kind {
        NodeKind::Mapping(entries) => {
            for e in entries {
                if e.key.as_str() == Some("if") && e.value.is_scalar() {
                    out.push(&e.value);
                } else {
                    collect_ifs(&e.value, out);
                }
            }
        }
        NodeKind::Sequence(items) => items.iter().for_each(|i| collect_ifs(i, out)),
        NodeKind::Scalar(_) => {}
    }
}

/// `|` → `|-` (or `|+` → `|-`) when the value is one `${{ }}` and newlines.
fn chomp_fix(ctx: &Context<'_>, node: &Node) -> Option<Fix> {
    let scalar = node.as_scalar()?;
    if !matches!(scalar.style, ScalarStyle::Literal | ScalarStyle::Folded) {
        return None;
    }
    if !matches!(
        classify_condition(scalar.value.trim_end_matches('\n')),
        Condition::Wrapped(_)
    ) {
        return None;
    }
    let header_end = ctx.source[node.span.start..].find('\n')? + node.span.start;
    let header = &ctx.source[node.span.start..header_end];
    let indicator = header.trim_end().split('#').next()?.trim_end();
    let edit = if let Some(plus) = indicator.find('+') {
        Edit::replace(
            ctx.path,
            TextRange::new(node.span.start + plus, node.span.start + plus + 1),
            "-",
        )
    } else if indicator.contains('-') {
        return None;
    } else {
        Edit::insert(ctx.path, node.span.start + 1, "-")
    };
    Some(Fix::safe("Strip the final newline (`|-`)", vec![edit]))
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::apply_first_fix;

    const SRC: &str = include_str!("../../tests/rules/unsound-condition/block-and-chomp.yml");

    #[test]
    fn the_fix_chomps_the_newline() {
        let fixed = apply_first_fix(SRC, "unsound-condition");
        assert!(
            fixed.starts_with(
                "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - if: |-\n          ${{ false }}\n"
            ),
            "{fixed}"
        );
    }
}
