//! Whether a value given under a call's `with:` has the type the called
//! workflow declares for the input: one table for literals and for
//! expressions, because GitHub checks both the same way when the caller's
//! run starts (`Unexpected type of value '…', expected type: Boolean`).
//!
//! What converts, from GitHub's behaviour: a number becomes a string and a
//! boolean becomes a string (`'true'`); nothing becomes a number or a
//! boolean. GitHub's expressions documentation converts such strings with
//! `fromJSON()` ("Example returning a JSON data type"), and a string
//! expression such as `${{ github.event.inputs.flag }}` given to a
//! `boolean` input fails the run before any job starts ("evaluate reusable
//! workflow inputs: … Unexpected value 'true'", dotCMS/core#34363;
//! "Unexpected type of value '', expected type: Boolean", actions/runner#2206).
//! The other way works: "boolean can be cast to string, string cannot be
//! cast to boolean" (a tested report in actions/runner#1483), so
//! `${{ true }}` given to a `string` input is not reported. actionlint
//! 1.17.0 reports it ("bool value cannot be assigned") while it lets
//! `${{ 3 }}` into a string and `${{ 'x' }}` into a boolean pass; no GitHub
//! document states a conversion either way beyond "must match the input
//! specifications", so the runner's observed behaviour decides. A quoted literal
//! whose text is the declared type's (`"3"`, `'true'`) is left alone: it is
//! what a YAML author means by that value.

use autoheal_expr::Type;

use crate::yaml::{Node, ScalarStyle};

/// A value under `with:`.
pub(super) enum Given<'a> {
    /// YAML with no `${{`.
    Literal(&'a Node),
    /// The type a `${{ }}` value evaluates to (text around it makes a string).
    Expression(Type),
}

/// What is wrong with `given` for an input declared `declared` (`string`,
/// `number` or `boolean`), described for a message; `None` when it fits or
/// cannot be judged.
pub(super) fn mismatch(declared: &str, given: &Given<'_>) -> Option<String> {
    let ty = match given {
        Given::Literal(node) => literal_type(declared, node)?,
        // Objects, arrays and null evaluated into a value are the
        // `expression` rule's `template-value` findings already.
        Given::Expression(Type::Null | Type::Object(_) | Type::Array(_)) => return None,
        Given::Expression(ty) => ty.clone(),
    };
    if accepts(declared, &ty) {
        return None;
    }
    Some(match given {
        Given::Literal(node) if ty == Type::Null && node.as_str() == Some("") => "empty".to_string(),
        Given::Literal(_) if ty == Type::Null => "null".to_string(),
        Given::Literal(node) if node.as_scalar().is_some_and(|s| s.style != ScalarStyle::Plain) => {
            format!("the string {:?}", node.as_str().unwrap_or(""))
        }
        Given::Literal(node) => node.describe().to_string(),
        Given::Expression(_) => format!("an expression of type {ty}"),
    })
}

/// Whether a value of type `ty` is accepted by an input declared `declared`.
fn accepts(declared: &str, ty: &Type) -> bool {
    match (declared, ty) {
        (_, Type::Any) => true,
        ("number", t) => *t == Type::Number,
        ("boolean", t) => *t == Type::Bool,
        ("string", t) => matches!(t, Type::String | Type::Number | Type::Bool),
        // An undeclared type is the callee's finding (`invalid-callee`).
        _ => true,
    }
}

/// The type of a literal; `None` when it is not judged: an empty value
/// (many read it as an empty string), a value that is no scalar, and a
/// quoted literal whose text converts to the declared type.
fn literal_type(declared: &str, value: &Node) -> Option<Type> {
    let scalar = value.as_scalar()?;
    if scalar.style != ScalarStyle::Plain {
        let text = scalar.value.trim();
        let converts = match declared {
            "number" => text.parse::<f64>().is_ok() || text.starts_with("0x"),
            "boolean" => text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false"),
            _ => true,
        };
        return (!converts).then_some(Type::String);
    }
    // An explicit `null` is no value of any type.
    if matches!(scalar.value.as_str(), "null" | "Null" | "NULL" | "~") {
        return Some(Type::Null);
    }
    // An empty value: YAML reads it as null, some readers as "". A `string`
    // input may mean "" and is not judged; neither reading is a number or a
    // boolean, and GitHub fails such a run before any job starts
    // ("Unexpected type of value '', expected type: Boolean",
    // actions/runner#2206).
    if value.is_null() {
        return (declared != "string").then_some(Type::Null);
    }
    Some(if value.as_bool().is_some() {
        Type::Bool
    } else if value.as_number().is_some() {
        Type::Number
    } else {
        Type::String
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml;

    fn literal(text: &str) -> Node {
        yaml::parse(format!("v: {text}\n").as_bytes())
            .root
            .and_then(|r| r.get("v").cloned())
            .expect("a value")
    }

    #[test]
    fn literals_and_expressions_follow_one_table() {
        // (declared, literal, expression type of the same value, mismatch?)
        let cases = [
            ("number", "3", Type::Number, false),
            ("number", "true", Type::Bool, true),
            ("number", "three", Type::String, true),
            ("boolean", "false", Type::Bool, false),
            ("boolean", "1", Type::Number, true),
            ("boolean", "yes please", Type::String, true),
            ("string", "42", Type::Number, false),
            ("string", "true", Type::Bool, false),
            ("string", "text", Type::String, false),
        ];
        for (declared, text, ty, wrong) in cases {
            let node = literal(text);
            assert_eq!(
                mismatch(declared, &Given::Literal(&node)).is_some(),
                wrong,
                "{declared} <- {text}"
            );
            assert_eq!(
                mismatch(declared, &Given::Expression(ty.clone())).is_some(),
                wrong,
                "{declared} <- ${{{{ {ty} }}}}"
            );
        }
    }

    #[test]
    fn quoted_literals_that_convert_and_unknown_types_pass() {
        for (declared, text) in [("number", "\"3\""), ("boolean", "'true'"), ("number", "''")] {
            let node = literal(text);
            let expected = (text == "''").then(|| "the string \"\"".to_string());
            assert_eq!(
                mismatch(declared, &Given::Literal(&node)),
                expected,
                "{declared} <- {text}"
            );
        }
        assert_eq!(mismatch("number", &Given::Expression(Type::Any)), None);
        // Left to the `expression` rule's template-value check.
        assert_eq!(mismatch("number", &Given::Expression(Type::Null)), None);
        assert_eq!(
            mismatch("string", &Given::Literal(&literal("null"))),
            Some("null".into())
        );
        assert_eq!(mismatch("string", &Given::Literal(&literal(""))), None);
    }

    /// An empty value is null or "" by whoever reads it: a `string` input may
    /// take "", a `number` or `boolean` input takes neither.
    #[test]
    fn an_empty_value_is_no_number_or_boolean() {
        assert_eq!(
            mismatch("number", &Given::Literal(&literal(""))).as_deref(),
            Some("empty")
        );
        assert_eq!(
            mismatch("boolean", &Given::Literal(&literal(""))).as_deref(),
            Some("empty")
        );
        assert_eq!(mismatch("string", &Given::Literal(&literal(""))), None);
        assert_eq!(
            mismatch("number", &Given::Literal(&literal("~"))).as_deref(),
            Some("null")
        );
    }

    #[test]
    fn messages_name_the_value() {
        assert_eq!(
            mismatch("number", &Given::Expression(Type::String)).as_deref(),
            Some("an expression of type string")
        );
        assert_eq!(
            mismatch("number", &Given::Literal(&literal("\"five\""))).as_deref(),
            Some("the string \"five\"")
        );
    }
}
