use super::{GlobKind, validate};

fn messages(pattern: &str, kind: GlobKind) -> Vec<(usize, String)> {
    validate(pattern, kind)
        .into_iter()
        .map(|p| (p.offset, p.message))
        .collect()
}

#[test]
fn valid_patterns_have_no_problems() {
    for p in [
        "main",
        "release/**",
        "v[0-9]+.[0-9]+",
        "*",
        "**",
        "*/**",
        "a?",
        "a+",
        r"\+",
        r"\\",
        r"\!",
        "[a-z]?",
        "*.*.*-**",
        "!a",
        "a!",
        "feature/*",
        "[xy][A-Z]",
    ] {
        assert_eq!(messages(p, GlobKind::Ref), [], "{p}");
    }
    for p in [
        "docs/**",
        "**.js",
        "!docs/**/*.md",
        r"foo\bar",
        "a b/c",
        ".github/workflows/*.yml",
        "src/.hidden",
    ] {
        assert_eq!(messages(p, GlobKind::Path), [], "{p}");
    }
}

#[test]
fn pattern_syntax_errors_point_at_the_offending_character() {
    assert_eq!(messages("v[0-", GlobKind::Ref)[0].0, 1);
    assert!(messages("v[0-", GlobKind::Ref)[0].1.contains("never closed"));
    assert_eq!(
        messages("v[9-0]", GlobKind::Ref),
        [(4, "the range `9-0` is empty: `9` comes after `0`".to_string())]
    );
    assert_eq!(messages("[]", GlobKind::Path)[0].0, 1);
    assert_eq!(messages("[a-]", GlobKind::Path)[0].0, 3);
    assert_eq!(messages("!", GlobKind::Path).len(), 1);
    assert_eq!(messages("+a", GlobKind::Ref)[0].0, 0);
    assert_eq!(messages("!?a", GlobKind::Path)[0].0, 1);
    assert_eq!(messages("a*+", GlobKind::Path)[0].0, 2);
    let single = validate("[x]", GlobKind::Ref);
    assert_eq!(single.len(), 1);
    assert_eq!((single[0].offset, single[0].severity), (2, crate::Severity::Warning));
}

#[test]
fn ref_names_follow_git_check_ref_format() {
    let found = messages(r"/v\d+/", GlobKind::Ref);
    assert_eq!(found.iter().map(|f| f.0).collect::<Vec<_>>(), [0, 2, 5], "{found:?}");
    assert_eq!(messages("a b", GlobKind::Ref)[0].0, 1);
    assert_eq!(messages("x:y", GlobKind::Ref)[0].0, 1);
    assert_eq!(messages("release.", GlobKind::Ref)[0].0, 7);
    assert_eq!(messages(r"\*", GlobKind::Ref).len(), 1);
    // The same characters are fine in paths.
    assert_eq!(messages("a b:c~", GlobKind::Path), []);
}

#[test]
fn paths_reject_whitespace_and_dot_segments() {
    assert_eq!(messages(" ", GlobKind::Path).len(), 1);
    assert_eq!(messages("foo  ", GlobKind::Path).len(), 1);
    assert_eq!(messages("foo.txt\n", GlobKind::Path).len(), 1);
    assert_eq!(
        messages("./foo/bar.txt", GlobKind::Path),
        [(
            0,
            "path patterns are matched against paths like `src/main.rs`, so a `.` segment never matches".to_string()
        )]
    );
    assert_eq!(messages("!src/../x", GlobKind::Path)[0].0, 5);
    assert_eq!(messages(".", GlobKind::Path).len(), 1);
}

mod props {
    use super::super::{GlobKind, validate};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn problems_stay_inside_the_pattern(s in "[!\\[\\]\\\\*?+a-z0-9/. :~\\-]{0,24}") {
            for kind in [GlobKind::Ref, GlobKind::Path, GlobKind::Plain] {
                for p in validate(&s, kind) {
                    prop_assert!(p.offset + p.len <= s.len().max(1));
                    prop_assert!(s.is_char_boundary(p.offset.min(s.len())));
                }
            }
        }
    }
}

/// GitHub's cheat sheet gives `{` and `}` no meaning, so `{md,rst}` is the
/// literal text: a warning at the group, on refs and paths alike; a brace
/// with no comma between it and its `}`, an escaped or a lone one, is left
/// alone (a literal brace may be meant).
#[test]
fn brace_alternatives_are_literal_text() {
    let found = validate("**.{md,rst}", GlobKind::Path);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].offset, found[0].len), (3, 8));
    assert_eq!(found[0].code, super::LITERAL_BRACES);
    assert_eq!(found[0].severity, crate::diagnostic::Severity::Warning);
    assert!(
        found[0]
            .message
            .contains("`{md,rst}` matches those characters literally"),
        "{}",
        found[0].message
    );
    assert_eq!(validate("release/{v1,v2}/**", GlobKind::Ref).len(), 1);
    assert_eq!(validate("!src/{a,b}.js", GlobKind::Path)[0].offset, 5);
    for p in ["docs/{x}", "a{b", "a}b", r"\{a,b}", "[{,}]x"] {
        assert_eq!(validate(p, GlobKind::Path), [], "{p}");
    }
}
