//! The uncolored snippet of the common diagnostic, written directly: what
//! `codespan_reporting::term::emit` (0.12, default `Config`) prints for a
//! diagnostic whose only label is its primary one, on one line of printable
//! ASCII, with no color. That is nearly every finding (about 95% on the
//! corpus), and codespan writes each source character through `fmt` and
//! checks every label per column: it was an eighth of `check`'s
//! instructions in human output.
//!
//! The layout, for line `N` (`P` = its number of digits):
//!
//! ```text
//! warning[rule]: message
//! ␣␣ ┌─ path:N:column          (P spaces, then " ┌─ ")
//! ␣␣ │
//! N │ the line, its \r \n \0 at the end trimmed
//! ␣␣ │ ^^^^^                   (spaces up to the label, one ^ per byte it covers, at least one)
//! ␣␣ │                         (only when there are notes)
//! ␣␣ = first line of a note
//! ␣␣   its next lines
//!                              (an empty line)
//! ```
//!
//! Anything else (secondary labels, a range over several lines, a line with a
//! tab, a control or a non-ASCII character, color) is left to codespan: the
//! caller renders it there. The property test below compares the two on
//! generated sources, ranges, messages and notes.

use std::io::Write as _;

use autoheal_engine::Severity;

/// Where each line of a text starts (as codespan's `SimpleFile` counts them:
/// 0, and after every `\n`).
pub(super) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub(super) fn new(text: &str) -> Lines {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Lines { starts }
    }

    /// The index of the line holding `offset`.
    fn index(&self, offset: usize) -> usize {
        self.starts
            .binary_search(&offset)
            .unwrap_or_else(|next| next.saturating_sub(1))
    }

    /// The byte range of line `index`, its line break included.
    fn range(&self, index: usize, len: usize) -> (usize, usize) {
        let start = self.starts[index];
        let end = self.starts.get(index + 1).copied().unwrap_or(len);
        (start, end)
    }
}

/// One diagnostic to write.
pub(super) struct Snippet<'a> {
    pub severity: Severity,
    pub code: &'a str,
    pub message: &'a str,
    /// The file name as shown.
    pub name: &'a str,
    /// The primary label's byte range in `text`.
    pub start: usize,
    pub end: usize,
    pub notes: &'a [String],
}

/// Writes `snippet` of `text` to `out` as codespan would, when it has the
/// shape this module knows; `false` (nothing written) otherwise.
pub(super) fn write(out: &mut Vec<u8>, text: &str, lines: &Lines, snippet: &Snippet<'_>) -> bool {
    let Snippet {
        severity,
        code,
        message,
        name,
        start,
        end,
        notes,
    } = *snippet;
    if start > end || end > text.len() {
        return false;
    }
    let index = lines.index(start);
    if lines.index(end) != index {
        return false;
    }
    let (line_start, line_end) = lines.range(index, text.len());
    let shown = text[line_start..line_end].trim_end_matches(['\n', '\r', '\0']);
    if !shown.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return false;
    }
    // Columns are bytes on a line of ASCII; the label covers at least one.
    let label_start = start - line_start;
    let label_end = (end - line_start).max(label_start + 1);
    let number = index + 1;
    let pad = number.ilog10() as usize + 1;
    let gutter = |out: &mut Vec<u8>| out.extend(std::iter::repeat_n(b' ', pad + 1));

    let severity = match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    };
    out.extend_from_slice(severity.as_bytes());
    if !code.is_empty() {
        let _ = write!(out, "[{code}]");
    }
    let _ = writeln!(out, ": {message}");
    gutter(out);
    let _ = writeln!(out, "┌─ {name}:{number}:{}", label_start + 1);
    gutter(out);
    out.extend_from_slice("│\n".as_bytes());
    let _ = writeln!(out, "{number} │ {shown}");
    gutter(out);
    out.extend_from_slice("│ ".as_bytes());
    // One column per byte of the line and one past its end, where a label
    // that runs to (or starts at) the line break is shown.
    let columns = shown.len() + 1;
    out.extend(std::iter::repeat_n(b' ', label_start.min(columns)));
    out.extend(std::iter::repeat_n(
        b'^',
        label_end.min(columns).saturating_sub(label_start),
    ));
    out.push(b'\n');
    if !notes.is_empty() {
        gutter(out);
        out.extend_from_slice("│\n".as_bytes());
    }
    for note in notes {
        for (k, line) in note.lines().enumerate() {
            gutter(out);
            out.extend_from_slice(if k == 0 { b"= " } else { b"  " });
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
    }
    out.push(b'\n');
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use codespan_reporting::diagnostic::{Diagnostic as Report, Label, LabelStyle};
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term::{self, termcolor};
    use proptest::prelude::*;

    fn codespan(text: &str, s: &Snippet<'_>) -> String {
        let base = match s.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
            Severity::Info => Report::note(),
        };
        let report = base
            .with_code(s.code)
            .with_message(s.message)
            .with_labels(vec![Label::new(LabelStyle::Primary, (), s.start..s.end)])
            .with_notes(s.notes.to_vec());
        let mut buffer = termcolor::Buffer::no_color();
        let file = SimpleFile::new(s.name, text);
        term::emit(&mut buffer, &term::Config::default(), &file, &report).unwrap();
        String::from_utf8(buffer.into_inner()).unwrap()
    }

    fn direct(text: &str, s: &Snippet<'_>) -> Option<String> {
        let mut out = Vec::new();
        write(&mut out, text, &Lines::new(text), s).then(|| String::from_utf8(out).unwrap())
    }

    /// A finding as `check` shows it: the direct writer takes it, and writes
    /// what codespan writes.
    #[test]
    fn a_common_finding_is_written_as_codespan_writes_it() {
        let text =
            "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v3\n";
        let at = text.find("actions/checkout@v3").unwrap();
        let notes = ["unsafe fix available: Use `actions/checkout@v4`".to_string()];
        for (start, end, notes) in [
            (at, at + 19, &notes[..]),
            (at, at, &[][..]),
            (text.find("build").unwrap(), text.find("build").unwrap() + 5, &[][..]),
        ] {
            let s = Snippet {
                severity: Severity::Warning,
                code: "action",
                message: "`actions/checkout@v3` runs on Node.js 16",
                name: ".github/workflows/ci.yml",
                start,
                end,
                notes,
            };
            assert_eq!(direct(text, &s).as_deref(), Some(codespan(text, &s).as_str()));
        }
        // Line 10 and over: a wider gutter.
        let long = "a: 1\n".repeat(12);
        let s = Snippet {
            severity: Severity::Error,
            code: "syntax",
            message: "m",
            name: "w.yml",
            start: 52,
            end: 54,
            notes: &["one\ntwo\r\nthree".to_string(), String::new()],
        };
        assert_eq!(direct(&long, &s).as_deref(), Some(codespan(&long, &s).as_str()));
    }

    #[test]
    fn other_shapes_are_left_to_codespan() {
        let s = |start, end| Snippet {
            severity: Severity::Info,
            code: "x",
            message: "m",
            name: "w.yml",
            start,
            end,
            notes: &[],
        };
        // Over two lines; a tab; a non-ASCII character; past the end; reversed.
        assert_eq!(direct("a: 1\nb: 2\n", &s(0, 7)), None);
        assert_eq!(direct("a:\t1\n", &s(0, 1)), None);
        assert_eq!(direct("a: é\n", &s(0, 1)), None);
        assert_eq!(direct("a: 1\n", &s(0, 9)), None);
        assert_eq!(direct("a: 1\n", &s(3, 2)), None);
    }

    /// Text from a few characters: ASCII, line breaks of both kinds, a tab,
    /// a NUL, a non-ASCII letter; so the direct writer takes some snippets
    /// and leaves others.
    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "a", "b", " ", ":", "-", "\n", "\r\n", "\r", "\t", "\0", "é", "~", "#",
            ]),
            0..60,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Wherever the direct writer writes a snippet, codespan writes the same bytes.
        #[test]
        fn the_direct_writer_agrees_with_codespan(
            text in text(),
            start in 0usize..70,
            len in 0usize..12,
            severity in prop::sample::select(vec![Severity::Error, Severity::Warning, Severity::Info]),
            code in prop::sample::select(vec!["", "timeout", "a-b/c"]),
            message in "[a-z \n`é]{0,12}",
            notes in prop::collection::vec("[a-z \n\r`é=]{0,10}", 0..3),
        ) {
            // On character boundaries (codespan slices the text there).
            let boundary = |mut o: usize| {
                o = o.min(text.len());
                while !text.is_char_boundary(o) {
                    o -= 1;
                }
                o
            };
            let (start, end) = (boundary(start), boundary(start + len));
            let s = Snippet { severity, code, message: &message, name: "d/w.yml", start, end, notes: &notes };
            if let Some(direct) = direct(&text, &s) {
                prop_assert_eq!(direct, codespan(&text, &s));
            }
        }
    }
}
