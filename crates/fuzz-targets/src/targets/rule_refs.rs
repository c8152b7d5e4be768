//! The glob validator and the `uses:`/workflow-call reference parsers never
//! panic, and glob problems point inside the pattern.

use autoheal_engine::rules::glob::{GlobKind, validate};

pub const DICTIONARY: &[&str] = &[
    "actions/checkout@",
    "v4",
    "./",
    "../",
    ".github/workflows/",
    ".yml",
    "@main",
    "docker://",
    "alpine:3",
    "**",
    "*",
    "?",
    "[",
    "]",
    "!",
    "+",
    "refs/heads/",
    "~",
    "^",
    ":",
    "\\",
    "${{ ",
    " }}",
    "/",
];

pub fn seeds() -> Vec<Vec<u8>> {
    [
        "actions/checkout@v4",
        "github/codeql-action/init@0123456789abcdef0123456789abcdef01234567",
        "./.github/workflows/reusable.yml",
        "octo/repo/.github/workflows/r.yml@refs/tags/v1",
        "docker://ghcr.io/o/i:1.0@sha256:abc",
        "refs/heads/release/**",
        "!**/*.md",
        "[unclosed",
        "${{ matrix.action }}@v1",
    ]
    .iter()
    .map(|t| t.as_bytes().to_vec())
    .collect()
}

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for kind in [GlobKind::Ref, GlobKind::Path, GlobKind::Plain] {
        for p in validate(text, kind) {
            assert!(p.offset + p.len <= text.len().max(1));
            assert!(text.is_char_boundary(p.offset.min(text.len())));
        }
    }
    let _ = autoheal_engine::rules::action::parse_action_ref(text);
    let _ = autoheal_engine::rules::action::ref_major(text);
    let _ = autoheal_engine::rules::workflow_call::parse_workflow_ref(text);
    let _ = autoheal_engine::rules::workflow_call::call_spec(text);
    let _ = autoheal_engine::rules::action::action_inputs(text);
    assert_eq!(autoheal_engine::external::mask_expressions(text).len(), text.len());
}
