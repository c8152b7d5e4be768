#![no_main]
//! `rule_refs`: see `autoheal_fuzz_targets::targets::rule_refs` (the same logic runs on
//! stable Rust with `cargo xtask fuzz rule_refs`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::rule_refs::run(data));
