//! Parser and type checker for GitHub Actions `${{ }}` expressions.
//!
//! # Overview
//!
//! * [`find_expressions`] / [`single_expression`]: locate `${{ … }}` in a YAML string value.
//! * [`parse`]: expression text → [`Expr`] tree with byte [`Span`]s relative to that text.
//! * [`Checker`]: infers [`Type`]s against a [`Scope`] and reports [`ExprError`]s, including
//!   contexts and special functions that the workflow key does not allow ([`availability`]).
//! * [`untrusted_inputs`]: attacker-controlled `github.event…` paths in an expression.
//! * [`classify_condition`]: how GitHub reads an `if:` value, and whether text around
//!   `${{ }}` makes it always true.
//! * [`check_template`]: all of the above for one string value in one call.
//!
//! Spans are byte offsets into the text given to the function; add the offset of that text in
//! the file (`Span::shifted`, `ExprError::shifted`).
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
mod suggest;
pub mod template;
pub mod types;
pub mod untrusted;

pub use ast::{BinaryOp, Expr, ExprKind};
pub use availability::{AVAILABILITY, Availability, availability, keys_allowing_function};
pub use check::{
    Checked, CheckedTemplate, Checker, TemplateExpr, check_template, format_placeholders, template_value_error,
};
pub use condition::{Condition, classify_condition};
pub use contexts::{CONTEXT_NAMES, Scope, needs_context, steps_context};
pub use error::{ErrorKind, ExprError};
pub use parser::parse;
pub use span::Span;
pub use template::{Embedded, contains_expression, find_expressions, single_expression};
pub use types::Type;
pub use untrusted::{UntrustedInput, untrusted_inputs};
