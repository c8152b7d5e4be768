//! `glob`: the filter patterns GitHub matches against refs and paths
//! (`branches`, `tags`, `paths` and their `-ignore` forms, `image_version`
//! names and versions, a snapshot's `version`). A broken pattern silently
//! never matches, so the workflow just stops triggering.
//!
//! The syntax is GitHub's filter cheat sheet: `*`, `**`, `?` and `+` (zero
//! or one / one or more of the preceding character), `[...]` classes with
//! ranges, `\` escapes, and `!` negation as the first character. Branch and
//! tag patterns must also be possible Git ref names (`git check-ref-format`).
//! Braces are not in the cheat sheet: a `{a,b}` group is literal text, which
//! a pattern written for shell-style expansion never means (a warning).

use super::{Context, Rule, WORKFLOWS};
use crate::diagnostic::Severity;
use crate::text::TextRange;
use crate::yaml::{Node, NodeKind, ScalarStyle};

pub const RULE: Rule = Rule {
    id: "glob",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "Syntax of branch, tag and path filter patterns under `on:`.",
    kinds: WORKFLOWS,
    codes: &[INVALID, NEVER_MATCHES, REF_NAME, SINGLE_CHARACTER_CLASS, LITERAL_BRACES],
    reports_errors: true,
    job_keys_only: false,
    reads: super::ReadPaths::Paths {
        // Event filters and image versions.
        paths: &["on", "jobs.*.snapshot"],
        expressions: false,
        step_shell: false,
        plain_scalars: None,
    },
    check,
};

/// A pattern GitHub's filter syntax rejects (an unclosed `[`, a `*`-style quantifier with nothing before it, an empty pattern).
pub const INVALID: &str = "glob/invalid";
/// A path pattern that can never match a path (surrounding whitespace, a `.` or `..` segment).
pub const NEVER_MATCHES: &str = "glob/never-matches";
/// A branch or tag pattern with characters Git ref names cannot contain.
pub const REF_NAME: &str = "glob/ref-name";
/// A `[x]` class of one character, which is the character itself.
pub const SINGLE_CHARACTER_CLASS: &str = "glob/single-character-class";
/// A `{a,b}` group, which GitHub's patterns do not expand: the braces and
/// commas are literal text, so the pattern matches none of the alternatives.
pub const LITERAL_BRACES: &str = "glob/literal-braces";

const CHEAT_SHEET: &str = "see https://docs.github.com/en/actions/using-workflows/workflow-syntax-for-github-actions#filter-pattern-cheat-sheet";

/// What a pattern is matched against: each has its own extra rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlobKind {
    /// Branch and tag names: also Git ref name rules.
    Ref,
    /// Repository-relative file paths.
    Path,
    /// Anything else (image names and versions): pattern syntax only.
    Plain,
}

/// One problem in a pattern, at a byte offset into the pattern's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlobProblem {
    pub offset: usize,
    /// Bytes the problem covers (0 for "at the end").
    pub len: usize,
    pub message: String,
    pub severity: Severity,
    /// The check code it is reported under.
    pub code: &'static str,
}

fn check(ctx: &mut Context<'_>) {
    let Some(root) = ctx.root() else { return };
    if let Some(events) = root.get("on").and_then(Node::as_mapping) {
        for event in events {
            let Some(filters) = event.value.as_mapping() else {
                continue;
            };
            for filter in filters {
                let kind = match filter.key.as_str() {
                    Some("branches" | "branches-ignore" | "tags" | "tags-ignore") => GlobKind::Ref,
                    Some("paths" | "paths-ignore") => GlobKind::Path,
                    Some("names" | "versions") if event.key.as_str() == Some("image_version") => GlobKind::Plain,
                    _ => continue,
                };
                check_patterns(ctx, &filter.value, kind);
            }
        }
    }
    let Some(wf) = ctx.workflow else { return };
    for job in &wf.jobs {
        if let Some(version) = job.get("snapshot").and_then(|s| s.get("version")) {
            check_patterns(ctx, version, GlobKind::Plain);
        }
    }
}

/// A filter is one pattern or a list of them.
fn check_patterns(ctx: &mut Context<'_>, value: &Node, kind: GlobKind) {
    match &value.kind {
        NodeKind::Sequence(items) => items.iter().for_each(|item| check_pattern(ctx, item, kind)),
        NodeKind::Scalar(_) if !value.is_null() => check_pattern(ctx, value, kind),
        _ => {}
    }
}

fn check_pattern(ctx: &mut Context<'_>, node: &Node, kind: GlobKind) {
    let Some(pattern) = node.as_str() else { return };
    // The schema rule reports empty items; expressions are not evaluated in filters.
    if node.is_null() || pattern.contains("${{") {
        return;
    }
    for problem in validate(pattern, kind) {
        let range = pattern_range(ctx.source, node, problem.offset, problem.len);
        ctx.report_at(problem.severity, range, format!("{}; {CHEAT_SHEET}", problem.message))
            .set_code(problem.code);
    }
}

/// Where byte `offset` of a scalar's value is in the file, when the value is
/// written verbatim (plain, or quoted without escapes); otherwise the whole
/// scalar.
pub(crate) fn pattern_range(source: &str, node: &Node, offset: usize, len: usize) -> TextRange {
    let whole = node.report_span();
    let (Some(scalar), None) = (node.as_scalar(), node.alias) else {
        return whole;
    };
    let raw = source.get(node.span.start..node.span.end).unwrap_or("");
    let inner_start = match scalar.style {
        ScalarStyle::Plain if raw == scalar.value => node.span.start,
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted
            if raw.len() >= 2 && raw.get(1..raw.len() - 1) == Some(scalar.value.as_str()) =>
        {
            node.span.start + 1
        }
        _ => return whole,
    };
    let start = inner_start + offset.min(scalar.value.len());
    let end = (start + len.max(1)).min(inner_start + scalar.value.len()).max(start);
    TextRange::new(start, end)
}

/// Every problem of one pattern. Linear in its length.
pub fn validate(pattern: &str, kind: GlobKind) -> Vec<GlobProblem> {
    let mut v = Validator {
        pattern,
        kind,
        problems: Vec::new(),
    };
    v.run();
    v.problems
}

struct Validator<'p> {
    pattern: &'p str,
    kind: GlobKind,
    problems: Vec<GlobProblem>,
}

const REF_FORBIDDEN: &str = "Git ref names cannot contain spaces, `~`, `^`, `:`, `[`, `?`, `*` or control characters";

impl Validator<'_> {
    fn problem(&mut self, offset: usize, len: usize, severity: Severity, code: &'static str, message: String) {
        self.problems.push(GlobProblem {
            offset,
            len,
            message,
            severity,
            code,
        });
    }

    fn error(&mut self, offset: usize, len: usize, message: String) {
        self.error_as(INVALID, offset, len, message);
    }

    fn error_as(&mut self, code: &'static str, offset: usize, len: usize, message: String) {
        self.problem(offset, len, Severity::Error, code, message);
    }

    fn run(&mut self) {
        let pattern = self.pattern;
        if pattern.is_empty() {
            self.error(0, 0, "a filter pattern cannot be empty".into());
            return;
        }
        if self.kind == GlobKind::Path && pattern.trim() != pattern {
            self.error_as(
                NEVER_MATCHES,
                0,
                pattern.len(),
                format!("path pattern {pattern:?} has leading or trailing whitespace, so it never matches a path"),
            );
            return;
        }
        let chars: Vec<(usize, char)> = pattern.char_indices().collect();
        let mut i = 0;
        // Whether the previous token can be repeated by `?` or `+`.
        let mut repeatable = false;
        match chars.first() {
            Some((_, '!')) => {
                if chars.len() == 1 {
                    self.error(0, 1, "`!` negates a pattern and must be followed by one".into());
                    return;
                }
                i = 1;
            }
            Some((_, '/')) if self.kind == GlobKind::Ref => {
                self.error_as(REF_NAME, 0, 1, "a branch or tag name cannot start with `/`".into());
                i = 1;
                repeatable = true;
            }
            _ => {}
        }
        if self.kind == GlobKind::Path {
            self.dot_segments(i);
        }
        let mut last = ' ';
        while let Some(&(off, c)) = chars.get(i) {
            i += 1;
            last = c;
            match c {
                '\\' => {
                    match chars.get(i).map(|x| x.1) {
                        Some(next @ ('[' | '?' | '*')) => {
                            i += 1;
                            last = next;
                            if self.kind == GlobKind::Ref {
                                self.error_as(
                                    REF_NAME,
                                    off,
                                    2,
                                    format!("escaped `{next}` is a literal `{next}`, which {REF_FORBIDDEN}"),
                                );
                            }
                        }
                        Some(next @ ('+' | '\\' | '!')) => {
                            i += 1;
                            last = next;
                        }
                        _ if self.kind == GlobKind::Ref => {
                            self.error_as(REF_NAME,
                                off,
                                1,
                                "`\\` is not allowed in a branch or tag name; it only escapes `[`, `?`, `+`, `*`, `\\` and `!` (regular expressions are not supported)".into(),
                            );
                            if let Some(&(_, next)) = chars.get(i) {
                                i += 1;
                                last = next;
                            }
                        }
                        // A path may contain a literal `\`.
                        _ => {}
                    }
                    repeatable = true;
                }
                '?' | '+' => {
                    if !repeatable {
                        let what = if c == '?' { "zero or one" } else { "one or more" };
                        self.error(
                            off,
                            1,
                            format!("`{c}` repeats the preceding character ({what}), but nothing repeatable precedes it; escape it as `\\{c}`"),
                        );
                    }
                    repeatable = false;
                }
                '*' => repeatable = false,
                '{' => {
                    self.braces(&chars, i - 1);
                    repeatable = true;
                }
                '[' => {
                    match self.class(&chars, off, &mut i) {
                        Some(close) => last = close,
                        None => return,
                    }
                    repeatable = true;
                }
                '\n' | '\r' => {
                    self.error(off, 1, "a filter pattern cannot contain a line break".into());
                    repeatable = true;
                }
                ' ' | '\t' | '~' | '^' | ':' if self.kind == GlobKind::Ref => {
                    self.error_as(
                        REF_NAME,
                        off,
                        c.len_utf8(),
                        format!("{c:?} cannot be part of a branch or tag name: {REF_FORBIDDEN}"),
                    );
                    repeatable = true;
                }
                c if self.kind == GlobKind::Ref && c.is_control() => {
                    self.error_as(
                        REF_NAME,
                        off,
                        c.len_utf8(),
                        format!("{c:?} cannot be part of a branch or tag name: {REF_FORBIDDEN}"),
                    );
                    repeatable = true;
                }
                _ => repeatable = true,
            }
        }
        if self.kind == GlobKind::Ref && matches!(last, '/' | '.') && chars.len() > 1 {
            let off = pattern.len() - 1;
            self.error_as(
                REF_NAME,
                off,
                1,
                format!("a branch or tag name cannot end with `{last}`"),
            );
        }
    }

    /// A `{…,…}` group at `chars[at]`: shell and minimatch globs expand it,
    /// GitHub's do not (its cheat sheet gives braces no meaning), so a
    /// pattern written for the expansion never matches what it names. An
    /// escaped `{`, or braces with no comma inside, may be a literal brace
    /// meant as such, and are left alone.
    fn braces(&mut self, chars: &[(usize, char)], at: usize) {
        if at > 0 && chars[at - 1].1 == '\\' {
            return;
        }
        let rest = &chars[at + 1..];
        let Some(close) = rest.iter().position(|(_, c)| matches!(c, '{' | '}')) else {
            return;
        };
        if rest[close].1 != '}' || !rest[..close].iter().any(|(_, c)| *c == ',') {
            return;
        }
        let end = rest[close].0 + 1;
        let start = chars[at].0;
        let group = &self.pattern[start..end];
        self.problem(
            start,
            end - start,
            Severity::Warning,
            LITERAL_BRACES,
            format!(
                "GitHub's filter patterns do not expand braces: `{group}` matches those characters literally, not one of \
                 the alternatives; write one pattern per alternative"
            ),
        );
    }

    /// A `[...]` class starting at `open` (the `[`); `i` points after it.
    /// Returns the closing character, or `None` when the class never closes.
    fn class(&mut self, chars: &[(usize, char)], open: usize, i: &mut usize) -> Option<char> {
        if let Some(&(off, ']')) = chars.get(*i) {
            *i += 1;
            self.error(off, 1, "a character class `[]` cannot be empty".into());
            return Some(']');
        }
        let mut members = 0;
        while let Some(&(off, c)) = chars.get(*i) {
            *i += 1;
            if c == ']' {
                if members == 1 {
                    self.problem(
                        off,
                        1,
                        Severity::Warning,
                        SINGLE_CHARACTER_CLASS,
                        "a character class with a single character is the character itself; write `x` instead of `[x]`"
                            .into(),
                    );
                }
                return Some(']');
            }
            if chars.get(*i).map(|x| x.1) != Some('-') {
                members += 1;
                continue;
            }
            members += 2;
            *i += 1;
            match chars.get(*i) {
                Some(&(end_off, ']')) => {
                    *i += 1;
                    self.error(end_off, 1, format!("the range `{c}-` in a character class has no end"));
                    return Some(']');
                }
                Some(&(end_off, end)) => {
                    *i += 1;
                    if c > end {
                        self.error(
                            end_off,
                            end.len_utf8(),
                            format!("the range `{c}-{end}` is empty: `{c}` comes after `{end}`"),
                        );
                    }
                }
                None => {}
            }
        }
        self.error(open, 1, "the character class `[` is never closed with `]`".into());
        None
    }

    /// `.` and `..` segments: GitHub matches normalized repository paths,
    /// so `./src/**` never matches anything.
    fn dot_segments(&mut self, from: usize) {
        let body = &self.pattern[from..];
        let mut at = from;
        for segment in body.split('/') {
            if segment == "." || segment == ".." {
                self.error_as(NEVER_MATCHES,
                    at,
                    segment.len(),
                    format!("path patterns are matched against paths like `src/main.rs`, so a `{segment}` segment never matches"),
                );
                return;
            }
            at += segment.len() + 1;
        }
    }
}

#[cfg(test)]
mod tests;
