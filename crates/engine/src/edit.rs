//! Building edits that look hand-written: new lines copy the indentation
//! and line endings around them, so fixes merge cleanly into real files.

use crate::diagnostic::Edit;
use crate::text::TextRange;
use crate::yaml::{Entry, Node, NodeKind};

/// The file's line break: CRLF files stay CRLF.
pub fn line_ending(source: &str) -> &'static str {
    match memchr::memchr(b'\n', source.as_bytes()) {
        Some(i) if i > 0 && source.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

pub fn line_start(source: &str, offset: usize) -> usize {
    crate::lint::line_range(source, offset).start
}

/// Offset of the end of `offset`'s line, before any `\r\n` / `\n`.
pub fn line_end(source: &str, offset: usize) -> usize {
    crate::lint::line_range(source, offset).end
}

/// Byte column of `offset` within its line.
pub fn column(source: &str, offset: usize) -> usize {
    offset - line_start(source, offset)
}

/// Leading spaces of the line containing `offset`.
pub fn indent_of_line(source: &str, offset: usize) -> usize {
    let start = line_start(source, offset);
    source.as_bytes()[start..].iter().take_while(|b| **b == b' ').count()
}

/// The indentation step the file uses (2 unless it clearly uses another).
pub fn indent_unit(source: &str) -> usize {
    let mut counts = [0usize; 9];
    let mut prev = 0usize;
    for line in source.lines() {
        let t = line.trim_start_matches(' ');
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let ind = line.len() - t.len();
        if ind > prev && ind - prev <= 8 {
            counts[ind - prev] += 1;
        }
        prev = ind;
    }
    (1..=8)
        .max_by_key(|i| (counts[*i], usize::from(*i == 2)))
        .filter(|i| counts[*i] > 0)
        .unwrap_or(2)
}

/// Is this collection written in flow style (`{…}` / `[…]`)?
pub fn is_flow(source: &str, node: &Node) -> bool {
    matches!(source.as_bytes().get(node.span.start), Some(b'{' | b'['))
}

/// Insert `key: value` into `mapping`, after `after` (or as the last entry
/// when `None`). Works for block and flow mappings; `None` for an empty block
/// mapping, whose indentation cannot be known.
pub fn insert_entry(
    path: &str,
    source: &str,
    mapping: &Node,
    after: Option<&Entry>,
    key: &str,
    value: &str,
) -> Option<Edit> {
    let entries = mapping.as_mapping()?;
    if is_flow(source, mapping) {
        let close = mapping.span.end.checked_sub(1)?;
        let sep = if entries.is_empty() { "" } else { ", " };
        return Some(Edit::insert(path, close, format!("{sep}{key}: {value}")));
    }
    let anchor = after.or(entries.last())?;
    let key_col = column(source, entries[0].key.span.start);
    let end_of = anchor.value.span.end.max(anchor.key.span.end);
    let at = line_end(source, end_of);
    let eol = line_ending(source);
    Some(Edit::insert(
        path,
        at,
        format!("{eol}{}{key}: {value}", " ".repeat(key_col)),
    ))
}

/// Replace an entry's scalar value, keeping the key and any comment.
pub fn replace_value(path: &str, entry: &Entry, new_value: &str) -> Edit {
    Edit::replace(path, entry.value.span, new_value)
}

/// The `-` of a block sequence item: where a new item inserted before it
/// starts, and its column.
pub fn dash_of(source: &str, item: &Node) -> Option<usize> {
    let before = &source.as_bytes()[..item.span.start.min(source.len())];
    let mut i = before.len();
    while i > 0 {
        i -= 1;
        match before[i] {
            b'-' => return Some(i),
            b' ' | b'\t' | b'\n' | b'\r' => continue,
            b'&' | b'!' => continue,
            _ if item.tag.is_some() => continue,
            _ => return None,
        }
    }
    None
}

/// Insert a new block-sequence item before `items[index]`, written as
/// `lines` (first line after `- `, the rest indented under it).
pub fn insert_item_before(path: &str, source: &str, seq: &Node, index: usize, lines: &[String]) -> Option<Edit> {
    let items = seq.as_sequence()?;
    if is_flow(source, seq) || lines.is_empty() {
        return None;
    }
    let item = items.get(index)?;
    let dash = dash_of(source, item)?;
    let start = line_start(source, dash);
    if source[start..dash].trim() != "" {
        return None;
    }
    let col = dash - start;
    let eol = line_ending(source);
    let inner = item_content_offset(source, dash, item);
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            text.push_str(&" ".repeat(col));
            text.push('-');
            text.push_str(&" ".repeat(inner.saturating_sub(1).max(1)));
        } else if line.is_empty() {
            text.push_str(eol);
            continue;
        } else {
            text.push_str(&" ".repeat(col + inner));
        }
        text.push_str(line);
        text.push_str(eol);
    }
    Some(Edit::insert(path, start, text))
}

/// Insert a new item after the last one of a block sequence.
pub fn append_item(path: &str, source: &str, seq: &Node, lines: &[String]) -> Option<Edit> {
    let items = seq.as_sequence()?;
    let last = items.last()?;
    if is_flow(source, seq) || lines.is_empty() {
        return None;
    }
    let dash = dash_of(source, items.first()?)?;
    let col = column(source, dash);
    let inner = item_content_offset(source, dash, items.first()?);
    let eol = line_ending(source);
    let at = line_end(source, last.span.end.saturating_sub(1).max(last.span.start));
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        text.push_str(eol);
        if line.is_empty() {
            continue;
        }
        if i == 0 {
            text.push_str(&" ".repeat(col));
            text.push('-');
            text.push_str(&" ".repeat(inner.saturating_sub(1).max(1)));
        } else {
            text.push_str(&" ".repeat(col + inner));
        }
        text.push_str(line);
    }
    Some(Edit::insert(path, at, text))
}

/// Spaces from the `-` to the item's content (2 for `- key: v`).
fn item_content_offset(source: &str, dash: usize, item: &Node) -> usize {
    if line_start(source, item.span.start) == line_start(source, dash) && item.span.start > dash {
        item.span.start - dash
    } else {
        2
    }
}

/// The range of an entry's whole lines (key line through its value's last
/// line, with the final line break), for deleting or moving it.
pub fn entry_lines(source: &str, entry: &Entry) -> TextRange {
    let start = line_start(source, entry.key.span.start);
    let end_val = entry.value.span.end.max(entry.key.span.end);
    let mut end = line_end(source, end_val.saturating_sub(usize::from(end_val > start)));
    if source[end..].starts_with("\r\n") {
        end += 2;
    } else if source[end..].starts_with('\n') {
        end += 1;
    }
    TextRange::new(start, end)
}

/// Quote a string as a YAML single-quoted scalar.
pub fn single_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// True when `s` can be written as a plain scalar on one line of a block
/// collection and reads back the same string: [`reads_as_plain`], and it is
/// no text the core schema (§10.3.2) resolves to a number, a boolean or
/// null (the string would come back as another type). The fixes' writer
/// asks it ([`single_quote`] otherwise).
pub fn is_plain_safe(s: &str) -> bool {
    reads_as_plain(s)
        && crate::yaml::parse_yaml_number(s).is_none()
        && !matches!(
            s,
            "true" | "false" | "null" | "~" | "True" | "False" | "TRUE" | "FALSE" | "Null" | "NULL"
        )
}

/// True when `s`, written on one line of a block collection, is read as one
/// plain scalar whose text is exactly `s`, whatever type the core schema
/// then gives it. By YAML 1.2's plain scalar grammar (§7.3.3): it starts
/// with no indicator (`ns-plain-first`; `-`, `?` and `:` refused even
/// before a safe character), holds no `: ` (a key) and no ` #` (a comment),
/// and ends with neither `:` nor a space; no line break, and no tab (which
/// the grammar allows inside, but a tab next to `:` or `#` is read as the
/// space). The one check of a plain scalar's text: the tree patcher
/// ([`crate::yaml::patch`]) asks it alone, since the tree keeps a scalar's
/// text and style and not its type (`timeout-minutes: 10` → `60` patches in
/// place), and [`is_plain_safe`] builds on it.
pub fn reads_as_plain(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with([
            ' ', '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`',
        ])
        && !s.ends_with([' ', ':'])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.contains(['\n', '\r', '\t'])
}

/// `r`, a range of the text before `edits`, in the text after them: moved by
/// the change in length of every edit that ends before it starts. A range
/// an edit ends at, overlaps or follows at once stays where it started (the
/// callers use it only for ranges no edit touches: findings outside the
/// edited jobs, rules whose reads the edits did not touch).
pub fn moved_past(edits: &[&Edit], r: TextRange) -> TextRange {
    let by: isize = edits
        .iter()
        .filter(|e| e.range.end < r.start)
        .map(|e| e.new_text.len() as isize - e.range.len() as isize)
        .sum();
    TextRange::new(r.start.saturating_add_signed(by), r.end.saturating_add_signed(by))
}

/// Is `node` a scalar written on one line (safe to replace in place)?
pub fn is_inline_scalar(source: &str, node: &Node) -> bool {
    matches!(node.kind, NodeKind::Scalar(_)) && !source[node.span.start..node.span.end].contains('\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::apply_edits;
    use crate::yaml::parse;

    /// A range after an edit moves by its change in length; one the edit
    /// ends at, or one before it, stays.
    #[test]
    fn a_range_moves_past_the_edits_that_end_before_it() {
        let src = "a: 1\nb: 2\nc: 3\n";
        let grow = Edit::replace("f.yml", TextRange::new(3, 4), "100");
        let shrink = Edit::replace("f.yml", TextRange::new(8, 9), "");
        let edits = [&grow, &shrink];
        let text = apply_edits("f.yml", src, &edits).expect("applies");
        let c = TextRange::new(10, 14);
        let moved = moved_past(&edits, c);
        assert_eq!(&text[moved.start..moved.end], "c: 3");
        assert_eq!(moved_past(&edits, TextRange::new(0, 1)), TextRange::new(0, 1));
        // `b`'s value ends where the range starts: it does not move the range.
        assert_eq!(moved_past(&edits, TextRange::new(9, 10)), TextRange::new(11, 12));
    }

    #[test]
    fn inserted_entries_copy_indentation_and_line_endings() {
        let src =
            "jobs:\r\n  build:   # the build\r\n    runs-on: ubuntu-latest # os\r\n    steps:\r\n      - run: make\r\n";
        let doc = parse(src.as_bytes());
        let job = doc.root.as_ref().unwrap().get("jobs").unwrap().get("build").unwrap();
        let after = job.entry("runs-on");
        let e = insert_entry("f", src, job, after, "timeout-minutes", "30").unwrap();
        let out = apply_edits("f", src, &[&e]).unwrap();
        assert_eq!(
            out,
            "jobs:\r\n  build:   # the build\r\n    runs-on: ubuntu-latest # os\r\n    timeout-minutes: 30\r\n    steps:\r\n      - run: make\r\n"
        );
    }

    #[test]
    fn items_are_inserted_before_a_step_with_its_indentation() {
        let src = "steps:\n    -   uses: a/b@v1\n    -   run: |\n          make\n";
        let doc = parse(src.as_bytes());
        let steps = doc.root.as_ref().unwrap().get("steps").unwrap();
        let e = insert_item_before(
            "f",
            src,
            steps,
            1,
            &["name: Install".into(), "run: pip install x".into()],
        )
        .unwrap();
        let out = apply_edits("f", src, &[&e]).unwrap();
        assert_eq!(
            out,
            "steps:\n    -   uses: a/b@v1\n    -   name: Install\n        run: pip install x\n    -   run: |\n          make\n"
        );
        assert!(!parse(out.as_bytes()).has_errors());
        let e2 = append_item("f", src, steps, &["run: echo done".into()]).unwrap();
        let out2 = apply_edits("f", src, &[&e2]).unwrap();
        assert!(out2.ends_with("          make\n    -   run: echo done\n"), "{out2}");
    }

    #[test]
    fn flow_mappings_get_a_flow_entry() {
        let src = "job: {runs-on: x}\n";
        let doc = parse(src.as_bytes());
        let job = doc.root.as_ref().unwrap().get("job").unwrap();
        let e = insert_entry("f", src, job, None, "timeout-minutes", "5").unwrap();
        assert_eq!(
            apply_edits("f", src, &[&e]).unwrap(),
            "job: {runs-on: x, timeout-minutes: 5}\n"
        );
    }

    #[test]
    fn indent_unit_is_detected() {
        assert_eq!(indent_unit("a:\n    b:\n        c: 1\n"), 4);
        assert_eq!(indent_unit("a:\n  b: 1\n"), 2);
        assert_eq!(indent_unit("a: 1\n"), 2);
    }
}
