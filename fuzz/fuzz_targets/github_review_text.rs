#![no_main]
//! The parsers that read reviewers' and autoheal's own text back: `/autoheal` commands, closing
//! keywords (`Fixes #N`) and repeat-run links. No panics; categories are always clean names.

use autoheal_github::commands::{Command, parse_command};
use autoheal_github::history::closing_references;
use autoheal_github::stats::run_link_id;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(Ok(Command::Never { category } | Command::Allow { category })) = parse_command(text) {
        assert!(!category.is_empty() && category.len() <= 64);
        assert!(category.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'));
    }
    let references = closing_references(text);
    let mut unique = references.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), references.len());
    let _ = run_link_id(text);
});
