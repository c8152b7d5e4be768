//! Intentionally empty. The `autoheal` command is `src/main.rs`; this library
//! target exists only so the package can dev-depend on itself with the
//! `full` feature (see Cargo.toml), which makes `cargo test` build the binary
//! with every command.
