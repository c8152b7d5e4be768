#![no_main]
//! Parse and lint arbitrary bytes as a workflow and as an action: never panic,
//! every range inside the input.

use autoheal_engine::config::Config;
use autoheal_engine::lint::{LintOptions, lint};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let config = Config::default();
    let opts = LintOptions::new(&config);
    for path in [".github/workflows/f.yml", "action.yml"] {
        for d in lint(path, data, &opts) {
            assert!(d.range.end <= data.len());
        }
    }
});
