//! The fast YAML reader against saphyr on any text (review81 L1): whenever
//! the fast reader reads a text, saphyr must build the same tree, with the
//! same ranges, errors and anchors; declining (`None`) is always allowed.
//! Debug builds check this on every parse, but release fuzz builds do not
//! run that assertion, so this target is where the fuzzer looks for a
//! difference.

use autoheal_engine::yaml;

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    assert_ne!(
        yaml::fast_reader_agrees(text),
        Some(false),
        "the fast YAML reader and saphyr disagree on:\n{text}"
    );
}

/// Tokens at the reader's edges: the indicators a plain scalar may or may
/// not start with, spaces before a key's colon, block scalar headers and
/// their indentation, quotes and escapes, flow punctuation, non-ASCII text.
pub const DICTIONARY: &[&str] = &[
    "on: push\n",
    "jobs:\n",
    "  build:\n",
    "    steps:\n",
    "      - run: ",
    "      - uses: ",
    "    with:\n",
    "key: value\n",
    "- ",
    "-",
    "? ",
    "?",
    ": ",
    ":",
    "  : ",
    " #",
    "#",
    "|\n",
    "|-\n",
    ">\n",
    ">-\n",
    "|+\n",
    "|2\n",
    "\n",
    "\n  ",
    "\n    ",
    "\n      ",
    "\n   \n",
    "\n  # c\n",
    "[",
    "]",
    "[\n  ",
    ",\n  ",
    "\n]",
    "{",
    "}",
    ", ",
    "'",
    "''",
    "\"",
    "\\\"",
    "\\n",
    "\\t",
    "\\u00e9",
    "\\x41",
    "${{ ",
    " }}",
    "&a ",
    "*a",
    "!!str ",
    "---\n",
    "...\n",
    "~",
    "null",
    "<<: ",
    "\t",
    "\r\n",
    "\u{feff}",
    "é",
    "ẞ",
    "😀",
    "\u{a0}",
    "\u{2028}",
    "\u{85}",
];

/// The workflow seeds the other YAML targets share, shapes at the reader's
/// edges, and the rule fixtures this repository wrote (read when present:
/// `cargo xtask fuzz` and `cargo test` run inside the checkout).
pub fn seeds() -> Vec<Vec<u8>> {
    let mut seeds = super::yaml_dict::workflow_seeds();
    let edges: &[&str] = &[
        "name: CI\non:\n  push:\n    branches: [ main, 'rel/*' ]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n    - uses: actions/checkout@v4\n      with:\n        fetch-depth: 0\n    - run: |\n        echo a\n\n          indented\n        # not a comment\n      shell: bash\n",
        "k: \"a\\tb \\\"q\\\" \\\\ \\/ \\u00e9\"   # c\nl: 'it''s'  \n\"q k\"  : v\n'on': [pull_request_target]  # c\n",
        "run: >-\n  folded\n    more indented\n  line\n\n  para\nclip: >\n  x\n",
        "m: {a: b, \"c\" : [1, {d: e}] , f: 'g'}\ns: []\nt: {}\nu: [ a:b, http://x ]\n",
        "- a\n- b: c\n  d:\n  - e\n- |\n  f\n",
        "Key : value\nÜber: ✓ done\n-a: -b\n?x: ?y\n:z: :w\nk: a - b\n",
        "a: plain\n  continued\n  lines\nb: x\n",
        "run: |\n  a\n  \n   \n  b\n",
        "env:\n  A: ${{ github.event.issue.title }}\n  B: '${{ secrets.X }}'\n",
        // Flow collections over several lines (below their key, as items,
        // nested, closing at or left of their parent's column).
        "matrix:\n  os:\n    [\n      ubuntu-22.04,\n      \"macos-latest\"\n    ]\n  include:\n    - {\n        os: linux,\n\n        arch: 'x86-64'\n      }  # c\n    - [a, [b,\n        c], {d: e,\n       f: [g]}\n      ]\n",
        "needs: [\n    a,\n    b\n]\nk: [a,\n  b\n  c]\n",
    ];
    seeds.extend(edges.iter().map(|t| t.as_bytes().to_vec()));
    let rules = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../engine/tests/rules");
    let mut fixtures: Vec<std::path::PathBuf> = std::fs::read_dir(rules)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .flat_map(|rule| {
            std::fs::read_dir(rule.path())
                .into_iter()
                .flatten()
                .filter_map(|e| e.ok())
        })
        .map(|f| f.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    fixtures.sort();
    seeds.extend(fixtures.iter().filter_map(|f| std::fs::read(f).ok()));
    seeds
}
