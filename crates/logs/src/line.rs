//! One log line: timestamp, runner marker and workflow command.
//!
//! The REST API prefixes each line with `2024-01-01T12:00:00.1234567Z `; the
//! runner turns `::error::` commands into `##[error]` lines; text copied from
//! the web page has neither and says `Error:` instead. All three forms end up
//! as the same [`LineKind`] and message text here.

use std::borrow::Cow;

/// What a line is, judged by its marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Plain,
    Error,
    Warning,
    Notice,
    Debug,
    Command,
    GroupStart,
    GroupEnd,
}

/// The properties of a `::error file=…,line=…::` workflow command.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommandProps {
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub end_line: Option<u32>,
    pub title: Option<String>,
}

/// A line with its timestamp and marker removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedLine<'a> {
    pub kind: LineKind,
    /// The message: for marked lines the text after the marker, otherwise
    /// the line without its timestamp.
    pub text: Cow<'a, str>,
    pub had_timestamp: bool,
    /// The timestamp as seconds since 1970-01-01 UTC (only differences are
    /// used: how long a job ran before it was canceled).
    pub timestamp: Option<i64>,
    pub props: Option<CommandProps>,
}

/// Decodes bytes as UTF-8, replacing invalid sequences.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// Seconds since 1970-01-01 UTC of a `YYYY-MM-DDTHH:MM:SS` prefix (the
/// caller has checked its shape with [`timestamp_len`]).
pub fn timestamp_seconds(line: &[u8]) -> Option<i64> {
    let num = |r: std::ops::Range<usize>| -> Option<i64> { std::str::from_utf8(line.get(r)?).ok()?.parse().ok() };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hh, mm, ss) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hh * 3600 + mm * 60 + ss)
}

/// Length of a leading `YYYY-MM-DDTHH:MM:SS[.fff…]Z ` prefix, if any.
pub fn timestamp_len(line: &[u8]) -> Option<usize> {
    const SHAPE: &[u8] = b"dddd-dd-ddTdd:dd:dd";
    if line.len() < SHAPE.len() + 2 {
        return None;
    }
    for (i, s) in SHAPE.iter().enumerate() {
        let b = line[i];
        let ok = if *s == b'd' { b.is_ascii_digit() } else { b == *s };
        if !ok {
            return None;
        }
    }
    let mut i = SHAPE.len();
    if line.get(i) == Some(&b'.') {
        i += 1;
        while line.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    if line.get(i) != Some(&b'Z') {
        return None;
    }
    i += 1;
    match line.get(i) {
        Some(b' ') => Some(i + 1),
        None => Some(i),
        _ => None,
    }
}

const RUNNER_MARKERS: &[(&str, LineKind)] = &[
    ("##[error]", LineKind::Error),
    ("##[warning]", LineKind::Warning),
    ("##[notice]", LineKind::Notice),
    ("##[debug]", LineKind::Debug),
    ("##[command]", LineKind::Command),
    ("##[group]", LineKind::GroupStart),
    ("##[endgroup]", LineKind::GroupEnd),
];

const COMMANDS: &[(&str, LineKind)] = &[
    ("::error", LineKind::Error),
    ("::warning", LineKind::Warning),
    ("::notice", LineKind::Notice),
    ("::debug", LineKind::Debug),
    ("::group", LineKind::GroupStart),
    ("::endgroup", LineKind::GroupEnd),
];

/// Web-UI prefixes, matched after leading blanks (the UI indents nested
/// output) and optional Markdown emphasis that people paste along.
const UI_PREFIXES: &[(&str, LineKind)] = &[
    ("Error: ", LineKind::Error),
    ("Warning: ", LineKind::Warning),
    ("Notice: ", LineKind::Notice),
];

/// Parses one line (without its line break).
pub fn parse_line(bytes: &[u8]) -> ParsedLine<'_> {
    let ts = timestamp_len(bytes);
    let timestamp = ts.and_then(|_| timestamp_seconds(bytes));
    let rest = &bytes[ts.unwrap_or(0)..];
    let mut text = decode(rest);
    if had_ui_links(&text) {
        text = Cow::Owned(strip_ui_links(&text));
    }
    // The runner reads a workflow command only at the start of a line (after
    // blanks), and the log viewer a `##[…]` marker: one behind a colour code
    // stayed text.
    let markers = !text.contains('\u{1b}') || text.trim_start().starts_with(['#', ':']);
    if let Cow::Owned(plain) = without_terminal_codes(&text) {
        text = Cow::Owned(plain);
    }
    let had_timestamp = ts.is_some();
    match text {
        Cow::Borrowed(s) => {
            let (kind, msg, props) = classify_text(s, markers);
            ParsedLine {
                kind,
                text: msg,
                had_timestamp,
                timestamp,
                props,
            }
        }
        Cow::Owned(s) => {
            let (kind, msg, props) = classify_text(&s, markers);
            let msg = Cow::Owned(msg.into_owned());
            ParsedLine {
                kind,
                text: msg,
                had_timestamp,
                timestamp,
                props,
            }
        }
    }
}

/// `text` without the terminal's control sequences, which tools print when CI
/// asks for colour (`FORCE_COLOR`, `CARGO_TERM_COLOR`, `--color=always`, a
/// pseudo-terminal): ECMA-48's CSI sequences (`ESC [`, parameter and
/// intermediate bytes, one final byte: SGR colours `ESC[31m`, erase-line
/// `ESC[2K`, cursor moves `ESC[1G`), OSC strings (`ESC ]` up to BEL or `ESC \`:
/// hyperlinks, window titles) and the other escapes (`ESC` with intermediate
/// bytes and one final byte, such as `ESC(B`). Every reader of a line (the
/// emitters, ranking, the evidence shown) gets the text a person reads.
pub fn without_terminal_codes(text: &str) -> Cow<'_, str> {
    if !text.contains('\u{1b}') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('[') => {
                // Parameters and intermediates (0x20-0x3F), then the final
                // byte (0x40-0x7E); anything else ends a broken sequence.
                while let Some(&b) = chars.peek() {
                    chars.next();
                    if !('\u{20}'..='\u{3f}').contains(&b) {
                        break;
                    }
                }
            }
            Some(']') => {
                while let Some(b) = chars.next() {
                    if b == '\u{7}' || b == '\u{1b}' && chars.next_if_eq(&'\\').is_some() {
                        break;
                    }
                }
            }
            Some(b) if ('\u{20}'..='\u{2f}').contains(&b) => {
                while chars.next_if(|c| ('\u{20}'..='\u{2f}').contains(c)).is_some() {}
                chars.next();
            }
            // A two-byte escape (`ESC 7`, `ESC M`, …) or a lone ESC at the end.
            _ => {}
        }
    }
    Cow::Owned(out)
}

fn had_ui_links(text: &str) -> bool {
    text.contains("](https://github.com/")
}

/// Text copied from the web UI keeps the line anchors GitHub puts on numbers
/// (`line [35](https://github.com/o/r/runs/1#step:7:37)`, even inside a number:
/// `exit code 1[2](…)7`); they are cut back to the number shown.
pub fn strip_ui_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let tail = &rest[open + 1..];
        let link = tail
            .find("](https://github.com/")
            .filter(|&close| close > 0 && tail[..close].bytes().all(|b| b.is_ascii_digit()));
        match link.and_then(|close| tail[close..].find(')').map(|end| (close, close + end))) {
            Some((close, end)) => {
                out.push_str(&rest[..open]);
                out.push_str(&tail[..close]);
                rest = &tail[end + 1..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

fn classify_text(s: &str, markers: bool) -> (LineKind, Cow<'_, str>, Option<CommandProps>) {
    let marked = s.trim_start_matches(' ');
    if markers && marked.starts_with("##[") {
        for (marker, kind) in RUNNER_MARKERS {
            if let Some(msg) = marked.strip_prefix(marker) {
                return (*kind, Cow::Borrowed(msg), None);
            }
        }
    }
    let trimmed = s.trim_start();
    if markers && trimmed.starts_with("::") {
        if let Some(parsed) = parse_workflow_command(trimmed) {
            return parsed;
        }
    }
    let unemphasized = trimmed.trim_start_matches('*');
    for (prefix, kind) in UI_PREFIXES {
        if unemphasized.starts_with(prefix) {
            return (*kind, Cow::Borrowed(s), None);
        }
    }
    (LineKind::Plain, Cow::Borrowed(s), None)
}

fn parse_workflow_command(s: &str) -> Option<(LineKind, Cow<'_, str>, Option<CommandProps>)> {
    for (name, kind) in COMMANDS {
        let Some(after) = s.strip_prefix(name) else { continue };
        // `::errors::` is not `::error::`.
        if !(after.starts_with("::") || after.starts_with(' ')) {
            continue;
        }
        let end = after.find("::")?;
        let props = parse_props(&after[..end]);
        let message = unescape_data(&after[end + 2..]);
        return Some((*kind, message, Some(props)));
    }
    None
}

fn parse_props(s: &str) -> CommandProps {
    let mut props = CommandProps::default();
    for pair in s.trim().split(',') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        let value = unescape_property(value.trim());
        match key.trim() {
            "file" => props.file = Some(value.into_owned()),
            "line" => props.line = value.trim().parse().ok(),
            "col" => props.column = value.trim().parse().ok(),
            "endLine" => props.end_line = value.trim().parse().ok(),
            "title" => props.title = Some(value.into_owned()),
            _ => {}
        }
    }
    props
}

/// Reverses the runner's escaping of command messages (`%25`, `%0D`, `%0A`).
pub fn unescape_data(s: &str) -> Cow<'_, str> {
    unescape(s, &[("%0D", "\r"), ("%0A", "\n")])
}

/// Reverses the escaping of command properties (also `%3A` and `%2C`).
pub fn unescape_property(s: &str) -> Cow<'_, str> {
    unescape(s, &[("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ",")])
}

fn unescape<'a>(s: &'a str, table: &[(&str, &str)]) -> Cow<'a, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let code = tail.get(..3).map(str::to_ascii_uppercase);
        // `%25` is decoded last by the runner, so `%250A` means a literal `%0A`.
        match code.as_deref() {
            Some("%25") => {
                out.push('%');
                rest = &tail[3..];
            }
            Some(c) => match table.iter().find(|(k, _)| *k == c) {
                Some((_, v)) => {
                    out.push_str(v);
                    rest = &tail[3..];
                }
                None => {
                    out.push('%');
                    rest = &tail[1..];
                }
            },
            None => {
                out.push('%');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_api_timestamp() {
        let line = parse_line(b"2024-01-01T12:00:00.1234567Z ##[error]boom");
        assert_eq!(line.kind, LineKind::Error);
        assert_eq!(line.text, "boom");
        assert!(line.had_timestamp);
    }

    #[test]
    fn timestamps_as_seconds() {
        let a = parse_line(b"2024-03-01T23:59:30.5Z x").timestamp.expect("ts");
        let b = parse_line(b"2024-03-02T00:40:30Z y").timestamp.expect("ts");
        assert_eq!(b - a, 41 * 60);
        assert_eq!(timestamp_seconds(b"1970-01-01T00:00:10Z"), Some(10));
        assert_eq!(parse_line(b"no time").timestamp, None);
    }

    #[test]
    fn ui_line_links_are_cut_back_to_numbers() {
        assert_eq!(
            strip_ui_links("main.sh: line [35](https://github.com/o/r/runs/8#step:7:37): poetry: command not found"),
            "main.sh: line 35: poetry: command not found"
        );
        assert_eq!(
            strip_ui_links("exit code 1[2](https://github.com/o/r/actions/runs/7/job/2#step:5:2)7."),
            "exit code 127."
        );
        assert_eq!(
            strip_ui_links("[x](https://github.com/a) [1]"),
            "[x](https://github.com/a) [1]"
        );
        let parsed = parse_line(b"Error: code 1[2](https://github.com/o/r#step:1:2)7");
        assert_eq!(parsed.text, "Error: code 127");
    }

    #[test]
    fn timestamp_without_fraction_and_empty_line() {
        assert_eq!(timestamp_len(b"2024-01-01T12:00:00Z hi"), Some(21));
        assert_eq!(timestamp_len(b"2024-01-01T12:00:00.5Z"), Some(22));
        assert_eq!(timestamp_len(b"2024-01-01 12:00:00Z x"), None);
    }

    #[test]
    fn ui_error_prefix_keeps_text() {
        let line = parse_line(b"  Error: API rate limit exceeded");
        assert_eq!(line.kind, LineKind::Error);
        assert!(!line.had_timestamp);
        let bold = parse_line(b"**Error: Error: ENOENT**");
        assert_eq!(bold.kind, LineKind::Error);
    }

    #[test]
    fn group_and_command_markers() {
        let g = parse_line(b"##[group]Run pytest -q");
        assert_eq!((g.kind, g.text.as_ref()), (LineKind::GroupStart, "Run pytest -q"));
        assert_eq!(parse_line(b"##[endgroup]").kind, LineKind::GroupEnd);
        assert_eq!(parse_line(b"##[command]/usr/bin/git version").kind, LineKind::Command);
    }

    #[test]
    fn workflow_command_with_escapes() {
        let line = parse_line(b"::error file=src/a%2Cb.py,line=12,col=3,title=Lint%3A x::first%0Asecond %25 done");
        assert_eq!(line.kind, LineKind::Error);
        assert_eq!(line.text, "first\nsecond % done");
        let props = line.props.expect("props");
        assert_eq!(props.file.as_deref(), Some("src/a,b.py"));
        assert_eq!(props.line, Some(12));
        assert_eq!(props.column, Some(3));
        assert_eq!(props.title.as_deref(), Some("Lint: x"));
    }

    #[test]
    fn percent_25_is_decoded_once() {
        assert_eq!(unescape_data("a%250Ab"), "a%0Ab");
        assert_eq!(unescape_data("100%"), "100%");
        assert_eq!(unescape_data("%zz"), "%zz");
    }

    #[test]
    fn invalid_utf8_is_replaced() {
        let line = parse_line(b"Error: caf\xff");
        assert_eq!(line.kind, LineKind::Error);
        assert!(line.text.contains('\u{fffd}'));
    }

    #[test]
    fn terminal_codes_are_removed_where_lines_are_read() {
        assert_eq!(
            without_terminal_codes("\u{1b}[1m\u{1b}[31mE   ModuleNotFoundError\u{1b}[0m: x\u{1b}[K"),
            "E   ModuleNotFoundError: x"
        );
        assert_eq!(
            without_terminal_codes("\u{1b}[2K\u{1b}[1Gnpm \u{1b}[38;5;9mERR!\u{1b}[39m x"),
            "npm ERR! x"
        );
        // An OSC hyperlink (BEL or ST ended), a charset switch, a lone ESC at the end.
        assert_eq!(
            without_terminal_codes("see \u{1b}]8;;https://x.y/\u{7}docs\u{1b}]8;;\u{1b}\\ now\u{1b}(B!\u{1b}"),
            "see docs now!"
        );
        assert!(matches!(without_terminal_codes("plain [31m text"), Cow::Borrowed(_)));
        let line = parse_line(b"2024-01-01T12:00:00Z \x1b[31m##[error]\x1b[0mProcess completed with exit code 1.");
        assert_eq!(line.text, "##[error]Process completed with exit code 1.");
        let coloured = parse_line(b"2024-01-01T12:00:00Z ##[error]\x1b[31mboom\x1b[0m");
        assert_eq!((coloured.kind, coloured.text.as_ref()), (LineKind::Error, "boom"));
        // The runner reads a workflow command only at the start of a line.
        assert_eq!(line.kind, LineKind::Plain);
        let behind_colour = parse_line(b"\x1b[31m::error::not a command\x1b[0m");
        assert_eq!(
            (behind_colour.kind, behind_colour.text.as_ref()),
            (LineKind::Plain, "::error::not a command")
        );
        let inside = parse_line(b"::error::\x1b[1mbold\x1b[0m message");
        assert_eq!((inside.kind, inside.text.as_ref()), (LineKind::Error, "bold message"));
    }

    #[test]
    fn not_a_command() {
        assert_eq!(parse_line(b"::errors:: x").kind, LineKind::Plain);
        assert_eq!(parse_line(b"::error no terminator").kind, LineKind::Plain);
    }
}
