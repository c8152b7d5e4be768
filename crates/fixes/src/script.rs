//! The lines of a step's `run:` script, each with its bytes in the file, so
//! a fix can edit one command without touching the rest.

use autoheal_engine::edit;
use autoheal_engine::text::TextRange;
use autoheal_engine::yaml::{Node, ScalarStyle};

#[derive(Debug)]
pub struct Script<'a> {
    /// A `|` block: lines can be inserted; otherwise a one-line scalar.
    pub block: bool,
    /// Columns of block content (0 for one-line scalars).
    pub indent: usize,
    pub lines: Vec<ScriptLine<'a>>,
}

#[derive(Clone, Copy, Debug)]
pub struct ScriptLine<'a> {
    /// The line as the shell sees it.
    pub text: &'a str,
    /// Its bytes in the workflow file (content only, no block indentation).
    pub range: TextRange,
}

impl<'a> Script<'a> {
    /// Read a `run:` value written as a literal block or a one-line scalar
    /// whose bytes are its value (no escapes). Folded and multi-line plain
    /// scalars are left alone: their lines do not map to the file's.
    pub fn new(source: &'a str, node: &'a Node) -> Option<Self> {
        let scalar = node.as_scalar()?;
        if node.alias.is_some() {
            return None;
        }
        match scalar.style {
            ScalarStyle::Literal => Self::literal(source, node),
            ScalarStyle::Plain | ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
                let raw = source.get(node.span.start..node.span.end)?;
                let quoted = scalar.style != ScalarStyle::Plain;
                let inner = if quoted {
                    raw.get(1..raw.len().checked_sub(1)?)?
                } else {
                    raw
                };
                if inner != scalar.value || inner.contains('\n') {
                    return None;
                }
                let start = node.span.start + usize::from(quoted);
                let range = TextRange::new(start, start + inner.len());
                Some(Script {
                    block: false,
                    indent: 0,
                    lines: vec![ScriptLine { text: inner, range }],
                })
            }
            ScalarStyle::Folded => None,
        }
    }

    /// The source lines of a folded (`>`) block, for edits inside a line
    /// only (a word replaced by another): folding joins lines with a space
    /// or keeps their break, so a word within a line is a word of the value.
    /// Never for inserting lines or reading commands (`block` is false).
    pub fn folded_lines(source: &'a str, node: &'a Node) -> Option<Self> {
        if node.alias.is_some() || node.as_scalar()?.style != ScalarStyle::Folded {
            return None;
        }
        Self::literal(source, node).map(|s| Script { block: false, ..s })
    }

    fn literal(source: &'a str, node: &'a Node) -> Option<Self> {
        let header_end = edit::line_end(source, node.span.start);
        let header = source.get(node.span.start..header_end)?;
        let indicator = header.split('#').next().unwrap_or("").trim();
        if indicator.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let body_start = next_line(source, header_end)?;
        let end = node.span.end.min(source.len());
        let mut raw_lines = Vec::new();
        let mut at = body_start;
        while at < end {
            let line_end = edit::line_end(source, at);
            raw_lines.push(TextRange::new(at, line_end));
            match next_line(source, line_end) {
                Some(n) => at = n,
                None => break,
            }
        }
        let indent = raw_lines
            .iter()
            .map(|r| &source[r.start..r.end])
            .find(|l| !l.trim().is_empty())
            .map(|l| l.len() - l.trim_start_matches(' ').len())?;
        // A line indented less than the block ends it (YAML's rule): one
        // inside the node's span means the file does not parse as written,
        // and its text is no line of the script.
        let outdented = raw_lines
            .iter()
            .map(|r| &source[r.start..r.end])
            .any(|l| !l.trim().is_empty() && l.len() - l.trim_start_matches(' ').len() < indent);
        if outdented {
            return None;
        }
        let lines = raw_lines
            .into_iter()
            .map(|r| {
                let content = TextRange::new((r.start + indent).min(r.end), r.end);
                ScriptLine {
                    text: &source[content.start..content.end],
                    range: content,
                }
            })
            .collect();
        Some(Script {
            block: true,
            indent,
            lines,
        })
    }
}

fn next_line(source: &str, line_end: usize) -> Option<usize> {
    let rest = source.get(line_end..)?;
    if rest.starts_with("\r\n") {
        Some(line_end + 2)
    } else if rest.starts_with('\n') {
        Some(line_end + 1)
    } else {
        None
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'/' | b'-' | b'+' | b'$' | b'{' | b'=')
}

/// Offsets in `text` where `word` appears as a whole shell word (why this is
/// not `autoheal_logs::words::find_word`: see that module).
pub fn word_positions(text: &str, word: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(word)).map(|i| i + from) {
        let end = i + word.len();
        let before_ok = i == 0 || !is_word_byte(b[i - 1]);
        let after_ok = end >= b.len() || !is_word_byte(b[end]) || b[end] == b'$';
        if before_ok && after_ok {
            out.push(i);
        }
        from = end;
    }
    out
}

/// Offsets in `text` where `word` is the whole value of a command-line
/// option written `--name=value` or `-name=value` (`--schema=prisma/x`,
/// `-var-file=prod.tfvars`): the option's value is the path the program was
/// given, as in the spaced form [`word_positions`] reads. An assignment
/// (`FILE=path`) is no option and is not read.
pub fn option_value_positions(text: &str, word: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(word)).map(|i| i + from) {
        let end = i + word.len();
        from = end;
        let after_ok = end >= b.len() || !is_word_byte(b[end]) || b[end] == b'$';
        if !after_ok || i == 0 || b[i - 1] != b'=' {
            continue;
        }
        // The delimiter may be a multi-byte space (a pasted NBSP): the name
        // starts after its last byte, not one byte after its first
        // (review89 H3).
        let start = text[..i - 1]
            .char_indices()
            .rfind(|&(_, c)| c.is_whitespace() || c == '"' || c == '\'')
            .map_or(0, |(k, c)| k + c.len_utf8());
        let name = &text[start..i - 1];
        let option = name
            .strip_prefix("--")
            .or_else(|| name.strip_prefix('-'))
            .is_some_and(|n| {
                n.starts_with(|c: char| c.is_ascii_alphabetic())
                    && n.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
            });
        if option {
            out.push(i);
        }
    }
    out
}

/// True when `line` names `word` as a whole word outside a comment, in any
/// position (an argument too); `elsewhere::runs_command` is "runs it".
pub fn mentions_command(line: &str, word: &str) -> bool {
    let code = strip_comment(line);
    word_positions(code, word).into_iter().any(|_| true)
}

/// The line without a trailing ` # comment` (outside quotes).
pub fn strip_comment(line: &str) -> &str {
    let (mut single, mut double) = (false, false);
    let b = line.as_bytes();
    for (i, c) in b.iter().enumerate() {
        match c {
            b'\'' if !double => single = !single,
            b'"' if !single => double = !double,
            b'#' if !single && !double && (i == 0 || b[i - 1] == b' ' || b[i - 1] == b'\t') => return &line[..i],
            _ => {}
        }
    }
    line
}

/// A line that is one complete command we may wrap or extend: no
/// continuation, heredoc, block keyword or unbalanced quotes.
pub fn is_simple_line(line: &str) -> bool {
    let code = strip_comment(line).trim();
    if code.is_empty() || code.ends_with('\\') || code.contains("<<") || code.ends_with(['{', '(', '|', '&']) {
        return false;
    }
    let first = code.split_whitespace().next().unwrap_or("");
    let keywords = [
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "function", "}",
        ")", ";;",
    ];
    if keywords.contains(&first) || code.ends_with(" do") || code.ends_with(" then") {
        return false;
    }
    code.matches('\'').count() % 2 == 0 && code.matches('"').count() % 2 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An option's `=value` is the path it was given; an assignment, a
    /// longer path and a value glued to other text are not.
    #[test]
    fn option_values_name_their_path() {
        let p = "prisma/schema.prisma";
        assert_eq!(
            option_value_positions("npx prisma migrate deploy --schema=prisma/schema.prisma", p),
            vec![35]
        );
        assert_eq!(
            option_value_positions("terraform plan -var-file=prisma/schema.prisma -input=false", p),
            vec![25]
        );
        assert_eq!(
            option_value_positions("x \"--schema=prisma/schema.prisma\"", p),
            vec![12]
        );
        // A pasted no-break space (or any multi-byte space) before the
        // option: no panic, and the option is read (review89 H3).
        for space in ['\u{a0}', '\u{3000}', '\u{2009}'] {
            let text = format!("npx prisma migrate deploy{space}--schema=prisma/schema.prisma");
            let at = text.find("prisma/schema").unwrap();
            assert_eq!(option_value_positions(&text, p), vec![at], "{space:?}");
        }
        for text in [
            "SCHEMA=prisma/schema.prisma npx prisma generate",
            "npx prisma generate --schema=prisma/schema.prisma.bak",
            "npx prisma generate --schema=apps/prisma/schema.prisma",
            "npx prisma generate --=prisma/schema.prisma",
            "npx prisma generate --schema prisma/schema.prisma",
        ] {
            assert!(option_value_positions(text, p).is_empty(), "{text}");
        }
    }
    proptest::proptest! {
        /// Any text with any spaces (multi-byte ones too): every offset found
        /// is the word's, right after an `=`, and nothing panics.
        #[test]
        fn option_values_of_any_text(text in "[ -~\u{a0}\u{3000}\u{2009}\u{e9}]{0,60}", word in "[a-z/.]{1,6}") {
            for at in option_value_positions(&text, &word) {
                proptest::prop_assert!(text[at..].starts_with(&word));
                proptest::prop_assert_eq!(&text[at - 1..at], "=");
            }
        }
    }

    use autoheal_engine::yaml::parse;

    #[test]
    fn literal_lines_map_to_file_bytes() {
        let src = "run: |  # build\r\n  make\r\n\r\n    ./x.sh arg\r\nnext: 1\r\n";
        let doc = parse(src.as_bytes());
        let node = doc.root.as_ref().unwrap().get("run").unwrap();
        let s = Script::new(src, node).unwrap();
        assert!(s.block);
        let texts: Vec<&str> = s.lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["make", "", "  ./x.sh arg"]);
        assert_eq!(&src[s.lines[2].range.start..s.lines[2].range.end], "  ./x.sh arg");
    }

    /// A line indented less than the block is not the script's: found by
    /// the `rate_limit_fix` fuzz target, where such a line's tail (after a
    /// YAML comment's `#`) was wrapped into a retry loop, turning text in a
    /// comment into an expression reading a secret.
    #[test]
    fn an_outdented_line_is_no_script_line() {
        let src = "run: |\n          echo a \\\ndy # ${{ secrets.X }}\n          echo b\n";
        let doc = parse(src.as_bytes());
        let node = doc.root.as_ref().unwrap().get("run").unwrap();
        assert!(Script::new(src, node).is_none());
    }

    #[test]
    fn one_line_scalars_and_words() {
        let src = "run: 'docker pull x'\n";
        let doc = parse(src.as_bytes());
        let s = Script::new(src, doc.root.as_ref().unwrap().get("run").unwrap()).unwrap();
        assert_eq!(s.lines[0].text, "docker pull x");
        assert_eq!(&src[s.lines[0].range.start..s.lines[0].range.end], "docker pull x");
        assert_eq!(word_positions("docker-compose up && docker compose", "docker"), [21]);
        assert!(mentions_command("sudo jq .", "jq") && !mentions_command("echo ok # jq", "jq"));
        assert!(
            is_simple_line("gh api repos/x | jq .")
                && !is_simple_line("for x in a; do")
                && !is_simple_line("cat <<EOF")
        );
    }
}
