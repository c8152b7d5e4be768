//! Julia and its package manager, Pkg.
//!
//! Sources: Pkg's resolver (`Pkg.Resolve`, `ResolverError`): `ERROR:
//! Unsatisfiable requirements detected for package {name} [{uuid}]:` above
//! its `├─possible versions are: …` / `restricted to versions … — no versions
//! left` log; the `Test` standard library (`stdlib/Test/src/Test.jl`): a
//! result's `show` prints `Test Failed at {file}:{line}` (with `Expression: …`
//! / `Evaluated: …` under it) or `Error During Test at {file}:{line}` (`{file}`
//! is `none` for code with no file), and a `@testset` (`DefaultTestSet`'s
//! `record`) prints its description and `: ` before it, so inside a test set
//! the line is `{testset}: Test Failed at {file}:{line}`; the outermost test
//! set then prints its table (`print_test_results`: `Test Summary:` padded,
//! ` | `, and the column heads `Pass`, `Fail`, `Error`, `Broken`, `Total`,
//! `Time`, each present only when counted, so a `Fail` or `Error` head means
//! a failure) and throws `Some tests did not pass: {n} passed, {n} failed,
//! {n} errored, {n} broken.` (`TestSetException`); a `@test` outside any test
//! set throws `There was an error during testing` (`FallbackTestSetException`).
//! `Pkg.test` prints them after `ERROR: LoadError: ` (its run of
//! `runtests.jl`) and ends with `ERROR: Package {name} errored during testing`,
//! sometimes with ` ({reason})`. A failed test is a code failure: like every
//! test framework's report in the catalogue, never fixed (`unknown`).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "julia/unsatisfiable-requirements",
        grammar: "ERROR: Unsatisfiable requirements detected for package {name} [{uuid}]:",
        needles: &["Unsatisfiable requirements detected for package"],
        check: unsatisfiable,
        examples: &[ex(
            "ERROR: Unsatisfiable requirements detected for package StaticArrays [90137ffa]:",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "julia/test-failed",
        grammar: "[{testset}: ]{Test Failed|Error During Test} at {file}:{line}",
        needles: &["Test Failed at ", "Error During Test at "],
        check: test_failed,
        examples: &[
            ex(
                "Test Failed at /home/runner/work/Kalman.jl/Kalman.jl/test/runtests.jl:41",
                Category::Unknown,
                None,
            ),
            ex(
                "smoother: Error During Test at /home/runner/work/Kalman.jl/Kalman.jl/test/smoother.jl:18",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "julia/tests-did-not-pass",
        grammar: "[ERROR: LoadError: ]Some tests did not pass: {n} passed, {n} failed, {n} errored, {n} broken. | \
                  [ERROR: LoadError: ]There was an error during testing | ERROR: Package {name} errored during \
                  testing[ ({reason})]",
        needles: &[
            "Some tests did not pass",
            "There was an error during testing",
            "errored during testing",
        ],
        check: tests_did_not_pass,
        examples: &[
            ex(
                "ERROR: LoadError: Some tests did not pass: 40 passed, 1 failed, 0 errored, 0 broken.",
                Category::Unknown,
                None,
            ),
            ex("ERROR: Package Kalman errored during testing", Category::Unknown, None),
        ],
    },
    Entry {
        id: "julia/test-summary",
        grammar: "Test Summary:{padding} | [Pass  ][Fail  ][Error  ][Broken  ]Total  [Time] (a Fail or Error column)",
        needles: &["Test Summary:"],
        check: test_summary,
        examples: &[ex("Test Summary: | Pass  Fail  Total  Time", Category::Unknown, None)],
    },
];

fn unsatisfiable(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:ERROR: )?(?:LoadError: )?Unsatisfiable requirements detected for package \S+ \[[0-9a-f]{8}\]:")
        .is_match(line.text.trim_start())
        .then(|| {
            Hit::install_failure(
                "Julia's package manager found no versions that satisfy the project's requirements together \
                 (the `restricted …` lines below say which): a person changes a [compat] bound.",
            )
        })
}

fn test_failed(line: &Line<'_>) -> Option<Hit> {
    // The test set's description is free text (it may hold `: ` itself), so
    // the report is read from the line's end: `Test Failed at`, a location,
    // nothing after it.
    regex!(r"(?:^|: )(?:Test Failed|Error During Test) at [^\s:][^\s]*:\d+$")
        .is_match(line.text.trim())
        .then(|| Hit::blocker("A Julia test failed (the Test standard library's report): a code failure, not fixed."))
}

fn tests_did_not_pass(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let failed = regex!(r"^(?:ERROR: )?(?:LoadError: )?Some tests did not pass: \d+ passed, \d+ failed").is_match(text)
        || regex!(r"^(?:ERROR: )?(?:LoadError: )?There was an error during testing$").is_match(text)
        || regex!(r"^ERROR: Package \S+ errored during testing(?: \([^()]*\))?$").is_match(text);
    failed.then(|| Hit::summary("Julia's tests failed (the Test standard library's summary)."))
}

/// The head of the outermost test set's table: a `Fail` or `Error` column
/// is printed only when there is one to count.
fn test_summary(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"^Test Summary:\s*\|((?:\s+(?:Pass|Fail|Error|Broken|Total|Time))+)\s*$").captures(line.text.trim())?;
    c[1].split_whitespace()
        .any(|head| matches!(head, "Fail" | "Error"))
        .then(|| Hit::summary("Julia's tests failed (the Test standard library's summary table)."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkg_and_test_messages() {
        crate::classify::catalogue::assert_reads(
            unsatisfiable,
            &["ERROR: LoadError: Unsatisfiable requirements detected for package FileIO [5789e2e9]:"],
            &["echo Unsatisfiable requirements detected for package X"],
        );
        crate::classify::catalogue::assert_reads(
            test_failed,
            &["Error During Test at D:\\a\\Kalman.jl\\Kalman.jl\\test\\runtests.jl:12"],
            &["Test Failed at the end"],
        );
        crate::classify::catalogue::assert_reads(
            tests_did_not_pass,
            &["Some tests did not pass: 3 passed, 0 failed, 1 errored, 0 broken."],
            &["Some tests did not pass yet"],
        );
    }

    #[test]
    fn reports_inside_a_test_set_carry_its_description() {
        crate::classify::catalogue::assert_reads(
            test_failed,
            &[
                "filter step: Test Failed at /home/runner/work/Kalman.jl/Kalman.jl/test/filter.jl:41",
                "smoother: Error During Test at D:\\a\\Kalman.jl\\Kalman.jl\\test\\smoother.jl:18",
                // A description with `: ` in it, and code with no file.
                "parse: dates: Test Failed at none:3",
            ],
            &[
                "filter step: Test Failed at the end",
                "Test Failed at /home/runner/work/a/a/test/x.jl:41 (retrying)",
                "echo Test Failed at x.jl:1",
            ],
        );
    }

    #[test]
    fn the_summary_table_and_final_errors_are_summaries() {
        crate::classify::catalogue::assert_reads(
            test_summary,
            &[
                "Test Summary: | Pass  Fail  Total  Time",
                "Test Summary:                  | Pass  Error  Total     Time",
                "Test Summary: | Fail  Total",
            ],
            &[
                "Test Summary: | Pass  Total  Time",
                "Test Summary:   | Pass  Broken  Total",
                "Test Summary: 3 failed",
            ],
        );
        crate::classify::catalogue::assert_reads(
            tests_did_not_pass,
            &[
                "ERROR: LoadError: There was an error during testing",
                "ERROR: Package Kalman errored during testing",
                "ERROR: Package Kalman errored during testing (received signal: KILL)",
            ],
            &[
                "Package Kalman errored during testing",
                "ERROR: Package Kalman errored during testing today",
            ],
        );
        let hit = test_summary(&Line::plain("Test Summary: | Pass  Fail  Total  Time")).expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
    }
}
