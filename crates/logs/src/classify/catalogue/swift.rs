//! Swift Package Manager and XCTest (as `swift build` / `swift test` print
//! them on Linux and macOS).
//!
//! Sources: SwiftPM's diagnostics (`error: {message}` on stderr): the resolver's
//! `Dependencies could not be resolved because {reason}` (PubGrub's report in
//! `PackageGraph/Resolution/PubGrub`), the resolved-file check under
//! `--disable-automatic-resolution` / `--force-resolved-versions` (`an
//! out-of-date resolved file was detected at {path}, which is not allowed when
//! automatic dependency resolution is disabled`), and the workspace lookup's `Could not
//! find Package.swift in this directory or any of its parent directories.`
//! (`Workspace`'s root-package locator); XCTest's failure line
//! `{file}:{line}: error: {suite}.{test} : {message}` (swift-corelibs-xctest's
//! `XCTestCase` failure printer; on macOS `-[{module}.{suite} {test}]`). The
//! compiler's own `{file}:{line}:{col}: error:` is read by `build_tools`;
//! xcodebuild's output piped through xcbeautify or xcpretty shows the same
//! error as `❌ {file}:{line}:{col}: {message}` (their renderers drop `error:`
//! and mark errors with ❌, warnings with ⚠️). They show a failed test case as
//! `{indent}{mark} {test}, {reason}`: xcpretty's `format_failing_test`
//! (`INDENT + format_test("#{test_case}, #{reason}", :fail)`, the mark `✗`,
//! ASCII `x`) and xcbeautify's `formatFailingTest` (`TestStatus.fail`, `✖`,
//! in `Renderers/TerminalRenderer.swift`); fastlane's scan prints xcpretty's
//! lines behind its own `[{time}]: ▸ ` prefix. The first such line is the
//! test failure (`Executed {n} tests, with {m} failures`, `** TEST FAILED **`
//! and fastlane's closing `[!] Tests have failed` follow from it).

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "swift/xcbeautify-error",
        grammar: "❌ {file}:{line}:{col}: {message} (xcodebuild's error as xcbeautify or xcpretty render it)",
        needles: &["❌"],
        check: formatted_compile_error,
        examples: &[ex(
            "❌ /Users/runner/work/app/app/Sources/App/Views/SettingsView.swift:42:17: cannot find 'Theme' in scope",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "swift/formatted-failing-test",
        grammar: "{indent}✗ {test}, {reason} (xcpretty) | {indent}✖ {test}, {reason} (xcbeautify); behind fastlane's \
                  `[{time}]: ▸ ` when scan runs xcpretty",
        needles: &["✗ ", "✖ "],
        check: formatted_failing_test,
        examples: &[ex(
            "[21:03:58]: ▸     ✗ testTotalWithDiscount, XCTAssertEqual failed: (\"9.5\") is not equal to (\"9.0\")",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "swift/dependencies-unresolved",
        grammar: "error: Dependencies could not be resolved because {reason}",
        needles: &["Dependencies could not be resolved because"],
        check: dependencies_unresolved,
        examples: &[ex(
            "error: Dependencies could not be resolved because root depends on 'swift-nio' 3.0.0..<4.0.0.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "swift/resolved-file-out-of-date",
        grammar: "error: an out-of-date resolved file was detected at {path}, which is not allowed when automatic \
                  dependency resolution is disabled; …",
        needles: &["an out-of-date resolved file was detected at"],
        check: resolved_file_out_of_date,
        examples: &[ex(
            "error: an out-of-date resolved file was detected at /Users/runner/work/kit/kit/Package.resolved, which \
             is not allowed when automatic dependency resolution is disabled",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "swift/no-package-manifest",
        grammar: "error: Could not find Package.swift in this directory or any of its parent directories.",
        needles: &["Could not find Package.swift"],
        check: no_package_manifest,
        examples: &[ex(
            "error: Could not find Package.swift in this directory or any of its parent directories.",
            Category::FileNotFound,
            Some("Package.swift"),
        )],
    },
    Entry {
        id: "swift/xctest-failure",
        grammar: "{file}.swift:{line}: error: {suite}.{test} : {message} | {file}.swift:{line}: error: \
                  -[{module}.{suite} {test}] : {message}",
        needles: &[".swift:"],
        check: xctest_failure,
        examples: &[ex(
            "/home/runner/work/t/t/Tests/TOMLTests/ParserTests.swift:42: error: ParserTests.testEmptyInput : \
             XCTAssertEqual failed: (\"1\") is not equal to (\"0\")",
            Category::Unknown,
            None,
        )],
    },
];

fn formatted_compile_error(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^❌\s+\S+\.(?:swift|m|mm|h|c|cc|cpp|metal|storyboard|xib|plist|xcconfig):\d+:\d+: \S")
        .is_match(line.text.trim_start())
        .then(|| Hit::blocker("xcodebuild reported a compile error (as xcbeautify or xcpretty shows it)."))
}

fn formatted_failing_test(line: &Line<'_>) -> Option<Hit> {
    let record = super::fastlane::record(line.text);
    let text = record.unwrap_or(line.text);
    let text = text.trim_start().strip_prefix("▸ ").unwrap_or(text);
    let c = regex!(r"^\s+[✗✖] (\w[\w.()\[\] -]*?), (\S.*)$").captures(text)?;
    // Other runners' reporters print the same shape (Node's test runner,
    // tap-spec): read it only in a step that runs an Apple test formatter
    // or fastlane (whose `[{time}]: ` record says so itself).
    let apple = record.is_some()
        || ["xcodebuild", "xcpretty", "xcbeautify", "fastlane"]
            .into_iter()
            .any(|command| line.step_mentions_command(command));
    if !apple {
        return None;
    }
    Some(Hit::blocker(format!(
        // xcpretty's and xcbeautify's shape, which other runners' reporters
        // (Node's test runner, tap-spec) print too: the wording names none.
        "A test failed: {} ({}).",
        display_text(&c[1]),
        display_text(&c[2])
    )))
}

fn dependencies_unresolved(line: &Line<'_>) -> Option<Hit> {
    line.text
        .trim_start()
        .starts_with("error: Dependencies could not be resolved because")
        .then(|| {
            Hit::install_failure(
                "SwiftPM found no versions of the package's dependencies that satisfy Package.swift (a requirement no \
             release matches, or two that conflict).",
            )
        })
}

fn resolved_file_out_of_date(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::install_failure(
        "Package.resolved is out of date with Package.swift and automatic resolution is disabled: a person updates \
         the resolved file.",
    ))
}

fn no_package_manifest(line: &Line<'_>) -> Option<Hit> {
    line.text
        .trim_start()
        .starts_with("error: Could not find Package.swift in this directory")
        .then(|| {
            path_hit(
                "Package.swift",
                0.6,
                "SwiftPM found no Package.swift in the step's directory or above it (a wrong working-directory, or no \
             checkout).",
            )
        })
}

fn xctest_failure(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^\S+\.swift:\d+: error: (?:-\[[\w.]+ \w+\]|[\w.]+) : ")
        .is_match(line.text.trim_start())
        .then(|| Hit::blocker("An XCTest test failed."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn xctest_on_linux_and_macos() {
        assert_reads(
            xctest_failure,
            &[
                "Tests/AppTests/AppTests.swift:9: error: AppTests.testA : XCTAssertTrue failed",
                "/Users/runner/work/a/a/Tests/AppTests/AppTests.swift:9: error: -[AppTests.AppTests testA] : failed",
            ],
            // The compiler's form has a column and is `build_tools`'.
            &["Sources/App/main.swift:3:5: error: cannot find 'x' in scope"],
        );
    }

    #[test]
    fn a_failing_test_as_xcpretty_and_xcbeautify_show_it() {
        let read = |text: &str, script: &'static str| {
            let mut line = Line::plain(text);
            line.script = script;
            formatted_failing_test(&line).is_some()
        };
        for (text, script) in [
            (
                "    ✗ testLogin, XCTAssertTrue failed",
                "xcodebuild test -scheme App | xcpretty",
            ),
            (
                "    ✖ testDecodesEmptyPayload, XCTUnwrap failed: expected non-nil value of type \"Data\"",
                "set -o pipefail && xcodebuild test -scheme Kit | xcbeautify --renderer github-actions",
            ),
            ("    ✗ testLogin, XCTAssertTrue failed", "bundle exec fastlane ios test"),
        ] {
            assert!(read(text, script), "{script}: {text}");
            // The same shape from another runner's reporter (Node's test
            // runner, tap-spec) in a step that runs no Apple formatter.
            assert!(!read(text, "node --test test/"), "{text}");
        }
        // fastlane's own record says the step is fastlane's.
        assert!(read(
            "[21:03:58]: ▸     ✗ testTotalWithDiscount, XCTAssertEqual failed: (\"9.5\") is not equal to (\"9.0\")",
            ""
        ));
        assert_reads(
            formatted_failing_test,
            &[],
            &[
                // Passing and pending tests, a summary line, and a mark that
                // is no test runner's indented result.
                "    ✓ testAddItem (0.003 seconds)",
                "    ✔ testAddItem (0.003 seconds)",
                "\t Executed 42 tests, with 1 failure (0 unexpected) in 0.512 (0.530) seconds",
                "✗ not indented, so no result line",
                "echo '    ✗ testLogin, failed'",
            ],
        );
        let mut line = Line::plain("    ✗ testLogin, XCTAssertTrue failed");
        line.script = "xcodebuild test | xcpretty";
        let hit = formatted_failing_test(&line).expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(hit.message.contains("testLogin"), "{}", hit.message);
    }

    #[test]
    fn resolver_and_manifest_only_as_swiftpm_prints_them() {
        assert_reads(
            dependencies_unresolved,
            &[
                "error: Dependencies could not be resolved because no versions of 'a' match the requirement 1.0.0..<2.0.0",
            ],
            &["echo 'Dependencies could not be resolved because …'"],
        );
        assert_reads(
            resolved_file_out_of_date,
            &["error: an out-of-date resolved file was detected at /w/Package.resolved, which is not allowed"],
            &[],
        );
        assert_reads(
            no_package_manifest,
            &["error: Could not find Package.swift in this directory or any of its parent directories."],
            &["# error: Could not find Package.swift in this directory means no checkout"],
        );
    }
}
