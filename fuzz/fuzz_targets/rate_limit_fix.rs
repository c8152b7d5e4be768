#![no_main]
//! `rate_limit_fix`: see `autoheal_fuzz_targets::targets::rate_limit_fix` (the same logic runs on
//! stable Rust with `cargo xtask fuzz rate_limit_fix`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::rate_limit_fix::run(data));
