//! How GitHub reads an `if:` value, and the messages for conditions that can never change.

use crate::error::quote_str;
use crate::span::Span;
use crate::template::{Embedded, find_expressions, single_expression};

/// The ways GitHub reads an `if:` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// No `${{`: the whole value is an expression.
    Bare,
    /// Exactly one `${{ … }}` and nothing else: its inside is the expression.
    Wrapped(Embedded),
    /// Text around `${{ … }}` (even a space or newline), or several of them: GitHub expands a
    /// string template, whose non-empty result is always true.
    AlwaysTrue(Vec<Embedded>),
}

impl Condition {
    /// The span of the expression text to parse, relative to the `if:` value.
    pub fn expression_span(&self, text: &str) -> Option<Span> {
        match self {
            Condition::Bare => Some(Span::new(0, text.len())),
            Condition::Wrapped(embedded) => Some(embedded.inner),
            Condition::AlwaysTrue(_) => None,
        }
    }
}

pub fn classify_condition(text: &str) -> Condition {
    if let Some(embedded) = single_expression(text) {
        return Condition::Wrapped(embedded);
    }
    let found = find_expressions(text);
    if found.is_empty() {
        Condition::Bare
    } else {
        Condition::AlwaysTrue(found)
    }
}

/// The message for [`Condition::AlwaysTrue`].
pub fn always_true_message(text: &str) -> String {
    format!(
        "if: condition {} is always evaluated to true because extra characters are around ${{{{ }}}}",
        quote_str(text)
    )
}

/// The message for a condition whose expression [`crate::Expr::is_constant`]; `expression`
/// is its source text, trimmed.
pub fn constant_condition_message(expression: &str) -> String {
    format!(
        "constant expression {} in condition. remove the if: section",
        quote_str(expression)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    #[test]
    fn classification() {
        assert_eq!(classify_condition("github.ref == 'x'"), Condition::Bare);
        assert!(matches!(classify_condition("${{ a }}"), Condition::Wrapped(_)));
        for text in [
            "${{ false }}\n",
            "${{ false }} ",
            " ${{ false }}",
            "${{ a }} && b",
            "true && ${{ x }}",
            "!${{ true }}",
        ] {
            assert!(matches!(classify_condition(text), Condition::AlwaysTrue(_)), "{text:?}");
        }
        let text = "${{ a && b }}";
        assert_eq!(classify_condition(text).expression_span(text), Some(Span::new(3, 11)));
        assert_eq!(classify_condition("x").expression_span("x"), Some(Span::new(0, 1)));
    }

    #[test]
    fn messages() {
        assert_eq!(
            always_true_message("${{ false }}\n"),
            "if: condition \"${{ false }}\\n\" is always evaluated to true because extra characters are around ${{ }}"
        );
        assert_eq!(
            constant_condition_message("true"),
            "constant expression \"true\" in condition. remove the if: section"
        );
    }

    #[test]
    fn constant_expressions() {
        for src in [
            "true",
            "true && 42 || !null",
            "contains(format('{0} {1} {2}', 'foo', 'bar', 'piyo'), 'o b')",
        ] {
            assert!(parse(src).expect("parses").is_constant(), "{src}");
        }
        for src in [
            "success()",
            "github.ref == 'x'",
            "hashFiles('x') != ''",
            "unknown()",
            "always() && true",
        ] {
            assert!(!parse(src).expect("parses").is_constant(), "{src}");
        }
    }
}
