use super::*;
use crate::yaml::parse;

/// `source` with `key: value` lines inserted at `(offset, column)`s.
fn inserted(source: &str, at: &[(usize, usize, &str)]) -> (Vec<Edit>, String) {
    let eol = crate::edit::line_ending(source);
    let edits: Vec<Edit> = at
        .iter()
        .map(|(offset, column, entry)| Edit::insert("f.yml", *offset, format!("{eol}{}{entry}", " ".repeat(*column))))
        .collect();
    let refs: Vec<&Edit> = edits.iter().collect();
    let text = crate::fix::apply_edits("f.yml", source, &refs).expect("edits apply");
    (edits, text)
}

fn patched(source: &str, at: &[(usize, usize, &str)]) -> Option<(Document, String)> {
    let (edits, text) = inserted(source, at);
    let refs: Vec<&Edit> = edits.iter().collect();
    apply(source, &parse(source.as_bytes()), &refs, &text).map(|d| (d, text))
}

/// `source` with `edits` applied, and its patched tree.
fn patched_edits(source: &str, edits: &[Edit]) -> Option<(Document, String)> {
    let refs: Vec<&Edit> = edits.iter().collect();
    let text = crate::fix::apply_edits("f.yml", source, &refs).expect("edits apply");
    apply(source, &parse(source.as_bytes()), &refs, &text).map(|d| (d, text))
}

/// Every field of the patched document equals the parse of the edited text.
fn assert_same_as_parse(doc: &Document, text: &str) {
    assert_eq!(*doc, parse(text.as_bytes()), "{text}");
}

/// Applies `refs` to `source` and, when the patcher takes them, to `tree` in place: the patched
/// tree must equal the parse of the edited text, and is put back at once. Whether the patcher
/// took them; `None` when the edits do not apply to the text.
fn patched_then_put_back(source: &str, tree: &mut Document, refs: &[&Edit]) -> Option<bool> {
    let text = crate::fix::apply_edits("f.yml", source, refs).ok()?;
    let Some((put_back, _)) = apply_in_place(source, tree, refs, &text) else {
        return Some(false);
    };
    assert_same_as_parse(tree, &text);
    undo(tree, put_back);
    Some(true)
}

const WORKFLOW: &str = "on: push # trigger\njobs:\n  build:\n    name: Build\n    runs-on: ubuntu-latest   # hosted\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          make\n\n  test:\n    runs-on: [self-hosted,\n      linux]\n    needs: build\n    env:\n      A: 1\n    steps:\n    - run: echo \"# not a comment\"\n    - name: last\n      run: echo done\n";

fn after(source: &str, line_containing: &str) -> usize {
    let at = source.find(line_containing).expect("line is in the source");
    crate::edit::line_end(source, at)
}

#[test]
fn timeouts_inserted_into_every_job_give_the_tree_of_the_parse() {
    let at = [
        (after(WORKFLOW, "runs-on: ubuntu-latest"), 4, "timeout-minutes: 60"),
        (after(WORKFLOW, "      linux]"), 4, "timeout-minutes: 60"),
    ];
    let (doc, text) = patched(WORKFLOW, &at).expect("both are entry lines");
    assert_same_as_parse(&doc, &text);
}

#[test]
fn entries_after_nested_values_and_at_the_end_of_the_text_give_the_tree_of_the_parse() {
    let cases: Vec<(String, usize, usize)> = vec![
        // After `env:`'s mapping, in `test`.
        (WORKFLOW.to_string(), after(WORKFLOW, "A: 1"), 4),
        // Inside `env:`.
        (WORKFLOW.to_string(), after(WORKFLOW, "A: 1"), 6),
        // After the last step of the file: the job, `jobs` and the root end with it.
        (WORKFLOW.to_string(), after(WORKFLOW, "run: echo done"), 4),
        (WORKFLOW.to_string(), after(WORKFLOW, "run: echo done"), 2),
        (WORKFLOW.to_string(), after(WORKFLOW, "run: echo done"), 0),
        (WORKFLOW.to_string(), after(WORKFLOW, "run: echo done"), 6),
        // A step's entry, in a compact sequence.
        (WORKFLOW.to_string(), after(WORKFLOW, "- name: last"), 6),
        // At the very end, without a final line break.
        (WORKFLOW.trim_end().to_string(), WORKFLOW.trim_end().len(), 0),
        // After a key with no value, and in a CRLF file.
        ("a:\nb: 1\n".to_string(), 2, 0),
        (
            WORKFLOW.replace('\n', "\r\n"),
            after(&WORKFLOW.replace('\n', "\r\n"), "needs: build"),
            4,
        ),
    ];
    for (source, offset, column) in cases {
        let (doc, text) = patched(&source, &[(offset, column, "new-key: v1.2")])
            .unwrap_or_else(|| panic!("not patched at {offset}:{column}:\n{source}"));
        assert_same_as_parse(&doc, &text);
    }
}

#[test]
fn edits_whose_tree_is_not_known_are_left_to_the_parser() {
    let refused: Vec<(&str, usize, usize, &str)> = vec![
        // Not at the column of the mapping's keys, or not after a whole entry.
        (
            WORKFLOW,
            after(WORKFLOW, "runs-on: ubuntu-latest"),
            3,
            "timeout-minutes: 60",
        ),
        (
            WORKFLOW,
            after(WORKFLOW, "runs-on: [self-hosted,"),
            4,
            "timeout-minutes: 60",
        ),
        (
            WORKFLOW,
            after(WORKFLOW, "runs-on: ubuntu-latest") - 3,
            4,
            "timeout-minutes: 60",
        ),
        // A key the mapping has.
        (WORKFLOW, after(WORKFLOW, "runs-on: ubuntu-latest"), 4, "steps: 60"),
        // After a block scalar that keeps its trailing lines (`|+`), whose
        // kept blank lines the line would cut.
        (
            "a:\n  b: |+\n    x\n\nc: 1\n",
            after("a:\n  b: |+\n    x\n\nc: 1\n", "    x"),
            2,
            "d: 1",
        ),
        // After a block scalar followed by a line of spaces deeper than its
        // indentation (content, which the new line would cut off), and at
        // the end of a text without a final line break.
        (
            "a:\n  b: |\n    x\n      \nc: 1\n",
            after("a:\n  b: |\n    x\n      \nc: 1\n", "    x"),
            2,
            "d: 1",
        ),
        ("a:\n  b: |\n    x", 15, 2, "d: 1"),
        // Not a plain `key: value`.
        (
            WORKFLOW,
            after(WORKFLOW, "runs-on: ubuntu-latest"),
            4,
            "timeout-minutes: '60'",
        ),
        (
            WORKFLOW,
            after(WORKFLOW, "runs-on: ubuntu-latest"),
            4,
            "timeout-minutes: 6 # c",
        ),
        (
            WORKFLOW,
            after(WORKFLOW, "runs-on: ubuntu-latest"),
            4,
            "timeout-minutes:",
        ),
        // A flow mapping, anchors, a file that does not parse cleanly.
        ("a: {b: 1,\n  c: 2}\n", 8, 2, "d: 3"),
        ("a: &x 1\nb: *x\n", 7, 0, "c: 3"),
        ("a: 1\na: 2\n", 4, 0, "c: 3"),
        // A byte order mark before the first key.
        ("\u{feff}a: 1\nb: 2\n", 7, 3, "c: 3"),
        ("a: [1\nb: 2\n", 11, 0, "c: 3"),
        // A key with nothing under it, a line less indented than the first,
        // a key twice in one new mapping.
        (WORKFLOW, after(WORKFLOW, "runs-on: ubuntu-latest"), 4, "permissions:"),
        (WORKFLOW, after(WORKFLOW, "runs-on: ubuntu-latest"), 4, "a: 1\n  b: 2"),
        (
            WORKFLOW,
            after(WORKFLOW, "runs-on: ubuntu-latest"),
            4,
            "a:\n      b: 1\n     c: 2",
        ),
        (
            WORKFLOW,
            after(WORKFLOW, "runs-on: ubuntu-latest"),
            4,
            "a:\n      b: 1\n      b: 2",
        ),
    ];
    for (source, offset, column, entry) in refused {
        assert!(
            patched(source, &[(offset, column, entry)]).is_none(),
            "patched {entry:?} at {offset}:{column} of\n{source}"
        );
    }
    // Two insertions into one mapping: left to the parser too.
    let two = [
        (after(WORKFLOW, "name: Build"), 4, "a: 1"),
        (after(WORKFLOW, "runs-on: ubuntu-latest"), 4, "b: 1"),
    ];
    assert!(patched(WORKFLOW, &two).is_none());
}

#[test]
fn nested_entries_and_several_entries_give_the_tree_of_the_parse() {
    let runs_on = after(WORKFLOW, "runs-on: ubuntu-latest");
    for lines in [
        "\n    permissions:\n      contents: read",
        "\n    permissions:\n      contents: read\n      pull-requests: write",
        "\n    a:\n      b:\n        c: 1\n      d: 2\n    e: 3",
        "\n    a: 1\n    b: 2",
    ] {
        let (doc, text) = patched_edits(WORKFLOW, &[Edit::insert("f.yml", runs_on, lines)])
            .unwrap_or_else(|| panic!("{lines:?} not patched"));
        assert_same_as_parse(&doc, &text);
    }
    // In a step's `with:`, at the end of the file.
    let last = after(WORKFLOW, "run: echo done");
    let (doc, text) = patched_edits(
        WORKFLOW,
        &[Edit::insert(
            "f.yml",
            last,
            "\n      with:\n        persist-credentials: false",
        )],
    )
    .expect("patched");
    assert_same_as_parse(&doc, &text);
}

#[test]
fn a_changed_word_of_a_value_gives_the_tree_of_the_parse() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v3 # pinned\n      - uses: actions/cache@v3\n      - run: echo\n    env: {A: x@v1, B: 2}\n";
    let word = |find: &str, new: &str| {
        let at = src.find(find).expect("in the source");
        Edit::replace("f.yml", TextRange::new(at, at + find.len()), new)
    };
    for edits in [
        vec![Edit::replace(
            "f.yml",
            TextRange::new(src.find("v3 #").unwrap(), src.find("v3 #").unwrap() + 2),
            "v4",
        )],
        vec![Edit::replace(
            "f.yml",
            TextRange::new(src.find("v3\n").unwrap(), src.find("v3\n").unwrap() + 2),
            "v10",
        )],
        vec![word("latest", "24.04")],
        vec![word("x@v1", "x@v22")],
        // Beside an insertion, longer and shorter.
        vec![
            word("ubuntu", "linux"),
            Edit::insert(
                "f.yml",
                after(src, "runs-on: ubuntu-latest"),
                "\n    timeout-minutes: 60",
            ),
            word("cache@v3", "cache@v4.2.0"),
        ],
    ] {
        let (doc, text) = patched_edits(src, &edits).unwrap_or_else(|| panic!("{edits:?} not patched"));
        assert_same_as_parse(&doc, &text);
    }
    for refused in [
        // A key, a word that would start a comment or end the scalar, a
        // scalar that starts with an indicator, text across nodes.
        word("runs-on", "runs-off"),
        word("latest", "latest #x"),
        word("latest", "a: b"),
        word("ubuntu", "-u"),
        word("push\njobs", "pull"),
        word("v3 #", "v4 #"),
    ] {
        assert!(
            patched_edits(src, std::slice::from_ref(&refused)).is_none(),
            "{refused:?}"
        );
    }
    // Quoted, multi-line plain and folded scalars are parsed.
    let quoted = "a: 'x@v1'\nb: >\n  x@v1\nc: x\n  y@v1\n";
    for find in ["x@v1'", "  x@v1\n", "y@v1"] {
        let at = quoted.find(find).unwrap() + find.find("v1").unwrap();
        let edit = Edit::replace("f.yml", TextRange::new(at, at + 2), "v2");
        assert!(patched_edits(quoted, &[edit]).is_none(), "{find}");
    }
}

/// Every line end of every rule fixture, at the columns of the lines around
/// it: whenever an insertion is patched, the tree is the parse's.
#[test]
fn on_every_fixture_a_patched_tree_equals_the_parse() {
    let files = crate::rules::test_support::rule_fixture_files();
    let (mut tried, mut patched_count) = (0, 0);
    for path in files {
        let Ok(source) = std::fs::read_to_string(&path) else {
            continue;
        };
        let doc = parse(source.as_bytes());
        if !doc.errors.is_empty() || doc.anchored {
            continue;
        }
        for (end, column) in crate::rules::test_support::line_insertion_points(&source) {
            tried += 1;
            let (edits, text) = inserted(&source, &[(end, column, "zz-new: 60")]);
            let refs: Vec<&Edit> = edits.iter().collect();
            if let Some(patch) = apply(&source, &doc, &refs, &text) {
                patched_count += 1;
                assert_same_as_parse(&patch, &text);
            }
        }
        // The last two bytes of every scalar (keys too: those are refused)
        // replaced by a longer word.
        let mut scalars = Vec::new();
        if let Some(root) = &doc.root {
            root.walk(&mut |n| {
                if n.is_scalar() && n.span.len() >= 2 && source.is_char_boundary(n.span.end - 2) {
                    scalars.push(TextRange::new(n.span.end - 2, n.span.end));
                }
            });
        }
        for range in scalars {
            tried += 1;
            let edits = [Edit::replace("f.yml", range, "v42")];
            let refs: Vec<&Edit> = edits.iter().collect();
            let text = crate::fix::apply_edits("f.yml", &source, &refs).expect("edits apply");
            if let Some(patch) = apply(&source, &doc, &refs, &text) {
                patched_count += 1;
                assert_same_as_parse(&patch, &text);
            }
        }
    }
    eprintln!("{patched_count} of {tried} edits patched");
    assert!(
        patched_count > 1000 && patched_count < tried,
        "{patched_count} of {tried}"
    );
}

/// Fix verification's use of the patch: one tree patched in place edit
/// after edit of every fixture, each put back before the next. Every
/// patched tree is the parse of its text, and every tree put back is the
/// original parse, also after an edit the patch refused, and after batches
/// of an insertion and a changed word together.
#[test]
fn one_tree_patched_in_place_and_put_back_edit_after_edit_is_the_parse_each_time() {
    let files = crate::rules::test_support::rule_fixture_files();
    let mut patched_count = 0;
    for path in files {
        let Ok(source) = std::fs::read_to_string(&path) else {
            continue;
        };
        let original = parse(source.as_bytes());
        if !original.errors.is_empty() || original.anchored {
            continue;
        }
        let mut scalars = Vec::new();
        if let Some(root) = &original.root {
            root.walk(&mut |n| {
                if n.is_scalar() && n.span.len() >= 2 && source.is_char_boundary(n.span.end - 2) {
                    scalars.push(TextRange::new(n.span.end - 2, n.span.end));
                }
            });
        }
        let points = crate::rules::test_support::line_insertion_points(&source);
        let mut batches: Vec<Vec<Edit>> = Vec::new();
        for &(end, column) in &points {
            batches.push(inserted(&source, &[(end, column, "zz-new: 60")]).0);
        }
        for &range in &scalars {
            batches.push(vec![Edit::replace("f.yml", range, "v42")]);
        }
        // A word changed before an insertion further on, in one batch.
        for (&range, &(end, column)) in scalars.iter().zip(points.iter().rev()) {
            if range.end < end {
                let mut batch = vec![Edit::replace("f.yml", range, "v42")];
                batch.extend(inserted(&source, &[(end, column, "zz-new: 60")]).0);
                batches.push(batch);
            }
        }
        let mut tree = original.clone();
        for edits in &batches {
            let refs: Vec<&Edit> = edits.iter().collect();
            if patched_then_put_back(&source, &mut tree, &refs) == Some(true) {
                patched_count += 1;
            }
            assert!(
                tree == original,
                "{}: the tree put back after {edits:?} differs",
                path.display()
            );
        }
    }
    assert!(patched_count > 1000, "{patched_count}");
}

/// A batch inserting into every job of a long `jobs:` (found by search, not
/// by a scan of the jobs per insertion).
#[test]
fn an_entry_in_each_of_many_jobs_gives_the_tree_of_the_parse() {
    let mut src = String::from("on: push\njobs:\n");
    for i in 0..300 {
        src.push_str(&format!(
            "  j{i}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v3\n"
        ));
    }
    let mut edits = Vec::new();
    let mut from = 0;
    while let Some(i) = src[from..].find("runs-on: ubuntu-latest") {
        let at = from + i;
        edits.push(Edit::insert(
            "f.yml",
            crate::edit::line_end(&src, at),
            "\n    timeout-minutes: 60",
        ));
        from = at + 1;
    }
    let mut from = 0;
    while let Some(i) = src[from..].find("@v3") {
        let at = from + i + 1;
        edits.push(Edit::replace("f.yml", TextRange::new(at, at + 2), "v4"));
        from = at;
    }
    assert_eq!(edits.len(), 600);
    let (doc, text) = patched_edits(&src, &edits).expect("patched");
    assert_same_as_parse(&doc, &text);
}

/// template-injection's fix: `${{ … }}` in a `run: |` block replaced by a
/// variable (quotes and braces included), and the variable added to the
/// step's `env:`, new after the block or beside entries already there.
#[test]
fn an_expression_moved_from_a_script_into_env_gives_the_tree_of_the_parse() {
    let step = |env: &str, chomp: &str, tail: &str| {
        format!(
            "on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - name: greet{env}\n        run: |{chomp}\n          echo start\n            echo \"${{{{ github.event.issue.title }}}}\" and ${{{{ github.head_ref }}}}\n{tail}      - run: echo next\n"
        )
    };
    let value = "${{ github.event.issue.title }}";
    for (env, chomp, tail) in [
        ("", "", ""),
        ("", "-", "\n\n"),
        ("", "", "\r\n"),
        ("\n        env:\n          OTHER: x", "", ""),
    ] {
        let src = step(env, chomp, tail).replace("\\r\\n", "\r\n");
        let expr = |s: &str| {
            let at = src.find(s).expect("in the source");
            TextRange::new(at, at + s.len())
        };
        let script_end = after(&src, "github.head_ref }}");
        let env_edit = if env.is_empty() {
            Edit::insert("f.yml", script_end, format!("\n        env:\n          TITLE: {value}"))
        } else {
            Edit::insert("f.yml", after(&src, "OTHER: x"), format!("\n          TITLE: {value}"))
        };
        let edits = vec![
            Edit::replace("f.yml", expr("\"${{ github.event.issue.title }}\""), "\"${TITLE}\""),
            Edit::replace("f.yml", expr("${{ github.head_ref }}"), "\"$HEAD_REF\""),
            env_edit,
        ];
        let (doc, text) = patched_edits(&src, &edits).unwrap_or_else(|| panic!("not patched:\n{src}"));
        assert_same_as_parse(&doc, &text);
        let refs: Vec<&Edit> = edits.iter().collect();
        let (_, touched) = apply_touched(&src, &parse(src.as_bytes()), &refs, &text).expect("patched");
        assert!(touched.expressions);
    }
    // A replacement starting in a line's indentation, ending in
    // whitespace, or across a line break, and a block with an indentation
    // indicator: parsed.
    let src = step("", "", "");
    let at = src.find("  echo \"$").unwrap();
    for (range, new) in [
        (TextRange::new(at, at + 6), "x"),
        (TextRange::new(at + 2, at + 6), "x "),
        (TextRange::new(at - 3, at + 6), "x"),
    ] {
        let edit = Edit::replace("f.yml", range, new);
        assert!(patched_edits(&src, &[edit]).is_none(), "{range:?} {new:?}");
    }
    let indicated = "a:\n  b: |2\n    x y\n";
    let at = indicated.find('y').unwrap();
    let edit = Edit::replace("f.yml", TextRange::new(at, at + 1), "z");
    assert!(patched_edits(indicated, &[edit]).is_none());
}

proptest::proptest! {
    /// A literal block of random lines, a random run of one line replaced
    /// by random text, and an entry inserted after the block: whenever the
    /// patch takes the edits, its tree is the parse's.
    #[test]
    fn edits_of_a_literal_block_give_the_tree_of_the_parse(
        lines in proptest::collection::vec("( {0,3})[a-z$\"{} #:|-]{0,12}", 1..5),
        chomp in "[-+]?",
        blank in 0usize..3,
        line in 0usize..5,
        from in 0usize..16,
        len in 0usize..6,
        new in "[a-z$\"{}:# -]{1,6}",
        insert in proptest::bool::ANY,
    ) {
        let body: String = lines.iter().map(|l| format!("      {l}\n")).collect();
        let src = format!("a:\n  b: |{chomp}\n{body}{}  c: 1\n", "\n".repeat(blank));
        let doc = parse(src.as_bytes());
        proptest::prop_assume!(doc.errors.is_empty());
        let start = src.find("  b: |").unwrap();
        let Some(block) = doc.root.as_ref().and_then(|r| r.get("a")).and_then(|a| a.get("b")) else {
            return Ok(());
        };
        let line_at = src[start..].split_inclusive('\n').take(line % (lines.len() + 1) + 1).map(str::len).sum::<usize>() + start;
        let line_end = crate::edit::line_end(&src, line_at.min(src.len()));
        let s = (line_at + from).min(line_end);
        let e = (s + len).min(line_end);
        let mut edits = Vec::new();
        if e > s && src.is_char_boundary(s) && src.is_char_boundary(e) {
            edits.push(Edit::replace("f.yml", TextRange::new(s, e), new.clone()));
        }
        if insert {
            let at = crate::edit::line_end(&src, block.span.end);
            if edits.iter().all(|x: &Edit| x.range.end < at) {
                edits.push(Edit::insert("f.yml", at, "\n  d: ${{ x }}"));
            }
        }
        proptest::prop_assume!(!edits.is_empty());
        if let Some((patched, text)) = patched_edits(&src, &edits) {
            assert_same_as_parse(&patched, &text);
        }
    }
}

/// What an edit touched, as [`crate::rules::ReadPaths`] reads it: the key
/// path of each new entry, every inserted key and value, and a changed
/// scalar before and after all of its words changed (and in between).
#[test]
fn touched_names_each_path_and_scalar_an_edit_changed() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      X: one-two:three\n    steps:\n      - run: echo\n";
    let value = src.find("one-two").unwrap();
    let edits = vec![
        Edit::replace("f.yml", TextRange::new(value, value + 3), "uno"),
        Edit::replace("f.yml", TextRange::new(value + 4, value + 7), "dos"),
        Edit::insert("f.yml", after(src, "runs-on"), "\n    timeout-minutes: 60"),
    ];
    let (_, text) = patched_edits(src, &edits).expect("patched");
    let refs: Vec<&Edit> = edits.iter().collect();
    let (_, touched) = apply_touched(src, &parse(src.as_bytes()), &refs, &text).expect("patched");
    let key = |k: &str| Segment::Key(k.to_string());
    // Sorted, each once (the two words of `X` touch one path).
    assert_eq!(
        touched.paths,
        [
            vec![key("jobs"), key("a"), key("env"), key("X")],
            vec![key("jobs"), key("a"), key("timeout-minutes")],
        ]
    );
    for s in ["timeout-minutes", "60", "one-two:three", "uno-dos:three"] {
        assert!(
            touched.plain_scalars.iter().any(|t| t == s),
            "{s} in {:?}",
            touched.plain_scalars
        );
    }
    assert!(!touched.expressions);
}

/// A pattern reads the nodes at its path and below, and the existence of
/// each node on the way; `~` last reads only which nodes there are.
#[test]
fn a_pattern_overlaps_paths_at_above_and_below_it() {
    let path = |p: &str| -> Vec<Segment> {
        p.split('.')
            .map(|s| match s {
                "-" => Segment::Item,
                "?" => Segment::Other,
                k => Segment::Key(k.to_string()),
            })
            .collect()
    };
    for (pattern, p, expected) in [
        ("jobs.*.needs", "jobs.build.needs", true),
        ("jobs.*.needs", "jobs.build.needs.-", true),
        ("jobs.*.needs", "jobs.build", true),
        ("jobs.*.needs", "jobs", true),
        ("jobs.*.needs", "jobs.build.timeout-minutes", false),
        ("jobs.*.needs", "on.push", false),
        ("jobs.*.~", "jobs.build", true),
        ("jobs.*.~", "jobs", true),
        ("jobs.*.~", "jobs.build.timeout-minutes", false),
        ("jobs.*.~", "jobs.?", true),
        ("jobs.*.~", "jobs.build.?", false),
        ("jobs.*.steps.*.id", "jobs.a.steps.-.id", true),
        ("jobs.*.steps.*.id", "jobs.a.steps.-.with", false),
        ("**.if", "jobs.a.steps.-.if", true),
        ("**.if", "jobs.a.steps.-.run", false),
    ] {
        assert_eq!(overlaps(pattern, &path(p)), expected, "{pattern} against {p}");
    }
}

/// `source` with `new_text` inserted at the start of the line holding
/// `line_containing`.
fn at_line_start(source: &str, line_containing: &str, new_text: &str) -> Edit {
    let at = crate::edit::line_start(source, source.find(line_containing).expect("line is in the source"));
    Edit::insert("f.yml", at, new_text)
}

/// excessive-permissions' workflow-level block (before `jobs:`, at the
/// start of its line, a blank line after it) and its `permissions: {}`,
/// at the workflow level and in a job; entries before nested entries,
/// after a block scalar keeping its blank lines, a comment, an empty value
/// and a sequence at its key's column; in a CRLF file; beside other edits.
#[test]
fn entries_inserted_at_the_start_of_a_line_give_the_tree_of_the_parse() {
    let crlf = WORKFLOW.replace('\n', "\r\n");
    let cases: Vec<(String, Vec<Edit>)> = vec![
        (
            WORKFLOW.into(),
            vec![at_line_start(WORKFLOW, "jobs:", "permissions:\n  contents: read\n\n")],
        ),
        (
            WORKFLOW.into(),
            vec![at_line_start(WORKFLOW, "jobs:", "permissions: {}\n\n")],
        ),
        (
            WORKFLOW.into(),
            vec![at_line_start(
                WORKFLOW,
                "jobs:",
                "permissions:\n  actions: read\n  contents: read\n",
            )],
        ),
        (
            crlf.clone(),
            vec![at_line_start(
                &crlf,
                "jobs:",
                "permissions:\r\n  contents: read\r\n\r\n",
            )],
        ),
        (
            WORKFLOW.into(),
            vec![at_line_start(WORKFLOW, "  test:", "  zz:\n    a: 1\n")],
        ),
        (
            WORKFLOW.into(),
            vec![at_line_start(WORKFLOW, "needs: build", "    permissions: {}\n")],
        ),
        // Before the entry after a step's block scalar (its blank line
        // stays before the new entries).
        (
            WORKFLOW.into(),
            vec![at_line_start(WORKFLOW, "  test:", "  zz: {}\n\n")],
        ),
        (
            "a: |+\n  x\n\nb: 1\n".into(),
            vec![at_line_start("a: |+\n  x\n\nb: 1\n", "b: 1", "c: 2\n")],
        ),
        (
            "a: 1\n# c\n\nb: 2\n".into(),
            vec![at_line_start("a: 1\n# c\n\nb: 2\n", "b: 2", "c: {}\n")],
        ),
        ("a:\nb: 1\n".into(), vec![at_line_start("a:\nb: 1\n", "b: 1", "c: 2\n")]),
        (
            "a:\n- x\nb: 1\n".into(),
            vec![at_line_start("a:\n- x\nb: 1\n", "b: 1", "c: 2\n")],
        ),
        // The job's `permissions: {}` after `runs-on:`.
        (
            WORKFLOW.into(),
            vec![Edit::insert(
                "f.yml",
                after(WORKFLOW, "runs-on: ubuntu-latest"),
                "\n    permissions: {}",
            )],
        ),
        // With a job's entry and a changed word, in one batch.
        (
            WORKFLOW.into(),
            vec![
                at_line_start(WORKFLOW, "jobs:", "permissions:\n  contents: read\n\n"),
                Edit::insert(
                    "f.yml",
                    after(WORKFLOW, "runs-on: ubuntu-latest"),
                    "\n    timeout-minutes: 60",
                ),
                Edit::replace(
                    "f.yml",
                    TextRange::new(WORKFLOW.find("@v4").unwrap() + 1, WORKFLOW.find("@v4").unwrap() + 3),
                    "v5",
                ),
                at_line_start(WORKFLOW, "needs: build", "    permissions: {}\n"),
            ],
        ),
    ];
    for (source, edits) in cases {
        let (doc, text) = patched_edits(&source, &edits).unwrap_or_else(|| panic!("{edits:?} not patched:\n{source}"));
        assert_same_as_parse(&doc, &text);
        // In place, and put back.
        let original = parse(source.as_bytes());
        let mut tree = original.clone();
        let refs: Vec<&Edit> = edits.iter().collect();
        let (put_back, touched) = apply_in_place(&source, &mut tree, &refs, &text).expect("patched in place");
        assert_same_as_parse(&tree, &text);
        assert!(!touched.paths.is_empty());
        undo(&mut tree, put_back);
        assert!(tree == original, "{edits:?}: the tree put back differs");
    }
    let (_, text) = patched_edits(WORKFLOW, &[at_line_start(WORKFLOW, "jobs:", "permissions: {}\n\n")]).unwrap();
    let refs = [&at_line_start(WORKFLOW, "jobs:", "permissions: {}\n\n")];
    let (_, touched) = apply_touched(WORKFLOW, &parse(WORKFLOW.as_bytes()), &refs, &text).unwrap();
    assert_eq!(touched.paths, [vec![Segment::Key("permissions".into())]]);
    assert!(!touched.expressions);
}

#[test]
fn entries_at_the_start_of_a_line_whose_tree_is_not_known_are_left_to_the_parser() {
    let w = WORKFLOW;
    let jobs = crate::edit::line_start(w, w.find("jobs:").unwrap());
    for (source, edit) in [
        // Before the first entry of a mapping, not at a line's start, not
        // at the column of the entry's key, a key the mapping has.
        (w, Edit::insert("f.yml", 0, "permissions: {}\n")),
        (w, Edit::insert("f.yml", jobs + 1, "permissions: {}\n")),
        (w, at_line_start(w, "jobs:", " permissions: {}\n")),
        (w, at_line_start(w, "needs: build", "  permissions: {}\n")),
        (w, at_line_start(w, "jobs:", "on: {}\n")),
        // Not ending in a line break, a blank line between new entries, a
        // value that is not plain, a flow mapping that is not empty.
        (w, at_line_start(w, "jobs:", "permissions: {}")),
        (w, at_line_start(w, "jobs:", "a: 1\n\nb: 2\n")),
        (w, at_line_start(w, "jobs:", "permissions: 'x'\n")),
        (w, at_line_start(w, "jobs:", "permissions: {a: b}\n")),
        // Before a line of a block scalar, a sequence item, a continued
        // flow sequence; inside a flow mapping.
        (w, at_line_start(w, "          make", "          x: 1\n")),
        (w, at_line_start(w, "    - name: last", "    x: 1\n")),
        (w, at_line_start(w, "      linux]", "      x: 1\n")),
        (
            "a: {b: 1,\n  c: 2}\n",
            at_line_start("a: {b: 1,\n  c: 2}\n", "  c: 2", "  d: 3\n"),
        ),
    ] {
        let refs = [&edit];
        let Ok(text) = crate::fix::apply_edits("f.yml", source, &refs) else {
            continue;
        };
        assert!(
            apply(source, &parse(source.as_bytes()), &refs, &text).is_none(),
            "patched {edit:?} of\n{source}"
        );
    }
}

/// Entries after an entry whose line ends in a comment, the last of its
/// mapping: the mapping (ending before the comment) ends with the new
/// entries, and is put back (it was left patched: found by the property
/// test below).
#[test]
fn entries_after_a_last_entry_with_a_comment_are_put_back() {
    for (source, after_line, new) in [
        ("k0: # c\n", "k0", "\nzz: 1"),
        ("a:\n  b: v # c\nc: 1\n", "  b: v", "\n  zz: {}"),
    ] {
        let edit = Edit::insert("f.yml", after(source, after_line), new);
        let refs = [&edit];
        let text = crate::fix::apply_edits("f.yml", source, &refs).expect("edits apply");
        let original = parse(source.as_bytes());
        let mut tree = original.clone();
        let (put_back, _) = apply_in_place(source, &mut tree, &refs, &text).expect("patched");
        assert_same_as_parse(&tree, &text);
        undo(&mut tree, put_back);
        assert!(tree == original, "{source:?}: the tree put back differs");
    }
}

/// Every line start of every rule fixture, at that line's indentation:
/// whenever entries inserted there are patched, the tree is the parse's.
#[test]
fn on_every_fixture_entries_at_a_line_start_give_the_tree_of_the_parse() {
    let (mut tried, mut patched_count) = (0, 0);
    for path in crate::rules::test_support::rule_fixture_files() {
        let Ok(source) = std::fs::read_to_string(&path) else {
            continue;
        };
        let original = parse(source.as_bytes());
        if !original.errors.is_empty() || original.anchored {
            continue;
        }
        let eol = crate::edit::line_ending(&source);
        let mut tree = original.clone();
        let mut offset = 0;
        while offset < source.len() {
            let column = crate::edit::indent_of_line(&source, offset);
            let pad = " ".repeat(column);
            for new in [
                format!("{pad}zz-new: 60{eol}"),
                format!("{pad}permissions: {{}}{eol}{eol}"),
                format!("{pad}permissions:{eol}{pad}  contents: read{eol}{eol}"),
            ] {
                tried += 1;
                let edit = Edit::insert("f.yml", offset, new);
                let refs = [&edit];
                if patched_then_put_back(&source, &mut tree, &refs).expect("edits apply") {
                    patched_count += 1;
                }
                assert!(tree == original, "{}: put back after {edit:?}", path.display());
            }
            match source[offset..].find('\n') {
                Some(i) => offset += i + 1,
                None => break,
            }
        }
    }
    eprintln!("{patched_count} of {tried} line-start insertions patched");
    assert!(
        patched_count > 1000 && patched_count < tried,
        "{patched_count} of {tried}"
    );
}

proptest::proptest! {
    /// Generated block YAML (nested mappings, sequences at and below their
    /// key's column, block scalars of every chomping, flow values, comments,
    /// blank lines), with entries inserted at the start of a line or at the
    /// end of one, at that line's indentation: whenever the patch takes the
    /// edit, its tree is the parse of the edited text, and the tree patched
    /// in place and put back is the original parse.
    #[test]
    fn generated_documents_with_inserted_entries_give_the_tree_of_the_parse(
        lines in proptest::collection::vec((0usize..4, 0usize..9, 0usize..3), 1..14),
        at in 0usize..14,
        new in 0usize..5,
        line_end in proptest::bool::ANY,
        crlf in proptest::bool::ANY,
    ) {
        let mut src = String::new();
        for (i, (depth, kind, variant)) in lines.iter().enumerate() {
            let pad = " ".repeat(depth * 2);
            let line = match kind {
                0 => format!("{pad}k{i}: v{variant}\n"),
                1 => format!("{pad}k{i}:\n"),
                2 => format!("{pad}- x{variant}\n"),
                3 => format!("{pad}- k{i}: v\n"),
                4 => format!("{pad}k{i}: {}\n{pad}  text\n", ["|", "|+", ">-"][*variant]),
                5 => format!("{pad}# c{i}\n"),
                6 => ["\n", "   \n", "\n\n"][*variant].to_string(),
                7 => format!("{pad}k{i}: {}\n", ["{}", "[a, b]", "{a: 1}"][*variant]),
                _ => format!("{pad}k{i}:{}\n", ["", " # c", " ''"][*variant]),
            };
            src.push_str(&line);
        }
        if crlf {
            src = src.replace('\n', "\r\n");
        }
        let original = parse(src.as_bytes());
        if !original.errors.is_empty() || original.root.is_none() {
            return Ok(());
        }
        let eol = crate::edit::line_ending(&src);
        let starts: Vec<usize> = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .filter(|s| *s < src.len())
            .collect();
        let start = starts[at % starts.len()];
        let pad = " ".repeat(crate::edit::indent_of_line(&src, start));
        let entry = [
            format!("zz: 1{eol}"),
            format!("zz: {{}}{eol}{eol}"),
            format!("zz:{eol}{pad}  y: 2{eol}"),
            format!("permissions:{eol}{pad}  contents: read{eol}{eol}"),
            format!("zz: {{}}{eol}"),
        ][new]
        .clone();
        let edit = if line_end {
            let body = entry.trim_end_matches(eol).to_string();
            Edit::insert("f.yml", crate::edit::line_end(&src, start), format!("{eol}{pad}{body}"))
        } else {
            Edit::insert("f.yml", start, format!("{pad}{entry}"))
        };
        let refs = [&edit];
        let mut tree = original.clone();
        patched_then_put_back(&src, &mut tree, &refs).expect("edits apply");
        proptest::prop_assert!(tree == original);
    }
}

/// template-injection's fix of a one-line plain `run:`: each `${{ }}`
/// replaced by a quoted variable, the variables added in the step's `env:`
/// right after the line; several words of one value, beside other
/// edits. Text that would make a key, a comment, a quoted or flow scalar,
/// or lose its end is left to the parser.
#[test]
fn printable_text_in_a_one_line_plain_value_gives_the_tree_of_the_parse() {
    let src = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Tag\n        run: git tag -f ${{ github.event.inputs.a }} ${{ github.event.inputs.b }}\n      - run: make\t${{ matrix.x }}\n      - uses: x/y@v1\n        with:\n          list: [a, b-c]\n";
    let expr = |s: &str| {
        let at = src.find(s).expect("in the source");
        TextRange::new(at, at + s.len())
    };
    let a = expr("${{ github.event.inputs.a }}");
    let b = expr("${{ github.event.inputs.b }}");
    let env = Edit::insert(
        "f.yml",
        b.end,
        "\n        env:\n          A: ${{ github.event.inputs.a }}\n          B: ${{ github.event.inputs.b }}",
    );
    let tab = expr("${{ matrix.x }}");
    assert!(parse(src.as_bytes()).errors.is_empty());
    for edits in [
        vec![
            Edit::replace("f.yml", a, "\"$A\""),
            Edit::replace("f.yml", b, "\"$B\""),
            env.clone(),
        ],
        vec![Edit::replace("f.yml", b, "'$B' + x")],
        vec![Edit::replace("f.yml", a, "{x}"), Edit::replace("f.yml", b, "a#b")],
        // Text a YAML reader types as a boolean or a number reads as one
        // plain scalar all the same, and the tree keeps text and style, not
        // type (`edit::reads_as_plain`): `timeout-minutes: 10` → `60`.
        vec![Edit::replace("f.yml", expr("x/y@v1"), "true")],
        vec![Edit::replace("f.yml", expr("x/y@v1"), "3.10")],
    ] {
        let (doc, text) = patched_edits(src, &edits).unwrap_or_else(|| panic!("{edits:?} not patched"));
        assert_same_as_parse(&doc, &text);
    }
    let flow = expr("b-c");
    for refused in [
        // A comment, a key, a value ending in `:` or a space, a tab before
        // `#`, a control character, text in a flow sequence, a value that
        // now starts with a quote.
        vec![Edit::replace("f.yml", b, "x #y")],
        vec![Edit::replace("f.yml", b, "x: y")],
        vec![Edit::replace("f.yml", b, "x:")],
        vec![Edit::replace("f.yml", b, "x ")],
        vec![Edit::replace("f.yml", tab, "#x")],
        // Any tab (`edit::reads_as_plain`, the one check of a plain
        // scalar's text).
        vec![Edit::replace("f.yml", tab, "\"$X\"")],
        vec![Edit::replace("f.yml", b, "x\u{7}")],
        vec![Edit::replace("f.yml", flow, "\"$X\"")],
        vec![Edit::replace("f.yml", expr("git tag"), "\"git")],
        // Two words making a key together that neither makes alone.
        vec![
            Edit::replace("f.yml", a, "x:"),
            Edit::replace("f.yml", TextRange::new(a.end, a.end + 1), " "),
        ],
    ] {
        assert!(patched_edits(src, &refused).is_none(), "{refused:?}");
    }
}

proptest::proptest! {
    /// A one-line plain value (in a block mapping, a block sequence or a
    /// flow sequence) with a random run replaced by random printable text:
    /// whenever the patch takes the edit, its tree is the parse's, and the
    /// tree put back is the original.
    #[test]
    fn printable_text_replaced_in_a_plain_value_gives_the_tree_of_the_parse(
        value in "[a-z][a-z0-9 :#$'\"{}.,\\[\\]\t-]{0,14}[a-z]",
        from in 0usize..16,
        len in 0usize..6,
        new in "[a-z0-9 :#$'\"{}.,\\[\\]\t-]{1,6}",
        shape in 0usize..3,
    ) {
        let src = match shape {
            0 => format!("a:\n  b: {value}\n  c: 1\n"),
            1 => format!("a:\n  - {value}\n  - 1\n"),
            _ => format!("a: [{value}, 1]\n"),
        };
        let original = parse(src.as_bytes());
        let start = src.find(&value).unwrap_or(0);
        let s = (start + from).min(start + value.len());
        let e = (s + len).min(start + value.len());
        // Not rejected (generated text often does not parse): skipped.
        if !original.errors.is_empty() || e == s {
            return Ok(());
        }
        let edit = Edit::replace("f.yml", TextRange::new(s, e), new.clone());
        let refs = [&edit];
        let mut tree = original.clone();
        patched_then_put_back(&src, &mut tree, &refs).expect("edits apply");
        proptest::prop_assert!(tree == original);
    }
}
