//! Output formats for `check`.

mod github;
mod human;
mod json;
mod sarif;

use std::io::Write;

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

/// Pretty-print `skeleton` as `serde_json::to_writer_pretty` does, with the
/// one string value equal to [`ITEMS`] replaced by an array of every file's
/// items: `items` pushes one file's, in the worker threads, so the JSON and
/// SARIF of thousands of findings are not built and printed on one thread
/// after the lint. The output is byte-identical to printing the whole value
/// (tested below against the slow path).
pub(crate) fn write_pretty_with_items(
    out: &mut dyn Write,
    skeleton: &serde_json::Value,
    reports: &[FileReport],
    items: &(dyn Fn(&FileReport, &mut Items) + Sync),
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    let head = serde_json::to_string_pretty(skeleton)?;
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

/// The placeholder for the items array in [`write_pretty_with_items`].
pub(crate) const ITEMS: &str = "\u{0}items";

/// One file's items of the array [`write_pretty_with_items`] prints, each
/// pretty-printed at the array's depth.
pub(crate) struct Items<'a> {
    text: Vec<u8>,
    indent: &'a [u8],
}

impl Items<'_> {
    pub(crate) fn push(&mut self, item: &impl serde::Serialize) {
        if !self.text.is_empty() {
            self.text.extend_from_slice(b",\n");
        }
        self.text.extend_from_slice(self.indent);
        let layout = PrettyAt {
            base: self.indent.len(),
            level: 0,
            has_value: false,
        };
        let mut ser = serde_json::Serializer::with_formatter(&mut self.text, layout);
        item.serialize(&mut ser).expect("writing to memory cannot fail");
    }
}

/// serde_json's pretty layout (`to_string_pretty`: two spaces a level,
/// `"key": value`, `[]` and `{}` when empty) for a value whose lines start
/// `base` spaces in. Each line's indentation is written in one piece: a
/// writer adding it after every line break read every byte of the output
/// again, a few percent of `--format json`'s time.
struct PrettyAt {
    base: usize,
    level: usize,
    /// Whether the innermost array or object open has a member.
    has_value: bool,
}

impl PrettyAt {
    fn line<W: ?Sized + Write>(&self, out: &mut W, first: bool) -> std::io::Result<()> {
        const SPACES: &[u8; 128] = &[b' '; 128];
        out.write_all(if first { b"\n" } else { b",\n" })?;
        let mut width = self.base + 2 * self.level;
        while width > 0 {
            let n = width.min(SPACES.len());
            out.write_all(&SPACES[..n])?;
            width -= n;
        }
        Ok(())
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line(out, true)?;
        }
        out.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for PrettyAt {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> std::io::Result<()> {
        self.line(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> std::io::Result<()> {
        self.line(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// 1-based line/column of both ends of a range, for every format.
pub struct Region {
    pub start_line: u32,
    pub start_column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

pub fn region(index: &autoheal_engine::LineIndex, source: &str, range: autoheal_engine::TextRange) -> Region {
    let s = index.line_column(source, range.start);
    let e = index.line_column(source, range.end);
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

    /// An item laid out at a depth is serde_json's pretty printing of it
    /// with every line but the first indented: empty and nested arrays and
    /// objects, escaped line breaks, deeper than one run of spaces.
    #[test]
    fn an_item_at_a_depth_is_the_pretty_value_indented() {
        let mut deep = serde_json::json!("end");
        for i in 0..70 {
            deep = serde_json::json!({ "level": i, "next": [deep, [], {}] });
        }
        let value = serde_json::json!({
            "a": [], "b": {}, "c": [[]], "d": [{}, {"e": "x\ny"}], "f": null, "g": 1.5, "deep": deep,
        });
        for indent in ["", "    "] {
            let mut items = Items {
                text: Vec::new(),
                indent: indent.as_bytes(),
            };
            items.push(&value);
            items.push(&serde_json::json!([]));
            let pretty = |v: &serde_json::Value| {
                let text = serde_json::to_string_pretty(v).unwrap();
                format!("{indent}{}", text.replace('\n', &format!("\n{indent}")))
            };
            let expected = format!("{},\n{}", pretty(&value), pretty(&serde_json::json!([])));
            assert_eq!(String::from_utf8(items.text).unwrap(), expected);
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
}
