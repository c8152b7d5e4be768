#![no_main]
//! `lsp_frames`: see `autoheal_fuzz_targets::targets::lsp_frames` (the same logic runs on
//! stable Rust with `cargo xtask fuzz lsp_frames`).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| autoheal_fuzz_targets::targets::lsp_frames::run(data));
