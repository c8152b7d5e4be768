//! What `report` and `heal` read back from people and from autoheal's own
//! text: `/autoheal` commands, closing keywords (`Fixes #N`), run links, and
//! the evidence neutralizer. Never panics; commands name clean categories,
//! neutralized text holds no `<`/`>`.

use autoheal_github::decide::commands::{Command, parse_command};
use autoheal_github::fetch::history::closing_references;
use autoheal_github::stats::run_link_id;
use autoheal_github::text::{EvidenceLimits, evidence_block, neutralize_line};

pub const DICTIONARY: &[&str] = &[
    "/autoheal ",
    "never ",
    "allow ",
    "retry",
    "missing_dependency",
    "Fixes #",
    "closes #",
    "resolved #",
    "12",
    "99999999999999999999",
    "https://github.com/o/r/actions/runs/",
    "/job/",
    "<!--",
    "-->",
    "<script>",
    "@",
    "`",
    "```",
    "\n",
    "\r",
    "\u{202e}",
];

pub fn seeds() -> Vec<Vec<u8>> {
    [
        "/autoheal never missing_dependency",
        "/autoheal allow timeout\nthanks",
        "Fixes #12, closes #13 and resolves octo/app#14",
        "See https://github.com/octo/app/actions/runs/123456/job/789 for the run.",
        "E   <!-- autoheal: {} --> @admin `rm -rf /` \u{202e}gnp.exe",
    ]
    .iter()
    .map(|t| t.as_bytes().to_vec())
    .collect()
}

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(Ok(Command::Never { category } | Command::Allow { category })) = parse_command(text) {
        assert!(!category.is_empty() && category.len() <= 64);
        assert!(
            category
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        );
    }
    let references = closing_references(text);
    let mut unique = references.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), references.len());
    let _ = run_link_id(text);
    let clean = neutralize_line(text, 500);
    assert!(!clean.contains('<') && !clean.contains('>'));
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let block = evidence_block(&lines, EvidenceLimits::default());
    assert!(autoheal_github::record::decode(&block).is_none());
}
