//! A per-thread memo of parsed expressions. A lint parses each expression
//! at least twice (the `expression` rule's type check and the audits' shared
//! list), verification's re-lints parse them again, and workflows repeat the
//! same texts (`matrix.os`, `github.event_name == 'push'`, `secrets.…`)
//! from file to file: on the corpus, most calls see a text parsed before.
//! A copy of the stored tree costs a fraction of lexing and parsing it.
//!
//! The parse is a function of the text alone, so an answer from the memo
//! is the answer the parse gives. The memo is bounded: texts longer than
//! [`MAX_TEXT`] are not kept, and it is emptied when it holds
//! [`MAX_ENTRIES`], so a long-running language server does not grow it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::ast::Expr;
use crate::error::ExprError;

/// Longer texts are parsed each time (rare, and costly to keep).
pub(super) const MAX_TEXT: usize = 256;
/// Entries kept before the memo is emptied.
pub(super) const MAX_ENTRIES: usize = 4096;

type Memo = HashMap<Box<str>, Result<Expr, ExprError>, BuildHasherDefault<WordHasher>>;

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::default();
}

pub(super) fn parse(src: &str) -> Result<Expr, ExprError> {
    if src.len() > MAX_TEXT {
        return super::parse_text(src);
    }
    MEMO.with(|memo| {
        if let Some(found) = memo.borrow().get(src) {
            return found.clone();
        }
        let parsed = super::parse_text(src);
        let mut memo = memo.borrow_mut();
        if memo.len() >= MAX_ENTRIES {
            memo.clear();
        }
        memo.insert(src.into(), parsed.clone());
        parsed
    })
}

/// How many texts this thread's memo holds.
#[cfg(test)]
pub(super) fn len() -> usize {
    MEMO.with(|memo| memo.borrow().len())
}

/// A hash of short keys eight bytes at a time (std's SipHash costs more
/// than the lookup saves on texts this short). Not collision-resistant:
/// the keys are expressions of the files being linted, and a collision
/// costs only a longer probe.
#[derive(Default)]
struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        // Multiply-rotate mixing with an odd 64-bit constant.
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, b: u8) {
        // `str`'s `Hash` ends every key with 0xff, so "ab" and "ab\0" differ.
        self.add(u64::from(b));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(src: &str) -> (Result<Expr, ExprError>, Result<Expr, ExprError>) {
        (parse(src), super::super::parse_text(src))
    }

    #[test]
    fn a_text_parsed_again_gets_the_same_answer() {
        for src in [
            "matrix.os",
            "github.event_name == 'push'",
            "a ||",
            "'unclosed",
            "f(1, 'x')[0].y",
        ] {
            let first = both(src);
            assert_eq!(first.0, first.1, "{src}");
            let again = both(src);
            assert_eq!(again.0, again.1, "{src}");
        }
    }

    #[test]
    fn keys_that_share_a_prefix_or_trailing_zeros_are_apart() {
        // The hash pads the last word with zeros: "ab" and "ab\0" must not meet.
        assert_eq!(parse("ab").map(|e| e.sexpr()).ok(), Some("ab".to_string()));
        assert_eq!(parse("ab\0"), super::super::parse_text("ab\0"));
        assert_eq!(parse("ab").map(|e| e.sexpr()).ok(), Some("ab".to_string()));
        assert_eq!(parse("abcdefgh.x").map(|e| e.sexpr()), parse_text_sexpr("abcdefgh.x"));
        assert_eq!(parse("abcdefgh").map(|e| e.sexpr()), parse_text_sexpr("abcdefgh"));
    }

    fn parse_text_sexpr(src: &str) -> Result<String, ExprError> {
        super::super::parse_text(src).map(|e| e.sexpr())
    }

    #[test]
    fn the_memo_stays_bounded_and_long_texts_are_not_kept() {
        for i in 0..MAX_ENTRIES + 10 {
            let _ = parse(&format!("a.b{i}"));
            assert!(len() <= MAX_ENTRIES);
        }
        let before = len();
        let long = format!("a == '{}'", "x".repeat(MAX_TEXT));
        assert_eq!(parse(&long), super::super::parse_text(&long));
        assert_eq!(len(), before);
    }

    proptest::proptest! {
        // Texts drawn from expression pieces, so many parse, many repeat
        // and many fail: each answer equals the parse's, first time or not.
        #[test]
        fn memoized_parse_equals_the_parse(
            texts in proptest::collection::vec(
                proptest::string::string_regex("[a-c.()'=!|&0-9 \\[\\]*,]{0,12}").unwrap(),
                1..40,
            )
        ) {
            for src in texts.iter().chain(texts.iter()) {
                let (memo, direct) = both(src);
                proptest::prop_assert_eq!(memo, direct);
            }
        }
    }
}
