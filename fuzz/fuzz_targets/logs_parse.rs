#![no_main]
//! `logs_parse`: see `autoheal_fuzz_targets::targets::logs_parse` (the same logic runs on
//! stable Rust with `cargo xtask fuzz logs_parse`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::logs_parse::run(data));
