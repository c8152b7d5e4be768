//! Property tests: the parser and the template scanner never panic, keep spans in bounds, and
//! printing a tree then parsing it again gives the same tree.

use autoheal_expr::{BinaryOp, Checker, Expr, ExprKind, Scope, Span, check_template, find_expressions, parse};
use proptest::prelude::*;

fn span_ok(span: Span, text: &str) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

fn all_spans_ok(expr: &Expr, text: &str) -> bool {
    let mut ok = true;
    expr.walk(&mut |e| {
        ok &= span_ok(e.span, text);
        match &e.kind {
            ExprKind::Property { name_span, .. } | ExprKind::Call { name_span, .. } => ok &= span_ok(*name_span, text),
            ExprKind::Binary { op_span, .. } => ok &= span_ok(*op_span, text),
            _ => {}
        }
    });
    ok
}

/// Strings made mostly of expression syntax, so that the parser gets past the lexer often.
fn expression_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "github", "event", ".", "*", "[", "]", "(", ")", "!", "==", "!=", "<", "<=", ">", ">=", "&&", "||", ",",
        "'x'", "''", "'", "1", "-2.5e3", "0x1f", "null", "true", "false", " ", "format", "contains", "\"", "}}", "${{",
        "é", "fromJSON", "'{0}'", "steps", "-",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

fn ident() -> impl Strategy<Value = String> {
    "[a-zA-Z_][a-zA-Z0-9_-]{0,6}".prop_filter("keywords are literals", |s| {
        !matches!(s.as_str(), "null" | "true" | "false")
    })
}

fn node(kind: ExprKind) -> Expr {
    Expr {
        kind,
        span: Span::default(),
    }
}

fn arb_expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        Just(node(ExprKind::Null)),
        any::<bool>().prop_map(|b| node(ExprKind::Bool(b))),
        (-1000i32..1000).prop_map(|n| node(ExprKind::Number(f64::from(n)))),
        (-1000i32..1000).prop_map(|n| node(ExprKind::Number(f64::from(n) / 8.0))),
        "[a-z' {}]{0,8}".prop_map(|s| node(ExprKind::String(s))),
        ident().prop_map(|s| node(ExprKind::Variable(s))),
    ];
    leaf.prop_recursive(5, 48, 4, |inner| {
        let ops = prop::sample::select(vec![
            BinaryOp::Eq,
            BinaryOp::Ne,
            BinaryOp::Lt,
            BinaryOp::Le,
            BinaryOp::Gt,
            BinaryOp::Ge,
            BinaryOp::And,
            BinaryOp::Or,
        ]);
        prop_oneof![
            (inner.clone(), ident()).prop_map(|(r, name)| node(ExprKind::Property {
                receiver: Box::new(r),
                name,
                name_span: Span::default()
            })),
            (inner.clone(), inner.clone()).prop_map(|(r, i)| node(ExprKind::Index {
                receiver: Box::new(r),
                index: Box::new(i)
            })),
            inner
                .clone()
                .prop_map(|r| node(ExprKind::Filter { receiver: Box::new(r) })),
            (ident(), prop::collection::vec(inner.clone(), 0..3)).prop_map(|(name, args)| node(ExprKind::Call {
                name,
                name_span: Span::default(),
                args
            })),
            inner.clone().prop_map(|o| node(ExprKind::Not(Box::new(o)))),
            (ops, inner.clone(), inner).prop_map(|(op, l, r)| node(ExprKind::Binary {
                op,
                op_span: Span::default(),
                left: Box::new(l),
                right: Box::new(r)
            })),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parser_never_panics_and_spans_are_in_bounds(src in prop_oneof![expression_like(), any::<String>()]) {
        match parse(&src) {
            Ok(expr) => {
                prop_assert!(all_spans_ok(&expr, &src));
                // Whatever parses also prints to something that parses to the same tree.
                let printed = expr.to_string();
                let again = parse(&printed);
                prop_assert!(again.is_ok(), "{printed:?} did not parse");
                prop_assert_eq!(again.map(|e| e.sexpr()).unwrap_or_default(), expr.sexpr());
                let scope = Scope::new();
                let _ = Checker::new(&scope).check(&expr);
                let _ = autoheal_expr::untrusted_inputs(&expr);
            }
            Err(e) => prop_assert!(span_ok(e.span, &src), "{:?} for {:?}", e.span, src),
        }
    }

    #[test]
    fn printed_trees_parse_back(expr in arb_expr()) {
        let printed = expr.to_string();
        let parsed = parse(&printed);
        prop_assert!(parsed.is_ok(), "{printed:?}: {:?}", parsed.err().map(|e| e.message));
        let parsed = parsed.map(|e| e.sexpr()).unwrap_or_default();
        prop_assert_eq!(parsed, expr.sexpr(), "printed as {}", printed);
    }

    #[test]
    fn template_scan_is_well_formed(text in prop_oneof![expression_like(), any::<String>()]) {
        let found = find_expressions(&text);
        let mut last_end = 0;
        for e in &found {
            prop_assert!(span_ok(e.span, &text) && span_ok(e.inner, &text));
            prop_assert!(e.span.start >= last_end);
            prop_assert!(e.span.start + 3 == e.inner.start);
            prop_assert_eq!(&text[e.span.start..e.inner.start], "${{");
            if e.closed {
                prop_assert_eq!(&text[e.inner.end..e.span.end], "}}");
            }
            last_end = e.span.end;
        }
        let scope = Scope::new();
        let checked = check_template(&text, &Checker::new(&scope));
        for err in &checked.errors {
            prop_assert!(span_ok(err.span, &text));
        }
        for e in checked.expressions.iter().filter_map(|e| e.expr.as_ref()) {
            prop_assert!(all_spans_ok(e, &text));
        }
    }
}
