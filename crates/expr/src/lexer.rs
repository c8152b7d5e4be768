//! Turns expression text into tokens.
//!
//! Identifiers are `[A-Za-z_][A-Za-z0-9_-]*`; `null`, `true` and `false` are told apart by the
//! parser. Numbers are JSON-like with an optional leading `-`, hexadecimal `0x..` and exponents.
//! Strings use single quotes, with `''` standing for one quote.

use crate::error::{ErrorKind, ExprError, quote_char};
use crate::span::Span;

#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind {
    Ident,
    Number(f64),
    /// The unescaped value of a string literal.
    String(String),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Dot,
    Comma,
    Star,
    Not,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

const EXPECTING_ANY: &str =
    "'a'..'z', 'A'..'Z', '_', '0'..'9', ''', '}', '(', ')', '[', ']', '.', '!', '<', '>', '=', '&', '|', '*', ',', ' '";

pub fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

pub fn is_ident_continue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Lexes the whole input; the first problem stops lexing.
pub fn tokenize(src: &str) -> Result<Vec<Token>, ExprError> {
    let mut lexer = Lexer {
        src,
        bytes: src.as_bytes(),
        pos: 0,
        tokens: Vec::new(),
    };
    lexer.run()?;
    Ok(lexer.tokens)
}

struct Lexer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    tokens: Vec<Token>,
}

impl Lexer<'_> {
    fn run(&mut self) -> Result<(), ExprError> {
        while let Some(&b) = self.bytes.get(self.pos) {
            let start = self.pos;
            let single = match b {
                b' ' | b'\t' | b'\n' | b'\r' => {
                    self.pos += 1;
                    continue;
                }
                b'(' => Some(TokenKind::LParen),
                b')' => Some(TokenKind::RParen),
                b'[' => Some(TokenKind::LBracket),
                b']' => Some(TokenKind::RBracket),
                b'.' => Some(TokenKind::Dot),
                b',' => Some(TokenKind::Comma),
                b'*' => Some(TokenKind::Star),
                _ => None,
            };
            if let Some(kind) = single {
                self.pos += 1;
                self.push(kind, start);
                continue;
            }
            match b {
                b'!' => self.one_or_two(b'=', TokenKind::Not, TokenKind::Ne),
                b'<' => self.one_or_two(b'=', TokenKind::Lt, TokenKind::Le),
                b'>' => self.one_or_two(b'=', TokenKind::Gt, TokenKind::Ge),
                b'=' => self.pair(b'=', TokenKind::Eq, "== operator")?,
                b'&' => self.pair(b'&', TokenKind::And, "&& operator")?,
                b'|' => self.pair(b'|', TokenKind::Or, "|| operator")?,
                b'\'' => self.string()?,
                b'-' | b'0'..=b'9' => self.number()?,
                b if is_ident_start(b) => {
                    while self.bytes.get(self.pos).is_some_and(|&b| is_ident_continue(b)) {
                        self.pos += 1;
                    }
                    self.push(TokenKind::Ident, start);
                }
                _ => {
                    let c = self.char_at(start);
                    let mut message = format!(
                        "got unexpected character {} while lexing expression, expecting {EXPECTING_ANY}",
                        quote_char(c)
                    );
                    if c == '"' {
                        message.push_str(
                            ". do you mean string literals? only single quotes are available for string delimiter",
                        );
                    }
                    return Err(self.error(start, c.len_utf8(), message));
                }
            }
        }
        Ok(())
    }

    fn char_at(&self, pos: usize) -> char {
        self.src.get(pos..).and_then(|s| s.chars().next()).unwrap_or('\0')
    }

    fn push(&mut self, kind: TokenKind, start: usize) {
        self.tokens.push(Token {
            kind,
            span: Span::new(start, self.pos),
        });
    }

    fn error(&self, at: usize, len: usize, message: String) -> ExprError {
        ExprError::new(ErrorKind::Syntax, Span::new(at, at + len), message)
    }

    fn unexpected(&self, what: &str, expecting: &str) -> ExprError {
        match self.bytes.get(self.pos) {
            None => self.error(
                self.pos,
                0,
                format!("got unexpected EOF while lexing {what}, expecting {expecting}"),
            ),
            Some(_) => {
                let c = self.char_at(self.pos);
                self.error(
                    self.pos,
                    c.len_utf8(),
                    format!(
                        "got unexpected character {} while lexing {what}, expecting {expecting}",
                        quote_char(c)
                    ),
                )
            }
        }
    }

    fn one_or_two(&mut self, second: u8, one: TokenKind, two: TokenKind) {
        let start = self.pos;
        self.pos += 1;
        if self.bytes.get(self.pos) == Some(&second) {
            self.pos += 1;
            self.push(two, start);
        } else {
            self.push(one, start);
        }
    }

    fn pair(&mut self, second: u8, kind: TokenKind, what: &str) -> Result<(), ExprError> {
        let start = self.pos;
        self.pos += 1;
        if self.bytes.get(self.pos) == Some(&second) {
            self.pos += 1;
            self.push(kind, start);
            Ok(())
        } else {
            Err(self.unexpected(what, &quote_char(second as char)))
        }
    }

    fn string(&mut self) -> Result<(), ExprError> {
        let start = self.pos;
        self.pos += 1;
        let mut value = String::new();
        loop {
            let rest = &self.bytes[self.pos..];
            let Some(quote) = memchr_quote(rest) else {
                self.pos = self.bytes.len();
                return Err(self.unexpected("end of string literal", "'''"));
            };
            value.push_str(&self.src[self.pos..self.pos + quote]);
            self.pos += quote + 1;
            if self.bytes.get(self.pos) == Some(&b'\'') {
                value.push('\'');
                self.pos += 1;
            } else {
                break;
            }
        }
        self.push(TokenKind::String(value), start);
        Ok(())
    }

    fn digits(&mut self, what: &str, hex: bool) -> Result<(), ExprError> {
        let ok = |b: u8| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() };
        if !self.bytes.get(self.pos).is_some_and(|&b| ok(b)) {
            let expecting = if hex {
                "'0'..'9', 'a'..'f', 'A'..'F'"
            } else {
                "'0'..'9'"
            };
            return Err(self.unexpected(what, expecting));
        }
        while self.bytes.get(self.pos).is_some_and(|&b| ok(b)) {
            self.pos += 1;
        }
        Ok(())
    }

    fn number(&mut self) -> Result<(), ExprError> {
        let start = self.pos;
        if self.bytes[self.pos] == b'-' {
            self.pos += 1;
        }
        let value =
            if self.bytes.get(self.pos) == Some(&b'0') && matches!(self.bytes.get(self.pos + 1), Some(b'x' | b'X')) {
                self.pos += 2;
                let digits_start = self.pos;
                self.digits("hex integer", true)?;
                let magnitude = self.src[digits_start..self.pos].bytes().fold(0f64, |acc, b| {
                    acc * 16.0 + f64::from((b as char).to_digit(16).unwrap_or(0))
                });
                if self.bytes[start] == b'-' {
                    -magnitude
                } else {
                    magnitude
                }
            } else {
                self.digits("number", false)?;
                if self.bytes.get(self.pos) == Some(&b'.') {
                    self.pos += 1;
                    self.digits("fraction part of float number", false)?;
                }
                if matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
                    self.pos += 1;
                    if matches!(self.bytes.get(self.pos), Some(b'+' | b'-')) {
                        self.pos += 1;
                    }
                    self.digits("exponent part of float number", false)?;
                }
                self.src[start..self.pos].parse::<f64>().unwrap_or(f64::NAN)
            };
        if self
            .bytes
            .get(self.pos)
            .is_some_and(|&b| is_ident_continue(b) || b == b'.')
        {
            let expecting = "'(', ')', '[', ']', ',', '!', '<', '>', '=', '&', '|', ' '";
            return Err(self.unexpected("number", expecting));
        }
        self.push(TokenKind::Number(value), start);
        Ok(())
    }
}

fn memchr_quote(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<TokenKind> {
        tokenize(src).expect("lexes").into_iter().map(|t| t.kind).collect()
    }

    fn err(src: &str) -> (String, Span) {
        let e = tokenize(src).expect_err("fails");
        (e.message, e.span)
    }

    #[test]
    fn operators_and_punctuation() {
        use TokenKind::*;
        assert_eq!(
            kinds("( ) [ ] . , * ! != < <= > >= == && ||"),
            vec![
                LParen, RParen, LBracket, RBracket, Dot, Comma, Star, Not, Ne, Lt, Le, Gt, Ge, Eq, And, Or
            ]
        );
    }

    #[test]
    fn identifiers_with_dashes() {
        let toks = tokenize("steps.my-step_1.outputs").expect("lexes");
        assert_eq!(toks[2].span, Span::new(6, 15));
        assert_eq!(toks[2].kind, TokenKind::Ident);
    }

    #[test]
    fn numbers() {
        use TokenKind::Number;
        assert_eq!(kinds("0x1F"), vec![Number(31.0)]);
        assert_eq!(kinds("-0x10"), vec![Number(-16.0)]);
        assert_eq!(kinds("1.5e3"), vec![Number(1500.0)]);
        assert_eq!(kinds("-2E-1"), vec![Number(-0.2)]);
        assert_eq!(kinds("42"), vec![Number(42.0)]);
    }

    #[test]
    fn strings_with_escaped_quotes() {
        assert_eq!(kinds("'it''s'"), vec![TokenKind::String("it's".into())]);
        assert_eq!(kinds("''"), vec![TokenKind::String(String::new())]);
        assert_eq!(kinds("'}}'"), vec![TokenKind::String("}}".into())]);
    }

    #[test]
    fn double_quote_gets_a_hint() {
        let (msg, span) = err("env.OS == \"macos\"");
        assert_eq!(
            msg,
            "got unexpected character '\"' while lexing expression, expecting 'a'..'z', 'A'..'Z', '_', '0'..'9', ''', '}', '(', ')', '[', ']', '.', '!', '<', '>', '=', '&', '|', '*', ',', ' '. do you mean string literals? only single quotes are available for string delimiter"
        );
        assert_eq!(span, Span::new(10, 11));
    }

    #[test]
    fn lexing_errors() {
        assert_eq!(
            err("a = b"),
            (
                "got unexpected character ' ' while lexing == operator, expecting '='".into(),
                Span::new(3, 4)
            )
        );
        assert_eq!(
            err("a &"),
            (
                "got unexpected EOF while lexing && operator, expecting '&'".into(),
                Span::new(3, 3)
            )
        );
        assert_eq!(
            err("'abc"),
            (
                "got unexpected EOF while lexing end of string literal, expecting '''".into(),
                Span::new(4, 4)
            )
        );
        assert_eq!(
            err("1abc").0,
            "got unexpected character 'a' while lexing number, expecting '(', ')', '[', ']', ',', '!', '<', '>', '=', '&', '|', ' '"
        );
        assert_eq!(
            err("1.").0,
            "got unexpected EOF while lexing fraction part of float number, expecting '0'..'9'"
        );
        assert_eq!(
            err("0xg").0,
            "got unexpected character 'g' while lexing hex integer, expecting '0'..'9', 'a'..'f', 'A'..'F'"
        );
        assert_eq!(
            err("1e+").0,
            "got unexpected EOF while lexing exponent part of float number, expecting '0'..'9'"
        );
        assert_eq!(err("-").0, "got unexpected EOF while lexing number, expecting '0'..'9'");
        assert_eq!(err("a ä").1, Span::new(2, 4));
    }
}
