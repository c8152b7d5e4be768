//! Splits bytes into lines without holding more than one buffer in memory.

use std::io::{self, Read};

/// Lines longer than this are cut; the rest of such a line is skipped so a
/// log without line breaks cannot make memory grow.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

const CHUNK: usize = 256 * 1024;

/// Calls `f(line_number, line)` for every line of `bytes`; line numbers are
/// 1-based and a trailing `\r` is removed.
pub fn for_each_line(bytes: &[u8], mut f: impl FnMut(u64, &[u8])) {
    let mut number = 0u64;
    let mut start = 0usize;
    for end in memchr::memchr_iter(b'\n', bytes) {
        number += 1;
        f(number, trim_line(&bytes[start..end]));
        start = end + 1;
    }
    if start < bytes.len() {
        f(number + 1, trim_line(&bytes[start..]));
    }
}

fn trim_line(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    &line[..line.len().min(MAX_LINE_BYTES)]
}

/// Streams lines from a reader; memory stays at one chunk plus one line.
/// Returns the number of bytes read.
pub fn for_each_line_in<R: Read>(mut reader: R, mut f: impl FnMut(u64, &[u8])) -> io::Result<u64> {
    let mut buf = vec![0u8; CHUNK];
    let mut carry: Vec<u8> = Vec::new();
    let mut carry_truncated = false;
    let mut number = 0u64;
    let mut total = 0u64;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        total += n as u64;
        let data = &buf[..n];
        let mut start = 0usize;
        for end in memchr::memchr_iter(b'\n', data) {
            number += 1;
            if carry.is_empty() && !carry_truncated {
                f(number, trim_line(&data[start..end]));
            } else {
                append_bounded(&mut carry, &data[start..end]);
                f(number, trim_line(&carry));
                carry.clear();
                carry_truncated = false;
            }
            start = end + 1;
        }
        if start < n {
            carry_truncated |= !append_bounded(&mut carry, &data[start..]);
        }
    }
    if !carry.is_empty() {
        f(number + 1, trim_line(&carry));
    }
    Ok(total)
}

/// Appends up to the line limit; false when something was dropped.
fn append_bounded(carry: &mut Vec<u8>, more: &[u8]) -> bool {
    let room = (MAX_LINE_BYTES + 1).saturating_sub(carry.len());
    let take = more.len().min(room);
    carry.extend_from_slice(&more[..take]);
    take == more.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(bytes: &[u8]) -> Vec<(u64, Vec<u8>)> {
        let mut out = Vec::new();
        for_each_line(bytes, |n, l| out.push((n, l.to_vec())));
        out
    }

    #[test]
    fn numbers_lines_and_strips_cr() {
        let lines = collect(b"a\r\nb\n\nc");
        assert_eq!(
            lines,
            vec![(1, b"a".to_vec()), (2, b"b".to_vec()), (3, vec![]), (4, b"c".to_vec())]
        );
    }

    #[test]
    fn reader_matches_slice_across_chunk_boundaries() {
        let mut text = Vec::new();
        for i in 0..50_000 {
            text.extend_from_slice(format!("line {i} {}\n", "x".repeat(i % 17)).as_bytes());
        }
        text.extend_from_slice(b"tail");
        let mut from_reader = Vec::new();
        let read = for_each_line_in(&text[..], |n, l| from_reader.push((n, l.to_vec()))).expect("read");
        assert_eq!(read, text.len() as u64);
        assert_eq!(from_reader, collect(&text));
    }

    #[test]
    fn huge_line_is_cut() {
        let mut text = vec![b'x'; MAX_LINE_BYTES * 5];
        text.extend_from_slice(b"\nnext\n");
        let mut lines = Vec::new();
        for_each_line_in(&text[..], |n, l| lines.push((n, l.len()))).expect("read");
        assert_eq!(lines, vec![(1, MAX_LINE_BYTES), (2, 4)]);
    }
}
