//! pytest-benchmark's comparison against a saved run
//! (`--benchmark-compare` with `--benchmark-compare-fail`).
//!
//! Source: pytest-benchmark's `session.py` (`check_regressions`) and
//! `logger.py` (`Logger.error`): after the results table, each failed check
//! is listed under a red rule as `Performance has regressed:` then one
//! `\t{benchmark} - Field '{field}' has failed {Check}: {value} > {limit}`
//! line per check (`PercentageRegressionCheck`, `DifferenceRegressionCheck`;
//! the package's tests show the form), and the session raises
//! `PerformanceRegression("Performance has regressed.")`, a `UsageError`
//! pytest prints as `ERROR: Performance has regressed.` (exit 4) although
//! every test passed. A slower benchmark is the code, or the machine the
//! baseline came from, for a person: the heading of the list is where it
//! shows; the `ERROR:` line repeats it.

use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "pytest_benchmark/regressed",
    grammar: "Performance has regressed: (then `\\t{benchmark} - Field '{field}' has failed {Check}: {value} > \
              {limit}`) | ERROR: Performance has regressed.",
    needles: &["Performance has regressed"],
    check: regressed,
    examples: &[ex("Performance has regressed:", Category::Unknown, None)],
}];

fn regressed(line: &Line<'_>) -> Option<Hit> {
    match line.text.trim() {
        "Performance has regressed:" => Some(Hit::blocker(
            "pytest-benchmark found benchmarks slower than the saved run it compares with (the failed checks \
             follow): the code or the baseline's machine, for a person.",
        )),
        "ERROR: Performance has regressed." => {
            Some(Hit::summary("pytest's report of pytest-benchmark's regression (listed above it).").weak())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_list_heading_is_the_blocker_and_pytests_error_repeats_it() {
        let hit = regressed(&Line::plain("Performance has regressed:")).expect("heading");
        assert_eq!((hit.category, hit.strength), (Category::Unknown, Strength::Blocker));
        let hit = regressed(&Line::plain("ERROR: Performance has regressed.")).expect("repeat");
        assert_eq!(hit.strength, Strength::Weak);
        // Criterion prints the words indented under a benchmark's change,
        // without the colon: not pytest-benchmark's list.
        crate::classify::catalogue::assert_reads(
            regressed,
            &[],
            &[
                "                        Performance has regressed.",
                "Performance has regressed by 12%",
            ],
        );
    }
}
