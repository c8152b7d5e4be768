//! A JSON writer for shapes known when the code is written: each key is
//! written as one literal and each value straight into a byte buffer, in
//! exactly serde_json's pretty layout (`to_string_pretty`: two spaces a
//! level, `"key": value`, `[]` and `{}` when empty, serde_json's string
//! escapes). The CLI's JSON and SARIF documents print thousands of findings
//! this way: through serde, every key was one `serialize_str` call and every
//! byte went through a generic `io::Write`.
//!
//! The caller says the shape (`begin_object`, `key`, a value, `end_object`);
//! the writer owns only the layout. Tests compare every shape written with
//! it against serde_json's printing of the same value.

/// Writes one value, whose lines start `base` spaces in (its first line's
/// indentation is the caller's), into `out`.
pub struct Pretty<'a> {
    out: &'a mut Vec<u8>,
    base: usize,
    level: usize,
    /// Whether the innermost open array or object has a member.
    has_value: bool,
}

impl<'a> Pretty<'a> {
    pub fn new(out: &'a mut Vec<u8>, base: usize) -> Self {
        Pretty {
            out,
            base,
            level: 0,
            has_value: false,
        }
    }

    /// A line break (after a comma unless the member is the first) and the
    /// current level's indentation, written in one piece while it fits in
    /// [`BREAK`] (the documents nest about ten levels).
    fn member(&mut self) {
        let skip_comma = usize::from(!self.has_value);
        self.has_value = true;
        let mut width = self.base + 2 * self.level;
        let first = width.min(BREAK.len() - 2);
        self.out.extend_from_slice(&BREAK[skip_comma..2 + first]);
        width -= first;
        while width > 0 {
            let n = width.min(BREAK.len() - 2);
            self.out.extend_from_slice(&BREAK[2..2 + n]);
            width -= n;
        }
    }

    fn close(&mut self, bracket: u8) {
        self.level -= 1;
        if self.has_value {
            // The closing bracket's own line, at its opening's level.
            self.has_value = false;
            self.member();
        }
        self.out.push(bracket);
        // The container just closed is a member of its parent.
        self.has_value = true;
    }

    pub fn begin_object(&mut self) {
        self.level += 1;
        self.has_value = false;
        self.out.push(b'{');
    }

    pub fn end_object(&mut self) {
        self.close(b'}');
    }

    pub fn begin_array(&mut self) {
        self.level += 1;
        self.has_value = false;
        self.out.push(b'[');
    }

    pub fn end_array(&mut self) {
        self.close(b']');
    }

    /// The next member of the open object is `key`; write its value next.
    /// Keys are the shapes' own names: nothing in them needs escaping.
    pub fn key(&mut self, key: &'static str) {
        debug_assert!(
            key.bytes().all(|b| !needs_escape(b)),
            "a literal key needs no escape: {key:?}"
        );
        self.member();
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\": ");
    }

    /// The next element of the open array; write its value next.
    pub fn element(&mut self) {
        self.member();
    }

    pub fn string(&mut self, s: &str) {
        self.out.push(b'"');
        escape_into(self.out, s);
        self.out.push(b'"');
    }

    pub fn number(&mut self, n: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&digits[at..]);
    }

    pub fn bool(&mut self, b: bool) {
        self.out.extend_from_slice(if b { b"true" } else { b"false" });
    }

    /// `"key": "value"`, the commonest member.
    pub fn string_member(&mut self, key: &'static str, value: &str) {
        self.key(key);
        self.string(value);
    }

    pub fn number_member(&mut self, key: &'static str, value: u64) {
        self.key(key);
        self.number(value);
    }
}

/// `,\n` and the indentation of a member up to 64 levels deep.
const BREAK: [u8; 130] = {
    let mut b = [b' '; 130];
    b[0] = b',';
    b[1] = b'\n';
    b
};

/// The bytes serde_json escapes in a string: `"`, `\` and the C0 controls.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// How many bytes [`next_escape`] tests at once: a fixed-size block whose
/// test has no early exit compiles to a few vector instructions.
const BLOCK: usize = 16;

/// Whether any byte of the block needs an escape.
fn block_needs_escape(block: &[u8; BLOCK]) -> bool {
    block.iter().fold(0u8, |any, &b| any | u8::from(needs_escape(b))) != 0
}

/// The offset of the first byte at or after `from` that needs an escape,
/// or `bytes.len()`. Most strings (rule ids, codes, paths, messages) need
/// none: they are tested a block at a time, the last, short one padded
/// with spaces, so a string of a few bytes is one block test, not a loop.
fn next_escape(bytes: &[u8], from: usize) -> usize {
    let rest = &bytes[from..];
    let mut blocks = rest.chunks_exact(BLOCK);
    let mut at = from;
    for block in &mut blocks {
        let block: &[u8; BLOCK] = block.try_into().expect("a whole block");
        if block_needs_escape(block) {
            break;
        }
        at += BLOCK;
    }
    let tail = &bytes[at..];
    if tail.len() < BLOCK {
        let mut padded = [b' '; BLOCK];
        padded[..tail.len()].copy_from_slice(tail);
        if !block_needs_escape(&padded) {
            return bytes.len();
        }
    }
    // In this block (or the padded tail): find the byte.
    at + tail.iter().position(|&b| needs_escape(b)).unwrap_or(tail.len())
}

/// `s` with serde_json's escapes (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`,
/// other controls as `\u00xx`), the runs between them copied whole.
pub fn escape_into(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0; // first byte not yet copied
    loop {
        let i = next_escape(bytes, start);
        out.extend_from_slice(&bytes[start..i]);
        let Some(&b) = bytes.get(i) else { return };
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 0xf) as usize]]);
            }
        }
        start = i + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{Value, json};

    /// `value` written through [`Pretty`] member by member (object keys
    /// must be among `KEYS`, the writer's keys being literals).
    fn write_value(w: &mut Pretty, value: &Value) {
        match value {
            Value::Null => w.out.extend_from_slice(b"null"),
            Value::Bool(b) => w.bool(*b),
            Value::Number(n) => w.number(n.as_u64().expect("test numbers are unsigned")),
            Value::String(s) => w.string(s),
            Value::Array(items) => {
                w.begin_array();
                for item in items {
                    w.element();
                    write_value(w, item);
                }
                w.end_array();
            }
            Value::Object(map) => {
                w.begin_object();
                for (k, v) in map {
                    let key = KEYS.iter().find(|key| **key == k).expect("a known key");
                    w.key(key);
                    write_value(w, v);
                }
                w.end_object();
            }
        }
    }

    const KEYS: &[&str] = &["a", "b", "c", "deep", "level", "next", "e", "f", "g"];

    fn pretty(value: &Value, base: usize) -> String {
        let mut out = Vec::new();
        write_value(&mut Pretty::new(&mut out, base), value);
        String::from_utf8(out).unwrap()
    }

    /// serde_json's pretty printing with every line but the first indented.
    fn expected(value: &Value, base: usize) -> String {
        let indent = " ".repeat(base);
        serde_json::to_string_pretty(value)
            .unwrap()
            .replace('\n', &format!("\n{indent}"))
    }

    /// Empty and nested containers, escapes, indentation deeper than one
    /// run of spaces, at two base indentations.
    #[test]
    fn the_layout_is_serde_jsons() {
        let mut deep = json!("end");
        for i in 0..70 {
            deep = json!({ "level": i, "next": [deep, [], {}] });
        }
        let value = json!({
            "a": [], "b": {}, "c": [[]], "e": [{}, {"f": "x\ny\"\\\u{1}\u{7f}é"}], "f": null, "g": [true, false, 0, u64::MAX],
            "deep": deep,
        });
        for base in [0, 4] {
            assert_eq!(pretty(&value, base), expected(&value, base));
        }
        assert_eq!(pretty(&json!([]), 0), "[]");
        assert_eq!(pretty(&json!({}), 2), "{}");
    }

    proptest! {
        /// Any string, escapes and multi-byte characters at every offset
        /// of the sixteen-byte blocks and in the padded tail, is escaped as serde_json escapes it.
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(s in "(\\PC|[\\x00-\\x1f\"\\\\\\x7f]){0,70}") {
            let mut out = Vec::new();
            Pretty::new(&mut out, 0).string(&s);
            prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn numbers_are_printed_as_serde_json_prints_them(n in any::<u64>()) {
            let mut out = Vec::new();
            Pretty::new(&mut out, 0).number(n);
            prop_assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }
}
