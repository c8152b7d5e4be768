#![no_main]
//! `actionlint_config`: see `autoheal_fuzz_targets::targets::actionlint_config` (the same
//! logic runs on stable Rust with `cargo xtask fuzz actionlint_config`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::actionlint_config::run(data));
