//! autoheal-fixes's integration tests, one module per file of `tests/`, in one
//! test binary (`Cargo.toml`: `autotests = false`, one `[[test]]`): one link
//! instead of one per file. A new file of tests is a `mod` line below (the
//! root's `tests/architecture.rs` fails when one is missing); run one file's
//! tests with `cargo test -p autoheal-fixes --test it <file>::`.

mod doubtful_moves;
mod multiline_args;
mod properties;
mod rate_limit_provenance;
mod refusal_loop;
mod shapes;
mod workflow_variants;
mod written_paths;
