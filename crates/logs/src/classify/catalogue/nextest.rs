//! cargo-nextest, the Rust test runner.
//!
//! Source: nextest-runner's reporter (`src/reporter/displayer.rs`): one
//! status line per test as it ends (`        PASS [{t}] {binary} {test}`,
//! `FAIL`, `TIMEOUT`, `SIGSEGV`, `SIGABRT`, `LEAK`, …), the captured output
//! of a failed test under `--- STDOUT:  {binary} {test} ---` and `---
//! STDERR: …` headings (newer releases draw `──── STDOUT:`), then after a
//! separator `     Summary [{t}] {n} test[s] run: {p} passed[ ({k}
//! flaky)], {f} failed[, {x} timed out]…, {s} skipped`, the failed tests'
//! status lines again, and `error: test run failed` (exit code 100).
//!
//! Nextest runs every test in a process of its own, a libtest harness with
//! a filter, so the captured output holds libtest's own `test result:
//! FAILED. 0 passed; 1 failed; …` for that one test: it is a quote of the
//! test's process, not the run's outcome (read as weak in a step that runs
//! nextest, ahead of `python.rs`'s and `cargo.rs`'s
//! readings of it). The summary decides, as for the other test
//! runners (`dotnet.rs`): a blocker located there. Tests that nextest's own
//! `slow-timeout` ended are counted `timed out`: not the job's time limit.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "nextest/summary",
        grammar: "Summary [{t}] {n} test[s] run: {p} passed[ ({k} flaky)], {f} failed[, {x} timed out], {s} skipped",
        needles: &["Summary ["],
        check: summary,
        examples: &[ex(
            "     Summary [   3.412s] 186 tests run: 185 passed, 1 failed, 2 skipped",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "nextest/status-or-trailer",
        grammar: "{FAIL|TIMEOUT|SIGSEGV|SIGABRT|SIGKILL|LEAK-FAIL} [{t}] {binary} {test} | error: test run failed | \
                  test result: FAILED. … (libtest's line in a test's captured output, in a step that runs nextest)",
        needles: &[
            "FAIL [",
            "TIMEOUT [",
            "SIGSEGV [",
            "SIGABRT [",
            "SIGKILL [",
            "SIGBUS [",
            "error: test run failed",
            "test result: FAILED",
        ],
        check: status_or_trailer,
        examples: &[ex(
            "        FAIL [   0.044s] quill-render html::tests::escapes_attribute_quotes",
            Category::Unknown,
            None,
        )],
    },
];

/// libtest's own result line under a step that runs nextest is the captured
/// output of one test's process: a quote (its `1 failed;` reads like a
/// runner's count to `python.rs` and `cargo.rs`, which come later).
fn captured_libtest_result(line: &Line<'_>) -> Option<Hit> {
    (line.text.trim_start().starts_with("test result: FAILED") && runs_nextest(line.script)).then(|| {
        Hit::summary("libtest's result of one test, as cargo-nextest captured it; its summary decides.").weak()
    })
}

fn summary(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Summary \[\s*[\d.]+s\] (\d+) tests? run: (.+)$").captures(line.text.trim())?;
    let counts = &c[2];
    let count = |word: &str| -> u64 {
        regex!(r"(\d+) (failed|timed out|exec failed|leaky)")
            .captures_iter(counts)
            .filter(|m| &m[2] == word)
            .filter_map(|m| m[1].parse::<u64>().ok())
            .sum()
    };
    let (failed, timed_out) = (count("failed") + count("exec failed"), count("timed out"));
    if failed == 0 && timed_out == 0 {
        return None;
    }
    let mut parts = Vec::new();
    if failed > 0 {
        parts.push(format!("{failed} failed"));
    }
    if timed_out > 0 {
        parts.push(format!(
            "{timed_out} timed out under nextest's own `slow-timeout` (not the job's time limit)"
        ));
    }
    Some(Hit::blocker(format!(
        "cargo-nextest ran {} tests: {}; the failed tests' output is above the summary (test failures need a person).",
        &c[1],
        parts.join(", ")
    )))
}

fn status_or_trailer(line: &Line<'_>) -> Option<Hit> {
    if let Some(hit) = captured_libtest_result(line) {
        return Some(hit);
    }
    let text = line.text.trim();
    let status = regex!(r"^(?:FAIL|TIMEOUT|SIG[A-Z]+|LEAK-FAIL|ABORT) \[\s*[>\d.]+s\] \S+ \S+").is_match(text);
    (status || text == "error: test run failed")
        .then(|| Hit::summary("cargo-nextest's status of a test that did not pass; its summary decides.").weak())
}

/// Whether a step's script runs nextest (whose per-test processes print
/// libtest's own results, which are then read as quotes): nextest's documented
/// invocations, `cargo nextest …` (`cargo +{toolchain} nextest …`), cargo's
/// own call of the binary, `cargo-nextest nextest …`, and cargo-llvm-cov's
/// `cargo llvm-cov [--flags] nextest` (nextest's coverage integration). Not
/// a script that only installs it (`cargo install cargo-nextest`, `cargo
/// binstall cargo-nextest`) and runs `cargo test`: libtest's result line is
/// then the run's own outcome.
pub(crate) fn runs_nextest(script: &str) -> bool {
    regex!(r"(?m)(?:^|[\s;&|(/])(?:cargo(?:\s+\+\S+)?(?:\s+llvm-cov(?:\s+--?[\w-]+)*)?|cargo-nextest)\s+nextest\b")
        .is_match(script)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_summary_decides_and_the_status_lines_repeat_it() {
        let failed = summary(&Line::plain(
            "     Summary [   3.412s] 186 tests run: 185 passed, 1 failed, 2 skipped",
        ))
        .expect("failed");
        assert_eq!(
            (failed.category, failed.strength),
            (Category::Unknown, Strength::Blocker)
        );
        assert!(failed.message.contains("1 failed"), "{}", failed.message);
        let timed_out = summary(&Line::plain(
            "     Summary [ 184.311s] 212 tests run: 211 passed, 1 timed out, 3 skipped",
        ))
        .expect("timed out");
        assert!(
            timed_out.message.contains("not the job's time limit"),
            "{}",
            timed_out.message
        );
        crate::classify::catalogue::assert_reads(
            summary,
            &[],
            &[
                "     Summary [   2.001s] 40 tests run: 40 passed, 0 skipped",
                "     Summary [   2.001s] 40 tests run: 40 passed (1 flaky), 0 skipped",
            ],
        );
        for text in [
            "        FAIL [   0.044s] quill-render html::tests::escapes_attribute_quotes",
            "     TIMEOUT [ 180.004s] tidepool-core sync::tests::soak_reconnects",
            "     SIGSEGV [   0.301s] ffi-sys tests::null_handle",
            "error: test run failed",
        ] {
            let hit = status_or_trailer(&Line::plain(text)).expect(text);
            assert_eq!(hit.strength, Strength::Weak, "{text}");
        }
        let captured = Line {
            script: "cargo nextest run --workspace --locked",
            ..Line::plain(
                "test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 97 filtered out; finished in 0.01s",
            )
        };
        assert_eq!(
            captured_libtest_result(&captured).map(|h| h.strength),
            Some(Strength::Weak)
        );
        let plain_cargo_test = Line {
            script: "cargo test --workspace",
            ..captured
        };
        assert!(captured_libtest_result(&plain_cargo_test).is_none());
        assert!(runs_nextest("cargo nextest run --workspace --locked"));
        assert!(runs_nextest("cargo +nightly nextest run"));
        assert!(runs_nextest("set -e\ncargo llvm-cov --no-report nextest --workspace"));
        assert!(runs_nextest("cargo-nextest nextest run --profile ci"));
        assert!(!runs_nextest("cargo test --workspace"));
        // Installing nextest is not running it: `cargo test`'s own result
        // line then decides.
        for script in [
            "cargo install cargo-nextest --locked\ncargo test --workspace",
            "cargo binstall -y cargo-nextest && cargo test",
            "echo cargo-nextest is not used here; cargo test",
        ] {
            assert!(!runs_nextest(script), "{script}");
            let installs_only = Line { script, ..captured };
            assert!(captured_libtest_result(&installs_only).is_none(), "{script}");
        }
    }
}
