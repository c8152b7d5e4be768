//! A direct reader for the block YAML that workflows are nearly all written
//! in, producing the same events as `saphyr-parser` with byte ranges.
//!
//! saphyr's scanner reads its input one `char` at a time through a lookahead
//! buffer and builds every scalar by pushing characters into a `String`: it
//! was about 38% of `autoheal check`'s instructions on the corpus. Most
//! workflow lines are `key: value`, `- item` and `run: |` blocks, which need
//! none of that: this reader handles exactly those shapes (and flow
//! collections, on one line or over several), byte by byte on line
//! boundaries, and answers `None` for anything else (anchors, aliases,
//! tags, multi-line quoted scalars,
//! plain scalars continued after a comment or with `: ` inside, tabs, carriage
//! returns, explicit indentation indicators, documents past the first, …) so
//! the caller parses the text with saphyr instead. It never reports an
//! error: every text it accepts is one saphyr reads without error.
//!
//! What makes the two agree is checked, not assumed: debug builds parse every
//! distinct text both ways, once per process, and assert the same tree
//! (`build::parse_once`), the unit tests compare them on every rule fixture
//! and on mutations of them, `cargo xtask eval corpus` on every corpus file
//! and fix, and the `yaml_fast` fuzz target (`crates/fuzz-targets`) on
//! mutated text in release builds, where the debug comparison does not run.

use std::borrow::Cow;

use saphyr_parser::{Event, ScalarStyle};

use crate::text::TextRange;

/// Block collections nested deeper than this are left to saphyr and the
/// builder's depth budget (real workflows nest about 10 deep); the reader
/// recurses once per level.
const MAX_DEPTH: usize = 64;
/// Keys longer than this (in bytes) are left to saphyr, which refuses
/// implicit keys over 1,024 characters (YAML's own limit).
const MAX_KEY_BYTES: usize = 512;

/// One event and its byte range (for a block scalar, already the range the
/// tree keeps: from the `|`/`>` header to its last content byte).
pub(super) type Spanned<'a> = (Event<'a>, TextRange);

/// The events of `text`, or `None` when it holds anything this reader
/// leaves to saphyr.
pub(super) fn events(text: &str) -> Option<Vec<Spanned<'_>>> {
    let bytes = text.as_bytes();
    // Control characters (tabs and carriage returns among them) and byte
    // order marks change how saphyr reads indentation, breaks and errors.
    // (In chunks without an early exit, which the compiler vectorizes.)
    let control = bytes.chunks(64).any(|chunk| {
        chunk
            .iter()
            .fold(false, |seen, &b| seen | ((b < 0x20) & (b != b'\n')) | (b == 0x7f))
    });
    if control || memchr::memmem::find(bytes, "\u{feff}".as_bytes()).is_some() {
        return None;
    }
    let mut r = Reader {
        text,
        bytes,
        events: Vec::with_capacity(bytes.len() / 8),
        depth: 0,
    };
    r.document()?;
    Some(r.events)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    events: Vec<Spanned<'a>>,
    /// Block collections open around the current line.
    depth: usize,
}

/// A line: where it starts, where its content starts (after the indentation)
/// and where it ends (before its `\n`).
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    content: usize,
    end: usize,
}

impl Line {
    fn indent(self) -> usize {
        self.content - self.start
    }
}

/// How a plain scalar or key ends on its line.
#[derive(Debug, PartialEq)]
enum KeyScan {
    /// `key:` with the key's end and the offset just past the `:`.
    Key(usize, usize),
    /// No `: ` on the line: a plain scalar ending at the offset.
    Scalar(usize),
}

impl<'a> Reader<'a> {
    fn line_at(&self, start: usize) -> Line {
        let end = memchr::memchr(b'\n', &self.bytes[start..]).map_or(self.bytes.len(), |i| start + i);
        let mut content = start;
        while content < end && self.bytes[content] == b' ' {
            content += 1;
        }
        Line { start, content, end }
    }

    /// The first line at or after `at` (a line start) that holds something
    /// other than spaces and a comment.
    fn next_content(&self, mut at: usize) -> Option<Line> {
        while at < self.bytes.len() {
            let line = self.line_at(at);
            if line.content < line.end && self.bytes[line.content] != b'#' {
                return Some(line);
            }
            at = line.end + 1;
        }
        None
    }

    /// The start of the line after `line`.
    fn after(&self, line_end: usize) -> usize {
        (line_end + 1).min(self.bytes.len())
    }

    fn byte(&self, at: usize) -> u8 {
        self.bytes.get(at).copied().unwrap_or(b'\n')
    }

    /// A space, a line end or the end of the text follows `at`'s byte.
    fn blank_after(&self, at: usize) -> bool {
        matches!(self.byte(at + 1), b' ' | b'\n')
    }

    /// Whether `line` is the explicit start of the first document (`---`
    /// alone on its line, maybe with a comment); `None` for a document end
    /// marker or content after the `---`, which this reader leaves to saphyr.
    fn document_marker(&self, line: Line) -> Option<bool> {
        let b = &self.bytes[line.content..line.end];
        if line.indent() != 0 || !(b.starts_with(b"---") || b.starts_with(b"...")) || (b.len() > 3 && b[3] != b' ') {
            return Some(false);
        }
        let rest = self.text[line.content + 3..line.end].trim_start_matches(' ');
        (b.starts_with(b"---") && (rest.is_empty() || rest.starts_with('#'))).then_some(true)
    }

    fn document(&mut self) -> Option<()> {
        self.events.push((Event::StreamStart, TextRange::empty(0)));
        let mut line = self.next_content(0)?;
        if self.document_marker(line)? {
            self.events.push((
                Event::DocumentStart(true),
                TextRange::new(line.content, line.content + 3),
            ));
            line = self.next_content(self.after(line.end))?;
            // A second marker right after the first is saphyr's too.
            if self.document_marker(line) != Some(false) {
                return None;
            }
        } else {
            self.events
                .push((Event::DocumentStart(false), TextRange::empty(line.content)));
        }
        if line.indent() != 0 {
            return None;
        }
        let next = if self.is_dash(line.content) {
            self.sequence(line, false)?
        } else {
            self.mapping(line, line.content)?
        };
        // Anything left (a second document, `...`, a stray line) is saphyr's.
        if next.is_some() {
            return None;
        }
        let end = self.bytes.len();
        self.events.push((Event::DocumentEnd, TextRange::empty(end)));
        self.events.push((Event::StreamEnd, TextRange::empty(end)));
        Some(())
    }

    /// A `-` that starts a sequence item.
    fn is_dash(&self, at: usize) -> bool {
        self.byte(at) == b'-' && self.blank_after(at)
    }

    /// A block mapping whose first key starts at `key` on `line`; the keys
    /// that follow are on their own lines at the same column. Returns the
    /// first line after it (`Some(None)` at the end of the text).
    fn mapping(&mut self, mut line: Line, mut key: usize) -> Option<Option<Line>> {
        let column = key - line.start;
        self.events.push((Event::MappingStart(0, None), TextRange::empty(key)));
        loop {
            let KeyScan::Key(key_end, colon_end) = self.key_or_scalar(key, line.end)? else {
                return None;
            };
            self.key_event(key, key_end)?;
            let next = self.value(line, colon_end, column)?;
            match next {
                // `---` or `...` starting a later line ends the document
                // (saphyr's), even with text after it.
                Some(l) if l.indent() == 0 && self.document_marker(l) != Some(false) => return None,
                Some(l) if l.indent() == column && !self.is_dash(l.content) => {
                    line = l;
                    key = l.content;
                }
                Some(l) if l.indent() > column => return None,
                Some(l) if l.indent() == column => return None,
                _ => {
                    self.events.push((Event::MappingEnd, TextRange::empty(key)));
                    return Some(next);
                }
            }
        }
    }

    /// A block sequence whose first `-` starts `line`. An indentless one (a
    /// mapping value at its key's column) starts, as saphyr reports it, at
    /// its first item's content.
    fn sequence(&mut self, mut line: Line, indentless: bool) -> Option<Option<Line>> {
        let column = line.indent();
        let mut start = line.content;
        if indentless {
            start += 1;
            while start < line.end && self.bytes[start] == b' ' {
                start += 1;
            }
            // The tree takes a node starting at `[`/`{` for a flow one and
            // ends it at saphyr's end event, whose range is saphyr's.
            if start == line.end || matches!(self.bytes[start], b'#' | b'[' | b'{') {
                return None;
            }
        }
        self.events
            .push((Event::SequenceStart(0, None), TextRange::empty(start)));
        loop {
            let dash = line.content;
            let mut at = dash + 1;
            while at < line.end && self.bytes[at] == b' ' {
                at += 1;
            }
            let next = if at == line.end || self.bytes[at] == b'#' {
                // The item is on the lines below, more indented.
                match self.next_content(self.after(line.end)) {
                    Some(l) if l.indent() > column => self.block_collection(l)?,
                    _ => return None,
                }
            } else if self.is_dash(at) {
                return None;
            } else if matches!(self.bytes[at], b'[' | b'{' | b'|' | b'>') {
                self.scalar_value(line, at, column)?
            } else {
                match self.key_or_scalar(at, line.end)? {
                    KeyScan::Key(..) => self.nested(|r| r.mapping(line, at))?,
                    KeyScan::Scalar(_) => self.scalar_value(line, at, column)?,
                }
            };
            match next {
                Some(l) if l.indent() == column && self.is_dash(l.content) => line = l,
                Some(l) if l.indent() > column => return None,
                _ => {
                    self.events.push((Event::SequenceEnd, TextRange::empty(dash)));
                    return Some(next);
                }
            }
        }
    }

    /// A mapping or sequence starting at `line`'s content.
    fn block_collection(&mut self, line: Line) -> Option<Option<Line>> {
        self.nested(|r| {
            if r.is_dash(line.content) {
                r.sequence(line, false)
            } else {
                r.mapping(line, line.content)
            }
        })
    }

    /// Reads a collection one level deeper; `None` past [`MAX_DEPTH`].
    fn nested(&mut self, read: impl FnOnce(&mut Self) -> Option<Option<Line>>) -> Option<Option<Line>> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let next = read(self)?;
        self.depth -= 1;
        Some(next)
    }

    /// The value after a key's `:` (at `at`, on `line`) of a mapping whose
    /// keys are at `column`.
    fn value(&mut self, line: Line, mut at: usize, column: usize) -> Option<Option<Line>> {
        while at < line.end && self.bytes[at] == b' ' {
            at += 1;
        }
        if at < line.end && self.bytes[at] != b'#' {
            return self.scalar_value(line, at, column);
        }
        // Nothing on the key's line: a collection below, a plain scalar
        // below (`persist-credentials:` then `false` on the next line), or
        // an empty value.
        let next = self.next_content(self.after(line.end));
        match next {
            // A flow collection below its key (`os:` then `[` alone, as
            // formatters break long lists).
            Some(l) if l.indent() > column && matches!(self.bytes[l.content], b'[' | b'{') => {
                self.scalar_value(l, l.content, column)
            }
            Some(l) if l.indent() > column && self.is_plain_scalar_line(l)? => self.scalar_value(l, l.content, column),
            Some(l) if l.indent() > column => self.block_collection(l),
            Some(l) if l.indent() == column && self.is_dash(l.content) => self.nested(|r| r.sequence(l, true)),
            _ => {
                self.events.push((
                    Event::Scalar(Cow::Borrowed(""), ScalarStyle::Plain, 0, None),
                    TextRange::empty(at.min(line.end)),
                ));
                Some(next)
            }
        }
    }

    /// A scalar starting at `at` on `line`, as the value of a key or an item
    /// of a collection at `column`; nothing may continue it on later lines.
    fn scalar_value(&mut self, line: Line, at: usize, column: usize) -> Option<Option<Line>> {
        let next = match self.bytes[at] {
            b'|' | b'>' => return self.block_scalar(line, at, column),
            b'[' | b'{' => {
                // The collection may go on over later lines; `line_end` is
                // the end of the line it closes on.
                let mut line_end = line.end;
                let end = self.flow_collection(at, &mut line_end, column, 0)?;
                self.line_rest_is_blank(end, line_end)?;
                self.next_content(self.after(line_end))
            }
            b'"' | b'\'' => {
                let end = self.quoted(at, line.end)?;
                self.line_rest_is_blank(end, line.end)?;
                // saphyr's range of a quoted scalar runs on over the spaces
                // and comment that end its line.
                if let Some((_, range)) = self.events.last_mut() {
                    range.end = line.end;
                }
                self.next_content(self.after(line.end))
            }
            _ => {
                self.plain_start(at)?;
                let KeyScan::Scalar(end) = self.key_or_scalar(at, line.end)? else {
                    return None;
                };
                // A comment ends the scalar on its line (saphyr reports a
                // more indented line after it as an error).
                let commented = end < line.end && self.bytes[end..line.end].contains(&b'#');
                let (value, end, last_line_end) = if commented {
                    (Cow::Borrowed(&self.text[at..end]), end, line.end)
                } else {
                    self.plain_continued(at, end, line.end, column)?
                };
                self.events.push((
                    Event::Scalar(value, ScalarStyle::Plain, 0, None),
                    TextRange::new(at, end),
                ));
                self.next_content(self.after(last_line_end))
            }
        };
        // A more indented line would continue the scalar (or be an error).
        match next {
            Some(l) if l.indent() > column => None,
            _ => Some(next),
        }
    }

    /// Whether `line` holds a plain scalar alone (no `key:`, no `- `, no
    /// quote, flow or block indicator first); `None` for what this reader
    /// does not read.
    fn is_plain_scalar_line(&mut self, line: Line) -> Option<bool> {
        if self.is_dash(line.content) || matches!(self.bytes[line.content], b'"' | b'\'' | b'[' | b'{' | b'|' | b'>') {
            return Some(false);
        }
        Some(matches!(
            self.key_or_scalar(line.content, line.end)?,
            KeyScan::Scalar(_)
        ))
    }

    /// A plain scalar from `at` to `end` on its first line (which ends at
    /// `line_end` without a comment) and the lines that continue it: every
    /// following line more indented than `column` (the collection the
    /// scalar is a value of), blank lines between them. As saphyr folds
    /// it: each line trimmed, lines joined by a space, or by one line break
    /// per blank line between them. Returns the value, the end of its last
    /// content byte (saphyr's range end) and the end of its last line.
    /// A continuation line with `: `, a final `:` or ` #` in it is an
    /// error or a comment to saphyr, and left to it.
    fn plain_continued(
        &self,
        at: usize,
        end: usize,
        line_end: usize,
        column: usize,
    ) -> Option<(Cow<'a, str>, usize, usize)> {
        let mut value: Option<String> = None;
        let (mut end, mut line_end) = (end, line_end);
        let mut blanks = 0;
        let mut cursor = line_end + 1;
        while cursor < self.bytes.len() {
            let l = self.line_at(cursor);
            if l.content == l.end {
                blanks += 1;
                cursor = l.end + 1;
                continue;
            }
            if l.indent() <= column || self.bytes[l.content] == b'#' {
                break;
            }
            let mut last = l.content;
            for i in l.content..l.end {
                match self.bytes[i] {
                    b':' if self.blank_after(i) => return None,
                    b'#' if self.bytes[i - 1] == b' ' => return None,
                    b' ' => {}
                    _ => last = i + 1,
                }
            }
            let v = value.get_or_insert_with(|| self.text[at..end].to_string());
            if blanks == 0 {
                v.push(' ');
            }
            for _ in 0..blanks {
                v.push('\n');
            }
            v.push_str(&self.text[l.content..last]);
            (end, line_end, blanks) = (last, l.end, 0);
            cursor = l.end + 1;
        }
        let value = value.map_or(Cow::Borrowed(&self.text[at..end]), Cow::Owned);
        Some((value, end, line_end))
    }

    /// Only spaces, then maybe a comment, from `at` to the line's end.
    fn line_rest_is_blank(&self, mut at: usize, end: usize) -> Option<()> {
        let start = at;
        while at < end && self.bytes[at] == b' ' {
            at += 1;
        }
        (at == end || (self.bytes[at] == b'#' && at > start)).then_some(())
    }

    /// Whether a plain scalar may start with the byte at `at` (YAML's
    /// indicators may not, `-?:` only when a non-space follows).
    fn plain_start(&self, at: usize) -> Option<()> {
        match self.bytes[at] {
            b'-' | b'?' | b':' => (!self.blank_after(at)).then_some(()),
            b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'\'' | b'"' | b'%' | b'@'
            | b'`' => None,
            _ => Some(()),
        }
    }

    /// A key (plain or quoted) and its `:` at `at`, or a plain scalar that
    /// ends the line; `None` for what this reader does not read.
    fn key_or_scalar(&mut self, at: usize, end: usize) -> Option<KeyScan> {
        if matches!(self.bytes[at], b'"' | b'\'') {
            let close = self.quoted_end(at, end)?;
            let mut i = close;
            while i < end && self.bytes[i] == b' ' {
                i += 1;
            }
            if i < end && self.bytes[i] == b':' && self.blank_after(i) {
                if i - at > MAX_KEY_BYTES {
                    return None;
                }
                // saphyr's range of a quoted scalar runs on over the spaces
                // after its closing quote.
                return Some(KeyScan::Key(i, i + 1));
            }
            return Some(KeyScan::Scalar(close));
        }
        self.plain_start(at)?;
        plain_key_or_scalar(self.bytes, at, end)
    }

    /// The key event of a key from `at` to `end` (plain or quoted).
    fn key_event(&mut self, at: usize, end: usize) -> Option<()> {
        if end - at > MAX_KEY_BYTES {
            return None;
        }
        if matches!(self.bytes[at], b'"' | b'\'') {
            self.quoted(at, end)?;
            if let Some((_, range)) = self.events.last_mut() {
                range.end = end;
            }
            return Some(());
        }
        self.events.push((
            Event::Scalar(Cow::Borrowed(&self.text[at..end]), ScalarStyle::Plain, 0, None),
            TextRange::new(at, end),
        ));
        Some(())
    }

    /// The offset just past the closing quote of the quoted scalar at `at`,
    /// which must close before `end` (the line's end).
    fn quoted_end(&self, at: usize, end: usize) -> Option<usize> {
        let quote = self.bytes[at];
        let mut i = at + 1;
        while i < end {
            match self.bytes[i] {
                b'\\' if quote == b'"' => i += 2,
                b'\'' if quote == b'\'' && self.byte(i + 1) == b'\'' && i + 1 < end => i += 2,
                b if b == quote => return Some(i + 1),
                _ => i += 1,
            }
        }
        None
    }

    /// Reads the quoted scalar at `at` (closing before `end`) and pushes its
    /// event; returns the offset past its closing quote.
    fn quoted(&mut self, at: usize, end: usize) -> Option<usize> {
        let close = self.quoted_end(at, end)?;
        let inner = &self.text[at + 1..close - 1];
        let (value, style) = if self.bytes[at] == b'\'' {
            let value = if inner.contains('\'') {
                Cow::Owned(inner.replace("''", "'"))
            } else {
                Cow::Borrowed(inner)
            };
            (value, ScalarStyle::SingleQuoted)
        } else {
            let value = if inner.contains('\\') {
                Cow::Owned(unescape(inner)?)
            } else {
                Cow::Borrowed(inner)
            };
            (value, ScalarStyle::DoubleQuoted)
        };
        self.events
            .push((Event::Scalar(value, style, 0, None), TextRange::new(at, close)));
        Some(close)
    }

    /// A flow sequence or mapping at `at`, the value of a node of a block
    /// collection at `column`; returns the offset past its closing bracket.
    /// It may go on over later lines: `end` is the end of the line being
    /// read, moved on with it (see [`Self::flow_next`]). Entries are plain
    /// or quoted scalars and flow collections, a trailing comma allowed;
    /// implicit pairs in sequences, empty entries, comments, a key and its value on
    /// different lines and plain scalars over several lines are saphyr's.
    fn flow_collection(&mut self, at: usize, end: &mut usize, column: usize, depth: usize) -> Option<usize> {
        if depth > 32 {
            return None;
        }
        let sequence = self.bytes[at] == b'[';
        let close = if sequence { b']' } else { b'}' };
        let start = if sequence {
            Event::SequenceStart(0, None)
        } else {
            Event::MappingStart(0, None)
        };
        self.events.push((start, TextRange::new(at, at + 1)));
        let mut i = self.flow_next(at + 1, end, column)?;
        if self.bytes[i] == close {
            return Some(self.flow_end(sequence, i, *end));
        }
        loop {
            if sequence {
                i = self.flow_node(i, end, column, depth)?;
            } else {
                // A key and its `: ` on one line, the value after it there.
                i = self.flow_scalar(i, *end, true)?;
                if !(i < *end && self.bytes[i] == b':' && self.byte(i + 1) == b' ') {
                    return None;
                }
                i = self.skip_spaces(i + 1, *end);
                if i >= *end || matches!(self.bytes[i], b',' | b'}') {
                    return None;
                }
                i = self.flow_node(i, end, column, depth)?;
            }
            i = self.flow_next(i, end, column)?;
            match self.bytes[i] {
                b',' => {
                    let (comma, comma_line_end) = (i, *end);
                    i = self.flow_next(i + 1, end, column)?;
                    match self.bytes[i] {
                        // A trailing comma: saphyr's parser ends the
                        // collection at the closing bracket after it
                        // (`flow_sequence_entry`, `flow_mapping_key`).
                        b if b == close && sequence => return Some(self.flow_end(sequence, i, *end)),
                        // A mapping's end then keeps the range of the comma's
                        // token (`flow_mapping_key` answers the span it
                        // peeked before skipping the comma): the comma and
                        // the spaces after it on its line. No comment can
                        // follow it there: `flow_next` stops at one.
                        b if b == close => {
                            let range = TextRange::new(comma, self.skip_spaces(comma + 1, comma_line_end));
                            self.events.push((Event::MappingEnd, range));
                            return Some(i + 1);
                        }
                        b',' | b']' | b'}' => return None,
                        _ => {}
                    }
                }
                b if b == close => return Some(self.flow_end(sequence, i, *end)),
                _ => return None,
            }
        }
    }

    /// The next token inside a flow collection at or after `at` on the
    /// line ending at `end`: past spaces, and past the line's end onto the
    /// next line holding something (`end` moved to that line's end). That
    /// line must be more indented than `column`, the block collection the
    /// flow one is a value in (saphyr's indentation inside a flow
    /// collection: its parent's plus one; a closing bracket at the parent's
    /// column, which GitHub accepts, is `build`'s to mend), and must not be
    /// a comment; `None` then, and at the end of the text.
    fn flow_next(&self, at: usize, end: &mut usize, column: usize) -> Option<usize> {
        let mut i = self.skip_spaces(at, *end);
        while i >= *end {
            if *end >= self.bytes.len() {
                return None;
            }
            let line = self.line_at(*end + 1);
            *end = line.end;
            if line.content == line.end {
                i = line.end;
                continue;
            }
            if line.indent() <= column || self.bytes[line.content] == b'#' {
                return None;
            }
            i = line.content;
        }
        Some(i)
    }

    /// The closing bracket at `at`. saphyr's range of it, which a flow
    /// collection's own range ends with, runs on over the spaces after it
    /// and a comment that ends the line.
    /// (`line_end` is passed in, not searched for: a search per bracket made
    /// a long line of many small collections quadratic.)
    fn flow_end(&mut self, sequence: bool, at: usize, line_end: usize) -> usize {
        let event = if sequence {
            Event::SequenceEnd
        } else {
            Event::MappingEnd
        };
        let mut end = self.skip_spaces(at + 1, line_end);
        if end > at + 1 && self.byte(end) == b'#' {
            end = line_end;
        }
        self.events.push((event, TextRange::new(at, end)));
        at + 1
    }

    fn skip_spaces(&self, mut at: usize, end: usize) -> usize {
        while at < end && self.bytes[at] == b' ' {
            at += 1;
        }
        at
    }

    /// A node inside a flow collection: a nested collection or a scalar
    /// that is not a key.
    fn flow_node(&mut self, at: usize, end: &mut usize, column: usize, depth: usize) -> Option<usize> {
        if matches!(self.bytes[at], b'[' | b'{') {
            return self.flow_collection(at, end, column, depth + 1);
        }
        let after = self.flow_scalar(at, *end, false)?;
        (self.byte(after) != b':').then_some(after)
    }

    /// A plain or quoted scalar inside a flow collection; returns where it
    /// ends (for a quoted one, past the spaces after it, as saphyr's range
    /// does). A plain one ends before `,[]{}`, before `:` when it is a
    /// mapping key, or at the line's end (the caller then reads on: only a
    /// `,` or a closing bracket may follow there, anything else would
    /// continue the scalar); a comment after it is saphyr's.
    fn flow_scalar(&mut self, at: usize, end: usize, key: bool) -> Option<usize> {
        if matches!(self.bytes[at], b'"' | b'\'') {
            let close = self.quoted(at, end)?;
            let after = self.skip_spaces(close, end);
            if let Some((_, range)) = self.events.last_mut() {
                range.end = after;
            }
            return Some(after);
        }
        match self.bytes[at] {
            b'-' | b'?' | b':' if matches!(self.byte(at + 1), b' ' | b'\n' | b',' | b'[' | b']' | b'{' | b'}') => {
                return None;
            }
            b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'%' | b'@' | b'`' => {
                return None;
            }
            _ => {}
        }
        let mut i = at;
        let mut last = at;
        while i < end {
            match self.bytes[i] {
                b',' | b'[' | b']' | b'{' | b'}' => break,
                b':' if matches!(self.byte(i + 1), b' ' | b'\n' | b',' | b'[' | b']' | b'{' | b'}') => {
                    if !key {
                        return None;
                    }
                    break;
                }
                b'#' if self.bytes[i - 1] == b' ' => return None,
                // saphyr refuses `-` or `?` followed by a space or a flow
                // indicator anywhere in a flow scalar (`[main, release -]`),
                // not only at its start: left to it.
                b'-' | b'?' if matches!(self.byte(i + 1), b' ' | b'\n' | b',' | b'[' | b']' | b'{' | b'}') => {
                    return None;
                }
                b' ' => {}
                _ => last = i + 1,
            }
            i += 1;
        }
        self.events.push((
            Event::Scalar(Cow::Borrowed(&self.text[at..last]), ScalarStyle::Plain, 0, None),
            TextRange::new(at, last),
        ));
        Some(self.skip_spaces(last, end))
    }

    /// A literal (`|`) or folded (`>`) block scalar whose header is at `at`
    /// on `line`, the value of a node of a collection at `column`.
    fn block_scalar(&mut self, line: Line, at: usize, column: usize) -> Option<Option<Line>> {
        let literal = self.bytes[at] == b'|';
        let mut i = at + 1;
        let keep_last = match self.byte(i) {
            b'-' => {
                i += 1;
                false
            }
            b'+' | b'0'..=b'9' => return None,
            _ => true,
        };
        self.line_rest_is_blank(i, line.end)?;
        if !matches!(self.byte(i), b' ' | b'\n') {
            return None;
        }
        if line.end >= self.bytes.len() {
            return None;
        }
        // The content: the first non-blank line sets the indentation.
        let first = self.line_at(line.end + 1);
        let mut probe = first;
        let mut leading = 0;
        let indent = loop {
            if probe.content < probe.end {
                break probe.indent();
            }
            // A blank line before the first content line: saphyr's rules
            // for its spaces (they can set the indentation) are left to it.
            if probe.end > probe.start || probe.end >= self.bytes.len() {
                return None;
            }
            leading += 1;
            probe = self.line_at(probe.end + 1);
        };
        if indent <= column {
            return None;
        }
        // saphyr's reading of the lines, step by step: a line is content
        // when it reaches past the indentation (a line of spaces only
        // included: its spaces past the indentation are content); folding
        // (`>`) joins two lines with a space unless either starts with a
        // space (a more-indented line keeps its breaks); blank lines are
        // breaks.
        let mut value = String::with_capacity(64);
        let mut breaks = leading;
        let mut leading_break = false;
        let mut leading_blank = false;
        let mut last_content_end = probe.end;
        let mut cursor = probe;
        let after_block = loop {
            if cursor.end - cursor.start > indent {
                if cursor.content < cursor.end && cursor.indent() < indent {
                    break Some(cursor);
                }
                let trailing_blank = self.bytes[cursor.start + indent] == b' ';
                if !literal && leading_break && !leading_blank && !trailing_blank {
                    if breaks == 0 {
                        value.push(' ');
                    }
                } else if leading_break {
                    value.push('\n');
                }
                for _ in 0..breaks {
                    value.push('\n');
                }
                leading_blank = trailing_blank;
                value.push_str(&self.text[cursor.start + indent..cursor.end]);
                if cursor.content < cursor.end {
                    // Trailing spaces are content; the range ends at the
                    // last non-space byte (a line of spaces has none).
                    last_content_end = cursor.end;
                    while self.bytes[last_content_end - 1] == b' ' {
                        last_content_end -= 1;
                    }
                }
                if cursor.end >= self.bytes.len() {
                    // The last line, without a line break: saphyr chomps as
                    // if it had one when it holds more than spaces.
                    if cursor.content == cursor.end {
                        return None;
                    }
                    leading_break = true;
                    break None;
                }
                leading_break = true;
                breaks = 0;
            } else {
                if cursor.content < cursor.end {
                    // Less indented content: the block ends.
                    break Some(cursor);
                }
                if cursor.end >= self.bytes.len() {
                    // Spaces ending the text without a line break: saphyr
                    // may count them as one more line.
                    if cursor.end > cursor.start {
                        return None;
                    }
                    break None;
                }
                breaks += 1;
            }
            cursor = self.line_at(cursor.end + 1);
            if cursor.start >= self.bytes.len() {
                break None;
            }
        };
        // Comment lines after the block are less indented (the loop stops
        // at them), so `after_block` is the next content line or a comment.
        let next = after_block.and_then(|l| self.next_content(l.start));
        // Chomping: `-` drops the final break, clipping keeps one.
        if keep_last && leading_break {
            value.push('\n');
        }
        self.events.push((
            Event::Scalar(
                Cow::Owned(value),
                if literal {
                    ScalarStyle::Literal
                } else {
                    ScalarStyle::Folded
                },
                0,
                None,
            ),
            TextRange::new(at, last_content_end.max(at + 1)),
        ));
        match next {
            Some(l) if l.indent() > column => None,
            _ => Some(next),
        }
    }
}

/// How the plain key or scalar starting at `at` (whose first byte may
/// start one) ends on its line, which ends at `end`: at the first `:`
/// followed by a space or the line's end (a key, `None` when it is longer
/// than saphyr reads), else at the last byte before a ` #` comment or the
/// line's end that is not a space. Only `:` and `#` can stop the scan, so
/// it jumps from one to the next (`memchr2`) instead of testing every byte:
/// this scan was the fast reader's largest cost, most of a line being
/// neither (docs/performance.md, twenty-first round).
fn plain_key_or_scalar(bytes: &[u8], at: usize, end: usize) -> Option<KeyScan> {
    let mut from = at;
    let stop = loop {
        let Some(found) = memchr::memchr2(b':', b'#', &bytes[from..end]) else {
            break end;
        };
        let i = from + found;
        if bytes[i] == b':' {
            if matches!(bytes.get(i + 1), None | Some(b' ' | b'\n')) {
                // saphyr limits a key's length up to its `:`, spaces
                // before the colon included.
                if i - at > MAX_KEY_BYTES {
                    return None;
                }
                // A second `: ` on the line is an error saphyr reports.
                return Some(KeyScan::Key(last_content(bytes, at, i), i + 1));
            }
        } else if i > at && bytes[i - 1] == b' ' {
            break i;
        }
        from = i + 1;
    };
    // The last content byte ends the scalar (past a whole character: only
    // ASCII spaces are trimmed).
    Some(KeyScan::Scalar(last_content(bytes, at, stop)))
}

/// The end of the last byte other than a space in `at..stop`, or `at`.
fn last_content(bytes: &[u8], at: usize, stop: usize) -> usize {
    let mut last = stop;
    while last > at && bytes[last - 1] == b' ' {
        last -= 1;
    }
    last
}

/// A double-quoted scalar's escapes, for the common ones; `None` for the
/// rest (saphyr reads them).
fn unescape(inner: &str) -> Option<String> {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let escaped = match chars.next()? {
            '\\' => '\\',
            '"' => '"',
            '/' => '/',
            ' ' => ' ',
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' => '\0',
            'a' => '\u{7}',
            'b' => '\u{8}',
            'e' => '\u{1b}',
            'f' => '\u{c}',
            'v' => '\u{b}',
            _ => return None,
        };
        out.push(escaped);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::build::{parse_with_fast, parse_with_saphyr};

    /// A tree as one line per node (kind, range, value), to compare by eye.
    fn flat(attempt: &super::super::build::Attempt) -> String {
        let mut out = format!("errors {:?}\n", attempt.errors);
        if let Some(root) = &attempt.root {
            root.walk(&mut |n| {
                let what = match &n.kind {
                    super::super::NodeKind::Mapping(_) => "map".to_string(),
                    super::super::NodeKind::Sequence(_) => "seq".to_string(),
                    super::super::NodeKind::Scalar(s) => format!("{:?} {:?}", s.style, s.value),
                };
                out.push_str(&format!("{}..{} {what}\n", n.span.start, n.span.end));
            });
        }
        out
    }

    /// The fast reader reads `text`, and saphyr builds the same tree.
    fn agrees(text: &str) {
        let fast = parse_with_fast(text).unwrap_or_else(|| panic!("the fast reader declined:\n{text}"));
        let saphyr = parse_with_saphyr(text);
        assert!(
            fast.same_as(&saphyr),
            "disagree on:\n{text}\nfast:\n{}\nsaphyr:\n{}",
            flat(&fast),
            flat(&saphyr)
        );
    }

    #[test]
    fn reads_the_shapes_workflows_are_written_in_as_saphyr_does() {
        for text in [
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n",
            "---\n# c\nname: x # note\non:\n  push:\n    branches: [ main, 'rel/*' ]\n",
            "jobs:\n  a:\n    steps:\n    - uses: actions/checkout@v4\n      with:\n        fetch-depth: 0\n\n    - name: b\n",
            "k: \"a\\tb \\\"q\\\" \\\\ \\/\"   # c\nl: 'it''s'  \n\"q k\"  : v\n'on': [pull_request_target]  # c\n",
            "run: |\n  echo a\n\n    indented\n  last  \nnext: >-\n  folded\n  line\n\n  para\nclip: >\n  x\n",
            "m: {a: b, \"c\" : [1, {d: e}] , f: 'g'}\ns: []\nt: {}\nu: [ a:b, http://x ]\n",
            "- a\n- b: c\n  d:\n  - e\n- |\n  f\n",
            "a:\nb: ~\nc: null\n<<: x\nd: 1\nd: 2\n",
            "key: value#not-a-comment\nemoji: \"✓ ünïcode\" \nplain: ✓ done\n",
            "run: |-\n    x\n    y\n# trailing comment\nz: 1\n",
            // Plain scalars over several lines, and below their key.
            "a: plain\n  continued\n",
            "if: a &&\n    b ||  \n  c\n\n    d\nnext: x\n",
            "- one\n  two\n-   three  \n      four\n  # c\n- \"q\"\n",
            "s:\n  - k: x\n      y\n    v:\n      ✓ w\n      - \"z\" [a] 'b' & * ! | > % @ `\n",
            "persist-credentials:\n    false\nwith:\n  key:\n     value # c\n\n  other: 1\n",
            "a: b\n  c\n# c\nd: e\n",
            // Block scalars: lines of spaces past the indentation (content
            // to saphyr), more-indented lines in folded ones, the last line
            // of the text without a line break.
            "run: |\n  a\n      \n  b\n     \nnext: >\n  x\n    y\n  z\n   \n\n  w\n  v\nl: >-\n  p\n     \n  q\n",
            "a: >\n  one\n\n    two\n  three\nb: |\n  x",
            "a: |-\n  x\n  y  ",
            "- >\n    a\n     b\n",
            // Flow collections over several lines, below their key or not,
            // with blank lines, quoted and plain scalars ending lines, and
            // spaces or a comment after the closing bracket.
            "a: [b,\n  c]\n",
            "os:\n  [\n    ubuntu-22.04,\n    macos-latest\n  ]\nnext: 1\n",
            "m:\n  v:\n    [\"3.10\", \"3.11\",\n     \"pypy3.11-v7.3.22\"]\n  os: [a, b]\n",
            "include:\n  - [\n      \"riscv64\",\n      'x y',\n      plain words   \n    ]   \n  - {\n      os: \"linux\",\n\n      arch: x86-64\n    }  # c\nz: {}\n",
            "- [a, [b,\n    c], {d: e,\n   f: [g]}\n  ]\n- x\n",
            "k:\n    [ a ,\n b ]\n",
            "needs: [\n    a,\n    b ]\nruns-on: x\n",
            // Trailing commas: a mapping's end keeps the comma's range.
            "a: [b, ]\nc: [d,]  # e\nf: {g: h,}\ni: {j: k , }  \n",
            "a: [b,\n  c,\n  ]\n",
            "a:\n  [b,\n  ]\n",
            "a:\n  - {b: [c,], d: {e: f,\n      },\n    }\n  - x\n",
        ] {
            agrees(text);
        }
    }

    #[test]
    fn leaves_other_yaml_to_saphyr() {
        for text in [
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            // A continuation saphyr refuses, or reads after a comment.
            "a: plain # c\n  continued\n",
            "a: b\n  c: d\n",
            "a: b\n  c:\n",
            "a: b\n  c #d\n",
            "a: b\n  # c\n  d\n",
            "a:\n  b # c\n  d\n",
            "a:\n  &b c\n",
            "a: \"two\n  lines\"\n",
            "a:\tb\n",
            "a: b\r\n",
            // Flow collections over several lines: a line at or left of
            // the parent's column, a comment inside, a plain scalar or a key
            // and its value over two lines, the text ending inside, more on
            // the closing line.
            "a: [b,\nc]\n",
            "a:\n  - [b,\n  c]\n",
            "a: [b,\n]\n",
            "a: [b, # c\n  d]\n",
            "a: [b,\n  # c\n  d]\n",
            "a: [b\n  c]\n",
            "a: {b:\n  c}\n",
            "a: {b\n  : c}\n",
            "a: [b,\n  c",
            "a: [b,\n  c\n",
            "a: [b,\n  c] d\n",
            "a: [b,\n  c]\n  d\n",
            "a: [\"b\" # c\n  ]\n",
            "- [a,\n- b]\n",
            "a: |+\n  x\n",
            "a: |2\n   x\n",
            "a: |\n  x\n ",
            "a: |\n  x\n  ",
            "a: |\n  x\n   ",
            "a: b\n---\nc: d\n",
            "a: b: c\n",
            "- - a\n",
            "? a\n: b\n",
            // Two commas, or one alone.
            "a: [b, , c]\n",
            "a: [b,,]\n",
            "a: [,]\n",
            "a: {b: c,,}\n",
            "a: {,}\n",
            "a: [b: c]\n",
            // saphyr refuses these; the reader must not accept them.
            // A document marker at the start of a later line (found by the
            // `yaml_fast` fuzz target): saphyr ends the document there.
            "on: push\n...       FOO: 1\n",
            "a: 1\n--- b: 2\n",
            "a: 1\n---\nb: 2\n",
            "---\n...    steps:\n",
            "---\n--- a: 1\n",
            "a: [main, release -]\n",
            "a: [x -, y]\n",
            format!("k{}: v\n", " ".repeat(1100)).as_str(),
            // Nesting deeper than the reader recurses.
            (0..100)
                .map(|i| format!("{}k:\n", " ".repeat(i)))
                .collect::<String>()
                .as_str(),
            (0..100)
                .map(|i| format!("{}- k:\n", " ".repeat(2 * i)))
                .collect::<String>()
                .as_str(),
            "",
            "plain\n",
        ] {
            assert!(parse_with_fast(text).is_none(), "read:\n{text}");
        }
    }

    /// One long line of many small flow collections: the reader and saphyr
    /// agree on it. (Its time is not asserted, no test is timed: the
    /// quadratic scan this guards against, each closing bracket searching
    /// for the line's end, is gone by construction in `flow_end`.)
    #[test]
    fn a_long_line_of_small_flow_collections_agrees_with_saphyr() {
        let text = format!("k: [{}[]]\n", "[], ".repeat(20_000));
        agrees(&text);
    }

    /// A generated block-YAML tree, rendered with the layout choices
    /// workflows make (indentation, indentless sequences, comments, blank
    /// lines, trailing spaces).
    #[derive(Clone, Debug)]
    enum Gen {
        /// A scalar written as is (plain, quoted, flow or block header
        /// plus lines).
        Scalar(String),
        Map(Vec<(String, Gen)>),
        Seq(Vec<Gen>),
    }

    fn render(node: &Gen, indent: usize, step: usize, indentless: bool, comment: &str, out: &mut String) {
        let pad = " ".repeat(indent);
        match node {
            Gen::Scalar(_) => unreachable!(),
            Gen::Map(entries) => {
                for (key, value) in entries {
                    out.push_str(&pad);
                    out.push_str(key);
                    out.push(':');
                    render_value(value, indent, step, indentless, comment, out);
                }
            }
            Gen::Seq(items) => {
                for item in items {
                    out.push_str(&pad);
                    out.push('-');
                    match item {
                        Gen::Map(entries) if !entries.is_empty() => {
                            // `- key: value`, the rest of the mapping under the key.
                            out.push(' ');
                            let mut first = String::new();
                            render(item, indent + 2, step, indentless, comment, &mut first);
                            out.push_str(&first[indent + 2..]);
                        }
                        _ => render_value(item, indent, step, indentless, comment, out),
                    }
                }
            }
        }
    }

    fn render_value(value: &Gen, indent: usize, step: usize, indentless: bool, comment: &str, out: &mut String) {
        match value {
            Gen::Scalar(text) => {
                out.push(' ');
                // A block scalar's lines follow its header, indented.
                let mut lines = text.split('\n');
                out.push_str(lines.next().unwrap_or(""));
                out.push_str(comment);
                out.push('\n');
                for line in lines {
                    if !line.is_empty() {
                        out.push_str(&" ".repeat(indent + step));
                    }
                    out.push_str(line);
                    out.push('\n');
                }
            }
            Gen::Map(e) if e.is_empty() => out.push_str(" {}\n"),
            Gen::Seq(i) if i.is_empty() => out.push_str(" []\n"),
            Gen::Seq(_) if indentless => {
                out.push_str(comment);
                out.push('\n');
                render(value, indent, step, indentless, comment, out);
            }
            _ => {
                out.push('\n');
                render(value, indent + step, step, indentless, comment, out);
            }
        }
    }

    fn scalar() -> impl proptest::strategy::Strategy<Value = Gen> {
        use proptest::prelude::*;
        prop_oneof![
            "[a-z0-9~][a-z0-9 ./:#${}()-]{0,10}[a-z0-9)}]"
                .prop_filter("plain", |s| !s.contains(": ") && !s.contains(" #")),
            "'([a-z #:\"]|'')*'",
            "\"([a-z #:']|\\\\[n\\\\\"t])*\"",
            "\\[( ?[a-z]{1,3}( ?, ?[a-z'\"]{1,3}){0,3} ?)\\]"
                .prop_filter("quotes", |s| !s.contains('\'') && !s.contains('"')),
            "\\{ ?[a-z]{1,3}: [a-z]{1,3}(, [a-z]{1,2}: \\[[a-z]?\\])? ?\\}",
            "[|>]-?\n[a-z]{1,4}( [a-z]{0,3})?\n(\n)?[a-z]{1,3}\n(\n)?",
            "\\|\n[a-z]{1,4}\n  [a-z ]{1,3}\n",
            // Review81 L1: wider than workflows' usual text. Non-ASCII and
            // uppercase; plain scalars starting with an indicator; a `-`,
            // `?` or `:` inside; long lines.
            "[A-Za-z0-9\u{e9}\u{df}\u{1e9e}\u{2713}\u{1f600}\u{a0}\u{2028}][A-Za-z0-9 \u{e9}\u{2713}\u{a0}./:#-]{0,10}[A-Za-z0-9\u{e9}\u{2713}]"
                .prop_filter("plain", |s| !s.contains(": ") && !s.contains(" #")),
            "[-?:][-?: a-zA-Z0-9,\\[\\]{}]{0,6}",
            "[a-z]{1,4}( [a-z]{1,8}){60,90}",
            // Plain scalars continued on more indented lines, blank lines
            // and any text between (`: `, ` #` and a comment line among it).
            "[a-z0-9~][a-z0-9 ./:#()-]{0,8}[a-z0-9)]( {0,2}\n( {0,6}\n)?[-a-z0-9'\"&*!|>%@`\\[{#: ]{1,4}[a-z0-9 ./:#'\"-]{0,8}[a-z0-9:]? {0,2}){1,3}",
            "\"\\PC{0,6}\"",
            "'\\PC{0,6}'",
            // Block scalars with blank lines of spaces, comment lines and
            // more-indented lines inside.
            "[|>]-?\n[a-z]{1,4}\n( {0,8}\n)?( ?# ?[a-z]{0,3}\n)?(  [a-z]{1,3}\n)?[a-z ]{1,3}\n( {0,8}\n)?",
        ]
        .prop_map(Gen::Scalar)
    }

    fn tree() -> impl proptest::strategy::Strategy<Value = Gen> {
        use proptest::prelude::*;
        // Keys with spaces before their colon (how review81 M2 was missed),
        // non-ASCII and uppercase keys, indicator starts, long keys about
        // the reader's and saphyr's length limits.
        let key = "[a-z][a-z0-9_-]{0,6}|'[a-z ]{1,4}'|\"[a-z ]{1,4}\"|<<|[A-Za-z\u{e9}\u{2713}][A-Za-z0-9_ \u{e9}-]{0,6} {0,3}|[-?:][a-z]{1,3}|'[a-z]{0,3}' {1,3}|[a-z]{500,530}|k {1000,1040}";
        scalar().prop_recursive(4, 40, 4, move |inner| {
            prop_oneof![
                proptest::collection::vec((key, inner.clone()), 0..4).prop_map(Gen::Map),
                proptest::collection::vec(inner, 0..4).prop_map(Gen::Seq),
            ]
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Generated workflows-like YAML: the fast reader reads most, and
        /// saphyr builds the same trees from them.
        #[test]
        fn agrees_with_saphyr_on_generated_block_yaml(
            entries in proptest::collection::vec(("[a-z]{1,5}", tree()), 1..5),
            step in 1usize..5,
            indentless: bool,
            comment in "( +#[a-z ]{0,3})?",
            header in "(---\n|# c\n\n)?",
        ) {
            let mut text = header;
            render(&Gen::Map(entries), 0, step, indentless, &comment, &mut text);
            if let Some(fast) = parse_with_fast(&text) {
                let saphyr = parse_with_saphyr(&text);
                proptest::prop_assert!(fast.same_as(&saphyr), "disagree on:\n{}\nfast:\n{}\nsaphyr:\n{}", text, flat(&fast), flat(&saphyr));
            }
        }
    }

    /// A line of a flat document of any printable text (a character is
    /// printable ASCII half the time, any printable character otherwise):
    /// `key:` with spaces before the colon and a value of any style, a
    /// sequence item, an indented line (a block scalar's content or a
    /// continuation), a blank line of spaces, an indented comment line.
    fn any_printable_line() -> proptest::string::RegexGeneratorStrategy<String> {
        let c = "([ -~]|\\PC)";
        let key = format!("([A-Za-z]|\\PC){c}{{0,4}}|[-?:.]{c}{{0,3}}|'{c}{{0,3}}'|\"{c}{{0,3}}\"");
        let value = format!(
            "{c}{{0,6}}|[-?:]{c}{{0,3}}|\\[{c}{{0,5}}\\]|\\{{{c}{{0,6}}\\}}|'{c}{{0,3}}'|\"{c}{{0,3}}\"|[|>]-?"
        );
        let line = format!(
            "({key}) {{0,3}}:( ({value}))?( #{c}{{0,2}})?|  - ({value})|- ({value})|  {c}{{0,8}}| {{0,4}}| {{0,3}}# ?{c}{{0,3}}"
        );
        proptest::string::string_regex(&line).expect("a valid regex")
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Lines of any printable text around the indicators (review81 L1):
        /// whatever the fast reader accepts of it, saphyr reads the same way.
        #[test]
        fn agrees_with_saphyr_on_lines_of_any_printable_text(
            lines in proptest::collection::vec(any_printable_line(), 1..12),
            final_break: bool,
        ) {
            // The text's last line with or without its line break.
            let text = lines.join("\n") + if final_break { "\n" } else { "" };
            if let Some(fast) = parse_with_fast(&text) {
                let saphyr = parse_with_saphyr(&text);
                proptest::prop_assert!(fast.same_as(&saphyr), "disagree on:\n{}\nfast:\n{}\nsaphyr:\n{}", text, flat(&fast), flat(&saphyr));
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Whatever the fast reader accepts, saphyr reads the same way.
        #[test]
        fn agrees_with_saphyr_on_what_it_reads(
            lines in proptest::collection::vec(
                "( {0,6})(- )?([a-z]{1,3}|\"[a-z\\\\ ]{0,3}\"|'[a']{0,3}')?(: ?)?( ?([a-z:# ]{0,4}|\\[[a-z, ]{0,5}\\]|\\{[a-z:, ]{0,6}\\}|[|>][-]?|'[a ]{0,2}'|\"[a\\\\n ]{0,3}\"))?( #[a-z]{0,2})?",
                1..10,
            )
        ) {
            let text = lines.join("\n") + "\n";
            if let Some(fast) = parse_with_fast(&text) {
                let saphyr = parse_with_saphyr(&text);
                proptest::prop_assert!(fast.same_as(&saphyr), "disagree on:\n{}\nfast:\n{}\nsaphyr:\n{}", text, flat(&fast), flat(&saphyr));
            }
        }
    }

    /// The scan [`super::plain_key_or_scalar`] replaced, a byte at a time:
    /// the reference its jumps from one `:` or `#` to the next must match.
    fn key_or_scalar_bytewise(bytes: &[u8], at: usize, end: usize) -> Option<super::KeyScan> {
        let blank_after = |i: usize| matches!(bytes.get(i + 1), None | Some(b' ' | b'\n'));
        let mut i = at;
        let mut last = at;
        while i < end {
            match bytes[i] {
                b':' if blank_after(i) => {
                    if i - at > super::MAX_KEY_BYTES {
                        return None;
                    }
                    return Some(super::KeyScan::Key(last, i + 1));
                }
                b'#' if bytes[i - 1] == b' ' => break,
                b' ' => {}
                _ => last = i + 1,
            }
            i += 1;
        }
        Some(super::KeyScan::Scalar(last))
    }

    #[test]
    fn the_key_scan_finds_keys_comments_and_ends() {
        use super::KeyScan::{Key, Scalar};
        let scan = |line: &str| super::plain_key_or_scalar(line.as_bytes(), 0, line.find('\n').unwrap_or(line.len()));
        assert_eq!(scan("runs-on: x"), Some(Key(7, 8)));
        assert_eq!(scan("a :\nb"), Some(Key(1, 3)));
        assert_eq!(scan("a:"), Some(Key(1, 2)));
        assert_eq!(scan("http://x:y  # c"), Some(Scalar(10)));
        assert_eq!(scan("a#b c #d: e"), Some(Scalar(5)));
        assert_eq!(scan("v  "), Some(Scalar(1)));
        assert_eq!(scan("✓ done:x"), Some(Scalar(10)));
        assert_eq!(scan(&format!("k{}: v", " ".repeat(600))), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The jumping scan and the byte-at-a-time one agree on every line
        /// (keys long and short, `:` and `#` with and without spaces,
        /// non-ASCII, the line's end before the text's).
        #[test]
        fn the_key_scan_agrees_with_a_scan_of_every_byte(
            line in "([a-z]{1,3}|[ :#]|\u{2713}|:[a-z]| #|[a-z]{500,520}){0,12}",
            rest in "(\n[a-z :#]{0,3})?",
        ) {
            let text = line.clone() + &rest;
            let bytes = text.as_bytes();
            let end = line.len();
            for at in 0..end {
                // Where a plain key or scalar may start: the line's start or
                // after a space, on a byte that is no indicator
                // (`plain_start`), as the callers ensure.
                if (at > 0 && bytes[at - 1] != b' ') || matches!(bytes[at], b' ' | b'#')
                    || (bytes[at] == b':' && matches!(bytes.get(at + 1), None | Some(b' ' | b'\n')))
                {
                    continue;
                }
                proptest::prop_assert_eq!(
                    super::plain_key_or_scalar(bytes, at, end),
                    key_or_scalar_bytewise(bytes, at, end),
                    "{:?} from {}", text, at
                );
            }
        }
    }

    /// A generated flow collection (`[…]`, `{…}`) of scalars of every style
    /// the reader reads, and of some it leaves to saphyr.
    #[derive(Clone, Debug)]
    enum Flow {
        Scalar(String),
        Seq(Vec<Flow>),
        Map(Vec<(String, Flow)>),
    }

    fn flow() -> impl proptest::strategy::Strategy<Value = Flow> {
        use proptest::prelude::*;
        let scalar =
            "[a-z][a-z0-9 .-]{0,5}|\"[a-z ,\\\\]{0,3}\"|'[a-z ,]{0,3}'|-[a-z]|[a-z]:[a-z]|[a-z] #[a-z]|- |[a-z]: [a-z]|"
                .prop_map(Flow::Scalar);
        scalar.prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Flow::Seq),
                proptest::collection::vec(("[a-z]{1,3}|\"[a-z]{1,2}\"", inner), 0..4).prop_map(Flow::Map),
            ]
        })
    }

    /// Writes `flow`, taking the text between its tokens from `seps` in
    /// turn (spaces, line breaks with any indentation, blank lines, a
    /// comment, a trailing comma).
    fn render_flow(flow: &Flow, seps: &[String], next: &mut usize, out: &mut String) {
        let sep = |next: &mut usize, out: &mut String| {
            if !seps.is_empty() {
                out.push_str(&seps[*next % seps.len()]);
                *next += 1;
            }
        };
        match flow {
            Flow::Scalar(s) => out.push_str(s),
            Flow::Seq(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    sep(next, out);
                    if i > 0 {
                        out.push(',');
                        sep(next, out);
                    }
                    render_flow(item, seps, next, out);
                }
                sep(next, out);
                out.push(']');
            }
            Flow::Map(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    sep(next, out);
                    if i > 0 {
                        out.push(',');
                        sep(next, out);
                    }
                    out.push_str(key);
                    out.push(':');
                    out.push(' ');
                    sep(next, out);
                    render_flow(value, seps, next, out);
                }
                sep(next, out);
                out.push('}');
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Flow collections broken over lines anywhere, in every place the
        /// reader reads one (a key's value on its line or below it, a
        /// sequence item) and followed by lines at any indentation:
        /// whatever the reader accepts, saphyr reads the same way.
        #[test]
        fn agrees_with_saphyr_on_flow_collections_over_several_lines(
            value in flow(),
            seps in proptest::collection::vec("|  ?| *\n {0,7}| *\n *\n {0,7}| *# c\n {0,7}|,", 0..6),
            layout in 0usize..4,
            indent in " {0,5}",
            after in "(  )?(- )?[a-z]: [a-z]\n|  # c\n|",
            end in "( +# c)? *\n?",
        ) {
            let mut text = String::new();
            let mut flow_text = String::new();
            render_flow(&value, &seps, &mut 0, &mut flow_text);
            match layout {
                0 => text.push_str("k: "),
                1 => {
                    text.push_str("k:\n ");
                    text.push_str(&indent);
                }
                2 => {
                    text.push_str("k:\n");
                    text.push_str(&indent);
                    text.push_str("- ");
                }
                _ => text.push_str("- "),
            }
            text.push_str(&flow_text);
            text.push_str(&end);
            if end.ends_with('\n') {
                text.push_str(&after);
            }
            if let Some(fast) = parse_with_fast(&text) {
                let saphyr = parse_with_saphyr(&text);
                proptest::prop_assert!(fast.same_as(&saphyr), "disagree on:\n{}\nfast:\n{}\nsaphyr:\n{}", text, flat(&fast), flat(&saphyr));
            }
        }
    }
}
