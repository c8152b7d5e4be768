use super::*;

fn text_of<'a>(src: &'a str, n: &Node) -> &'a str {
    &src[n.span.start..n.span.end]
}

#[test]
fn keys_and_values_keep_exact_byte_ranges() {
    let src = "name: \"CI 🚀\"\non:\n  push:\n    branches: [main, 'rel/*']\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo 日本\n          make\n      - uses: actions/checkout@v4 # pin\n";
    let doc = parse(src.as_bytes());
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let root = doc.root.as_ref().unwrap();
    let name = root.entry("name").unwrap();
    assert_eq!(text_of(src, &name.key), "name");
    assert_eq!(text_of(src, &name.value), "\"CI 🚀\"");
    assert_eq!(name.value.as_str(), Some("CI 🚀"));
    let branches = root.get("on").unwrap().get("push").unwrap().get("branches").unwrap();
    assert_eq!(text_of(src, branches), "[main, 'rel/*']");
    let items = branches.as_sequence().unwrap();
    assert_eq!(text_of(src, &items[1]), "'rel/*'");
    let steps = root
        .get("jobs")
        .unwrap()
        .get("build")
        .unwrap()
        .get("steps")
        .unwrap()
        .as_sequence()
        .unwrap();
    let run = steps[0].get("run").unwrap();
    assert_eq!(run.as_str(), Some("echo 日本\nmake\n"));
    assert!(text_of(src, run).starts_with('|'), "{:?}", text_of(src, run));
    assert!(text_of(src, run).trim_end().ends_with("make"));
    let uses = steps[1].get("uses").unwrap();
    assert_eq!(text_of(src, uses), "actions/checkout@v4");
    assert_eq!(doc.comments.len(), 1);
    assert_eq!(&src[doc.comments[0].start..doc.comments[0].end], "# pin");
}

#[test]
fn empty_values_sit_after_the_colon() {
    let src = "on:\n  push:\n  pull_request:\njobs: {}\n";
    let doc = parse(src.as_bytes());
    let push = doc.root.as_ref().unwrap().get("on").unwrap().entry("push").unwrap();
    assert!(push.value.is_null());
    assert_eq!(
        push.value.span,
        crate::text::TextRange::empty(src.find("push:").unwrap() + 5)
    );
    let jobs = doc.root.as_ref().unwrap().get("jobs").unwrap();
    assert_eq!(text_of(src, jobs), "{}");
}

#[test]
fn duplicate_keys_are_reported_with_both_lines() {
    let src = "on: push\njobs:\n  a:\n    runs-on: x\n    runs-on: y\n";
    let doc = parse(src.as_bytes());
    assert_eq!(doc.errors.len(), 1);
    assert_eq!(doc.errors[0].kind, SyntaxErrorKind::DuplicateKey);
    assert!(doc.errors[0].message.contains("line 4"), "{}", doc.errors[0].message);
    assert_eq!(doc.errors[0].range.start, src.rfind("runs-on").unwrap());
    assert!(doc.over_budget().is_none(), "an error, but the file was read");
}

#[test]
fn anchors_and_aliases_resolve_and_merge_keys_are_rejected() {
    let src = "x: &env\n  A: 1\ny: *env\nz:\n  <<: *env\n";
    let doc = parse(src.as_bytes());
    let root = doc.root.as_ref().unwrap();
    let y = root.get("y").unwrap();
    assert_eq!(y.get("A").unwrap().as_str(), Some("1"));
    assert_eq!(y.alias.map(|r| &src[r.start..r.end]), Some("*env"));
    assert_eq!(doc.errors.len(), 1);
    assert_eq!(doc.errors[0].kind, SyntaxErrorKind::MergeKey);
}

#[test]
fn a_syntax_error_is_precise_and_the_rest_is_still_read() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo: bad: x\n  b:\n    runs-on: ubuntu-latest\n";
    let doc = parse(src.as_bytes());
    assert!(doc.has_parse_errors());
    let e = &doc.errors[0];
    let line = src[..e.range.start].matches('\n').count() + 1;
    assert_eq!(line, 6, "{e:?}");
    let jobs = doc.root.as_ref().unwrap().get("jobs").unwrap();
    assert!(jobs.get("b").is_some(), "job after the error is still in the tree");
    assert_eq!(
        jobs.get("b").unwrap().get("runs-on").unwrap().as_str(),
        Some("ubuntu-latest")
    );
}

#[test]
fn a_half_typed_key_does_not_hide_the_rest() {
    let src = "on: push\njobs:\n  a:\n    runs-o\n    steps:\n      - run: make\n  b:\n    runs-on: x\n";
    let doc = parse(src.as_bytes());
    assert!(doc.has_parse_errors());
    let jobs = doc.root.as_ref().unwrap().get("jobs").unwrap();
    assert_eq!(
        jobs.get("b").and_then(|b| b.get("runs-on")).and_then(Node::as_str),
        Some("x")
    );
}

#[test]
fn tabs_give_a_clear_message() {
    let src = "on: push\njobs:\n\ta:\n    runs-on: x\n";
    let doc = parse(src.as_bytes());
    assert!(doc.has_parse_errors());
    assert!(doc.errors[0].message.contains("tab"), "{:?}", doc.errors);
}

/// A NUL or escape byte is named by its code point, not blamed on tabs (the
/// scanner's "unprintable" holds the letters "tab").
#[test]
fn a_control_character_is_named_not_called_a_tab() {
    for (src, code) in [("on: push\nname: x\0\n", "U+0000"), ("\0on: push\n", "U+0000")] {
        let doc = parse(src.as_bytes());
        let message = &doc.errors[0].message;
        assert!(message.contains(code), "{message}");
        assert!(!message.contains("tab characters for indentation"), "{message}");
    }
}

#[test]
fn invalid_utf8_is_an_error_not_a_panic() {
    let doc = parse(b"on: push\nname: \xff\n");
    assert_eq!(doc.errors[0].kind, SyntaxErrorKind::Encoding);
    assert_eq!(doc.errors[0].range.start, 15);
}

#[test]
fn multiple_documents_are_flagged() {
    let doc = parse(b"on: push\n---\non: pull_request\n");
    assert!(doc.errors.iter().any(|e| e.kind == SyntaxErrorKind::MultipleDocuments));
    assert_eq!(doc.root.as_ref().unwrap().get("on").unwrap().as_str(), Some("push"));
}

#[test]
fn numbers_and_booleans_follow_the_core_schema() {
    let doc = parse(b"a: 10\nb: '10'\nc: true\nd: yes\ne: 1.5\n");
    let r = doc.root.unwrap();
    assert_eq!(r.get("a").unwrap().as_number(), Some(10.0));
    assert_eq!(r.get("b").unwrap().as_number(), None);
    assert_eq!(r.get("c").unwrap().as_bool(), Some(true));
    assert_eq!(r.get("d").unwrap().as_bool(), None);
    assert_eq!(r.get("e").unwrap().as_number(), Some(1.5));
}

/// Lines of workflows, some broken (a missing `:`, text at the wrong
/// indentation, a stray quote or bracket), to build texts that need several
/// recovery steps.
const LINES: &[&str] = &[
    "on: push",
    "jobs:",
    "  a:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - run: echo hi",
    "      - uses: actions/checkout@v4",
    "        with:",
    "          key: value",
    "    run: |",
    "      echo \"a\" b",
    "echo \"${{ github.ref }}\" != \"\" ]]; then",
    "    name \"x\" y",
    "  - a: [1,",
    "      key value",
    "  ]",
    "'unterminated",
    "",
];

proptest::proptest! {
    /// Counting parse errors up to a bound recovers only as far as it
    /// must and gives the whole parse's count whenever that is below the
    /// bound (what the syntax rule's fix candidates are judged by).
    #[test]
    fn parse_errors_counted_below_a_bound_are_the_whole_parses(
        lines in proptest::collection::vec(proptest::sample::select(LINES), 0..24),
        bound in 0usize..7,
    ) {
        let text = lines.join("\n");
        let whole = parse(text.as_bytes()).errors.iter().filter(|e| e.kind == SyntaxErrorKind::Parse).count();
        let counted = parse_error_count_below(text.as_bytes(), bound);
        if whole < bound {
            proptest::prop_assert_eq!(counted, whole, "{}", text);
        } else {
            proptest::prop_assert!(counted >= bound, "{} of {} for\n{}", counted, whole, text);
        }
    }

    #[test]
    fn parse_never_panics_and_spans_are_in_bounds(s in "[a-z:#\\- \\n\\t'\"\\[\\]{}|>&*!%@`,?]{0,200}") {
        let doc = parse(s.as_bytes());
        if let Some(root) = &doc.root {
            root.walk(&mut |n| {
                assert!(n.span.start <= n.span.end && n.span.end <= s.len());
                assert!(s.is_char_boundary(n.span.start) && s.is_char_boundary(n.span.end));
            });
        }
        for e in &doc.errors {
            assert!(e.range.end <= s.len());
        }
    }
}

#[test]
fn a_closing_bracket_at_the_parent_indentation_is_accepted_like_github_does() {
    let src = "matrix:\n  name: [\n    \"a\",\n\n    \"b\",\n  ]\n  include:\n    - name: a\n";
    let doc = parse(src.as_bytes());
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let m = doc.root.as_ref().unwrap().get("matrix").unwrap();
    assert_eq!(m.get("name").unwrap().as_sequence().unwrap().len(), 2);
    assert_eq!(m.get("include").unwrap().as_sequence().unwrap().len(), 1);
}

/// `x0: &a0 [lol × 9]`, then 14 lines each holding nine aliases of the line
/// before: under 1 KB that expands to 9^15 scalars.
pub(crate) fn alias_bomb() -> String {
    let mut s = String::from("on: push\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..15 {
        let items = vec![format!("*a{}", i - 1); 9].join(", ");
        s.push_str(&format!("x{i}: &a{i} [{items}]\n"));
    }
    s.push_str("jobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n");
    s
}

fn only_limit_error(doc: &Document) -> &SyntaxError {
    assert!(doc.root.is_none(), "no tree past a budget");
    assert_eq!(doc.errors.len(), 1, "{:?}", doc.errors);
    assert_eq!(doc.errors[0].kind, SyntaxErrorKind::Limit);
    assert!(doc.has_parse_errors());
    assert!(std::ptr::eq(doc.over_budget().expect("over a budget"), &doc.errors[0]));
    &doc.errors[0]
}

#[test]
fn an_alias_bomb_stops_at_the_alias_budget() {
    let src = alias_bomb();
    assert!(src.len() < 1024);
    let doc = parse(src.as_bytes());
    let e = only_limit_error(&doc);
    assert!(e.message.contains("alias bomb"), "{}", e.message);
    let at = src[e.range.start..e.range.end].chars().next();
    assert!(
        matches!(at, Some('*' | '&')),
        "points at the alias or the anchor: {at:?}"
    );
}

#[test]
fn one_long_anchored_string_used_many_times_stops_at_the_byte_budget() {
    let mut src = format!("a: &s '{}'\nb: [", "x".repeat(1 << 20));
    src.push_str(&vec!["*s"; 40].join(", "));
    src.push_str("]\n");
    let e = parse(src.as_bytes()).errors;
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].message.contains("MiB of text"), "{}", e[0].message);
}

#[test]
fn ordinary_anchors_and_aliases_still_expand() {
    let src = "x: &steps\n  - run: a\n  - run: b\njobs:\n  a: {steps: *steps}\n  b: {steps: *steps}\n";
    let doc = parse(src.as_bytes());
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let jobs = doc.root.as_ref().unwrap().get("jobs").unwrap();
    let steps = jobs.get("b").unwrap().get("steps").unwrap();
    assert_eq!(steps.as_sequence().map(<[Node]>::len), Some(2));
    assert!(steps.alias.is_some());
}

#[test]
fn block_nesting_past_the_depth_budget_is_an_error_not_a_crash() {
    for src in [
        format!("{}x\n", "- ".repeat(100_000)),
        format!("a:\n  b:\n    {}x\n", "- ".repeat(100_000)),
        (0..2_000)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect::<String>(),
    ] {
        let doc = parse(src.as_bytes());
        let e = only_limit_error(&doc);
        assert!(e.message.contains("levels"), "{}", e.message);
    }
    // At the budget the tree is whole.
    let src = format!("{}x\n", "- ".repeat(limits::MAX_DEPTH));
    let doc = parse(src.as_bytes());
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
}

#[test]
fn flow_nesting_past_the_scanners_budget_is_a_limit_not_a_parse_error() {
    // Near the top the scanner's flow counter (256 levels) runs out before
    // the depth budget; either way the file is over a budget and not read.
    for src in [
        format!("x: {}y{}\njobs: {{}}\n", "[".repeat(100_000), "]".repeat(100_000)),
        format!("{}y{}\n", "{a: ".repeat(300), "}".repeat(300)),
    ] {
        let doc = parse(src.as_bytes());
        let e = only_limit_error(&doc);
        assert!(e.message.contains("levels deep"), "{}", e.message);
    }
}

#[test]
fn an_alias_cannot_carry_nesting_past_the_depth_budget() {
    // Flow nesting under an anchor, then an alias of it as deep again.
    let half = limits::MAX_DEPTH / 2 + 10;
    let deep = format!("{}x{}", "[".repeat(half), "]".repeat(half));
    let nested_alias = format!("{}*d{}", "[".repeat(half), "]".repeat(half));
    let src = format!("a: &d {deep}\nb: {nested_alias}\n");
    let doc = parse(src.as_bytes());
    let e = only_limit_error(&doc);
    assert!(e.message.contains("levels"), "{}", e.message);
}

#[test]
fn too_many_nodes_and_too_many_bytes_are_limits() {
    let many = format!("[{}]", vec!["a"; limits::MAX_NODES + 10].join(","));
    let e = parse(many.as_bytes()).errors;
    assert!(e.len() == 1 && e[0].message.contains("nodes"), "{e:?}");
    let big = vec![b'#'; limits::MAX_BYTES + 1];
    let doc = parse(&big);
    assert!(only_limit_error(&doc).message.contains("MiB"));
}

#[test]
fn anchored_and_tagged_nodes_start_at_their_content() {
    // Diagnostics on a value point at the value, not at its `&name` or tag.
    let src = "a: &s ubuntu-latest\nb: !!str &t x\nc: &m # note\n  k: v\nd: &q [1]\n";
    let doc = parse(src.as_bytes());
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let root = doc.root.as_ref().unwrap();
    for (key, content) in [("a", "ubuntu-latest"), ("b", "x"), ("c", "k: v"), ("d", "[1]")] {
        let n = root.get(key).unwrap();
        assert!(
            src[n.span.start..].starts_with(content),
            "{key}: {:?}",
            &src[n.span.start..]
        );
    }
    // A budget error on an anchored value points at its `&name`.
    let mut src = format!("a: &s '{}'\nb: [", "x".repeat(1 << 20));
    src.push_str(&vec!["*s"; 40].join(", "));
    src.push_str("]\n");
    let e = parse(src.as_bytes()).errors;
    assert!(matches!(&src[e[0].range.start..e[0].range.end], "&s" | "*s"), "{e:?}");
}

#[test]
fn a_string_tag_makes_any_plain_scalar_a_string() {
    let src = "a: !!str 5\nb: !!str true\nc: !!str\nd: 5\ne: !custom 5\n";
    let doc = parse(src.as_bytes());
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let root = doc.root.as_ref().unwrap();
    let get = |k| root.get(k).unwrap();
    assert!(get("a").is_string_tagged());
    assert_eq!((get("a").as_number(), get("a").as_str()), (None, Some("5")));
    assert_eq!(get("b").as_bool(), None);
    assert!(!get("c").is_null(), "`!!str` with no content is the empty string");
    assert_eq!(get("d").as_number(), Some(5.0));
    assert!(!get("e").is_string_tagged());
}

#[test]
fn a_tagged_node_is_reported_from_its_tag() {
    let src = "a: !!str 5\nb: !!str &x 6\nc: &y !!str 7\nd: 8\ne: *x\nf: [!!str 9]\n";
    let doc = parse(src.as_bytes());
    let root = doc.root.as_ref().unwrap();
    let at = |k| {
        let r = root.get(k).unwrap().tagged_report_span(src);
        &src[r.start..r.end]
    };
    assert_eq!(at("a"), "!!str 5");
    assert_eq!(at("b"), "!!str &x 6");
    assert_eq!(at("c"), "!!str 7");
    // Untagged and aliased nodes keep their usual range.
    assert_eq!(at("d"), "8");
    assert_eq!(at("e"), "*x");
    assert_eq!(at("f"), "[!!str 9]");
    let item = &root.get("f").unwrap().as_sequence().unwrap()[0];
    let r = item.tagged_report_span(src);
    assert_eq!(&src[r.start..r.end], "!!str 9");
}
