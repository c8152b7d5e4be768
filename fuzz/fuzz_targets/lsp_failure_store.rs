#![no_main]
//! `.autoheal/failures/` records against arbitrary workflow text: parsing
//! and re-mapping never panic, and mapped ranges lie inside the text.

use autoheal_engine::text::LineIndex;
use autoheal_engine::yaml;
use autoheal_lsp::failure_store::{map_run, parse_run};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|b| *b == 0).unwrap_or(data.len());
    let (Ok(record), Ok(workflow)) = (
        std::str::from_utf8(&data[..split]),
        std::str::from_utf8(data.get(split + 1..).unwrap_or(&[])),
    ) else {
        return;
    };
    let Ok(run) = parse_run(record) else { return };
    let doc = yaml::parse(workflow.as_bytes());
    for f in map_run(&run, workflow, &LineIndex::new(workflow), &doc) {
        assert!(f.range.start <= f.range.end && f.range.end <= workflow.len());
        assert!(workflow.is_char_boundary(f.range.start) && workflow.is_char_boundary(f.range.end));
    }
});
