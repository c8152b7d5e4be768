//! Built-in functions and their signatures.

use crate::types::Type;
use std::fmt;

/// One overload of a built-in function.
#[derive(Debug, Clone)]
pub struct Signature {
    /// The documented spelling, e.g. `startsWith`.
    pub name: &'static str,
    pub params: Vec<Type>,
    /// The last parameter may repeat.
    pub variadic: bool,
    /// Fewest arguments accepted (for variadic signatures).
    pub min_args: usize,
    pub ret: Type,
}

impl Signature {
    /// Whether a call with `count` arguments has the arity this overload takes.
    pub fn takes(&self, count: usize) -> bool {
        if self.variadic {
            count >= self.min_args
        } else {
            count == self.params.len()
        }
    }
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}(", self.name)?;
        for (i, p) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{p}")?;
            if self.variadic && i + 1 == self.params.len() {
                f.write_str("...")?;
            }
        }
        write!(f, ") -> {}", self.ret)
    }
}

/// The documented names of all built-in functions, sorted case-insensitively.
pub const FUNCTION_NAMES: &[&str] = &[
    "always",
    "cancelled",
    "case",
    "contains",
    "endsWith",
    "failure",
    "format",
    "fromJSON",
    "hashFiles",
    "join",
    "startsWith",
    "success",
    "toJSON",
];

/// What each function does, with its parameters (the language server's
/// hover), from GitHub's expressions reference. One entry per
/// [`FUNCTION_NAMES`] name.
const FUNCTION_DESCRIPTIONS: &[(&str, &str)] = &[
    ("always", "`always()`: true always, even when the run was cancelled."),
    ("cancelled", "`cancelled()`: true when the workflow run was cancelled."),
    (
        "case",
        "`case(condition1, value1, …, default)`: the value after the first true condition, or `default` when none is true.",
    ),
    (
        "contains",
        "`contains(search, item)`: true if `search` (a string or array) contains `item`.",
    ),
    (
        "endsWith",
        "`endsWith(searchString, searchValue)`: true if the string ends with the value (case-insensitive).",
    ),
    (
        "failure",
        "`failure()`: true when a previous step (or a needed job) failed.",
    ),
    (
        "format",
        "`format(string, replaceValue0, …)`: replaces `{0}`, `{1}`, … in the string.",
    ),
    (
        "fromJSON",
        "`fromJSON(value)`: parses a JSON string into an object or value.",
    ),
    (
        "hashFiles",
        "`hashFiles(path, …)`: a SHA-256 hash of the files matching the glob patterns; empty when none match.",
    ),
    (
        "join",
        "`join(array, optionalSeparator)`: joins the array's values into one string.",
    ),
    (
        "startsWith",
        "`startsWith(searchString, searchValue)`: true if the string starts with the value (case-insensitive).",
    ),
    (
        "success",
        "`success()`: true when no previous step failed or was cancelled. The default status check.",
    ),
    ("toJSON", "`toJSON(value)`: the value as pretty-printed JSON."),
];

/// What the function `name` (in any case) does, in a sentence.
pub fn function_description(name: &str) -> Option<&'static str> {
    let name = canonical_name(name)?;
    FUNCTION_DESCRIPTIONS.iter().find(|(n, _)| *n == name).map(|(_, d)| *d)
}

/// Functions that only some workflow keys allow (see [`mod@crate::availability`]).
pub const SPECIAL_FUNCTIONS: &[&str] = &["always", "cancelled", "failure", "hashFiles", "success"];

/// The documented spelling of a function name given in any case.
pub fn canonical_name(name: &str) -> Option<&'static str> {
    FUNCTION_NAMES.iter().copied().find(|n| n.eq_ignore_ascii_case(name))
}

/// True for functions whose result depends only on their arguments.
pub fn is_pure(name: &str) -> bool {
    canonical_name(name).is_some_and(|n| !SPECIAL_FUNCTIONS.contains(&n))
}

fn sig(name: &'static str, params: Vec<Type>, ret: Type) -> Signature {
    let min_args = params.len();
    Signature {
        name,
        params,
        variadic: false,
        min_args,
        ret,
    }
}

fn variadic(name: &'static str, params: Vec<Type>, min_args: usize, ret: Type) -> Signature {
    Signature {
        name,
        params,
        variadic: true,
        min_args,
        ret,
    }
}

/// The overloads of a function (name in any case); empty for unknown names.
pub fn signatures(name: &str) -> Vec<Signature> {
    use Type::{Any, Bool, String};
    let Some(name) = canonical_name(name) else {
        return Vec::new();
    };
    match name {
        "contains" => vec![
            sig(name, vec![String, String], Bool),
            sig(name, vec![Type::array_of(Any), Any], Bool),
        ],
        "startsWith" | "endsWith" => vec![sig(name, vec![String, String], Bool)],
        "format" => vec![variadic(name, vec![String, Any], 1, String)],
        "join" => vec![
            sig(name, vec![Type::array_of(String), String], String),
            sig(name, vec![String, String], String),
            sig(name, vec![Type::array_of(String)], String),
            sig(name, vec![String], String),
        ],
        "toJSON" => vec![sig(name, vec![Any], String)],
        "fromJSON" => vec![sig(name, vec![String], Any)],
        "hashFiles" => vec![variadic(name, vec![String], 1, String)],
        "success" | "always" | "cancelled" | "failure" => vec![sig(name, vec![], Bool)],
        // Checked separately: predicate/value pairs and a default.
        "case" => vec![variadic(name, vec![Bool, Any, Any], 3, Any)],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_display() {
        let contains = signatures("CONTAINS");
        assert_eq!(contains[0].to_string(), "contains(string, string) -> bool");
        assert_eq!(contains[1].to_string(), "contains(array<any>, any) -> bool");
        assert_eq!(signatures("format")[0].to_string(), "format(string, any...) -> string");
        assert_eq!(signatures("hashfiles")[0].to_string(), "hashFiles(string...) -> string");
        assert!(signatures("nope").is_empty());
    }

    #[test]
    fn names() {
        assert_eq!(canonical_name("tojson"), Some("toJSON"));
        assert!(is_pure("format"));
        assert!(!is_pure("success"));
        assert!(!is_pure("hashFiles"));
        assert!(!is_pure("unknown"));
    }

    #[test]
    fn every_function_is_described_once() {
        let described: Vec<&str> = FUNCTION_DESCRIPTIONS.iter().map(|(n, _)| *n).collect();
        assert_eq!(described, FUNCTION_NAMES);
        assert!(function_description("TOJSON").is_some_and(|d| d.starts_with("`toJSON(")));
        assert!(function_description("nope").is_none());
    }
}
