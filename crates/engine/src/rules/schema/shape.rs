//! Shape checks shared by every section: key sets, value types, emptiness.
//! Each helper reports at most once per node and returns what it could
//! read, so callers can keep descending into the valid parts.

use super::codes::*;
use crate::diagnostic::Severity;
use crate::rules::Context;
use crate::yaml::{Entry, Node, NodeKind};
use autoheal_expr::suggest::suggest;

/// A key's name in double quotes, as messages write it (`"if"`), written
/// only when a message is made: most keys are checked and never reported.
#[derive(Clone, Copy)]
pub(super) struct Quoted<'a>(pub &'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "\"{}\"", self.0)
    }
}

pub(super) fn report(ctx: &mut Context<'_>, code: &'static str, node: &Node, message: String) {
    ctx.report(node.tagged_report_span(ctx.source), message).set_code(code);
}

/// How a value reads in a message: `a mapping`, `the string "x"`, `null`.
pub(super) fn found(node: &Node) -> String {
    match &node.kind {
        NodeKind::Scalar(s) if !node.is_null() && node.as_bool().is_none() && node.as_number().is_none() => {
            let v: String = s.value.chars().take(60).collect();
            format!("the string \"{v}\"")
        }
        NodeKind::Scalar(s) if !node.is_null() => format!("{} `{}`", node.describe(), s.value),
        _ => node.describe().to_string(),
    }
}

pub(super) fn quoted_list(keys: &[&str]) -> String {
    let mut v: Vec<&str> = keys.to_vec();
    v.sort_unstable();
    v.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ")
}

/// `; did you mean "x"?` for a near miss among `candidates`, or nothing.
pub(super) fn did_you_mean(word: &str, candidates: &[&str]) -> String {
    candidates
        .iter()
        // `-` for `_` is one mistake however many times it is made.
        .find(|c| c.replace('-', "_").eq_ignore_ascii_case(&word.replace('-', "_")))
        .copied()
        .or_else(|| suggest(word, candidates))
        .map(|s| format!("; did you mean \"{s}\"?"))
        .unwrap_or_default()
}

/// Report every key of `entries` not in `allowed`. `what` names the section
/// ("job \"build\"", "\"push\" event").
pub(super) fn check_keys(ctx: &mut Context<'_>, entries: &[Entry], what: &str, allowed: &[&str]) {
    check_keys_at(ctx, entries, what, allowed, None);
}

/// [`check_keys`] at a given severity, for keys GitHub ignores rather than
/// rejects.
pub(super) fn check_keys_at(
    ctx: &mut Context<'_>,
    entries: &[Entry],
    what: &str,
    allowed: &[&str],
    severity: Option<Severity>,
) {
    for e in entries {
        let Some(k) = e.key.as_str() else {
            report(
                ctx,
                WRONG_TYPE,
                &e.key,
                format!("keys of {what} must be strings, but found {}", e.key.describe()),
            );
            continue;
        };
        if allowed.contains(&k) || near_parse_error(ctx, e.key.span) {
            continue;
        }
        let hint = did_you_mean(k, allowed);
        let message = format!(
            "unexpected key \"{k}\" for {what}{hint}; expected one of {}",
            quoted_list(allowed)
        );
        match severity {
            Some(sev) => {
                ctx.report_at(sev, e.key.report_span(), message).set_code(UNKNOWN_KEY);
            }
            None => report(ctx, UNKNOWN_KEY, &e.key, message),
        }
    }
}

/// The entries of a mapping. Null and `${{ }}` expressions give `None`
/// silently (callers decide whether null is allowed); anything else is
/// reported.
pub(super) fn mapping<'n>(ctx: &mut Context<'_>, node: &'n Node, what: &str) -> Option<&'n [Entry]> {
    match &node.kind {
        NodeKind::Mapping(entries) => Some(entries),
        _ if node.is_null() || node.is_expression() => None,
        _ => {
            report(
                ctx,
                WRONG_TYPE,
                node,
                format!("{what} must be a mapping, but found {}", found(node)),
            );
            None
        }
    }
}

/// Like [`mapping`], but null or `{}` is reported as empty.
pub(super) fn nonempty_mapping<'n>(ctx: &mut Context<'_>, node: &'n Node, what: &str) -> Option<&'n [Entry]> {
    let entries = mapping(ctx, node, what);
    // A tree with parse errors lost content: do not call it empty.
    if !ctx.doc.has_parse_errors() && (node.is_null() || entries.is_some_and(<[Entry]>::is_empty)) {
        report(
            ctx,
            EMPTY_VALUE,
            node,
            format!("{what} should not be empty; remove it if it is unnecessary"),
        );
    }
    entries
}

/// A scalar that is not a YAML collection. `nonempty` also rejects `""` and
/// null.
pub(super) fn string(ctx: &mut Context<'_>, node: &Node, what: impl std::fmt::Display, nonempty: bool) {
    match &node.kind {
        NodeKind::Scalar(s) => {
            // A null in a tree with parse errors may be what recovery left
            // of a broken line (an undefined alias, a blanked line): the
            // syntax error is the finding, not a cascade of empty values.
            let lost = node.is_null() && ctx.doc.has_parse_errors();
            if nonempty && !lost && (node.is_null() || s.value.trim().is_empty()) {
                report(ctx, EMPTY_VALUE, node, format!("{what} should not be an empty string"));
            }
        }
        _ => report(
            ctx,
            WRONG_TYPE,
            node,
            format!("{what} must be a string, but found {}", found(node)),
        ),
    }
}

/// `true`, `false` or a `${{ }}` expression.
pub(super) fn boolean(ctx: &mut Context<'_>, node: &Node, what: impl std::fmt::Display) {
    if node.is_expression() || node.as_bool().is_some() {
        return;
    }
    // GitHub's template reader makes a boolean only of a plain scalar; a
    // quoted "true" is a string token, which a boolean key rejects when the
    // workflow is loaded (as quoted numbers, see `positive_number`).
    let quoted = match node.as_str().map(str::to_ascii_lowercase).as_deref() {
        Some("true" | "false") if node.is_string_tagged() => "; remove the `!!str` tag",
        Some("true" | "false") => "; remove the quotes",
        _ => "",
    };
    report(
        ctx,
        WRONG_TYPE,
        node,
        format!(
            "{what} must be `true`, `false` or a ${{{{ }}}} expression, but found {}{quoted}",
            found(node)
        ),
    );
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Number {
    Integer,
    Float,
}

/// A number greater than zero, or a `${{ }}` expression.
pub(super) fn positive_number(ctx: &mut Context<'_>, node: &Node, what: &str, kind: Number) {
    if node.is_expression() {
        return;
    }
    // Quoted numbers are strings to GitHub's parser too.
    let value = node.as_number().filter(|v| v.is_finite());
    let noun = if kind == Number::Integer {
        "a whole number"
    } else {
        "a number"
    };
    match value {
        Some(v) if kind == Number::Integer && v.fract() != 0.0 => {
            report(
                ctx,
                WRONG_TYPE,
                node,
                format!(
                    "{what} must be {noun} or a ${{{{ }}}} expression, but found {}",
                    found(node)
                ),
            );
        }
        // GitHub tolerates 0 (some projects ship it), so it is only a warning.
        Some(0.0) => {
            ctx.report_at(
                Severity::Warning,
                node.report_span(),
                format!("{what} must be greater than zero, but found 0"),
            )
            .set_code(NOT_POSITIVE);
        }
        Some(v) if v < 0.0 => report(
            ctx,
            NOT_POSITIVE,
            node,
            format!("{what} must be greater than zero, but found {v}"),
        ),
        Some(_) => {}
        None => report(
            ctx,
            WRONG_TYPE,
            node,
            format!(
                "{what} must be {noun} or a ${{{{ }}}} expression, but found {}",
                found(node)
            ),
        ),
    }
}

/// A string, or a non-empty sequence of non-empty strings (`needs`,
/// `branches`, `types`…). Returns the strings' nodes.
pub(super) fn string_or_list<'n>(ctx: &mut Context<'_>, node: &'n Node, what: &str) -> Vec<&'n Node> {
    match &node.kind {
        NodeKind::Scalar(_) => {
            string(ctx, node, what, true);
            vec![node]
        }
        NodeKind::Sequence(items) => {
            if items.is_empty() {
                report(ctx, EMPTY_VALUE, node, format!("{what} should not be empty"));
            }
            for item in items {
                string(ctx, item, format_args!("an element of {what}"), true);
            }
            items.iter().collect()
        }
        NodeKind::Mapping(_) => {
            report(
                ctx,
                WRONG_TYPE,
                node,
                format!("{what} must be a string or a sequence of strings, but found a mapping"),
            );
            Vec::new()
        }
    }
}

/// A sequence (or a `${{ }}` expression) of strings.
pub(super) fn list_of_strings(ctx: &mut Context<'_>, node: &Node, what: &str, nonempty: bool) {
    match &node.kind {
        NodeKind::Sequence(items) => {
            if nonempty && items.is_empty() {
                report(ctx, EMPTY_VALUE, node, format!("{what} should not be empty"));
            }
            for item in items {
                string(ctx, item, format_args!("an element of {what}"), true);
            }
        }
        _ if node.is_expression() => {}
        _ if node.is_null() && !nonempty => {}
        _ => report(
            ctx,
            WRONG_TYPE,
            node,
            format!("{what} must be a sequence, but found {}", found(node)),
        ),
    }
}

/// A workflow key GitHub's schema types as a mapping (or an expression), with
/// nothing in it: written with no value it is a null, which no such
/// definition accepts, so GitHub rejects the workflow ("Unexpected value
/// ''"): an error. `{}` is accepted but declares nothing: a warning to remove
/// it. After a parse error a null may be what recovery left of a broken
/// line, so nothing is said then.
pub(super) fn no_empty_mapping(ctx: &mut Context<'_>, node: &Node, what: &str) {
    if ctx.doc.has_parse_errors() {
        return;
    }
    if node.is_null() {
        report(
            ctx,
            EMPTY_VALUE,
            node,
            format!("{what} has no value; GitHub rejects a null here: give it a mapping or remove it"),
        );
    } else if node.as_mapping().is_some_and(<[Entry]>::is_empty) {
        ctx.report_at(
            Severity::Warning,
            node.report_span(),
            format!("{what} is empty and declares nothing; remove it"),
        )
        .set_code(EMPTY_VALUE);
    }
}

/// `env:`-like mappings: string keys to scalar values, or an expression.
pub(super) fn scalar_map(ctx: &mut Context<'_>, node: &Node, what: &str) {
    let Some(entries) = mapping(ctx, node, what) else {
        return;
    };
    case_insensitive_duplicates(ctx, entries, what);
    let is_env = what.starts_with("\"env\"");
    for e in entries {
        if let Some(name) = e.key.as_str().filter(|n| is_env && !n.contains("${{")) {
            // `=` ends a name in the process environment, and spaces or `&`
            // make it unusable from a shell.
            if name.contains(['=', '&']) || name.contains(char::is_whitespace) {
                ctx.report(
                    e.key.report_span(),
                    format!("environment variable name \"{name}\" is invalid: names cannot contain `=`, `&` or spaces"),
                )
                .set_code(ENV_NAME);
            }
        }
        if !e.key.is_scalar() {
            report(
                ctx,
                WRONG_TYPE,
                &e.key,
                format!("keys of {what} must be strings, but found {}", e.key.describe()),
            );
        }
        if !e.value.is_scalar() {
            let k = e.key.as_str().unwrap_or("");
            report(
                ctx,
                WRONG_TYPE,
                &e.value,
                format!(
                    "value of \"{k}\" in {what} must be a string, number or boolean, but found {}",
                    found(&e.value)
                ),
            );
        }
    }
}

/// Required keys of a mapping, reported at `at` (the section's key).
pub(super) fn require(ctx: &mut Context<'_>, entries: &[Entry], at: &Node, what: &str, keys: &[&str]) {
    if ctx.doc.has_parse_errors() {
        return;
    }
    for k in keys {
        if !entries.iter().any(|e| e.key.as_str() == Some(k)) {
            report(
                ctx,
                MISSING_KEY,
                at,
                format!("\"{k}\" is required in {what}, but it is missing"),
            );
        }
    }
}

/// True when a parse error sits on the lines of `span`: recovery may have
/// turned a broken line into a key, which is not worth a second report.
fn near_parse_error(ctx: &Context<'_>, span: crate::text::TextRange) -> bool {
    let start = crate::edit::line_start(ctx.source, span.start);
    let end = crate::edit::line_end(ctx.source, span.end);
    ctx.doc
        .errors
        .iter()
        // A merge key (`<<`) is the syntax rule's finding; it is not also an
        // unknown key.
        .any(|e| {
            matches!(
                e.kind,
                crate::yaml::SyntaxErrorKind::Parse | crate::yaml::SyntaxErrorKind::MergeKey
            ) && e.range.start >= start
                && e.range.start <= end
        })
}

/// Keys that differ only in case: GitHub treats `env`, `with`, inputs,
/// secrets, outputs, matrix keys and service ids case-insensitively, so the
/// second one silently replaces the first. Exact duplicates are the
/// `syntax` rule's.
pub(super) fn case_insensitive_duplicates(ctx: &mut Context<'_>, entries: &[Entry], what: &str) {
    for (e, first) in entries.iter().zip(first_same_keys(entries)) {
        let (Some(k), Some(first)) = (e.key.as_str(), first) else {
            continue;
        };
        if first.as_str() == Some(k) {
            continue;
        }
        let first_text = first.as_str().unwrap_or("").to_string();
        let at = ctx.source[..first.span.start.min(ctx.source.len())]
            .matches('\n')
            .count()
            + 1;
        report(
            ctx,
            CASE_DUPLICATE,
            &e.key,
            format!("key \"{k}\" in {what} duplicates \"{first_text}\" (line {at}); these keys are case-insensitive"),
        );
    }
}

/// Below this many entries the earlier keys are compared one by one;
/// above, through a map of lowercased keys (linear in the entries).
const SCAN_ENTRIES: usize = 32;

/// For each entry, the key of the first earlier entry whose string key
/// equals its own but for ASCII case. A mapping of a few keys (most `with:`,
/// `env:`, `inputs:`) is scanned without lowercased copies or hashing.
fn first_same_keys(entries: &[Entry]) -> Vec<Option<&Node>> {
    if entries.len() <= SCAN_ENTRIES {
        first_same_keys_scanned(entries)
    } else {
        first_same_keys_mapped(entries)
    }
}

fn first_same_keys_scanned(entries: &[Entry]) -> Vec<Option<&Node>> {
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let k = e.key.as_str()?;
            entries[..i]
                .iter()
                .find(|earlier| earlier.key.as_str().is_some_and(|j| j.eq_ignore_ascii_case(k)))
                .map(|earlier| &earlier.key)
        })
        .collect()
}

fn first_same_keys_mapped(entries: &[Entry]) -> Vec<Option<&Node>> {
    let mut seen: std::collections::HashMap<String, &Node> = std::collections::HashMap::with_capacity(entries.len());
    entries
        .iter()
        .map(|e| {
            let k = e.key.as_str()?;
            let lower = k.to_ascii_lowercase();
            match seen.get(&lower) {
                Some(first) => Some(*first),
                None => {
                    seen.insert(lower, &e.key);
                    None
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod case_duplicate_tests {
    use super::*;
    use crate::text::TextRange;
    use crate::yaml::{NodeKind, Scalar, ScalarStyle};

    fn node(kind: NodeKind, at: usize) -> Node {
        Node {
            kind,
            span: TextRange::new(at, at + 1),
            alias: None,
            tag: None,
        }
    }

    /// Entries keyed by the given strings (`None`: a sequence as the key).
    fn entries(keys: &[Option<String>]) -> Vec<Entry> {
        keys.iter()
            .enumerate()
            .map(|(i, k)| {
                let key = match k {
                    Some(k) => NodeKind::Scalar(Scalar {
                        value: k.clone(),
                        style: ScalarStyle::Plain,
                    }),
                    None => NodeKind::Sequence(Vec::new()),
                };
                Entry {
                    key: node(key, 2 * i),
                    value: node(NodeKind::Sequence(Vec::new()), 2 * i + 1),
                }
            })
            .collect()
    }

    fn spans(found: Vec<Option<&Node>>) -> Vec<Option<TextRange>> {
        found.into_iter().map(|n| n.map(|n| n.span)).collect()
    }

    #[test]
    fn the_first_key_equal_but_for_case_is_found() {
        let keys: Vec<Option<String>> = [
            Some("Env"),
            Some("x"),
            Some("ENV"),
            None,
            Some("env"),
            Some("X"),
            Some("é"),
            Some("É"),
        ]
        .iter()
        .map(|k| k.map(str::to_string))
        .collect();
        let es = entries(&keys);
        let want = vec![
            None,
            None,
            Some(es[0].key.span),
            None,
            Some(es[0].key.span),
            Some(es[1].key.span),
            None,
            // Only ASCII letters fold, as GitHub's comparison of these keys.
            None,
        ];
        assert_eq!(spans(first_same_keys_scanned(&es)), want);
        assert_eq!(spans(first_same_keys_mapped(&es)), want);
    }

    proptest::proptest! {
        #[test]
        fn scanning_and_the_map_agree(
            keys in proptest::collection::vec(
                proptest::option::weighted(0.9, proptest::string::string_regex("[aAbB_é]{1,3}").unwrap()),
                0..80,
            )
        ) {
            let es = entries(&keys);
            proptest::prop_assert_eq!(spans(first_same_keys_scanned(&es)), spans(first_same_keys_mapped(&es)));
        }
    }
}
