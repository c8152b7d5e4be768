//! The root package's integration tests, one module per file of `tests/`, in
//! one test binary (`Cargo.toml`: `autotests = false`, one `[[test]]`).
//!
//! One binary instead of one per file: each binary linked the whole tree
//! again (most of a clean `cargo test`'s link time), and cargo runs binaries
//! one after another, so a test that waits (the hanging shellcheck's
//! deadline in `hostile`) held up every file after it; here it waits beside
//! the others. A new file of tests is a `mod` line below;
//! `tests/architecture.rs` fails when a file of `tests/` is missing here.
//! Run one file's tests with `cargo test --test it check::`.

// What several files share.
mod failure_logs;
#[path = "../crates/github/tests/heal_fixtures/mod.rs"]
mod heal_fixtures;
mod support;

mod architecture;
mod check;
mod cli;
mod diagnose;
mod docs_commands;
mod docs_facts;
mod fix_shapes;
mod fix_traps;
mod heal;
mod hostile;
mod lsp_stdio;
