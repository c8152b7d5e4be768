#![no_main]
//! `expr_parse`: see `autoheal_fuzz_targets::targets::expr_parse` (the same logic runs on
//! stable Rust with `cargo xtask fuzz expr_parse`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::expr_parse::run(data));
