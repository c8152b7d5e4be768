//! Linting one file: parse, run every enabled rule, apply suppressions,
//! verify fixes.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::external::ScriptChecker;
use crate::model::{FileKind, Workflow};
use crate::repo::{NoRepo, RepoFiles};
use crate::rules::{Context, RULES, RelintScope, Rule};
use crate::text::TextRange;
use crate::yaml::{self, Document};

pub struct LintOptions<'a> {
    pub config: &'a Config,
    pub repo: &'a dyn RepoFiles,
    /// Drop every fix that does not pass [`crate::fix::verify`]. Front ends
    /// always verify what they offer; verification itself lints without it.
    pub verify_fixes: bool,
    /// Which fixes to keep at all. Verifying costs a re-parse and re-lint per
    /// fix, so a front end that will not show unsafe fixes asks for fewer.
    pub fixes: FixSelection,
    /// Force a file kind instead of detecting it from the path and content.
    pub kind: Option<FileKind>,
    /// Runs shellcheck (or another checker) on `run:` scripts; `None` skips
    /// those checks. Only the CLI passes one: the engine does no I/O.
    pub script_checker: Option<&'a dyn ScriptChecker>,
    /// Runs pyflakes (or another checker) on Python `run:` scripts; `None`
    /// skips those checks, as for [`LintOptions::script_checker`].
    pub python_checker: Option<&'a dyn ScriptChecker>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FixSelection {
    #[default]
    All,
    SafeOnly,
    None,
}

impl<'a> LintOptions<'a> {
    pub fn new(config: &'a Config) -> Self {
        LintOptions {
            config,
            repo: &NoRepo,
            verify_fixes: true,
            fixes: FixSelection::All,
            kind: None,
            script_checker: None,
            python_checker: None,
        }
    }
}

/// Lint one file's bytes. Never panics on any input.
pub fn lint(path: &str, bytes: &[u8], opts: &LintOptions<'_>) -> Vec<Diagnostic> {
    lint_counted(path, bytes, opts).diagnostics
}

/// [`lint`], with the parse error count [`crate::fix::apply_together`]
/// compares.
pub fn lint_counted(path: &str, bytes: &[u8], opts: &LintOptions<'_>) -> crate::fix::Relinted {
    let doc = yaml::parse(bytes);
    let parse_errors = parse_error_count(&doc);
    crate::fix::Relinted {
        parse_errors,
        diagnostics: lint_document(path, bytes, doc, opts),
    }
}

/// Lint `doc`, the parse of `bytes`; verification patches the tree in
/// place (see [`verify_within`]), so it is taken, not borrowed.
fn lint_document(path: &str, bytes: &[u8], doc: Document, opts: &LintOptions<'_>) -> Vec<Diagnostic> {
    let Ok(source) = std::str::from_utf8(bytes) else {
        // Only the encoding error can be reported without text.
        return crate::rules::syntax::encoding_diagnostics(path, &doc, opts.config);
    };
    let mut diags = lint_parsed(path, source, &doc, opts);
    match opts.fixes {
        FixSelection::All => {}
        FixSelection::SafeOnly => diags
            .iter_mut()
            .for_each(|d| d.fixes.retain(|f| f.applicability == crate::Applicability::Safe)),
        FixSelection::None => diags.iter_mut().for_each(|d| d.fixes.clear()),
    }
    if opts.verify_fixes {
        verify_within(path, source, doc, &mut diags, opts, MAX_RELINT_BYTES);
    }
    diags
}

/// Lint an already-parsed document (the language server keeps the parse).
pub fn lint_parsed(path: &str, source: &str, doc: &Document, opts: &LintOptions<'_>) -> Vec<Diagnostic> {
    lint_with(path, source, doc, opts, RULES, None, RelintScope::default())
}

/// [`lint_parsed`] with only `rules` run, and only the fixes of
/// `fixes_for` wanted (`None`: all; see [`Context::wants_fixes`]);
/// `scope`: see [`Context::relint_jobs`] and [`Context::places`].
fn lint_with(
    path: &str,
    source: &str,
    doc: &Document,
    opts: &LintOptions<'_>,
    rules: &[&Rule],
    fixes_for: Option<&[&str]>,
    scope: RelintScope<'_>,
) -> Vec<Diagnostic> {
    let kind = opts.kind.unwrap_or_else(|| FileKind::detect(path, doc.root.as_ref()));
    let workflow = match (kind, doc.root.as_ref()) {
        (FileKind::Workflow, Some(root)) => Some(Workflow::new(root)),
        _ => None,
    };
    let derived = crate::rules::Derived::default();
    let mut ctx = Context {
        path,
        source,
        doc,
        kind,
        workflow: workflow.as_ref(),
        config: opts.config,
        repo: opts.repo,
        script_checker: opts.script_checker,
        python_checker: opts.python_checker,
        rule: "",
        severity: crate::diagnostic::Severity::Error,
        out: Vec::new(),
        indent_unit: Default::default(),
        derived: &derived,
        fixes_for,
        relint_jobs: scope.jobs,
        places: scope.places,
    };
    crate::rules::run_rules(&mut ctx, rules);
    let mut diags = ctx.out;
    let suppressions = Suppressions::new(source, doc);
    diags.retain(|d| !suppressions.suppresses(d) && !opts.config.ignores_finding(path, &d.message));
    diags.sort_by(|a, b| (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule)));
    diags.dedup_by(|a, b| a.range == b.range && a.rule == b.rule && a.message == b.message);
    diags
}

/// Parse errors proper (not duplicate keys and the like).
pub fn parse_error_count(doc: &Document) -> usize {
    doc.errors
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                yaml::SyntaxErrorKind::Parse | yaml::SyntaxErrorKind::Encoding | yaml::SyntaxErrorKind::Limit
            )
        })
        .count()
}

/// Re-lint an edited text for [`crate::fix::verify`].
pub fn relint(path: &str, text: &str, opts: &LintOptions<'_>) -> crate::fix::Relinted {
    relint_with(path, text, opts, RULES, None)
}

/// [`relint`] with only `rules` run, and only the fixes of `fixes_for`.
fn relint_with(
    path: &str,
    text: &str,
    opts: &LintOptions<'_>,
    rules: &[&Rule],
    fixes_for: Option<&[&str]>,
) -> crate::fix::Relinted {
    relint_parsed(
        path,
        text,
        &yaml::parse(text.as_bytes()),
        opts,
        rules,
        fixes_for,
        RelintScope::default(),
    )
}

/// [`relint_with`] of a text already parsed; `scope`: see
/// [`Context::relint_jobs`] and [`Context::places`].
pub(crate) fn relint_parsed(
    path: &str,
    text: &str,
    doc: &Document,
    opts: &LintOptions<'_>,
    rules: &[&Rule],
    fixes_for: Option<&[&str]>,
    scope: RelintScope<'_>,
) -> crate::fix::Relinted {
    // Verification re-lints once per fix; external checkers would cost a
    // process per fix for findings no fix touches.
    let relint_opts = LintOptions {
        config: opts.config,
        repo: opts.repo,
        verify_fixes: false,
        fixes: FixSelection::All,
        kind: opts.kind,
        script_checker: None,
        python_checker: None,
    };
    crate::fix::Relinted {
        parse_errors: parse_error_count(doc),
        diagnostics: lint_with(path, text, doc, &relint_opts, rules, fixes_for, scope),
    }
}

/// Verifying re-lints the whole file once per fix. Past this many bytes
/// re-linted in one file the remaining fixes are dropped unverified, so a
/// file with thousands of fixable findings (hostile or generated) still lints
/// in bounded time; `check --fix` run again goes on from what it fixed.
pub const MAX_RELINT_BYTES: usize = 8 << 20;

/// Keep only the fixes that verify; the others are dropped silently (a rule
/// that offers a broken fix is a bug for its tests to find, not the user),
/// and so is every fix past [`MAX_RELINT_BYTES`]. Fixes in different jobs
/// and steps are verified together (see [`crate::fix_batch`]).
pub fn verify_all(path: &str, source: &str, doc: &Document, diags: &mut [Diagnostic], opts: &LintOptions<'_>) {
    verify_all_counted(path, source, doc, diags, opts);
}

/// What verifying a file's fixes took: re-lints, and how many of them
/// reused the original parse ([`yaml::patch`]) instead of parsing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Relints {
    pub relints: usize,
    pub patched: usize,
    /// Rules left out of patched re-lints, summed over them.
    pub skipped: usize,
    /// Patched re-lints in which the expression rule checked only some jobs.
    pub scoped: usize,
}

/// [`verify_all`], counting its re-lints (`cargo xtask bench rules`).
pub fn verify_all_counted(
    path: &str,
    source: &str,
    doc: &Document,
    diags: &mut [Diagnostic],
    opts: &LintOptions<'_>,
) -> Relints {
    if diags.iter().all(|d| d.fixes.is_empty()) {
        return Relints::default();
    }
    verify_within(path, source, doc.clone(), diags, opts, MAX_RELINT_BYTES)
}

/// [`verify_all`] with a re-lint budget, on a tree of its own: a re-lint
/// whose edits [`yaml::patch`] knows patches `doc` in place and the next
/// one puts it back first ([`yaml::patch::undo`]), so the tree is copied
/// for no re-lint (the copy and its drop were about a tenth of verification's
/// instructions). The tree is dropped patched.
fn verify_within(
    path: &str,
    source: &str,
    doc: Document,
    diags: &mut [Diagnostic],
    opts: &LintOptions<'_>,
    budget: usize,
) -> Relints {
    if diags.iter().all(|d| d.fixes.is_empty()) {
        return Relints::default();
    }
    let parse_errors = parse_error_count(&doc);
    let kind = opts.kind.unwrap_or_else(|| FileKind::detect(path, doc.root.as_ref()));
    let jobs = match (kind, doc.root.as_ref()) {
        (FileKind::Workflow, Some(root)) => crate::fix_batch::job_regions(source, &Workflow::new(root).jobs),
        _ => Vec::new(),
    };
    // What verification reads of a re-lint: the findings and fixes of the
    // rules whose fixes it verifies (those of the batch, not of every
    // fixable finding of the file), and every error. Rules that can report
    // neither are left out of the re-lints.
    let may_error: Vec<bool> = RULES
        .iter()
        .map(|r| crate::rules::may_report_errors(r, opts.config))
        .collect();
    // Rules that may be skipped where an edit touches nothing they read
    // ([`Rule::reads`]): those whose fixes are not being verified. Not in a
    // file with suppression comments: they silence by line (the line above
    // a finding), so an inserted line can move a comment off the error it
    // silenced, and that error, new in the re-lint, would go unseen.
    let skippable = kind == FileKind::Workflow && Suppressions::new(source, &doc).lines.is_empty();
    let errors: Vec<(&'static str, &'static str, String, TextRange)> = diags
        .iter()
        .filter(|d| d.severity == crate::diagnostic::Severity::Error)
        .map(|d| (d.rule, d.code, d.message.clone(), d.range))
        .collect();
    let count = std::cell::Cell::new(Relints::default());
    #[cfg(debug_assertions)]
    let original = doc.clone();
    // The tree, and what undoes the patch it carries, if any.
    let tree = std::cell::RefCell::new((doc, None::<yaml::patch::Undo>));
    let relint = |text: &str, edits: &[&crate::diagnostic::Edit], fixing: &[&'static str]| {
        let mut tree = tree.borrow_mut();
        let (doc, patched) = &mut *tree;
        if let Some(undo) = patched.take() {
            yaml::patch::undo(doc, undo);
            #[cfg(debug_assertions)]
            assert!(
                *doc == original,
                "{path}: a patched tree put back differs from the parse"
            );
        }
        let mut n = count.get();
        n.relints += 1;
        // In `RULES`' order, as a lint runs them, with their index there.
        let indexed: Vec<(usize, &Rule)> = RULES
            .iter()
            .enumerate()
            .zip(&may_error)
            .filter(|((_, r), error)| **error || fixing.contains(&r.id))
            .map(|((i, r), _)| (i, *r))
            .collect();
        let rules: Vec<&Rule> = indexed.iter().map(|(_, r)| *r).collect();
        // Edits that only add `key: value` lines: the edited tree is the
        // original one with them added, no parse needed.
        let relinted = match yaml::patch::apply_in_place(source, doc, edits, text) {
            Some((undo, touched)) => {
                *patched = Some(undo);
                n.patched += 1;
                // A rule that reads nothing the edits touched finds what it
                // found before, moved; verification reads only errors, and
                // an error whose range an edit falls into would not be
                // moved but changed, so then every rule runs.
                let inside_an_error = || {
                    edits.iter().any(|e| {
                        errors
                            .iter()
                            .any(|(.., r)| e.range.start <= r.end && r.start <= e.range.end)
                    })
                };
                let scoping = skippable && !inside_an_error();
                let (run, skipped): (Vec<&Rule>, Vec<&Rule>) = if scoping {
                    let reading = crate::rules::rules_reading(&crate::rules::distinct_reads(&touched));
                    let (mut run, mut skipped) = (Vec::new(), Vec::new());
                    for &(i, r) in &indexed {
                        if fixing.contains(&r.id) || reading.has(i) {
                            run.push(r);
                        } else {
                            skipped.push(r);
                        }
                    }
                    (run, skipped)
                } else {
                    (rules.clone(), Vec::new())
                };
                n.skipped += skipped.len();
                // The expression rule, when it must run but not for its own
                // fixes, checks only the jobs whose reads the edits touched
                // (the same reasoning, job by job).
                let expression = crate::rules::expression::RULE.id;
                let jobs = (scoping && !fixing.contains(&expression) && run.iter().any(|r| r.id == expression))
                    .then(|| crate::rules::expression::rescope::jobs_to_recheck(&touched, doc))
                    .flatten();
                n.scoped += usize::from(jobs.is_some());
                // The rules whose findings split by place, when they must
                // run but not for their own fixes, check only the jobs and
                // steps the edits met; their errors elsewhere are those
                // before, moved (`rules::edited_places`).
                let scoped_rules =
                    |rule: &str| crate::rules::edited_places::SCOPED_RULES.contains(&rule) && !fixing.contains(&rule);
                let places = (scoping && run.iter().any(|r| scoped_rules(r.id)))
                    .then(|| {
                        let places = crate::rules::edited_places::EditedPlaces::new(edits, doc);
                        let before = errors
                            .iter()
                            .filter(|(rule, ..)| scoped_rules(rule))
                            .map(|(rule, code, m, r)| ((*rule, *code, m), *r));
                        let reused = crate::rules::edited_places::unchanged(before, &places, text, doc, edits);
                        let line_numbered = reused
                            .iter()
                            .any(|((_, code, _), _)| crate::rules::edited_places::LINE_NUMBERED_CODES.contains(code));
                        (!line_numbered).then_some((places, reused))
                    })
                    .flatten();
                let scope = RelintScope {
                    jobs: jobs.as_deref(),
                    places: places.as_ref().map(|(places, _)| places),
                };
                let mut relinted = relint_parsed(path, text, doc, opts, &run, Some(fixing), scope);
                if let Some((_, reused)) = &places {
                    relinted
                        .diagnostics
                        .extend(reused.iter().map(|((rule, code, message), range)| {
                            // The check's own code, as the first lint gave it:
                            // a reader of the re-lint sees what a whole one says.
                            Diagnostic::new(path, rule, crate::diagnostic::Severity::Error, *range, message.as_str())
                                .with_code(code)
                        }));
                }
                // Verification counts errors by message against the whole
                // file's before: the other jobs' (and the workflow level's)
                // expression errors, moved, complete the re-lint.
                if let Some(jobs) = &jobs {
                    let before = errors
                        .iter()
                        .filter(|(rule, ..)| *rule == expression)
                        .map(|(_, _, m, r)| (m, *r));
                    let outside = crate::rules::expression::rescope::outside_jobs(before, doc, edits, jobs);
                    relinted.diagnostics.extend(outside.into_iter().map(|(message, range)| {
                        Diagnostic::new(
                            path,
                            expression,
                            crate::diagnostic::Severity::Error,
                            range,
                            message.clone(),
                        )
                    }));
                }
                #[cfg(debug_assertions)]
                if !skipped.is_empty() {
                    assert_skipped_rules_find_the_same(path, source, text, edits, opts, &skipped);
                }
                #[cfg(debug_assertions)]
                if places.is_some() {
                    let mismatch = crate::rules::edited_places::mismatch(path, source, text, edits, opts);
                    assert!(mismatch.is_none(), "{path}: {}", mismatch.unwrap_or_default());
                }
                #[cfg(debug_assertions)]
                if let Some(jobs) = &jobs {
                    let mismatch = crate::rules::expression::rescope::mismatch(path, source, text, edits, opts, jobs);
                    assert!(mismatch.is_none(), "{path}: {}", mismatch.unwrap_or_default());
                }
                relinted
            }
            None => relint_with(path, text, opts, &rules, Some(fixing)),
        };
        count.set(n);
        relinted
    };
    crate::fix_batch::verify_fixes(path, source, parse_errors, diags, &jobs, &relint, budget);
    count.get()
}

/// A rule skipped in a re-lint ([`Rule::reads`]) must find on the edited
/// text exactly the errors a re-lint of the original finds, moved by the
/// edits (none of which falls inside one of them). Debug builds check every
/// skip, so every test and the corpus evaluation (`cargo xtask eval
/// corpus`, a dev build) exercise the rules' declarations.
#[cfg(debug_assertions)]
fn assert_skipped_rules_find_the_same(
    path: &str,
    source: &str,
    text: &str,
    edits: &[&crate::diagnostic::Edit],
    opts: &LintOptions<'_>,
    skipped: &[&Rule],
) {
    let moved = |r: TextRange| crate::edit::moved_past(edits, r);
    let errors = |text: &str, moved: &dyn Fn(TextRange) -> TextRange| {
        let mut list: Vec<(&str, String, TextRange)> = relint_with(path, text, opts, skipped, None)
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == crate::diagnostic::Severity::Error)
            .map(|d| (d.rule, d.message, moved(d.range)))
            .collect();
        list.sort();
        list
    };
    assert_eq!(
        errors(text, &|r| r),
        errors(source, &moved),
        "{path}: rules skipped for edits {edits:?} would report other errors; a `reads` declaration misses something"
    );
}

/// `# autoheal: ignore[rule-a, rule-b/code]` (or zizmor's `# zizmor:
/// ignore[audit]`) on a diagnostic's lines (or its labels') or the line
/// above; `# autoheal: ignore` alone silences every rule there. A rule id
/// silences every code of the rule; a code only that check. A security
/// audit's finding inside a step is also silenced by a comment on any line
/// of the step or the line above it, as zizmor's are (its findings span
/// their step).
struct Suppressions {
    /// (line number, rules; empty = all)
    lines: Vec<(usize, Vec<String>)>,
    /// The first and last line of each step (of jobs and of composite
    /// actions): zizmor's findings span their step, so a comment anywhere
    /// in the step silences a security audit's finding inside it.
    steps: Vec<(usize, usize)>,
    /// Where each line ends (see [`crate::text::line_ends_before`]), when
    /// there is a comment to match: every step's first and last line and
    /// every finding's were counted from the start of the file, each.
    ends: Vec<usize>,
}

impl Suppressions {
    fn new(source: &str, doc: &Document) -> Self {
        // Every marker holds it: most comments are passed over with one
        // search, by one searcher (`memmem::find` built one per comment, in
        // every lint and re-lint).
        static IGNORE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"ignore"));
        let mut lines = Vec::new();
        for c in &doc.comments {
            let text = &source[c.start..c.end];
            if IGNORE.find(text.as_bytes()).is_none() {
                continue;
            }
            // zizmor's comments name the same audits, so they count too.
            let Some(at) = ["autoheal: ignore", "autoheal:ignore", "zizmor: ignore", "zizmor:ignore"]
                .iter()
                .find_map(|marker| text.find(marker))
            else {
                continue;
            };
            let rest = &text[at..];
            let rules = match (rest.find('['), rest.find(']')) {
                (Some(a), Some(b)) if a < b => rest[a + 1..b]
                    .split(',')
                    .map(|r| crate::config::canonical_rule(r.trim()).to_string())
                    .filter(|r| !r.is_empty())
                    .collect(),
                _ => Vec::new(),
            };
            lines.push((c.start, rules));
        }
        let ends = if lines.is_empty() {
            Vec::new()
        } else {
            line_ends(source)
        };
        let line_of = |offset: usize| ends.partition_point(|e| *e < offset);
        for (at, _) in &mut lines {
            *at = line_of(*at);
        }
        let mut steps = Vec::new();
        if !lines.is_empty()
            && let Some(root) = &doc.root
        {
            let jobs = root.get("jobs").and_then(yaml::Node::as_mapping).unwrap_or_default();
            let step_lists = jobs
                .iter()
                .filter_map(|j| j.value.get("steps"))
                .chain(root.get("runs").and_then(|r| r.get("steps")));
            for list in step_lists {
                for step in list.as_sequence().unwrap_or_default() {
                    let last = step.span.end.saturating_sub(1).max(step.span.start);
                    steps.push((line_of(step.span.start), line_of(last)));
                }
            }
        }
        Suppressions { lines, steps, ends }
    }

    fn suppresses(&self, d: &Diagnostic) -> bool {
        if self.lines.is_empty() || d.rule == "syntax" {
            return false;
        }
        let line_of = |offset: usize| self.ends.partition_point(|e| *e < offset);
        // The line above the finding, or any line it or its labels span
        // (zizmor's rule: a comment inside the flagged block counts).
        let line = line_of(d.range.start);
        let spans: Vec<(usize, usize)> = std::iter::once(d.range)
            .chain(d.labels.iter().map(|l| l.range))
            .map(|r| (line_of(r.start), line_of(r.end)))
            .collect();
        let step = self
            .steps
            .iter()
            .find(|(a, b)| (*a..=*b).contains(&line))
            .filter(|_| d.audit_severity.is_some());
        self.lines.iter().any(|(l, rules)| {
            (*l + 1 == line
                || spans.iter().any(|(a, b)| (a..=b).contains(&l))
                || step.is_some_and(|(a, b)| (*a..=*b).contains(l) || *l + 1 == *a))
                && (rules.is_empty() || rules.iter().any(|r| r == d.rule || r == d.code))
        })
    }
}

/// The offset of every line end of `source` (LF, the LF of a CRLF, a lone
/// CR), in order: the line of an offset ([`crate::text::line_ends_before`])
/// is how many come before it.
fn line_ends(source: &str) -> Vec<usize> {
    let b = source.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', b)
        .filter(|i| b[*i] == b'\n' || b.get(i + 1) != Some(&b'\n'))
        .collect()
}

/// The range of the whole line containing `offset`, without its line break.
/// LF, CRLF and a lone CR (old Mac line ends) each end a line, as they do for
/// YAML and `LineIndex`; an offset on a line break belongs to the line it ends.
pub fn line_range(source: &str, offset: usize) -> TextRange {
    let b = source.as_bytes();
    let mut offset = offset.min(b.len());
    // The LF of a CRLF ends the same line as its CR.
    if offset > 0 && b.get(offset) == Some(&b'\n') && b[offset - 1] == b'\r' {
        offset -= 1;
    }
    let start = memchr::memrchr2(b'\n', b'\r', &b[..offset]).map_or(0, |i| i + 1);
    let end = memchr::memchr2(b'\n', b'\r', &b[offset..]).map_or(b.len(), |i| offset + i);
    TextRange::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::limits::MAX_DEPTH;

    /// The line ends suppressions look lines up in count as `line_ends_before` does,
    /// at every offset of texts with every kind of line end.
    #[test]
    fn line_ends_count_as_line_of() {
        for text in ["", "a", "a\nb", "a\r\nb\rc\n", "\r\r\n\n\r", "x\r", "é\r\n日\n"] {
            let ends = line_ends(text);
            for offset in 0..=text.len() + 1 {
                assert_eq!(
                    ends.partition_point(|e| *e < offset),
                    crate::text::line_ends_before(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }

    /// LF, CRLF and a lone CR end lines alike; an offset on a line break
    /// belongs to the line the break ends.
    #[test]
    fn line_range_knows_every_line_end() {
        for nl in ["\n", "\r\n", "\r"] {
            let src = format!("ab{nl}cde{nl}{nl}f");
            let text = |r: TextRange| &src[r.start..r.end];
            let c = src.find('c').unwrap();
            assert_eq!(text(line_range(&src, 0)), "ab", "{nl:?}");
            assert_eq!(text(line_range(&src, 2)), "ab", "{nl:?}: the break after ab");
            assert_eq!(text(line_range(&src, c + 1)), "cde", "{nl:?}");
            assert_eq!(
                text(line_range(&src, c - 1)),
                "ab",
                "{nl:?}: the last byte of the break"
            );
            assert_eq!(text(line_range(&src, src.len())), "f", "{nl:?}");
            let blank = c + 3 + nl.len();
            assert_eq!(
                line_range(&src, blank),
                TextRange::new(blank, blank),
                "{nl:?}: the empty line"
            );
        }
    }

    /// Lints on a thread with half the stack rayon and tokio give theirs.
    fn lint_on_small_stack(src: String) -> Vec<Diagnostic> {
        std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || {
                let config = Config::default();
                lint(".github/workflows/ci.yml", src.as_bytes(), &LintOptions::new(&config))
            })
            .expect("spawn")
            .join()
            .expect("no panic, no overflow")
    }

    const HEAD: &str = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - uses: actions/cache@v4\n        with:\n          a:\n            ";

    #[test]
    fn over_a_yaml_budget_the_file_gets_one_limit_error() {
        for src in [
            crate::yaml::tests::alias_bomb(),
            format!("{HEAD}{}x\n", "- ".repeat(100_000)),
            format!("{HEAD}{}x{}\n", "[".repeat(252), "]".repeat(252)),
        ] {
            let diags = lint_on_small_stack(src);
            assert_eq!(diags.len(), 1, "{diags:?}");
            assert_eq!(diags[0].code, "syntax/limit", "{diags:?}");
        }
    }

    /// A re-lint reads only the fixes of the rules being verified: the
    /// syntax rule, whose fixes each cost a parse, builds none for it
    /// otherwise, and reports the same error.
    #[test]
    fn a_relint_builds_only_the_fixes_it_reads() {
        let src = "on: push\njobs:\n  a:\n    runs-on: x\n     steps:\n       - run: make\n";
        let config = Config::default();
        let opts = LintOptions::new(&config);
        let path = ".github/workflows/ci.yml";
        let syntax = |fixes_for: Option<&[&str]>| {
            relint_with(path, src, &opts, RULES, fixes_for)
                .diagnostics
                .into_iter()
                .find(|d| d.rule == "syntax")
                .expect("a syntax error")
        };
        let all = syntax(None);
        assert!(!all.fixes.is_empty(), "{all:?}");
        assert_eq!(syntax(Some(&["syntax"])).fixes, all.fixes);
        let other = syntax(Some(&["timeout"]));
        assert!(other.fixes.is_empty(), "{other:?}");
        assert_eq!((other.range, other.message), (all.range, all.message));
    }

    #[test]
    fn many_broken_lines_cost_few_relints() {
        // The fuzzer's hang: hundreds of `- run:ps:` steps (a key without
        // its space), each with a syntax fix verified alone. Every re-lint
        // rebuilds ~1,500 findings; the budget counts them, so the file
        // gets a few dozen re-lints, not one per fix.
        let src = include_str!("../../../fuzz/regressions/lint/many-broken-keys.yml");
        let config = Config::default();
        let opts = LintOptions {
            verify_fixes: false,
            ..LintOptions::new(&config)
        };
        let doc = yaml::parse(src.as_bytes());
        let mut diags = lint_parsed(".github/workflows/ci.yml", src, &doc, &opts);
        let offered: usize = diags.iter().map(|d| d.fixes.len()).sum();
        assert!(offered > 400, "{offered} fixes offered");
        let relints = std::cell::Cell::new(0usize);
        let counting = |text: &str, _: &[&crate::diagnostic::Edit], _: &[&str]| {
            relints.set(relints.get() + 1);
            relint(".github/workflows/ci.yml", text, &opts)
        };
        crate::fix_batch::verify_fixes(
            ".github/workflows/ci.yml",
            src,
            parse_error_count(&doc),
            &mut diags,
            &[],
            &counting,
            MAX_RELINT_BYTES,
        );
        let most = MAX_RELINT_BYTES / crate::fix_batch::relint_cost(src.len(), diags.len()) + 1;
        assert!(
            relints.get() <= most && most <= 16,
            "{} relints, at most {most}",
            relints.get()
        );
    }

    #[test]
    fn fix_verification_stops_at_the_relint_budget() {
        // 40 findings in one step's script: no two are verified together,
        // so each costs a re-lint of the file.
        let lines = "          echo \"::set-output name=v::1\"\n".repeat(40);
        let src = format!(
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: |\n{lines}"
        );
        let config = Config::default();
        let opts = LintOptions {
            verify_fixes: false,
            ..LintOptions::new(&config)
        };
        let doc = yaml::parse(src.as_bytes());
        let fixable = |diags: &[Diagnostic]| diags.iter().map(|d| d.fixes.len()).sum::<usize>();
        let offered = lint_parsed(".github/workflows/ci.yml", &src, &doc, &opts);
        assert!(fixable(&offered) >= 40, "{offered:?}");
        let mut all = offered.clone();
        verify_within(
            ".github/workflows/ci.yml",
            &src,
            doc.clone(),
            &mut all,
            &opts,
            usize::MAX,
        );
        assert!(fixable(&all) >= 40, "every fix verifies without a budget: {all:?}");
        let mut within = offered;
        let cost = crate::fix_batch::relint_cost(src.len(), within.len());
        verify_within(
            ".github/workflows/ci.yml",
            &src,
            doc.clone(),
            &mut within,
            &opts,
            10 * cost,
        );
        assert_eq!(fixable(&within), 10, "{within:?}");

        // The same findings in 40 steps are verified together, in budget.
        let steps = "      - run: echo \"::set-output name=v::1\"\n".repeat(40);
        let src =
            format!("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n{steps}");
        let doc = yaml::parse(src.as_bytes());
        let mut apart = lint_parsed(".github/workflows/ci.yml", &src, &doc, &opts);
        assert!(fixable(&apart) >= 40, "{apart:?}");
        let cost = crate::fix_batch::relint_cost(src.len(), apart.len());
        verify_within(
            ".github/workflows/ci.yml",
            &src,
            doc.clone(),
            &mut apart,
            &opts,
            10 * cost,
        );
        assert!(fixable(&apart) >= 40, "{apart:?}");
    }

    /// `timeout`'s fixes add one `key: value` line per job: verified in one
    /// re-lint of a tree built from the original parse. That re-lint still
    /// sees what an edit breaks: a fix inserting an invalid value beside
    /// them is dropped, the others kept.
    #[test]
    fn inserted_entry_lines_are_verified_on_the_patched_parse() {
        let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n";
        let config = Config::default();
        let opts = LintOptions {
            verify_fixes: false,
            ..LintOptions::new(&config)
        };
        let doc = yaml::parse(src.as_bytes());
        let timeouts = |diags: &[Diagnostic]| {
            diags
                .iter()
                .filter(|d| d.rule == "timeout")
                .map(|d| d.fixes.len())
                .sum::<usize>()
        };
        // Only timeout's fixes (others, such as a workflow-wide
        // `permissions:`, are verified alone and parse).
        let lint_timeouts = || {
            let mut diags = lint_parsed(".github/workflows/ci.yml", src, &doc, &opts);
            diags
                .iter_mut()
                .filter(|d| d.rule != "timeout")
                .for_each(|d| d.fixes.clear());
            diags
        };
        let mut diags = lint_timeouts();
        assert_eq!(timeouts(&diags), 3, "{diags:?}");
        let n = verify_all_counted(".github/workflows/ci.yml", src, &doc, &mut diags, &opts);
        assert_eq!(timeouts(&diags), 3, "{diags:?}");
        assert_eq!((n.relints, n.patched), (1, 1));

        // Job `b`'s fix replaced by one whose value the schema rejects.
        let mut diags = lint_timeouts();
        let b = diags
            .iter_mut()
            .find(|d| d.rule == "timeout" && d.message.contains("\"b\""))
            .expect("b has no timeout");
        let at = b.fixes[0].edits[0].range.start;
        b.fixes[0].edits[0] =
            crate::diagnostic::Edit::insert(".github/workflows/ci.yml", at, "\n    timeout-minutes: soon");
        let n = verify_all_counted(".github/workflows/ci.yml", src, &doc, &mut diags, &opts);
        assert_eq!(timeouts(&diags), 2, "{diags:?}");
        assert!(n.patched >= 2 && n.patched == n.relints, "{n:?}");
    }

    /// excessive-permissions' workflow-level `permissions:` block, inserted
    /// at the start of `jobs:`'s line, is verified on a patched tree; a
    /// block the `permissions` rule rejects, or one repeating a key of the
    /// workflow, is not offered.
    #[test]
    fn a_workflow_permissions_block_is_verified_on_the_patched_parse() {
        let path = ".github/workflows/ci.yml";
        let src = "on: push\n\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: make\n  b:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: make\n";
        let config = Config::default();
        let opts = LintOptions {
            verify_fixes: false,
            ..LintOptions::new(&config)
        };
        let doc = yaml::parse(src.as_bytes());
        let block = |diags: &[Diagnostic]| {
            diags
                .iter()
                .filter(|d| d.rule == "excessive-permissions")
                .flat_map(|d| &d.fixes)
                .filter(|f| f.edits.iter().any(|e| e.new_text.starts_with("permissions:")))
                .count()
        };
        let lint_block = |new_text: Option<&str>| {
            let mut diags = lint_parsed(path, src, &doc, &opts);
            diags
                .iter_mut()
                .filter(|d| d.rule != "excessive-permissions")
                .for_each(|d| d.fixes.clear());
            for fix in diags.iter_mut().flat_map(|d| d.fixes.iter_mut()) {
                for e in fix.edits.iter_mut().filter(|e| e.new_text.starts_with("permissions:")) {
                    if let Some(new_text) = new_text {
                        e.new_text = new_text.to_string();
                    }
                }
            }
            diags
        };
        let mut diags = lint_block(None);
        assert_eq!(block(&diags), 1, "{diags:?}");
        let n = verify_all_counted(path, src, &doc, &mut diags, &opts);
        assert_eq!(block(&diags), 1, "{diags:?}");
        assert!(n.relints >= 1 && n.patched == n.relints, "{n:?}");
        // A level the `permissions` rule rejects: patched, and dropped.
        let mut diags = lint_block(Some("permissions:\n  contents: sometimes\n\n"));
        let n = verify_all_counted(path, src, &doc, &mut diags, &opts);
        assert_eq!(block(&diags), 0, "{diags:?}");
        assert!(n.relints >= 1 && n.patched == n.relints, "{n:?}");
        // A key the workflow has: parsed (a duplicate key), and dropped.
        let mut diags = lint_block(Some("permissions: {}\non: push\n\n"));
        let n = verify_all_counted(path, src, &doc, &mut diags, &opts);
        assert_eq!(block(&diags), 0, "{diags:?}");
        assert_eq!(n.patched + 1, n.relints, "{n:?}");
    }

    /// template-injection's fix of a one-line plain `run:` (the `${{ }}`
    /// replaced by a quoted variable, the variable added to the step's
    /// `env:`) is verified on a patched tree; a replacement that makes the
    /// script a mapping (`"$X": x`) is parsed, and not offered.
    #[test]
    fn a_one_line_script_fix_is_verified_on_the_patched_parse() {
        let path = ".github/workflows/ci.yml";
        let src = "on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: echo ${{ github.event.issue.title }} done\n";
        let config = Config::default();
        let opts = LintOptions {
            verify_fixes: false,
            ..LintOptions::new(&config)
        };
        let doc = yaml::parse(src.as_bytes());
        let fixes = |diags: &[Diagnostic]| {
            diags
                .iter()
                .filter(|d| d.rule == "template-injection")
                .map(|d| d.fixes.len())
                .sum::<usize>()
        };
        let lint_fix = |replacement: Option<&str>| {
            let mut diags = lint_parsed(path, src, &doc, &opts);
            diags
                .iter_mut()
                .filter(|d| d.rule != "template-injection")
                .for_each(|d| d.fixes.clear());
            for fix in diags.iter_mut().flat_map(|d| d.fixes.iter_mut()) {
                for e in fix.edits.iter_mut().filter(|e| !e.range.is_empty()) {
                    if let Some(r) = replacement {
                        e.new_text = r.to_string();
                    }
                }
            }
            diags
        };
        let mut diags = lint_fix(None);
        assert_eq!(fixes(&diags), 1, "{diags:?}");
        let n = verify_all_counted(path, src, &doc, &mut diags, &opts);
        assert_eq!(fixes(&diags), 1, "{diags:?}");
        assert_eq!((n.relints, n.patched), (1, 1), "{diags:?}");
        let mut diags = lint_fix(Some("\"$TITLE\": x"));
        let n = verify_all_counted(path, src, &doc, &mut diags, &opts);
        assert_eq!(fixes(&diags), 0, "{diags:?}");
        assert_eq!((n.relints, n.patched), (1, 0));
    }

    /// With lone CR line ends a suppression comment silences the line
    /// below it and no other (every line was line 0, so one comment
    /// silenced the whole file).
    #[test]
    fn a_suppression_counts_lone_cr_lines() {
        let src = "on: push\rpermissions: {}\rjobs:\r  a:\r    runs-on: ubuntu-latest\r    # autoheal: ignore[expression]\r    if: ${{ github.event.pull_request.head.repo.fork == }}\r    steps:\r      - run: echo ${{ github.event.pull_request.head.repo.fork == }}\r";
        let config = Config::default();
        let opts = LintOptions {
            verify_fixes: false,
            ..LintOptions::new(&config)
        };
        let doc = yaml::parse(src.as_bytes());
        let idx = crate::text::LineIndex::new(src);
        let lines: Vec<u32> = lint_parsed(".github/workflows/ci.yml", src, &doc, &opts)
            .iter()
            .filter(|d| d.rule == "expression")
            .map(|d| idx.line_column(src, d.range.start).line)
            .collect();
        assert_eq!(lines, [9], "{lines:?}");
    }

    /// An inserted line that parts a suppression comment from the error it
    /// silenced makes that error new: the fix is dropped, although the
    /// rule that reports it reads nothing the edit touched (found in the
    /// review of the selective re-lint: the debug build's check panicked,
    /// a release build offered the fix).
    #[test]
    fn an_edit_that_unsilences_an_error_is_not_offered() {
        let src = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest # autoheal: ignore[expression]\n    if: ${{ github.event.pull_request.head.repo.fork == }}\n    steps:\n      - run: make\n";
        let config = Config::default();
        let opts = LintOptions {
            verify_fixes: false,
            ..LintOptions::new(&config)
        };
        let doc = yaml::parse(src.as_bytes());
        let mut diags = lint_parsed(".github/workflows/ci.yml", src, &doc, &opts);
        assert!(
            diags.iter().all(|d| d.severity != crate::diagnostic::Severity::Error),
            "{diags:?}"
        );
        let timeout = |diags: &[Diagnostic]| diags.iter().find(|d| d.rule == "timeout").map(|d| d.fixes.len());
        assert_eq!(timeout(&diags), Some(1), "{diags:?}");
        verify_all(".github/workflows/ci.yml", src, &doc, &mut diags, &opts);
        assert_eq!(timeout(&diags), Some(0), "{diags:?}");
    }

    /// A fix that creates in its job an expression error already reported
    /// in another job is not verified: the re-lint that checks only the
    /// edited job for the expression rule is completed with the other
    /// jobs' errors before, so the message counts 2 against 1 as in a
    /// whole re-lint (finfix20: counted 1 against 1, the fix was offered).
    #[test]
    fn a_fix_repeating_another_jobs_expression_error_is_not_offered() {
        let src = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n  b:\n    runs-on: ubuntu-latest\n    timeout-minutes: 10\n    if: ${{ nope }}\n    steps:\n      - run: make\n";
        let path = ".github/workflows/ci.yml";
        let config = Config::default();
        let opts = LintOptions {
            verify_fixes: false,
            ..LintOptions::new(&config)
        };
        let doc = yaml::parse(src.as_bytes());
        let mut diags = lint_parsed(path, src, &doc, &opts);
        let error = |diags: &[Diagnostic]| {
            diags
                .iter()
                .filter(|d| d.rule == "expression" && d.severity == crate::diagnostic::Severity::Error)
                .map(|d| d.message.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(error(&diags).len(), 1, "{diags:?}");
        let at = src.find("ubuntu-latest").expect("job a") + "ubuntu-latest".len();
        let timeout = diags
            .iter_mut()
            .find(|d| d.rule == "timeout")
            .expect("job a has no timeout-minutes");
        // Sets the timeout, and adds job b's condition to job a.
        let fix = crate::diagnostic::Fix::safe(
            "set the timeout",
            vec![crate::diagnostic::Edit::insert(
                path,
                at,
                "\n    timeout-minutes: 30\n    if: ${{ nope }}",
            )],
        );
        timeout.fixes = vec![fix.clone()];
        let fixed = crate::fix::apply_edits(path, src, &fix.edits.iter().collect::<Vec<_>>()).expect("applies");
        let whole = lint_parsed(path, &fixed, &yaml::parse(fixed.as_bytes()), &opts);
        assert_eq!(error(&whole), [error(&diags)[0].clone(), error(&diags)[0].clone()]);
        let relints = verify_all_counted(path, src, &doc, &mut diags, &opts);
        assert_eq!(relints.scoped, 1, "{relints:?}");
        let timeout = diags.iter().find(|d| d.rule == "timeout").expect("still reported");
        assert!(timeout.fixes.is_empty(), "{:?}", timeout.fixes);
    }

    /// Shapes the rule fixtures lack that a too narrow [`Rule::reads`]
    /// would miss, for the sweep below: registry credentials a password can
    /// be inserted into, a matrix `exclude` row whose value an edit makes
    /// match nothing, a plain value that becomes `key:value` when its end is
    /// replaced (`syntax`'s missing space).
    const SWEEP_EXTRA: &str = "on:\n  push:\n    branches:\n      - main\njobs:\n  a:\n    runs-on: ubuntu-latest\n    container:\n      image: ghcr.io/a/b:1\n      credentials:\n        username: u\n    strategy:\n      matrix:\n        os:\n          - one\n          - two\n        exclude:\n          - os: one\n    steps:\n      - id: s1\n        env:\n          A: runs-on:/x\n        run: echo\n";

    /// Every rule's [`Rule::reads`] against what it really reads: on every
    /// rule fixture (and [`SWEEP_EXTRA`]), each of a few entries inserted at
    /// every line end (at the columns around it) and the end of every scalar
    /// replaced by another word; whenever the tree is patched and a rule
    /// reads nothing the edit touched, the rule's errors on the edited text
    /// are its errors before, moved. The entries are chosen to make some
    /// rule report where they land: a job or step id outside the grammar,
    /// an unknown job in `needs:`, an unknown `permissions:` shorthand, a
    /// written registry password, a branch filter ending in `.`.
    #[test]
    fn a_rule_that_reads_nothing_an_edit_touched_finds_the_same_errors() {
        let config = Config::default();
        let opts = LintOptions {
            verify_fixes: false,
            ..LintOptions::new(&config)
        };
        let errors = |text: &str, doc: &Document| -> Vec<(&'static str, String, TextRange)> {
            let mut out: Vec<_> = lint_parsed(".github/workflows/f.yml", text, doc, &opts)
                .into_iter()
                .filter(|d| d.severity == crate::diagnostic::Severity::Error)
                .map(|d| (d.rule, d.message, d.range))
                .collect();
            out.sort();
            out
        };
        let files: Vec<_> = crate::rules::test_support::rule_fixture_files()
            .into_iter()
            .filter(|path| path.file_stem().is_none_or(|s| s != "action"))
            .collect();
        let (mut checked, mut skipped) = (0usize, 0usize);
        let sources = files
            .into_iter()
            .filter_map(|path| Some((std::fs::read_to_string(&path).ok()?, path)))
            .chain([(SWEEP_EXTRA.to_string(), "SWEEP_EXTRA".into())]);
        for (source, path) in sources {
            let doc = yaml::parse(source.as_bytes());
            if !doc.errors.is_empty() || doc.anchored || doc.root.is_none() {
                continue;
            }
            let before = errors(&source, &doc);
            let mut edits: Vec<crate::diagnostic::Edit> = Vec::new();
            for (end, column) in crate::rules::test_support::line_insertion_points(&source) {
                for entry in [
                    "timeout-minutes: 60",
                    "if: false",
                    "id: 1x",
                    "1x: a",
                    "needs: nope",
                    "permissions: v42",
                    "password: hunter2",
                    "branches: a.",
                ] {
                    let text = format!("\n{}{entry}", " ".repeat(column));
                    edits.push(crate::diagnostic::Edit::insert("f.yml", end, text));
                }
            }
            // And before every line (moving the line and all after it).
            let eol = crate::edit::line_ending(&source);
            for (start, column) in crate::rules::test_support::line_start_points(&source) {
                for entry in [
                    "timeout-minutes: 60",
                    "needs: nope",
                    "permissions: v42",
                    "1x: a",
                    "permissions: {}",
                ] {
                    let text = format!("{}{entry}{eol}", " ".repeat(column));
                    edits.push(crate::diagnostic::Edit::insert("f.yml", start, text));
                }
            }
            doc.root.as_ref().expect("root").walk(&mut |n| {
                if n.is_scalar() && n.span.len() >= 2 && source.is_char_boundary(n.span.end - 2) {
                    let range = TextRange::new(n.span.end - 2, n.span.end);
                    edits.push(crate::diagnostic::Edit::replace("f.yml", range, "v42"));
                }
            });
            for edit in &edits {
                let refs = [edit];
                let text = crate::fix::apply_edits("f.yml", &source, &refs).expect("edits apply");
                let Some((patched, touched)) = yaml::patch::apply_touched(&source, &doc, &refs, &text) else {
                    continue;
                };
                if before
                    .iter()
                    .any(|(_, _, r)| edit.range.start <= r.end && r.start <= edit.range.end)
                {
                    continue;
                }
                let after = errors(&text, &patched);
                for rule in RULES.iter().filter(|r| !r.reads.reads_any(&touched)) {
                    skipped += 1;
                    let mine = |list: &[(&'static str, String, TextRange)], moved: bool| {
                        list.iter()
                            .filter(|(id, _, _)| *id == rule.id)
                            .map(|(id, m, r)| {
                                let r = if moved { crate::edit::moved_past(&refs, *r) } else { *r };
                                (*id, m.clone(), r)
                            })
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(
                        mine(&after, false),
                        mine(&before, true),
                        "{}: {} reads what {edit:?} changed ({touched:?})",
                        path.display(),
                        rule.id
                    );
                }
                checked += 1;
            }
        }
        eprintln!("{checked} patched edits, {skipped} rule runs compared");
        assert!(checked > 1000 && skipped > 1000, "{checked} edits, {skipped} rule runs");
    }

    #[test]
    fn nesting_at_the_budget_is_analyzed_by_every_rule_without_overflow() {
        let deepest = MAX_DEPTH - 6;
        for value in [
            format!("{}x", "- ".repeat(deepest)),
            format!(
                "{}${{{{ github.event.issue.title }}}}{}",
                "[".repeat(deepest),
                "]".repeat(deepest)
            ),
            (0..deepest)
                .map(|i| format!("\n{}k{i}:", "  ".repeat(i + 7)))
                .collect::<String>()
                + " y",
        ] {
            let diags = lint_on_small_stack(format!("{HEAD}{value}\n"));
            assert!(diags.iter().all(|d| d.code != "syntax/limit"), "{diags:?}");
        }
    }

    /// zizmor's ignore comment on a step's `name:` line silences the step's
    /// template injections (its findings span the step), not the next
    /// step's.
    #[test]
    fn an_ignore_comment_in_a_step_silences_its_audit_findings() {
        let src = "runs:\n  using: composite\n  steps:\n    - name: setup  # zizmor: ignore[template-injection]\n      shell: bash\n      run: |\n        echo start\n        echo ${{ inputs.a }}\n    - shell: bash\n      run: echo ${{ inputs.b }}\n";
        let config = crate::config::Config::default();
        let diags = lint("action.yml", src.as_bytes(), &LintOptions::new(&config));
        let lines: Vec<usize> = diags
            .iter()
            .filter(|d| d.rule == "template-injection")
            .map(|d| crate::text::line_ends_before(src, d.range.start) + 1)
            .collect();
        assert_eq!(lines, [10]);
    }
}
