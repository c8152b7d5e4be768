//! Hypothesis, the property-based testing library, reporting through pytest.
//!
//! Source: Hypothesis's `errors.py` and `core.py`. A failure it could not
//! reproduce is `hypothesis.errors.FlakyFailure` (an exception group since
//! 6.x; `Flaky` before), `Hypothesis {test}(…) produces unreliable results:
//! Falsified on the first call but did not on a subsequent one`, often with
//! the note `Unreliable test timings! On an initial run, this test took
//! {t}ms, which exceeded the deadline of {d}ms, …`; an example slower than the
//! test's own `deadline` setting (200 ms by default) is `DeadlineExceeded:
//! Test took {t}ms, which exceeds the deadline of {d}ms`; a strategy that
//! generates too slowly or filters too much fails a health check
//! (`FailedHealthCheck`). pytest shows the exception after its `E` margin,
//! in a native exception-group traceback (`  | ` margins) and in its short
//! summary. Each is the test's own data, timing or settings: a person's
//! call, and a deadline is never the job's time limit.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "hypothesis/test-failure",
    grammar: "[E   |  | |FAILED {test} - ]hypothesis.errors.{Flaky|FlakyFailure|DeadlineExceeded|FailedHealthCheck|\
              Unsatisfiable}: {message}",
    needles: &["hypothesis.errors."],
    check: test_failure,
    examples: &[ex(
        "hypothesis.errors.DeadlineExceeded: Test took 612.44ms, which exceeds the deadline of 200.00ms",
        Category::Unknown,
        None,
    )],
}];

fn test_failure(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"^(?:E\s+|(?:\+|\|)[\s|+-]*|FAILED \S+ - )?hypothesis\.errors\.(Flaky|FlakyFailure|FlakyReplay|DeadlineExceeded|FailedHealthCheck|Unsatisfiable): "
    )
    .captures(line.text.trim())?;
    let message = match &c[1] {
        "DeadlineExceeded" => {
            "A Hypothesis example ran past the test's own `deadline` setting (200 ms by default), not the job's time \
             limit: the test's timing or its settings, a person's call."
        }
        "FailedHealthCheck" => {
            "A Hypothesis health check failed (data generated too slowly, or too much of it filtered out): the test's \
             strategies or settings, a person's call."
        }
        "Unsatisfiable" => {
            "Hypothesis could not find enough examples that satisfy the test's assumptions: the test's strategies, a \
             person's call."
        }
        _ => {
            "Hypothesis found a failure it could not reproduce (a flaky test: its data, shared state or timing, such as \
             a deadline one run exceeded): not the job's time limit, a person's call."
        }
    };
    Some(Hit::blocker(message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn hypothesis_errors_in_each_margin_pytest_prints() {
        assert_reads(
            test_failure,
            &[
                "  | hypothesis.errors.FlakyFailure: Hypothesis test_x(n=1) produces unreliable results: Falsified on \
                 the first call but did not on a subsequent one (1 sub-exception)",
                "E   hypothesis.errors.FailedHealthCheck: Data generation is extremely slow",
                "    | hypothesis.errors.DeadlineExceeded: Test took 612.44ms, which exceeds the deadline of 200.00ms",
                "FAILED tests/test_x.py::test_x - hypothesis.errors.Flaky: Hypothesis test_x(n=1) produces unreliable \
                 results",
            ],
            &[
                "from hypothesis.errors import DeadlineExceeded",
                "    raise hypothesis.errors.DeadlineExceeded(",
            ],
        );
        let hit = test_failure(&Line::plain(
            "hypothesis.errors.DeadlineExceeded: Test took 612.44ms, which exceeds the deadline of 200.00ms",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(hit.message.contains("not the job's time limit"));
    }
}
