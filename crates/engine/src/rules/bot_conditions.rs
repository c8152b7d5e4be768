//! `bot-conditions`: `github.actor == 'dependabot[bot]'` trusts whoever
//! acted *last* on the run's subject. Anyone can open a pull request whose
//! latest commit was pushed by a bot (by asking it to rebase), so the check
//! passes for code the bot never wrote. The pull request's author
//! (`github.event.pull_request.user.login`) cannot be spoofed that way.
//!
//! Confidence is high when the bot test decides the condition on its own
//! (alone or under `||`), medium when `&&` adds other tests.
//!
//! Fix (unsafe: it changes who passes): in workflows triggered only by
//! pull request events, compare the pull request's author instead.

use autoheal_expr::{BinaryOp, Expr, ExprKind};

use super::audit::{self, HIGH};
use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::{Confidence, Edit, Fix, Severity};

pub const RULE: Rule = Rule {
    id: "bot-conditions",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "`github.actor == '<bot>[bot]'` can be spoofed; check the pull request's author instead.",
    kinds: ALL_FILES,
    codes: &[SPOOFABLE_ACTOR],
    reports_errors: false,
    job_keys_only: false,
    reads: super::ReadPaths::Everything,
    check,
};

/// A condition on `github.actor` (or `triggering_actor`) being a bot.
pub const SPOOFABLE_ACTOR: &str = "bot-conditions/spoofable-actor";

const SPOOFABLE: &[&str] = &["github.actor", "github.triggering_actor"];
const PR_EVENTS: &[&str] = &[
    "pull_request",
    "pull_request_target",
    "pull_request_review",
    "pull_request_review_comment",
];

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let triggers = audit::triggers(root);
    let pr_only = !triggers.is_empty() && triggers.iter().all(|(t, _)| PR_EVENTS.contains(t));
    for found in ctx.expressions() {
        if !found.condition {
            continue;
        }
        let mut hits = Vec::new();
        bot_tests(&found.expr, true, &mut hits);
        for (actor, alone) in hits {
            let range = found.range(ctx.source, actor.span);
            let fix = (pr_only
                && ctx
                    .text(range)
                    .eq_ignore_ascii_case(&audit::dotted(actor).unwrap_or_default()))
            .then(|| {
                Fix::unsafe_(
                    "Compare the pull request's author instead",
                    vec![Edit::replace(ctx.path, range, "github.event.pull_request.user.login")],
                )
                .with_explanation(
                    "The author of a pull request is fixed when it is opened; the actor is whoever acted last. \
                     Pull requests a bot only rebased no longer pass.",
                )
            });
            let d = ctx.report_audit(
                SPOOFABLE_ACTOR,
                HIGH,
                if alone { Confidence::High } else { Confidence::Medium },
                range,
                format!(
                    "`{}` is whoever acted last, which an attacker can arrange to be a bot; check `github.event.pull_request.user.login` instead",
                    ctx.text(range)
                ),
            );
            d.fixes.extend(fix);
        }
    }
}

/// `actor == '<x>[bot]'` comparisons (either side), with whether they
/// decide the condition alone (not under `&&`).
fn bot_tests<'e>(e: &'e Expr, alone: bool, out: &mut Vec<(&'e Expr, bool)>) {
    match &e.kind {
        ExprKind::Binary {
            op: BinaryOp::Or,
            left,
            right,
            ..
        } => {
            bot_tests(left, alone, out);
            bot_tests(right, alone, out);
        }
        ExprKind::Binary {
            op: BinaryOp::And,
            left,
            right,
            ..
        } => {
            bot_tests(left, false, out);
            bot_tests(right, false, out);
        }
        ExprKind::Binary {
            op: BinaryOp::Eq,
            left,
            right,
            ..
        } => {
            for (a, b) in [(left, right), (right, left)] {
                let is_actor = audit::dotted(a).is_some_and(|p| SPOOFABLE.contains(&p.as_str()));
                let is_bot = matches!(&b.kind, ExprKind::String(s) if s.to_ascii_lowercase().ends_with("[bot]"));
                if is_actor && is_bot {
                    out.push((a, alone));
                }
            }
        }
        _ => {}
    }
}
