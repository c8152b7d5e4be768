//! Just enough shell and JavaScript lexing to know whether a `${{ }}` sits
//! inside quotes, so the variable that replaces it keeps the script's
//! meaning: `"$TITLE"` outside quotes, `$TITLE` inside double quotes,
//! `process.env.TITLE` (or `' + process.env.TITLE + '`) in JavaScript.

use autoheal_expr::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ShellKind {
    /// bash and sh.
    Posix,
    /// pwsh and Windows PowerShell.
    Pwsh,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    Shell(ShellKind),
    Js,
}

/// Where a position sits in a script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Quote {
    None,
    Single,
    Double,
    /// A JavaScript template literal.
    Backtick,
    /// The body of a heredoc whose delimiter is unquoted: `$X` expands.
    Heredoc,
    /// The body of a heredoc with a quoted delimiter: nothing expands.
    LiteralHeredoc,
    Comment,
}

/// `shell:` → the kind of shell, `None` for others (python, cmd, custom).
pub(crate) fn classify_shell(shell: &str) -> Option<ShellKind> {
    let program = shell.split_whitespace().next().unwrap_or("");
    match program {
        "bash" | "sh" => Some(ShellKind::Posix),
        "pwsh" | "powershell" => Some(ShellKind::Pwsh),
        _ => None,
    }
}

/// The quoting state at each offset of `at` (ascending). `skip` lists the
/// `${{ }}` spans, whose own quotes are not the script's.
pub(crate) fn states(text: &str, skip: &[Span], at: &[usize], lang: Lang) -> Vec<Quote> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(at.len());
    let mut state = Quote::None;
    let mut heredoc: Option<(String, bool)> = None;
    let mut pending: Option<(String, bool)> = None;
    let mut skip_i = 0;
    let mut i = 0;
    let escape = match lang {
        Lang::Shell(ShellKind::Pwsh) => b'`',
        _ => b'\\',
    };
    while i <= b.len() && out.len() < at.len() {
        while out.len() < at.len() && at[out.len()] <= i {
            out.push(state);
        }
        if i >= b.len() {
            break;
        }
        if let Some(s) = skip.get(skip_i)
            && s.start == i
        {
            i = s.end.max(i + 1);
            skip_i += 1;
            continue;
        }
        while skip.get(skip_i).is_some_and(|s| s.start < i) {
            skip_i += 1;
        }
        let c = b[i];
        // Heredoc bodies are whole lines.
        if c == b'\n' {
            if let Some(p) = pending.take() {
                state = if p.1 { Quote::LiteralHeredoc } else { Quote::Heredoc };
                heredoc = Some(p);
            } else if state == Quote::Comment {
                state = Quote::None;
            }
            i += 1;
            if let Some((word, _)) = &heredoc {
                let end = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |j| i + j);
                if text[i..end].trim() == word {
                    heredoc = None;
                    state = Quote::None;
                    i = end;
                }
            }
            continue;
        }
        match (lang, state) {
            (_, Quote::Heredoc | Quote::LiteralHeredoc | Quote::Comment) => {}
            (_, Quote::None) if c == escape && lang != Lang::Js => i += 1,
            (_, Quote::None) if c == b'\'' => state = Quote::Single,
            (_, Quote::None) if c == b'"' => state = Quote::Double,
            (Lang::Js, Quote::None) if c == b'`' => state = Quote::Backtick,
            (Lang::Js, Quote::None) if b[i..].starts_with(b"//") => state = Quote::Comment,
            (Lang::Shell(_), Quote::None) if c == b'#' && (i == 0 || b[i - 1].is_ascii_whitespace()) => {
                state = Quote::Comment;
            }
            (Lang::Shell(ShellKind::Posix), Quote::None)
                if b[i..].starts_with(b"<<") && !b[i..].starts_with(b"<<<") =>
            {
                i += 1;
                if let Some((word, quoted, len)) = text.get(i + 1..).and_then(heredoc_word) {
                    pending = Some((word, quoted));
                    i += len;
                }
            }
            (Lang::Js, Quote::Single | Quote::Double | Quote::Backtick) if c == b'\\' => i += 1,
            (Lang::Shell(_), Quote::Double) if c == escape => i += 1,
            (_, Quote::Single) if c == b'\'' => state = Quote::None,
            (_, Quote::Double) if c == b'"' => state = Quote::None,
            (_, Quote::Backtick) if c == b'`' => state = Quote::None,
            _ => {}
        }
        i += 1;
    }
    while out.len() < at.len() {
        out.push(state);
    }
    out
}

/// `-EOF`, ` 'EOF'`, `"EOF"` after `<<`: the word, whether it was quoted,
/// and how many bytes it took.
fn heredoc_word(rest: &str) -> Option<(String, bool, usize)> {
    let trimmed = rest.trim_start_matches('-').trim_start_matches(' ');
    let lead = rest.len() - trimmed.len();
    let (quoted, body) = match trimmed.as_bytes().first() {
        Some(b'\'' | b'"') => (true, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let word: String = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if word.is_empty() {
        return None;
    }
    Some((word.clone(), quoted, lead + usize::from(quoted) * 2 + word.len()))
}

fn is_ident(c: Option<u8>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
}

/// What replaces `value[span]` (and the range it replaces, which may grow
/// to swallow the quotes around it), or `None` when no variable can stand
/// in for the expression there.
pub(crate) fn replacement(
    lang: Lang,
    state: Quote,
    value: &str,
    span: Span,
    name: &str,
) -> Option<(usize, usize, String)> {
    let b = value.as_bytes();
    let next = b.get(span.end).copied();
    let prev = span.start.checked_sub(1).and_then(|i| b.get(i)).copied();
    let wrapped_in = |q: u8| prev == Some(q) && next == Some(q);
    let whole = |text: String| Some((span.start - 1, span.end + 1, text));
    let inner = |text: String| Some((span.start, span.end, text));
    match (lang, state) {
        (Lang::Shell(ShellKind::Posix), Quote::None | Quote::Comment) => inner(format!("\"${name}\"")),
        (Lang::Shell(ShellKind::Posix), Quote::Double | Quote::Heredoc) => inner(if is_ident(next) {
            format!("${{{name}}}")
        } else {
            format!("${name}")
        }),
        (Lang::Shell(ShellKind::Posix), Quote::Single) if wrapped_in(b'\'') => whole(format!("\"${name}\"")),
        (Lang::Shell(ShellKind::Posix), Quote::Single) => inner(format!("'\"${name}\"'")),
        (Lang::Shell(ShellKind::Pwsh), Quote::None | Quote::Double | Quote::Comment) => {
            inner(if is_ident(next) || next == Some(b':') {
                format!("${{env:{name}}}")
            } else {
                format!("$env:{name}")
            })
        }
        (Lang::Shell(ShellKind::Pwsh), Quote::Single) if wrapped_in(b'\'') => whole(format!("$env:{name}")),
        (Lang::Js, Quote::None | Quote::Comment) => inner(format!("process.env.{name}")),
        (Lang::Js, Quote::Single | Quote::Double) => {
            let q = if state == Quote::Single { b'\'' } else { b'"' };
            if wrapped_in(q) {
                whole(format!("process.env.{name}"))
            } else {
                let q = char::from(q);
                inner(format!("{q} + process.env.{name} + {q}"))
            }
        }
        (Lang::Js, Quote::Backtick) => inner(format!("${{process.env.{name}}}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use autoheal_expr::find_expressions;

    fn state_of(text: &str, lang: Lang) -> Vec<Quote> {
        let found = find_expressions(text);
        let spans: Vec<Span> = found.iter().map(|e| e.span).collect();
        let at: Vec<usize> = spans.iter().map(|s| s.start).collect();
        states(text, &spans, &at, lang)
    }

    const SH: Lang = Lang::Shell(ShellKind::Posix);

    #[test]
    fn shell_quotes_heredocs_and_comments() {
        let text = "echo ${{ a }} \"x ${{ b || 'q' }}\" '${{ c }}'\ncat <<EOF\n${{ d }}\nEOF\ncat <<'X'\n${{ e }}\nX\n# ${{ f }}\necho \\\"${{ g }}";
        assert_eq!(
            state_of(text, SH),
            [
                Quote::None,
                Quote::Double,
                Quote::Single,
                Quote::Heredoc,
                Quote::LiteralHeredoc,
                Quote::Comment,
                Quote::None
            ]
        );
    }

    #[test]
    fn javascript_strings_and_templates() {
        let text = "f('${{ a }}', \"b ${{ b }}\", `${{ c }}`, ${{ d }}) // ${{ e }}\nx = 'it\\'s ${{ f }}'";
        assert_eq!(
            state_of(text, Lang::Js),
            [
                Quote::Single,
                Quote::Double,
                Quote::Backtick,
                Quote::None,
                Quote::Comment,
                Quote::Single
            ]
        );
    }

    #[test]
    fn replacements_keep_the_quoting() {
        let r = |lang, state, text: &str| {
            let e = find_expressions(text)[0];
            let (s, t, new) = replacement(lang, state, text, e.span, "T").expect("replacement");
            format!("{}{new}{}", &text[..s], &text[t..])
        };
        assert_eq!(r(SH, Quote::None, "echo ${{ x }}"), "echo \"$T\"");
        assert_eq!(r(SH, Quote::Double, "echo \"${{ x }}_y\""), "echo \"${T}_y\"");
        assert_eq!(r(SH, Quote::Single, "echo '${{ x }}'"), "echo \"$T\"");
        assert_eq!(r(SH, Quote::Single, "echo 'a ${{ x }}'"), "echo 'a '\"$T\"''");
        assert_eq!(r(Lang::Js, Quote::Single, "f('${{ x }}')"), "f(process.env.T)");
        assert_eq!(
            r(Lang::Js, Quote::Single, "f('a ${{ x }}!')"),
            "f('a ' + process.env.T + '!')"
        );
        assert_eq!(r(Lang::Js, Quote::Backtick, "`a ${{ x }}`"), "`a ${process.env.T}`");
        assert_eq!(
            r(Lang::Shell(ShellKind::Pwsh), Quote::Double, "echo \"${{ x }}\""),
            "echo \"$env:T\""
        );
        let e = find_expressions("cat <<'X'\n${{ x }}")[0];
        assert!(replacement(SH, Quote::LiteralHeredoc, "", e.span, "T").is_none());
    }

    #[test]
    fn shells() {
        assert_eq!(classify_shell("bash -e {0}"), Some(ShellKind::Posix));
        assert_eq!(classify_shell("powershell"), Some(ShellKind::Pwsh));
        assert_eq!(classify_shell("python"), None);
    }
}
