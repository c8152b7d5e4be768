//! From byte offsets in a scalar's decoded value to byte offsets in the
//! file. Plain and quoted one-line scalars without escapes decode to their
//! own source text, and literal block scalars only lose each line's
//! indentation; both map exactly. Folded, multi-line or escaped scalars are
//! mapped by finding the expression's text in the raw source, falling back
//! to the scalar's start.

use autoheal_expr::Span;

use crate::yaml::{Node, ScalarStyle};

pub(crate) struct ScalarSource<'a> {
    source: &'a str,
    value: &'a str,
    /// The node's span, for the fallback.
    start: usize,
    /// The node's span's end, for a literal block's lines.
    end: usize,
    /// The raw content (quotes or block header excluded).
    content: (usize, usize),
    style: ScalarStyle,
    /// Worked out on the first offset asked for: most scalars a rule maps
    /// report nothing, and a literal block's line table (a script's) was a
    /// third of the template-injection rule's time in the language server.
    mapping: std::cell::OnceCell<Mapping>,
}

enum Mapping {
    /// `source[content.0 + v]` is `value[v]`.
    Direct,
    /// Literal block: value line `i` starts at `value_lines[i]` and sits at
    /// `raw_lines[i]` in the file.
    Lines {
        value_lines: Vec<usize>,
        raw_lines: Vec<usize>,
    },
    /// Only searching the raw text can tell.
    Search,
}

impl<'a> ScalarSource<'a> {
    pub(crate) fn new(source: &'a str, node: &'a Node) -> Option<Self> {
        let scalar = node.as_scalar()?;
        let value = scalar.value.as_str();
        let span = node.span;
        let raw = source.get(span.start..span.end)?;
        let quoted = matches!(scalar.style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted) && raw.len() >= 2;
        let content = if quoted {
            (span.start + 1, span.end - 1)
        } else {
            (span.start, span.end)
        };
        Some(ScalarSource {
            source,
            value,
            start: span.start,
            end: span.end,
            content,
            style: scalar.style,
            mapping: std::cell::OnceCell::new(),
        })
    }

    fn mapping(&self) -> &Mapping {
        self.mapping.get_or_init(|| match self.style {
            ScalarStyle::Literal => {
                literal_lines(self.source, self.start, self.end, self.value).unwrap_or(Mapping::Search)
            }
            _ if self.source.get(self.content.0..self.content.1) == Some(self.value) => Mapping::Direct,
            _ => Mapping::Search,
        })
    }

    /// The file offset of value offset `v`, exactly, or `None` when the
    /// scalar's encoding makes that unknowable without search.
    pub(crate) fn exact(&self, v: usize) -> Option<usize> {
        match self.mapping() {
            Mapping::Direct => Some(self.content.0 + v),
            Mapping::Lines { value_lines, raw_lines } => {
                let line = value_lines.partition_point(|s| *s <= v).checked_sub(1)?;
                Some(raw_lines.get(line)? + (v - value_lines[line]))
            }
            Mapping::Search => None,
        }
    }

    /// The file offset of value offset `v`, which lies inside `anchor` (a
    /// piece of the value, e.g. one `${{ }}`, whose text is searched for
    /// when the mapping is not exact).
    pub(crate) fn offset(&self, v: usize, anchor: Span) -> usize {
        if let Some(o) = self.exact(v) {
            return o;
        }
        let Some(needle) = self.value.get(anchor.start..anchor.end) else {
            return self.start;
        };
        let hay = self.source.get(self.content.0..self.content.1).unwrap_or("");
        match (
            needle.is_empty(),
            memchr::memmem::find(hay.as_bytes(), needle.as_bytes()),
        ) {
            (false, Some(p)) => self.content.0 + p + v.saturating_sub(anchor.start).min(needle.len()),
            _ => self.start,
        }
    }

    pub(crate) fn value(&self) -> &'a str {
        self.value
    }
}

/// Map a literal block scalar line by line: each value line is a raw line
/// without its indentation. `None` when the lines do not line up (then the
/// caller searches instead).
fn literal_lines(source: &str, start: usize, end: usize, value: &str) -> Option<Mapping> {
    let raw = source.get(start..end)?;
    let header_end = raw.find('\n')? + 1;
    let header = &raw[..header_end];
    let explicit = header
        .bytes()
        .find(|b| b.is_ascii_digit() && *b != b'0')
        .map(|b| usize::from(b - b'0'));
    let body_start = start + header_end;
    let body = &source[body_start..end];
    let lines: Vec<(usize, &str)> = line_spans(body).map(|(o, l)| (body_start + o, l)).collect();
    let indent = match explicit {
        Some(n) => {
            source[..start].rfind('\n').map_or(0, |nl| {
                let line = &source[nl + 1..start];
                line.len() - line.trim_start_matches(' ').len()
            }) + n
        }
        None => lines
            .iter()
            .find(|(_, l)| !l.trim().is_empty())
            .map(|(_, l)| l.len() - l.trim_start_matches(' ').len())?,
    };
    let mut value_lines = Vec::new();
    let mut raw_lines = Vec::new();
    for ((voff, vline), (roff, rline)) in line_spans(value).zip(lines.iter()) {
        let content = rline.get(indent..).unwrap_or("");
        if content != vline && !(vline.is_empty() && rline.trim().is_empty()) {
            return None;
        }
        value_lines.push(voff);
        raw_lines.push(roff + indent.min(rline.len()));
    }
    Some(Mapping::Lines { value_lines, raw_lines })
}

/// `(offset, line)` for each line, without its `\n` or `\r\n`.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split('\n').map(move |l| {
        let o = at;
        at += l.len() + 1;
        (o, l.strip_suffix('\r').unwrap_or(l))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse;

    fn scalar_at<'d>(doc: &'d crate::yaml::Document, key: &str) -> &'d Node {
        doc.root.as_ref().and_then(|r| r.get(key)).expect("key")
    }

    #[test]
    fn plain_and_quoted_map_directly() {
        let src = "a: echo ${{ x }}\nb: 'echo ${{ y }}'\n";
        let doc = parse(src.as_bytes());
        let a = ScalarSource::new(src, scalar_at(&doc, "a")).unwrap();
        assert_eq!(&src[a.exact(5).unwrap()..a.exact(5).unwrap() + 3], "${{");
        let b = ScalarSource::new(src, scalar_at(&doc, "b")).unwrap();
        assert_eq!(&src[b.exact(5).unwrap()..b.exact(5).unwrap() + 3], "${{");
    }

    #[test]
    fn literal_blocks_map_line_by_line() {
        let src = "run: |\n    echo one\n\n    echo ${{ x }}\r\nafter: 1\n";
        let doc = parse(src.as_bytes());
        let node = scalar_at(&doc, "run");
        let m = ScalarSource::new(src, node).unwrap();
        let v = m.value().find("${{").unwrap();
        let o = m.exact(v).unwrap();
        assert_eq!(&src[o..o + 5], "${{ x");
    }

    #[test]
    fn escaped_and_folded_scalars_are_searched() {
        let src = "a: \"say \\\"hi\\\" ${{ x }}\"\nb: >\n  one\n  two ${{ y }}\n";
        let doc = parse(src.as_bytes());
        for key in ["a", "b"] {
            let m = ScalarSource::new(src, scalar_at(&doc, key)).unwrap();
            let v = m.value().find("${{").unwrap();
            assert!(m.exact(v).is_none());
            let o = m.offset(v + 4, Span::new(v, v + 8));
            assert_eq!(&src[o..o + 1], if key == "a" { "x" } else { "y" });
        }
    }
}
