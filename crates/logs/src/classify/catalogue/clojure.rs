//! Clojure: `clojure.test` as Leiningen and the Clojure CLI run it.
//!
//! Sources: `clojure.test`'s report (`clojure/test.clj`, `report :fail` and
//! `report :error`): `FAIL in ({test}) ({file}.clj:{line})` or `ERROR in
//! ({test}) ({file}.clj:{line})`, then the `testing` context, `expected: …`
//! and `  actual: …`, and its summary `Ran {n} tests containing {n}
//! assertions.` / `{n} failures, {n} errors.`; Leiningen's `lein test` ends a
//! failed run with `Tests failed.` (`leiningen.test`). A failed test is a
//! code failure: never fixed.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "clojure/test-failed",
        grammar: "{FAIL|ERROR} in ({test}) ({file}.clj[sc]:{line})",
        needles: &["FAIL in (", "ERROR in ("],
        check: test_failed,
        examples: &[ex(
            "FAIL in (parse-amount-test) (core_test.clj:14)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "clojure/test-summary",
        grammar: "{n} failures, {n} errors. | Tests failed. (lein test)",
        needles: &[" failures, ", "Tests failed."],
        check: summary,
        examples: &[ex("1 failures, 0 errors.", Category::Unknown, None)],
    },
];

fn test_failed(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:FAIL|ERROR) in \([^()\s]+\) \([\w.-]+\.clj[sc]?:\d+\)")
        .is_match(line.text.trim_start())
        .then(|| Hit::blocker("A Clojure test failed (clojure.test's report): a code failure, not fixed."))
}

fn summary(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let failed = regex!(r"^(\d+) failures, (\d+) errors\.$")
        .captures(text)
        .is_some_and(|c| &c[1] != "0" || &c[2] != "0");
    (failed || text == "Tests failed.").then(|| Hit::summary("Clojure tests failed (clojure.test's summary)."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_and_summaries() {
        crate::classify::catalogue::assert_reads(
            test_failed,
            &[
                "FAIL in (rounding-test) (totals_test.clj:27)",
                "ERROR in (parse-test) (parser_test.cljc:8)",
            ],
            &[
                "FAIL in (a b) (x.clj:1)",
                "  FAIL in the build",
                "ERROR in (x) (notes.txt:3)",
            ],
        );
        crate::classify::catalogue::assert_reads(
            summary,
            &["1 failures, 0 errors.", "0 failures, 2 errors.", "Tests failed."],
            &["0 failures, 0 errors.", "3 failures, 1 errors in total"],
        );
    }
}
