#![no_main]
//! `logs_zip`: see `autoheal_fuzz_targets::targets::logs_zip` (the same logic runs on
//! stable Rust with `cargo xtask fuzz logs_zip`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::logs_zip::run(data));
