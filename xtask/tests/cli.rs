//! The `xtask` command line. Having an integration test also makes `cargo
//! test --workspace` build the `xtask` binary with the features the rest of
//! the workspace's test build resolved, which `.ci/run` then runs directly:
//! `cargo run -p xtask` resolved features for `xtask` alone, so serde,
//! serde_json and nearly every crate above them compiled a second time.

use std::process::Command;

fn xtask(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .env(
            "AUTOHEAL_CORPUS",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-such-corpus"),
        )
        .output()
        .expect("run xtask")
}

#[test]
fn no_command_or_an_unknown_one_prints_the_usage_and_exits_2() {
    for args in [&[][..], &["frobnicate"], &["evaluate", "logs"]] {
        let out = xtask(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.starts_with("usage: cargo xtask <command>"), "{args:?}: {stderr}");
        assert!(stderr.contains("eval logs [SET]"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_command_that_needs_the_corpus_skips_without_it() {
    for args in [
        &["eval", "logs"][..],
        &["eval", "corpus"],
        &["gen", "actions", "--check"],
    ] {
        let out = xtask(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            stderr.contains("xtask: corpus not found at ") && stderr.contains("no-such-corpus"),
            "{args:?}: {stderr}"
        );
    }
}
