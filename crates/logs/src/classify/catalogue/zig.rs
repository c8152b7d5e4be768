//! Zig and `zig build`.
//!
//! Sources: the compiler's error messages (`{file}.zig:{line}:{col}: error:
//! {message}`, followed by the source line and a `^~~~` marker), and the build
//! runner's report (`lib/compiler/build_runner.zig`, `std.Build.Step`): the
//! failed step's tree (`+- compile exe {name} Debug native 1 errors`), `error:
//! the following command failed with {n} compilation errors:` with the
//! command, `Build Summary: {n}/{n} steps succeeded; {n} failed` and `error:
//! the following build command failed with exit code {n}:`. The compiler's
//! own error is the cause; the build runner's lines are headings over it.
//!
//! A failed test under `zig build test`: the build runner relays the test
//! runner's failure as `error: '{module}.test.{name}' failed: {reason}` (the
//! reason on the same line, or on the next one indented, as Zig 0.14+ prints
//! it; `{reason}` is what `std.testing` printed, `expected 42, found 41`,
//! `expected error.FileNotFound, found error.AccessDenied`), then the stack
//! trace and `error: while executing test '{name}', the following command
//! exited with code {n} (expected exited with code 0):` (the run step's
//! `Step.Run` report; `build_runner.zig`, and the failures users paste in
//! ziglang/zig's issues). Above them the failed step's tree counts the tests,
//! `└─ run test {passed}/{total} passed, {n} failed` (`+-` without Unicode;
//! later releases `run test {n} pass, {n} fail ({total} total)`), a heading
//! that reads like other runners' counts. The test's own words are the code's expectation,
//! never a file or command the job lacks: the failed test is the cause, for a
//! person, and the `while executing test` line a heading over it.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "zig/compile-error",
        grammar: "{file}.zig:{line}:{col}: error: {message}",
        needles: &[".zig:"],
        check: compile_error,
        examples: &[ex(
            "src/tokenizer.zig:88:17: error: use of undeclared identifier 'alloc'",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "zig/test-failed",
        grammar: "error: '{module}.test.{name}' failed:[ {reason}] | error: while executing test '{name}', the \
                  following command exited with code {n} …",
        needles: &["error: '", "error: while executing test '", " run test "],
        check: test_failed,
        examples: &[ex(
            "error: 'parse.test.parses a table header' failed: expected 3, found 2",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "zig/build-failed",
        grammar: "error: the following {command failed with {n} compilation errors|build command failed with exit \
                  code {n}}: | Build Summary: {n}/{n} steps succeeded; {n} failed",
        needles: &["error: the following ", "Build Summary: "],
        check: build_failed,
        examples: &[ex(
            "error: the following command failed with 1 compilation errors:",
            Category::Unknown,
            None,
        )],
    },
];

fn compile_error(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:[A-Za-z]:)?[^\s:]+\.zig:\d+:\d+: error: ")
        .is_match(line.text.trim_start())
        .then(|| Hit::blocker("The Zig compiler reported an error in the code: a code failure, not fixed."))
}

fn test_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if regex!(r"^(?:\S+\s+)?run test (?:\d+/\d+ passed, [1-9]\d* failed|\d+ pass, [1-9]\d* fail\b)").is_match(text) {
        return Some(Hit::summary(
            "`zig build` ran tests that failed (its step tree; the failed test below says which).",
        ));
    }
    if regex!(r"^error: while executing test '[^']+', the following command (?:exited with code \d+|terminated)")
        .is_match(text)
    {
        return Some(Hit::summary(
            "`zig build` ran a test that failed (the run step's report; the failed test above says why).",
        ));
    }
    let c = regex!(r"^error: '([^']*\.test\.[^']*|test_\d+)' failed:(?:\s|$)").captures(text)?;
    Some(Hit::blocker(format!(
        "The Zig test {} failed: its assertion, a code failure for a person, not fixed.",
        crate::subject::display_text(&c[1])
    )))
}

fn build_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let failed = regex!(r"^error: the following (?:command failed with \d+ compilation errors?|build command failed with exit code \d+|command (?:exited with error code \d+|terminated unexpectedly)):$")
        .is_match(text)
        || regex!(r"^Build Summary: \d+/\d+ steps succeeded(?: \(\d+ failed\)|; \d+ failed)").is_match(text);
    failed.then(|| Hit::summary("`zig build` failed (its report; the compiler's error above says why)."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_test_is_the_cause_and_the_run_steps_report_a_heading() {
        use crate::classify::hit::Strength;
        for text in [
            "error: 'config.test.load reports a missing config file' failed: expected error.FileNotFound, found \
             error.AccessDenied",
            // Zig 0.14+ puts the reason on the next line.
            "error: 'main.test.main' failed:",
            "error: 'test_0' failed: TestUnexpectedResult",
        ] {
            let hit = test_failed(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
        }
        let heading = test_failed(&Line::plain(
            "error: while executing test 'main.test.main', the following command exited with code 1 (expected \
             exited with code 0):",
        ))
        .expect("read");
        assert_eq!(heading.strength, Strength::Summary);
        for tree in [
            "└─ run test 11/12 passed, 1 failed",
            "+- run test 3/5 passed, 2 failed",
            "mq run test 24 pass, 1 fail (25 total)",
        ] {
            assert_eq!(
                test_failed(&Line::plain(tree)).expect(tree).strength,
                Strength::Summary,
                "{tree}"
            );
        }
        assert!(test_failed(&Line::plain("└─ run test 12/12 passed, 0 failed")).is_none());
        crate::classify::catalogue::assert_reads(
            test_failed,
            &[],
            &["error: 'foo' is not a member", "error: 'x' failed to parse"],
        );
    }

    #[test]
    fn compiler_errors_and_the_build_runners_report() {
        crate::classify::catalogue::assert_reads(
            compile_error,
            &[
                "/home/runner/work/lexi/lexi/build.zig:14:30: error: no field named 'root_source_file' in struct 'Build.ExecutableOptions'",
                "C:\\a\\lexi\\lexi\\src\\main.zig:3:1: error: expected type expression, found '}'",
            ],
            &[
                "src/main.zig:3:1: note: declared here",
                "see src/main.zig:3:1: error: in the docs",
            ],
        );
        crate::classify::catalogue::assert_reads(
            build_failed,
            &[
                "error: the following build command failed with exit code 1:",
                "Build Summary: 0/3 steps succeeded; 1 failed",
                "Build Summary: 2/5 steps succeeded (1 failed)",
            ],
            &[
                "Build Summary: 3/3 steps succeeded",
                "error: the following files are missing",
            ],
        );
    }
}
