//! The error type shared by the parser and the checker.

use crate::span::Span;
use std::fmt;

/// What went wrong, so that rules can filter or group findings without matching on text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Lexing or parsing failed.
    Syntax,
    /// `${{` without a matching `}}`.
    Unclosed,
    /// A context name that does not exist (`foo.bar`).
    UndefinedVariable,
    /// A property missing from a closed object type.
    UndefinedProperty,
    UndefinedFunction,
    /// Wrong number of arguments, or an argument of the wrong type.
    FunctionArguments,
    /// `format()` placeholders that do not match the arguments.
    FormatString,
    /// A literal passed to `fromJSON()` that is not valid JSON.
    BrokenJson,
    /// Operands that cannot be compared.
    Comparison,
    /// Property access, index access or `.*` on a value of the wrong type.
    InvalidAccess,
    /// A context used where GitHub does not provide it.
    ContextNotAllowed,
    /// `hashFiles()` or a status function used where it is not available.
    FunctionNotAllowed,
    /// An object, array or null value expanded in a `${{ }}` template.
    TemplateValue,
    /// A `vars.<name>` GitHub's naming conventions never allow.
    VariableName,
}

/// A problem found in an expression. `span` is relative to the parsed expression text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    pub kind: ErrorKind,
    pub message: String,
    pub span: Span,
    /// An optional hint such as `did you mean "name"?`, kept apart from `message` so that the
    /// message stays comparable with actionlint's.
    pub help: Option<String>,
}

impl ExprError {
    pub fn new(kind: ErrorKind, span: Span, message: impl Into<String>) -> Self {
        ExprError {
            kind,
            message: message.into(),
            span,
            help: None,
        }
    }

    pub fn with_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// The same error with its span moved right by `offset` bytes.
    pub fn shifted(mut self, offset: usize) -> Self {
        self.span = self.span.shifted(offset);
        self
    }
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, " ({help})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ExprError {}

/// Quotes a character the way the messages show it: `'a'`, `'\''`, `'\n'`.
pub(crate) fn quote_char(c: char) -> String {
    match c {
        '\'' => "'\\''".to_string(),
        '\n' => "'\\n'".to_string(),
        '\r' => "'\\r'".to_string(),
        '\t' => "'\\t'".to_string(),
        c if c.is_control() => format!("'\\u{{{:x}}}'", c as u32),
        c => format!("'{c}'"),
    }
}

/// Quotes a string with double quotes and backslash escapes, like Go's `%q`.
pub(crate) fn quote_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote_char('"'), "'\"'");
        assert_eq!(quote_char('\''), "'\\''");
        assert_eq!(quote_str("a\"b\nc"), "\"a\\\"b\\nc\"");
    }

    #[test]
    fn display_appends_help() {
        let e = ExprError::new(ErrorKind::Syntax, Span::new(0, 1), "bad").with_help(Some("try x".into()));
        assert_eq!(e.to_string(), "bad (try x)");
        assert_eq!(e.shifted(3).span, Span::new(3, 4));
    }
}
