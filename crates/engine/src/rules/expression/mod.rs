//! `expression`: every `${{ }}` of a workflow or action is parsed and type
//! checked against the contexts that its key may read (GitHub's "context
//! availability" table) and against the workflow's own step ids, needed
//! jobs, matrix and inputs. `if:` values with text around `${{ }}` (always
//! true) and constant conditions are reported too.

mod choice_input;
pub mod codes;
mod event_action;
mod event_payload;
mod outputs;
pub(crate) mod rescope;
mod scope;
mod source_map;
#[cfg(test)]
mod tests;
mod values;
mod walk;

pub(crate) use source_map::ScalarSource;

use autoheal_expr::{
    Checker, Condition, ExprError, Scope, Span, Type, always_true_message, availability, check_template,
    classify_condition, constant_condition_message, contains_expression, parse, single_expression,
};

use super::{ALL_FILES, Context, Rule};
use crate::diagnostic::Severity;
use crate::model::{FileKind, Job, Workflow};
use crate::text::TextRange;
use crate::yaml::Node;

pub const RULE: Rule = Rule {
    id: "expression",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "`${{ }}` expressions must parse, use contexts available at their key, and name real steps, jobs, matrix keys and inputs.",
    kinds: ALL_FILES,
    codes: &[
        codes::SYNTAX,
        codes::UNCLOSED,
        codes::UNDEFINED_VARIABLE,
        codes::UNDEFINED_PROPERTY,
        codes::UNDEFINED_FUNCTION,
        codes::FUNCTION_ARGUMENTS,
        codes::FORMAT_STRING,
        codes::BROKEN_JSON,
        codes::COMPARISON,
        codes::INVALID_ACCESS,
        codes::CONTEXT_NOT_ALLOWED,
        codes::FUNCTION_NOT_ALLOWED,
        codes::TEMPLATE_VALUE,
        codes::VARIABLE_NAME,
        codes::VALUE_TYPE,
        codes::ALWAYS_TRUE,
        codes::CONSTANT_CONDITION,
        codes::IMPOSSIBLE_VALUE,
        codes::EVENT_FIELD,
    ],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        // Scalars holding `${{` and `if:` conditions, typed by what the
        // workflow declares: inputs and secrets, needs and job outputs
        // (which jobs there are), matrices, services, step ids and the
        // actions' outputs.
        paths: &[
            "on",
            "jobs.*.needs",
            "jobs.*.uses",
            "jobs.*.outputs",
            "jobs.*.strategy",
            "jobs.*.services",
            "jobs.*.if",
            "jobs.*.snapshot",
            "jobs.*.steps.*.id",
            "jobs.*.steps.*.uses",
            "jobs.*.steps.*.parallel",
            "jobs.*.steps.*.if",
        ],
        expressions: true,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    let mut pass = Pass {
        source: ctx.source,
        out: Vec::new(),
        outputs: outputs::Outputs::new(ctx.repo, ctx.config, &ctx.derived.reads, ctx.source),
        event_actions: ctx.workflow.and_then(event_action::EventActions::of),
        choice_inputs: ctx.workflow.and_then(choice_input::ChoiceInputs::of),
        event_payload: ctx.workflow.and_then(event_payload::EventPayload::of),
    };
    match (ctx.kind, ctx.workflow) {
        (FileKind::Workflow, Some(wf)) => match ctx.relint_jobs {
            Some(jobs) => walk::jobs(&mut pass, wf, ctx.config, jobs),
            None => walk::workflow(&mut pass, wf, ctx.config),
        },
        (FileKind::Action, _) => walk::action(&mut pass, root),
        _ => {}
    }
    for f in pass.out {
        ctx.report_at(f.severity, f.range, f.message).set_code(f.code);
    }
}

/// Types the `with:` values of one reusable-workflow call job the way
/// GitHub evaluates them, for the `workflow-call` rule's input-type check
/// (one check for literal and expression values lives there). Reports
/// nothing: the values' own errors are this rule's findings.
pub(crate) struct CallValueTypes {
    scope: Scope,
}

impl CallValueTypes {
    pub(crate) fn new(ctx: &Context<'_>, wf: &Workflow<'_>, job: &Job<'_>) -> Self {
        let outputs = outputs::Outputs::new(ctx.repo, ctx.config, &ctx.derived.reads, ctx.source);
        let base = scope::workflow_scope(wf, ctx.config);
        CallValueTypes {
            scope: scope::job_scope(&base, wf, job, &outputs),
        }
    }

    /// The type of `value`: a lone `${{ }}` has its expression's type, and
    /// text around an expression makes a string. `None` for a value without
    /// `${{` or one that does not check (its errors are reported already).
    pub(crate) fn type_of(&self, value: &str) -> Option<Type> {
        if !contains_expression(value) {
            return None;
        }
        let checker = Checker::new(&self.scope).with_availability(availability("jobs.<job_id>.with.<with_id>"));
        let checked = check_template(value, &checker);
        if !checked.errors.is_empty() {
            return None;
        }
        match checked.expressions.as_slice() {
            [only] if single_expression(value).is_some() => Some(only.ty.clone()),
            _ => Some(Type::String),
        }
    }
}

/// How a value is used, which decides whether an object or array expanded
/// into it is a mistake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A string: objects, arrays and null expanded in it are errors.
    Text,
    /// A value that a single `${{ }}` may replace with any type (`runs-on`,
    /// `strategy`, a whole `env:`); text around the expression still makes
    /// a string.
    Value,
}

struct Finding {
    code: &'static str,
    range: TextRange,
    message: String,
    severity: Severity,
}

pub(crate) struct Pass<'s> {
    source: &'s str,
    out: Vec<Finding>,
    /// Outputs of local actions and reusable workflows, read on demand.
    pub(crate) outputs: outputs::Outputs<'s>,
    /// The activity types the workflow's triggers deliver as
    /// `github.event.action`, when every trigger has them.
    event_actions: Option<event_action::EventActions>,
    /// The workflow's `workflow_dispatch` choice inputs and their options.
    choice_inputs: Option<choice_input::ChoiceInputs>,
    /// The workflow's triggers, when every one's payload fields are known.
    event_payload: Option<event_payload::EventPayload>,
}

impl Pass<'_> {
    /// Check `node` under `key`: the node itself in role `whole`, every
    /// scalar below it in role `inner`.
    pub(crate) fn site(&mut self, node: &Node, key: Option<&str>, whole: Role, inner: Role, scope: &Scope) {
        if node.alias.is_some() {
            return;
        }
        if let Some(entries) = node.as_mapping() {
            for e in entries {
                // `env:` names may be expressions too.
                self.scalar(&e.key, key, Role::Text, scope);
                self.site(&e.value, key, inner, inner, scope);
            }
        } else if let Some(items) = node.as_sequence() {
            for item in items {
                self.site(item, key, inner, inner, scope);
            }
        } else {
            self.scalar(node, key, whole, scope);
        }
    }

    /// Check one scalar; returns the type of a value that is a single
    /// `${{ }}` (for callers that check it against a declared type).
    pub(crate) fn scalar(&mut self, node: &Node, key: Option<&str>, role: Role, scope: &Scope) -> Option<Type> {
        let value = node.as_str()?;
        if !contains_expression(value) || node.alias.is_some() {
            return None;
        }
        let checker = Checker::new(scope).with_availability(key.and_then(availability));
        let checked = check_template(value, &checker);
        let single = single_expression(value).is_some();
        let mut errors = checked.errors.clone();
        if role == Role::Text || !single {
            errors.extend(checked.template_value_errors());
        }
        let whole = match checked.expressions.as_slice() {
            [only] if single => Some(only.ty.clone()),
            _ => None,
        };
        if !errors.is_empty() {
            let anchors: Vec<Span> = checked.expressions.iter().map(|e| e.embedded.span).collect();
            self.report_errors(node, &errors, &anchors);
        }
        for e in &checked.expressions {
            if let Some(expr) = &e.expr {
                self.impossible_values(node, expr, e.embedded.span, &checker);
            }
        }
        whole
    }

    /// Check an `if:` value.
    pub(crate) fn condition(&mut self, node: &Node, key: Option<&str>, scope: &Scope) {
        let Some(value) = node.as_str() else { return };
        if node.is_null() || node.alias.is_some() {
            return;
        }
        let checker = Checker::new(scope).with_availability(key.and_then(availability));
        let condition = classify_condition(value);
        let Some(span) = condition.expression_span(value) else {
            self.push(
                codes::ALWAYS_TRUE,
                node.span,
                always_true_message(value),
                Severity::Error,
            );
            let checked = check_template(value, &checker);
            let anchors: Vec<Span> = checked.expressions.iter().map(|e| e.embedded.span).collect();
            self.report_errors(node, &checked.errors, &anchors);
            for e in &checked.expressions {
                if let Some(expr) = &e.expr {
                    self.impossible_values(node, expr, e.embedded.span, &checker);
                }
            }
            return;
        };
        let text = value.get(span.range()).unwrap_or("");
        let anchor = match condition {
            Condition::Wrapped(e) => e.span,
            _ => Span::new(0, value.len()),
        };
        match parse(text) {
            Err(e) => self.report_errors(node, &[e.shifted(span.start)], &[anchor]),
            Ok(mut expr) => {
                expr.shift(span.start);
                let checked = checker.check(&expr);
                self.report_errors(node, &checked.errors, &[anchor]);
                self.impossible_values(node, &expr, anchor, &checker);
                if expr.is_constant() {
                    self.push(
                        codes::CONSTANT_CONDITION,
                        node.span,
                        constant_condition_message(text.trim()),
                        Severity::Warning,
                    );
                }
            }
        }
    }

    fn report_errors(&mut self, node: &Node, errors: &[ExprError], anchors: &[Span]) {
        let value = node.as_str().unwrap_or("");
        if errors.iter().all(|e| is_port_index(value, e)) {
            return;
        }
        let Some(map) = ScalarSource::new(self.source, node) else {
            return;
        };
        for e in errors.iter().filter(|e| !is_port_index(value, e)) {
            let anchor = anchors
                .iter()
                .copied()
                .find(|a| a.start <= e.span.start && e.span.start <= a.end)
                .unwrap_or(Span::new(0, map.value().len()));
            let range = self.source_range(&map, node, e.span, anchor);
            self.push(codes::of(e.kind), range, e.to_string(), Severity::Error);
        }
    }

    /// Report the comparisons of `expr` (spans in the value's coordinates,
    /// inside `anchor`) with a string their property never holds.
    fn impossible_values(&mut self, node: &Node, expr: &autoheal_expr::Expr, anchor: Span, checker: &Checker<'_>) {
        let declared = values::Declared {
            actions: self.event_actions.as_ref(),
            choices: self.choice_inputs.as_ref(),
        };
        let found = values::impossible_comparisons(expr, &|e| checker.check(e).ty, declared);
        let absent = self
            .event_payload
            .as_ref()
            .map(|p| p.absent_fields(expr))
            .unwrap_or_default();
        if found.is_empty() && absent.is_empty() {
            return;
        }
        let Some(map) = ScalarSource::new(self.source, node) else {
            return;
        };
        for a in absent {
            let range = self.source_range(&map, node, a.span, anchor);
            self.push(codes::EVENT_FIELD, range, a.message, Severity::Warning);
        }
        for f in found {
            let range = self.source_range(&map, node, f.span, anchor);
            let severity = if f.never_true {
                Severity::Error
            } else {
                Severity::Warning
            };
            self.push(codes::IMPOSSIBLE_VALUE, range, f.message, severity);
        }
    }

    /// The bytes of the file that `span` of the scalar's value covers.
    fn source_range(&self, map: &ScalarSource<'_>, node: &Node, span: Span, anchor: Span) -> TextRange {
        let start = map.offset(span.start, anchor);
        let end = map.offset(span.end.max(span.start), anchor).max(start);
        let start = if self.source.is_char_boundary(start) {
            start
        } else {
            node.span.start
        };
        let end = if self.source.is_char_boundary(end) && end >= start {
            end
        } else {
            start
        };
        TextRange::new(start, end)
    }

    pub(crate) fn push(&mut self, code: &'static str, range: TextRange, message: String, severity: Severity) {
        self.out.push(Finding {
            code,
            range,
            message,
            severity,
        });
    }
}

/// `job.services.db.ports[5432]`: GitHub converts a number index to a
/// property name, and its documentation uses exactly this form for ports.
fn is_port_index(value: &str, e: &ExprError) -> bool {
    e.kind == autoheal_expr::ErrorKind::InvalidAccess
        && e.message == "property access of object must be type of string but got \"number\""
        && value.get(..e.span.start).is_some_and(|before| {
            before
                .trim_end()
                .trim_end_matches('[')
                .trim_end()
                .to_ascii_lowercase()
                .ends_with("ports")
        })
}
