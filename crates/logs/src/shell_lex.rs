//! A POSIX shell lexer for one command line of a `run:` script: its simple
//! commands, each as words after quote removal, with the operators between
//! them and its redirections. The rate-limit fixes read it to tell what a
//! line does (`autoheal_fixes`' `rate_limit/fetch.rs`): `gh api -H "Accept:
//! application/vnd.github+json" repos/o/r` is three words after `gh api`, not
//! five; ranking reads which steps install with it (`classify/rank.rs`). It
//! lives here, the lowest crate that reads scripts.
//!
//! The grammar is the token recognition of POSIX.1-2017 "Shell Command
//! Language" (§2.3): single quotes keep everything; double quotes keep all
//! but `$`, `` ` `` and `\` before `$ ` \` " newline`; a `\` outside quotes
//! escapes the next character and `\` newline joins lines; `$(…)`, `` `…` ``
//! and `$((…))` are read to their end (their text stays in the word, marked
//! as code); a `#` that starts a word starts a comment; the operators are
//! `&& || ;; ; & | ( )` and newline, the redirections `< > >> << <<- <& >&
//! <> >|` with an optional file-descriptor number, plus bash's `|&`, `&>`,
//! `&>>`, `<<<`, `<(…)`, `>(…)` and `$'…'`; a heredoc's body (the lines after
//! the one holding `<<WORD`, up to the line `WORD`) is skipped.
//!
//! Word expansions are not done: a word keeps `$X`, `${X}`, `${{ expr }}`
//! as written and says whether it has one. What the lexer cannot read with
//! confidence (an unterminated quote, substitution or heredoc, a redirection
//! with no target) is an error: the caller then reads nothing from the line
//! (no fix is built on a guess). `shlex` and `shell-words` split one
//! command's words but know no operators, substitutions, comments or
//! heredocs, which is most of what is needed here.
//!
//! A script's logical lines ([`logical_lines`], `shell_lex/lines.rs`:
//! physical lines joined where a continuation, an open quote or an open
//! substitution carries on, with the heredoc bodies each opens, also those
//! opened inside `"$(…)"`) are read here too, for the list of commands that
//! run a program elsewhere ([`crate::elsewhere`]) and the fixes' reading of a
//! `run:` text.

use std::ops::Range;

mod lines;
pub use lines::{Dialect, LogicalLine, logical_lines, logical_lines_in};

/// One word after quote removal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word with quotes and escapes removed; expansions and
    /// substitutions kept as written.
    pub text: String,
    /// Its bytes in the lexed text.
    pub span: Range<usize>,
    /// Has a quote or an escape (then `text` differs from the source).
    pub quoted: bool,
    /// Has a parameter expansion (`$X`, `${X}`), an Actions expression
    /// (`${{ … }}`), an arithmetic expansion or a command substitution: its
    /// value is known only when the script runs.
    pub expands: bool,
    /// Is nothing but one unquoted expansion (`$ARGS`, `${FLAGS}`): field
    /// splitting may turn it into any number of words, options included.
    pub bare_expansion: bool,
    /// Runs a command of its own: `$(…)`, `` `…` ``, `<(…)`, `>(…)`.
    pub runs_code: bool,
}

/// What ends a simple command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// `;`, a newline, or the end of the text.
    Sequence,
    /// `&&`
    And,
    /// `||`
    Or,
    /// `|` or `|&`
    Pipe,
    /// `&`
    Background,
    /// `;;`, `;&`, `;;&` (a `case` branch ends) or `(`/`)` (a subshell, a
    /// function, a `case` pattern).
    Compound,
}

/// A redirection: the operator as written (`>`, `2>&`, `<<-`) and its
/// target word (for a heredoc, its delimiter).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redirect {
    pub op: String,
    pub target: Word,
}

/// A simple command: its words (assignments first, as written), its
/// redirections, and what ended it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimpleCommand {
    pub words: Vec<Word>,
    pub redirects: Vec<Redirect>,
    pub separator: Separator,
}

impl SimpleCommand {
    /// The command's name and arguments: its words after the leading
    /// `NAME=value` assignments.
    pub fn argv(&self) -> impl Iterator<Item = &Word> {
        self.words.iter().skip_while(|w| is_assignment(&w.text))
    }
}

/// A lexed line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lexed {
    pub commands: Vec<SimpleCommand>,
    /// The line uses a compound command's syntax: `(`, `)`, `;;`, or a
    /// reserved word (`if`, `then`, `do`, `{`, …) where a command starts.
    pub compound: bool,
    /// The line opens a heredoc.
    pub heredoc: bool,
}

/// Why a line could not be lexed, with the byte where it went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    pub at: usize,
    pub message: &'static str,
}

impl std::fmt::Display for LexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "byte {}: {}", self.at, self.message)
    }
}

/// The reserved words of POSIX §2.4 and bash's `[[`, `]]`, `function`,
/// `select`: where a command starts, they open or continue a compound
/// command.
pub const RESERVED: &[&str] = &[
    "!", "{", "}", "case", "do", "done", "elif", "else", "esac", "fi", "for", "if", "in", "then", "until", "while",
    "[[", "]]", "function", "select",
];

/// `NAME=value`: a variable assignment before a command's name (a name of
/// letters, digits and `_`, not starting with a digit).
pub fn is_assignment(word: &str) -> bool {
    word.split_once('=').is_some_and(|(name, _)| {
        let mut chars = name.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// The file name of a command's program: `./mvnw`, `/usr/bin/npm`,
/// `.\ci\install.ps1` → `mvnw`, `npm`, `install.ps1`.
pub fn program_name(word: &str) -> &str {
    word.rsplit(['/', '\\']).next().unwrap_or(word)
}

/// Lex `text` (one line, or lines joined by the caller).
pub fn lex(text: &str) -> Result<Lexed, LexError> {
    Lexer {
        src: text,
        b: text.as_bytes(),
        i: 0,
        out: Lexed::default(),
        current: Vec::new(),
        redirects: Vec::new(),
        heredocs: Vec::new(),
    }
    .run()
}

struct Lexer<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    out: Lexed,
    current: Vec<Word>,
    redirects: Vec<Redirect>,
    /// Heredocs opened on the current line: (delimiter, strip tabs).
    heredocs: Vec<(String, bool)>,
}

impl Lexer<'_> {
    fn err<T>(&self, at: usize, message: &'static str) -> Result<T, LexError> {
        Err(LexError { at, message })
    }

    fn peek(&self, k: usize) -> Option<u8> {
        self.b.get(self.i + k).copied()
    }

    fn run(mut self) -> Result<Lexed, LexError> {
        while self.i < self.b.len() {
            let c = self.b[self.i];
            match c {
                b' ' | b'\t' | b'\r' => self.i += 1,
                b'\n' => {
                    self.i += 1;
                    self.end_command(Separator::Sequence);
                    self.skip_heredoc_bodies()?;
                }
                b'#' => {
                    while self.i < self.b.len() && self.b[self.i] != b'\n' {
                        self.i += 1;
                    }
                }
                b'\\' if self.peek(1) == Some(b'\n') => self.i += 2,
                b';' => {
                    let sep = match (self.peek(1), self.peek(2)) {
                        (Some(b';'), Some(b'&')) => {
                            self.i += 3;
                            Separator::Compound
                        }
                        (Some(b';' | b'&'), _) => {
                            self.i += 2;
                            Separator::Compound
                        }
                        _ => {
                            self.i += 1;
                            Separator::Sequence
                        }
                    };
                    self.end_command(sep);
                }
                b'&' if self.peek(1) == Some(b'&') => {
                    self.i += 2;
                    self.end_command(Separator::And);
                }
                b'&' if self.peek(1) == Some(b'>') => {
                    let start = self.i;
                    self.i += if self.peek(2) == Some(b'>') { 3 } else { 2 };
                    self.redirect(start, None)?;
                }
                b'&' => {
                    self.i += 1;
                    self.end_command(Separator::Background);
                }
                b'|' => {
                    let sep = if self.peek(1) == Some(b'|') {
                        Separator::Or
                    } else {
                        Separator::Pipe
                    };
                    self.i += if matches!(self.peek(1), Some(b'|' | b'&')) {
                        2
                    } else {
                        1
                    };
                    self.end_command(sep);
                }
                b'(' | b')' => {
                    self.i += 1;
                    self.end_command(Separator::Compound);
                }
                b'<' | b'>' if self.peek(1) == Some(b'(') => self.word()?,
                b'<' | b'>' => {
                    let start = self.i;
                    self.redirect_operator();
                    self.redirect(start, None)?;
                }
                _ => self.word()?,
            }
        }
        if !self.heredocs.is_empty() && self.src[..self.i].contains('\n') {
            // Opened on a line that is not the last of a multi-line text:
            // its body would have followed.
            return self.err(self.i, "heredoc without its end");
        }
        self.end_command(Separator::Sequence);
        Ok(self.out)
    }

    /// Past a redirection operator starting at `self.i` (`<`, `>>`, `<<-`,
    /// `>&`, `<<<`, …).
    fn redirect_operator(&mut self) {
        let rest = &self.b[self.i..];
        let len = [
            &b"<<<"[..],
            b"<<-",
            b"&>>",
            b"<<",
            b">>",
            b"<&",
            b">&",
            b"<>",
            b">|",
            b"&>",
            b"<",
            b">",
        ]
        .iter()
        .find(|op| rest.starts_with(op))
        .map_or(1, |op| op.len());
        self.i += len;
    }

    /// Read the target of the redirection whose operator started at `start`
    /// (with the file-descriptor number `fd` before it).
    fn redirect(&mut self, start: usize, fd: Option<Word>) -> Result<(), LexError> {
        let op_end = self.i;
        while matches!(self.peek(0), Some(b' ' | b'\t')) {
            self.i += 1;
        }
        let Some(c) = self.peek(0) else {
            return self.err(start, "redirection without a target");
        };
        if matches!(c, b'\n' | b';' | b'&' | b'|' | b'(' | b')' | b'<' | b'>' | b'#') {
            return self.err(start, "redirection without a target");
        }
        let target = self.read_word()?;
        let op = format!(
            "{}{}",
            fd.as_ref().map_or("", |w| w.text.as_str()),
            &self.src[start..op_end]
        );
        if op.ends_with("<<") || op.ends_with("<<-") {
            self.out.heredoc = true;
            // Quote removal gives the delimiter (POSIX §2.7.4).
            self.heredocs.push((target.text.clone(), op.ends_with('-')));
        }
        self.redirects.push(Redirect { op, target });
        Ok(())
    }

    /// After a newline: skip the bodies of the heredocs opened on the line
    /// before, each up to its delimiter line.
    fn skip_heredoc_bodies(&mut self) -> Result<(), LexError> {
        for (delimiter, strip_tabs) in std::mem::take(&mut self.heredocs) {
            loop {
                if self.i >= self.b.len() {
                    return self.err(self.i, "heredoc without its end");
                }
                let end = self.src[self.i..].find('\n').map_or(self.b.len(), |n| self.i + n);
                let line = self.src[self.i..end].trim_end_matches('\r');
                let line = if strip_tabs {
                    line.trim_start_matches('\t')
                } else {
                    line
                };
                self.i = (end + 1).min(self.b.len());
                if line == delimiter {
                    break;
                }
            }
        }
        Ok(())
    }

    fn end_command(&mut self, sep: Separator) {
        if sep == Separator::Compound {
            self.out.compound = true;
        }
        let words = std::mem::take(&mut self.current);
        let redirects = std::mem::take(&mut self.redirects);
        if let Some(first) = words.first()
            && !first.quoted
            && RESERVED.contains(&first.text.as_str())
        {
            self.out.compound = true;
        }
        if words.is_empty() && redirects.is_empty() {
            return;
        }
        self.out.commands.push(SimpleCommand {
            words,
            redirects,
            separator: sep,
        });
    }

    /// A word at `self.i`; a word of digits right before `<`/`>` is the
    /// file descriptor of a redirection.
    fn word(&mut self) -> Result<(), LexError> {
        let w = self.read_word()?;
        if !w.quoted
            && !w.text.is_empty()
            && w.text.bytes().all(|b| b.is_ascii_digit())
            && matches!(self.peek(0), Some(b'<' | b'>'))
            && self.peek(1) != Some(b'(')
        {
            let op_start = self.i;
            self.redirect_operator();
            return self.redirect(op_start, Some(w));
        }
        self.current.push(w);
        Ok(())
    }

    /// Read one word from `self.i` to the first unquoted blank or operator.
    fn read_word(&mut self) -> Result<Word, LexError> {
        let start = self.i;
        let mut w = Word {
            text: String::new(),
            span: start..start,
            quoted: false,
            expands: false,
            bare_expansion: false,
            runs_code: false,
        };
        // Unquoted expansions and literal characters, to tell a bare one.
        let (mut unquoted_expansions, mut other_parts) = (0usize, 0usize);
        while self.i < self.b.len() {
            let c = self.b[self.i];
            match c {
                b' ' | b'\t' | b'\r' | b'\n' | b';' | b'&' | b'|' | b')' => break,
                b'(' if self.i > start && self.b[self.i - 1] == b'=' => {
                    // `a=(x y)`: a bash array assignment, not read.
                    return self.err(self.i, "array assignment");
                }
                b'(' => break,
                b'<' | b'>' if self.peek(1) == Some(b'(') => {
                    let end = self.substitution_end(self.i + 2, b')')?;
                    w.text.push_str(&self.src[self.i..end]);
                    w.runs_code = true;
                    w.expands = true;
                    other_parts += 1;
                    self.i = end;
                }
                b'<' | b'>' => break,
                b'\\' => {
                    w.quoted = true;
                    other_parts += 1;
                    match self.peek(1) {
                        Some(b'\n') => self.i += 2,
                        Some(_) => {
                            let ch = self.src[self.i + 1..].chars().next().expect("a char");
                            w.text.push(ch);
                            self.i += 1 + ch.len_utf8();
                        }
                        // A `\` ending the text: the line goes on below.
                        None => self.i += 1,
                    }
                }
                b'\'' => {
                    w.quoted = true;
                    other_parts += 1;
                    let Some(n) = self.src[self.i + 1..].find('\'') else {
                        return self.err(self.i, "unterminated single quote");
                    };
                    w.text.push_str(&self.src[self.i + 1..self.i + 1 + n]);
                    self.i += n + 2;
                }
                b'"' => {
                    w.quoted = true;
                    other_parts += 1;
                    self.double_quoted(&mut w)?;
                }
                b'`' => {
                    let end = self.backquote_end(self.i)?;
                    w.text.push_str(&self.src[self.i..end]);
                    w.runs_code = true;
                    w.expands = true;
                    unquoted_expansions += 1;
                    self.i = end;
                }
                b'$' => {
                    if self.peek(1) == Some(b'\'') {
                        // `$'…'`: ANSI-C quoting; its escapes are not decoded.
                        w.quoted = true;
                        w.expands = true;
                        other_parts += 1;
                        let end = self.ansi_c_end(self.i + 2)?;
                        w.text.push_str(&self.src[self.i..end]);
                        self.i = end;
                    } else if self.peek(1) == Some(b'"') {
                        // `$"…"`: a translated string, read as `"…"`.
                        self.i += 1;
                        w.quoted = true;
                        other_parts += 1;
                        self.double_quoted(&mut w)?;
                    } else if let Some(end) = self.dollar(&mut w)? {
                        w.text.push_str(&self.src[self.i..end]);
                        unquoted_expansions += 1;
                        self.i = end;
                    } else {
                        w.text.push('$');
                        other_parts += 1;
                        self.i += 1;
                    }
                }
                _ => {
                    let ch = self.src[self.i..].chars().next().expect("a char");
                    w.text.push(ch);
                    other_parts += 1;
                    self.i += ch.len_utf8();
                }
            }
        }
        w.span = start..self.i;
        w.bare_expansion = unquoted_expansions == 1 && other_parts == 0;
        Ok(w)
    }

    /// Inside `"…"` from the opening quote at `self.i`; leaves `self.i`
    /// past the closing one.
    fn double_quoted(&mut self, w: &mut Word) -> Result<(), LexError> {
        let open = self.i;
        self.i += 1;
        loop {
            let Some(c) = self.peek(0) else {
                return self.err(open, "unterminated double quote");
            };
            match c {
                b'"' => {
                    self.i += 1;
                    return Ok(());
                }
                b'\\' => match self.peek(1) {
                    Some(b'\n') => self.i += 2,
                    Some(e @ (b'$' | b'`' | b'"' | b'\\')) => {
                        w.text.push(char::from(e));
                        self.i += 2;
                    }
                    _ => {
                        w.text.push('\\');
                        self.i += 1;
                    }
                },
                b'`' => {
                    let end = self.backquote_end(self.i)?;
                    w.text.push_str(&self.src[self.i..end]);
                    w.runs_code = true;
                    w.expands = true;
                    self.i = end;
                }
                b'$' => match self.dollar(w)? {
                    Some(end) => {
                        w.text.push_str(&self.src[self.i..end]);
                        self.i = end;
                    }
                    None => {
                        w.text.push('$');
                        self.i += 1;
                    }
                },
                _ => {
                    let ch = self.src[self.i..].chars().next().expect("a char");
                    w.text.push(ch);
                    self.i += ch.len_utf8();
                }
            }
        }
    }

    /// An expansion at `self.i` (a `$`): its end, marking `w`; `None` for a
    /// `$` that starts none (`$` before a blank, `$/`).
    fn dollar(&self, w: &mut Word) -> Result<Option<usize>, LexError> {
        let at = self.i;
        let end = match self.peek(1) {
            Some(b'(') if self.peek(2) == Some(b'(') => {
                // `$((…))`: arithmetic; a `$(` or `` ` `` inside runs code.
                let end = self.nested_end(at + 2, b')', true)?;
                if self.b.get(end - 2) != Some(&b')') {
                    // `$( (a) )`: a command substitution starting with a subshell.
                    w.runs_code = true;
                }
                end
            }
            Some(b'(') => {
                w.runs_code = true;
                self.substitution_end(at + 2, b')')?
            }
            Some(b'{') => {
                let end = self.substitution_end(at + 2, b'}')?;
                let inner = &self.src[at..end];
                if inner.contains("$(") || inner.contains('`') {
                    w.runs_code = true;
                }
                end
            }
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
                let mut j = at + 1;
                while j < self.b.len() && (self.b[j].is_ascii_alphanumeric() || self.b[j] == b'_') {
                    j += 1;
                }
                j
            }
            Some(c) if c.is_ascii_digit() || b"@*#?-$!".contains(&c) => at + 2,
            _ => return Ok(None),
        };
        w.expands = true;
        Ok(Some(end))
    }

    /// The end (past the closer) of a `$(…)`, `${…}`, `<(…)` whose text
    /// starts at `from`, right after its opener: quotes, escapes, nested
    /// substitutions and parentheses are followed. A `case` inside a `$(…)`
    /// (whose patterns end in an unbalanced `)`) is not read.
    fn substitution_end(&self, from: usize, closer: u8) -> Result<usize, LexError> {
        self.nested_end(from, closer, false)
    }

    /// [`Self::substitution_end`] of a `$((…))` (`arithmetic`: its `<<` is a
    /// shift and its words are no commands).
    fn nested_end(&self, from: usize, closer: u8, arithmetic: bool) -> Result<usize, LexError> {
        let code = closer == b')' && !arithmetic;
        let opener = if closer == b')' { b'(' } else { b'{' };
        let mut depth = 0usize;
        let mut j = from;
        let mut word_start = true;
        while j < self.b.len() {
            let c = self.b[j];
            match c {
                b'\\' => j += 1,
                b'\'' => {
                    let Some(n) = self.src[j + 1..].find('\'') else {
                        return self.err(j, "unterminated single quote");
                    };
                    j += n + 1;
                }
                b'"' => {
                    j = self.double_quote_end(j)?;
                    word_start = false;
                    continue;
                }
                b'`' => {
                    j = self.backquote_end(j)?;
                    word_start = false;
                    continue;
                }
                b'#' if word_start && code => {
                    // A comment inside `$(…)` runs to the end of its line.
                    while j < self.b.len() && self.b[j] != b'\n' {
                        j += 1;
                    }
                    continue;
                }
                b'c' if word_start && code && self.src[j..].starts_with("case") => {
                    let after = self.b.get(j + 4).copied();
                    if after.is_none_or(|a| a.is_ascii_whitespace()) {
                        return self.err(j, "`case` inside a command substitution");
                    }
                }
                b'<' if code && self.src[j..].starts_with("<<") && !self.src[j..].starts_with("<<<") => {
                    return self.err(j, "heredoc inside a command substitution");
                }
                _ if c == opener => depth += 1,
                _ if c == closer => {
                    if depth == 0 {
                        return Ok(j + 1);
                    }
                    depth -= 1;
                }
                _ => {}
            }
            word_start = c.is_ascii_whitespace() || b";&|(".contains(&c);
            j += 1;
        }
        self.err(from, "unterminated substitution")
    }

    /// The end (past the closing quote) of the `"…"` opened at `open`.
    fn double_quote_end(&self, open: usize) -> Result<usize, LexError> {
        let mut j = open + 1;
        while j < self.b.len() {
            match self.b[j] {
                b'\\' => j += 2,
                b'"' => return Ok(j + 1),
                b'`' => j = self.backquote_end(j)?,
                b'$' if matches!(self.b.get(j + 1), Some(b'(' | b'{')) => {
                    let closer = if self.b[j + 1] == b'(' { b')' } else { b'}' };
                    j = self.substitution_end(j + 2, closer)?;
                }
                _ => j += 1,
            }
        }
        self.err(open, "unterminated double quote")
    }

    /// The end (past the closing backquote) of the `` ` `` at `open`.
    fn backquote_end(&self, open: usize) -> Result<usize, LexError> {
        let mut j = open + 1;
        while j < self.b.len() {
            match self.b[j] {
                b'\\' => j += 2,
                b'`' => return Ok(j + 1),
                _ => j += 1,
            }
        }
        self.err(open, "unterminated backquote")
    }

    /// The end (past the closing quote) of `$'…'` whose text starts at `from`.
    fn ansi_c_end(&self, from: usize) -> Result<usize, LexError> {
        let mut j = from;
        while j < self.b.len() {
            match self.b[j] {
                b'\\' => j += 2,
                b'\'' => return Ok(j + 1),
                _ => j += 1,
            }
        }
        self.err(from, "unterminated $'…' string")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignments_and_program_names() {
        assert!(is_assignment("FOO=1"));
        assert!(is_assignment("_x2="));
        assert!(!is_assignment("2X=1"));
        assert!(!is_assignment("=1"));
        assert!(!is_assignment("--opt=1"));
        assert!(!is_assignment("pip"));
        assert_eq!(program_name("./mvnw"), "mvnw");
        assert_eq!(program_name("/usr/bin/npm"), "npm");
        assert_eq!(program_name(".\\ci\\install.ps1"), "install.ps1");
        assert_eq!(program_name("yarn"), "yarn");
    }

    /// Each simple command's words, as text.
    fn words(line: &str) -> Vec<Vec<String>> {
        lex(line)
            .unwrap_or_else(|e| panic!("{line}: {e}"))
            .commands
            .iter()
            .map(|c| c.words.iter().map(|w| w.text.clone()).collect())
            .collect()
    }

    #[test]
    fn quotes_and_escapes_are_removed_and_keep_words_whole() {
        assert_eq!(
            words(r#"gh api -H "Accept: application/vnd.github+json" repos/o/r"#),
            [["gh", "api", "-H", "Accept: application/vnd.github+json", "repos/o/r"]]
        );
        assert_eq!(words(r"echo 'a \ b' a\ b"), [["echo", r"a \ b", "a b"]]);
        assert_eq!(words(r#"echo "a \"b\" \c \$x""#), [["echo", r#"a "b" \c $x"#]]);
        assert_eq!(words(r#"echo "it's" 'say "hi"'"#), [["echo", "it's", r#"say "hi""#]]);
        assert_eq!(words("echo a\\\nb"), [["echo", "ab"]]);
        assert_eq!(words("echo $'a\\'b' x"), [["echo", "$'a\\'b'", "x"]]);
    }

    #[test]
    fn operators_split_commands_outside_quotes_only() {
        assert_eq!(
            words("cd web && npm ci; echo 'a && b' | tee x || true &"),
            vec![
                vec!["cd", "web"],
                vec!["npm", "ci"],
                vec!["echo", "a && b"],
                vec!["tee", "x"],
                vec!["true"],
            ]
        );
        let seps: Vec<Separator> = lex("a && b || c | d & e ; f |& g")
            .unwrap()
            .commands
            .iter()
            .map(|c| c.separator)
            .collect();
        use Separator::*;
        assert_eq!(seps, [And, Or, Pipe, Background, Sequence, Pipe, Sequence]);
        assert_eq!(words("a\nb # c && d\n# e\nf"), [["a"], ["b"], ["f"]]);
        assert_eq!(words("echo a#b"), [["echo", "a#b"]]);
    }

    #[test]
    fn substitutions_are_code_inside_one_word() {
        let l = lex(r#"echo "v=$(gh api -X POST "x;y" | jq .a)" `date; id` <(ls) done"#).unwrap();
        assert_eq!(l.commands.len(), 1);
        let w = &l.commands[0].words;
        assert_eq!(w.len(), 5);
        assert_eq!(w[1].text, r#"v=$(gh api -X POST "x;y" | jq .a)"#);
        assert!(w[1].runs_code && w[2].runs_code && w[3].runs_code && !w[4].runs_code);
        let w = &lex("echo $((1 << 3)) ${A:-b c} ${{ github.sha }}").unwrap().commands[0].words;
        assert_eq!(w.len(), 4);
        assert!(w[1..].iter().all(|w| w.expands && !w.runs_code && w.bare_expansion));
        assert!(lex("echo ${A:-$(id)}").unwrap().commands[0].words[1].runs_code);
        assert!(lex("echo $( (cd x; ls) )").unwrap().commands[0].words[1].runs_code);
    }

    #[test]
    fn bare_expansions_are_told_from_embedded_ones() {
        let w = &lex(r#"gh api $ARGS repos/$R/x "$Q" ${B}"#).unwrap().commands[0].words;
        let bare: Vec<bool> = w.iter().map(|w| w.bare_expansion).collect();
        assert_eq!(bare, [false, false, true, false, false, true]);
        assert!(w[3].expands && w[4].expands && !w[1].expands);
    }

    #[test]
    fn redirections_take_their_target_out_of_the_words() {
        let l = lex("gh api x 2>&1 >out.json < in &>/dev/null 3>>log >| f").unwrap();
        let c = &l.commands[0];
        assert_eq!(
            c.words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(),
            ["gh", "api", "x"]
        );
        let ops: Vec<(&str, &str)> = c
            .redirects
            .iter()
            .map(|r| (r.op.as_str(), r.target.text.as_str()))
            .collect();
        assert_eq!(
            ops,
            [
                ("2>&", "1"),
                (">", "out.json"),
                ("<", "in"),
                ("&>", "/dev/null"),
                ("3>>", "log"),
                (">|", "f")
            ]
        );
        assert_eq!(words("echo a2>b"), [["echo", "a2"]]);
    }

    #[test]
    fn heredoc_bodies_are_skipped() {
        let l = lex("cat <<'EOF' | gh api --input - x\ngh api -X POST y; $(\nEOF\nnpm ci\n").unwrap();
        assert!(l.heredoc);
        let texts: Vec<Vec<&str>> = l
            .commands
            .iter()
            .map(|c| c.words.iter().map(|w| w.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            vec![vec!["cat"], vec!["gh", "api", "--input", "-", "x"], vec!["npm", "ci"]]
        );
        assert!(lex("cat <<-E\n\tbody\n\tE\necho").is_ok());
        assert!(lex("cat <<EOF").unwrap().heredoc);
        assert!(lex("cat <<EOF\nbody\n").is_err());
        assert_eq!(words("cat <<< 'a b' x"), [["cat", "x"]]);
    }

    #[test]
    fn compound_syntax_is_flagged() {
        for line in [
            "if gh api x; then echo; fi",
            "(cd x && npm ci)",
            "for f in *; do echo $f; done",
            "f() { echo; }",
            "case $x in a) echo;; esac",
            "! npm ci",
            "[[ -f x ]] && npm ci",
        ] {
            assert!(lex(line).unwrap().compound, "{line}");
        }
        for line in ["npm ci && echo 'if' done", "echo \"(a)\" \\(b\\)", "echo if"] {
            assert!(!lex(line).unwrap().compound, "{line}");
        }
    }

    #[test]
    fn what_is_not_read_with_confidence_is_an_error() {
        for line in [
            "echo 'a",
            "echo \"a",
            "echo `a",
            "echo $(a",
            "echo ${a",
            "echo $'a",
            "echo >",
            "echo > ;",
            "a=(x y)",
            "echo $(case a in a) b;; esac)",
            "echo $(cat <<EOF\nx\nEOF\n)",
        ] {
            assert!(lex(line).is_err(), "{line}");
        }
    }

    proptest::proptest! {
        /// Any text: an answer, never a panic; every word's span is inside
        /// the text, and a word without quotes or escapes is its source.
        #[test]
        fn any_text_lexes_without_panic(text in "[ -~\t\n]{0,120}") {
            if let Ok(l) = lex(&text) {
                for c in &l.commands {
                    for w in c.words.iter().chain(c.redirects.iter().map(|r| &r.target)) {
                        proptest::prop_assert!(w.span.end <= text.len() && w.span.start <= w.span.end);
                        if !w.quoted {
                            proptest::prop_assert_eq!(&text[w.span.clone()], w.text.as_str());
                        }
                    }
                }
            }
        }

        /// Words made only of safe characters, joined by blanks and
        /// operators, come back as written.
        #[test]
        fn plain_words_round_trip(
            cmds in proptest::collection::vec(proptest::collection::vec("[a-z0-9_./=-]{1,8}", 1..5), 1..4),
            op in proptest::sample::select(vec![" && ", " || ", " | ", "; ", "\n"]),
        ) {
            let line = cmds.iter().map(|c| c.join(" ")).collect::<Vec<_>>().join(op);
            let got: Vec<Vec<String>> = lex(&line)
                .unwrap()
                .commands
                .iter()
                .map(|c| c.words.iter().map(|w| w.text.clone()).collect())
                .collect();
            proptest::prop_assert_eq!(got, cmds);
        }

        /// A word single-quoted comes back as its content, whatever it holds.
        #[test]
        fn single_quoted_text_is_one_word(content in "[ -&(-~]{0,20}") {
            let l = lex(&format!("echo '{content}' x")).unwrap();
            proptest::prop_assert_eq!(l.commands.len(), 1);
            proptest::prop_assert_eq!(&l.commands[0].words[1].text, &content);
        }
    }
}
