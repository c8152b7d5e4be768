#![no_main]
//! `github_text`: see `autoheal_fuzz_targets::targets::github_text` (the same logic runs on
//! stable Rust with `cargo xtask fuzz github_text`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::github_text::run(data));
