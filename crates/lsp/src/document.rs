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

/// The most text the server keeps of one open document: four times the
/// engine's analysis budget (`yaml::limits::MAX_BYTES`, 4 MiB; GitHub reads
/// at most 1 MiB of a workflow). Between the two a document is kept and
/// analyzed as one "file is larger than 4 MiB" error, so deleting a block
/// pasted by mistake recovers through ordinary edits. Past this cap no
/// workflow is being written: the text is dropped, not analyzed, and one
/// diagnostic says why (as Biome, then Rome, refuses files over its size
/// limit with one diagnostic instead of parsing them: rome/tools#3339).
/// Without a cap a client's endless incremental insertions, or a `didOpen`
/// as large as a frame (`frames::MAX_BODY`, 64 MiB), were held whole.
pub const MAX_DOCUMENT_BYTES: usize = 4 * autoheal_engine::yaml::limits::MAX_BYTES;

/// What the server holds of a document after its changes.
#[derive(Debug, PartialEq, Eq)]
pub enum Kept {
    Text(String),
    /// The text grew past [`MAX_DOCUMENT_BYTES`] and was dropped; `bytes` is
    /// the size it would have reached, when known. Only a change replacing
    /// the whole text (or closing and reopening the document) brings it
    /// back: an edit of a range cannot be applied to a text not kept.
    TooLarge {
        bytes: Option<usize>,
    },
}

/// Apply `didChange` content changes in order to `text` (`None`: the text
/// was dropped as too large). A change without a range replaces the whole
/// text. A change that would make the text larger than `cap` drops it
/// before any larger text is built, so the server never holds more than
/// `cap` bytes of a document plus the change being read.
pub fn apply_changes(
    text: Option<&str>,
    changes: &[TextDocumentContentChangeEvent],
    enc: PositionEncoding,
    cap: usize,
) -> Kept {
    let mut kept = match text {
        Some(t) => Kept::Text(t.to_string()),
        None => Kept::TooLarge { bytes: None },
    };
    for change in changes {
        kept = match (kept, change.range) {
            (_, None) => keep(change.text.clone(), cap),
            (Kept::TooLarge { .. }, Some(_)) => Kept::TooLarge { bytes: None },
            (Kept::Text(mut text), Some(range)) => {
                let index = LineIndex::new(&text);
                let start = offset_at(&text, &index, range.start, enc);
                let end = offset_at(&text, &index, range.end, enc).max(start);
                let bytes = text.len() - (end - start) + change.text.len();
                if bytes > cap {
                    Kept::TooLarge { bytes: Some(bytes) }
                } else {
                    text.replace_range(start..end, &change.text);
                    Kept::Text(text)
                }
            }
        };
    }
    kept
}

/// `text` when it is within `cap` bytes.
pub fn keep(text: String, cap: usize) -> Kept {
    if text.len() > cap {
        Kept::TooLarge {
            bytes: Some(text.len()),
        }
    } else {
        Kept::Text(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn text_of(kept: Kept) -> String {
        match kept {
            Kept::Text(t) => t,
            Kept::TooLarge { bytes } => panic!("dropped as too large ({bytes:?})"),
        }
    }

    fn full(text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: text.to_string(),
        }
    }

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
            prop_assert_eq!(text_of(apply_changes(Some(&text), &[change], PositionEncoding::Utf16, usize::MAX)), expected);
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
        let out = text_of(apply_changes(
            Some(text),
            &[change(0, 9, 0, 11, "中文")],
            PositionEncoding::Utf16,
            usize::MAX,
        ));
        assert_eq!(out, "name: 🚀 中文\nrun: x\n");
        let out = text_of(apply_changes(
            Some(&out),
            &[change(1, 5, 1, 6, "y😀")],
            PositionEncoding::Utf16,
            usize::MAX,
        ));
        assert_eq!(out, "name: 🚀 中文\nrun: y😀\n");
    }

    #[test]
    fn utf8_edits_count_bytes() {
        let text = "a: 🚀x\n";
        let out = text_of(apply_changes(
            Some(text),
            &[change(0, 7, 0, 8, "y")],
            PositionEncoding::Utf8,
            usize::MAX,
        ));
        assert_eq!(out, "a: 🚀y\n");
    }

    #[test]
    fn several_changes_apply_in_order_and_full_replacement_resets() {
        let text = "ab\ncd\n";
        let out = text_of(apply_changes(
            Some(text),
            &[change(0, 0, 0, 1, "X"), change(1, 1, 1, 2, "Y")],
            PositionEncoding::Utf16,
            usize::MAX,
        ));
        assert_eq!(out, "Xb\ncY\n");
        let full = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new".into(),
        };
        assert_eq!(
            text_of(apply_changes(Some(&out), &[full], PositionEncoding::Utf16, usize::MAX)),
            "new"
        );
    }

    #[test]
    fn out_of_range_and_mid_character_positions_never_panic() {
        let text = "😀\n";
        let out = text_of(apply_changes(
            Some(text),
            &[change(0, 1, 0, 1, "x")],
            PositionEncoding::Utf16,
            usize::MAX,
        ));
        assert_eq!(out, "x😀\n");
        let out = text_of(apply_changes(
            Some(text),
            &[change(40, 3, 99, 99, "z")],
            PositionEncoding::Utf16,
            usize::MAX,
        ));
        assert_eq!(out, "😀\nz");
        let out = text_of(apply_changes(
            Some(text),
            &[change(0, 5, 0, 1, "q")],
            PositionEncoding::Utf16,
            usize::MAX,
        ));
        assert!(out.contains('q'));
    }

    #[test]
    fn a_change_past_the_cap_drops_the_text_and_only_a_whole_replacement_brings_it_back() {
        let enc = PositionEncoding::Utf16;
        // Exactly at the cap is kept; one byte more is not, and the size it
        // would have reached is told.
        assert_eq!(
            apply_changes(Some("abc"), &[change(0, 3, 0, 3, "d")], enc, 4),
            Kept::Text("abcd".into())
        );
        assert_eq!(
            apply_changes(Some("abcd"), &[change(0, 4, 0, 4, "e")], enc, 4),
            Kept::TooLarge { bytes: Some(5) }
        );
        // A replacement of a range counts what it removes.
        assert_eq!(
            apply_changes(Some("abcd"), &[change(0, 0, 0, 2, "xy")], enc, 4),
            Kept::Text("xycd".into())
        );
        // A dropped text takes no edit of a range, even one that shrinks it:
        // there is nothing to apply it to.
        assert_eq!(
            apply_changes(None, &[change(0, 0, 0, 9, "")], enc, 4),
            Kept::TooLarge { bytes: None }
        );
        // A whole replacement within the cap brings it back, and the edits
        // after it in the same notification apply to it.
        assert_eq!(
            apply_changes(None, &[full("ab"), change(0, 2, 0, 2, "c")], enc, 4),
            Kept::Text("abc".into())
        );
        assert_eq!(
            apply_changes(None, &[full("abcde")], enc, 4),
            Kept::TooLarge { bytes: Some(5) }
        );
        // Past the cap midway, then replaced whole: kept.
        assert_eq!(
            apply_changes(Some("ab"), &[change(0, 2, 0, 2, "cde"), full("z")], enc, 4),
            Kept::Text("z".into())
        );
    }
}
