//! Julia and its package manager, Pkg.
//!
//! Sources: Pkg's resolver (`Pkg.Resolve`, `ResolverError`): `ERROR:
//! Unsatisfiable requirements detected for package {name} [{uuid}]:` above
//! its `├─possible versions are: …` / `restricted to versions … — no versions
//! left` log; the `Test` standard library: `Test Failed at {file}:{line}`
//! with `Expression: …` / `Evaluated: …` under it, `Error During Test at
//! {file}:{line}`, and `Some tests did not pass: {n} passed, {n} failed, {n}
//! errored, {n} broken.` when a test set fails (after `ERROR: LoadError: ` in
//! `Pkg.test`'s run of `runtests.jl`).

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
        grammar: "{Test Failed|Error During Test} at {file}:{line}",
        needles: &["Test Failed at ", "Error During Test at "],
        check: test_failed,
        examples: &[ex(
            "Test Failed at /home/runner/work/Kalman.jl/Kalman.jl/test/runtests.jl:41",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "julia/tests-did-not-pass",
        grammar: "[ERROR: LoadError: ]Some tests did not pass: {n} passed, {n} failed, {n} errored, {n} broken.",
        needles: &["Some tests did not pass"],
        check: tests_did_not_pass,
        examples: &[ex(
            "ERROR: LoadError: Some tests did not pass: 40 passed, 1 failed, 0 errored, 0 broken.",
            Category::Unknown,
            None,
        )],
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
    regex!(r"^(?:Test Failed|Error During Test) at \S+:\d+$")
        .is_match(line.text.trim())
        .then(|| Hit::blocker("A Julia test failed (the Test standard library's report): a code failure, not fixed."))
}

fn tests_did_not_pass(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:ERROR: )?(?:LoadError: )?Some tests did not pass: \d+ passed, \d+ failed")
        .is_match(line.text.trim_start())
        .then(|| Hit::summary("Julia's tests failed (the Test standard library's summary)."))
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
}
