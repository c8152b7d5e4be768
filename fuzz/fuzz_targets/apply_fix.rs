#![no_main]
//! `apply_fix`: see `autoheal_fuzz_targets::targets::apply_fix` (the same logic runs on
//! stable Rust with `cargo xtask fuzz apply_fix`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::apply_fix::run(data));
