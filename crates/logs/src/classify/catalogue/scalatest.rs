//! ScalaTest's standard-out reporter (what `sbt test` prints per test).
//!
//! Source: `StandardOutReporter` (`org.scalatest.tools`): a failed test is
//! `- {test name} *** FAILED ***` (under sbt, each line prefixed `[info] `;
//! with durations on, `-oD`, followed by ` ({n} milliseconds)` or ` ({s}
//! seconds, {n} milliseconds)`),
//! its message and location indented below it; the run ends with `*** {n}
//! TEST(S) FAILED ***` and sbt's `[error] Failed tests:` list. The first
//! failed test is where the report says why; its name is the test's own
//! words ("not found" in a name is not a missing file).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "scalatest/test-failed",
    grammar: "[info] - {test name} *** FAILED ***",
    needles: &[" *** FAILED ***"],
    check: test_failed,
    examples: &[ex(
        "[info] - should return 404 when the user is not found *** FAILED ***",
        Category::Unknown,
        None,
    )],
}];

fn test_failed(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"^(?:\[info\] )?(?:\s*)- (.+) \*\*\* FAILED \*\*\*(?: \(\d[^)]*\))?$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "A ScalaTest test failed: \"{}\" (the code or the test; a person's call).",
        display_text(c[1].trim())
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalatest_failures() {
        crate::classify::catalogue::assert_reads(
            test_failed,
            &[
                "[info] - should return 404 when the user is not found *** FAILED ***",
                "- parses an empty body *** FAILED ***",
                // With `-oD` (final review A, 6).
                "[info] - parses an empty body *** FAILED *** (27 milliseconds)",
                "[info] - loads the fixture *** FAILED *** (1 second, 204 milliseconds)",
            ],
            &[
                "[info] *** 1 TEST FAILED ***",
                "[info] - should return the user as JSON",
            ],
        );
    }
}
