#![no_main]
//! `lint`: see `autoheal_fuzz_targets::targets::lint` (the same logic runs on
//! stable Rust with `cargo xtask fuzz lint`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::lint::run(data));
