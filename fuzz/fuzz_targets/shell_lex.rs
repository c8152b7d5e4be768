#![no_main]
//! `shell_lex`: see `autoheal_fuzz_targets::targets::shell_lex` (the same logic runs on
//! stable Rust with `cargo xtask fuzz shell_lex`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::shell_lex::run(data));
