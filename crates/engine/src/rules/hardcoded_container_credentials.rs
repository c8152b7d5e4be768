//! `hardcoded-container-credentials`: a registry password written into the
//! workflow (`container.credentials.password`, or a service's). Anyone who
//! can read the repository can log in as that account. actionlint's
//! `credentials` check reports the same. No fix: the secret's name is the
//! author's to choose.

use super::audit::{self, HIGH};
use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::{Confidence, Severity};
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "hardcoded-container-credentials",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "Container registry passwords must come from `secrets`, not be written in the workflow.",
    kinds: WORKFLOWS,
    codes: &[PASSWORD],
    reports_errors: true,
    job_keys_only: false,
    check,
};

/// A registry password written in the workflow.
pub const PASSWORD: &str = "hardcoded-container-credentials/password";

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    let mut places: Vec<(&Node, String)> = Vec::new();
    for job in &wf.jobs {
        if let Some(c) = job.get("container") {
            places.push((c, "\"container\"".to_string()));
        }
        for s in job.get("services").and_then(Node::as_mapping).unwrap_or_default() {
            places.push((&s.value, format!("service \"{}\"", s.key.as_str().unwrap_or(""))));
        }
    }
    for (node, what) in places {
        let Some(password) = node.get("credentials").and_then(|c| c.get("password")) else {
            continue;
        };
        let Some(value) = password.as_str().filter(|v| !v.is_empty()) else {
            continue;
        };
        if reads_a_context(value) {
            continue;
        }
        ctx.report_audit(
            PASSWORD,
            HIGH,
            Confidence::High,
            password.span,
            format!("the registry password of {what} is written in the workflow; store it as a secret and use `${{{{ secrets.NAME }}}}`"),
        );
    }
}

/// Whether some `${{ }}` of the value reads a context (a secret, an input),
/// rather than only literals.
fn reads_a_context(value: &str) -> bool {
    audit::expressions(value).iter().any(|(_, e)| {
        let mut reads = false;
        e.walk(&mut |x| reads |= matches!(x.kind, autoheal_expr::ExprKind::Variable(_)));
        reads
    })
}
