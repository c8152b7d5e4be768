#![no_main]
//! `lsp_failure_store`: see `autoheal_fuzz_targets::targets::lsp_failure_store` (the same logic runs on
//! stable Rust with `cargo xtask fuzz lsp_failure_store`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::lsp_failure_store::run(data));
