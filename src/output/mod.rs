//! Output formats for `check`.

mod github;
mod human;
mod json;
mod sarif;

use std::io::Write;

use autoheal_engine::json::pretty::Pretty;
use clap::ValueEnum;

use crate::Verbosity;
use crate::check::FileReport;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// Source snippets with labels (colored as `--color` says).
    Human,
    /// Machine-readable; see docs/json-output.md.
    Json,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…::…`).
    Github,
}

pub fn write(out: &mut dyn Write, format: Format, reports: &[FileReport], verbosity: &Verbosity) -> anyhow::Result<()> {
    match format {
        Format::Human => human::write(out, reports, verbosity),
        Format::Json => json::write(out, reports),
        Format::Sarif => sarif::write(out, reports),
        Format::Github => github::write(out, reports),
    }
}

/// Write `head`, a document in `serde_json::to_writer_pretty`'s layout, with
/// the one string value equal to [`ITEMS`] replaced by an array of every
/// file's items: `items` pushes one file's, in the worker threads, so the
/// JSON and SARIF of thousands of findings are not built and printed on one
/// thread after the lint. The output is byte-identical to printing the whole
/// value (tested below against the slow path).
pub(crate) fn write_pretty_with_items(
    out: &mut dyn Write,
    head: &str,
    reports: &[FileReport],
    items: &(dyn Fn(&FileReport, &mut Items) + Sync),
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    let marker = serde_json::to_string(ITEMS)?;
    let at = head.find(&marker).expect("the skeleton holds the items marker");
    // serde_json indents by two spaces per level; the marker's line shows
    // the level of the array it stands for.
    let line_start = head[..at].rfind('\n').map_or(0, |i| i + 1);
    let indent = head[line_start..].len() - head[line_start..].trim_start().len();
    let item_indent = " ".repeat(indent + 2);
    let parts: Vec<Vec<u8>> = reports
        .par_iter()
        .map(|rep| {
            let mut part = Items {
                text: Vec::new(),
                indent: item_indent.as_bytes(),
            };
            items(rep, &mut part);
            part.text
        })
        .collect();
    out.write_all(&head.as_bytes()[..at])?;
    let mut first = true;
    for part in parts.iter().filter(|p| !p.is_empty()) {
        out.write_all(if first { b"[\n" } else { b",\n" })?;
        out.write_all(part)?;
        first = false;
    }
    if first {
        out.write_all(b"[]")?;
    } else {
        write!(out, "\n{}]", " ".repeat(indent))?;
    }
    out.write_all(&head.as_bytes()[at + marker.len()..])?;
    writeln!(out)?;
    Ok(())
}

/// The positions of one file's findings: the ends of their ranges, of their
/// labels' and of their fixes' edits, every offset the JSON, SARIF and
/// GitHub writers ask a position for (an edit to another file is placed in
/// this one by SARIF, as it always was, and left without one by JSON).
pub(crate) fn positions(rep: &FileReport) -> autoheal_engine::text::Positions {
    let ends = |r: autoheal_engine::TextRange| [r.start, r.end];
    let offsets = rep.diagnostics.iter().flat_map(|d| {
        let labels = d.labels.iter().map(|l| l.range);
        let edits = d.fixes.iter().flat_map(|f| &f.edits).map(|e| e.range);
        std::iter::once(d.range).chain(labels).chain(edits).flat_map(ends)
    });
    autoheal_engine::text::Positions::new(&rep.source, offsets)
}

/// The placeholder for the items array in [`write_pretty_with_items`].
pub(crate) const ITEMS: &str = "\u{0}items";

/// One file's items of the array [`write_pretty_with_items`] prints, each
/// pretty-printed at the array's depth.
pub(crate) struct Items<'a> {
    text: Vec<u8>,
    indent: &'a [u8],
}

impl Items<'_> {
    /// One item, written by `write` at the array's depth.
    pub(crate) fn push(&mut self, write: impl FnOnce(&mut Pretty)) {
        if !self.text.is_empty() {
            self.text.extend_from_slice(b",\n");
        }
        self.text.extend_from_slice(self.indent);
        write(&mut Pretty::new(&mut self.text, self.indent.len()));
    }
}

/// 1-based line/column of both ends of a range, for every format.
pub struct Region {
    pub start_line: u32,
    pub start_column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

pub fn region(
    index: &impl autoheal_engine::text::ToLineColumn,
    source: &str,
    range: autoheal_engine::TextRange,
) -> Region {
    let s = index.to_line_column(source, range.start);
    let e = index.to_line_column(source, range.end);
    Region {
        start_line: s.line,
        start_column: s.column,
        end_line: e.line,
        end_column: e.column,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_engine::{Config, LintOptions, lint};

    fn report(path: &str, source: &str) -> FileReport {
        let config = Config::default();
        FileReport {
            path: path.to_string(),
            source: source.to_string(),
            diagnostics: lint(path, source.as_bytes(), &LintOptions::new(&config)),
            applied: Vec::new(),
        }
    }

    /// Each file's items rendered apart give exactly what printing the
    /// whole document at once gives: with findings and fixes in several
    /// files, a clean file between them, and no finding at all.
    #[test]
    fn items_rendered_per_file_print_as_the_whole_document() {
        let dirty = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo \"${{ github.event.issue.title }}\" é\n";
        let clean = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - run: echo hi\n";
        let broken = "on: push\njobs:\n  a:\n    runs-on: [\n";
        let many = vec![
            report(".github/workflows/a.yml", dirty),
            report(".github/workflows/b.yml", clean),
            report(".github/workflows/c.yml", broken),
            report(".github/workflows/d.yml", dirty),
        ];
        assert!(
            many[0].diagnostics.iter().any(|d| !d.fixes.is_empty()),
            "{:?}",
            many[0].diagnostics
        );
        assert!(many[1].diagnostics.is_empty(), "{:?}", many[1].diagnostics);
        let none = vec![report(".github/workflows/b.yml", clean)];
        for reports in [many, none, Vec::new()] {
            let mut fast = Vec::new();
            json::write(&mut fast, &reports).unwrap();
            let slow = serde_json::to_string_pretty(&json::diagnostics_json(&reports)).unwrap() + "\n";
            assert_eq!(String::from_utf8(fast).unwrap(), slow);
            let mut fast = Vec::new();
            sarif::write(&mut fast, &reports).unwrap();
            let slow = serde_json::to_string_pretty(&sarif::sarif_json(&reports)).unwrap() + "\n";
            assert_eq!(String::from_utf8(fast).unwrap(), slow);
        }
    }

    /// Generated findings (every field set or left out, strings with escapes
    /// and multi-byte characters, fixes to the file and to another file,
    /// rules known or not) print through the fixed-shape writers exactly as
    /// through serde_json's `Value`, so the documents parse as JSON to the
    /// same value.
    mod generated {
        use super::super::{json, sarif};
        use crate::check::FileReport;
        use autoheal_engine::rules::RULES;
        use autoheal_engine::{AuditSeverity, Confidence, Diagnostic, Edit, Fix, Label, Severity, TextRange};
        use proptest::prelude::*;

        const SOURCE: &str = "on: push\njobs:\n  é:\n    runs-on: x\n";
        const TEXT: &str = "(\\PC|[\\x00-\\x1f\"\\\\]){0,12}";

        /// A range of `SOURCE` on character boundaries (`é` is bytes 17..19;
        /// an offset inside it is moved to its start).
        fn range() -> impl Strategy<Value = TextRange> {
            (0usize..SOURCE.len(), 0usize..6).prop_map(|(start, len)| {
                let boundary = |o: usize| if o == 18 { 17 } else { o.min(SOURCE.len()) };
                TextRange::new(boundary(start), boundary(start + len))
            })
        }

        fn fix() -> impl Strategy<Value = Fix> {
            let path = prop::sample::select(vec!["w.yml", "other.yml"]);
            let edit = (path, range(), TEXT).prop_map(|(p, r, t)| Edit::replace(p, r, t));
            (TEXT, TEXT, 0u8..3, any::<bool>(), prop::collection::vec(edit, 0..3)).prop_map(
                |(title, explanation, level, fallback, edits)| {
                    let mut fix = match level {
                        0 => Fix::safe(title, edits),
                        1 => Fix::unsafe_(title, edits),
                        _ => Fix::display_only(title, edits),
                    };
                    fix.explanation = explanation;
                    fix.fallback = fallback;
                    fix
                },
            )
        }

        fn diagnostic() -> impl Strategy<Value = Diagnostic> {
            let mut rules: Vec<&'static str> = RULES.iter().map(|r| r.id).collect();
            rules.push("not-a-rule");
            let severity = prop::sample::select(vec![Severity::Info, Severity::Warning, Severity::Error]);
            let confidence = prop::sample::select(vec![Confidence::Low, Confidence::Medium, Confidence::High]);
            let audit = prop::option::of(prop::sample::select(vec![
                AuditSeverity::Low,
                AuditSeverity::Medium,
                AuditSeverity::High,
            ]));
            let label = (range(), TEXT).prop_map(|(range, message)| Label { range, message });
            (
                prop::sample::select(rules),
                severity,
                confidence,
                audit,
                TEXT,
                range(),
                prop::collection::vec(label, 0..3),
                prop::collection::vec(fix(), 0..3),
            )
                .prop_map(|(rule, severity, confidence, audit, message, range, labels, fixes)| {
                    let mut d = Diagnostic::new("w.yml", rule, severity, range, message).with_confidence(confidence);
                    d.audit_severity = audit;
                    d.labels = labels;
                    d.fixes = fixes;
                    d
                })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]
            #[test]
            fn written_documents_equal_the_serde_json_values(
                files in prop::collection::vec(prop::collection::vec(diagnostic(), 0..4), 0..3),
            ) {
                let reports: Vec<FileReport> = files
                    .into_iter()
                    .map(|diagnostics| FileReport {
                        path: "w.yml".to_string(),
                        source: SOURCE.to_string(),
                        diagnostics,
                        applied: Vec::new(),
                    })
                    .collect();
                let mut fast = Vec::new();
                json::write(&mut fast, &reports).unwrap();
                let slow = json::diagnostics_json(&reports);
                prop_assert_eq!(serde_json::from_slice::<serde_json::Value>(&fast).unwrap(), slow.clone());
                prop_assert_eq!(String::from_utf8(fast).unwrap(), serde_json::to_string_pretty(&slow).unwrap() + "\n");
                let mut fast = Vec::new();
                sarif::write(&mut fast, &reports).unwrap();
                let slow = sarif::sarif_json(&reports);
                prop_assert_eq!(serde_json::from_slice::<serde_json::Value>(&fast).unwrap(), slow.clone());
                prop_assert_eq!(String::from_utf8(fast).unwrap(), serde_json::to_string_pretty(&slow).unwrap() + "\n");
            }

            /// Each SARIF replacement is under its own file's
            /// `artifactLocation` (one `artifactChange` per file, SARIF
            /// 2.1.0's `fix`), and its region, read back (line and column
            /// in `SOURCE` for the finding's file, bytes for another), is
            /// exactly an edit of the fix: the same edits, none moved to
            /// another file.
            #[test]
            fn each_sarif_replacement_is_an_edit_of_its_own_file(diagnostics in prop::collection::vec(diagnostic(), 0..4)) {
                let report = FileReport {
                    path: "w.yml".to_string(),
                    source: SOURCE.to_string(),
                    diagnostics,
                    applied: Vec::new(),
                };
                let mut out = Vec::new();
                sarif::write(&mut out, std::slice::from_ref(&report)).unwrap();
                let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
                let results = doc["runs"][0]["results"].as_array().unwrap();
                prop_assert_eq!(results.len(), report.diagnostics.len());
                // A 1-based line and code-point column of `SOURCE`, as bytes.
                let offset = |line: u64, column: u64| -> usize {
                    let start: usize = SOURCE.split_inclusive('\n').take(line as usize - 1).map(str::len).sum();
                    start + SOURCE[start..].chars().take(column as usize - 1).map(char::len_utf8).sum::<usize>()
                };
                for (d, result) in report.diagnostics.iter().zip(results) {
                    let fixes = result["fixes"].as_array().map_or(&[][..], Vec::as_slice);
                    prop_assert_eq!(fixes.len(), d.fixes.len());
                    for (fix, written) in d.fixes.iter().zip(fixes) {
                        let mut want: Vec<(String, usize, usize, String)> = fix
                            .edits
                            .iter()
                            .map(|e| (e.path.clone(), e.range.start, e.range.end, e.new_text.clone()))
                            .collect();
                        let mut got = Vec::new();
                        let mut uris = Vec::new();
                        for change in written["artifactChanges"].as_array().unwrap() {
                            let uri = change["artifactLocation"]["uri"].as_str().unwrap().to_string();
                            prop_assert!(!uris.contains(&uri), "one artifactChange per file: {}", uri);
                            uris.push(uri.clone());
                            for r in change["replacements"].as_array().unwrap() {
                                let region = &r["deletedRegion"];
                                let n = |k: &str| region[k].as_u64().unwrap();
                                let (start, end) = if uri == "w.yml" {
                                    (offset(n("startLine"), n("startColumn")), offset(n("endLine"), n("endColumn")))
                                } else {
                                    prop_assert!(region.get("startLine").is_none());
                                    (n("byteOffset") as usize, (n("byteOffset") + n("byteLength")) as usize)
                                };
                                let text = r["insertedContent"]["text"].as_str().unwrap().to_string();
                                got.push((uri.clone(), start, end, text));
                            }
                        }
                        want.sort();
                        got.sort();
                        prop_assert_eq!(got, want);
                    }
                }
            }
        }
    }
}
