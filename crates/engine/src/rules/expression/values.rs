//! Comparisons of a context property with a string it never holds:
//! `needs.build.result == 'sucess'` is always false, so the job it guards
//! never runs, and `!=` is always true. The values are GitHub's contexts
//! reference's ("Possible values are …") and, for `github.event_name`, the
//! events that trigger workflows (`events::EVENTS`), near misses only. GitHub compares strings
//! without case ("GitHub ignores case when comparing strings", expressions
//! reference), so `runner.os == 'linux'` is right and not reported.
//! actionlint has no such check.

use autoheal_expr::suggest::did_you_mean;
use autoheal_expr::{BinaryOp, Expr, ExprKind, Span, Type};

use super::choice_input::ChoiceInputs;
use super::event_action::EventActions;

/// `needs.<job_id>.result`, `jobs.<job_id>.result` (a reusable workflow's
/// outputs), `steps.<step_id>.outcome` and `steps.<step_id>.conclusion`.
const RESULTS: &[&str] = &["success", "failure", "cancelled", "skipped"];
/// `job.status`.
const JOB_STATUS: &[&str] = &["success", "failure", "cancelled"];
/// `runner.os`.
const RUNNER_OS: &[&str] = &["Linux", "Windows", "macOS"];
/// `runner.arch`.
const RUNNER_ARCH: &[&str] = &["X86", "X64", "ARM", "ARM64"];

/// One comparison that can never come out otherwise.
pub(super) struct Impossible {
    /// The string literal's span, in the coordinates of the expression given.
    pub span: Span,
    pub message: String,
    /// `==`: never true (an error); `!=`: always true (a warning).
    pub never_true: bool,
}

/// What the workflow itself tells of the values some properties can hold.
#[derive(Clone, Copy, Default)]
pub(super) struct Declared<'a> {
    /// The activity types its triggers deliver as `github.event.action`.
    pub actions: Option<&'a EventActions>,
    /// Its `workflow_dispatch` choice inputs and their options.
    pub choices: Option<&'a ChoiceInputs>,
}

/// Every comparison of `expr` that can never come out otherwise: those
/// [`impossible_value`] finds (and, with what the workflow `declared`, those
/// of `github.event.action` and of choice inputs), then those
/// [`boolean_string`] finds, from one walk of the expression.
pub(super) fn impossible_comparisons(
    expr: &Expr,
    type_of: &dyn Fn(&Expr) -> Type,
    declared: Declared<'_>,
) -> Vec<Impossible> {
    let (mut listed, mut booleans) = (Vec::new(), Vec::new());
    string_comparisons(expr, &mut |op, property, value, span| {
        listed.extend(impossible_value(op, property, value, span));
        listed.extend(
            declared
                .actions
                .and_then(|a| impossible_action(a, op, property, value, span)),
        );
        listed.extend(declared.choices.and_then(|c| {
            let segments = property_path(property)?;
            impossible_by(op, span, |never_true| {
                c.never(&segments, value, &op.to_string(), never_true)
            })
        }));
        booleans.extend(boolean_string(op, property, value, span, type_of));
    });
    listed.append(&mut booleans);
    listed
}

/// A `==` / `!=` between a property with documented values and a string
/// literal that is none of them.
fn impossible_value(op: BinaryOp, property: &Expr, value: &str, span: Span) -> Option<Impossible> {
    let (path, values) = documented_values(property)?;
    if values.iter().any(|v| v.eq_ignore_ascii_case(value)) {
        return None;
    }
    let help = did_you_mean(value, values.iter());
    // `github.event_name` also holds names no `on:` key has: `dynamic`
    // for the runs GitHub starts itself (Dependabot, default-setup code
    // scanning, Pages), and events GitHub adds later. Only a near miss of
    // a known event (`pull-request`) is evidence of a typo (review83 M2).
    if matches!(values, Values::Events) && (value.eq_ignore_ascii_case("dynamic") || help.is_none()) {
        return None;
    }
    let never_true = op == BinaryOp::Eq;
    let listed = match values {
        Values::Events => "no event has that name".to_string(),
        Values::Listed(list) => format!("its values are {}", quoted_list(list)),
    };
    let mut message = format!(
        "{path} is never \"{value}\" ({listed}), so \"{op}\" is always {}",
        if never_true { "false" } else { "true" }
    );
    if let Some(help) = help {
        message = format!("{message} ({help})");
    }
    Some(Impossible {
        span,
        message,
        never_true,
    })
}

/// `github.event.action` compared with a type no trigger delivers
/// ([`EventActions::never`]).
fn impossible_action(
    actions: &EventActions,
    op: BinaryOp,
    property: &Expr,
    value: &str,
    span: Span,
) -> Option<Impossible> {
    let segments = property_path(property)?;
    let lower: Vec<String> = segments.iter().map(|s| s.to_ascii_lowercase()).collect();
    if lower != ["github", "event", "action"] {
        return None;
    }
    impossible_by(op, span, |never_true| {
        actions.never(&segments.join("."), value, &op.to_string(), never_true)
    })
}

/// The finding for the literal at `span` compared by `op`, with the message
/// `message` gives (told whether the comparison is never true), if any.
fn impossible_by(op: BinaryOp, span: Span, message: impl FnOnce(bool) -> Option<String>) -> Option<Impossible> {
    let never_true = op == BinaryOp::Eq;
    Some(Impossible {
        span,
        message: message(never_true)?,
        never_true,
    })
}

enum Values {
    Listed(&'static [&'static str]),
    Events,
}

impl Values {
    fn iter(&self) -> Box<dyn Iterator<Item = &'static str>> {
        match self {
            Values::Listed(list) => Box::new(list.iter().copied()),
            Values::Events => Box::new(crate::rules::events::EVENTS.iter().map(|(name, _)| *name)),
        }
    }
}

/// A `==` / `!=` between a `matrix` property that the job's
/// literal matrix gives only booleans (`type_of` answers `bool` for it) and a
/// string literal that can never equal one. GitHub's expressions reference on
/// loose equality: values of different types are compared as numbers, a
/// boolean being 1 (`true`) or 0 (`false`) and a string the number it parses
/// as, else NaN (the empty string is 0). A string with a non-blank character
/// and no digit (`'true'`, `'false'`, `'yes'`) is NaN or an infinity, never 0
/// or 1, so `matrix.lts == 'true'` is always false whatever the leg. Numeric
/// strings (`'1'`) and blank ones (`''`, which is 0) are left alone, so is a
/// matrix with rows computed at run time (open: a leg may give a string), and
/// so is every other context but a `number` or `boolean` input (see
/// [`input_comparison`]).
fn boolean_string(
    op: BinaryOp,
    property: &Expr,
    value: &str,
    span: Span,
    type_of: &dyn Fn(&Expr) -> Type,
) -> Option<Impossible> {
    let segments = property_path(property)?;
    if segments.len() < 2 || value.trim().is_empty() || value.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if segments[0].eq_ignore_ascii_case("inputs") {
        return input_comparison(op, &segments, value, type_of(property), span);
    }
    if !segments[0].eq_ignore_ascii_case("matrix") || type_of(property) != Type::Bool {
        return None;
    }
    // An open matrix (an `include` or a row computed at run time, as
    // `${{ fromJSON(…) }}`) may add a leg where the property is the
    // string: the literal rows do not tell every value (finfix19 L4).
    if matches!(type_of(base(property)), Type::Object(o) if o.rest.is_some()) {
        return None;
    }
    let never_true = op == BinaryOp::Eq;
    let path = segments.join(".");
    let bare = if value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false") {
        format!("; compare with {} without quotes", value.to_ascii_lowercase())
    } else {
        String::new()
    };
    Some(Impossible {
        span,
        message: format!(
            "the matrix gives {path} only boolean values (or none, in a leg without it), and GitHub compares a boolean with a string as numbers (true is 1, false is 0, \"{value}\" is not a number), so \"{op}\" is always {}{bare}",
            if never_true { "false" } else { "true" }
        ),
        never_true,
    })
}

/// `inputs.<name> == '<word>'` where the input is declared `type: number`
/// or `type: boolean` (`ty` is the checker's `number` or `bool`), and the
/// word holds no digit. GitHub validates a typed input's value, and
/// compares a number or a boolean with a string as numbers (the string's
/// number, else NaN; a boolean is 1 or 0), so such a word never equals it.
/// Were the value to arrive as a string (round 12's question for dispatch
/// inputs), it would be a numeral, or `true` / `false`: so those two words
/// are left alone for a boolean input (which of the two readings holds
/// decides them), and every other word is never equal under both.
/// `'Infinity'` is left alone: it parses as a number.
fn input_comparison(op: BinaryOp, segments: &[&str], value: &str, ty: Type, span: Span) -> Option<Impossible> {
    if segments.len() != 2 || value.to_ascii_lowercase().contains("infinity") {
        return None;
    }
    let declared = match ty {
        Type::Number => "a number",
        Type::Bool if !value.trim().eq_ignore_ascii_case("true") && !value.trim().eq_ignore_ascii_case("false") => {
            "a boolean"
        }
        _ => return None,
    };
    let never_true = op == BinaryOp::Eq;
    Some(Impossible {
        span,
        message: format!(
            "input {} is declared {declared}, and GitHub compares {declared} with a string as numbers (\"{value}\" is not a number), so \"{op}\" is always {}",
            segments[1],
            if never_true { "false" } else { "true" }
        ),
        never_true,
    })
}

/// The context a property read starts from (`matrix` of `matrix.a.b`).
fn base(expr: &Expr) -> &Expr {
    match &expr.kind {
        ExprKind::Property { receiver, .. } | ExprKind::Index { receiver, .. } => base(receiver),
        _ => expr,
    }
}

/// The segments of the property `expr` reads, as written (`matrix.a.b`,
/// `matrix['a']`), or `None` for anything else.
fn property_path(expr: &Expr) -> Option<Vec<&str>> {
    let mut segments = Vec::new();
    let mut node = expr;
    loop {
        match &node.kind {
            ExprKind::Property { receiver, name, .. } => {
                segments.push(name.as_str());
                node = receiver;
            }
            ExprKind::Index { receiver, index } => {
                let ExprKind::String(key) = &index.kind else {
                    return None;
                };
                segments.push(key.as_str());
                node = receiver;
            }
            ExprKind::Variable(name) => {
                segments.push(name.as_str());
                break;
            }
            _ => return None,
        }
    }
    segments.reverse();
    Some(segments)
}

/// The property `expr` reads, as written, and its documented values.
fn documented_values(expr: &Expr) -> Option<(String, Values)> {
    let segments = property_path(expr)?;
    let lower: Vec<String> = segments.iter().map(|s| s.to_ascii_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let values = match lower.as_slice() {
        ["needs" | "jobs", _, "result"] | ["steps", _, "outcome" | "conclusion"] => Values::Listed(RESULTS),
        ["job", "status"] => Values::Listed(JOB_STATUS),
        ["runner", "os"] => Values::Listed(RUNNER_OS),
        ["runner", "arch"] => Values::Listed(RUNNER_ARCH),
        ["github", "event_name"] => Values::Events,
        _ => return None,
    };
    Some((segments.join("."), values))
}

/// `"a", "b" and "c"`.
fn quoted_list(list: &[&str]) -> String {
    let quoted: Vec<String> = list.iter().map(|v| format!("\"{v}\"")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// Calls `each` with every `==` / `!=` in `expr` whose one side is a string
/// literal: the operator, the other side, the literal and its span.
fn string_comparisons(expr: &Expr, each: &mut dyn FnMut(BinaryOp, &Expr, &str, Span)) {
    expr.walk(&mut |e| {
        let ExprKind::Binary { op, left, right, .. } = &e.kind else {
            return;
        };
        if !matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            return;
        }
        match (&left.kind, &right.kind) {
            (_, ExprKind::String(s)) => each(*op, left, s, right.span),
            (ExprKind::String(s), _) => each(*op, right, s, left.span),
            _ => {}
        }
    });
}
