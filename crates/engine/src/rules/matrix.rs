//! `matrix`: `exclude` rows must name keys and values the matrix has (an
//! unmatched row excludes nothing), and a key's values must be unique.

use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::Severity;
use crate::yaml::{Node, NodeKind, Scalar};
use autoheal_expr::suggest::suggest;

pub const RULE: Rule = Rule {
    id: "matrix",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "Matrix `exclude` rows must match existing keys and values; a key's values must be unique.",
    kinds: WORKFLOWS,
    codes: &[DUPLICATE_VALUE, EXCLUDE_UNKNOWN_KEY, EXCLUDE_NO_MATCH],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        paths: &["jobs.*.strategy"],
        expressions: false,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

/// A value listed twice for one matrix key.
pub const DUPLICATE_VALUE: &str = "matrix/duplicate-value";
/// A key in `exclude` that is not a matrix key.
pub const EXCLUDE_UNKNOWN_KEY: &str = "matrix/exclude-unknown-key";
/// An `exclude` value that matches no value of its key, so it excludes nothing.
pub const EXCLUDE_NO_MATCH: &str = "matrix/exclude-no-match";

/// A value's structural text (key order kept), for comparing rows.
fn canonical(n: &Node) -> String {
    structure(n, &|s, _| format!("{:?}", s.value))
}

/// A value as the job sees it, for finding rows listed twice: like
/// [`canonical`], but a scalar keeps its type. GitHub reads a plain `1.0` as
/// the number 1 (so `1` and `1.0` are one value) and a quoted `"1.0"` as a
/// string, which makes another job.
fn typed(n: &Node) -> String {
    structure(n, &|s, n| {
        if let Some(x) = n.as_number() {
            format!("n{x}")
        } else if let Some(b) = n.as_bool() {
            format!("b{b}")
        } else if n.is_null() {
            "null".into()
        } else {
            format!("s{:?}", s.value)
        }
    })
}

/// The text of a value's structure, each scalar written by `scalar` (mapping
/// keys always as [`canonical`] writes them), entries in sorted order.
fn structure(n: &Node, scalar: &dyn Fn(&Scalar, &Node) -> String) -> String {
    match &n.kind {
        NodeKind::Scalar(s) => scalar(s, n),
        NodeKind::Sequence(items) => format!(
            "[{}]",
            items.iter().map(|i| structure(i, scalar)).collect::<Vec<_>>().join(",")
        ),
        NodeKind::Mapping(es) => {
            let mut parts: Vec<String> = es
                .iter()
                .map(|e| format!("{}:{}", canonical(&e.key), structure(&e.value, scalar)))
                .collect();
            parts.sort();
            format!("{{{}}}", parts.join(","))
        }
    }
}

fn has_expression(n: &Node) -> bool {
    let mut found = false;
    n.walk(&mut |x| found |= x.as_str().is_some_and(autoheal_expr::contains_expression));
    found
}

fn check(ctx: &mut Context<'_>) {
    let Some(wf) = ctx.workflow else { return };
    for job in &wf.jobs {
        let Some(matrix) = job.matrix() else { continue };
        let Some(rows) = matrix.as_mapping() else { continue };
        let axes: Vec<(&str, &Node)> = rows
            .iter()
            .filter_map(|e| Some((e.key.as_str()?, &e.value)))
            .filter(|(k, _)| !matches!(*k, "include" | "exclude"))
            .collect();
        for (_, values) in &axes {
            let Some(items) = values.as_sequence() else { continue };
            let mut seen: Vec<String> = Vec::new();
            for item in items {
                let c = typed(item);
                if seen.contains(&c) {
                    ctx.report_at(
                        Severity::Warning,
                        item.report_span(),
                        "this value is listed twice in the matrix; the job runs twice with it".to_string(),
                    )
                    .set_code(DUPLICATE_VALUE);
                } else {
                    seen.push(c);
                }
            }
        }
        // With an expression anywhere the matrix is only known at run time.
        if has_expression(matrix) {
            continue;
        }
        let include_rows: &[Node] = matrix.get("include").and_then(Node::as_sequence).unwrap_or_default();
        let include_keys: Vec<&str> = include_rows
            .iter()
            .flat_map(|r| r.as_mapping().unwrap_or_default().iter().filter_map(|e| e.key.as_str()))
            .collect();
        let Some(excludes) = matrix.get("exclude").and_then(Node::as_sequence) else {
            continue;
        };
        let names: Vec<&str> = axes.iter().map(|(k, _)| *k).collect();
        // `exclude` removes combinations of the matrix's own keys, and GitHub
        // processes every `include` after `exclude` (workflow syntax,
        // `jobs.<job_id>.strategy.matrix.exclude`): with no key of its own the
        // matrix has nothing `exclude` can remove, whatever its rows name.
        if axes.is_empty() {
            if let Some(entry) = rows.iter().find(|e| e.key.as_str() == Some("exclude")) {
                ctx.report(
                    entry.key.span,
                    "\"exclude\" removes nothing: the matrix has no keys of its own to combine, and rows `include` adds are never excluded".to_string(),
                )
                .set_code(EXCLUDE_UNKNOWN_KEY);
            }
            continue;
        }
        for row in excludes {
            for e in row.as_mapping().unwrap_or_default() {
                let Some(k) = e.key.as_str() else { continue };
                // Matrix keys are case-insensitive, as are all context properties.
                let Some((_, values)) = axes.iter().find(|(a, _)| a.eq_ignore_ascii_case(k)) else {
                    if include_keys.iter().any(|i| i.eq_ignore_ascii_case(k)) {
                        // A key only `include` adds: the value must be one
                        // `include` gives, or the row excludes nothing.
                        let want = canonical(&e.value);
                        let given: Vec<&Node> = include_rows
                            .iter()
                            .filter_map(|r| {
                                r.as_mapping()?
                                    .iter()
                                    .find(|c| c.key.as_str().is_some_and(|ck| ck.eq_ignore_ascii_case(k)))
                                    .map(|c| &c.value)
                            })
                            .collect();
                        if !given.iter().any(|v| canonical(v) == want || subset(&e.value, v)) {
                            ctx.report(
                                e.value.report_span(),
                                format!(
                                    "value {} of \"{k}\" in \"exclude\" matches none of the values `include` gives it, so it excludes nothing",
                                    short(ctx.text(e.value.span))
                                ),
                            )
                            .set_code(EXCLUDE_NO_MATCH);
                        }
                        continue;
                    }
                    let hint = suggest(k, &names)
                        .map(|s| format!("; did you mean \"{s}\"?"))
                        .unwrap_or_default();
                    ctx.report(
                        e.key.span,
                        format!(
                            "\"{k}\" in \"exclude\" is not a matrix key{hint}; keys are {}",
                            names.join(", ")
                        ),
                    )
                    .set_code(EXCLUDE_UNKNOWN_KEY);
                    continue;
                };
                let Some(items) = values.as_sequence() else { continue };
                let want = canonical(&e.value);
                // A mapping in `exclude` matches a mapping value when its
                // keys are a subset; compare exactly otherwise.
                let matches = items.iter().any(|v| canonical(v) == want || subset(&e.value, v));
                if !matches {
                    ctx.report(
                        e.value.report_span(),
                        format!("value {} of \"{k}\" in \"exclude\" matches none of the matrix values, so it excludes nothing", short(ctx.text(e.value.span))),
                    ).set_code(EXCLUDE_NO_MATCH);
                }
            }
        }
    }
}

fn subset(part: &Node, whole: &Node) -> bool {
    match (part.as_mapping(), whole.as_mapping()) {
        (Some(p), Some(_)) => p.iter().all(|e| {
            e.key
                .as_str()
                .and_then(|k| whole.get(k))
                .is_some_and(|w| canonical(w) == canonical(&e.value) || subset(&e.value, w))
        }),
        _ => false,
    }
}

fn short(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 60 {
        format!("{}…", one.chars().take(60).collect::<String>())
    } else {
        one
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::lint_rule;

    fn duplicate_lines(values: &str) -> Vec<usize> {
        let src = format!(
            "on: push\njobs:\n  a:\n    strategy:\n      matrix:\n        v: {values}\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n"
        );
        lint_rule(&src, "matrix")
            .iter()
            .filter(|d| d.code == super::DUPLICATE_VALUE)
            .map(|d| src[d.range.start..].len())
            .collect()
    }

    #[test]
    fn a_quoted_value_and_a_number_are_different_rows() {
        assert!(duplicate_lines(r#"["1.0", 1.0, "1.10", 1.1]"#).is_empty());
        assert!(duplicate_lines(r#"[true, "true", ~, "null"]"#).is_empty());
        assert!(duplicate_lines(r#"[{a: 1}, {a: "1"}]"#).is_empty());
    }

    #[test]
    fn the_same_typed_value_twice_is_a_duplicate() {
        assert_eq!(duplicate_lines("[1, 1.0]").len(), 1, "1 and 1.0 are one number");
        assert_eq!(duplicate_lines(r#"["x", 'x', x]"#).len(), 2);
        assert_eq!(duplicate_lines("[{a: 1, b: 2}, {b: 2, a: 1}]").len(), 1);
    }

    /// A matrix without keys of its own has no combination `exclude` could
    /// remove (`include` rows come after it): one finding on `exclude`, not
    /// one per key with an empty list of keys.
    #[test]
    fn exclude_in_a_matrix_without_keys_is_reported_once_on_exclude() {
        for matrix in [
            "exclude:\n          - os: ubuntu-latest\n            node: 20",
            "include:\n          - os: ubuntu-latest\n        exclude:\n          - os: ubuntu-latest",
        ] {
            let src = format!(
                "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        {matrix}\n    steps:\n      - run: x\n"
            );
            let found: Vec<(&str, &str, String)> = lint_rule(&src, "matrix")
                .iter()
                .map(|d| (d.code, &src[d.range.start..d.range.end], d.message.clone()))
                .collect();
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!((found[0].0, found[0].1), (super::EXCLUDE_UNKNOWN_KEY, "exclude"));
            assert!(found[0].2.contains("no keys of its own"), "{}", found[0].2);
        }
    }
}
