#![no_main]
//! `fixes_apply`: see `autoheal_fuzz_targets::targets::fixes_apply` (the same logic runs on
//! stable Rust with `cargo xtask fuzz fixes_apply`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::fixes_apply::run(data));
