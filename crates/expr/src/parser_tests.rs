use super::*;

fn tree(src: &str) -> String {
    parse(src)
        .map(|e| e.sexpr())
        .unwrap_or_else(|e| panic!("{src}: {}", e.message))
}

fn error(src: &str) -> (String, Span) {
    let e = parse(src).expect_err("should fail");
    (e.message, e.span)
}

#[test]
fn literals() {
    assert_eq!(tree("null"), "null");
    assert_eq!(tree("true"), "true");
    assert_eq!(tree("false"), "false");
    assert_eq!(tree("0x1f"), "31");
    assert_eq!(tree("-1.5e2"), "-150");
    assert_eq!(tree("'it''s'"), "'it''s'");
}

#[test]
fn precedence_follows_github() {
    assert_eq!(tree("a || b && c"), "(|| a (&& b c))");
    assert_eq!(tree("a && b || c"), "(|| (&& a b) c)");
    assert_eq!(tree("a == b < c"), "(== a (< b c))");
    assert_eq!(tree("a < b == c <= d"), "(== (< a b) (<= c d))");
    assert_eq!(tree("!a == b"), "(== (! a) b)");
    assert_eq!(tree("!a.b"), "(! (. a b))");
    assert_eq!(tree("(a || b) && c"), "(&& (|| a b) c)");
    assert_eq!(tree("a != b != c"), "(!= (!= a b) c)");
    assert_eq!(tree("!!a"), "(! (! a))");
}

#[test]
fn access_chains() {
    assert_eq!(tree("github.event.issue.title"), "(. (. (. github event) issue) title)");
    assert_eq!(tree("a['b'][0]"), "([] ([] a 'b') 0)");
    assert_eq!(
        tree("github.event.commits.*.message"),
        "(. (.* (. (. github event) commits)) message)"
    );
    assert_eq!(tree("a[*].b"), "(. (.* a) b)");
    assert_eq!(
        tree("steps.my-step.outputs.x-y"),
        "(. (. (. steps my-step) outputs) x-y)"
    );
    assert_eq!(tree("fromJSON(x).a[0]"), "([] (. (fromJSON x) a) 0)");
    assert_eq!(tree("a.null.true"), "(. (. a null) true)");
}

#[test]
fn calls() {
    assert_eq!(tree("success()"), "(success)");
    assert_eq!(tree("format('{0}', a.b, 1)"), "(format '{0}' (. a b) 1)");
    assert_eq!(
        tree("contains(fromJSON('[1]'), x) && always()"),
        "(&& (contains (fromJSON '[1]') x) (always))"
    );
}

#[test]
fn spans_are_precise() {
    let e = parse("  a.bc[ 'x' ] == f(1) ").expect("parses");
    assert_eq!(e.span, Span::new(2, 21));
    let ExprKind::Binary {
        left, right, op_span, ..
    } = &e.kind
    else {
        panic!("binary")
    };
    assert_eq!(*op_span, Span::new(14, 16));
    assert_eq!(left.span, Span::new(2, 13));
    assert_eq!(right.span, Span::new(17, 21));
    let ExprKind::Index { receiver, index } = &left.kind else {
        panic!("index")
    };
    assert_eq!(index.span, Span::new(8, 11));
    let ExprKind::Property { name_span, .. } = &receiver.kind else {
        panic!("property")
    };
    assert_eq!(*name_span, Span::new(4, 6));
    let ExprKind::Call { name_span, .. } = &right.kind else {
        panic!("call")
    };
    assert_eq!(*name_span, Span::new(17, 18));
    assert_eq!(parse("(a)").expect("parses").span, Span::new(0, 3));
}

#[test]
fn end_of_input_errors() {
    assert_eq!(
        error(""),
        (
            "unexpected end of input while parsing variable access, function call, null, bool, number or string. expecting \"IDENT\", \"(\", \"NUMBER\", \"STRING\"".into(),
            Span::new(0, 0)
        )
    );
    assert_eq!(
        error("a &&"),
        (
            "unexpected end of input while parsing variable access, function call, null, bool, number or string. expecting \"IDENT\", \"(\", \"NUMBER\", \"STRING\"".into(),
            Span::new(4, 4)
        )
    );
    assert_eq!(
        error("f(a"),
        (
            "unexpected end of input while parsing arguments of function call. expecting \",\", \")\"".into(),
            Span::new(3, 3)
        )
    );
    assert_eq!(
        error("(a"),
        (
            "unexpected end of input while parsing parenthesized expression. expecting \")\"".into(),
            Span::new(2, 2)
        )
    );
    assert_eq!(
        error("a."),
        (
            "unexpected end of input while parsing object property dereference. expecting \"IDENT\", \"*\"".into(),
            Span::new(2, 2)
        )
    );
    assert_eq!(
        error("a[0"),
        (
            "unexpected end of input while parsing closing bracket of index access. expecting \"]\"".into(),
            Span::new(3, 3)
        )
    );
}

#[test]
fn unexpected_token_errors() {
    assert_eq!(
        error("a.(b)"),
        (
            "unexpected token \"(\" while parsing object property dereference. expecting \"IDENT\", \"*\"".into(),
            Span::new(2, 3)
        )
    );
    assert_eq!(
        error("f(a b)"),
        (
            "unexpected token \"b\" while parsing arguments of function call. expecting \",\", \")\"".into(),
            Span::new(4, 5)
        )
    );
    assert_eq!(
        error("a == )"),
        (
            "unexpected token \")\" while parsing variable access, function call, null, bool, number or string. expecting \"IDENT\", \"(\", \"NUMBER\", \"STRING\"".into(),
            Span::new(5, 6)
        )
    );
    assert_eq!(
        error("a b c "),
        (
            "parser did not reach end of input after parsing the expression. 2 remaining token(s) in the input: \"b c\"".into(),
            Span::new(2, 3)
        )
    );
    assert_eq!(error("f(,)").1, Span::new(2, 3));
}

#[test]
fn lexer_errors_surface() {
    let (message, span) = error("env.OS == \"x\"");
    assert!(message.starts_with("got unexpected character '\"' while lexing expression"));
    assert_eq!(span, Span::new(10, 11));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for src in [
        "(".repeat(100_000),
        "!".repeat(100_000) + "a",
        format!("a{}", ".b".repeat(100_000)),
        vec!["a"; 50_000].join(" || "),
        format!("{}a{}", "f(".repeat(50_000), ")".repeat(50_000)),
        format!("a{}", "[b".repeat(50_000)),
    ] {
        let e = parse(&src).expect_err("too deep");
        assert!(e.message.contains("nested too deeply"), "{}", e.message);
    }
    let ok = format!("{}a{}", "(".repeat(50), ")".repeat(50));
    assert_eq!(tree(&ok), "a");
}

#[test]
fn display_round_trips() {
    for src in [
        "a || b && c",
        "(a || b) && c",
        "!(a == b)",
        "(a || b).c[0].*",
        "(1).a",
        "(-1)['x']",
        "format('it''s {0}', github.event.issue.title)",
        "a == (b == c)",
        "a < b == c",
        "(a == b) < c",
        "!!a",
        "f()",
    ] {
        let first = parse(src).expect("parses");
        let printed = first.to_string();
        let second = parse(&printed).unwrap_or_else(|e| panic!("{printed}: {}", e.message));
        assert_eq!(first.sexpr(), second.sexpr(), "{src} -> {printed}");
    }
    assert_eq!(parse("(a || b) && c").expect("parses").to_string(), "(a || b) && c");
    assert_eq!(parse("a || (b && c)").expect("parses").to_string(), "a || b && c");
}
