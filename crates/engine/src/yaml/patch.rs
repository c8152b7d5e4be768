//! The tree of an edited text derived from the tree before the edit, for the
//! one edit shape whose effect on the tree is known without parsing: new
//! lines that each hold one `key: value` entry of a block mapping.
//!
//! Verifying a fix re-lints the edited file, and half of a re-lint is
//! saphyr's parse. The most common fix (`timeout`'s `timeout-minutes: 60`,
//! inserted into every job that lacks it) only adds such lines, so
//! [`insert_entries`] builds the edited file's tree from the original one:
//! the same nodes with their ranges moved, plus the new entries. It answers
//! `None` whenever that could differ from [`super::parse`] of the edited text,
//! which the caller then runs; the tests compare the two on every shape it
//! accepts.
//!
//! Why the result equals the parse, when every check passes: the original
//! parsed without any error, nothing is blanked, and there is no anchor or
//! alias (an edited anchored node would change its copies too). Each edit
//! inserts, at the end of a line `L`, a line break and `k` spaces and then
//! `key: value`, both plain scalars of letters, digits, `_`, `-` (and `.` in
//! the value) that start with a letter, digit or `_`. `L` is the last line
//! of an entry `E` of a block mapping `M` whose keys are at column `k`, and
//! `M` has no entry `key`. The next content line after `L` was at a column
//! ≤ `k` (anything more indented would have belonged to `E`), so the new
//! line neither continues `E` nor changes what follows: it is one more entry
//! of `M`, after `E`. `E` must not end in a block scalar, whose kept
//! trailing blank lines (`|+`) would move past the new line. Every range at
//! or before an insertion stays; every range after it moves by the inserted
//! length; a collection that ended with `E` (`M` and the ancestors it ends)
//! now ends with the new value, as [`super::parse`] ends block collections
//! at their last child.

use super::build::limits::{MAX_BYTES, MAX_NODES};
use super::{Document, Entry, Node, NodeKind, Scalar, ScalarStyle};
use crate::diagnostic::Edit;
use crate::text::TextRange;

/// The document of `edited` (which is `source` with `edits` applied), built
/// from `doc` (the parse of `source`) when every edit inserts `key: value`
/// lines as the module documentation says; `None` otherwise.
pub fn insert_entries(source: &str, doc: &Document, edits: &[&Edit], edited: &str) -> Option<Document> {
    // A node needs at least a byte (no aliases copy any), so a text shorter
    // than the node budget cannot go over it.
    if edits.is_empty()
        || !doc.errors.is_empty()
        || !doc.skipped.is_empty()
        || doc.anchored
        || edited.len() >= MAX_NODES.min(MAX_BYTES)
    {
        return None;
    }
    let root = doc.root.as_ref()?;
    let mut found: Vec<Insertion> = Vec::with_capacity(edits.len());
    for e in edits {
        if !e.range.is_empty() {
            return None;
        }
        found.push(locate(source, root, e.range.start, &e.new_text)?);
    }
    found.sort_by_key(|i| i.at);
    if found.windows(2).any(|w| w[0].at == w[1].at || w[0].path == w[1].path) {
        return None;
    }
    let added: usize = found.iter().map(|i| i.len).sum();
    if source.len() + added != edited.len() {
        return None;
    }
    // What is inserted before offset `x` (insertions exactly at `x` stay
    // after it: they come after the line's content).
    let starts: Vec<(usize, usize)> = found
        .iter()
        .scan(0, |sum, i| {
            *sum += i.len;
            Some((i.at, *sum))
        })
        .collect();
    let moved = |x: usize| {
        let k = starts.partition_point(|(at, _)| *at < x);
        x + if k == 0 { 0 } else { starts[k - 1].1 }
    };
    let mut out = doc.clone();
    let new_root = out.root.as_mut()?;
    shift(new_root, &moved);
    for c in &mut out.comments {
        *c = TextRange::new(moved(c.start), moved(c.end));
    }
    // Last first, so the paths of the earlier ones (which can only pass
    // through entries before theirs) stay valid.
    for ins in found.iter().rev() {
        let line = moved(ins.at) + ins.eol;
        let key = TextRange::new(line + ins.column, line + ins.column + ins.key.len());
        let value_start = key.end + 2;
        let value = TextRange::new(value_start, value_start + ins.value.len());
        let mut node = &mut *new_root;
        for (depth, &i) in ins.path.iter().enumerate() {
            if ins.ends_with_it[depth] {
                node.span.end = value.end;
            }
            node = match &mut node.kind {
                NodeKind::Mapping(entries) => &mut entries.get_mut(i)?.value,
                NodeKind::Sequence(items) => items.get_mut(i)?,
                NodeKind::Scalar(_) => return None,
            };
        }
        if ins.ends_with_it[ins.path.len()] {
            node.span.end = value.end;
        }
        let NodeKind::Mapping(entries) = &mut node.kind else {
            return None;
        };
        entries.insert(
            ins.entry + 1,
            Entry {
                key: plain(&ins.key, key),
                value: plain(&ins.value, value),
            },
        );
    }
    Some(out)
}

/// One insertion, found in the original tree.
struct Insertion {
    /// Where it is inserted: the end of the line `L` (before its break).
    at: usize,
    /// Its length in bytes.
    len: usize,
    /// The length of its leading line break, and the column of its key.
    eol: usize,
    column: usize,
    key: String,
    value: String,
    /// Child indexes from the root to the mapping `M` (entry values and
    /// sequence items), and the index of the entry `E` it follows.
    path: Vec<usize>,
    entry: usize,
    /// For the root and each node on the path down to `M`: whether it ended
    /// with `E`, so now ends with the new entry.
    ends_with_it: Vec<bool>,
}

fn locate(source: &str, root: &Node, at: usize, new_text: &str) -> Option<Insertion> {
    let rest = &source.as_bytes()[at.min(source.len())..];
    let at_line_end = at <= source.len() && (rest.is_empty() || rest.starts_with(b"\n") || rest.starts_with(b"\r\n"));
    if !at_line_end {
        return None;
    }
    let (eol, line) = if let Some(l) = new_text.strip_prefix("\r\n") {
        (2, l)
    } else {
        (1, new_text.strip_prefix('\n')?)
    };
    let column = line.bytes().take_while(|b| *b == b' ').count();
    let (key, value) = line[column..].split_once(": ")?;
    if !is_simple(key, false) || !is_simple(value, true) {
        return None;
    }
    let line_end = |offset: usize| crate::edit::line_end(source, offset);
    let entry_end = |e: &Entry| e.value.span.end.max(e.key.span.end);
    let mut path = Vec::new();
    let mut ends = Vec::new();
    let mut node = root;
    loop {
        ends.push(node.span.end <= at);
        if node.alias.is_some() || crate::edit::is_flow(source, node) {
            return None;
        }
        let next = match &node.kind {
            NodeKind::Mapping(entries) => {
                let i = entries
                    .iter()
                    .position(|e| e.key.span.start <= at && at <= line_end(entry_end(e)))?;
                let e = &entries[i];
                if line_end(entry_end(e)) == at && crate::edit::column(source, e.key.span.start) == column {
                    if entries.iter().any(|x| x.key.as_str() == Some(key)) || ends_in_block_scalar(&e.value) {
                        return None;
                    }
                    return Some(Insertion {
                        at,
                        len: new_text.len(),
                        eol,
                        column,
                        key: key.to_string(),
                        value: value.to_string(),
                        path,
                        entry: i,
                        ends_with_it: ends,
                    });
                }
                (i, &e.value)
            }
            NodeKind::Sequence(items) => {
                let i = items
                    .iter()
                    .position(|n| n.span.start <= at && at <= line_end(n.span.end))?;
                (i, &items[i])
            }
            NodeKind::Scalar(_) => return None,
        };
        path.push(next.0);
        node = next.1;
    }
}

/// A plain scalar that reads as itself wherever a key or value may stand:
/// letters, digits, `_`, `-` (and `.` in a value), starting with a letter,
/// digit or `_`.
fn is_simple(s: &str, value: bool) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_alphanumeric() || b[0] == b'_')
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-' || (value && *c == b'.'))
}

/// The node's last descendant (last entry value, last item) is a block
/// scalar.
fn ends_in_block_scalar(node: &Node) -> bool {
    let mut node = node;
    loop {
        node = match &node.kind {
            NodeKind::Mapping(entries) => match entries.last() {
                Some(e) => &e.value,
                None => return false,
            },
            NodeKind::Sequence(items) => match items.last() {
                Some(n) => n,
                None => return false,
            },
            NodeKind::Scalar(s) => return matches!(s.style, ScalarStyle::Literal | ScalarStyle::Folded),
        };
    }
}

fn plain(text: &str, span: TextRange) -> Node {
    Node {
        kind: NodeKind::Scalar(Scalar {
            value: text.to_string(),
            style: ScalarStyle::Plain,
        }),
        span,
        alias: None,
        tag: None,
    }
}

/// Move every range of the tree by `moved`.
fn shift(root: &mut Node, moved: &dyn Fn(usize) -> usize) {
    let mut todo = vec![root];
    while let Some(node) = todo.pop() {
        node.span = TextRange::new(moved(node.span.start), moved(node.span.end));
        match &mut node.kind {
            NodeKind::Mapping(entries) => {
                for e in entries {
                    todo.push(&mut e.key);
                    todo.push(&mut e.value);
                }
            }
            NodeKind::Sequence(items) => todo.extend(items.iter_mut()),
            NodeKind::Scalar(_) => {}
        }
    }
}

#[cfg(test)]
mod tests;
