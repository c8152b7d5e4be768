//! autoheal-github's integration tests, one module per file of `tests/`, in one
//! test binary (`Cargo.toml`: `autotests = false`, one `[[test]]`): one link
//! instead of one per file. A new file of tests is a `mod` line below (the
//! root's `tests/architecture.rs` fails when one is missing); run one file's
//! tests with `cargo test -p autoheal-github --test it <file>::`.

// What several files share.
mod common;
mod heal_fixtures;

mod budget;
mod client;
mod copilot;
mod heal;
mod heal_trust;
mod init_templates;
mod learning;
mod learning_rollback;
mod multi;
mod report;
mod stats;
