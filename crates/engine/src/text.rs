//! Byte ranges and the conversions between byte offsets, human 1-based
//! line:column positions and LSP positions (UTF-16 or UTF-8 code units).

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into one file's bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

impl TextRange {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "{start} > {end}");
        TextRange { start, end }
    }
    pub fn empty(at: usize) -> Self {
        TextRange { start: at, end: at }
    }
    pub fn len(self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    /// Like `contains` but also true at `end`, which is where a cursor sits
    /// after the last character of a token.
    pub fn touches(self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange::new(self.start.min(other.start), self.end.max(other.end))
    }
    pub fn overlaps(self, other: TextRange) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn shifted(self, by: usize) -> TextRange {
        TextRange::new(self.start + by, self.end + by)
    }
}

/// A 1-based line and 1-based column counted in Unicode scalar values, the
/// way terminals, actionlint and GitHub annotations show positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LineColumn {
    pub line: u32,
    pub column: u32,
}

/// A 0-based LSP position in the negotiated encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct WirePosition {
    pub line: u32,
    pub character: u32,
}

/// The code unit LSP positions are counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PositionEncoding {
    Utf8,
    #[default]
    Utf16,
}

/// Maps byte offsets of one text to positions and back.
///
/// Built on the `line-index` crate so UTF-16 handling (surrogate pairs for
/// emoji, 3-byte CJK) matches rust-analyzer's.
pub struct LineIndex {
    inner: line_index::LineIndex,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // A lone CR (old Mac line ends) ends a line for YAML, which the
        // parser follows, and for LSP; `line-index` counts LF only, which
        // put every finding of such a file on line 1. Index a copy with each
        // lone CR as an LF: one byte for one, so every offset stays valid.
        let inner = if has_lone_cr(text) {
            let bytes = text.as_bytes();
            let lf: String = text
                .char_indices()
                .map(|(i, c)| {
                    if c == '\r' && bytes.get(i + 1) != Some(&b'\n') {
                        '\n'
                    } else {
                        c
                    }
                })
                .collect();
            line_index::LineIndex::new(&lf)
        } else {
            line_index::LineIndex::new(text)
        };
        LineIndex { inner, len: text.len() }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn clamp(&self, offset: usize, text: &str) -> usize {
        let mut o = offset.min(self.len);
        while o > 0 && !text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// 1-based line and character column for humans.
    pub fn line_column(&self, text: &str, offset: usize) -> LineColumn {
        let offset = self.clamp(offset, text);
        let lc = self.inner.line_col(line_index::TextSize::new(offset as u32));
        let line_start = offset - lc.col as usize;
        let column = text[line_start..offset].chars().count() as u32 + 1;
        LineColumn {
            line: lc.line + 1,
            column,
        }
    }

    /// Byte offset of a 1-based line and character column; clamps to the
    /// line's end (before its line break) and to the text's end.
    pub fn offset_of_line_column(&self, text: &str, pos: LineColumn) -> usize {
        let line = pos.line.saturating_sub(1);
        let Some(range) = self.inner.line(line) else {
            return self.len;
        };
        let start = u32::from(range.start()) as usize;
        let end = u32::from(range.end()) as usize;
        let line_text = text[start..end].trim_end_matches(['\n', '\r']);
        let col = pos.column.saturating_sub(1) as usize;
        match line_text.char_indices().nth(col) {
            Some((i, _)) => start + i,
            None => start + line_text.len(),
        }
    }

    /// Byte offset where 1-based `line` starts, if the line exists.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.inner
            .line(line.checked_sub(1)?)
            .map(|r| u32::from(r.start()) as usize)
    }

    /// Number of lines (a trailing newline opens one more, empty line).
    pub fn line_count(&self) -> u32 {
        self.inner.len().into()
    }

    pub fn to_wire(&self, text: &str, offset: usize, encoding: PositionEncoding) -> WirePosition {
        let offset = self.clamp(offset, text);
        let lc = self.inner.line_col(line_index::TextSize::new(offset as u32));
        match encoding {
            PositionEncoding::Utf8 => WirePosition {
                line: lc.line,
                character: lc.col,
            },
            PositionEncoding::Utf16 => {
                let wide = self
                    .inner
                    .to_wide(line_index::WideEncoding::Utf16, lc)
                    .map(|w| w.col)
                    .unwrap_or(lc.col);
                WirePosition {
                    line: lc.line,
                    character: wide,
                }
            }
        }
    }

    /// Byte offset of an LSP position. A position past the end of its line
    /// clamps to the line's end and one past the last line to the text's end,
    /// as the LSP specification asks; `None` only for a position inside a
    /// UTF-16 surrogate pair or a multi-byte character.
    pub fn from_wire(&self, text: &str, pos: WirePosition, encoding: PositionEncoding) -> Option<usize> {
        let Some(range) = self.inner.line(pos.line) else {
            return Some(self.len);
        };
        let start = u32::from(range.start()) as usize;
        let end = u32::from(range.end()) as usize;
        let line_text = text[start..end].trim_end_matches(['\n', '\r']);
        let mut units = 0u32;
        for (i, ch) in line_text.char_indices() {
            if units == pos.character {
                return Some(start + i);
            }
            units += match encoding {
                PositionEncoding::Utf8 => ch.len_utf8() as u32,
                PositionEncoding::Utf16 => ch.len_utf16() as u32,
            };
            if units > pos.character {
                return None;
            }
        }
        Some(start + line_text.len())
    }
}

/// What turns a byte offset of one text into its 1-based line and column
/// ([`LineColumn`]): a [`LineIndex`] of the whole text, or the
/// [`Positions`] of the few offsets a writer asks for.
pub trait ToLineColumn {
    fn to_line_column(&self, text: &str, offset: usize) -> LineColumn;
}

impl ToLineColumn for LineIndex {
    fn to_line_column(&self, text: &str, offset: usize) -> LineColumn {
        self.line_column(text, offset)
    }
}

/// The [`LineColumn`]s of a set of offsets of one text, each exactly
/// [`LineIndex::line_column`]'s, found in one pass over the text up to the
/// last offset: the line ends between one offset and the next are counted
/// (a loop the compiler vectorizes), and each offset's line start is found
/// by searching back from it. The CLI's JSON, SARIF and GitHub writers ask
/// for the few ranges of a file's findings, and a [`LineIndex`] of the
/// whole file (every line start and every non-ASCII character, for UTF-16)
/// cost them as much as escaping all their strings.
pub struct Positions {
    /// Clamped offsets, sorted, each once, with their positions.
    known: Vec<(usize, LineColumn)>,
}

impl Positions {
    pub fn new(text: &str, offsets: impl IntoIterator<Item = usize>) -> Self {
        let bytes = text.as_bytes();
        let mut offsets: Vec<usize> = offsets.into_iter().map(|o| clamp(text, o)).collect();
        offsets.sort_unstable();
        offsets.dedup();
        // A lone CR ends a line too (see `LineIndex::new`); most texts have
        // no CR at all, and need not be searched for one.
        let has_cr = memchr::memchr(b'\r', bytes).is_some();
        let mut known = Vec::with_capacity(offsets.len());
        let mut line = 1;
        let mut counted = 0; // line ends before this offset are counted
        for offset in offsets {
            line += line_ends_in(bytes, counted, offset, has_cr) as u32;
            counted = offset;
            let start = line_start_before(bytes, offset, has_cr);
            let column = text[start..offset].chars().count() as u32 + 1;
            known.push((offset, LineColumn { line, column }));
        }
        Positions { known }
    }
}

impl ToLineColumn for Positions {
    /// An offset not given to [`Positions::new`] is counted from the start
    /// of the text: the same answer, more slowly.
    fn to_line_column(&self, text: &str, offset: usize) -> LineColumn {
        let offset = clamp(text, offset);
        match self.known.binary_search_by_key(&offset, |(o, _)| *o) {
            Ok(i) => self.known[i].1,
            Err(_) => Positions::new(text, [offset]).known[0].1,
        }
    }
}

/// `offset` within `text`, moved back to a character boundary (what
/// [`LineIndex`] answers for an offset past the end or inside a character).
fn clamp(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while o > 0 && !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// Whether the byte at `at` ends a line: an LF, or a CR not followed by one.
fn ends_line(bytes: &[u8], at: usize) -> bool {
    bytes[at] == b'\n' || (bytes[at] == b'\r' && bytes.get(at + 1) != Some(&b'\n'))
}

/// How many LFs `bytes` holds, counted a block at a time: each byte's count
/// in its lane of a block of byte counters (a loop the compiler turns into
/// vector compares and adds), summed every 255 blocks before a lane can
/// overflow.
fn count_lfs(bytes: &[u8]) -> usize {
    const BLOCK: usize = 16;
    let mut blocks = bytes.chunks_exact(BLOCK);
    let mut total = 0;
    loop {
        let mut lanes = [0u8; BLOCK];
        let mut summed = 0;
        for block in blocks.by_ref().take(255) {
            let block: &[u8; BLOCK] = block.try_into().expect("a whole block");
            for (lane, b) in lanes.iter_mut().zip(block) {
                *lane += u8::from(*b == b'\n');
            }
            summed += 1;
        }
        total += lanes.iter().map(|n| usize::from(*n)).sum::<usize>();
        if summed < 255 {
            break;
        }
    }
    total + blocks.remainder().iter().filter(|b| **b == b'\n').count()
}

/// How many line ends are at `from..to`.
fn line_ends_in(bytes: &[u8], from: usize, to: usize, has_cr: bool) -> usize {
    let lfs = count_lfs(&bytes[from..to]);
    let lone_crs = if has_cr {
        memchr::memchr_iter(b'\r', &bytes[from..to])
            .filter(|i| ends_line(bytes, from + i))
            .count()
    } else {
        0
    };
    lfs + lone_crs
}

/// Where the line holding `offset` starts: after the last line end before it.
fn line_start_before(bytes: &[u8], offset: usize, has_cr: bool) -> usize {
    let before = &bytes[..offset];
    if !has_cr {
        return memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    }
    memchr::memrchr2_iter(b'\n', b'\r', before)
        .find(|&i| ends_line(bytes, i))
        .map_or(0, |i| i + 1)
}

/// How many line ends come before `offset`: LF, CRLF (one) and a lone CR,
/// as YAML and LSP count them; the 0-based line of `offset`.
pub fn line_ends_before(text: &str, offset: usize) -> usize {
    let all = text.as_bytes();
    let before = &all[..offset.min(all.len())];
    let lone_crs = memchr::memchr_iter(b'\r', before)
        .filter(|i| all.get(i + 1) != Some(&b'\n'))
        .count();
    memchr::memchr_iter(b'\n', before).count() + lone_crs
}

/// Unicode's bidirectional controls (UAX #9): the explicit embeddings and
/// overrides (U+202A–U+202E), the isolates (U+2066–U+2069) and the implicit
/// marks (LRM U+200E, RLM U+200F, ALM U+061C). They make a display show the
/// text around them in another order than it is read ("Trojan Source"), so
/// every front end that shows untrusted text (the terminal, GitHub Markdown)
/// neutralizes them; this is the one list.
#[inline]
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Whether `c` renders as nothing, reorders what follows, or carries text a
/// reader does not see but a program (a language model) reads: every
/// character of general category Cf (Unicode 16: the [`is_bidi_control`]s,
/// zero-width spaces and joiners, the soft hyphen, word joiners and invisible
/// operators, the byte-order mark, the interlinear annotation controls, the
/// prepended number signs, the tag characters U+E0000–U+E007F that spell
/// ASCII unseen, "ASCII smuggling"), and the invisible non-Cf characters:
/// the variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF), the combining
/// grapheme joiner U+034F, the Hangul fillers and the line and paragraph
/// separators U+2028/U+2029 (a break to some readers, none to others). Text
/// posted for others to read drops them, so what a reader sees is all there
/// is.
#[inline]
pub fn is_invisible_format(c: char) -> bool {
    is_bidi_control(c)
        || matches!(
            c,
            // General category Cf.
            '\u{00AD}'
                | '\u{0600}'..='\u{0605}'
                | '\u{06DD}'
                | '\u{070F}'
                | '\u{0890}'..='\u{0891}'
                | '\u{08E2}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206A}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E007F}'
                // Invisible, though not Cf.
                | '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FFA0}'
                | '\u{E0100}'..='\u{E01EF}'
        )
}

/// Whether some CR in `text` is not followed by an LF.
fn has_lone_cr(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_and_nothing_else() {
        for c in [
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
        ] {
            assert!(is_bidi_control(c), "{:04X}", c as u32);
        }
        // Zero-width characters hide text but reorder nothing.
        for c in [
            'a', '\u{200B}', '\u{200D}', '\u{2029}', '\u{206A}', '\u{FEFF}', '\u{1b}',
        ] {
            assert!(!is_bidi_control(c), "{:04X}", c as u32);
        }
    }

    const TEXT: &str = "name: ci\n# 🚀 déploiement 日本語\nrun: echo \"😀\" x\n";

    /// The bidirectional controls are invisible format characters too, and neither list
    /// takes a visible character or a control the terminal shows anyway.
    #[test]
    fn bidi_controls_are_among_the_invisible_format_characters() {
        let all = || (0..=0x10FFFF_u32).filter_map(char::from_u32);
        let bidi: Vec<char> = all().filter(|c| is_bidi_control(*c)).collect();
        assert_eq!(bidi.len(), 12);
        assert!(bidi.iter().all(|c| is_invisible_format(*c)));
        // Cf (170 in Unicode 16, and the unassigned rest of the tag block, 31) and 263
        // invisible characters of other categories.
        assert_eq!(all().filter(|c| is_invisible_format(*c)).count(), 464);
        for invisible in [
            '\u{E0001}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{FE0F}',
            '\u{E0100}',
            '\u{034F}',
            '\u{115F}',
            '\u{1160}',
            '\u{3164}',
            '\u{FFA0}',
            '\u{2028}',
            '\u{2029}',
            '\u{0600}',
            '\u{1343F}',
            '\u{1D173}',
        ] {
            assert!(is_invisible_format(invisible), "{:04X}", invisible as u32);
        }
        for visible in ['a', ' ', '\t', '\n', '‹', 'é', '日', '😀', '\u{13440}', '\u{E01F0}'] {
            assert!(!is_invisible_format(visible), "{visible:?}");
        }
    }

    #[test]
    fn human_columns_count_characters() {
        let idx = LineIndex::new(TEXT);
        let x = TEXT.rfind('x').unwrap();
        assert_eq!(idx.line_column(TEXT, x), LineColumn { line: 3, column: 15 });
        let cjk = TEXT.find('日').unwrap();
        assert_eq!(idx.line_column(TEXT, cjk), LineColumn { line: 2, column: 17 });
        assert_eq!(idx.offset_of_line_column(TEXT, LineColumn { line: 3, column: 15 }), x);
    }

    #[test]
    fn utf16_positions_count_surrogate_pairs() {
        let idx = LineIndex::new(TEXT);
        let x = TEXT.rfind('x').unwrap();
        // `😀` is two UTF-16 units and four UTF-8 bytes.
        let wire = idx.to_wire(TEXT, x, PositionEncoding::Utf16);
        assert_eq!(wire, WirePosition { line: 2, character: 15 });
        assert_eq!(idx.from_wire(TEXT, wire, PositionEncoding::Utf16), Some(x));
        let wire8 = idx.to_wire(TEXT, x, PositionEncoding::Utf8);
        assert_eq!(wire8, WirePosition { line: 2, character: 17 });
        assert_eq!(idx.from_wire(TEXT, wire8, PositionEncoding::Utf8), Some(x));
        let cjk = TEXT.find('語').unwrap();
        let w = idx.to_wire(TEXT, cjk, PositionEncoding::Utf16);
        assert_eq!(w.character, 19);
        assert_eq!(idx.from_wire(TEXT, w, PositionEncoding::Utf16), Some(cjk));
    }

    #[test]
    fn a_lone_cr_ends_a_line_as_crlf_and_lf_do() {
        for text in ["a: 1\rb: 2\rc: 3\r", "a: 1\r\nb: 2\nc: 3\r"] {
            let idx = LineIndex::new(text);
            let c = text.find('c').unwrap();
            assert_eq!(idx.line_column(text, c), LineColumn { line: 3, column: 1 }, "{text:?}");
            let three = text.find('3').unwrap();
            assert_eq!(idx.line_column(text, three), LineColumn { line: 3, column: 4 });
            assert_eq!(
                idx.offset_of_line_column(text, LineColumn { line: 2, column: 99 }),
                text.find('2').unwrap() + 1
            );
            let wire = idx.to_wire(text, three, PositionEncoding::Utf16);
            assert_eq!(wire, WirePosition { line: 2, character: 3 });
            assert_eq!(idx.from_wire(text, wire, PositionEncoding::Utf16), Some(three));
            assert_eq!(idx.line_start(2), Some(text.find('b').unwrap()));
        }
        // CRLF alone is one line end, not two.
        let crlf = "a\r\nb\r\n";
        assert_eq!(LineIndex::new(crlf).line_column(crlf, 3).line, 2);
        for text in ["a\nb\nc", "a\r\nb\r\nc", "a\rb\rc", "a\rb\r\nc"] {
            let idx = LineIndex::new(text);
            for offset in 0..=text.len() {
                let line = line_ends_before(text, offset) as u32 + 1;
                // Between a CRLF's two bytes the line has not ended yet.
                if !(offset > 0 && text.as_bytes()[offset - 1] == b'\r' && text.as_bytes().get(offset) == Some(&b'\n'))
                {
                    assert_eq!(line, idx.line_column(text, offset).line, "{text:?} at {offset}");
                }
            }
        }
    }

    /// Past 255 blocks of LFs the byte counters are summed before they
    /// overflow; every length around the blocks' edges counts each LF.
    #[test]
    fn lfs_are_counted_past_the_byte_counters_range() {
        for len in [0, 1, 15, 16, 17, 255 * 16 - 1, 255 * 16, 255 * 16 + 1, 3 * 255 * 16 + 7] {
            let all = "\n".repeat(len);
            assert_eq!(count_lfs(all.as_bytes()), len);
            let some: String = (0..len).map(|i| if i % 3 == 0 { '\n' } else { 'a' }).collect();
            assert_eq!(count_lfs(some.as_bytes()), len.div_ceil(3));
        }
    }

    proptest::proptest! {
        /// The positions of a set of offsets are the line index's, on text
        /// of every kind of line end (a lone CR, CRLF, an offset between a
        /// CR and its LF) and multi-byte characters (offsets inside them
        /// and past the end), asked for in any order, or not given at all.
        #[test]
        fn positions_of_offsets_equal_the_line_indexs(
            text in "([a\\n\\r é日😀]|\\r\\n){0,40}",
            offsets in proptest::collection::vec(0usize..170, 0..8),
            other in 0usize..170,
        ) {
            let index = LineIndex::new(&text);
            let positions = Positions::new(&text, offsets.iter().copied());
            for offset in offsets.iter().copied().chain([other]) {
                proptest::prop_assert_eq!(
                    positions.to_line_column(&text, offset),
                    index.line_column(&text, offset),
                    "{:?} at {}", text, offset
                );
            }
        }
    }

    #[test]
    fn positions_beyond_the_text_clamp() {
        let idx = LineIndex::new(TEXT);
        assert_eq!(
            idx.from_wire(TEXT, WirePosition { line: 99, character: 0 }, PositionEncoding::Utf16),
            Some(TEXT.len())
        );
        assert_eq!(
            idx.from_wire(TEXT, WirePosition { line: 0, character: 99 }, PositionEncoding::Utf16),
            Some(8)
        );
        // Inside the surrogate pair of 🚀.
        let inside = idx.from_wire(TEXT, WirePosition { line: 1, character: 3 }, PositionEncoding::Utf16);
        assert_eq!(inside, None);
        assert_eq!(idx.line_column(TEXT, 10_000).line, 4);
    }
}
