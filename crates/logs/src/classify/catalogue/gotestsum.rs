//! gotestsum, which runs `go test -json` and prints its own summary.
//!
//! Source: gotest.tools/gotestsum's `testjson/format.go` (the `pkgname`
//! format's per-package lines: `✓  {pkg} ({t})` passed, `✖  {pkg} ({t})`
//! failed, `∅  {pkg}` no tests) and `testjson/summary.go`: after the run,
//! `=== Failed` (then `=== Errors`, `=== Skipped`) sections, each failed test
//! as `=== FAIL: {pkg} {Test} ({t})` (`(re-run {n})` before the elapsed time
//! when `--rerun-fails` ran it again) followed by the test's output, then
//! `DONE {n} tests[, {s} skipped][, {f} failure(s)][, {e} error(s)] in {t}`.
//! The test's own output, under its `=== FAIL:` line, is Go's (`--- FAIL`
//! is not repeated; the race detector's `WARNING: DATA RACE` report and
//! `testing.go:{n}: race detected during execution of test` are).
//!
//! As for `go test` (`go.rs` reads its `--- FAIL:` line), the failed test's
//! line is where the failure is located; the package mark and the `DONE`
//! count only repeat it.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "gotestsum/failed-test",
        grammar: "=== FAIL: {pkg} {Test} [(re-run {n}) ]({t})",
        needles: &["=== FAIL: "],
        check: failed_test,
        examples: &[ex(
            "=== FAIL: internal/cache TestLRU_ConcurrentPut (0.03s)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "gotestsum/package-mark",
        grammar: "✖  {pkg} ({t}) (the pkgname format's failed package)",
        needles: &["✖  "],
        check: package_mark,
        examples: &[ex("✖  internal/cache (1.318s)", Category::Unknown, None)],
    },
    Entry {
        id: "gotestsum/done",
        grammar: "DONE {n} tests[, {s} skipped], {f} failure(s)[, {e} error(s)] in {t}",
        needles: &["DONE "],
        check: done,
        examples: &[ex("DONE 212 tests, 1 failure in 14.532s", Category::Unknown, None)],
    },
];

fn failed_test(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^=== FAIL: (\S+) (\S+)? ?(?:\(re-run \d+\) )?\([\d.]+s\)$").captures(line.text.trim())?;
    let what = match c.get(2) {
        Some(test) => format!("the test {} in {}", test.as_str(), &c[1]),
        None => format!("the package {}", &c[1]),
    };
    Some(Hit::blocker(format!(
        "{what} failed (gotestsum's `=== FAIL:`; its output follows): a test failure, which needs a person."
    )))
}

fn package_mark(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^✖  \S+ \([\d.]+s\)$")
        .is_match(line.text.trim())
        .then(|| Hit::summary("gotestsum marks a package whose tests failed; the failed tests follow.").weak())
}

fn done(line: &Line<'_>) -> Option<Hit> {
    regex!(
        r"^DONE \d+ tests?(?:, \d+ skipped)?(?:, [1-9]\d* failures?|, [1-9]\d* errors?)(?:, \d+ errors?)? in [\d.]+m?s$"
    )
    .is_match(line.text.trim())
    .then(|| Hit::summary("gotestsum counted failed tests or build errors; each is listed above.").weak())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_failed_test_is_the_finding_and_the_marks_repeat_it() {
        for text in [
            "=== FAIL: internal/cache TestLRU_ConcurrentPut (0.03s)",
            "=== FAIL: . TestParse/empty_input (0.00s)",
            "=== FAIL: pkg/api TestServe (re-run 1) (0.21s)",
        ] {
            let hit = failed_test(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
        }
        for text in ["✖  internal/cache (1.318s)", "DONE 212 tests, 1 failure in 14.532s"] {
            let hit = package_mark(&Line::plain(text))
                .or_else(|| done(&Line::plain(text)))
                .expect(text);
            assert_eq!(hit.strength, Strength::Weak, "{text}");
        }
        crate::classify::catalogue::assert_reads(done, &[], &["DONE 212 tests in 14.532s"]);
        crate::classify::catalogue::assert_reads(
            failed_test,
            &[],
            &[
                "--- FAIL: TestLRU_ConcurrentPut (0.03s)",
                "=== RUN   TestLRU_ConcurrentPut",
            ],
        );
    }
}
