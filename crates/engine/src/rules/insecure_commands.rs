//! `insecure-commands`: `ACTIONS_ALLOW_UNSECURE_COMMANDS` turns the
//! `::set-env` and `::add-path` workflow commands back on. GitHub disabled
//! them in 2020 because anything that prints to the log (a test's output,
//! a crafted file name) could then set `LD_PRELOAD` or `PATH` for the next
//! steps. An `env:` computed by an expression may set it too (auditor
//! persona).
//!
//! Fix (unsafe: steps that still print `::set-env` stop working; the
//! `deprecated-commands` rule rewrites them): remove the variable.

use super::audit::{HIGH, LOW};
use super::{ALL_FILES, Context, Rule};
use crate::config::Persona;
use crate::diagnostic::{Confidence, Edit, Fix, Severity};
use crate::edit;
use crate::yaml::{Node, NodeKind};

pub const RULE: Rule = Rule {
    id: "insecure-commands",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "`ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables `::set-env`/`::add-path`, which let any log line run code.",
    kinds: ALL_FILES,
    codes: &[ENABLED, COMPUTED_ENV],
    reports_errors: false,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// `ACTIONS_ALLOW_UNSECURE_COMMANDS` set in an `env:`.
pub const ENABLED: &str = "insecure-commands/enabled";
/// An `env:` computed by an expression, which may set it (auditor persona).
pub const COMPUTED_ENV: &str = "insecure-commands/computed-env";

const VAR: &str = "ACTIONS_ALLOW_UNSECURE_COMMANDS";

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let mut envs = Vec::new();
    collect_envs(root, &mut envs);
    for env in envs {
        match &env.kind {
            NodeKind::Mapping(entries) => {
                for e in entries {
                    if e.key.as_str() != Some(VAR) {
                        continue;
                    }
                    let value = e.value.as_str().unwrap_or("").trim().to_ascii_lowercase();
                    if value == "false" || value.is_empty() {
                        continue;
                    }
                    let fix = (!edit::is_flow(ctx.source, env) && entries.len() > 1).then(|| {
                        Fix::unsafe_(
                            format!("Remove `{VAR}`"),
                            vec![Edit::delete(ctx.path, edit::entry_lines(ctx.source, e))],
                        )
                        .with_explanation(
                            "Steps that still print `::set-env`/`::add-path` will fail; write to $GITHUB_ENV / $GITHUB_PATH instead (the deprecated-commands rule can rewrite them).",
                        )
                    });
                    let d = ctx.report_audit(
                        ENABLED,
                        HIGH,
                        Confidence::High,
                        e.key.span.cover(e.value.span),
                        format!("`{VAR}` re-enables `::set-env` and `::add-path`, so any output of a step can set environment variables and PATH for the next ones; write to $GITHUB_ENV / $GITHUB_PATH instead"),
                    );
                    d.fixes.extend(fix);
                }
            }
            NodeKind::Scalar(_) if env.is_expression() && ctx.shows(Persona::Auditor) => {
                ctx.report_audit(
                    COMPUTED_ENV,
                    LOW,
                    Confidence::Low,
                    env.span,
                    format!("this `env:` is computed by an expression and may set `{VAR}`"),
                );
            }
            _ => {}
        }
    }
}

fn collect_envs<'a>(node: &'a Node, out: &mut Vec<&'a Node>) {
    match &node.kind {
        NodeKind::Mapping(entries) => {
            for e in entries {
                if e.key.as_str() == Some("env") {
                    out.push(&e.value);
                } else if e.key.as_str() != Some("on") {
                    collect_envs(&e.value, out);
                }
            }
        }
        NodeKind::Sequence(items) => items.iter().for_each(|i| collect_envs(i, out)),
        NodeKind::Scalar(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{apply_first_fix, render};

    #[test]
    fn enabled_at_any_level() {
        let src = include_str!("../../tests/rules/insecure-commands/workflow-and-step-level.yml");
        let got = render(src, "insecure-commands");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].starts_with("3:3: `ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables"));
        assert!(got[1].starts_with("14:11:"));
        let fixed = apply_first_fix(
            &src.replace("env:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n", ""),
            "insecure-commands",
        );
        assert!(
            fixed.ends_with("      - run: x\n        env:\n          OTHER: 1\n"),
            "{fixed}"
        );
    }
}
