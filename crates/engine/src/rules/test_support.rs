//! Helpers for the golden tests beside each rule.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::lint::{LintOptions, lint};

pub const PATH: &str = ".github/workflows/ci.yml";

/// Every place the fixture sweeps insert a line, as `(offset, column)`:
/// each line's end (and the text's end), at that line's indentation and
/// at the next line's.
pub fn line_insertion_points(source: &str) -> Vec<(usize, usize)> {
    let mut points = Vec::new();
    let mut offset = 0;
    while offset <= source.len() {
        let end = crate::edit::line_end(source, offset);
        let next = source[end..].find('\n').map(|i| end + i + 1);
        let mut columns = vec![crate::edit::indent_of_line(source, offset)];
        if let Some(n) = next.filter(|n| *n < source.len()) {
            columns.push(crate::edit::indent_of_line(source, n));
        }
        columns.dedup();
        points.extend(columns.into_iter().map(|column| (end, column)));
        match next {
            Some(n) => offset = n,
            None => break,
        }
    }
    points
}

/// Every line start of `source` that is not its end, with that line's
/// indentation: where the fixture sweeps insert lines before a line.
pub fn line_start_points(source: &str) -> Vec<(usize, usize)> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|start| *start < source.len())
        .map(|start| (start, crate::edit::indent_of_line(source, start)))
        .collect()
}

/// Every `.yml`/`.yaml` file under the rule fixtures (`tests/rules`), for
/// the sweeps that edit each fixture everywhere an edit can go.
pub fn rule_fixture_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/rules"
    ))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixture dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml") {
                files.push(path);
            }
        }
    }
    files
}

pub fn lint_str(src: &str) -> Vec<Diagnostic> {
    lint(PATH, src.as_bytes(), &LintOptions::new(&Config::default()))
}

pub fn lint_rule(src: &str, rule: &str) -> Vec<Diagnostic> {
    lint_str(src).into_iter().filter(|d| d.rule == rule).collect()
}

/// `line:col: message` for each diagnostic of `rule`, like actionlint's
/// golden files.
pub fn render(src: &str, rule: &str) -> Vec<String> {
    let idx = crate::text::LineIndex::new(src);
    lint_rule(src, rule)
        .iter()
        .map(|d| {
            let p = idx.line_column(src, d.range.start);
            format!("{}:{}: {}", p.line, p.column, d.message)
        })
        .collect()
}

/// Apply the first fix of the first diagnostic of `rule`, then check the
/// result no longer has that diagnostic and that fixing again is a no-op.
pub fn apply_first_fix(src: &str, rule: &str) -> String {
    let diags = lint_rule(src, rule);
    let d = diags.first().unwrap_or_else(|| panic!("no {rule} diagnostic"));
    let fix = d.fixes.first().unwrap_or_else(|| panic!("no verified fix on {d:?}"));
    let edits: Vec<_> = fix.edits.iter().collect();
    let out = crate::fix::apply_edits(PATH, src, &edits).expect("fix applies");
    let after = lint_str(&out);
    assert!(
        !after.iter().any(|x| x.rule == rule && x.message == d.message),
        "diagnostic still there after fix:\n{out}"
    );
    out
}

/// A repository view that counts the reads of the files whose path ends
/// with a suffix: how tests see that a file is read once, not once per use.
pub struct CountingRepo {
    inner: crate::repo::MemoryRepo,
    suffix: &'static str,
    reads: std::sync::atomic::AtomicUsize,
}

impl CountingRepo {
    pub fn new(inner: crate::repo::MemoryRepo, suffix: &'static str) -> Self {
        CountingRepo {
            inner,
            suffix,
            reads: Default::default(),
        }
    }

    pub fn reads(&self) -> usize {
        self.reads.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl crate::repo::RepoFiles for CountingRepo {
    fn read(&self, path: &str) -> Option<std::borrow::Cow<'_, str>> {
        if path.ends_with(self.suffix) {
            self.reads.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        self.inner.read(path)
    }

    fn list(&self) -> Option<std::borrow::Cow<'_, [String]>> {
        self.inner.list()
    }
}

/// The edits the fixture sweeps try on `source` (parsed as `doc`): each of
/// `after` as a new line at every line end (at that line's indentation and
/// the next one's), each of `before` as a new line at every line start, and
/// the last two bytes of every scalar replaced by a word.
pub fn sweep_edits(
    source: &str,
    doc: &crate::yaml::Document,
    after: &[&str],
    before: &[&str],
) -> Vec<crate::diagnostic::Edit> {
    use crate::diagnostic::Edit;
    let mut edits: Vec<Edit> = Vec::new();
    for (end, column) in line_insertion_points(source) {
        for entry in after {
            let text = format!("\n{}{entry}", " ".repeat(column));
            edits.push(Edit::insert("f.yml", end, text));
        }
    }
    let eol = crate::edit::line_ending(source);
    for (start, column) in line_start_points(source) {
        for entry in before {
            let text = format!("{}{entry}{eol}", " ".repeat(column));
            edits.push(Edit::insert("f.yml", start, text));
        }
    }
    if let Some(root) = &doc.root {
        root.walk(&mut |n| {
            if n.is_scalar() && n.span.len() >= 2 && source.is_char_boundary(n.span.end - 2) {
                let range = crate::text::TextRange::new(n.span.end - 2, n.span.end);
                edits.push(Edit::replace("f.yml", range, "v42"));
            }
        });
    }
    edits
}

/// Every workflow rule fixture that parses without error or anchor, with
/// its text, its tree and the ranges of its error-severity findings (linted
/// as `path` with `opts`): what the re-lint sweeps edit, leaving out edits
/// that fall inside an error as verification does.
pub fn clean_workflow_fixtures(
    path: &str,
    opts: &LintOptions<'_>,
) -> Vec<(
    std::path::PathBuf,
    String,
    crate::yaml::Document,
    Vec<crate::text::TextRange>,
)> {
    rule_fixture_files()
        .into_iter()
        .filter(|p| p.file_stem().is_none_or(|s| s != "action"))
        .filter_map(|file| {
            let source = std::fs::read_to_string(&file).ok()?;
            let doc = crate::yaml::parse(source.as_bytes());
            if !doc.errors.is_empty() || doc.anchored || doc.root.is_none() {
                return None;
            }
            let errors = lint(path, source.as_bytes(), opts)
                .into_iter()
                .filter(|d| d.severity == crate::diagnostic::Severity::Error)
                .map(|d| d.range)
                .collect();
            Some((file, source, doc, errors))
        })
        .collect()
}
