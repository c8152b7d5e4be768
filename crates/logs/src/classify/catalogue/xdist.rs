//! pytest-xdist, which runs pytest's tests in worker processes.
//!
//! Source: pytest-xdist's `dsession.py`. When a worker process dies
//! (`worker_errordown`), the controller prints `[{worker}] node down:
//! {error}` (`Not properly terminated` for a process that exited without
//! finishing), reports the test it was running as failed with `worker
//! '{worker}' crashed while running '{nodeid}'`, and then `replacing crashed
//! worker {worker}` (or, past `--max-worker-restart`, `maximum crashed workers
//! reached: {n}` / `worker {worker} crashed and worker restarting disabled`).
//! The test's own assertion is not what failed: the process died (killed by
//! the operating system, often for memory, or crashed by native code). The
//! first of these lines is where the failure begins; pytest's `FAILED` line
//! for the test follows from it.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "xdist/worker-crashed",
    grammar: "[{worker}] node down: {error} | worker '{worker}' crashed while running '{nodeid}' | replacing crashed \
              worker {worker} | maximum crashed workers reached: {n}",
    needles: &[
        "] node down: ",
        "crashed while running '",
        "replacing crashed worker ",
        "maximum crashed workers",
    ],
    check: worker_crashed,
    examples: &[ex("[gw2] node down: Not properly terminated", Category::Unknown, None)],
}];

fn worker_crashed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let read = regex!(r"^\[gw\d+\] node down: \S")
        .is_match(text)
        .then_some(None)
        .or_else(|| {
            regex!(r"^worker '?gw\d+'? crashed while running '([^']+)'$")
                .captures(text)
                .map(|c| Some(c[1].to_string()))
        })
        .or_else(|| {
            regex!(r"^(?:replacing crashed worker gw\d+|maximum crashed workers reached: \d+)$")
                .is_match(text)
                .then_some(None)
        })?;
    let test = read
        .map(|t| format!(" ({})", crate::subject::display_text(&t)))
        .unwrap_or_default();
    Some(Hit::blocker(format!(
        "A pytest-xdist worker process died while running a test{test}: the operating system killed it (often for \
         memory) or native code crashed it. A person's call."
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn a_dead_worker_in_each_form_xdist_reports() {
        assert_reads(
            worker_crashed,
            &[
                "[gw2] node down: Not properly terminated",
                "worker 'gw2' crashed while running 'tests/test_cluster.py::test_kmeans_large'",
                "replacing crashed worker gw2",
                "maximum crashed workers reached: 4",
            ],
            &[
                "[gw2] [ 50%] PASSED tests/test_cluster.py::test_small",
                "echo worker crashed while running tests",
            ],
        );
        let hit = worker_crashed(&Line::plain(
            "worker 'gw1' crashed while running 'tests/test_io.py::test_mmap'",
        ))
        .expect("read");
        assert!(hit.message.contains("tests/test_io.py::test_mmap"), "{}", hit.message);
        assert!(!hit.fixable);
    }
}
