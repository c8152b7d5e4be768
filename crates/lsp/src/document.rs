//! One open document: its text, version and line index, and incremental
//! edits applied in the negotiated position encoding.

use std::sync::Arc;

use autoheal_engine::text::{LineIndex, PositionEncoding, WirePosition};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

/// An immutable view of a document at one version, cheap to clone and to
/// hand to a blocking task.
#[derive(Clone)]
pub struct Snapshot {
    pub text: Arc<str>,
    pub index: Arc<LineIndex>,
    pub version: i32,
    /// Bumped on every change; results computed for an older generation
    /// are stale and never published.
    pub generation: u64,
}

impl Snapshot {
    pub fn new(text: String, version: i32, generation: u64) -> Self {
        let index = Arc::new(LineIndex::new(&text));
        Snapshot {
            text: Arc::from(text),
            index,
            version,
            generation,
        }
    }

    pub fn offset(&self, pos: Position, enc: PositionEncoding) -> usize {
        offset_at(&self.text, &self.index, pos, enc)
    }

    pub fn position(&self, offset: usize, enc: PositionEncoding) -> Position {
        let w = self.index.to_wire(&self.text, offset, enc);
        Position {
            line: w.line,
            character: w.character,
        }
    }

    pub fn range(&self, start: usize, end: usize, enc: PositionEncoding) -> Range {
        Range {
            start: self.position(start, enc),
            end: self.position(end, enc),
        }
    }
}

/// The byte offset of a wire position. Positions past a line's end or past
/// the text clamp (as LSP asks); a position inside a character (half a
/// surrogate pair) rounds down to that character's start.
pub fn offset_at(text: &str, index: &LineIndex, pos: Position, enc: PositionEncoding) -> usize {
    let mut wire = WirePosition {
        line: pos.line,
        character: pos.character,
    };
    loop {
        if let Some(o) = index.from_wire(text, wire, enc) {
            return o;
        }
        if wire.character == 0 {
            return index.line_start(wire.line + 1).unwrap_or(text.len());
        }
        wire.character -= 1;
    }
}

/// Apply `didChange` content changes in order. A change without a range
/// replaces the whole text.
pub fn apply_changes(text: &str, changes: &[TextDocumentContentChangeEvent], enc: PositionEncoding) -> String {
    let mut text = text.to_string();
    for change in changes {
        match change.range {
            None => text = change.text.clone(),
            Some(range) => {
                let index = LineIndex::new(&text);
                let start = offset_at(&text, &index, range.start, enc);
                let end = offset_at(&text, &index, range.end, enc).max(start);
                text.replace_range(start..end, &change.text);
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The UTF-16 position of char index `at` in `text`.
    fn utf16_position(text: &str, at: usize) -> Position {
        let before: String = text.chars().take(at).collect();
        let line = before.matches('\n').count() as u32;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position::new(line, before[line_start..].encode_utf16().count() as u32)
    }

    proptest! {
        #[test]
        fn incremental_edits_match_splicing_chars(
            text in "[a-z😀日é\n ]{0,40}",
            a in 0usize..50,
            b in 0usize..50,
            insert in "[x😀本\n]{0,4}",
        ) {
            let n = text.chars().count();
            let (start, end) = (a.min(b).min(n), a.max(b).min(n));
            let change = TextDocumentContentChangeEvent {
                range: Some(Range { start: utf16_position(&text, start), end: utf16_position(&text, end) }),
                range_length: None,
                text: insert.clone(),
            };
            let chars: Vec<char> = text.chars().collect();
            let expected: String = chars[..start].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[end..].iter()).collect();
            prop_assert_eq!(apply_changes(&text, &[change], PositionEncoding::Utf16), expected);
        }
    }

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range {
                start: Position::new(sl, sc),
                end: Position::new(el, ec),
            }),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn utf16_edits_after_emoji_and_cjk() {
        let text = "name: 🚀 日本\nrun: x\n";
        // After "name: 🚀 " is UTF-16 column 9 (the rocket is two units).
        let out = apply_changes(text, &[change(0, 9, 0, 11, "中文")], PositionEncoding::Utf16);
        assert_eq!(out, "name: 🚀 中文\nrun: x\n");
        let out = apply_changes(&out, &[change(1, 5, 1, 6, "y😀")], PositionEncoding::Utf16);
        assert_eq!(out, "name: 🚀 中文\nrun: y😀\n");
    }

    #[test]
    fn utf8_edits_count_bytes() {
        let text = "a: 🚀x\n";
        let out = apply_changes(text, &[change(0, 7, 0, 8, "y")], PositionEncoding::Utf8);
        assert_eq!(out, "a: 🚀y\n");
    }

    #[test]
    fn several_changes_apply_in_order_and_full_replacement_resets() {
        let text = "ab\ncd\n";
        let out = apply_changes(
            text,
            &[change(0, 0, 0, 1, "X"), change(1, 1, 1, 2, "Y")],
            PositionEncoding::Utf16,
        );
        assert_eq!(out, "Xb\ncY\n");
        let full = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new".into(),
        };
        assert_eq!(apply_changes(&out, &[full], PositionEncoding::Utf16), "new");
    }

    #[test]
    fn out_of_range_and_mid_character_positions_never_panic() {
        let text = "😀\n";
        let out = apply_changes(text, &[change(0, 1, 0, 1, "x")], PositionEncoding::Utf16);
        assert_eq!(out, "x😀\n");
        let out = apply_changes(text, &[change(40, 3, 99, 99, "z")], PositionEncoding::Utf16);
        assert_eq!(out, "😀\nz");
        let out = apply_changes(text, &[change(0, 5, 0, 1, "q")], PositionEncoding::Utf16);
        assert!(out.contains('q'));
    }
}
