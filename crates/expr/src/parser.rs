//! Recursive-descent parser with GitHub's precedence:
//! `()` `[]` `.` > `!` > `<` `<=` `>` `>=` > `==` `!=` > `&&` > `||`.

use crate::ast::{BinaryOp, Expr, ExprKind};
use crate::error::{ErrorKind, ExprError, quote_str};
use crate::lexer::{Token, TokenKind, tokenize};
use crate::span::Span;

mod memo;

/// Trees deeper than this are rejected, so that no input can exhaust the stack of the parser
/// or of the recursive passes run on its output. Real expressions stay far below it.
pub const MAX_DEPTH: usize = 200;

/// How many parentheses, calls, indexes and `!` may be open at once. Each one costs the parser
/// several stack frames, so this is lower than [`MAX_DEPTH`].
pub const MAX_NESTING: usize = 64;

/// Parses the text between `${{` and `}}` (or a bare `if:` condition). Spans in the result and
/// in the error are relative to `src`.
///
/// Answers from a per-thread memo of recent texts (see [`memo`]).
pub fn parse(src: &str) -> Result<Expr, ExprError> {
    memo::parse(src)
}

/// The parse, computed.
fn parse_text(src: &str) -> Result<Expr, ExprError> {
    let tokens = tokenize(src)?;
    let mut parser = Parser {
        src,
        tokens: &tokens,
        pos: 0,
        nesting: 0,
    };
    let (expr, _) = parser.expr()?;
    if let Some(tok) = parser.peek() {
        let remaining = tokens.len() - parser.pos;
        let rest = src.get(tok.span.start..).unwrap_or("").trim_end();
        return Err(syntax(
            tok.span,
            format!(
                "parser did not reach end of input after parsing the expression. {remaining} remaining token(s) in the input: {}",
                quote_str(rest)
            ),
        ));
    }
    Ok(expr)
}

fn syntax(span: Span, message: String) -> ExprError {
    ExprError::new(ErrorKind::Syntax, span, message)
}

type Parsed = Result<(Expr, usize), ExprError>;

struct Parser<'a> {
    src: &'a str,
    tokens: &'a [Token],
    pos: usize,
    /// How many sub-expressions (parentheses, arguments, indexes, `!`) are open; bounded so that
    /// the recursion itself cannot overflow the stack.
    nesting: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn peek_kind(&self) -> Option<&TokenKind> {
        self.peek().map(|t| &t.kind)
    }

    fn bump(&mut self) -> Option<&Token> {
        let tok = self.tokens.get(self.pos);
        self.pos += 1;
        tok
    }

    fn end(&self) -> usize {
        self.src.len()
    }

    fn unexpected(&self, what: &str, expecting: &str) -> ExprError {
        match self.peek() {
            None => syntax(
                Span::empty(self.end()),
                format!("unexpected end of input while parsing {what}. expecting {expecting}"),
            ),
            Some(tok) => syntax(
                tok.span,
                format!(
                    "unexpected token {} while parsing {what}. expecting {expecting}",
                    quote_str(&self.src[tok.span.range()])
                ),
            ),
        }
    }

    fn check_depth(&self, depth: usize, span: Span) -> Result<(), ExprError> {
        if depth > MAX_DEPTH {
            return Err(syntax(
                span,
                format!("expression is nested too deeply. the maximum depth is {MAX_DEPTH}"),
            ));
        }
        Ok(())
    }

    fn expr(&mut self) -> Parsed {
        self.nested(|p| p.binary(1))
    }

    fn nested(&mut self, parse: impl FnOnce(&mut Self) -> Parsed) -> Parsed {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            let span = self.peek().map(|t| t.span).unwrap_or(Span::empty(self.end()));
            return Err(syntax(
                span,
                format!("expression is nested too deeply. the maximum nesting is {MAX_NESTING}"),
            ));
        }
        let result = parse(self);
        self.nesting -= 1;
        result
    }

    fn binary_op(&self) -> Option<BinaryOp> {
        Some(match self.peek_kind()? {
            TokenKind::Or => BinaryOp::Or,
            TokenKind::And => BinaryOp::And,
            TokenKind::Eq => BinaryOp::Eq,
            TokenKind::Ne => BinaryOp::Ne,
            TokenKind::Lt => BinaryOp::Lt,
            TokenKind::Le => BinaryOp::Le,
            TokenKind::Gt => BinaryOp::Gt,
            TokenKind::Ge => BinaryOp::Ge,
            _ => return None,
        })
    }

    /// Precedence climbing: operators binding at least as tight as `min_precedence`, left
    /// associative.
    fn binary(&mut self, min_precedence: u8) -> Parsed {
        let (mut left, mut depth) = self.unary()?;
        while let Some(op) = self.binary_op().filter(|op| op.precedence() >= min_precedence) {
            let op_span = self.bump().map(|t| t.span).unwrap_or_default();
            let (right, right_depth) = self.binary(op.precedence() + 1)?;
            depth = depth.max(right_depth) + 1;
            let span = left.span.cover(right.span);
            self.check_depth(depth, span)?;
            left = Expr {
                kind: ExprKind::Binary {
                    op,
                    op_span,
                    left: Box::new(left),
                    right: Box::new(right),
                },
                span,
            };
        }
        Ok((left, depth))
    }

    fn unary(&mut self) -> Parsed {
        if let Some(Token {
            kind: TokenKind::Not,
            span,
        }) = self.peek()
        {
            let start = *span;
            self.pos += 1;
            let (operand, depth) = self.nested(|p| p.unary())?;
            let span = start.cover(operand.span);
            self.check_depth(depth + 1, span)?;
            return Ok((
                Expr {
                    kind: ExprKind::Not(Box::new(operand)),
                    span,
                },
                depth + 1,
            ));
        }
        self.postfix()
    }

    fn postfix(&mut self) -> Parsed {
        let (mut expr, mut depth) = self.primary()?;
        loop {
            match self.peek_kind() {
                Some(TokenKind::Dot) => {
                    self.pos += 1;
                    match self.peek().cloned() {
                        Some(Token {
                            kind: TokenKind::Ident,
                            span,
                        }) => {
                            self.pos += 1;
                            let name = self.src[span.range()].to_string();
                            let full = expr.span.cover(span);
                            expr = Expr {
                                kind: ExprKind::Property {
                                    receiver: Box::new(expr),
                                    name,
                                    name_span: span,
                                },
                                span: full,
                            };
                        }
                        Some(Token {
                            kind: TokenKind::Star,
                            span,
                        }) => {
                            self.pos += 1;
                            let full = expr.span.cover(span);
                            expr = Expr {
                                kind: ExprKind::Filter {
                                    receiver: Box::new(expr),
                                },
                                span: full,
                            };
                        }
                        _ => return Err(self.unexpected("object property dereference", "\"IDENT\", \"*\"")),
                    }
                    depth += 1;
                }
                Some(TokenKind::LBracket) => {
                    self.pos += 1;
                    if let Some(Token {
                        kind: TokenKind::Star, ..
                    }) = self.peek()
                    {
                        self.pos += 1;
                        let close = self.expect_close_bracket()?;
                        let full = expr.span.cover(close);
                        expr = Expr {
                            kind: ExprKind::Filter {
                                receiver: Box::new(expr),
                            },
                            span: full,
                        };
                        depth += 1;
                    } else {
                        let (index, index_depth) = self.expr()?;
                        let close = self.expect_close_bracket()?;
                        let full = expr.span.cover(close);
                        depth = depth.max(index_depth) + 1;
                        expr = Expr {
                            kind: ExprKind::Index {
                                receiver: Box::new(expr),
                                index: Box::new(index),
                            },
                            span: full,
                        };
                    }
                }
                _ => return Ok((expr, depth)),
            }
            self.check_depth(depth, expr.span)?;
        }
    }

    fn expect_close_bracket(&mut self) -> Result<Span, ExprError> {
        match self.peek() {
            Some(Token {
                kind: TokenKind::RBracket,
                span,
            }) => {
                let span = *span;
                self.pos += 1;
                Ok(span)
            }
            _ => Err(self.unexpected("closing bracket of index access", "\"]\"")),
        }
    }

    fn primary(&mut self) -> Parsed {
        let Some(tok) = self.peek().cloned() else {
            return Err(self.primary_error());
        };
        let leaf = |kind| Ok((Expr { kind, span: tok.span }, 1));
        match tok.kind {
            TokenKind::Number(n) => {
                self.pos += 1;
                leaf(ExprKind::Number(n))
            }
            TokenKind::String(s) => {
                self.pos += 1;
                leaf(ExprKind::String(s))
            }
            TokenKind::LParen => {
                self.pos += 1;
                let (inner, depth) = self.expr()?;
                match self.peek() {
                    Some(Token {
                        kind: TokenKind::RParen,
                        span,
                    }) => {
                        let span = tok.span.cover(*span);
                        self.pos += 1;
                        Ok((Expr { kind: inner.kind, span }, depth))
                    }
                    _ => Err(self.unexpected("parenthesized expression", "\")\"")),
                }
            }
            TokenKind::Ident => {
                self.pos += 1;
                let name = &self.src[tok.span.range()];
                if let Some(TokenKind::LParen) = self.peek_kind() {
                    self.pos += 1;
                    return self.call(name.to_string(), tok.span);
                }
                match name {
                    "null" => leaf(ExprKind::Null),
                    "true" => leaf(ExprKind::Bool(true)),
                    "false" => leaf(ExprKind::Bool(false)),
                    _ => leaf(ExprKind::Variable(name.to_string())),
                }
            }
            _ => Err(self.primary_error()),
        }
    }

    fn primary_error(&self) -> ExprError {
        self.unexpected(
            "variable access, function call, null, bool, number or string",
            "\"IDENT\", \"(\", \"NUMBER\", \"STRING\"",
        )
    }

    /// After `name(`.
    fn call(&mut self, name: String, name_span: Span) -> Parsed {
        let mut args = Vec::new();
        let mut depth = 1;
        if let Some(Token {
            kind: TokenKind::RParen,
            span,
        }) = self.peek()
        {
            let span = name_span.cover(*span);
            self.pos += 1;
            return Ok((
                Expr {
                    kind: ExprKind::Call { name, name_span, args },
                    span,
                },
                depth,
            ));
        }
        loop {
            let (arg, arg_depth) = self.expr()?;
            depth = depth.max(arg_depth + 1);
            args.push(arg);
            match self.peek() {
                Some(Token {
                    kind: TokenKind::Comma, ..
                }) => self.pos += 1,
                Some(Token {
                    kind: TokenKind::RParen,
                    span,
                }) => {
                    let span = name_span.cover(*span);
                    self.pos += 1;
                    self.check_depth(depth, span)?;
                    return Ok((
                        Expr {
                            kind: ExprKind::Call { name, name_span, args },
                            span,
                        },
                        depth,
                    ));
                }
                _ => return Err(self.unexpected("arguments of function call", "\",\", \")\"")),
            }
        }
    }
}

#[cfg(test)]
#[path = "parser_tests.rs"]
mod tests;
