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

proptest::proptest! {
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
