//! Pester, PowerShell's test framework.
//!
//! Source: Pester's console summary after a run, `Tests completed in {t}`
//! then `Tests Passed: {n}, Failed: {n}, Skipped: {n} NotRun: {n}` (Pester 5;
//! Pester 4 goes on `, Pending: {n}, Inconclusive: {n}`), and `[-] {test}
//! {time}` for each failed test. A failed count above zero is a test failure:
//! the job's own code, for a person.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "pester/tests-failed",
    grammar: "Tests Passed: {n}, Failed: {n}, Skipped: {n} NotRun: {n} (Pester 5) | Tests Passed: {n}, Failed: {n}, \
              Skipped: {n}, Pending: {n}, Inconclusive: {n} (Pester 4)",
    needles: &["Tests Passed: "],
    check: tests_failed,
    examples: &[ex(
        "Tests Passed: 56, Failed: 1, Skipped: 0 NotRun: 0",
        Category::Unknown,
        None,
    )],
}];

fn tests_failed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Tests Passed: \d+, Failed: (\d+),").captures(line.text.trim())?;
    (&c[1] != "0").then(|| Hit::blocker("Pester tests failed."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_without_failures_is_not_a_failure() {
        assert!(tests_failed(&Line::plain("Tests Passed: 2, Failed: 0, Skipped: 0 NotRun: 0")).is_none());
        assert!(tests_failed(&Line::plain("Tests Passed: 0, Failed: 2, Skipped: 0 NotRun: 0")).is_some());
    }
}
