#![no_main]
//! `cron`: see `autoheal_fuzz_targets::targets::cron` (the same logic runs on
//! stable Rust with `cargo xtask fuzz cron`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::cron::run(data));
