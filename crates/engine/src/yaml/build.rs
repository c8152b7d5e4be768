//! Events from `saphyr-parser` to a spanned [`Node`] tree, plus recovery.

use std::collections::{HashMap, HashSet};

use saphyr_parser::{Event, Parser, ScalarStyle as SaphyrStyle, ScanError, Span};

use super::{Document, Entry, Node, NodeKind, Scalar, ScalarStyle, SyntaxError, SyntaxErrorKind};
use crate::text::TextRange;

/// How many times recovery may blank a line before giving up on the rest.
const MAX_RECOVERIES: usize = 8;
/// Mappings with fewer entries than this find duplicate keys by a scan.
const SCANNED_KEYS: usize = 16;
/// Errors reported per file; past the first few they are mostly echoes of
/// the first one.
const MAX_REPORTED: usize = 5;

/// Budgets that bound the time and memory one file can cost, whoever wrote
/// it. Past any of them the file gets one [`SyntaxErrorKind::Limit`] error
/// and no tree (nothing else is analyzed), never a crash.
pub mod limits {
    /// Bytes of one YAML file. GitHub's own workflow parser reads at most
    /// 1 MiB (`ParseOptions.MaxFileSize` in actions/runner); four times that
    /// leaves room for generated files without letting a 1 GB file in.
    pub const MAX_BYTES: usize = 4 << 20;
    /// Nesting of collections (block and flow together), aliases included.
    /// Every walk over the tree recurses at most this deep. GitHub's parser
    /// stops at 50 (`ParseOptions.MaxDepth`); real workflows use about 10.
    pub const MAX_DEPTH: usize = 256;
    /// Nodes in the tree, copies brought in by aliases included (GitHub's
    /// parser allows 1,000,000 events; a 1 MiB workflow has about 100,000 nodes).
    pub const MAX_NODES: usize = 500_000;
    /// Nodes copied to expand aliases (and to remember anchors): what stops
    /// "billion laughs" (`&a [*b, *b, …]` nested), which doubles per line.
    pub const MAX_ALIAS_NODES: usize = 100_000;
    /// Scalar bytes copied to expand aliases (one long anchored string used
    /// many times).
    pub const MAX_ALIAS_BYTES: usize = 16 << 20;
}
use limits::{MAX_ALIAS_BYTES, MAX_ALIAS_NODES, MAX_BYTES, MAX_DEPTH, MAX_NODES};

/// Parse YAML bytes. Never panics; every problem becomes a [`SyntaxError`].
pub fn parse(bytes: &[u8]) -> Document {
    parse_within(bytes, usize::MAX)
}

/// How many [`SyntaxErrorKind::Parse`] errors [`parse`] reports for `bytes`,
/// exactly when fewer than `at_least`; otherwise some number `>= at_least`.
/// Recovery stops once it has found `at_least` of them: the syntax rule asks
/// whether a candidate fix leaves fewer errors than the file has, and a
/// broken file's candidates each recovered through every later line (the one
/// broken corpus file was parsed 154 times per lint).
pub fn parse_error_count_below(bytes: &[u8], at_least: usize) -> usize {
    let doc = parse_within(bytes, at_least);
    doc.errors.iter().filter(|e| e.kind == SyntaxErrorKind::Parse).count()
}

/// [`parse`], recovering only until `max_parse_errors` parse errors are
/// found (the document is the whole parse only when it has fewer).
fn parse_within(bytes: &[u8], max_parse_errors: usize) -> Document {
    if bytes.len() > MAX_BYTES {
        return over_limit(SyntaxError {
            range: TextRange::empty(0),
            message: format!(
                "file is larger than {} MiB, the most autoheal reads (GitHub's workflow parser reads up to 1 MiB)",
                MAX_BYTES >> 20
            ),
            kind: SyntaxErrorKind::Limit,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_str_within(text, max_parse_errors),
        Err(e) => {
            let at = e.valid_up_to();
            Document {
                errors: vec![SyntaxError {
                    range: TextRange::new(at, (at + e.error_len().unwrap_or(1)).min(bytes.len())),
                    message: "file is not valid UTF-8; GitHub and autoheal read YAML files (workflows, action metadata, configs) as UTF-8".into(),
                    kind: SyntaxErrorKind::Encoding,
                }],
                ..Document::default()
            }
        }
    }
}

/// A file over one of the [`limits`]: the one error, and no tree.
fn over_limit(error: SyntaxError) -> Document {
    Document {
        errors: vec![error],
        ..Document::default()
    }
}

fn limit_error(attempt: &Attempt) -> Option<&SyntaxError> {
    attempt.fatal.as_ref().filter(|e| e.kind == SyntaxErrorKind::Limit)
}

/// The parse of UTF-8 text, with recovery; it stops recovering once
/// `max_parse_errors` parse errors are found. The errors found only grow
/// from one recovery step to the next (every one of them is a parse error),
/// so stopping there changes nothing for a text with fewer.
fn parse_str_within(text: &str, max_parse_errors: usize) -> Document {
    let mut first = parse_once(text);
    if let Some(e) = limit_error(&first) {
        return over_limit(e.clone());
    }
    let Some(mut err) = first.fatal.clone() else {
        return first.into_document(text, Vec::new());
    };
    // Recovery works on a copy whose blanked lines keep their length, so the
    // offsets in the tree are still offsets into `text`.
    let mut buf = text.as_bytes().to_vec();
    // GitHub's loader (like libyaml) accepts a flow collection's closing
    // bracket at its parent's indentation; saphyr does not. Move such a
    // bracket up to the end of the previous line, in place, and go on.
    for _ in 0..64 {
        if !lift_closing_bracket(&mut buf, err.range.start) {
            break;
        }
        let Ok(s) = std::str::from_utf8(&buf) else { break };
        first = parse_once(s);
        if let Some(e) = limit_error(&first) {
            return over_limit(e.clone());
        }
        match first.fatal.clone() {
            None => return first.into_document(text, Vec::new()),
            Some(e) => err = e,
        }
    }
    let mut errors = vec![err.clone()];
    let mut skipped: Vec<TextRange> = Vec::new();
    let mut best = first;
    let mut last_error_at = err.range.start;
    for _ in 0..MAX_RECOVERIES {
        if errors.len() >= max_parse_errors {
            break;
        }
        let err_at = best.fatal.as_ref().map_or(0, |e| e.range.start);
        let mut tried: Vec<(Vec<u8>, TextRange, Attempt)> = Vec::new();
        for cut in recovery_candidates(&buf, err_at) {
            if cut.is_empty() || buf[cut.start..cut.end].iter().all(|b| *b == b' ') {
                continue;
            }
            let mut candidate = buf.clone();
            blank(&mut candidate, cut);
            // Blanking only replaces ASCII/UTF-8 sequences with spaces on
            // whole-character boundaries, so the copy is still UTF-8.
            let Ok(s) = std::str::from_utf8(&candidate) else {
                continue;
            };
            let attempt = parse_once(s);
            // A cut that lets the parser read on can also let it reach a
            // budget; that ends recovery like any other over-limit file.
            if let Some(e) = limit_error(&attempt) {
                return over_limit(e.clone());
            }
            tried.push((candidate, cut, attempt));
        }
        // Prefer a clean parse, then the error furthest along, then the
        // smallest cut (keep as much of the user's text as possible).
        let Some(pick) = tried.into_iter().max_by_key(|(_, cut, a)| {
            let progress = a.fatal.as_ref().map_or(usize::MAX, |e| e.range.start);
            (progress, usize::MAX - cut.len())
        }) else {
            break;
        };
        let (candidate, cut, attempt) = pick;
        buf = candidate;
        skipped.push(cut);
        best = attempt;
        match &best.fatal {
            None => break,
            Some(e) => {
                if e.range.start < last_error_at && errors.iter().any(|x| x.range.start == e.range.start) {
                    break;
                }
                last_error_at = e.range.start;
                if errors.len() < MAX_REPORTED
                    && !errors
                        .iter()
                        .any(|x| line_of(text, x.range.start) == line_of(text, e.range.start))
                {
                    errors.push(e.clone());
                }
            }
        }
    }
    let mut doc = best.into_document(text, skipped);
    // The recovered parse's own fatal error (if any) is already in `errors`.
    doc.errors.retain(|e| e.kind != SyntaxErrorKind::Parse);
    errors.extend(doc.errors);
    errors.sort_by_key(|e| e.range.start);
    doc.errors = errors;
    doc
}

/// If the error at `at` is on a line holding only `]`/`}` (plus commas), swap
/// that line's leading break and indentation with the bracket, so the
/// bracket ends the previous line. Lengths are unchanged.
fn lift_closing_bracket(buf: &mut [u8], at: usize) -> bool {
    let line = line_bounds(buf, at);
    let content = &buf[line.start..line.end];
    let indent = content.iter().take_while(|b| **b == b' ').count();
    let rest = &content[indent..];
    if rest.is_empty()
        || !matches!(rest[0], b']' | b'}')
        || !rest.iter().all(|b| matches!(b, b']' | b'}' | b',' | b' '))
    {
        return false;
    }
    // The gap from the end of the previous content line to the bracket.
    let mut gap_start = line.start;
    while gap_start > 0 && buf[gap_start - 1].is_ascii_whitespace() {
        gap_start -= 1;
    }
    let prev = line_bounds(buf, gap_start.saturating_sub(1));
    if gap_start == 0 || buf[prev.start..gap_start].contains(&b'#') {
        return false;
    }
    let bracket_at = line.start + indent;
    let bracket_len = rest.iter().take_while(|b| **b != b' ').count();
    let gap = bracket_at - gap_start;
    let bracket: Vec<u8> = buf[bracket_at..bracket_at + bracket_len].to_vec();
    // " ]" then spaces where the break and indentation were.
    buf[gap_start] = b' ';
    buf[gap_start + 1..gap_start + 1 + bracket_len].copy_from_slice(&bracket);
    for b in &mut buf[gap_start + 1 + bracket_len..bracket_at + bracket_len] {
        *b = b' ';
    }
    let _ = gap;
    true
}

fn line_of(text: &str, offset: usize) -> usize {
    crate::text::line_ends_before(text, offset)
}

fn line_bounds(buf: &[u8], offset: usize) -> TextRange {
    let offset = offset.min(buf.len());
    let start = memchr::memrchr(b'\n', &buf[..offset]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &buf[offset..]).map_or(buf.len(), |i| offset + i);
    let end = if end > start && buf[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    TextRange::new(start, end.max(start))
}

/// Cuts to try after an error at `at`: the rest of its line from the error,
/// its whole line, and the previous non-blank line (a missing `:` on one line
/// is usually reported on the next).
fn recovery_candidates(buf: &[u8], at: usize) -> Vec<TextRange> {
    let line = line_bounds(buf, at);
    let mut out = Vec::with_capacity(3);
    let indent_end = line.start + buf[line.start..line.end].iter().take_while(|b| **b == b' ').count();
    if at > indent_end && at < line.end {
        out.push(TextRange::new(at, line.end));
    }
    out.push(line);
    let mut prev_end = line.start;
    while prev_end > 0 {
        let prev = line_bounds(buf, prev_end - 1);
        if buf[prev.start..prev.end].iter().any(|b| !b.is_ascii_whitespace()) {
            out.push(prev);
            break;
        }
        prev_end = prev.start;
    }
    out
}

fn blank(buf: &mut [u8], range: TextRange) {
    for b in &mut buf[range.start..range.end] {
        *b = b' ';
    }
}

/// One run of the event parser.
pub(super) struct Attempt {
    pub(super) root: Option<Node>,
    fatal: Option<SyntaxError>,
    pub(super) errors: Vec<SyntaxError>,
    /// `&name` of every anchor no alias refers to.
    unused_anchors: Vec<TextRange>,
    /// Some anchor or alias was read.
    anchored: bool,
}

impl Attempt {
    /// The same tree, errors and anchors (what the fast reader must give).
    pub(super) fn same_as(&self, other: &Attempt) -> bool {
        self.root == other.root
            && self.fatal == other.fatal
            && self.errors == other.errors
            && self.unused_anchors == other.unused_anchors
            && self.anchored == other.anchored
    }
    fn into_document(self, text: &str, skipped: Vec<TextRange>) -> Document {
        let mut errors = self.errors;
        if let Some(f) = self.fatal {
            errors.push(f);
        }
        // Only a parse that read the whole text, with nothing blanked,
        // knows that no alias refers to an anchor.
        let unused_anchors = if errors.iter().any(|e| e.kind == SyntaxErrorKind::Parse) || !skipped.is_empty() {
            Vec::new()
        } else {
            self.unused_anchors
        };
        errors.sort_by_key(|e| e.range.start);
        let comments = find_comments(text, self.root.as_ref());
        Document {
            root: self.root,
            errors,
            skipped,
            comments,
            unused_anchors,
            anchored: self.anchored,
        }
    }
}

/// Converts saphyr's character indexes into byte offsets.
struct Offsets<'a> {
    text: &'a str,
    /// For each non-ASCII character: its char index and the number of extra
    /// bytes (beyond one per char) of all wide characters up to and including it.
    wide: Vec<(usize, usize)>,
}

impl<'a> Offsets<'a> {
    fn new(text: &'a str) -> Self {
        let mut wide = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (ci, ch) in text.chars().enumerate() {
                if !ch.is_ascii() {
                    extra += ch.len_utf8() - 1;
                    wide.push((ci, extra));
                }
            }
        }
        Offsets { text, wide }
    }
    fn byte(&self, char_index: usize) -> usize {
        let i = self.wide.partition_point(|(ci, _)| *ci < char_index);
        let extra = if i == 0 { 0 } else { self.wide[i - 1].1 };
        (char_index + extra).min(self.text.len())
    }
    fn range(&self, span: Span) -> TextRange {
        let s = self.byte(span.start.index());
        let e = self.byte(span.end.index()).max(s);
        TextRange::new(s, e)
    }
}

enum Frame {
    Mapping {
        start: usize,
        flow: bool,
        anchor: usize,
        tag: Option<String>,
        entries: Vec<Entry>,
        pending_key: Option<Node>,
        seen: HashSet<String>,
        size: Size,
    },
    Sequence {
        start: usize,
        flow: bool,
        anchor: usize,
        tag: Option<String>,
        items: Vec<Node>,
        size: Size,
    },
}

impl Frame {
    fn size_mut(&mut self) -> &mut Size {
        match self {
            Frame::Mapping { size, .. } | Frame::Sequence { size, .. } => size,
        }
    }
}

/// What a node costs to copy: its nodes, its scalar bytes and its height
/// (1 for a scalar). Kept for anchored nodes so an alias is priced before
/// it is expanded.
#[derive(Clone, Copy, Debug, Default)]
struct Size {
    nodes: usize,
    bytes: usize,
    height: usize,
}

impl Size {
    fn scalar(bytes: usize) -> Size {
        Size {
            nodes: 1,
            bytes,
            height: 1,
        }
    }
    /// Adds a child to a collection's running size.
    fn add_child(&mut self, child: Size) {
        self.nodes += child.nodes;
        self.bytes += child.bytes;
        self.height = self.height.max(child.height + 1);
    }
    /// The finished collection: itself plus its children.
    fn collection(self) -> Size {
        Size {
            nodes: self.nodes + 1,
            bytes: self.bytes,
            height: self.height.max(1),
        }
    }
}

/// The running totals checked against [`limits`].
#[derive(Default)]
struct Spent {
    nodes: usize,
    alias_nodes: usize,
    alias_bytes: usize,
}

impl Spent {
    /// Charges a copy (alias expansion or anchor record); the error when it
    /// goes over a budget.
    fn copy(&mut self, size: Size, what: &str) -> Result<(), String> {
        self.alias_nodes = self.alias_nodes.saturating_add(size.nodes);
        self.alias_bytes = self.alias_bytes.saturating_add(size.bytes);
        if self.alias_nodes > MAX_ALIAS_NODES {
            return Err(format!(
                "{what} would make the YAML anchors and aliases of this file expand to more than {MAX_ALIAS_NODES} nodes (an alias bomb?); autoheal stops reading here"
            ));
        }
        if self.alias_bytes > MAX_ALIAS_BYTES {
            return Err(format!(
                "{what} would make the YAML anchors and aliases of this file copy more than {} MiB of text; autoheal stops reading here",
                MAX_ALIAS_BYTES >> 20
            ));
        }
        Ok(())
    }
    fn add_nodes(&mut self, n: usize) -> Result<(), String> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > MAX_NODES {
            return Err(format!(
                "the YAML of this file has more than {MAX_NODES} nodes; autoheal stops reading here"
            ));
        }
        Ok(())
    }
}

/// The character at `at` (empty at the end of the text).
fn first_char(text: &str, at: usize) -> TextRange {
    let len = text.get(at..).and_then(|t| t.chars().next()).map_or(0, char::len_utf8);
    TextRange::new(at, at + len)
}

fn depth_error(depth: usize) -> String {
    format!(
        "YAML nested {depth} levels deep; autoheal reads up to {MAX_DEPTH} levels (GitHub's workflow parser stops at 50) and stops reading here"
    )
}

fn convert_style(s: SaphyrStyle) -> ScalarStyle {
    match s {
        SaphyrStyle::Plain => ScalarStyle::Plain,
        SaphyrStyle::SingleQuoted => ScalarStyle::SingleQuoted,
        SaphyrStyle::DoubleQuoted => ScalarStyle::DoubleQuoted,
        SaphyrStyle::Literal => ScalarStyle::Literal,
        SaphyrStyle::Folded => ScalarStyle::Folded,
    }
}

/// What saphyr's scanner says when flow nesting overflows its `u8` level
/// counter (256 levels): a budget like [`limits::MAX_DEPTH`], so the file
/// gets a [`SyntaxErrorKind::Limit`] error and no tree, not parse recovery.
const SCANNER_FLOW_LIMIT: &str = "recursion limit exceeded";

fn scan_error(offsets: &Offsets<'_>, e: &ScanError) -> SyntaxError {
    let at = offsets.byte(e.marker().index());
    let end = offsets.text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    let mut message = e.info().to_string();
    if message == SCANNER_FLOW_LIMIT {
        return SyntaxError {
            range: TextRange::new(at, end),
            message: format!(
                "YAML flow collections (`[…]`, `{{…}}`) nested {} levels deep; the YAML scanner autoheal uses reads up to {} (GitHub's workflow parser stops at 50), so autoheal stops reading here",
                u16::from(u8::MAX) + 1,
                u8::MAX
            ),
            kind: SyntaxErrorKind::Limit,
        };
    }
    if message.contains("found unknown anchor") && offsets.text[at..].starts_with('*') {
        let name = offsets.text[at + 1..]
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}'))
            .next()
            .unwrap_or("");
        message = format!(
            "alias \"*{name}\" refers to an anchor that is not defined before it; define `&{name}` on an earlier node"
        );
    }
    if message.contains("unprintable character") {
        // Name the character: a NUL or an escape byte is invisible in a snippet.
        if let Some(c) = offsets.text[at..].chars().next() {
            message = format!(
                "{message} U+{:04X}; YAML allows no control characters other than tab, line feed and carriage return",
                u32::from(c)
            );
        }
    } else if offsets.text[at..].starts_with('\t')
        || message
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "tab" || w == "tabs")
    {
        // Word match: "unprintable" holds the letters "tab" too.
        message = format!("{message} (YAML does not allow tab characters for indentation)");
    }
    SyntaxError {
        range: TextRange::new(at, end),
        message,
        kind: SyntaxErrorKind::Parse,
    }
}

/// One parse of `text`: by [`fast`](super::fast) when it reads the text,
/// else by saphyr. Debug builds also parse each distinct text with saphyr
/// once per process and assert the same result.
fn parse_once(text: &str) -> Attempt {
    match super::fast::events(text) {
        Some(events) => {
            let attempt = build(text, events.into_iter().map(Ok), false);
            #[cfg(debug_assertions)]
            assert_fast_agrees(text, &attempt, parse_with_saphyr);
            attempt
        }
        None => parse_with_saphyr(text),
    }
}

/// Debug builds: assert that the fast reader's tree of `text` equals the
/// one `saphyr` (the real parser, or a test's stand-in) builds, until one
/// comparison of `text` has agreed in this process.
#[cfg(debug_assertions)]
fn assert_fast_agrees(text: &str, fast: &Attempt, saphyr: impl FnOnce(&str) -> Attempt) {
    if compared::agreed_before(text) {
        return;
    }
    let saphyr = saphyr(text);
    assert!(
        fast.same_as(&saphyr),
        "the fast YAML reader and saphyr disagree on:\n{text}\nfast: {:#?}\nsaphyr: {:#?}",
        fast.root,
        saphyr.root
    );
    // Only now: a comparison that panicked (and was caught) must run again
    // on the next parse of the text (review82 L4).
    compared::remember(text);
}

/// The texts whose comparison agreed: debug builds
/// compare the fast reader with saphyr once per distinct text. A lint parses
/// the same text many times over (a fix verified in a batch and again alone,
/// `--fix` linting its own output again, every evaluation case of one
/// workflow), and comparing every parse made `cargo xtask eval fixes` and
/// `eval corpus` take half again as long in `.ci/run` (docs/performance.md);
/// the comparison of a text already compared can only agree again. Texts are
/// remembered by a 64-bit hash: a collision skips one comparison, it never
/// changes a tree. Past `REMEMBERED` texts the set starts again, so a
/// long-running debug language server does not grow without end.
#[cfg(debug_assertions)]
mod compared {
    use std::collections::HashSet;
    use std::hash::{BuildHasher as _, BuildHasherDefault, DefaultHasher};
    use std::sync::{Mutex, MutexGuard, PoisonError};

    const REMEMBERED: usize = 1 << 20;
    static AGREED: Mutex<Option<HashSet<u64>>> = Mutex::new(None);

    fn hash(text: &str) -> u64 {
        BuildHasherDefault::<DefaultHasher>::default().hash_one(text)
    }

    fn agreed() -> MutexGuard<'static, Option<HashSet<u64>>> {
        // A poisoned lock (a panic on another thread while it was held)
        // still holds a usable set.
        AGREED.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether a comparison of `text` agreed before in this process.
    pub(super) fn agreed_before(text: &str) -> bool {
        agreed().as_ref().is_some_and(|set| set.contains(&hash(text)))
    }

    /// Records that the comparison of `text` agreed.
    pub(super) fn remember(text: &str) {
        let mut agreed = agreed();
        let set = agreed.get_or_insert_with(HashSet::new);
        if set.len() >= REMEMBERED {
            set.clear();
        }
        set.insert(hash(text));
    }
}

/// Whether the fast reader's tree of `text` equals saphyr's (`None` when it
/// leaves the text to saphyr): what `cargo xtask eval corpus` checks on
/// every corpus file and its fixed text, in a release build.
pub fn fast_reader_agrees(text: &str) -> Option<bool> {
    parse_with_fast(text).map(|fast| fast.same_as(&parse_with_saphyr(text)))
}

/// One parse of `text` by the fast reader alone, when it reads it.
pub(super) fn parse_with_fast(text: &str) -> Option<Attempt> {
    super::fast::events(text).map(|events| build(text, events.into_iter().map(Ok), false))
}

/// One parse of `text` by saphyr alone.
pub(super) fn parse_with_saphyr(text: &str) -> Attempt {
    let offsets = Offsets::new(text);
    let mut parser = Parser::new_from_str(text);
    let events = std::iter::from_fn(move || match parser.next_event()? {
        Ok((event, span)) => Some(Ok((event, offsets.range(span)))),
        Err(e) => Some(Err(scan_error(&offsets, &e))),
    });
    build(text, events, true)
}

/// The tree of a stream of events with byte ranges. saphyr's ranges of
/// block scalars are its own (`from_saphyr`), the fast reader's already ours.
fn build<'a>(
    text: &'a str,
    mut events: impl Iterator<Item = Result<(Event<'a>, TextRange), SyntaxError>>,
    from_saphyr: bool,
) -> Attempt {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, (Node, Size)> = HashMap::new();
    // Every anchor in order (its id and `&name`), and the ids aliases use.
    let mut anchor_names: Vec<(usize, TextRange)> = Vec::new();
    let mut aliased: HashSet<usize> = HashSet::new();
    let mut spent = Spent::default();
    let mut root: Option<Node> = None;
    let mut errors = Vec::new();
    let mut fatal = None;
    let mut documents = 0;
    let mut done = false;

    // Attach a finished node to its parent, or make it the root.
    fn push(
        stack: &mut [Frame],
        root: &mut Option<Node>,
        node: Node,
        size: Size,
        text: &str,
        errors: &mut Vec<SyntaxError>,
    ) {
        if let Some(frame) = stack.last_mut() {
            frame.size_mut().add_child(size);
        }
        match stack.last_mut() {
            None => {
                if root.is_none() {
                    *root = Some(node);
                }
            }
            Some(Frame::Sequence { items, .. }) => items.push(node),
            Some(Frame::Mapping {
                entries,
                pending_key,
                seen,
                ..
            }) => match pending_key.take() {
                None => *pending_key = Some(node),
                Some(key) => {
                    let mut value = node;
                    if value.is_null() && value.as_str() == Some("") {
                        // An empty value: put its span right after the `:`.
                        let after = text[key.span.end..]
                            .find(':')
                            .map_or(key.span.end, |i| key.span.end + i + 1);
                        value.span = TextRange::empty(after.min(text.len()));
                    }
                    if let Some(k) = key.as_str() {
                        if key.as_scalar().is_some_and(|s| s.style == ScalarStyle::Plain) && k == "<<" {
                            errors.push(SyntaxError {
                                range: key.span,
                                message: "YAML merge keys (`<<`) are not supported by GitHub Actions".into(),
                                kind: SyntaxErrorKind::MergeKey,
                            });
                        }
                        // Small mappings (nearly all) are scanned; a key set
                        // is built only for big ones, so a `jobs:` of
                        // thousands stays linear without a copy of every key.
                        let duplicate = if entries.len() < SCANNED_KEYS {
                            entries.iter().any(|e| e.key.as_str() == Some(k))
                        } else {
                            if seen.is_empty() {
                                seen.extend(entries.iter().filter_map(|e| e.key.as_str().map(str::to_string)));
                            }
                            !seen.insert(k.to_string())
                        };
                        if duplicate {
                            let first = entries.iter().find(|e| e.key.as_str() == Some(k)).map(|e| e.key.span);
                            let line = first.map(|r| line_of(text, r.start) + 1).unwrap_or(0);
                            errors.push(SyntaxError {
                                range: key.span,
                                message: format!(
                                    "key \"{k}\" is duplicated in this mapping (first defined at line {line})"
                                ),
                                kind: SyntaxErrorKind::DuplicateKey,
                            });
                        }
                    }
                    entries.push(Entry { key, value });
                }
            },
        }
    }

    // Over a budget: the error, at the event that crossed it.
    let limit = |range: TextRange, message: String| SyntaxError {
        range,
        message,
        kind: SyntaxErrorKind::Limit,
    };
    while !done {
        let (event, range) = match events.next() {
            None => break,
            Some(Ok(ev)) => ev,
            Some(Err(e)) => {
                fatal = Some(e);
                break;
            }
        };
        let charged = match &event {
            Event::Scalar(..) | Event::MappingStart(..) | Event::SequenceStart(..) => spent.add_nodes(1),
            _ => Ok(()),
        };
        let charged = charged.and_then(|()| match &event {
            Event::MappingStart(..) | Event::SequenceStart(..) if stack.len() >= MAX_DEPTH => {
                Err(depth_error(stack.len() + 1))
            }
            _ => Ok(()),
        });
        if let Err(message) = charged {
            fatal = Some(limit(first_char(text, range.start), message));
            break;
        }
        match event {
            Event::StreamEnd => done = true,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents == 2 {
                    errors.push(SyntaxError {
                        range,
                        message: "a workflow file must contain a single YAML document; GitHub ignores everything after the first".into(),
                        kind: SyntaxErrorKind::MultipleDocuments,
                    });
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                if documents > 1 && stack.is_empty() {
                    continue;
                }
                let start = node_start(text, range.start, anchor, tag.is_some(), documents, &mut anchor_names);
                let mut span = TextRange::new(start.min(range.end), range.end);
                let value = value.into_owned();
                let mut value_text = value;
                if style == SaphyrStyle::Plain && value_text == "~" && !text[span.start..span.end].starts_with('~') {
                    // saphyr reports an empty node as `~`; keep "" so the
                    // tree tells `key:` from `key: ~`.
                    value_text = String::new();
                    span = TextRange::empty(span.start);
                }
                if from_saphyr && matches!(style, SaphyrStyle::Literal | SaphyrStyle::Folded) {
                    span = block_scalar_span(bytes, span);
                }
                let size = Size::scalar(value_text.len());
                let node = Node {
                    kind: NodeKind::Scalar(Scalar {
                        value: value_text,
                        style: convert_style(style),
                    }),
                    span,
                    alias: None,
                    tag: tag.map(|t| format!("{}{}", t.handle, t.suffix)),
                };
                if anchor != 0 {
                    if let Err(message) = spent.copy(size, "this anchor") {
                        fatal = Some(limit(anchor_at(&anchor_names, anchor).unwrap_or(span), message));
                        break;
                    }
                    anchors.insert(anchor, (node.clone(), size));
                }
                push(&mut stack, &mut root, node, size, text, &mut errors);
            }
            Event::Alias(id) => {
                if documents > 1 && stack.is_empty() {
                    continue;
                }
                aliased.insert(id);
                match anchors.get(&id) {
                    Some((n, size)) => {
                        // Priced before it is copied: an alias bomb stops
                        // here, at the first alias over the budget.
                        let depth = stack.len() + size.height;
                        let charged = if depth > MAX_DEPTH + 1 {
                            Err(depth_error(depth))
                        } else {
                            spent
                                .add_nodes(size.nodes)
                                .and_then(|()| spent.copy(*size, "this alias"))
                        };
                        if let Err(message) = charged {
                            fatal = Some(limit(range, message));
                            break;
                        }
                        let mut node = n.clone();
                        node.alias = Some(range);
                        push(&mut stack, &mut root, node, *size, text, &mut errors);
                    }
                    None => {
                        errors.push(SyntaxError {
                            range,
                            message:
                                "alias refers to an anchor that is not defined before it (or to its own enclosing node)"
                                    .into(),
                            kind: SyntaxErrorKind::UnknownAlias,
                        });
                        let node = Node {
                            kind: NodeKind::Scalar(Scalar {
                                value: String::new(),
                                style: ScalarStyle::Plain,
                            }),
                            span: range,
                            alias: None,
                            tag: None,
                        };
                        push(&mut stack, &mut root, node, Size::scalar(0), text, &mut errors);
                    }
                }
            }
            Event::MappingStart(anchor, tag) => {
                let start = node_start(text, range.start, anchor, tag.is_some(), documents, &mut anchor_names);
                let flow = bytes.get(start) == Some(&b'{');
                stack.push(Frame::Mapping {
                    start,
                    flow,
                    anchor,
                    tag: tag.map(|t| format!("{}{}", t.handle, t.suffix)),
                    entries: Vec::new(),
                    pending_key: None,
                    seen: HashSet::new(),
                    size: Size::default(),
                });
            }
            Event::SequenceStart(anchor, tag) => {
                let start = node_start(text, range.start, anchor, tag.is_some(), documents, &mut anchor_names);
                let flow = bytes.get(start) == Some(&b'[');
                stack.push(Frame::Sequence {
                    start,
                    flow,
                    anchor,
                    tag: tag.map(|t| format!("{}{}", t.handle, t.suffix)),
                    items: Vec::new(),
                    size: Size::default(),
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(frame) = stack.pop() {
                    let (node, anchor, size) = close(frame, Some(range));
                    if anchor != 0 {
                        if let Err(message) = spent.copy(size, "this anchor") {
                            let at = anchor_at(&anchor_names, anchor).unwrap_or(first_char(text, node.span.start));
                            fatal = Some(limit(at, message));
                            push(&mut stack, &mut root, node, size, text, &mut errors);
                            break;
                        }
                        anchors.insert(anchor, (node.clone(), size));
                    }
                    push(&mut stack, &mut root, node, size, text, &mut errors);
                }
            }
            Event::DocumentEnd | Event::StreamStart | Event::Nothing => {}
        }
    }
    // Close what the error left open, so the part read so far is usable.
    while let Some(frame) = stack.pop() {
        let (node, _, size) = close(frame, None);
        push(&mut stack, &mut root, node, size, text, &mut errors);
    }
    let anchored = !anchor_names.is_empty() || !aliased.is_empty();
    let unused_anchors = anchor_names
        .into_iter()
        .filter(|(id, _)| !aliased.contains(id))
        .map(|(_, r)| r)
        .collect();
    Attempt {
        root,
        fatal,
        errors,
        unused_anchors,
        anchored,
    }
}

/// The `&name` range of anchor `id` (the latest with that id).
fn anchor_at(names: &[(usize, TextRange)], id: usize) -> Option<TextRange> {
    names.iter().rev().find(|(i, _)| *i == id).map(|(_, r)| *r)
}

/// Where a node's content starts when its event starts at `at` on an
/// anchor or tag (`&a value`, `!!str value`, `key: &a` with the mapping on
/// the next lines): past those tokens, white space and comments.
fn content_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at.min(bytes.len());
    let mut props = 0;
    loop {
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n') {
            i += 1;
        }
        match bytes.get(i) {
            Some(b'#') if i == 0 || bytes[i - 1].is_ascii_whitespace() => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            }
            // At most an anchor and a tag precede the content.
            Some(b'&' | b'!') if props < 2 => {
                props += 1;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !b",[]{}".contains(&bytes[i]) {
                    i += 1;
                }
            }
            _ => return i,
        }
    }
}

/// Where a node whose event starts at `at` begins: saphyr's node events
/// start at their anchor or tag token, the node itself at its content. An
/// anchor of the first document is recorded with its `&name`'s range.
fn node_start(
    text: &str,
    at: usize,
    anchor: usize,
    tagged: bool,
    documents: usize,
    anchor_names: &mut Vec<(usize, TextRange)>,
) -> usize {
    if anchor != 0 && documents <= 1 {
        anchor_names.push((anchor, anchor_name_range(text, at)));
    }
    if anchor != 0 || tagged {
        content_start(text, at)
    } else {
        at
    }
}

/// The `&name` of an anchored node whose event starts at `at` (saphyr's
/// node events start at their anchor or tag token).
fn anchor_name_range(text: &str, at: usize) -> TextRange {
    let bytes = text.as_bytes();
    let mut i = at.min(bytes.len());
    // A tag may come first (`!!str &a value`).
    if bytes.get(i) == Some(&b'!') {
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
            i += 1;
        }
    }
    if bytes.get(i) != Some(&b'&') {
        return TextRange::empty(at.min(bytes.len()));
    }
    let end = text[i..]
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}'))
        .map_or(text.len(), |n| i + n);
    TextRange::new(i, end)
}

/// saphyr's span of a block scalar covers its content up to the next token;
/// ours starts at the `|`/`>` header and ends after the last content byte.
fn block_scalar_span(bytes: &[u8], span: TextRange) -> TextRange {
    let mut start = span.start.min(bytes.len());
    // Back up to the end of the header line.
    let mut i = start;
    while i > 0 && bytes[i - 1].is_ascii_whitespace() {
        i -= 1;
    }
    let line_start = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |j| j + 1);
    let header = &bytes[line_start..i];
    let mut cut = header.len();
    for (j, w) in header.windows(2).enumerate() {
        if w[0] == b' ' && w[1] == b'#' {
            cut = j;
            break;
        }
    }
    if let Some(j) = header[..cut].iter().rposition(|b| *b == b'|' || *b == b'>') {
        start = line_start + j;
    }
    let mut end = span.end.min(bytes.len()).max(start);
    while end > start && bytes[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    if end < start + 1 {
        end = (start + 1).min(bytes.len());
    }
    TextRange::new(start, end)
}

/// Finish a collection; returns it with its anchor id (0 for none) and size.
fn close(frame: Frame, end_event: Option<TextRange>) -> (Node, usize, Size) {
    let (kind, start, flow, anchor, tag, last_end, size) = match frame {
        Frame::Mapping {
            start,
            flow,
            anchor,
            tag,
            mut entries,
            pending_key,
            mut size,
            ..
        } => {
            if let Some(key) = pending_key {
                // A key with no value yet (cut off by an error).
                size.add_child(Size::scalar(0));
                let at = key.span.end;
                entries.push(Entry {
                    key,
                    value: Node {
                        kind: NodeKind::Scalar(Scalar {
                            value: String::new(),
                            style: ScalarStyle::Plain,
                        }),
                        span: TextRange::empty(at),
                        alias: None,
                        tag: None,
                    },
                });
            }
            let last_end = entries.last().map(|e| e.value.span.end.max(e.key.span.end));
            (NodeKind::Mapping(entries), start, flow, anchor, tag, last_end, size)
        }
        Frame::Sequence {
            start,
            flow,
            anchor,
            tag,
            items,
            size,
        } => {
            let last_end = items.last().map(|n| n.span.end);
            (NodeKind::Sequence(items), start, flow, anchor, tag, last_end, size)
        }
    };
    let end = match (flow, end_event, last_end) {
        (true, Some(ev), _) => ev.end,
        (_, _, Some(e)) => e,
        (_, Some(ev), None) => ev.start.max(start),
        (_, None, None) => start,
    };
    (
        Node {
            kind,
            span: TextRange::new(start, end.max(start)),
            alias: None,
            tag,
        },
        anchor,
        size.collection(),
    )
}

/// Ranges of `#` comments: a `#` at a line start or after white space that is
/// not inside a quoted or block scalar.
fn find_comments(text: &str, root: Option<&Node>) -> Vec<TextRange> {
    let bytes = text.as_bytes();
    if memchr::memchr(b'#', bytes).is_none() {
        return Vec::new();
    }
    let mut strings = Vec::new();
    if let Some(root) = root {
        root.walk(&mut |n| {
            if let NodeKind::Scalar(s) = &n.kind {
                if s.style != ScalarStyle::Plain && n.alias.is_none() {
                    // A block scalar's header line (`run: | # note`) may end
                    // in a comment; its content starts on the next line.
                    let start = match s.style {
                        ScalarStyle::Literal | ScalarStyle::Folded => {
                            memchr::memchr(b'\n', &bytes[n.span.start..n.span.end])
                                .map_or(n.span.start, |i| n.span.start + i)
                        }
                        _ => n.span.start,
                    };
                    strings.push(TextRange::new(start, n.span.end));
                }
            }
        });
    }
    strings.sort_by_key(|r| r.start);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'#', &bytes[from..]) {
        let at = from + i;
        let starts_comment = at == 0 || matches!(bytes[at - 1], b' ' | b'\t' | b'\n' | b'\r');
        let idx = strings.partition_point(|r| r.start <= at);
        let in_string = idx > 0 && strings[idx - 1].contains(at);
        if starts_comment && !in_string {
            let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |j| at + j);
            let end = if end > at && bytes[end - 1] == b'\r' {
                end - 1
            } else {
                end
            };
            out.push(TextRange::new(at, end));
            from = end;
        } else {
            from = at + 1;
        }
    }
    out
}

#[cfg(all(test, debug_assertions))]
mod tests {
    use super::{assert_fast_agrees, compared, parse_with_fast, parse_with_saphyr};

    /// A disagreement panics (review82 L4).
    #[test]
    #[should_panic(expected = "the fast YAML reader and saphyr disagree")]
    fn a_disagreement_panics() {
        let text = "name: a_disagreement_panics\n";
        let fast = parse_with_fast(text).expect("the fast reader reads it");
        assert_fast_agrees(text, &fast, |_| parse_with_saphyr("name: another tree\n"));
    }

    /// A comparison that panicked does not count as done: under a
    /// `catch_unwind` (a debug language server surviving a request's panic,
    /// proptest shrinking), the next parse of the same text compares again
    /// and panics again instead of using the fast tree unchecked
    /// (review82 L4).
    #[test]
    fn a_disagreement_panics_every_time() {
        let text = "name: a_disagreement_panics_every_time\n";
        let fast = parse_with_fast(text).expect("the fast reader reads it");
        let disagree = || {
            std::panic::catch_unwind(|| {
                assert_fast_agrees(text, &fast, |_| parse_with_saphyr("name: another tree\n"));
            })
        };
        assert!(disagree().is_err());
        assert!(disagree().is_err(), "the second parse compared again");
        // An agreeing comparison is remembered.
        let agreeing = || {
            std::panic::catch_unwind(|| {
                assert_fast_agrees(text, &fast, |_| parse_with_saphyr("name: yet another tree\n"));
            })
        };
        assert_fast_agrees(text, &fast, parse_with_saphyr);
        assert!(agreeing().is_ok(), "compared once it agreed");
    }

    #[test]
    fn debug_builds_compare_each_distinct_text_once() {
        // Texts no other test parses (tests share the process's set).
        let text = "name: debug_builds_compare_each_distinct_text_once\n";
        let other = "name: debug_builds_compare_each_distinct_text_once, the other\n";
        assert!(!compared::agreed_before(text));
        compared::remember(text);
        assert!(compared::agreed_before(text));
        let copy = String::from(text);
        assert!(compared::agreed_before(&copy), "the same text in another allocation");
        assert!(!compared::agreed_before(other));
    }
}
