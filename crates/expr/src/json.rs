//! A small JSON reader for `fromJSON('…')` literals: it infers the value's type and reports
//! broken JSON with the byte offset and wording of Go's `encoding/json`, which actionlint uses.

use crate::types::Type;

/// A syntax error; `offset` counts the bytes read when the error was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub offset: usize,
    pub message: String,
}

/// Values nested deeper than this are typed `any` instead of being walked further.
const MAX_DEPTH: usize = 64;

/// The type of the JSON text, or where it breaks.
pub fn infer_type(text: &str) -> Result<Type, JsonError> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        pos: 0,
    };
    reader.skip_ws();
    let ty = reader.value(0)?;
    reader.skip_ws();
    if let Some(&b) = reader.bytes.get(reader.pos) {
        return Err(reader.invalid(b, "after top-level value"));
    }
    Ok(ty)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn skip_ws(&mut self) {
        while matches!(self.bytes.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eof(&self) -> JsonError {
        JsonError {
            offset: self.bytes.len(),
            message: "unexpected end of JSON input".into(),
        }
    }

    fn invalid(&self, b: u8, context: &str) -> JsonError {
        let shown = if b.is_ascii_graphic() || b == b' ' {
            format!("'{}'", b as char)
        } else {
            format!("'\\x{b:02x}'")
        };
        JsonError {
            offset: self.pos + 1,
            message: format!("invalid character {shown} {context}"),
        }
    }

    fn next_significant(&mut self) -> Result<u8, JsonError> {
        self.skip_ws();
        self.bytes.get(self.pos).copied().ok_or_else(|| self.eof())
    }

    fn value(&mut self, depth: usize) -> Result<Type, JsonError> {
        let b = self.next_significant()?;
        if depth >= MAX_DEPTH && matches!(b, b'{' | b'[') {
            return self.skip_deep();
        }
        match b {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.string().map(|_| Type::String),
            b't' => self.literal("true", Type::Bool),
            b'f' => self.literal("false", Type::Bool),
            b'n' => self.literal("null", Type::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(self.invalid(b, "looking for beginning of value")),
        }
    }

    fn literal(&mut self, word: &str, ty: Type) -> Result<Type, JsonError> {
        for expected in word.bytes() {
            match self.bytes.get(self.pos) {
                None => return Err(self.eof()),
                Some(&b) if b == expected => self.pos += 1,
                Some(&b) => {
                    return Err(self.invalid(b, &format!("in literal {word} (expecting '{}')", expected as char)));
                }
            }
        }
        Ok(ty)
    }

    fn number(&mut self) -> Result<Type, JsonError> {
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let digits = |r: &mut Self, context: &str| -> Result<(), JsonError> {
            match r.bytes.get(r.pos) {
                None => Err(r.eof()),
                Some(b) if b.is_ascii_digit() => {
                    while r.bytes.get(r.pos).is_some_and(u8::is_ascii_digit) {
                        r.pos += 1;
                    }
                    Ok(())
                }
                Some(&b) => Err(r.invalid(b, context)),
            }
        };
        if self.bytes.get(self.pos) == Some(&b'0') {
            self.pos += 1;
        } else {
            digits(self, "in numeric literal")?;
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            digits(self, "after decimal point in numeric literal")?;
        }
        if matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.bytes.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            digits(self, "in exponent of numeric literal")?;
        }
        Ok(Type::Number)
    }

    /// At `"`; returns the raw contents (escapes are checked, not decoded).
    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let start = self.pos;
        loop {
            match self.bytes.get(self.pos) {
                None => return Err(self.eof()),
                Some(b'"') => {
                    let raw = String::from_utf8_lossy(&self.bytes[start..self.pos]).into_owned();
                    self.pos += 1;
                    return Ok(raw);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.bytes.get(self.pos) {
                        None => return Err(self.eof()),
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.pos += 1,
                        Some(b'u') => {
                            self.pos += 1;
                            for _ in 0..4 {
                                match self.bytes.get(self.pos) {
                                    None => return Err(self.eof()),
                                    Some(b) if b.is_ascii_hexdigit() => self.pos += 1,
                                    Some(&b) => return Err(self.invalid(b, "in \\u hexadecimal character escape")),
                                }
                            }
                        }
                        Some(&b) => return Err(self.invalid(b, "in string escape code")),
                    }
                }
                Some(&b) if b < 0x20 => return Err(self.invalid(b, "in string literal")),
                Some(_) => self.pos += 1,
            }
        }
    }

    /// Skips a deeply nested value without recursion, checking only that brackets balance.
    fn skip_deep(&mut self) -> Result<Type, JsonError> {
        let mut stack = Vec::new();
        loop {
            match self.bytes.get(self.pos) {
                None => return Err(self.eof()),
                Some(&b @ (b'[' | b'{')) => {
                    stack.push(if b == b'[' { b']' } else { b'}' });
                    self.pos += 1;
                }
                Some(&b @ (b']' | b'}')) => {
                    if stack.pop() != Some(b) {
                        return Err(self.invalid(b, "looking for beginning of value"));
                    }
                    self.pos += 1;
                    if stack.is_empty() {
                        return Ok(Type::Any);
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Type, JsonError> {
        self.pos += 1;
        let mut props: Vec<(String, Type)> = Vec::new();
        if self.next_significant()? == b'}' {
            self.pos += 1;
            return Ok(Type::object(props));
        }
        loop {
            let b = self.next_significant()?;
            if b != b'"' {
                return Err(self.invalid(b, "looking for beginning of object key string"));
            }
            let key = self.string()?;
            let b = self.next_significant()?;
            if b != b':' {
                return Err(self.invalid(b, "after object key"));
            }
            self.pos += 1;
            let value = self.value(depth + 1)?;
            props.push((key, value));
            let b = self.next_significant()?;
            self.pos += 1;
            match b {
                b',' => {}
                b'}' => break,
                _ => {
                    self.pos -= 1;
                    return Err(self.invalid(b, "after object key:value pair"));
                }
            }
        }
        Ok(Type::object(props))
    }

    fn array(&mut self, depth: usize) -> Result<Type, JsonError> {
        self.pos += 1;
        let mut elem: Option<Type> = None;
        if self.next_significant()? == b']' {
            self.pos += 1;
            return Ok(Type::array_of(Type::Any));
        }
        loop {
            let value = self.value(depth + 1)?;
            elem = Some(match elem {
                Some(e) => e.merge(&value),
                None => value,
            });
            let b = self.next_significant()?;
            self.pos += 1;
            match b {
                b',' => {}
                b']' => break,
                _ => {
                    self.pos -= 1;
                    return Err(self.invalid(b, "after array element"));
                }
            }
        }
        Ok(Type::array_of(elem.unwrap_or(Type::Any)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(text: &str) -> String {
        infer_type(text)
            .map(|t| t.to_string())
            .unwrap_or_else(|e| format!("error at {}: {}", e.offset, e.message))
    }

    #[test]
    fn types() {
        assert_eq!(ty("\"hello\""), "string");
        assert_eq!(ty("null"), "null");
        assert_eq!(ty("[\"foo\", 1.2]"), "array<string>");
        assert_eq!(
            ty("{\"bool\":true,\"array\":[false]}"),
            "{array: array<bool>; bool: bool}"
        );
        assert_eq!(ty(" [ ] "), "array<any>");
        assert_eq!(ty("{\"foo\":{}}"), "{foo: {}}");
        assert_eq!(ty("-1.5e+3"), "number");
    }

    #[test]
    fn errors_like_go() {
        assert_eq!(ty("\"foo"), "error at 4: unexpected end of JSON input");
        assert_eq!(ty("[\"foo\""), "error at 6: unexpected end of JSON input");
        assert_eq!(ty(""), "error at 0: unexpected end of JSON input");
        assert_eq!(
            ty("x"),
            "error at 1: invalid character 'x' looking for beginning of value"
        );
        assert_eq!(ty("[1 2]"), "error at 4: invalid character '2' after array element");
        assert_eq!(ty("{\"a\" 1}"), "error at 6: invalid character '1' after object key");
        assert_eq!(
            ty("{\"a\":1 \"b\"}"),
            "error at 8: invalid character '\"' after object key:value pair"
        );
        assert_eq!(ty("1 2"), "error at 3: invalid character '2' after top-level value");
        assert_eq!(ty("tru"), "error at 3: unexpected end of JSON input");
        assert_eq!(
            ty("trx"),
            "error at 3: invalid character 'x' in literal true (expecting 'u')"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = "[".repeat(100_000);
        assert!(infer_type(&deep).is_err());
        let ok = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(infer_type(&ok).is_ok_and(|t| t.to_string().starts_with("array<array<")));
    }
}
