//! A spanned, error-tolerant YAML tree.
//!
//! The parser is `saphyr-parser` (a YAML 1.2 event parser, the same family of
//! grammar GitHub's own loader accepts); this module turns its events into a
//! tree whose every node keeps its exact byte range. Tolerance for half-typed
//! files comes from [`parse`]'s recovery loop: on an error, the offending line
//! is blanked *in a copy* (same length, so every byte offset stays valid) and
//! the text is parsed again, so the rest of the document is still analyzed.

mod build;
mod fast;
pub mod patch;
#[cfg(test)]
pub(crate) mod tests;

use crate::text::TextRange;

pub use build::{fast_reader_agrees, limits, parse, parse_error_count_below};

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    /// The node's bytes: for a scalar its text including quotes or block
    /// header; for a collection from its first to its last content byte.
    pub span: TextRange,
    /// Set when this node is a copy of an anchored node brought in by an
    /// alias: the alias's own range (`*name`).
    pub alias: Option<TextRange>,
    pub tag: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    Mapping(Vec<Entry>),
    Sequence(Vec<Node>),
    Scalar(Scalar),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: Node,
    pub value: Node,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scalar {
    pub value: String,
    pub style: ScalarStyle,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// A YAML syntax problem found while parsing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub range: TextRange,
    pub message: String,
    pub kind: SyntaxErrorKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// The parser could not continue here.
    Parse,
    /// The same key twice in one mapping (GitHub rejects this).
    DuplicateKey,
    /// `<<:` merge keys, which GitHub's loader does not support.
    MergeKey,
    /// An alias to an anchor that was never defined.
    UnknownAlias,
    /// More than one `---` document; GitHub reads only one.
    MultipleDocuments,
    /// Not valid UTF-8.
    Encoding,
    /// Over one of the [`limits`] (size, nesting, nodes, alias expansion):
    /// nothing past it is read and the document has no tree.
    Limit,
}

/// The result of parsing one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The first document's root, if anything could be read.
    pub root: Option<Node>,
    pub errors: Vec<SyntaxError>,
    /// Ranges of lines that recovery blanked out; nothing inside them is in
    /// the tree.
    pub skipped: Vec<TextRange>,
    /// Ranges of all `#` comments, in order.
    pub comments: Vec<TextRange>,
    /// The `&name` of every anchor that no alias refers to (only when the
    /// whole text parsed: after recovery an alias may have been blanked).
    pub unused_anchors: Vec<TextRange>,
    /// Some node has an anchor or some alias refers to one: an edit of an
    /// anchored node also changes its copies, so [`patch`] leaves such
    /// documents to a full parse.
    pub anchored: bool,
}

impl Document {
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
    /// True when the parser itself failed (not just a duplicate key).
    pub fn has_parse_errors(&self) -> bool {
        self.errors.iter().any(|e| {
            matches!(
                e.kind,
                SyntaxErrorKind::Parse | SyntaxErrorKind::Encoding | SyntaxErrorKind::Limit
            )
        })
    }
    /// The budget ([`limits`]) this file went over, if any: then nothing
    /// was read and the document has no tree.
    pub fn over_budget(&self) -> Option<&SyntaxError> {
        self.errors.iter().find(|e| e.kind == SyntaxErrorKind::Limit)
    }
}

impl Node {
    pub fn as_mapping(&self) -> Option<&[Entry]> {
        match &self.kind {
            NodeKind::Mapping(entries) => Some(entries),
            _ => None,
        }
    }
    pub fn as_sequence(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Sequence(items) => Some(items),
            _ => None,
        }
    }
    pub fn as_scalar(&self) -> Option<&Scalar> {
        match &self.kind {
            NodeKind::Scalar(s) => Some(s),
            _ => None,
        }
    }
    /// The scalar's value, if this node is a scalar (any style).
    pub fn as_str(&self) -> Option<&str> {
        self.as_scalar().map(|s| s.value.as_str())
    }
    /// The entry with key `key` (last one wins, as in GitHub's loader).
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.as_mapping()?.iter().rev().find(|e| e.key.as_str() == Some(key))
    }
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }
    /// A plain `null`, `~` or empty scalar.
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar(s) if s.style == ScalarStyle::Plain && !self.is_string_tagged() && matches!(s.value.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }
    /// A scalar with the explicit `!!str` tag: a string whatever it looks
    /// like (`!!str 5` is the string "5", not a number).
    pub fn is_string_tagged(&self) -> bool {
        self.tag
            .as_deref()
            .is_some_and(|t| t == "!!str" || t == "tag:yaml.org,2002:str")
    }
    pub fn is_mapping(&self) -> bool {
        matches!(self.kind, NodeKind::Mapping(_))
    }
    pub fn is_sequence(&self) -> bool {
        matches!(self.kind, NodeKind::Sequence(_))
    }
    pub fn is_scalar(&self) -> bool {
        matches!(self.kind, NodeKind::Scalar(_))
    }
    /// A plain scalar's boolean value under the YAML 1.2 core schema.
    pub fn as_bool(&self) -> Option<bool> {
        let s = self.as_scalar()?;
        if s.style != ScalarStyle::Plain || self.is_string_tagged() {
            return None;
        }
        match s.value.as_str() {
            "true" | "True" | "TRUE" => Some(true),
            "false" | "False" | "FALSE" => Some(false),
            _ => None,
        }
    }
    /// A plain scalar's number value (integers and floats).
    pub fn as_number(&self) -> Option<f64> {
        let s = self.as_scalar()?;
        if s.style != ScalarStyle::Plain || self.is_string_tagged() {
            return None;
        }
        parse_yaml_number(&s.value)
    }
    /// True when the scalar is an expression-only value like `${{ x }}`.
    pub fn is_expression(&self) -> bool {
        self.as_str().is_some_and(|s| {
            let t = s.trim();
            t.starts_with("${{") && t.ends_with("}}")
        })
    }
    /// What kind of value this is, for messages ("a mapping", "a string").
    pub fn describe(&self) -> &'static str {
        match &self.kind {
            NodeKind::Mapping(_) => "a mapping",
            NodeKind::Sequence(_) => "a sequence",
            NodeKind::Scalar(_) if self.is_null() => "null",
            NodeKind::Scalar(_) if self.as_bool().is_some() => "a boolean",
            NodeKind::Scalar(_) if self.as_number().is_some() => "a number",
            NodeKind::Scalar(_) => "a string",
        }
    }
    /// The node's range, or the alias that brought it in: where a
    /// diagnostic about this value should point.
    pub fn report_span(&self) -> TextRange {
        self.alias.unwrap_or(self.span)
    }
    /// [`Node::report_span`] widened to the node's tag (`!!str 5`): where a
    /// finding about the type the tag gave the value starts, as actionlint
    /// and GitHub's loader place a tagged node. `source` is the text the
    /// node was parsed from.
    pub fn tagged_report_span(&self, source: &str) -> TextRange {
        if self.alias.is_some() || self.tag.is_none() {
            return self.report_span();
        }
        let bytes = source.as_bytes();
        let mut start = self.span.start.min(bytes.len());
        // Back over at most two properties (a tag and an anchor, either order).
        for _ in 0..2 {
            let mut i = start;
            while i > 0 && matches!(bytes[i - 1], b' ' | b'\t' | b'\r' | b'\n') {
                i -= 1;
            }
            let end = i;
            while i > 0 && !bytes[i - 1].is_ascii_whitespace() && !b"[{,".contains(&bytes[i - 1]) {
                i -= 1;
            }
            match bytes.get(i) {
                Some(b'!') => return TextRange::new(i, self.span.end),
                Some(b'&') if i < end => start = i,
                _ => break,
            }
        }
        self.span
    }
    /// Every node below this one, depth first, this one included. An
    /// explicit stack, not recursion: no input can exhaust the call stack.
    pub fn walk(&self, f: &mut dyn FnMut(&Node)) {
        let mut todo = vec![self];
        while let Some(node) = todo.pop() {
            f(node);
            match &node.kind {
                NodeKind::Mapping(entries) => {
                    for e in entries.iter().rev() {
                        todo.push(&e.value);
                        todo.push(&e.key);
                    }
                }
                NodeKind::Sequence(items) => todo.extend(items.iter().rev()),
                NodeKind::Scalar(_) => {}
            }
        }
    }
    /// The innermost node whose span contains `offset`, with the chain of
    /// map keys/sequence indexes that leads to it.
    pub fn path_at(&self, offset: usize) -> Vec<PathSegment<'_>> {
        let mut out = Vec::new();
        let mut node = self;
        loop {
            let mut next = None;
            match &node.kind {
                NodeKind::Mapping(entries) => {
                    for e in entries {
                        if e.key.span.touches(offset) {
                            out.push(PathSegment::Key(e));
                            return out;
                        }
                        if e.value.alias.is_none()
                            && (e.value.span.touches(offset) || (e.value.is_null() && e.value.span.start == offset))
                        {
                            out.push(PathSegment::Value(e));
                            next = Some(&e.value);
                            break;
                        }
                    }
                }
                NodeKind::Sequence(items) => {
                    for (i, item) in items.iter().enumerate() {
                        if item.alias.is_none() && item.span.touches(offset) {
                            out.push(PathSegment::Index(i, item));
                            next = Some(item);
                            break;
                        }
                    }
                }
                NodeKind::Scalar(_) => {}
            }
            match next {
                Some(n) => node = n,
                None => return out,
            }
        }
    }
}

/// One step of a path from the root to a node.
#[derive(Clone, Copy, Debug)]
pub enum PathSegment<'a> {
    /// The cursor is on this entry's key.
    Key(&'a Entry),
    /// The cursor is inside this entry's value.
    Value(&'a Entry),
    Index(usize, &'a Node),
}

/// YAML 1.2 core-schema numbers: decimal, `0x`, `0o`, floats, `.inf`, `.nan`.
pub fn parse_yaml_number(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(h) = t.strip_prefix("0x") {
        return i64::from_str_radix(h, 16).ok().map(|v| v as f64);
    }
    if let Some(o) = t.strip_prefix("0o") {
        return i64::from_str_radix(o, 8).ok().map(|v| v as f64);
    }
    match t {
        ".inf" | ".Inf" | ".INF" | "+.inf" => return Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    let bytes = t.as_bytes();
    let first_ok =
        bytes[0].is_ascii_digit() || ((bytes[0] == b'-' || bytes[0] == b'+' || bytes[0] == b'.') && bytes.len() > 1);
    if !first_ok
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
    {
        return None;
    }
    t.parse::<f64>().ok()
}
