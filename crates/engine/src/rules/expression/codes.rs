//! The `expression` rule's check codes: one per kind of error the
//! expression checker reports (so a new kind fails to compile until it has
//! a code), plus the rule's own checks of where an expression is used.
//! Each is listed on `docs/rules/expression.md`.

use autoheal_expr::ErrorKind;

pub const SYNTAX: &str = "expression/syntax";
pub const UNCLOSED: &str = "expression/unclosed";
pub const UNDEFINED_VARIABLE: &str = "expression/undefined-variable";
pub const UNDEFINED_PROPERTY: &str = "expression/undefined-property";
pub const UNDEFINED_FUNCTION: &str = "expression/undefined-function";
pub const FUNCTION_ARGUMENTS: &str = "expression/function-arguments";
pub const FORMAT_STRING: &str = "expression/format-string";
pub const BROKEN_JSON: &str = "expression/broken-json";
pub const COMPARISON: &str = "expression/comparison";
pub const INVALID_ACCESS: &str = "expression/invalid-access";
pub const CONTEXT_NOT_ALLOWED: &str = "expression/context-not-allowed";
pub const FUNCTION_NOT_ALLOWED: &str = "expression/function-not-allowed";
pub const TEMPLATE_VALUE: &str = "expression/template-value";
pub const VARIABLE_NAME: &str = "expression/variable-name";
/// A single `${{ }}` whose type does not fit its key (an object for
/// `runs-on`, a string for `services`, a string default of a number input).
pub const VALUE_TYPE: &str = "expression/value-type";
/// An `if:` with text around `${{ }}`: a non-empty string, always true.
pub const ALWAYS_TRUE: &str = "expression/always-true";
/// An `if:` whose value never changes.
pub const CONSTANT_CONDITION: &str = "expression/constant-condition";
/// `==` / `!=` between a property with documented values (`needs.<id>.result`,
/// `job.status`, `runner.os`, `github.event_name`, …) and a string it never
/// holds: never true (an error) or always true (a warning).
pub const IMPOSSIBLE_VALUE: &str = "expression/impossible-value";
/// `github.event.<field>` where no trigger's webhook payload has the field
/// (`github.event.pull_request` in a workflow run only on `push`): always
/// null (a warning).
pub const EVENT_FIELD: &str = "expression/event-field";

/// The code of an error of the expression checker.
pub fn of(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Syntax => SYNTAX,
        ErrorKind::Unclosed => UNCLOSED,
        ErrorKind::UndefinedVariable => UNDEFINED_VARIABLE,
        ErrorKind::UndefinedProperty => UNDEFINED_PROPERTY,
        ErrorKind::UndefinedFunction => UNDEFINED_FUNCTION,
        ErrorKind::FunctionArguments => FUNCTION_ARGUMENTS,
        ErrorKind::FormatString => FORMAT_STRING,
        ErrorKind::BrokenJson => BROKEN_JSON,
        ErrorKind::Comparison => COMPARISON,
        ErrorKind::InvalidAccess => INVALID_ACCESS,
        ErrorKind::ContextNotAllowed => CONTEXT_NOT_ALLOWED,
        ErrorKind::FunctionNotAllowed => FUNCTION_NOT_ALLOWED,
        ErrorKind::TemplateValue => TEMPLATE_VALUE,
        ErrorKind::VariableName => VARIABLE_NAME,
    }
}
