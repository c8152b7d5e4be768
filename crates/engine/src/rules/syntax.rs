//! `syntax`: YAML errors, duplicate keys, merge keys, tabs, and the
//! indentation/syntax fixes (fix type 5: `yaml_syntax`).
//!
//! A fix is only offered when re-parsing the edited text removes the error.

use super::{ALL_FILES, Context, Rule};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::edit;
use crate::text::TextRange;
use crate::yaml::{self, Document, NodeKind, ScalarStyle, SyntaxErrorKind};

pub const RULE: Rule = Rule {
    id: "syntax",
    default_severity: Severity::Error,
    enabled_by_default: true,
    summary: "YAML syntax errors, duplicate keys, merge keys and tab indentation, with re-parse-verified fixes.",
    kinds: ALL_FILES,
    codes: &[
        PARSE,
        DUPLICATE_KEY,
        MERGE_KEY,
        UNKNOWN_ALIAS,
        MULTIPLE_DOCUMENTS,
        ENCODING,
        LIMIT,
        UNUSED_ANCHOR,
        MISSING_SPACE,
        UNREADABLE,
    ],
    reports_errors: true,
    job_keys_only: false,
    // A tree the patch builds has no YAML error and no anchor (it refuses
    // those files), so all this rule can find there is a missing space after
    // a key's colon, in a plain scalar on its own.
    reads: super::ReadPaths::Paths {
        paths: &[],
        expressions: false,
        step_shell: false,
        plain_scalars: Some(may_miss_a_space),
    },
    check,
};

/// YAML the parser cannot read past.
pub const PARSE: &str = "syntax/parse";
/// The same key twice in one mapping.
pub const DUPLICATE_KEY: &str = "syntax/duplicate-key";
/// A `<<:` merge key, which GitHub's loader does not support.
pub const MERGE_KEY: &str = "syntax/merge-key";
/// An alias to an anchor that is not defined.
pub const UNKNOWN_ALIAS: &str = "syntax/unknown-alias";
/// More than one `---` document.
pub const MULTIPLE_DOCUMENTS: &str = "syntax/multiple-documents";
/// A file that is not UTF-8.
pub const ENCODING: &str = "syntax/encoding";
/// A file over a size, nesting, node or alias-expansion budget.
pub const LIMIT: &str = "syntax/limit";
/// An anchor no alias refers to.
pub const UNUSED_ANCHOR: &str = "syntax/unused-anchor";
/// `key:value` read as one string.
pub const MISSING_SPACE: &str = "syntax/missing-space";
/// A file that could not be read.
pub const UNREADABLE: &str = "syntax/unreadable";

/// Keys a workflow or action uses; `key:value` with one of these is almost
/// surely a missing space, not a string.
const KNOWN_KEYS: &[&str] = &[
    "name",
    "on",
    "jobs",
    "runs-on",
    "steps",
    "uses",
    "run",
    "with",
    "env",
    "if",
    "needs",
    "timeout-minutes",
    "continue-on-error",
    "strategy",
    "matrix",
    "include",
    "exclude",
    "container",
    "services",
    "permissions",
    "concurrency",
    "defaults",
    "shell",
    "working-directory",
    "outputs",
    "id",
    "environment",
    "secrets",
    "inputs",
    "branches",
    "tags",
    "paths",
    "types",
    "cron",
    "schedule",
    "push",
    "pull_request",
    "workflow_dispatch",
    "fail-fast",
    "max-parallel",
    "image",
    "runs",
    "using",
    "main",
    "description",
    "required",
    "default",
    "type",
    "group",
    "cancel-in-progress",
    "python-version",
    "node-version",
];

/// Parse errors within this many lines of the previous one are its echoes.
const CASCADE_LINES: usize = 3;

fn check(ctx: &mut Context<'_>) {
    let mut out = Vec::new();
    let first_parse_error = ctx
        .doc
        .errors
        .iter()
        .find(|e| e.kind == SyntaxErrorKind::Parse)
        .map(|e| e.range.start);
    // A parse error a few lines after the one before it is almost always
    // the parser stumbling over the same mistake: only the first is shown.
    let mut last_parse_error: Option<usize> = None;
    for e in &ctx.doc.errors {
        if e.kind == SyntaxErrorKind::Parse {
            let echo = last_parse_error.is_some_and(|prev| {
                e.range.start >= prev
                    && ctx
                        .source
                        .get(prev..e.range.start)
                        .is_some_and(|between| between.matches('\n').count() <= CASCADE_LINES)
            });
            last_parse_error = Some(e.range.start);
            if echo {
                continue;
            }
        }
        let mut d = error_diagnostic(ctx.path, ctx.severity, e);
        // Later parse errors are often echoes of the first; fixing the first
        // and re-linting is how `--fix` walks through them.
        // Each candidate is parsed: not built where nobody reads it.
        if e.kind == SyntaxErrorKind::Parse && Some(e.range.start) == first_parse_error && ctx.wants_fixes() {
            d.fixes
                .extend(fixes_for_parse_error(ctx.path, ctx.source, ctx.doc, e.range.start));
        }
        out.push(d);
    }
    if let Some(root) = ctx.doc.root.as_ref() {
        root.walk(&mut |n| {
            if let NodeKind::Scalar(s) = &n.kind {
                if s.style == ScalarStyle::Plain && n.alias.is_none() {
                    if let Some(d) = missing_space_after_colon(ctx.path, ctx.source, n.span, &s.value, ctx.severity) {
                        out.push(d);
                    }
                }
            }
        });
    }
    for &anchor in &ctx.doc.unused_anchors {
        out.push(unused_anchor(ctx, anchor));
    }
    ctx.out.extend(out);
}

/// An anchor no alias refers to: harmless to GitHub, but a leftover of an
/// edit (the alias was removed or misspelled), as actionlint reports it.
fn unused_anchor(ctx: &Context<'_>, anchor: TextRange) -> Diagnostic {
    let name = ctx.text(anchor).trim_start_matches('&');
    // The anchor and the spaces after it (`&a value`, `&a # note`); at the
    // end of a line, the spaces before it instead (`key: &a`).
    let after = ctx.source[anchor.end..].bytes().take_while(|b| *b == b' ').count();
    let next = ctx.source.as_bytes().get(anchor.end + after);
    let cut = if matches!(next, Some(b'\n' | b'\r') | None) {
        let before = ctx.source[..anchor.start]
            .bytes()
            .rev()
            .take_while(|b| *b == b' ')
            .count();
        TextRange::new(anchor.start - before, anchor.end + after)
    } else {
        TextRange::new(anchor.start, anchor.end + after)
    };
    let sev = if ctx.config.rules.contains_key(RULE.id) {
        ctx.severity
    } else {
        Severity::Warning
    };
    let fix = Fix::safe(
        format!("Remove the unused anchor `&{name}`"),
        vec![Edit::delete(ctx.path, cut)],
    )
    .with_explanation("No alias (`*name`) refers to this anchor, so removing it changes nothing GitHub reads.");
    let mut d = Diagnostic::new(
        ctx.path,
        RULE.id,
        sev,
        anchor,
        format!("anchor \"{name}\" is defined but never used by an alias"),
    )
    .with_fix(fix);
    d.set_code(UNUSED_ANCHOR);
    d
}

/// Whether [`missing_space_after_colon`] can report `value` (a colon, at least).
fn may_miss_a_space(value: &str) -> bool {
    value.contains(':')
}

/// `runs-on:ubuntu-latest` reads as one string; GitHub then reports a
/// confusing type error far away.
fn missing_space_after_colon(
    path: &str,
    source: &str,
    span: TextRange,
    value: &str,
    sev: Severity,
) -> Option<Diagnostic> {
    // Every known key is lowercase letters, `-` and `_` (tested): the key is the
    // run of those the scalar starts with, and a `:` must follow it. (Most
    // plain scalars stop at their first byte; a search for `:` in each, on
    // every plain scalar of every file, was a percent of a lint.)
    let colon = value
        .bytes()
        .take_while(|b| b.is_ascii_lowercase() || matches!(b, b'-' | b'_'))
        .count();
    if value.as_bytes().get(colon) != Some(&b':') {
        return None;
    }
    let key = &value[..colon];
    let rest = &value[colon + 1..];
    if !KNOWN_KEYS.contains(&key) || rest.is_empty() || rest.starts_with([' ', '/', ':']) || value.contains('\n') {
        return None;
    }
    if source.get(span.start..span.end) != Some(value) {
        return None;
    }
    let at = span.start + colon + 1;
    let fix = Fix::safe(
        format!("Insert a space after `{key}:`"),
        vec![Edit::insert(path, at, " ")],
    )
    .with_explanation("YAML needs a space after the `:` of a key; without it the whole line is read as one string.");
    Some(
        Diagnostic::new(
            path,
            RULE.id,
            sev,
            span,
            format!("missing space after `{key}:`; this is read as the string \"{value}\", not as a key"),
        )
        .with_code(MISSING_SPACE)
        .with_fix(fix),
    )
}

/// Diagnostics for a file that is not UTF-8 (nothing else can be checked).
pub fn encoding_diagnostics(path: &str, doc: &Document, config: &Config) -> Vec<Diagnostic> {
    let Some(sev) = config.rule_severity(RULE.id, RULE.default_severity, true) else {
        return Vec::new();
    };
    doc.errors.iter().map(|e| error_diagnostic(path, sev, e)).collect()
}

/// A file that could not be read (permissions, I/O error): a finding on it,
/// so the other files are still checked. Always an error: GitHub cannot
/// know what it holds either.
pub fn unreadable(path: &str, reason: &str) -> Diagnostic {
    Diagnostic::new(
        path,
        RULE.id,
        Severity::Error,
        TextRange::empty(0),
        format!("cannot read this file: {reason}"),
    )
    .with_code(UNREADABLE)
}

fn error_diagnostic(path: &str, severity: Severity, e: &yaml::SyntaxError) -> Diagnostic {
    let message = match e.kind {
        SyntaxErrorKind::Parse => format!("YAML syntax error: {}", e.message),
        _ => e.message.clone(),
    };
    let code = match e.kind {
        SyntaxErrorKind::Parse => PARSE,
        SyntaxErrorKind::DuplicateKey => DUPLICATE_KEY,
        SyntaxErrorKind::MergeKey => MERGE_KEY,
        SyntaxErrorKind::UnknownAlias => UNKNOWN_ALIAS,
        SyntaxErrorKind::MultipleDocuments => MULTIPLE_DOCUMENTS,
        SyntaxErrorKind::Encoding => ENCODING,
        // Over a budget: the file is not analyzed, whatever GitHub makes of it.
        SyntaxErrorKind::Limit => LIMIT,
    };
    Diagnostic::new(path, RULE.id, severity, e.range, message).with_code(code)
}

/// Syntax fixes for the parse error at or nearest to `offset`, e.g. the
/// position of a run-level "Invalid workflow file … (Line: N, Col: M)".
pub fn syntax_fixes_at(path: &str, source: &str, offset: usize) -> Vec<Fix> {
    let doc = yaml::parse(source.as_bytes());
    let nearest = doc
        .errors
        .iter()
        .filter(|e| e.kind == SyntaxErrorKind::Parse)
        .min_by_key(|e| e.range.start.abs_diff(offset))
        .map(|e| e.range.start);
    match nearest {
        Some(at) => fixes_for_parse_error(path, source, &doc, at),
        None => Vec::new(),
    }
}

/// Try each repair for the error at `at`; keep the first whose re-parse
/// has fewer parse errors.
fn fixes_for_parse_error(path: &str, source: &str, doc: &Document, at: usize) -> Vec<Fix> {
    let errors_before = doc.errors.iter().filter(|e| e.kind == SyntaxErrorKind::Parse).count();
    let line = crate::lint::line_range(source, at);
    let prev = previous_content_line(source, line.start);
    let mut candidates: Vec<Fix> = Vec::new();
    if let Some(f) = tabs_fix(path, source) {
        candidates.push(f);
    }
    for l in [Some(line), prev].into_iter().flatten() {
        if let Some(f) = quote_value_fix(path, source, l) {
            candidates.push(f);
        }
        if let Some(f) = colon_space_fix(path, source, l) {
            candidates.push(f);
        }
    }
    for l in [Some(line), prev].into_iter().flatten() {
        candidates.extend(reindent_fixes(path, source, l));
    }
    for fix in candidates {
        let edits: Vec<&Edit> = fix.edits.iter().collect();
        let Ok(new) = crate::fix::apply_edits(path, source, &edits) else {
            continue;
        };
        // Counted only up to `errors_before`: recovery past that many
        // cannot change the answer.
        if yaml::parse_error_count_below(new.as_bytes(), errors_before) < errors_before {
            return vec![fix];
        }
    }
    Vec::new()
}

fn previous_content_line(source: &str, line_start: usize) -> Option<TextRange> {
    let mut end = line_start;
    while end > 0 {
        let l = crate::lint::line_range(source, end - 1);
        let t = source[l.start..l.end].trim();
        if !t.is_empty() && !t.starts_with('#') {
            return Some(l);
        }
        end = l.start;
    }
    None
}

/// Replace tab characters in indentation with the file's indent unit.
///
/// Lines that may belong to a block scalar (`run: |`) are never touched:
/// their tabs are data (a Makefile recipe in a heredoc). That is every line
/// after a `|`/`>` header that is blank, starts with a tab, or is indented
/// more than the header line; the first other line ends the block.
fn tabs_fix(path: &str, source: &str) -> Option<Fix> {
    let unit = edit::indent_unit(source);
    let mut edits = Vec::new();
    let mut offset = 0;
    // Indentation of the previous content line (after fixing), and whether
    // it opens a block: a tab under `key:` means "one level deeper".
    let (mut prev_indent, mut prev_opens) = (0usize, false);
    let mut seen: Vec<(String, usize)> = Vec::new();
    // The leading spaces of the header line of the block scalar being read.
    let mut block_header: Option<usize> = None;
    for raw in source.split_inclusive('\n') {
        let lead = raw.len() - raw.trim_start_matches([' ', '\t']).len();
        let ws = &raw[..lead];
        let content = raw[lead..].trim();
        if let Some(header) = block_header {
            let spaces = raw.len() - raw.trim_start_matches(' ').len();
            if content.is_empty() || ws.contains('\t') || spaces > header {
                offset += raw.len();
                continue;
            }
            block_header = None;
        }
        let mut width = lead;
        if ws.contains('\t') && !content.is_empty() {
            let plain = |w: &str| w.chars().map(|c| if c == '\t' { unit } else { 1 }).sum::<usize>();
            // The same leading whitespace keeps the same width, so sibling
            // lines stay siblings.
            width = match seen
                .iter()
                .filter(|(w, _)| ws.starts_with(w.as_str()))
                .max_by_key(|(w, _)| w.len())
            {
                Some((w, n)) => n + plain(&ws[w.len()..]),
                None if prev_opens => plain(ws).max(prev_indent + unit),
                None => plain(ws),
            };
            seen.push((ws.to_string(), width));
            edits.push(Edit::replace(
                path,
                TextRange::new(offset, offset + lead),
                " ".repeat(width),
            ));
        }
        if !content.is_empty() && !content.starts_with('#') {
            let code = content.split(" #").next().unwrap_or(content).trim_end();
            prev_indent = width;
            prev_opens = code.ends_with(':');
            if opens_block_scalar(code) {
                block_header = Some(lead);
            }
        }
        offset += raw.len();
    }
    if edits.is_empty() {
        return None;
    }
    Some(Fix::safe("Replace tab indentation with spaces", edits).with_explanation(
        "YAML forbids tab characters in indentation. Each tab is replaced by the file's indentation width in spaces.",
    ))
}

/// A line ending in a block scalar header: `|` or `>` with optional
/// chomping and indentation indicators, after `:`, `- `, an anchor or a tag
/// (or alone). A plain value ending in ` |` also matches, which only makes
/// the tab fix leave more lines alone.
fn opens_block_scalar(code: &str) -> bool {
    let indicators = code.trim_end_matches(|c: char| c == '+' || c == '-' || c.is_ascii_digit());
    let Some(before) = indicators.strip_suffix(['|', '>']) else {
        return false;
    };
    before.is_empty() || before.ends_with([' ', '\t'])
}

/// `key: value: more` → `key: 'value: more'`.
fn quote_value_fix(path: &str, source: &str, line: TextRange) -> Option<Fix> {
    let text = &source[line.start..line.end];
    let body = text.trim_start();
    let body = body.strip_prefix("- ").map(str::trim_start).unwrap_or(body);
    let colon = body.find(": ")?;
    let key = &body[..colon];
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return None;
    }
    let value_start = line.start + (text.len() - body.len()) + colon + 2;
    let value_full = &source[value_start..line.end];
    let lead = value_full.len() - value_full.trim_start().len();
    let value_start = value_start + lead;
    let mut value = source[value_start..line.end].to_string();
    if let Some(c) = value.find(" #") {
        value.truncate(c);
    }
    let value = value.trim_end();
    if value.is_empty() || !value.contains(": ") || value.starts_with(['\'', '"', '[', '{', '|', '>', '&', '*', '!']) {
        return None;
    }
    let quoted = edit::single_quote(value);
    Some(
        Fix::safe(format!("Quote the value of `{key}`"), vec![Edit::replace(path, TextRange::new(value_start, value_start + value.len()), quoted)])
            .with_explanation("An unquoted value may not contain `: `, which YAML reads as a nested key. Quoting keeps the text as it is."),
    )
}

/// `key:value` on a line → `key: value`.
fn colon_space_fix(path: &str, source: &str, line: TextRange) -> Option<Fix> {
    let text = &source[line.start..line.end];
    let body_start = text.len() - text.trim_start().len();
    let mut body = &text[body_start..];
    let mut base = line.start + body_start;
    if let Some(b) = body.strip_prefix("- ") {
        base += 2;
        body = b;
    }
    let colon = body.find(':')?;
    let key = &body[..colon];
    let rest = &body[colon + 1..];
    if !KNOWN_KEYS.contains(&key) || rest.is_empty() || rest.starts_with([' ', '/', ':']) {
        return None;
    }
    Some(
        Fix::safe(
            format!("Insert a space after `{key}:`"),
            vec![Edit::insert(path, base + colon + 1, " ")],
        )
        .with_explanation("YAML needs a space after the `:` of a key; without it the line is read as a plain string."),
    )
}

/// Move a mis-indented key line (and the lines nested under it) to the
/// indentation of a nearby sibling.
fn reindent_fixes(path: &str, source: &str, line: TextRange) -> Vec<Fix> {
    let text = &source[line.start..line.end];
    let indent = text.len() - text.trim_start_matches(' ').len();
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') || text[indent..].starts_with('\t') {
        return Vec::new();
    }
    // Indentation levels used by earlier lines, nearest first.
    let mut levels: Vec<usize> = Vec::new();
    for l in source[..line.start].lines().rev() {
        let t = l.trim_start_matches(' ');
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let ind = l.len() - t.len();
        if ind != indent && !levels.contains(&ind) {
            levels.push(ind);
        }
        if levels.len() >= 4 {
            break;
        }
    }
    levels.sort_by_key(|l| l.abs_diff(indent));
    // The block: this line and following lines indented deeper than it.
    let mut lines = vec![line];
    let mut next = line.end;
    while next < source.len() {
        // Past the line break: CRLF is two bytes, LF or a lone CR one.
        let b = source.as_bytes();
        let start = next
            + if b[next] == b'\r' && b.get(next + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
        if start > source.len() {
            break;
        }
        let l = crate::lint::line_range(source, start);
        let t = &source[l.start..l.end];
        let ind = t.len() - t.trim_start_matches(' ').len();
        if !t.trim().is_empty() && ind <= indent {
            break;
        }
        lines.push(l);
        next = l.end;
        if l.end >= source.len() {
            break;
        }
    }
    let mut out = Vec::new();
    for target in levels.into_iter().take(3) {
        let mut edits = Vec::new();
        for l in &lines {
            let t = &source[l.start..l.end];
            let ind = t.len() - t.trim_start_matches(' ').len();
            if t.trim().is_empty() {
                continue;
            }
            let new_ind = (ind + target).checked_sub(indent);
            let Some(new_ind) = new_ind else { continue };
            edits.push(Edit::replace(
                path,
                TextRange::new(l.start, l.start + ind),
                " ".repeat(new_ind),
            ));
        }
        let line_no = crate::text::line_ends_before(source, line.start) + 1;
        out.push(
            Fix::safe(indent_title(line_no, edits.len().saturating_sub(1), indent, target), edits)
                .with_explanation("This key is indented differently from the keys around it, so YAML cannot tell which mapping it belongs to."),
        );
    }
    out
}

/// The title of a fix that moves line `line_no` (and the `below` lines of
/// its block) from `from` to `to` spaces of indentation.
fn indent_title(line_no: usize, below: usize, from: usize, to: usize) -> String {
    let verb = if to < from { "Dedent" } else { "Indent" };
    let what = match below {
        0 => format!("line {line_no}"),
        1 => format!("line {line_no} and the line below it"),
        n => format!("line {line_no} and the {n} lines below it"),
    };
    format!("{verb} {what} from {from} to {to} spaces to match its siblings")
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{apply_first_fix, lint_rule};

    /// `missing_space_after_colon` reads a key as the run of lowercase
    /// letters, `-` and `_` a scalar starts with: a known key with any other byte
    /// would never be found.
    #[test]
    fn a_missing_space_after_a_key_with_an_underscore_is_found() {
        let src = "on:\n  - workflow_dispatch:x\njobs: {}\n";
        let d = lint_rule(src, "syntax");
        assert!(
            d.iter()
                .any(|d| d.message.starts_with("missing space after `workflow_dispatch:`")),
            "{d:?}"
        );
    }

    #[test]
    fn known_keys_are_lowercase_letters_dashes_and_underscores() {
        for key in super::KNOWN_KEYS {
            assert!(
                !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || matches!(b, b'-' | b'_')),
                "{key}"
            );
        }
    }

    /// Every rule, not only `syntax`: the recovered tree of a broken block
    /// gives no follow-on finding (an unknown key, a step without `run`).
    #[test]
    fn after_a_yaml_error_no_other_rule_reports() {
        let src = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - name: x\n        run: echo hi\n       with:\n         a: b\n      - run: echo there\n";
        let serious: Vec<String> = crate::rules::test_support::lint_str(src)
            .into_iter()
            .filter(|d| d.severity >= crate::diagnostic::Severity::Warning)
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert_eq!(serious.len(), 1, "{serious:#?}");
        assert!(serious[0].starts_with("syntax/parse YAML syntax error"), "{serious:#?}");
    }

    #[test]
    fn tabs_inside_block_scalars_are_data_and_never_replaced() {
        // A Makefile recipe in a heredoc keeps its tab; the tab-indented
        // key after it is still fixed.
        let src = "on: push\njobs:\n  build:\n\truns-on: x\n    steps:\n      - run: |\n          cat > Makefile <<'EOF'\n          all:\n          \techo hi\n\n          EOF\n          make\n      - name: after\n        run: >-\n          a\n          \tb\n";
        let out = apply_first_fix(src, "syntax");
        assert_eq!(out, src.replace("\truns-on", "    runs-on"));
        // A tab-led line right after a header might be content: not touched,
        // and no fix that would change it.
        let src = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n\techo hi\n";
        let d = lint_rule(src, "syntax");
        assert!(
            d.iter().all(|d| d
                .fixes
                .iter()
                .all(|f| f.edits.iter().all(|e| !src[e.range.start..e.range.end].contains('\t')))),
            "{d:?}"
        );
        for (header, opens) in [
            ("run: |", true),
            ("- >-", true),
            ("x: &a |2", true),
            ("|", true),
            ("run: a|b", false),
            ("k: >x", false),
        ] {
            assert_eq!(super::opens_block_scalar(header), opens, "{header}");
        }
    }

    #[test]
    fn indent_titles_follow_the_direction_and_size_of_the_edit() {
        assert_eq!(
            super::indent_title(8, 0, 6, 4),
            "Dedent line 8 from 6 to 4 spaces to match its siblings"
        );
        assert_eq!(
            super::indent_title(3, 2, 2, 4),
            "Indent line 3 and the 2 lines below it from 2 to 4 spaces to match its siblings"
        );
    }
}
