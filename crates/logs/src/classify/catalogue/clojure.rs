//! Clojure: `clojure.test` as Leiningen and the Clojure CLI run it.
//!
//! Sources: `clojure.test`'s report (`clojure/test.clj`, `report :fail` and
//! `report :error`): `FAIL in` or `ERROR in`, then `testing-vars-str`: the
//! names of `*testing-vars*` as a list, outermost first (`(outer inner)` when
//! one `deftest` calls another, `()` for an assertion outside any), and
//! ` ({file}:{line})`. The file and line are `do-report`'s: for a failure the
//! frame of the assertion (a `.clj`/`.cljc` file, `NO_SOURCE_FILE` for code
//! evaluated without one), for an error the first frame of the exception's
//! stack trace, which may be any JVM source file (`Numbers.java:190`) or none
//! (`(:)`, a frame with no file). The `testing` contexts follow on a line of
//! their own, then `expected: …` and `  actual: …`; the summary is `Ran {n}
//! tests containing {n} assertions.` / `{n} failures, {n} errors.`.
//! Leiningen's `lein test` ends a failed run with `Tests failed.` (or `Tests
//! did not finish cleanly.` when no summary came back; `leiningen.test`); the
//! cognitect test-runner's `-main` only exits 1, and its `test` function
//! (`clojure -X:test`) throws `Test failures or errors occurred.`, which the
//! Clojure CLI prints on its own line under `Execution error (ExceptionInfo)
//! at cognitect.test-runner.api/test …`. A failed test is a code failure:
//! like every test framework's report in the catalogue, never fixed
//! (`unknown`).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "clojure/test-failed",
        grammar: "FAIL in ({test …}) ({file}.clj[sc]:{line}) | ERROR in ({test …}) ({frame file}:{line})",
        needles: &["FAIL in (", "ERROR in ("],
        check: test_failed,
        examples: &[
            ex(
                "FAIL in (parse-amount-test) (core_test.clj:14)",
                Category::Unknown,
                None,
            ),
            ex(
                "ERROR in (invoice-suite parse-amount-test) (Numbers.java:190)",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "clojure/test-summary",
        grammar: "{n} failures, {n} errors. | Tests failed. | Tests did not finish cleanly. (lein test) | Test \
                  failures or errors occurred. (cognitect test-runner under clojure -X)",
        needles: &[
            " failures, ",
            "Tests failed.",
            "Tests did not finish cleanly.",
            "Test failures or errors occurred.",
        ],
        check: summary,
        examples: &[
            ex("1 failures, 0 errors.", Category::Unknown, None),
            ex("Test failures or errors occurred.", Category::Unknown, None),
        ],
    },
];

fn test_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    // `(outer inner)`: the names of the tests, outermost first, or `()`.
    let fail = regex!(r"^FAIL in \((?:[^()\s]+(?: [^()\s]+)*)?\) \((?:[\w.-]+\.clj[sc]?|NO_SOURCE_FILE):\d+\)");
    let error = regex!(
        r"^ERROR in \((?:[^()\s]+(?: [^()\s]+)*)?\) \((?:[\w$.-]+\.(?:clj[sc]?|java|kt|scala|groovy)|NO_SOURCE_FILE)?:-?\d*\)"
    );
    (fail.is_match(text) || error.is_match(text))
        .then(|| Hit::blocker("A Clojure test failed (clojure.test's report): a code failure, not fixed."))
}

fn summary(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let failed = regex!(r"^(\d+) failures, (\d+) errors\.$")
        .captures(text)
        .is_some_and(|c| &c[1] != "0" || &c[2] != "0");
    let runner = matches!(
        text,
        "Tests failed." | "Tests did not finish cleanly." | "Test failures or errors occurred."
    );
    (failed || runner).then(|| Hit::summary("Clojure tests failed (clojure.test's summary)."))
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
                "  FAIL in the build",
                "ERROR in (x) (notes.txt:3)",
                "FAIL in (x) (Numbers.java:190)",
                "FAIL in (a  b) (x.clj:1)",
                "FAIL in ((a)) (x.clj:1)",
            ],
        );
        crate::classify::catalogue::assert_reads(
            summary,
            &["1 failures, 0 errors.", "0 failures, 2 errors.", "Tests failed."],
            &["0 failures, 0 errors.", "3 failures, 1 errors in total"],
        );
    }

    #[test]
    fn nested_tests_and_stack_frames_are_read() {
        crate::classify::catalogue::assert_reads(
            test_failed,
            &[
                // One deftest calling another: both names, outermost first.
                "FAIL in (invoice-suite rounding-test) (totals_test.clj:27)",
                "FAIL in (a b c) (x.cljc:1)",
                // An assertion outside any deftest, and code with no file.
                "FAIL in () (NO_SOURCE_FILE:1)",
                // An error's location is the exception's first stack frame.
                "ERROR in (parse-test) (Numbers.java:190)",
                "ERROR in (invoice-suite parse-test) (AFn.java:18)",
                "ERROR in (parse-test) (:)",
                "ERROR in (parse-test) (core.clj:-1)",
            ],
            &["FAIL in (x) (:)", "ERROR in (x) (Evil File.java:1)"],
        );
        crate::classify::catalogue::assert_reads(
            summary,
            &["Tests did not finish cleanly.", "Test failures or errors occurred."],
            &["echo Tests failed.", "Test failures or errors occurred. Retrying"],
        );
    }
}
