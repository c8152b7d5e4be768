//! Bazel (and Bazelisk, which runs it).
//!
//! Sources: Bazel's event reporter prints errors as `ERROR: {message}`, and
//! these messages name their kind: a target pattern skipped (`Skipping
//! '{pattern}': {reason}`), a label with no target or package (`no such target
//! '{label}': …`, `no such package '{label}': …`), a BUILD file's error
//! (`ERROR: {path}/BUILD[.bazel]:{line}:{col}: {message}`), and a repository
//! rule's failure (`An error occurred during the fetch of repository
//! '{name}':`, whose reason follows: a download's `GET returned {status}` is
//! read by `http`). The test summary (`TestResultNotifier`,
//! `TerseTestSummaryPrinter`) lists `FAIL: {label} (see {test.log})` and
//! `TIMEOUT: {label} (Summary)` while running and `{label}  {status} in {t}s`
//! at the end; a TIMEOUT there is the test's own `size`/`timeout` limit, not the
//! job's. The client prints `Server terminated abruptly (error code: {n}, error
//! message: '{m}', log file: '{path}')` when the server JVM died (usually out of
//! memory).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "bazel/error",
        grammar: "ERROR: Skipping '{pattern}': {reason} | ERROR: no such {target|package} '{label}': {reason} | \
                  ERROR: {path}/BUILD[.bazel]:{line}:{col}: {message}",
        needles: &["ERROR: Skipping '", "no such target '", "no such package '", "/BUILD"],
        check: bazel_error,
        examples: &[
            ex(
                "ERROR: Skipping '//src:server': no such target '//src:server': target 'server' not declared in \
                 package 'src'",
                Category::Unknown,
                None,
            ),
            ex(
                "ERROR: /home/runner/work/m/m/src/BUILD.bazel:12:10: Compiling src/a.cc failed: (Exit 1): gcc failed",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "bazel/fetch-failed",
        grammar: "ERROR: An error occurred during the fetch of repository '{name}': (its reason on the lines below)",
        needles: &["An error occurred during the fetch of repository"],
        check: fetch_failed,
        examples: &[ex(
            "ERROR: An error occurred during the fetch of repository 'rules_python':",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "bazel/test-status",
        grammar: "FAIL: {label} (see {log}) | TIMEOUT: {label} (Summary) | {label}  {FAILED|TIMEOUT|FLAKY|NO STATUS|\
                  INCOMPLETE|FAILED TO BUILD} in {t}s",
        needles: &[
            "FAIL: //",
            "TIMEOUT: //",
            " FAILED in ",
            " TIMEOUT in ",
            " FLAKY in ",
            " NO STATUS",
            " INCOMPLETE",
            " FAILED TO BUILD",
        ],
        check: test_status,
        examples: &[
            ex(
                "FAIL: //pkg/auth:auth_test (see /home/runner/.cache/bazel/x/testlogs/pkg/auth/auth_test/test.log)",
                Category::Unknown,
                None,
            ),
            ex(
                "//e2e:checkout_flow_test                                                TIMEOUT in 300.1s",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "bazel/server-terminated",
        grammar: "Server terminated abruptly (error code: {n}, error message: '{message}', log file: '{path}')",
        needles: &["Server terminated abruptly"],
        check: server_terminated,
        examples: &[ex(
            "Server terminated abruptly (error code: 14, error message: 'Socket closed', log file: \
             '/home/runner/.cache/bazel/_bazel_runner/7f3e/server/jvm.out')",
            Category::Unknown,
            None,
        )],
    },
];

fn bazel_error(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    let body = text.strip_prefix("ERROR: ")?;
    // A fetch that failed on a download is that download's failure.
    if body.contains("Error downloading [") {
        return None;
    }
    let skipping = body.starts_with("Skipping '");
    let no_such = regex!(r"^no such (?:target|package) '").is_match(body);
    let build_file = regex!(r"^\S*/BUILD(?:\.bazel)?:\d+:\d+: ").is_match(body);
    (skipping || no_such || build_file)
        .then(|| Hit::blocker("Bazel reported an error in the build's targets or BUILD files."))
}

fn fetch_failed(line: &Line<'_>) -> Option<Hit> {
    line.text
        .trim_start()
        .starts_with("ERROR: An error occurred during the fetch of repository '")
        .then(|| Hit::summary("Bazel could not fetch an external repository (the reason is on the lines below)."))
}

fn test_status(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    // A label: `//pkg:target`, `@repo//pkg:target`, `@@repo//…`.
    let progress = regex!(r"^(FAIL|TIMEOUT): @{0,2}[\w.~+-]*//[\w./+-]*(?::[\w./+=,@~-]+)? \((?:see \S+|Summary)\)$");
    let summary = regex!(
        r"^@{0,2}[\w.~+-]*//[\w./+-]*(?::[\w./+=,@~-]+)?\s+(FAILED|TIMEOUT|FLAKY|NO STATUS|INCOMPLETE|FAILED TO BUILD)(?: in (?:\d+ out of \d+ in )?[\d.]+s)?$"
    );
    let status = progress
        .captures(text)
        .or_else(|| summary.captures(text))?
        .get(1)?
        .as_str();
    Some(Hit::blocker(if status == "TIMEOUT" {
        "A Bazel test ran past its own time limit (its `size`/`timeout` attribute), not the job's."
    } else {
        "A Bazel test target failed (its test.log says why)."
    }))
}

fn server_terminated(line: &Line<'_>) -> Option<Hit> {
    line.text
        .trim_start()
        .starts_with("Server terminated abruptly (error code:")
        .then(|| {
            Hit::blocker(
                "The Bazel server died during the build (most often out of memory: its jvm.out says; limit the jobs or \
             the JVM heap).",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn test_statuses_but_not_passes() {
        assert_reads(
            test_status,
            &[
                "TIMEOUT: //e2e:flow_test (Summary)",
                "//pkg:a_test    FAILED in 1.8s",
                "//pkg:b_test    FAILED in 2 out of 3 in 0.4s",
                "@@rules_x//tests:unit    FLAKY in 3.0s",
            ],
            &[
                "//pkg/api:api_test     PASSED in 2.1s",
                "//pkg/api:api_test   (cached) PASSED in 2.1s",
            ],
        );
    }

    #[test]
    fn errors_leave_a_download_to_http() {
        assert_reads(
            bazel_error,
            &["ERROR: no such package '@@maven//': Repository command failed"],
            &[
                "ERROR: no such package '@@rules_python//python': java.io.IOException: Error downloading \
                 [https://github.com/a/b.tar.gz] to /tmp/x: GET returned 429 Too Many Requests",
                "INFO: Skipping '//x' because it is tagged manual",
            ],
        );
    }
}
