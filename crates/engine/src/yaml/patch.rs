//! The tree of an edited text derived from the tree before the edit, for the
//! edit shapes whose effect on the tree is known without parsing.
//!
//! Verifying a fix re-lints the edited file, and half of a re-lint is
//! saphyr's parse. The common fixes only add entries (`timeout`'s
//! `timeout-minutes: 60` in every job that lacks it, a job's `permissions:`
//! block, `persist-credentials: false` in a step's `with:`, template-injection's
//! `env:` entry) or change a word inside a one-line value (`action`'s `@v3` →
//! `@v4`) or a `${{ }}` inside a `run: |` script, so [`apply`] builds
//! the edited file's tree from the original one: the same nodes with their
//! ranges moved, plus the new entries or the new value. It answers `None`
//! whenever that could differ from [`super::parse`] of the edited text, which
//! the caller then runs; the tests compare the two on every shape it accepts.
//!
//! Why the result equals the parse, when every check passes. The original
//! parsed without any error, nothing is blanked, and there is no anchor or
//! alias (an edited anchored node would change its copies too). Each edit is
//! one of:
//!
//! - **New entry lines**: inserted at the end of a line `L`: a line break
//!   and lines of `key: value` or `key:` (whose entries follow, more
//!   indented), keys and values plain scalars of letters, digits, `_`, `-`
//!   (and `.` in a value) starting with a letter, digit or `_`, or a value
//!   that is one `${{ … }}` written plain (no `: `, ` #`, tab); the first
//!   line at column `k`, none less indented. `L` is the last line of an
//!   entry `E` of a block mapping `M` whose keys are at column `k`, and no
//!   new key is already in its mapping. The next content line after `L` was
//!   at a column ≤ `k` (anything more indented would have belonged to `E`),
//!   so the new lines neither continue `E` nor change what follows: their
//!   first-column lines are entries of `M` after `E`, the others nested
//!   under them. When `E` ends in a block scalar, that scalar must not keep
//!   its trailing lines (`|+`, whose kept blank lines would move past the
//!   new lines), `L` must end in a line break, and the lines after it up to
//!   the next content must be empty (a line of spaces deeper than the block
//!   is content): then the scalar's value, which ends at its last content
//!   line's break (or before it, `-`), is the same. A value may also be
//!   `{}` (an empty flow mapping, brace to brace: `permissions: {}`).
//! - **New entry lines before an entry**: inserted at the start of the
//!   line of an entry `E` of a block mapping `M` (not its first), whose key
//!   is at column `k` after nothing but spaces: lines of entries as above,
//!   each ending with a line break, the first at column `k`, then possibly
//!   empty lines (excessive-permissions' workflow-level `permissions:`
//!   block before `jobs:`). The entry before `E` ended before that line
//!   (its last node too: checked, so no empty node sits at the line's
//!   start) because a line at column `k` starts `E`; a new line at column
//!   `k` ends it the same way (a block scalar's kept blank lines stay
//!   before the new lines, a sequence at its key's column ends at a line
//!   that is not an item). So the new lines are entries of `M` before `E`,
//!   the empty lines after them are nothing, and `E` and what follows read
//!   as before. A range starting at or after the line's start moves; one
//!   ending there (with the line break before it) does not.
//! - **A word of a value changed**: the edit replaces bytes inside a plain
//!   scalar on one line whose value is its text (no escapes, no folding),
//!   a mapping value or sequence item (not a key: a new key could clash),
//!   with letters, digits and `_ . / @ + -`, and the scalar still reads as
//!   itself (as below). Without spaces, `:`, `#`, quotes or
//!   brackets the new text can neither end the scalar nor start a comment,
//!   so it is the same scalar with the new text as its value. Outside flow
//!   collections (where `,` and brackets would end it) the new text may be
//!   any printable ASCII (template-injection's `"$VAR"` for a `${{ }}` of a
//!   one-line `run:`) when the whole new value, after every change to it,
//!   still reads as itself ([`crate::edit::reads_as_plain`], the one check of
//!   a plain scalar's text: no `: ` (a key), no ` #` (a comment), no tab, no
//!   `:` or space at its end, no indicator or quote first; the tree keeps
//!   the text and style, not the type, so `10` → `60` patches in place).
//! - **Text changed inside a literal block** (`run: |`, template-injection's
//!   `${{ … }}` → `"$VAR"`): the replaced bytes lie on one content line,
//!   after its indentation, and the new text has no line break and neither
//!   starts nor ends with whitespace; the header has no indentation digit.
//!   Every line keeps its indentation, so the block's indentation and lines
//!   are the same and its value changes by the same replacement, at the
//!   offset counted line by line (and checked: the replaced bytes must be
//!   there in the value). Several such edits may share one block.
//!
//! Every range at or before an edit stays; every range after it moves by
//! the edit's change in length; a collection that ended with `E` (`M` and
//! the ancestors it ends, when the lines go after it) now ends with the new
//! entries, as [`super::parse`] ends block collections at their last child.

use super::build::limits::{MAX_BYTES, MAX_NODES};
use super::{Document, Entry, Node, NodeKind, Scalar, ScalarStyle};
use crate::diagnostic::Edit;
use crate::text::TextRange;

/// The document of `edited` (which is `source` with `edits` applied), built
/// from `doc` (the parse of `source`) when every edit has one of the shapes
/// the module documentation describes; `None` otherwise.
pub fn apply(source: &str, doc: &Document, edits: &[&Edit], edited: &str) -> Option<Document> {
    apply_touched(source, doc, edits, edited).map(|(doc, _)| doc)
}

/// What a patched edit touched: the key path of every node it inserted (each
/// new entry, nested ones too) or changed (the scalar of a changed word),
/// whether a changed or inserted scalar holds (or held) `${{`, and the text
/// of every inserted plain key and scalar and of every changed plain scalar,
/// before and after. [`crate::rules::ReadPaths`] is matched against it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touched {
    pub paths: Vec<Vec<Segment>>,
    pub expressions: bool,
    pub plain_scalars: Vec<String>,
}

/// One step of a key path from the root.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment {
    Key(String),
    /// A sequence item.
    Item,
    /// A key that is not a plain string: matches any segment of a pattern.
    Other,
}

/// Does the pattern `pattern` (see [`crate::rules::ReadPaths::Paths`]) read
/// something at or above `path`, or below it (the existence of `path`
/// decides whether there is anything there to read)?
pub fn overlaps(pattern: &str, path: &[Segment]) -> bool {
    // `~` (the last segment) is what is in the nodes above it: nothing an
    // edit below them changes.
    let matches = |p: &[u8], x: &Segment| match x {
        Segment::Key(k) => p == b"*" || p == k.as_bytes(),
        Segment::Item => p == b"*",
        Segment::Other => p != b"~",
    };
    // Split on bytes: every re-lint matches each rule's patterns against
    // every path it touched, and `str::split` on a char (a searcher built
    // per split) was a tenth of verification's instructions.
    fn segments(p: &[u8]) -> impl Iterator<Item = &[u8]> {
        p.split(|b| *b == b'.')
    }
    let pattern = pattern.as_bytes();
    match pattern.strip_prefix(b"**.") {
        // Anywhere: the rest matches at some depth, from there on.
        Some(rest) => {
            let len = segments(rest).count();
            (0..path.len())
                .any(|from| path.len() - from >= len && segments(rest).zip(&path[from..]).all(|(p, x)| matches(p, x)))
        }
        None => segments(pattern).zip(path).all(|(p, x)| matches(p, x)),
    }
}

/// [`apply`], with what the edits touched.
pub fn apply_touched(source: &str, doc: &Document, edits: &[&Edit], edited: &str) -> Option<(Document, Touched)> {
    let changes = locate(source, doc, edits, edited)?;
    let mut out = doc.clone();
    let (_, touched) = changes.apply(&mut out)?;
    Some((out, touched))
}

/// [`apply_touched`] on `doc` itself, with what undoes it: fix verification
/// patches one tree re-lint after re-lint instead of copying it for each
/// (the copy and its drop were about a tenth of verification's instructions).
/// `doc` is left as it was when this answers `None`.
pub fn apply_in_place(source: &str, doc: &mut Document, edits: &[&Edit], edited: &str) -> Option<(Undo, Touched)> {
    locate(source, doc, edits, edited)?.apply(doc)
}

/// What [`apply_in_place`] changed, to put the tree back as it was.
pub struct Undo {
    /// The range before of every node ending at or after `from`, in
    /// [`each_span_from`]'s order.
    spans: Vec<TextRange>,
    /// The start of the first edit's line.
    from: usize,
    comments: Vec<TextRange>,
    /// The structural changes, in the order they were made.
    steps: Vec<UndoStep>,
}

enum UndoStep {
    /// `count` entries inserted at `at` in the mapping at `path`.
    Inserted { path: Vec<usize>, at: usize, count: usize },
    /// The scalar at `path` had this value.
    Replaced { path: Vec<usize>, value: String },
}

/// Put `doc` back as it was before the [`apply_in_place`] that gave `undo`.
pub fn undo(doc: &mut Document, undo: Undo) {
    let Some(root) = doc.root.as_mut() else { return };
    for step in undo.steps.into_iter().rev() {
        match step {
            UndoStep::Inserted { path, at, count } => {
                if let Some(Node {
                    kind: NodeKind::Mapping(entries),
                    ..
                }) = node_at(root, &path)
                {
                    entries.drain(at..at + count);
                }
            }
            UndoStep::Replaced { path, value } => {
                if let Some(Node {
                    kind: NodeKind::Scalar(s),
                    ..
                }) = node_at(root, &path)
                {
                    s.value = value;
                }
            }
        }
    }
    // The same nodes as when the ranges were recorded, in the same order:
    // a node that ended before `from` was left alone and still does, and
    // one that did not still does not (it ends with the new entries, or at
    // its place after the edits, at or after the first edit's start).
    let mut spans = undo.spans.into_iter();
    each_span_from(root, undo.from, |span| {
        if let Some(before) = spans.next() {
            *span = before;
        }
    });
    debug_assert!(spans.next().is_none(), "a tree put back has fewer nodes than it had");
    doc.comments = undo.comments;
}

/// The edits located in the original tree, ready to be made.
struct Located {
    found: Vec<Change>,
    ends: Vec<Moves>,
    /// The start of the first edit's line.
    first_line: usize,
    touched: Touched,
}

/// Where one edit starts moving offsets: a range starting at or after
/// `start`, or ending at or after `end`, moves by `by` (the length change
/// of this edit and those before it), unless a later edit moves it further.
#[derive(Clone, Copy)]
struct Moves {
    start: usize,
    end: usize,
    by: isize,
}

fn locate(source: &str, doc: &Document, edits: &[&Edit], edited: &str) -> Option<Located> {
    // A node needs at least a byte (no aliases copy any), so a text shorter
    // than the node budget cannot go over it.
    // A byte order mark shifts the first line's columns by three bytes.
    if edits.is_empty()
        || source.starts_with('\u{feff}')
        || !doc.errors.is_empty()
        || !doc.skipped.is_empty()
        || doc.anchored
        || edited.len() >= MAX_NODES.min(MAX_BYTES)
    {
        return None;
    }
    let root = doc.root.as_ref()?;
    let mut found: Vec<Change> = Vec::with_capacity(edits.len());
    for e in edits {
        found.push(
            if e.range.is_empty() && (e.new_text.starts_with('\n') || e.new_text.starts_with("\r\n")) {
                Change::Insert(locate_insertion(source, root, e.range.start, &e.new_text)?)
            } else if e.range.is_empty() {
                Change::Insert(locate_line_start(source, root, e.range.start, &e.new_text)?)
            } else {
                Change::Replace(locate_word(source, root, e.range, &e.new_text)?)
            },
        );
    }
    found.sort_by_key(|c| c.range().start);
    let apart = found.windows(2).all(|w| {
        let (a, b) = (w[0].range(), w[1].range());
        // Two words of one scalar are replaced last first, each at its
        // place in the original value; two insertions into one mapping are
        // not handled.
        // not handled. New lines may follow a word replaced at the end of
        // the line: the word's end moves with its text, the lines come
        // after it.
        let both_words = matches!((&w[0], &w[1]), (Change::Replace(_), Change::Replace(_)));
        let word_then_lines = matches!((&w[0], &w[1]), (Change::Replace(_), Change::Insert(_)));
        (a.end < b.start || (word_then_lines && a.end == b.start)) && (both_words || w[0].path() != w[1].path())
    });
    if !apart {
        return None;
    }
    let grown: isize = found.iter().map(Change::growth).sum();
    if source.len().checked_add_signed(grown) != Some(edited.len()) {
        return None;
    }
    // Where each edit ends in the original, for the starts and the ends of
    // ranges, and the length change up to it.
    let ends: Vec<Moves> = found
        .iter()
        .scan(0, |sum, c| {
            *sum += c.growth();
            let (start, end) = c.moves_from();
            Some(Moves { start, end, by: *sum })
        })
        .collect();
    let touched = touched(root, &found);
    let first_line = crate::edit::line_start(source, found.first()?.range().start);
    Some(Located {
        found,
        ends,
        first_line,
        touched,
    })
}

impl Located {
    /// Offset `x` after the edits, as the start of a range: moved by every
    /// edit that ends before it (a replacement also when it ends at `x`: the
    /// scalar's end moves with its text; an insertion at the end of a line
    /// comes after the line's content, one at the start of a line before it).
    fn moved_start(&self, x: usize) -> usize {
        let k = self.ends.partition_point(|m| m.start <= x);
        x.saturating_add_signed(if k == 0 { 0 } else { self.ends[k - 1].by })
    }

    /// Offset `x` after the edits, as the end of a range: as
    /// [`Located::moved_start`], but a range ending where lines are
    /// inserted at the start of a line ends before them.
    fn moved_end(&self, x: usize) -> usize {
        let k = self.ends.partition_point(|m| m.end <= x);
        x.saturating_add_signed(if k == 0 { 0 } else { self.ends[k - 1].by })
    }

    fn moved(&self, r: TextRange) -> TextRange {
        TextRange::new(self.moved_start(r.start), self.moved_end(r.end))
    }

    fn apply(mut self, doc: &mut Document) -> Option<(Undo, Touched)> {
        let mut touched = std::mem::take(&mut self.touched);
        let recorded_from = self.first_line;
        let mut undo = Undo {
            // About a node per eight bytes after the first edit's line
            // (`key: value` lines are two nodes in about twenty): the
            // vector's doublings were a tenth of the patch's instructions.
            spans: Vec::with_capacity(doc_len_after(doc, recorded_from) / 8),
            from: recorded_from,
            comments: doc.comments.clone(),
            steps: Vec::new(),
        };
        let root = doc.root.as_mut()?;
        // A range ending before the first edit's line stays (most of a
        // file's when the edit is in its last job), and so does every
        // range inside it: nothing to look up or put back, and the
        // subtree is not visited. One ending on that line before the edit
        // does not move but may end with the new entries (`insert`: the
        // entry they follow ends on that line, a comment after it), so it
        // is recorded too.
        each_span_from(root, recorded_from, |span| {
            undo.spans.push(*span);
            *span = self.moved(*span);
        });
        for c in doc.comments.iter_mut().filter(|c| c.end >= recorded_from) {
            *c = self.moved(*c);
        }
        // Last first, so the paths of the earlier ones (which can only pass
        // through entries before theirs) stay valid.
        let made = self.found.iter().enumerate().rev().try_for_each(|(j, change)| {
            match change {
                Change::Insert(ins) => {
                    // Where the new text starts after the edits before it.
                    let before = j.checked_sub(1).map_or(0, |p| self.ends[p].by);
                    insert(root, ins, ins.at.saturating_add_signed(before))?;
                    undo.steps.push(UndoStep::Inserted {
                        path: ins.path.clone(),
                        at: ins.index,
                        count: ins.entries.len(),
                    });
                }
                Change::Replace(word) => {
                    let node = node_at(root, &word.path)?;
                    let NodeKind::Scalar(s) = &mut node.kind else {
                        return None;
                    };
                    let from = word.value_at;
                    let to = word.value_at + word.range.len();
                    undo.steps.push(UndoStep::Replaced {
                        path: word.path.clone(),
                        value: s.value.clone(),
                    });
                    s.value.replace_range(from..to, &word.new_text);
                    // Its value once its last word (the first in it) is changed,
                    // checked whole: two changed words together could make
                    // what neither makes alone (a `: `).
                    if s.style == ScalarStyle::Plain {
                        if !crate::edit::reads_as_plain(&s.value) {
                            return None;
                        }
                        touched.plain_scalars.push(s.value.clone());
                    }
                }
            }
            Some(())
        });
        match made {
            Some(()) => Some((undo, touched)),
            None => {
                self::undo(doc, undo);
                None
            }
        }
    }
}

fn touched(root: &Node, found: &[Change]) -> Touched {
    let mut out = Touched::default();
    for change in found {
        let (node, mut base) = key_path(root, change.path());
        match change {
            Change::Insert(ins) => {
                // The path above is that of `M`, the mapping inserted into.
                let mut todo: Vec<(usize, &Entry)> = ins.entries.iter().map(|e| (base.len(), e)).collect();
                while let Some((depth, e)) = todo.pop() {
                    base.truncate(depth);
                    base.push(segment(&e.key));
                    out.paths.push(base.clone());
                    out.plain_scalars.extend(plain_scalar(&e.key).map(|s| s.value.clone()));
                    match &e.value.kind {
                        NodeKind::Mapping(nested) => todo.extend(nested.iter().map(|n| (depth + 1, n))),
                        NodeKind::Scalar(s) => {
                            out.expressions |= autoheal_expr::contains_expression(&s.value);
                            out.plain_scalars
                                .extend(plain_scalar(&e.value).map(|s| s.value.clone()));
                        }
                        NodeKind::Sequence(_) => {}
                    }
                }
            }
            Change::Replace(_) => {
                let scalar = node.and_then(Node::as_scalar);
                out.expressions |= scalar.is_none_or(|s| autoheal_expr::contains_expression(&s.value));
                // Its value after the edits is added as they are made.
                out.plain_scalars
                    .extend(node.and_then(plain_scalar).map(|s| s.value.clone()));
                out.paths.push(base);
            }
        }
    }
    // Each path once: every rule's patterns are matched against each, and
    // a batch's edits repeat them (several words of one script, an `env:`
    // entry per moved expression).
    out.paths.sort_unstable();
    out.paths.dedup();
    out
}

fn plain_scalar(node: &Node) -> Option<&Scalar> {
    node.as_scalar().filter(|s| s.style == ScalarStyle::Plain)
}

/// The node at `path` (child indexes) and its key path.
fn key_path<'n>(root: &'n Node, path: &[usize]) -> (Option<&'n Node>, Vec<Segment>) {
    let mut keys = Vec::with_capacity(path.len() + 1);
    let mut node = Some(root);
    for &i in path {
        node = match node.map(|n| &n.kind) {
            Some(NodeKind::Mapping(entries)) => entries.get(i).map(|e| {
                keys.push(segment(&e.key));
                &e.value
            }),
            Some(NodeKind::Sequence(items)) => {
                keys.push(Segment::Item);
                items.get(i)
            }
            _ => {
                keys.push(Segment::Other);
                None
            }
        };
    }
    (node, keys)
}

fn segment(key: &Node) -> Segment {
    match key.as_str() {
        Some(k) => Segment::Key(k.to_string()),
        None => Segment::Other,
    }
}

enum Change {
    Insert(Insertion),
    Replace(Word),
}

impl Change {
    fn range(&self) -> TextRange {
        match self {
            Change::Insert(i) => TextRange::empty(i.at),
            Change::Replace(w) => w.range,
        }
    }
    fn path(&self) -> &[usize] {
        match self {
            Change::Insert(i) => &i.path,
            Change::Replace(w) => &w.path,
        }
    }
    /// Where this change starts moving the starts and the ends of ranges
    /// (see [`Moves`]).
    fn moves_from(&self) -> (usize, usize) {
        match self {
            // A range starting at the line the new lines go before moves;
            // one ending there (with the line break before) does not.
            Change::Insert(i) if i.line_start => (i.at, i.at + 1),
            Change::Insert(i) => (i.at + 1, i.at + 1),
            Change::Replace(w) => (w.range.end, w.range.end),
        }
    }
    fn growth(&self) -> isize {
        match self {
            Change::Insert(i) => i.len as isize,
            Change::Replace(w) => w.new_text.len() as isize - w.range.len() as isize,
        }
    }
}

/// New entry lines, found in the original tree.
struct Insertion {
    /// Where they are inserted: the end of the line `L` (before its break),
    /// or the start of the line of the entry they go before.
    at: usize,
    /// At the start of a line, before an entry (else after one).
    line_start: bool,
    /// Their length in bytes.
    len: usize,
    /// The new entries of `M`, with ranges relative to `at`.
    entries: Vec<Entry>,
    /// Child indexes from the root to the mapping `M` (entry values and
    /// sequence items), and the index the new entries take in `M` (after
    /// the entry `E` they follow, or of the entry they go before).
    path: Vec<usize>,
    index: usize,
    /// For the root and each node on the path down to `M`: whether it ended
    /// with `E`, so now ends with the new entries.
    ends_with_it: Vec<bool>,
}

/// A changed word of a one-line plain scalar, found in the original tree.
struct Word {
    range: TextRange,
    new_text: String,
    /// Child indexes from the root to the scalar, and where the word
    /// starts in its value.
    path: Vec<usize>,
    value_at: usize,
}

fn insert(root: &mut Node, ins: &Insertion, at: usize) -> Option<()> {
    let moved_entries: Vec<Entry> = ins
        .entries
        .iter()
        .map(|e| {
            let mut e = e.clone();
            shift(&mut e.key, |x| x + at);
            shift(&mut e.value, |x| x + at);
            e
        })
        .collect();
    let end = moved_entries.last()?.value.span.end;
    let mut node = root;
    for (depth, &i) in ins.path.iter().enumerate() {
        if ins.ends_with_it[depth] {
            node.span.end = end;
        }
        node = match &mut node.kind {
            NodeKind::Mapping(entries) => &mut entries.get_mut(i)?.value,
            NodeKind::Sequence(items) => items.get_mut(i)?,
            NodeKind::Scalar(_) => return None,
        };
    }
    if ins.ends_with_it[ins.path.len()] {
        node.span.end = end;
    }
    let NodeKind::Mapping(entries) = &mut node.kind else {
        return None;
    };
    let tail = entries.split_off(ins.index);
    entries.extend(moved_entries);
    entries.extend(tail);
    Some(())
}

fn node_at<'n>(root: &'n mut Node, path: &[usize]) -> Option<&'n mut Node> {
    let mut node = root;
    for &i in path {
        node = match &mut node.kind {
            NodeKind::Mapping(entries) => &mut entries.get_mut(i)?.value,
            NodeKind::Sequence(items) => items.get_mut(i)?,
            NodeKind::Scalar(_) => return None,
        };
    }
    Some(node)
}

fn locate_insertion(source: &str, root: &Node, at: usize, new_text: &str) -> Option<Insertion> {
    let rest = &source.as_bytes()[at.min(source.len())..];
    let at_line_end = at <= source.len() && (rest.is_empty() || rest.starts_with(b"\n") || rest.starts_with(b"\r\n"));
    if !at_line_end {
        return None;
    }
    let entries = entry_lines(new_text)?;
    let column = crate::edit::column(new_text, entries[0].key.span.start);
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
            NodeKind::Mapping(mapping) => {
                // Entries are in text order: the last one starting before
                // `at` (a search, not a scan: a batch inserts into every
                // job of a `jobs:` of thousands).
                let i = mapping.partition_point(|e| e.key.span.start <= at).checked_sub(1)?;
                let e = &mapping[i];
                if at > line_end(entry_end(e)) {
                    return None;
                }
                if line_end(entry_end(e)) == at && crate::edit::column(source, e.key.span.start) == column {
                    let clash = entries
                        .iter()
                        .any(|new| mapping.iter().any(|x| x.key.as_str() == new.key.as_str()));
                    if clash || !block_scalar_tail_stays(source, &e.value, at) {
                        return None;
                    }
                    return Some(Insertion {
                        at,
                        line_start: false,
                        len: new_text.len(),
                        entries,
                        path,
                        index: i + 1,
                        ends_with_it: ends,
                    });
                }
                (i, &e.value)
            }
            NodeKind::Sequence(items) => {
                let i = items.partition_point(|n| n.span.start <= at).checked_sub(1)?;
                if at > line_end(items[i].span.end) {
                    return None;
                }
                (i, &items[i])
            }
            NodeKind::Scalar(_) => return None,
        };
        path.push(next.0);
        node = next.1;
    }
}

/// The entries `new_text` (a line break, then lines of `key: value` or
/// `key:` with more indented entries below) adds, with ranges into
/// `new_text`; `None` unless every line has that shape, each `key:` has
/// entries under it at one column, and no mapping repeats a key.
fn entry_lines(new_text: &str) -> Option<Vec<Entry>> {
    let eol = if new_text.starts_with("\r\n") { "\r\n" } else { "\n" };
    let body = new_text.strip_prefix(eol)?;
    entries_of(new_text, eol.len(), body, eol)
}

/// The entries `new_text` adds at the start of a line: lines of `key:
/// value` or `key:` (more indented entries below), each ending with a
/// line break, then possibly empty lines; as [`entry_lines`].
fn entry_lines_before(new_text: &str) -> Option<Vec<Entry>> {
    let eol = if new_text.contains("\r\n") { "\r\n" } else { "\n" };
    let body = new_text.strip_suffix(eol)?.trim_end_matches(eol);
    entries_of(new_text, 0, body, eol)
}

/// The entries of `body`, the lines of `text` from `offset` on, separated
/// by `eol`.
fn entries_of(text: &str, mut offset: usize, body: &str, eol: &str) -> Option<Vec<Entry>> {
    // (column, key range, value range) of each line.
    let mut lines = Vec::new();
    for line in body.split(eol) {
        let column = line.bytes().take_while(|b| *b == b' ').count();
        let (key, value) = match line[column..].split_once(": ") {
            Some((k, v)) => (k, Some(v)),
            None => (line[column..].strip_suffix(':')?, None),
        };
        let value_ok = |v: &str| is_simple(v, true) || is_plain_expression(v) || v == EMPTY_FLOW_MAPPING;
        if !is_simple(key, false) || !value.is_none_or(value_ok) {
            return None;
        }
        let key_at = offset + column;
        let value_range = value.map(|v| TextRange::new(key_at + key.len() + 2, key_at + key.len() + 2 + v.len()));
        lines.push((column, TextRange::new(key_at, key_at + key.len()), value_range));
        offset += line.len() + eol.len();
    }
    let (entries, used) = mapping_at(text, &lines, 0)?;
    (used == lines.len()).then_some(entries)
}

/// The entries of the mapping whose first line is `lines[from]`, and the
/// index of the line after it.
fn mapping_at(text: &str, lines: &[(usize, TextRange, Option<TextRange>)], from: usize) -> Option<(Vec<Entry>, usize)> {
    let column = lines.get(from)?.0;
    let mut entries: Vec<Entry> = Vec::new();
    let mut i = from;
    while let Some(&(c, key, value)) = lines.get(i) {
        if c < column {
            break;
        }
        if c > column
            || entries
                .iter()
                .any(|e| e.key.as_str() == Some(&text[key.start..key.end]))
        {
            return None;
        }
        let key = plain(&text[key.start..key.end], key);
        let value = match value {
            Some(v) if &text[v.start..v.end] == EMPTY_FLOW_MAPPING => {
                i += 1;
                Node {
                    kind: NodeKind::Mapping(Vec::new()),
                    span: v,
                    alias: None,
                    tag: None,
                }
            }
            Some(v) => {
                i += 1;
                plain(&text[v.start..v.end], v)
            }
            None => {
                if lines.get(i + 1).is_none_or(|next| next.0 <= column) {
                    return None;
                }
                let (nested, next) = mapping_at(text, lines, i + 1)?;
                i = next;
                let start = nested.first()?.key.span.start;
                let end = nested.last()?.value.span.end;
                Node {
                    kind: NodeKind::Mapping(nested),
                    span: TextRange::new(start, end),
                    alias: None,
                    tag: None,
                }
            }
        };
        entries.push(Entry { key, value });
    }
    Some((entries, i))
}

/// New entry lines inserted at `at`, the start of the line of an entry
/// `E` (not the first) of a block mapping `M`, at the column of `M`'s keys:
/// they become entries of `M` before `E`. Whatever ends the entry before
/// `E` (its last node ends before that line, which starts with `E`'s key)
/// ends it before them the same way, so the entry before keeps its value;
/// the lines from `E` on are read as before, after the new ones, and empty
/// lines after the new entries are nothing.
fn locate_line_start(source: &str, root: &Node, at: usize, new_text: &str) -> Option<Insertion> {
    let bytes = source.as_bytes();
    if at > bytes.len() || (at > 0 && bytes[at - 1] != b'\n') {
        return None;
    }
    let entries = entry_lines_before(new_text)?;
    let key_at = at + entries.first()?.key.span.start;
    if !bytes.get(at..key_at)?.iter().all(|b| *b == b' ') {
        return None;
    }
    let mut path = Vec::new();
    let mut node = root;
    loop {
        if node.alias.is_some() || crate::edit::is_flow(source, node) || node.span.end <= key_at {
            return None;
        }
        let next = match &node.kind {
            NodeKind::Mapping(mapping) => {
                let i = mapping.partition_point(|e| e.key.span.start <= key_at).checked_sub(1)?;
                if mapping[i].key.span.start == key_at {
                    let clash = entries
                        .iter()
                        .any(|new| mapping.iter().any(|x| x.key.as_str() == new.key.as_str()));
                    // The entry before ends before the line (an empty
                    // value is placed after its `:`; an empty item could
                    // be placed at the next key).
                    let before = &mapping[i.checked_sub(1)?];
                    if clash || last_descendant(&before.value).span.end > at || before.key.span.end > at {
                        return None;
                    }
                    let ends_with_it = vec![false; path.len() + 1];
                    return Some(Insertion {
                        at,
                        line_start: true,
                        len: new_text.len(),
                        entries,
                        path,
                        index: i,
                        ends_with_it,
                    });
                }
                (i, &mapping[i].value)
            }
            NodeKind::Sequence(items) => {
                let i = items.partition_point(|n| n.span.start <= key_at).checked_sub(1)?;
                (i, &items[i])
            }
            NodeKind::Scalar(_) => return None,
        };
        path.push(next.0);
        node = next.1;
    }
}

/// The last node of `node`'s subtree in text order.
fn last_descendant(node: &Node) -> &Node {
    let mut node = node;
    loop {
        node = match &node.kind {
            NodeKind::Mapping(entries) => match entries.last() {
                Some(e) => &e.value,
                None => return node,
            },
            NodeKind::Sequence(items) => match items.last() {
                Some(n) => n,
                None => return node,
            },
            NodeKind::Scalar(_) => return node,
        };
    }
}

fn locate_word(source: &str, root: &Node, range: TextRange, new_text: &str) -> Option<Word> {
    let word_char = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'/' | b'@' | b'+' | b'-');
    let mut path = Vec::new();
    let mut node = root;
    let inside = |n: &Node| n.span.start <= range.start && range.end <= n.span.end;
    // Inside a flow collection, `,` `[` `]` `{` `}` end a plain scalar.
    let mut in_flow = false;
    loop {
        if node.alias.is_some() || !inside(node) {
            return None;
        }
        if !node.is_scalar() {
            in_flow |= crate::edit::is_flow(source, node);
        }
        let next = match &node.kind {
            // In text order, so the last value starting at or before the
            // word is the only one that can hold it.
            NodeKind::Mapping(entries) => {
                let i = entries
                    .partition_point(|e| e.value.span.start <= range.start)
                    .checked_sub(1)?;
                (i, &entries[i].value)
            }
            NodeKind::Sequence(items) => {
                let i = items.partition_point(|n| n.span.start <= range.start).checked_sub(1)?;
                (i, &items[i])
            }
            NodeKind::Scalar(s) if s.style == ScalarStyle::Literal => {
                let value_at = literal_offset(source, node, range, new_text)?;
                return (!path.is_empty()).then(|| Word {
                    range,
                    new_text: new_text.to_string(),
                    path,
                    value_at,
                });
            }
            NodeKind::Scalar(s) => {
                // Words anywhere; other printable text (template-injection's
                // `"$VAR"` for a `${{ }}` of a one-line `run:`) outside flow
                // collections, where the value is checked whole.
                let printable = new_text.bytes().all(|c| c == b' ' || c.is_ascii_graphic());
                if !new_text.bytes().all(word_char) && (in_flow || !printable) {
                    return None;
                }
                let text = source.get(node.span.start..node.span.end)?;
                let mut value = text.to_string();
                value.replace_range(range.start - node.span.start..range.end - node.span.start, new_text);
                let one_line_plain = s.style == ScalarStyle::Plain
                    && node.tag.is_none()
                    && s.value == text
                    && !text.contains(['\n', '\r']);
                return (one_line_plain && crate::edit::reads_as_plain(&value) && !path.is_empty()).then(|| Word {
                    range,
                    new_text: new_text.to_string(),
                    path,
                    value_at: range.start - node.span.start,
                });
            }
        };
        path.push(next.0);
        node = next.1;
    }
}

/// Where `range` (to be replaced by `new_text`) starts in the value of the
/// literal block scalar `node`, when the replacement changes the value by
/// the same replacement: the range lies on one content line, after its
/// indentation, and the new text has no line break and starts and ends
/// with a character that is not a space (so no line's indentation, and no
/// trailing whitespace the scalar's span leaves out, changes). The block's
/// indentation is its first content line's (no indentation indicator): a
/// literal block's value is each content line less that many spaces, lines
/// joined by line breaks, so the offset is counted line by line and the
/// replaced bytes must be found there.
fn literal_offset(source: &str, node: &Node, range: TextRange, new_text: &str) -> Option<usize> {
    let value = node.as_str()?;
    let nonblank = |c: char| !c.is_ascii_whitespace();
    let edge_ok = new_text.starts_with(nonblank) && new_text.ends_with(nonblank);
    let old = source.get(range.start..range.end)?;
    if node.tag.is_some() || !edge_ok || new_text.contains(['\n', '\r']) || old.contains(['\n', '\r']) {
        return None;
    }
    // The header: `|`, an optional chomping indicator, no indentation digit.
    let header_end = crate::edit::line_end(source, node.span.start);
    let header = source.get(node.span.start..header_end)?;
    let indicator = header.split(" #").next()?.trim_end();
    if !matches!(indicator, "|" | "|-" | "|+") {
        return None;
    }
    let body_start = source[header_end..].find('\n').map(|i| header_end + i + 1)?;
    let body = source.get(body_start..node.span.end)?;
    let indent = body
        .split('\n')
        .find(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())?;
    let mut at = 0;
    let mut line_start = body_start;
    for line in body.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let line_end = line_start + line.len();
        if (line_start..=line_end).contains(&range.start) {
            let leading = line.len() - line.trim_start_matches(' ').len();
            if range.end > line_end || range.start < line_start + leading.max(indent) || line.trim().is_empty() {
                return None;
            }
            at += range.start - line_start - indent;
            return (value.get(at..at + old.len()) == Some(old)).then_some(at);
        }
        at += line.len().saturating_sub(indent) + 1;
        line_start += line.len() + 1 + usize::from(source[line_end..].starts_with("\r\n"));
    }
    None
}

/// `{}`, the one flow value new entry lines may hold (`permissions: {}`):
/// an empty mapping from brace to brace.
const EMPTY_FLOW_MAPPING: &str = "{}";

/// `${{ … }}` as a plain one-line value: starts with `$` (no indicator),
/// and holds no `: `, ` #`, tab or line break that would end it or start
/// something else.
fn is_plain_expression(s: &str) -> bool {
    s.starts_with("${{")
        && s.ends_with("}}")
        && s.bytes().all(|c| c == b' ' || c.is_ascii_graphic())
        && !s.contains(": ")
        && !s.contains(" #")
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

/// Whether new lines inserted at `at`, the end of the last line of
/// `node`, leave the value of a block scalar ending it alone. Not a block
/// scalar: yes. A block scalar's value ends with its last content line's
/// break (`|`, `>`) or without it (`-`), and its trailing blank lines are
/// dropped; so the new lines change nothing when the last content line has
/// a break, the scalar does not keep its trailing lines (`+`), and the lines
/// after it up to the next content are empty (a line of spaces deeper than
/// the block's indentation would be content).
fn block_scalar_tail_stays(source: &str, node: &Node, at: usize) -> bool {
    let mut node = node;
    loop {
        node = match &node.kind {
            NodeKind::Mapping(entries) => match entries.last() {
                Some(e) => &e.value,
                None => return true,
            },
            NodeKind::Sequence(items) => match items.last() {
                Some(n) => n,
                None => return true,
            },
            NodeKind::Scalar(s) if matches!(s.style, ScalarStyle::Literal | ScalarStyle::Folded) => break,
            NodeKind::Scalar(_) => return true,
        };
    }
    let header = &source[node.span.start..crate::edit::line_end(source, node.span.start)];
    let keeps = header.split(" #").next().is_none_or(|h| h.contains('+'));
    let rest = &source[at.min(source.len())..];
    let Some(rest) = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n')) else {
        return false;
    };
    let empty_until_content = rest
        .split('\n')
        .take_while(|l| l.trim().is_empty())
        .all(|l| l.is_empty() || l == "\r");
    !keeps && empty_until_content
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
fn shift(root: &mut Node, moved: impl Fn(usize) -> usize) {
    each_span(root, |span| *span = TextRange::new(moved(span.start), moved(span.end)));
}

/// The range of every node ending at or after `from`, in one fixed order
/// for a tree of one shape (what [`undo`] relies on to put back the ranges
/// [`apply_in_place`] recorded). A node ending before `from` is not
/// visited, nor anything under it: a node's range holds its children's (a
/// block collection ends with its last child, a flow one at its bracket),
/// which debug builds check.
fn each_span_from(root: &mut Node, from: usize, mut f: impl FnMut(&mut TextRange)) {
    // The pending siblings of each level: a workflow nests about ten deep.
    let mut todo = Vec::with_capacity(64);
    todo.push(root);
    while let Some(node) = todo.pop() {
        if node.span.end < from {
            #[cfg(debug_assertions)]
            each_span(node, |span| {
                debug_assert!(span.end < from, "a node ends after its parent: {span:?}, {from}");
            });
            continue;
        }
        f(&mut node.span);
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

/// How many bytes of the tree's text lie after `from`, from its root's
/// range (the text itself is not at hand where the undo is sized).
fn doc_len_after(doc: &Document, from: usize) -> usize {
    doc.root.as_ref().map_or(0, |root| root.span.end.saturating_sub(from))
}

/// Every node's range (none ends before offset 0). Through `dyn`, so that
/// [`each_span_from`]'s debug check, which calls this, instantiates it
/// once.
fn each_span(root: &mut Node, mut f: impl FnMut(&mut TextRange)) {
    let f: &mut dyn FnMut(&mut TextRange) = &mut f;
    each_span_from(root, 0, f);
}

#[cfg(test)]
mod tests;
