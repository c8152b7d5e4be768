#![no_main]
//! `config`: see `autoheal_fuzz_targets::targets::config` (the same logic runs on
//! stable Rust with `cargo xtask fuzz config`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::config::run(data));
