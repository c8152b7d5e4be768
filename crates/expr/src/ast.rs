//! The syntax tree of an expression, and its printer.

use crate::span::Span;
use std::fmt;

/// One node of a parsed expression. `span` covers the node's whole text (a parenthesized
/// expression includes its parentheses), relative to the parsed string.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Null,
    Bool(bool),
    Number(f64),
    /// The unescaped value.
    String(String),
    /// A context name such as `github` (as written; contexts are case-insensitive).
    Variable(String),
    /// `receiver.name`
    Property {
        receiver: Box<Expr>,
        name: String,
        name_span: Span,
    },
    /// `receiver[index]`
    Index {
        receiver: Box<Expr>,
        index: Box<Expr>,
    },
    /// `receiver.*`
    Filter {
        receiver: Box<Expr>,
    },
    /// `name(args...)`; function names are case-insensitive.
    Call {
        name: String,
        name_span: Span,
        args: Vec<Expr>,
    },
    /// `!operand`
    Not(Box<Expr>),
    Binary {
        op: BinaryOp,
        op_span: Span,
        left: Box<Expr>,
        right: Box<Expr>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
}

impl BinaryOp {
    pub fn as_str(self) -> &'static str {
        match self {
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::And => "&&",
            BinaryOp::Or => "||",
        }
    }

    /// Binding strength, higher binds tighter (GitHub's documented order).
    pub fn precedence(self) -> u8 {
        match self {
            BinaryOp::Or => 1,
            BinaryOp::And => 2,
            BinaryOp::Eq | BinaryOp::Ne => 3,
            BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => 4,
        }
    }

    pub fn is_comparison(self) -> bool {
        !matches!(self, BinaryOp::And | BinaryOp::Or)
    }
}

impl fmt::Display for BinaryOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Expr {
    /// Calls `visit` on this node and every node below it, parents first.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a Expr)) {
        visit(self);
        match &self.kind {
            ExprKind::Null | ExprKind::Bool(_) | ExprKind::Number(_) | ExprKind::String(_) | ExprKind::Variable(_) => {}
            ExprKind::Property { receiver, .. } | ExprKind::Filter { receiver } => receiver.walk(visit),
            ExprKind::Index { receiver, index } => {
                receiver.walk(visit);
                index.walk(visit);
            }
            ExprKind::Call { args, .. } => args.iter().for_each(|a| a.walk(visit)),
            ExprKind::Not(operand) => operand.walk(visit),
            ExprKind::Binary { left, right, .. } => {
                left.walk(visit);
                right.walk(visit);
            }
        }
    }

    /// True when the value does not depend on any context or on the job's status: no variables
    /// and only pure functions. `if:` conditions like this are constant.
    pub fn is_constant(&self) -> bool {
        let mut constant = true;
        self.walk(&mut |e| match &e.kind {
            ExprKind::Variable(_) => constant = false,
            ExprKind::Call { name, .. } if !crate::functions::is_pure(name) => constant = false,
            _ => {}
        });
        constant
    }

    /// A span-free, fully parenthesized rendering, handy for comparing trees in tests:
    /// `a.b || !c` becomes `(|| (. a b) (! c))`.
    pub fn sexpr(&self) -> String {
        let mut out = String::new();
        self.write_sexpr(&mut out);
        out
    }

    fn write_sexpr(&self, out: &mut String) {
        match &self.kind {
            ExprKind::Null | ExprKind::Bool(_) | ExprKind::Number(_) | ExprKind::String(_) | ExprKind::Variable(_) => {
                out.push_str(&self.to_string())
            }
            ExprKind::Property { receiver, name, .. } => {
                out.push_str("(. ");
                receiver.write_sexpr(out);
                out.push(' ');
                out.push_str(name);
                out.push(')');
            }
            ExprKind::Index { receiver, index } => {
                out.push_str("([] ");
                receiver.write_sexpr(out);
                out.push(' ');
                index.write_sexpr(out);
                out.push(')');
            }
            ExprKind::Filter { receiver } => {
                out.push_str("(.* ");
                receiver.write_sexpr(out);
                out.push(')');
            }
            ExprKind::Call { name, args, .. } => {
                out.push('(');
                out.push_str(name);
                for arg in args {
                    out.push(' ');
                    arg.write_sexpr(out);
                }
                out.push(')');
            }
            ExprKind::Not(operand) => {
                out.push_str("(! ");
                operand.write_sexpr(out);
                out.push(')');
            }
            ExprKind::Binary { op, left, right, .. } => {
                out.push('(');
                out.push_str(op.as_str());
                out.push(' ');
                left.write_sexpr(out);
                out.push(' ');
                right.write_sexpr(out);
                out.push(')');
            }
        }
    }

    fn precedence(&self) -> u8 {
        match &self.kind {
            ExprKind::Binary { op, .. } => op.precedence(),
            ExprKind::Not(_) => 5,
            _ => 6,
        }
    }

    fn fmt_operand(&self, f: &mut fmt::Formatter<'_>, min_precedence: u8) -> fmt::Result {
        if self.precedence() < min_precedence {
            write!(f, "({self})")
        } else {
            write!(f, "{self}")
        }
    }

    fn fmt_receiver(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A number followed by `.` would lex as a fraction, so numbers get parentheses too.
        if self.precedence() < 6 || matches!(self.kind, ExprKind::Number(_)) {
            write!(f, "({self})")
        } else {
            write!(f, "{self}")
        }
    }
}

pub(crate) fn write_number(f: &mut impl fmt::Write, n: f64) -> fmt::Result {
    if n.is_nan() {
        // Not produced by the parser; printed as something that still parses.
        f.write_str("0")
    } else if n.is_infinite() {
        f.write_str(if n > 0.0 { "1e999" } else { "-1e999" })
    } else {
        write!(f, "{n}")
    }
}

/// Prints the expression as GitHub expression syntax with as few parentheses as the
/// precedence rules need. Parsing the output gives back the same tree (spans aside).
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ExprKind::Null => f.write_str("null"),
            ExprKind::Bool(b) => write!(f, "{b}"),
            ExprKind::Number(n) => write_number(f, *n),
            ExprKind::String(s) => write!(f, "'{}'", s.replace('\'', "''")),
            ExprKind::Variable(name) => f.write_str(name),
            ExprKind::Property { receiver, name, .. } => {
                receiver.fmt_receiver(f)?;
                write!(f, ".{name}")
            }
            ExprKind::Index { receiver, index } => {
                receiver.fmt_receiver(f)?;
                write!(f, "[{index}]")
            }
            ExprKind::Filter { receiver } => {
                receiver.fmt_receiver(f)?;
                f.write_str(".*")
            }
            ExprKind::Call { name, args, .. } => {
                write!(f, "{name}(")?;
                for (i, arg) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{arg}")?;
                }
                f.write_str(")")
            }
            ExprKind::Not(operand) => {
                f.write_str("!")?;
                operand.fmt_operand(f, 5)
            }
            ExprKind::Binary { op, left, right, .. } => {
                let p = op.precedence();
                left.fmt_operand(f, p)?;
                write!(f, " {op} ")?;
                right.fmt_operand(f, p + 1)
            }
        }
    }
}

impl Expr {
    /// Moves every span in the tree right by `offset` bytes.
    pub fn shift(&mut self, offset: usize) {
        self.span = self.span.shifted(offset);
        match &mut self.kind {
            ExprKind::Null | ExprKind::Bool(_) | ExprKind::Number(_) | ExprKind::String(_) | ExprKind::Variable(_) => {}
            ExprKind::Property {
                receiver, name_span, ..
            } => {
                *name_span = name_span.shifted(offset);
                receiver.shift(offset);
            }
            ExprKind::Filter { receiver } => receiver.shift(offset),
            ExprKind::Index { receiver, index } => {
                receiver.shift(offset);
                index.shift(offset);
            }
            ExprKind::Call { name_span, args, .. } => {
                *name_span = name_span.shifted(offset);
                args.iter_mut().for_each(|a| a.shift(offset));
            }
            ExprKind::Not(operand) => operand.shift(offset),
            ExprKind::Binary {
                op_span, left, right, ..
            } => {
                *op_span = op_span.shifted(offset);
                left.shift(offset);
                right.shift(offset);
            }
        }
    }
}

impl Expr {
    /// Every string the expression can evaluate to, when each is a literal
    /// written in it: `'a'`, or the choice idiom `cond && 'a' || 'b'` (`a`
    /// when `cond` holds, else `b`), chained. `None` when a result can be
    /// anything else (a context value, a function's result, the falsy left
    /// side of a lone `&&`, an empty string that `||` would skip).
    pub fn literal_strings(&self) -> Option<Vec<&str>> {
        if let ExprKind::String(s) = &self.kind {
            return Some(vec![s.as_str()]);
        }
        match choices(self)? {
            (values, false) => Some(values),
            // A falsy condition would be the result.
            (_, true) => None,
        }
    }
}

/// The non-empty literal strings `e` yields, and whether it may instead
/// yield a falsy value (the condition of an `&&`) that a following `||`
/// passes over. `None` when it may yield anything else.
fn choices(e: &Expr) -> Option<(Vec<&str>, bool)> {
    match &e.kind {
        ExprKind::String(s) if !s.is_empty() => Some((vec![s.as_str()], false)),
        ExprKind::Binary {
            op: BinaryOp::And,
            right,
            ..
        } => Some((choices(right)?.0, true)),
        ExprKind::Binary {
            op: BinaryOp::Or,
            left,
            right,
            ..
        } => {
            let (mut values, falls_through) = choices(left)?;
            if !falls_through {
                return Some((values, false));
            }
            let (more, falls_through) = choices(right)?;
            values.extend(more);
            Some((values, falls_through))
        }
        _ => None,
    }
}

#[cfg(test)]
mod literal_strings_tests {
    use crate::parser::parse;

    fn strings(src: &str) -> Option<Vec<String>> {
        let e = parse(src).expect("parses");
        e.literal_strings().map(|v| v.into_iter().map(str::to_string).collect())
    }

    #[test]
    fn the_choice_idiom_gives_both_literals_and_anything_else_none() {
        assert_eq!(strings("'ubuntu-latest'"), Some(vec!["ubuntu-latest".into()]));
        assert_eq!(
            strings("github.repository == 'a/b' && 'depot-ubuntu-22.04-16' || 'ubuntu-latest'"),
            Some(vec!["depot-ubuntu-22.04-16".into(), "ubuntu-latest".into()])
        );
        assert_eq!(
            strings("matrix.a == 1 && 'x' || matrix.b == 2 && 'y' || 'z'"),
            Some(vec!["x".into(), "y".into(), "z".into()])
        );
        // A context value can be anything.
        assert_eq!(strings("vars.UBUNTU_SMALL || 'ubuntu-latest'"), None);
        assert_eq!(strings("inputs.runner"), None);
        // A lone `&&` yields its falsy left side; an empty choice falls through.
        assert_eq!(strings("github.ref == 'x' && 'a'"), None);
        assert_eq!(strings("c && '' || 'b'"), None);
        assert_eq!(strings("c && fromJSON('[\"a\"]') || 'b'"), None);
    }
}
