//! `github.event.<field>` where no trigger of the workflow sends a payload
//! with that field: the property is always null (a warning).
//!
//! GitHub's contexts reference: `github.event` is the full webhook payload
//! of the event that triggered the run. The fields each payload has are
//! GitHub's webhook schemas (the "Webhook events and payloads" reference,
//! as published in `github/rest-api-description` and read through the
//! generated `openapi-github` 16.6.0 models on docs.rs: push; pull_request
//! synchronize, edited, unassigned, auto_merge_enabled, review_requested;
//! pull_request_review edited; pull_request_review_comment created and
//! edited; issues opened; release released; workflow_dispatch; merge_group
//! checks_requested; deployment and deployment_status created, which carry
//! `workflow_run` and `workflow`, so those events are not judged).
//!
//! Only the fields that name what one family of events is about are judged
//! ([`FIELDS`]: `pull_request`, `issue`, `review`, `head_commit`, …), each
//! with every event among [`JUDGED`] whose payload has it at the top level;
//! fields that many events share (`action`, `label`, `changes`, `before`,
//! `after`, `ref`, `repository`, `sender`, …) are never judged. A workflow
//! is judged only when every trigger is among [`JUDGED`], events whose
//! whole top-level field list was read: `workflow_call` sees its caller's
//! payload, and the other events are not listed. actionlint types
//! `github.event` as an untyped object and has no such check.

use autoheal_expr::{Expr, ExprKind, Span};

use crate::model::Workflow;

/// Triggers whose payloads' top-level fields were read: a workflow with
/// any other trigger is not judged.
const JUDGED: &[&str] = &[
    "push",
    "pull_request",
    "pull_request_target",
    "pull_request_review",
    "pull_request_review_comment",
    "issues",
    "issue_comment",
    "release",
    "workflow_run",
    "merge_group",
    "workflow_dispatch",
    "schedule",
    "discussion",
    "discussion_comment",
    "create",
    "delete",
];

/// A field of one family of payloads, and the judged events whose
/// payloads carry it at the top level.
const FIELDS: &[(&str, &[&str])] = &[
    (
        "pull_request",
        &[
            "pull_request",
            "pull_request_target",
            "pull_request_review",
            "pull_request_review_comment",
        ],
    ),
    ("review", &["pull_request_review"]),
    ("issue", &["issues", "issue_comment"]),
    (
        "comment",
        &["issue_comment", "pull_request_review_comment", "discussion_comment"],
    ),
    ("release", &["release"]),
    ("workflow_run", &["workflow_run"]),
    ("merge_group", &["merge_group"]),
    ("discussion", &["discussion", "discussion_comment"]),
    ("head_commit", &["push"]),
    ("commits", &["push"]),
    ("forced", &["push"]),
    ("pusher", &["push"]),
    ("compare", &["push"]),
    ("inputs", &["workflow_dispatch"]),
    ("schedule", &["schedule"]),
];

/// The triggers of one workflow, when every one of them is judged.
pub(super) struct EventPayload {
    events: Vec<String>,
}

/// One `github.event.<field>` no trigger's payload carries.
pub(super) struct AbsentField {
    /// The field name's span, in the coordinates of the expression given.
    pub span: Span,
    pub message: String,
}

impl EventPayload {
    /// `wf`'s triggers, or `None` when it has none or one not judged.
    pub(super) fn of(wf: &Workflow<'_>) -> Option<EventPayload> {
        let events = wf.events();
        if events.is_empty() || !events.iter().all(|e| JUDGED.contains(e)) {
            return None;
        }
        Some(EventPayload {
            events: events.iter().map(|e| e.to_string()).collect(),
        })
    }

    /// Every `github.event.<field>` of `expr` whose field no trigger sends.
    pub(super) fn absent_fields(&self, expr: &Expr) -> Vec<AbsentField> {
        let mut out = Vec::new();
        expr.walk(&mut |e| {
            let ExprKind::Property {
                receiver,
                name,
                name_span,
            } = &e.kind
            else {
                return;
            };
            if !is_github_event(receiver) {
                return;
            }
            let Some((field, senders)) = FIELDS.iter().find(|(f, _)| f.eq_ignore_ascii_case(name)) else {
                return;
            };
            if self.events.iter().any(|e| senders.contains(&e.as_str())) {
                return;
            }
            let mut triggers: Vec<&str> = self.events.iter().map(String::as_str).collect();
            triggers.sort_unstable();
            triggers.dedup();
            out.push(AbsentField {
                span: *name_span,
                message: format!(
                    "github.event.{name} is always null: the payloads of this workflow's triggers ({}) have no \
                     \"{field}\" field (GitHub sends it with {})",
                    quoted(&triggers),
                    quoted(senders)
                ),
            });
        });
        out
    }
}

/// `github.event`, in any case (contexts and properties are case-insensitive).
fn is_github_event(expr: &Expr) -> bool {
    let ExprKind::Property { receiver, name, .. } = &expr.kind else {
        return false;
    };
    name.eq_ignore_ascii_case("event")
        && matches!(&receiver.kind, ExprKind::Variable(v) if v.eq_ignore_ascii_case("github"))
}

fn quoted(names: &[&str]) -> String {
    names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
}
