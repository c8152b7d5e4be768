//! Parser and type checker for GitHub Actions `${{ }}` expressions.
//!
//! Pure: no I/O, no YAML. Rules hand it string values and where they sit in the workflow.
//!
//! # Overview
//!
//! * [`find_expressions`] / [`single_expression`]: locate `${{ … }}` in a YAML string value
//!   (`}}` inside `'…'` literals does not close an expression).
//! * [`parse`]: expression text → [`Expr`] tree with byte [`Span`]s relative to that text.
//!   Errors read like actionlint's (`unexpected end of input while parsing …`,
//!   `got unexpected character '"' while lexing expression, …`).
//! * [`Checker`]: infers [`Type`]s against a [`Scope`] and reports [`ExprError`]s: unknown
//!   contexts, properties of closed objects (with a `did you mean` in [`ExprError::help`]),
//!   unknown functions, argument count and types, `format()` placeholders, broken
//!   `fromJSON()` literals, invalid comparisons, and, given an [`Availability`] row, contexts
//!   and special functions that the workflow key does not allow.
//! * [`check_template`]: find + parse + check every `${{ }}` of one string, spans relative to
//!   the string; [`CheckedTemplate::template_value_errors`] and
//!   [`CheckedTemplate::untrusted_inputs`] on top.
//! * [`untrusted_inputs`]: attacker-controlled paths (`github.event.issue.title`, …) read by an
//!   expression, for the `template-injection` rule.
//! * [`classify_condition`], [`Expr::is_constant`], [`condition::always_true_message`],
//!   [`condition::constant_condition_message`]: for `if:` values.
//!
//! # Spans
//!
//! Every span is a byte range into the text given to the function. To report in the file, add
//! the byte offset of that text in the YAML source ([`Span::shifted`], [`ExprError::shifted`]).
//! Errors point at the node's start, as actionlint does: a comparison at its left operand, a
//! property error at the start of the access chain, a context error at the context name.
//!
//! # Typing the workflow-dependent contexts
//!
//! [`Scope::new`] types `github`, `runner`, `job`, `strategy`, `env`, `vars`, `secrets`
//! precisely and the rest loosely (any step id, any needed job, any matrix key, any input).
//! Narrow them from the workflow:
//!
//! * `scope.set_steps([(id, outputs)])` for steps before the current one (outputs:
//!   `Type::map_of(Type::String)` when unknown, a closed [`Type::object`] for known actions);
//! * `scope.set_needs([(job_id, outputs)])` from `needs:` and those jobs' `outputs:`;
//! * `scope.set_matrix(Type::object([...]))` from `strategy.matrix` (`Type::object([])` for a
//!   job without a matrix, `Type::any_object()` when the matrix is an expression);
//! * `scope.set_inputs(...)` from `on.workflow_call.inputs` / `on.workflow_dispatch.inputs`
//!   (`Type::object([])` when there are none) and `scope.set_github_event_inputs(...)`;
//! * `scope.set_jobs(...)` for `on.workflow_call.outputs.<id>.value`; `scope.set_secrets(...)`.
//!
//! # Availability
//!
//! [`availability()`] takes a key as GitHub's "Context availability" table writes it, e.g.
//! `jobs.<job_id>.if`, `jobs.<job_id>.steps.run`, `jobs.<job_id>.steps.with`,
//! `jobs.<job_id>.env`, `env`, `run-name`, `on.workflow_call.inputs.<inputs_id>.default`;
//! [`AVAILABILITY`] lists them all.
//!
//! ```
//! use autoheal_expr::{availability, check_template, Checker, Scope, Type};
//!
//! let mut scope = Scope::new();
//! scope.set_inputs(Type::object([("name", Type::String)]));
//! let checker = Checker::new(&scope).with_availability(availability("jobs.<job_id>.if"));
//! let text = "${{ env.FOO == inputs.nmae }}";
//! let result = check_template(text, &checker);
//! let messages: Vec<_> = result.errors.iter().map(|e| (e.span.start, e.message.as_str())).collect();
//! assert_eq!(messages[0].0, 4); // `env`
//! assert!(messages[0].1.starts_with("context \"env\" is not allowed here."));
//! assert_eq!(messages[1].1, "property \"nmae\" is not defined in object type {name: string}");
//! assert_eq!(result.errors[1].help.as_deref(), Some("did you mean \"name\"?"));
//! ```
//!
//! An `if:` value:
//!
//! ```
//! use autoheal_expr::{classify_condition, condition, parse, Condition};
//!
//! let text = "${{ false }} && ${{ false }}";
//! assert!(matches!(classify_condition(text), Condition::AlwaysTrue(_)));
//! assert_eq!(
//!     condition::always_true_message(text),
//!     "if: condition \"${{ false }} && ${{ false }}\" is always evaluated to true because extra characters are around ${{ }}"
//! );
//! let bare = "true && 42 || !null";
//! let span = classify_condition(bare).expression_span(bare).unwrap();
//! assert!(parse(&bare[span.range()]).unwrap().is_constant());
//! ```
//!
//! Untrusted input in a `run:` script:
//!
//! ```
//! use autoheal_expr::{check_template, Checker, Scope};
//!
//! let scope = Scope::new();
//! let run = "echo '${{ github.event.pull_request.head.ref }}'";
//! let found = check_template(run, &Checker::new(&scope)).untrusted_inputs();
//! assert_eq!(found[0].path, "github.event.pull_request.head.ref");
//! assert_eq!(found[0].span.start, 10);
//! ```

pub mod ast;
pub mod availability;
pub mod check;
pub mod condition;
pub mod contexts;
pub mod error;
pub mod functions;
pub mod json;
pub mod lexer;
pub mod parser;
pub mod span;
pub mod suggest;
pub mod template;
pub mod types;
pub mod untrusted;

pub use ast::{BinaryOp, Expr, ExprKind};
pub use availability::{AVAILABILITY, Availability, availability, keys_allowing_function};
pub use check::{
    Checked, CheckedTemplate, Checker, TemplateExpr, check_template, format_placeholders, template_value_error,
};
pub use condition::{Condition, always_true_message, classify_condition, constant_condition_message};
pub use contexts::{CONTEXT_NAMES, Scope, context_description, needs_context, steps_context};
pub use error::{ErrorKind, ExprError};
pub use functions::function_description;
pub use parser::parse;
pub use span::Span;
pub use template::{Embedded, contains_expression, find_expressions, is_constant_template, single_expression};
pub use types::Type;
pub use untrusted::{UNTRUSTED_PATHS, UntrustedInput, access_path, untrusted_inputs, untrusted_path_segments};
