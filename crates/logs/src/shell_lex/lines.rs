//! A script's logical lines: physical lines joined where the shell reads on
//! (a `\` continuation, a quote or substitution left open), each with the
//! heredoc bodies it opens.
//!
//! The reading follows bash's token recognition across lines (POSIX.1-2017
//! "Shell Command Language" §2.3, §2.6.3, §2.7.4): a quote or a `$(…)`,
//! `${…}`, `$((…))`, `` `…` `` left open at a line's end carries the command
//! on; inside `$(…)` and `${…}` quotes start a new quoting context (bash reads
//! `"$(printf '%s' "a)b")"` as one word, its inner `"a)b"` quoted apart); a
//! `#` that starts a word outside quotes (also inside `$(…)`) comments out the
//! rest of its line; `<<` inside `$((…))` or an arithmetic command `((…))`
//! is a shift; and a heredoc's body is the lines after the newline token that
//! ends the line holding its `<<` operator (after a `\` continuation or a
//! quote left open there, after the command's line), up to its delimiter alone on a line (after leading
//! tabs for `<<-`), wherever that operator is, also inside a `$(…)` that
//! itself sits inside double quotes: `BODY="$(cat <<'EOF'` … `EOF` `)"` is one
//! command whose string ends on its last line, and nothing in the body (a `"`
//! among them) is code. A `)` inside `$(…)` closes it unless it ends a `case`
//! pattern (a `case` … `esac` in command position).
//!
//! A PowerShell script ([`Dialect::PowerShell`]) escapes with a backtick
//! inside double quotes, not a `\`. PowerShell's backtick and cmd's `^` continue a line when written apart
//! from the word before them at its end; a POSIX line may end in a command
//! substitution's closing backtick or a revision's `^` (`git diff HEAD^`),
//! which continue nothing.

use std::collections::VecDeque;
use std::ops::Range;

/// One command as the shell reads it: physical lines joined where a `\`
/// (PowerShell's backtick, cmd's `^`) continues them or a quote or
/// substitution is still open, with the bodies of the heredocs it opens.
#[derive(Debug, Default, PartialEq)]
pub struct LogicalLine {
    /// Its code, comments removed, continuations joined by a space; lines
    /// joined inside a quote or substitution keep their newline.
    pub code: String,
    /// Its heredocs' bodies: what the command reads on its standard input
    /// (a container's or a remote shell's script, or text written to a
    /// file), not lines the runner's shell runs.
    pub body: String,
    /// The script's physical lines (0-based, by `str::lines`) its code is
    /// on: the first and the line after the last. Bodies after its last line
    /// are left out; a body the command's code goes on after (a heredoc
    /// inside `"$(…)"`) is inside the range.
    pub lines: Range<usize>,
}

impl LogicalLine {
    /// The heredoc is a script the runner's own shell runs (`bash <<EOF`).
    pub fn body_runs_here(&self) -> bool {
        let first = self
            .code
            .split_whitespace()
            .find(|w| !matches!(*w, "sudo" | "env" | "exec"));
        first.is_some_and(|w| {
            let w = w.rsplit('/').next().unwrap_or(w);
            matches!(w, "bash" | "sh" | "dash" | "zsh" | "ksh")
        })
    }
}

/// The shell a script is written for, where the lexer reads them apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dialect {
    /// bash, sh and the other POSIX shells (and a script of unknown shell).
    #[default]
    Posix,
    /// PowerShell (`shell: pwsh` / `powershell`): inside double quotes a
    /// backtick escapes the next character (`` "a`"b" `` is one string) and
    /// `\` is an ordinary character (`"C:\dir\"` ends at its last quote),
    /// per about_Quoting_Rules and about_Special_Characters.
    PowerShell,
}

/// The script's logical lines ([`LogicalLine`]), so that what a command
/// spread over several lines runs is judged with that command. The script is
/// read as a POSIX shell's ([`Dialect::Posix`]).
pub fn logical_lines(script: &str) -> Vec<LogicalLine> {
    logical_lines_in(script, Dialect::Posix)
}

/// [`logical_lines`] of a script written for `dialect`.
pub fn logical_lines_in(script: &str, dialect: Dialect) -> Vec<LogicalLine> {
    let mut out = Vec::new();
    let mut current = LogicalLine::default();
    let mut scan = Scan {
        dialect,
        ..Scan::default()
    };
    // The command goes on after the current line (a quote, a substitution
    // or a continuation is open), so the end of its heredoc bodies does not
    // end it.
    let mut carried = false;
    // The line before ended inside a word (a `\` continuation, a quote left
    // open outside a substitution's code): bash reads heredoc bodies after
    // the newline that ends the command's line, not after that one.
    let mut inside_word = false;
    let mut started = false;
    for (i, line) in script.lines().enumerate() {
        if let Some(heredoc) = scan.pending.front().filter(|_| !inside_word) {
            let text = if heredoc.strip_tabs {
                line.trim_start_matches('\t')
            } else {
                line
            };
            if text == heredoc.delimiter {
                scan.pending.pop_front();
                if scan.pending.is_empty() && !carried {
                    out.push(std::mem::take(&mut current));
                    started = false;
                }
            } else {
                current.body.push_str(line);
                current.body.push('\n');
            }
            continue;
        }
        if !started {
            current.lines = i..i;
            started = true;
        }
        current.lines.end = i + 1;
        let read = scan.line(line);
        current.code.push_str(&line[..read.code_end]);
        if let Some(top) = scan.stack.last() {
            inside_word = !matches!(top, Ctx::Sub { .. } | Ctx::Backquote);
            current.code.push('\n');
            carried = true;
            continue;
        }
        // `\` continues a POSIX line; PowerShell's backtick and cmd's `^`
        // only when written apart from the word before them, as those shells'
        // scripts write them (final review A, 3).
        let code = current.code.trim_end();
        let continued = if read.escaped_newline {
            code.strip_suffix('\\')
        } else {
            code.strip_suffix(['`', '^'])
                .filter(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace))
        };
        if let Some(joined) = continued {
            let len = joined.len();
            current.code.truncate(len);
            current.code.push(' ');
            carried = true;
            inside_word = true;
            continue;
        }
        carried = false;
        inside_word = false;
        if scan.pending.is_empty() {
            out.push(std::mem::take(&mut current));
            started = false;
        }
    }
    if !current.code.trim().is_empty() || !current.body.is_empty() {
        out.push(current);
    }
    out
}

/// A quoting or substitution context open at some point of the script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    /// `'…'`: everything literal up to the next `'`.
    Single,
    /// `$'…'`: `\` escapes, `'` ends it.
    AnsiC,
    /// `"…"`: `\`, `$` and `"` are special.
    Double,
    /// `` `…` ``: `\` escapes, the next backtick ends it.
    Backquote,
    /// `$(…)`, `<(…)`, `>(…)`: code. `depth` counts open `(` inside it,
    /// `cases` the `case` commands whose `esac` is still to come, `command`
    /// says a command may start at this point.
    Sub { depth: usize, cases: usize, command: bool },
    /// `$((…))`: arithmetic (`<<` is a shift, `#` no comment).
    Arith { depth: usize },
    /// `${…}`: a parameter expansion, quotes inside start afresh.
    Brace { depth: usize },
}

/// A heredoc whose body is still to come.
#[derive(Debug)]
struct Heredoc {
    delimiter: String,
    /// `<<-`: leading tabs are stripped from the body and delimiter lines.
    strip_tabs: bool,
}

/// What the scan carries from one physical line to the next.
#[derive(Debug, Default)]
struct Scan {
    dialect: Dialect,
    stack: Vec<Ctx>,
    pending: VecDeque<Heredoc>,
}

/// What one physical line holds.
struct LineRead {
    /// Where its code ends: its length, or where its comment starts.
    code_end: usize,
    /// It ends in an unescaped `\` outside quotes (a continuation).
    escaped_newline: bool,
}

/// Bytes after which a `#` starts a word, and a command may start.
fn word_break(c: u8) -> bool {
    c.is_ascii_whitespace() || matches!(c, b';' | b'&' | b'|' | b'(' | b')')
}

impl Scan {
    /// Reads one physical line: opens and closes contexts, queues the
    /// heredocs it opens, finds its comment.
    fn line(&mut self, line: &str) -> LineRead {
        let b = line.as_bytes();
        if let Some(Ctx::Sub { command, .. }) = self.stack.last_mut() {
            *command = true;
        }
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            let prev = i.checked_sub(1).map(|p| b[p]);
            let at_word_start = prev.is_none_or(word_break);
            match self.stack.last().copied() {
                Some(Ctx::Single) => {
                    if c == b'\'' {
                        self.stack.pop();
                    }
                }
                Some(Ctx::AnsiC) => match c {
                    b'\\' => i += 1,
                    b'\'' => {
                        self.stack.pop();
                    }
                    _ => {}
                },
                Some(Ctx::Backquote) => match c {
                    b'\\' => i += 1,
                    b'`' => {
                        self.stack.pop();
                    }
                    _ => {}
                },
                Some(Ctx::Double) => match c {
                    // PowerShell's escape is the backtick (`` "a`"b" ``),
                    // POSIX's the backslash.
                    b'`' if self.dialect == Dialect::PowerShell => i += 1,
                    b'\\' if self.dialect == Dialect::Posix => i += 1,
                    b'"' => {
                        self.stack.pop();
                    }
                    b'$' => {
                        i = self.dollar(b, i, false);
                        continue;
                    }
                    // A POSIX backtick inside double quotes is left alone:
                    // its substitution closes on its line.
                    _ => {}
                },
                Some(Ctx::Arith { depth }) => match c {
                    b'$' => {
                        i = self.dollar(b, i, false);
                        continue;
                    }
                    b'(' => self.set_top(Ctx::Arith { depth: depth + 1 }),
                    b')' if depth > 0 => self.set_top(Ctx::Arith { depth: depth - 1 }),
                    b')' if b.get(i + 1) == Some(&b')') => {
                        self.stack.pop();
                        i += 1;
                    }
                    _ => {}
                },
                top @ (None | Some(Ctx::Sub { .. }) | Some(Ctx::Brace { .. })) => {
                    let code = !matches!(top, Some(Ctx::Brace { .. }));
                    match c {
                        b'\\' => {
                            if i + 1 == b.len() && top.is_none() {
                                return LineRead {
                                    code_end: b.len(),
                                    escaped_newline: true,
                                };
                            }
                            i += 2;
                            continue;
                        }
                        b'\'' => self.stack.push(Ctx::Single),
                        b'"' => self.stack.push(Ctx::Double),
                        b'`' => {
                            // PowerShell's continuation: a lone backtick
                            // ending the line, apart from the word before it.
                            let lone_at_end = line[i + 1..].trim().is_empty() && at_word_start;
                            if !(top.is_none() && lone_at_end) {
                                self.stack.push(Ctx::Backquote);
                            }
                        }
                        b'$' => {
                            i = self.dollar(b, i, code);
                            continue;
                        }
                        // bash's arithmetic command `(( … ))` (also
                        // `for (( … ))`): `<<` in it is a shift, as in `$((…))`.
                        b'(' if code && at_word_start && b.get(i + 1) == Some(&b'(') => {
                            self.stack.push(Ctx::Arith { depth: 0 });
                            i += 2;
                            continue;
                        }
                        b'#' if code && at_word_start => {
                            return LineRead {
                                code_end: i,
                                escaped_newline: false,
                            };
                        }
                        b'<' if code
                            && b.get(i + 1) == Some(&b'<')
                            && b.get(i + 2) != Some(&b'<')
                            && prev != Some(b'<') =>
                        {
                            i = self.heredoc(line, i + 2);
                            continue;
                        }
                        b'<' | b'>' if code && b.get(i + 1) == Some(&b'(') => {
                            self.stack.push(Ctx::Sub {
                                depth: 0,
                                cases: 0,
                                command: true,
                            });
                            i += 2;
                            continue;
                        }
                        _ => match top {
                            Some(Ctx::Sub { depth, cases, command }) => {
                                i = self.in_substitution(b, i, depth, cases, command);
                                continue;
                            }
                            Some(Ctx::Brace { depth }) => match c {
                                b'{' => self.set_top(Ctx::Brace { depth: depth + 1 }),
                                b'}' if depth == 0 => {
                                    self.stack.pop();
                                }
                                b'}' => self.set_top(Ctx::Brace { depth: depth - 1 }),
                                _ => {}
                            },
                            _ => {}
                        },
                    }
                }
            }
            i += 1;
        }
        LineRead {
            code_end: b.len(),
            escaped_newline: false,
        }
    }

    fn set_top(&mut self, ctx: Ctx) {
        if let Some(top) = self.stack.last_mut() {
            *top = ctx;
        }
    }

    /// A byte inside `$(…)` that is no quote, escape, expansion, comment
    /// or redirection: parentheses, `case` … `esac`, and where commands
    /// start. Returns where to read on.
    fn in_substitution(&mut self, b: &[u8], i: usize, depth: usize, cases: usize, command: bool) -> usize {
        let c = b[i];
        let sub = |depth, cases, command| Ctx::Sub { depth, cases, command };
        match c {
            b'(' => self.set_top(sub(depth + 1, cases, true)),
            b')' if depth > 0 => self.set_top(sub(depth - 1, cases, true)),
            // A `case` pattern's `)`; the commands of its branch follow.
            b')' if cases > 0 => self.set_top(sub(depth, cases, true)),
            b')' => {
                self.stack.pop();
            }
            b';' | b'&' | b'|' | b'\n' => self.set_top(sub(depth, cases, true)),
            _ if c.is_ascii_whitespace() => {}
            _ => {
                // A word: read it whole; in command position `case` opens
                // and `esac` closes a case command, and the reserved words
                // that start a command list keep the position.
                let end = (i..b.len())
                    .find(|&j| word_break(b[j]) || matches!(b[j], b'\'' | b'"' | b'`' | b'$' | b'<' | b'>' | b'\\'))
                    .unwrap_or(b.len());
                let end = end.max(i + 1);
                let word = &b[i..end];
                let (cases, command) = match (command, word) {
                    (true, b"case") => (cases + 1, false),
                    (true, b"esac") => (cases.saturating_sub(1), false),
                    (true, b"if" | b"then" | b"else" | b"elif" | b"do" | b"while" | b"until" | b"!" | b"{") => {
                        (cases, true)
                    }
                    _ => (cases, false),
                };
                self.set_top(sub(depth, cases, command));
                return end;
            }
        }
        i + 1
    }

    /// An expansion at `b[i]` (a `$`): pushes the context it opens; returns
    /// where to read on. `ansi_c`: `$'…'` is a string here (outside double
    /// quotes).
    fn dollar(&mut self, b: &[u8], i: usize, ansi_c: bool) -> usize {
        match (b.get(i + 1), b.get(i + 2)) {
            (Some(b'('), Some(b'(')) => {
                self.stack.push(Ctx::Arith { depth: 0 });
                i + 3
            }
            (Some(b'('), _) => {
                self.stack.push(Ctx::Sub {
                    depth: 0,
                    cases: 0,
                    command: true,
                });
                i + 2
            }
            (Some(b'{'), _) => {
                self.stack.push(Ctx::Brace { depth: 0 });
                i + 2
            }
            (Some(b'\''), _) if ansi_c => {
                self.stack.push(Ctx::AnsiC);
                i + 2
            }
            _ => i + 1,
        }
    }

    /// The heredoc whose operator's `<<` ends right before `from`: its
    /// delimiter word (quotes and escapes removed, which only say the body
    /// is not expanded) is queued; returns where to read on.
    fn heredoc(&mut self, line: &str, from: usize) -> usize {
        let b = line.as_bytes();
        let strip_tabs = b.get(from) == Some(&b'-');
        let mut j = from + usize::from(strip_tabs);
        while b.get(j).is_some_and(|c| *c == b' ' || *c == b'\t') {
            j += 1;
        }
        let mut delimiter = String::new();
        while let Some(&c) = b.get(j) {
            match c {
                b'\'' | b'"' => {
                    let Some(n) = line[j + 1..].find(c as char) else {
                        break;
                    };
                    delimiter.push_str(&line[j + 1..j + 1 + n]);
                    j += n + 2;
                }
                b'\\' if j + 1 < b.len() => {
                    let ch = line[j + 1..].chars().next().unwrap_or('\\');
                    delimiter.push(ch);
                    j += 1 + ch.len_utf8();
                }
                _ if c.is_ascii_whitespace() || matches!(c, b';' | b'|' | b'&' | b')' | b'(' | b'<' | b'>') => break,
                _ => {
                    let ch = line[j..].chars().next().unwrap_or(' ');
                    delimiter.push(ch);
                    j += ch.len_utf8();
                }
            }
        }
        if !delimiter.is_empty() {
            self.pending.push_back(Heredoc { delimiter, strip_tabs });
        }
        j
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(script: &str) -> Vec<String> {
        logical_lines(script)
            .iter()
            .map(|l| l.code.trim_end().to_string())
            .collect()
    }

    #[test]
    fn logical_lines_join_continuations_open_quotes_and_heredocs() {
        let script = "docker run \\\n  img \\\n  pandoc a # why\nsh -c \"\n  make\n\"\ncat <<-'EOF' > x.sh\n\tpandoc b\n\tEOF\nRun-It `\n  -Now\necho '<<EOF' # not a heredoc\nlast";
        let lines = logical_lines(script);
        assert_eq!(
            codes(script),
            [
                "docker run    img    pandoc a",
                "sh -c \"\n  make\n\"",
                "cat <<-'EOF' > x.sh",
                "Run-It    -Now",
                "echo '<<EOF'",
                "last"
            ]
        );
        assert_eq!(lines[2].body, "\tpandoc b\n");
        assert!(!lines[2].body_runs_here());
        // Each logical line knows the physical lines of its code (a heredoc's
        // body and its delimiter left out), for edits of the script.
        let ranges: Vec<_> = lines.iter().map(|l| l.lines.clone()).collect();
        assert_eq!(ranges, [0..3, 3..6, 6..7, 9..11, 11..12, 12..13]);
        assert!(logical_lines("sudo bash <<EOF\nmake\nEOF\n")[0].body_runs_here());
        // A POSIX line ending in a substitution's backtick or a revision's
        // `^` is whole; cmd's ` ^` continues.
        assert_eq!(
            codes("TAG=`git describe`\ngit diff --stat HEAD^\ngh api repos/o/r\ndir ^\n  /b"),
            [
                "TAG=`git describe`",
                "git diff --stat HEAD^",
                "gh api repos/o/r",
                "dir    /b"
            ]
        );
    }

    /// bash reads a heredoc's body from the line after the one holding its
    /// `<<`, also inside `"$(…)"`: the body's `"` is text, and the string
    /// ends on the command's last line (the case `multiline_args` found).
    #[test]
    fn a_heredoc_inside_a_quoted_substitution_is_body() {
        let script = "echo \"$(cat <<\"EOF\"\nx \"\nEOF\n)\"\nBODY=\"Steps:\ngh api repos/o/r/tags\n\"\nnext";
        let lines = logical_lines(script);
        assert_eq!(
            codes(script),
            [
                "echo \"$(cat <<\"EOF\"\n)\"",
                "BODY=\"Steps:\ngh api repos/o/r/tags\n\"",
                "next"
            ]
        );
        assert_eq!(lines[0].body, "x \"\n");
        let ranges: Vec<_> = lines.iter().map(|l| l.lines.clone()).collect();
        assert_eq!(ranges, [0..4, 4..7, 7..8]);
        // The same with `--body "$(cat <<'EOF' …)"` and a command after the
        // closing parenthesis.
        let script = "gh pr create --body \"$(cat <<'EOF'\nit's \"quoted\" and gh api x\nEOF\n)\" --fill\ngh api y";
        assert_eq!(
            codes(script),
            ["gh pr create --body \"$(cat <<'EOF'\n)\" --fill", "gh api y"]
        );
        // Unquoted, and two heredocs on one line, read in order.
        let script = "X=$(cat <<A; cat <<-B\na \"\nA\n\tb '\n\tB\n)\nafter";
        let lines = logical_lines(script);
        assert_eq!(codes(script), ["X=$(cat <<A; cat <<-B\n)", "after"]);
        assert_eq!(lines[0].body, "a \"\n\tb '\n");
    }

    /// Quotes inside `$(…)` and `${…}` are a new quoting context; a `)`
    /// inside them closes nothing; `#` comments inside `$(…)`; `$((…))`'s
    /// `<<` is a shift.
    #[test]
    fn substitutions_are_read_to_their_end() {
        assert_eq!(
            codes("echo \"$(printf '%s' \"x)y\")\"\nnext"),
            ["echo \"$(printf '%s' \"x)y\")\"", "next"]
        );
        assert_eq!(
            codes("echo \"${X:-\"a b\"}\"\nnext"),
            ["echo \"${X:-\"a b\"}\"", "next"]
        );
        assert_eq!(
            codes("X=$(ls # it's\n)\necho $((1 << 2)) # c\nnext"),
            ["X=$(ls \n)", "echo $((1 << 2))", "next"]
        );
        // A `case` inside `$(…)`: its patterns' `)` close nothing.
        assert_eq!(
            codes("X=\"$(case $a in\n  b) echo \"'\" ;;\nesac)\"\nnext"),
            ["X=\"$(case $a in\n  b) echo \"'\" ;;\nesac)\"", "next"]
        );
        // A word `case` that is an argument opens nothing.
        assert_eq!(codes("X=$(echo case)\nnext"), ["X=$(echo case)", "next"]);
        // An escaped `\` at a line's end continues nothing; `$'…'` is a
        // string whose `\'` does not end it.
        assert_eq!(codes("echo a\\\\\nnext"), ["echo a\\\\", "next"]);
        assert_eq!(codes("echo $'a\\'b'\nnext"), ["echo $'a\\'b'", "next"]);
        // A delimiter must be alone on its line (after tabs for `<<-`):
        // an indented one under `<<` is body.
        let lines = logical_lines("cat <<EOF\n  EOF\nEOF\nnext");
        assert_eq!(lines[0].body, "  EOF\n");
        assert_eq!(lines[1].code, "next");
    }

    /// Pieces of shell, each whole lines, that keep every quote and
    /// substitution closed at their end.
    const PIECES: &[&str] = &[
        "gh api repos/o/r",
        "echo \"a b\"",
        "echo 'c \"d'",
        "X=\"$(cat <<'EOF'\nbody \" ' $( `\nEOF\n)\"",
        "echo \"$(printf '%s' \"x)y\")\"",
        "cat <<-END\n\tgh api in-body\n\tEND",
        "BODY=\"one\ntwo ' three\n\"",
        "echo $((1 << 2)) # c'",
        "Y=$(case $v in\n  a) echo \"(\" ;;\nesac)",
        "curl -fsS x \\\n  -H \"k: v\"",
        "echo \"${Z:-\"a b\"}\"",
        "# a comment \" '",
        "V=`date`",
    ];

    proptest::proptest! {
        /// Any text: lines, never a panic; every range within the script.
        #[test]
        fn any_text_gives_lines(text in "[ -~\t\n]{0,160}") {
            let n = text.lines().count();
            for l in logical_lines(&text) {
                proptest::prop_assert!(l.lines.start <= l.lines.end && l.lines.end <= n);
            }
        }

        /// Closed pieces followed by a marker command: the marker is its own
        /// logical line, whatever came before, and no piece's body is code.
        #[test]
        fn a_command_after_closed_pieces_is_its_own_line(
            pieces in proptest::collection::vec(0..PIECES.len(), 0..6),
        ) {
            let mut script: String = pieces.iter().map(|p| format!("{}\n", PIECES[*p])).collect();
            script.push_str("marker --now");
            let lines = logical_lines(&script);
            let last = lines.last().map(|l| l.code.as_str());
            proptest::prop_assert_eq!(last, Some("marker --now"));
            proptest::prop_assert!(lines.iter().all(|l| !l.code.contains("in-body") && !l.code.contains("body \"")));
            // One logical line per piece, plus the marker.
            proptest::prop_assert_eq!(lines.len(), pieces.len() + 1);
        }
    }
}

#[cfg(test)]
mod mend_tests {
    use super::*;

    fn codes_in(script: &str, dialect: Dialect) -> Vec<String> {
        logical_lines_in(script, dialect)
            .iter()
            .map(|l| l.code.trim_end().to_string())
            .collect()
    }

    /// PowerShell escapes a quote inside double quotes with a backtick
    /// (`"a`"b"` is one string) and reads `\` as itself; a POSIX script's
    /// `"`pwd`"` is one string as well (its backtick is a substitution).
    #[test]
    fn a_powershell_escaped_quote_ends_no_string() {
        assert_eq!(
            codes_in("Write-Host \"a`\"b\"\ngh api x\ncurl -fsS y", Dialect::PowerShell),
            ["Write-Host \"a`\"b\"", "gh api x", "curl -fsS y"]
        );
        assert_eq!(
            codes_in("Set-Location \"C:\\dir\\\"\ngh api x", Dialect::PowerShell),
            ["Set-Location \"C:\\dir\\\"", "gh api x"]
        );
        assert_eq!(
            codes_in("DIR=\"`pwd`\"\ngh api x", Dialect::Posix),
            ["DIR=\"`pwd`\"", "gh api x"]
        );
    }

    /// bash's arithmetic command `(( … ))` reads `<<` as a shift, as `$((…))`
    /// does (`(( x = 1 << 4 ))` sets x to 16), also in `for (( … ))`.
    #[test]
    fn a_shift_in_an_arithmetic_command_opens_no_heredoc() {
        for script in [
            "(( mask = 1 << 4 ))\ngh api x\ncurl -fsS y",
            "for ((i = 1 << 2; i > 0; i--)); do :; done\ngh api x\ncurl -fsS y",
        ] {
            let lines = logical_lines(script);
            assert_eq!(lines.len(), 3, "{lines:?}");
            assert!(lines.iter().all(|l| l.body.is_empty()), "{lines:?}");
        }
        // A subshell's `( (` apart is no arithmetic: its heredoc is one.
        assert_eq!(logical_lines("( (cat <<EOF\nbody\nEOF\n) )")[0].body, "body\n");
    }

    /// bash removes `\`-newline before it reads tokens, so a heredoc opened
    /// on a continued line starts its body after the whole command; so does
    /// one whose line leaves a quote open.
    #[test]
    fn a_heredoc_on_a_continued_line_starts_after_the_command() {
        let lines = logical_lines("cat <<EOF && \\\necho hi\nbody\nEOF\necho next");
        assert_eq!(lines[0].body, "body\n", "{lines:?}");
        assert!(lines[0].code.contains("echo hi"), "{lines:?}");
        assert_eq!(lines[1].code, "echo next");
        let lines = logical_lines("cat <<EOF - \"a\nb\"\nbody\nEOF\necho next");
        assert_eq!(lines[0].body, "body\n", "{lines:?}");
        assert_eq!(lines[0].lines, 0..2);
        // Inside `"$(…)"` the newline after `<<` is a token: the body follows.
        let lines = logical_lines("X=\"$(cat <<'EOF'\nbody\nEOF\n)\"\necho next");
        assert_eq!(lines[0].body, "body\n", "{lines:?}");
    }
}
