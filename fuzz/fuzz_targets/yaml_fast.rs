#![no_main]
//! `yaml_fast`: see `autoheal_fuzz_targets::targets::yaml_fast` (the same
//! logic runs on stable Rust with `cargo xtask fuzz yaml_fast`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::yaml_fast::run(data));
