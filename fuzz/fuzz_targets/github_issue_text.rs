#![no_main]
//! The hidden analysis block parser and the evidence neutralizer on arbitrary text: no
//! panics, neutralized text never holds `<`/`>`, and neutralized evidence never yields a block.

use autoheal_github::issue_text::{EvidenceLimits, decode_analysis, evidence_block, neutralize_line};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = decode_analysis(text);
    let clean = neutralize_line(text, 500);
    assert!(!clean.contains('<') && !clean.contains('>'));
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let block = evidence_block(&lines, EvidenceLimits::default());
    assert!(decode_analysis(&block).is_none());
});
