//! Finding `${{ … }}` placeholders inside YAML string values.

use crate::span::Span;

/// One `${{ … }}` occurrence in a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Embedded {
    /// From `$` to the last `}` (or to the end of the string when unclosed).
    pub span: Span,
    /// The expression text between `${{` and `}}`; parse `&text[inner.range()]` and shift the
    /// resulting spans by `inner.start`.
    pub inner: Span,
    /// False when no `}}` follows; the expression then runs to the end of the string.
    pub closed: bool,
}

impl Embedded {
    /// The expression text, for parsing.
    pub fn inner_text(self, text: &str) -> &str {
        text.get(self.inner.range()).unwrap_or("")
    }
}

/// All `${{ … }}` occurrences, in order. `}}` inside a single-quoted string literal does not
/// end an expression. When a literal is never closed, the first `}}` ends the expression so
/// that the parser can report the broken literal.
pub fn find_expressions(text: &str) -> Vec<Embedded> {
    let mut found = Vec::new();
    let mut from = 0;
    // After one literal ran to the end of the text, later scans would too: skip the
    // string-aware scan from then on so that the whole search stays linear.
    let mut literals_balanced = true;
    // One searcher for every call: building it cost more than most texts'
    // search (tens of thousands of calls per corpus lint).
    static OPENER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"${{"));
    let opener = &*OPENER;
    while let Some(rel) = text.as_bytes().get(from..).and_then(|rest| opener.find(rest)) {
        let start = from + rel;
        let inner_start = start + 3;
        let close = if literals_balanced {
            find_close(text.as_bytes(), inner_start).or_else(|| {
                literals_balanced = false;
                memfind_close(text.as_bytes(), inner_start)
            })
        } else {
            memfind_close(text.as_bytes(), inner_start)
        };
        match close {
            Some(close) => {
                found.push(Embedded {
                    span: Span::new(start, close + 2),
                    inner: Span::new(inner_start, close),
                    closed: true,
                });
                from = close + 2;
            }
            None => {
                found.push(Embedded {
                    span: Span::new(start, text.len()),
                    inner: Span::new(inner_start, text.len()),
                    closed: false,
                });
                break;
            }
        }
    }
    found
}

fn find_close(bytes: &[u8], from: usize) -> Option<usize> {
    let mut in_string = false;
    let rest = bytes.get(from..)?;
    for i in memchr::memchr2_iter(b'\'', b'}', rest) {
        match rest[i] {
            b'\'' => in_string = !in_string,
            _ if !in_string && rest.get(i + 1) == Some(&b'}') => return Some(from + i),
            _ => {}
        }
    }
    None
}

fn memfind_close(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, b"}}").map(|p| p + from)
}

/// True when the text holds at least one `${{`. Asked of every scalar of
/// every file, most without a `$`: one `memchr` pass, where `str::contains`
/// built a substring searcher per call.
pub fn contains_expression(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'$', bytes).any(|i| bytes.get(i + 1..i + 3) == Some(b"{{".as_slice()))
}

/// The expression when the whole text is exactly one closed `${{ … }}` with nothing around it
/// (not even whitespace: GitHub treats anything else as a string template).
pub fn single_expression(text: &str) -> Option<Embedded> {
    if !text.starts_with("${{") {
        return None;
    }
    let found = find_expressions(text);
    match found.as_slice() {
        [only] if only.closed && only.span == Span::new(0, text.len()) => Some(*only),
        _ => None,
    }
}

/// True when the text holds `${{ }}` and every one is closed, parses and is constant (no
/// context, no status function: `fromJSON('[20, 22]')`): its value is written in the file
/// itself, not computed from anything at run time.
pub fn is_constant_template(text: &str) -> bool {
    let found = find_expressions(text);
    !found.is_empty()
        && found
            .iter()
            .all(|e| e.closed && crate::parser::parse(e.inner_text(text)).is_ok_and(|x| x.is_constant()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inners(text: &str) -> Vec<&str> {
        find_expressions(text).into_iter().map(|e| e.inner_text(text)).collect()
    }

    #[test]
    fn finds_each_expression_with_spans() {
        let text = "a ${{ x }} b ${{y}}";
        let found = find_expressions(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].span, Span::new(2, 10));
        assert_eq!(found[0].inner, Span::new(5, 8));
        assert_eq!(&text[found[1].span.range()], "${{y}}");
        assert!(found.iter().all(|e| e.closed));
    }

    #[test]
    fn constant_templates() {
        assert!(is_constant_template("${{ fromJSON('[1, 2]') }}"));
        assert!(is_constant_template("a-${{ 'b' }}-${{ format('{0}', 1) }}"));
        assert!(!is_constant_template("${{ fromJSON(vars.M) }}"));
        assert!(!is_constant_template("${{ 'a' }} ${{ github.ref }}"));
        assert!(!is_constant_template("${{ success() && 'a' }}"));
        assert!(!is_constant_template("${{ 'a'"));
        assert!(!is_constant_template("plain"));
    }

    #[test]
    fn braces_inside_string_literals() {
        assert_eq!(inners("${{ format('}}{0}', x) }} tail"), vec![" format('}}{0}', x) "]);
        assert_eq!(inners("${{ 'it''s }}' }}"), vec![" 'it''s }}' "]);
    }

    #[test]
    fn unclosed_literal_falls_back_to_first_close() {
        assert_eq!(inners("${{ 'abc }} rest"), vec![" 'abc "]);
    }

    #[test]
    fn unclosed_expression() {
        let found = find_expressions("x ${{ github.ref");
        assert_eq!(found.len(), 1);
        assert!(!found[0].closed);
        assert_eq!(found[0].inner, Span::new(5, 16));
    }

    #[test]
    fn no_expressions() {
        assert!(find_expressions("plain $ { { text }}").is_empty());
        assert!(!contains_expression("$ {{"));
        assert!(contains_expression("a${{b}}"));
    }

    /// The `memchr` scan answers as a substring search does, for `$` and
    /// `{` at every place around and at the ends, and after other `$`s.
    #[test]
    fn contains_expression_is_a_substring_search() {
        let parts = ["", "$", "{", "{{", "${", "${{", "$${{", "a", "é", "}}", "$ {{", "\n"];
        for a in parts {
            for b in parts {
                for c in parts {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(contains_expression(&text), text.contains("${{"), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn single_expression_only_when_nothing_around() {
        assert!(single_expression("${{ a }}").is_some());
        assert!(single_expression("${{ a }} ").is_none());
        assert!(single_expression(" ${{ a }}").is_none());
        assert!(single_expression("${{ a }}${{ b }}").is_none());
        assert!(single_expression("${{ a }} && ${{ b }}").is_none());
        assert!(single_expression("${{ a").is_none());
        assert_eq!(single_expression("${{ '}}' }}").map(|e| e.inner), Some(Span::new(3, 9)));
    }
}
