#![no_main]
//! `github_record`: see `autoheal_fuzz_targets::targets::github_record` (the same logic runs on
//! stable Rust with `cargo xtask fuzz github_record`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::github_record::run(data));
