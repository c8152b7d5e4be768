//! What reaches a person's terminal: whether to color it, and text from
//! files and logs made harmless to print.
//!
//! A workflow file or a log can carry escape sequences (`ESC [ 2 J` clears
//! the screen, `ESC ] 8` forges a link, a lone `CR` overwrites the line
//! before it). Human output shows them as visible symbols instead; the
//! machine formats (JSON, SARIF, GitHub commands) have their own escaping.

use std::sync::OnceLock;

use clap::ValueEnum;

/// `--color`.
#[derive(Clone, Copy, Debug, Default, ValueEnum, PartialEq, Eq)]
pub enum ColorChoice {
    /// Color when stdout is a terminal, unless `NO_COLOR` is set; `FORCE_COLOR`
    /// or `CLICOLOR_FORCE` color even a pipe.
    #[default]
    Auto,
    Always,
    Never,
}

static COLOR: OnceLock<bool> = OnceLock::new();

/// Decides once, in `main`, whether human output is colored.
pub fn init_color(choice: ColorChoice) {
    use std::io::IsTerminal as _;
    let env = |name: &str| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
    let on = wants_color(
        choice,
        env("NO_COLOR").as_deref(),
        env("FORCE_COLOR").as_deref(),
        env("CLICOLOR_FORCE").as_deref(),
        std::io::stdout().is_terminal(),
    );
    let _ = COLOR.set(on);
}

/// Whether human output is colored (`false` until [`init_color`] ran).
pub fn color() -> bool {
    COLOR.get().copied().unwrap_or(false)
}

/// The flag wins; then `NO_COLOR` (no-color.org: set and non-empty turns
/// color off); then `FORCE_COLOR` (force-color.org) or `CLICOLOR_FORCE`
/// (bixense.com/clicolors), set, non-empty and not `0`, turn it on; else
/// color only on a terminal.
pub fn wants_color(
    choice: ColorChoice,
    no_color: Option<&str>,
    force_color: Option<&str>,
    clicolor_force: Option<&str>,
    is_terminal: bool,
) -> bool {
    let set = |v: Option<&str>| v.is_some_and(|v| !v.is_empty());
    let forced = |v: Option<&str>| v.is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set(no_color) => false,
        ColorChoice::Auto if forced(force_color) || forced(clicolor_force) => true,
        ColorChoice::Auto => is_terminal,
    }
}

/// What a character is shown as, when it must not reach the terminal as is:
/// C0 controls other than tab and newline, DEL, and the C1 controls (which
/// some terminals obey like `ESC` sequences). The replacement is a visible
/// symbol: the Unicode control picture for C0 and DEL, the replacement
/// character for C1 and for the bidirectional controls (the engine's one
/// list, `text::is_bidi_control`), which make a terminal show the text
/// around them in another order than it is read ("Trojan Source").
fn visible(c: char) -> Option<char> {
    match c {
        '\t' | '\n' => None,
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        c if autoheal_engine::text::is_bidi_control(c) => Some('\u{fffd}'),
        _ => None,
    }
}

/// True when `text` holds nothing [`visible`] would replace, apart from the
/// `CR` of a `CRLF` line end when `crlf` says so. Printable ASCII, most of
/// every workflow, is passed over a block of bytes at a time; only the other
/// characters are decoded (per character, this was a fifteenth of human
/// output's instructions on the corpus).
fn is_plain(text: &str, crlf: bool) -> bool {
    /// Bytes passed over a block at a time while a block holds only
    /// printable ASCII, tabs and newlines (tested without an early exit,
    /// which the compiler vectorizes; per byte, this scan was a thirtieth of
    /// human output's instructions).
    const BLOCK: usize = 64;
    let ascii_block = |block: &[u8]| {
        block
            .iter()
            .fold(true, |all, &b| all & (matches!(b, b' '..=b'~' | b'\t' | b'\n')))
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // `i` is at a character boundary: a block starts where the previous
        // one ended, or after a whole character.
        if bytes.get(i..i + BLOCK).is_some_and(ascii_block) {
            i += BLOCK;
            continue;
        }
        // This block (or the rest, when shorter) a character at a time.
        let stop = (i + BLOCK).min(bytes.len());
        while i < stop {
            match bytes[i] {
                b' '..=b'~' | b'\t' | b'\n' => i += 1,
                b'\r' if crlf && bytes.get(i + 1) == Some(&b'\n') => i += 1,
                0x80.. => {
                    // ASCII bytes are whole characters, and the others are
                    // stepped over whole.
                    let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                        return false;
                    };
                    if visible(c).is_some() {
                        return false;
                    }
                    i += c.len_utf8();
                }
                _ => return false,
            }
        }
    }
    true
}

/// A message, path or log line from a file or a log, safe to print:
/// controls other than tab and newline become visible symbols.
pub fn escape(text: &str) -> String {
    if is_plain(text, false) {
        return text.to_string();
    }
    text.chars().map(|c| visible(c).unwrap_or(c)).collect()
}

/// A message printed as one line, safe to print: [`escape`], and line breaks
/// shown as `␊`. `report` and `heal` run in GitHub Actions, where the runner
/// reads every output line starting with `::` as a workflow command; a job or
/// step name (which a fork's workflow chooses) with a line break must not
/// start one (`::error::…` spoofing an annotation, `::stop-commands::`).
#[cfg(any(feature = "github", test))]
pub fn one_line(text: &str) -> String {
    escape(text).replace('\n', "\u{240a}")
}

/// An error message made safe to print where a runner reads the output: [`escape`], and a
/// line break before a line the runner would read as a workflow command (one that starts,
/// after leading whitespace, with `::` or `##[`) shown as `␊`, so the message stays on the
/// line of its `autoheal: error:` prefix. Other line breaks (a hint on its own line) stay.
/// An error can quote a name from a log or an API answer (a job name a fork chose).
pub fn error_text(text: &str) -> String {
    let escaped = escape(text);
    let mut out = String::with_capacity(escaped.len());
    for (i, line) in escaped.split('\n').enumerate() {
        if i > 0 {
            let start = line.trim_start();
            let command = start.starts_with("::") || start.starts_with("##[");
            out.push(if command { '\u{240a}' } else { '\n' });
        }
        out.push_str(line);
    }
    out
}

/// A whole source text made safe to print, with a map from offsets in the
/// original to offsets in the escaped text (snippets are located by byte
/// ranges, and a replacement is longer than the byte it replaces). Line
/// ends, `CRLF` included, are kept.
pub struct EscapedSource<'a> {
    /// The source itself when nothing needed replacing (most files: no copy).
    pub text: std::borrow::Cow<'a, str>,
    /// `(original offset, growth so far)` at each replaced character, in
    /// order; empty when nothing was replaced.
    shifts: Vec<(usize, usize)>,
}

impl<'a> EscapedSource<'a> {
    pub fn new(source: &'a str) -> EscapedSource<'a> {
        if is_plain(source, true) {
            return EscapedSource {
                text: std::borrow::Cow::Borrowed(source),
                shifts: Vec::new(),
            };
        }
        let bytes = source.as_bytes();
        let mut text = String::with_capacity(source.len() + 16);
        let mut shifts = Vec::new();
        let mut growth = 0;
        for (i, c) in source.char_indices() {
            let shown = match c {
                '\r' if bytes.get(i + 1) == Some(&b'\n') => None,
                '\r' => visible(c),
                c => visible(c),
            };
            match shown {
                Some(s) => {
                    text.push(s);
                    growth += s.len_utf8() - c.len_utf8();
                    shifts.push((i + c.len_utf8(), growth));
                }
                None => text.push(c),
            }
        }
        EscapedSource {
            text: std::borrow::Cow::Owned(text),
            shifts,
        }
    }

    /// Where an offset of the original text lands in the escaped one.
    pub fn offset(&self, original: usize) -> usize {
        // The last replacement that ends at or before `original`.
        match self.shifts.partition_point(|(end, _)| *end <= original) {
            0 => original,
            n => original + self.shifts[n - 1].1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_then_no_color_then_the_force_variables_then_the_terminal() {
        use ColorChoice::*;
        assert!(wants_color(Always, Some("1"), None, None, false));
        assert!(!wants_color(Never, None, Some("1"), Some("1"), true));
        assert!(!wants_color(Auto, Some("1"), Some("1"), None, true));
        assert!(
            wants_color(Auto, Some(""), None, None, true),
            "an empty NO_COLOR is unset"
        );
        assert!(wants_color(Auto, None, Some("1"), None, false));
        assert!(wants_color(Auto, None, Some("true"), None, false));
        assert!(!wants_color(Auto, None, Some("0"), None, false));
        assert!(!wants_color(Auto, None, Some(""), None, false));
        assert!(wants_color(Auto, None, None, Some("1"), false));
        assert!(!wants_color(Auto, None, None, Some("0"), false));
        assert!(wants_color(Auto, None, None, None, true));
        assert!(!wants_color(Auto, None, None, None, false));
    }

    #[test]
    fn escape_sequences_become_visible_in_a_message() {
        assert_eq!(escape("plain: tab\tkept\n"), "plain: tab\tkept\n");
        assert_eq!(escape("a\u{1b}[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(escape("x\ry\0z\u{7f}\u{9b}"), "x\u{240d}y\u{2400}z\u{2421}\u{fffd}");
        // A workflow or log line that would show reordered: `if access != "user\u{202E} \u{2066}// admin\u{2069} \u{2066}"`.
        assert_eq!(
            escape("a\u{202e}b\u{2066}c\u{2069}d\u{200f}e"),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}e"
        );
        assert_eq!(one_line("a\n::error::x\r::y"), "a\u{240a}::error::x\u{240d}::y");
        // Every bidirectional control of the engine's one list, which the heal loop drops.
        let bidi: String = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| autoheal_engine::text::is_bidi_control(*c))
            .collect();
        assert!(bidi.len() > 10, "{bidi:?}");
        assert!(escape(&bidi).chars().all(|c| c == '\u{fffd}'), "{bidi:?}");
    }

    #[test]
    fn error_text_keeps_hints_and_breaks_workflow_commands() {
        assert_eq!(error_text("bad file\nhint: try -v"), "bad file\nhint: try -v");
        assert_eq!(error_text("job x\n::error::spoof"), "job x\u{240a}::error::spoof");
        assert_eq!(
            error_text("job x\n  ::stop-commands::t"),
            "job x\u{240a}  ::stop-commands::t"
        );
        assert_eq!(error_text("a\n##[error]b"), "a\u{240a}##[error]b");
        assert_eq!(error_text("a\u{1b}[2Jb"), escape("a\u{1b}[2Jb"));
        let source = EscapedSource::new("x: \u{202e}y\n");
        assert_eq!(source.text, "x: \u{fffd}y\n");
        assert_eq!(source.offset(6), 6);
    }

    /// The byte scan agrees with the definition, character by character:
    /// nothing [`visible`] replaces (and a `CR` only before `LF`, in a
    /// source).
    #[test]
    fn the_plain_text_scan_agrees_with_visible_for_every_character() {
        for c in (0..0x3000u32)
            .chain(0xfeff..0x10000)
            .chain([0x1f600, 0x10ffff])
            .filter_map(char::from_u32)
            .filter(|c| *c != '\r')
        {
            // Short texts, and long ones where the character falls in a
            // block of ASCII, after one, or at a block's edge.
            let (long, other) = ("a".repeat(70), "b".repeat(130));
            for text in [
                format!("a{c}b"),
                format!("{c}"),
                format!("é{c}\n"),
                format!("{long}{c}{other}"),
                format!("{other}{c}"),
                format!("{}{c}{long}", "x".repeat(63)),
                format!("é{long}{c}{other}é"),
            ] {
                let by_char = text.chars().all(|c| visible(c).is_none());
                assert_eq!(is_plain(&text, false), by_char, "{text:?}");
                assert_eq!(is_plain(&text, true), by_char, "{text:?}");
            }
        }
        assert!(is_plain("a\r\nb", true));
        for at in [0, 62, 63, 64, 100] {
            let crlf = format!("{}\r\n{}", "a".repeat(at), "b".repeat(100));
            assert!(is_plain(&crlf, true), "{at}");
            assert!(!is_plain(&crlf, false), "{at}");
            let lone = format!("{}\r{}", "a".repeat(at), "b".repeat(100));
            assert!(!is_plain(&lone, true), "{at}");
        }
        assert!(!is_plain("a\r\nb", false));
        assert!(!is_plain("a\rb", true));
        assert!(!is_plain("a\r", true));
    }

    #[test]
    fn a_source_keeps_its_line_ends_and_maps_every_offset() {
        let plain = EscapedSource::new("a: 1\r\nb: 2\n");
        assert_eq!(plain.text, "a: 1\r\nb: 2\n");
        assert_eq!(plain.offset(7), 7);

        let src = "a: \u{1b}[31mred\u{7}\nb: x\ry\n";
        let e = EscapedSource::new(src);
        assert_eq!(e.text, "a: \u{241b}[31mred\u{2407}\nb: x\u{240d}y\n");
        for (original, piece) in [
            (0, "a"),
            (3, "\u{241b}"),
            (4, "["),
            (12, "\n"),
            (13, "b"),
            (17, "\u{240d}"),
            (18, "y"),
        ] {
            let at = e.offset(original);
            assert!(
                e.text[at..].starts_with(piece),
                "{original} -> {at}: {:?}",
                &e.text[at..]
            );
        }
        assert_eq!(e.offset(src.len()), e.text.len());
    }
}
