//! Checkstyle, through the Maven plugin, Gradle or its own CLI.
//!
//! Sources: maven-checkstyle-plugin's `check` goal prints each violation at
//! its severity (`[ERROR]`, or `[WARN]`/`[INFO]` for lower ones) as
//! `{file}:[{line}[,{column}]] ({category}) {check}: {message}` (the file
//! relative to the project, `\` on Windows), after `There {is|are} {n}
//! error[s] reported by Checkstyle {version} with {config} ruleset.`, and
//! fails the goal with `You have {n} Checkstyle violation[s].`. Checkstyle's
//! own `DefaultLogger` (the CLI, and Gradle's `checkstyle` tasks, which
//! prefix `[ant:checkstyle] `) prints `[{SEVERITY}] {file}:{line}[:{column}]:
//! {message} [{module}]`; Gradle then fails the task with `Checkstyle rule
//! violations were found. See the report at: {url}`. A violation is the
//! project's code, for a person.
//!
//! A violation line does not say the build failed: the `check` goal logs
//! the violations before it decides, and fails only when `failOnViolation`
//! holds and their count exceeds `maxAllowedViolations` (else it warns
//! `checkstyle:check violations detected but failOnViolation set to false`);
//! Gradle's `ignoreFailures`/`maxErrors` and the `checkstyle:checkstyle`
//! report with `consoleOutput` print them and go on. So the lines are weak,
//! and the failure summary is the blocker, located at the step's first
//! violation (`COUNTED_SUMMARIES`).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "checkstyle/violation",
        grammar: "[ERROR] {file}:[{line}[,{col}]] ({category}) {check}: {message} (maven-checkstyle-plugin) | \
                  [ant:checkstyle] [ERROR] {file}:{line}[:{col}]: {message} [{module}] (Checkstyle's logger)",
        needles: &["] (", "[ant:checkstyle]", ".java:"],
        check: violation,
        examples: &[
            ex(
                "[ERROR] src/main/java/com/acme/App.java:[14,8] (imports) UnusedImports: Unused import - \
                 java.util.List.",
                Category::Unknown,
                None,
            ),
            ex(
                "[ant:checkstyle] [ERROR] /home/runner/work/app/app/src/main/java/com/acme/App.java:14:8: Unused \
                 import - java.util.List. [UnusedImports]",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: VIOLATIONS_FOUND,
        grammar: "You have {n} Checkstyle violation[s]. (the Maven goal's failure) | Checkstyle rule violations were \
                  found. See the report at: {url} (Gradle)",
        needles: &["Checkstyle violation", "Checkstyle rule violations were found"],
        check: violations_found,
        examples: &[ex(
            "> Checkstyle rule violations were found. See the report at: \
             file:///home/runner/work/app/app/build/reports/checkstyle/main.html",
            Category::Unknown,
            None,
        )],
    },
];

/// The entry of the failure summary (counted in `COUNTED_SUMMARIES`).
pub const VIOLATIONS_FOUND: &str = "checkstyle/violations-found";

/// A violation at error level (what the summary counts).
pub fn counted_record(text: &str) -> bool {
    violation_parts(text).is_some()
}

/// Weak: only the failure summary says the violations failed the build
/// (module documentation).
fn violation(line: &Line<'_>) -> Option<Hit> {
    let (file, check) = violation_parts(line.text)?;
    Some(
        Hit::blocker(format!(
            "Checkstyle found a violation of {} in {} (the project's code or its Checkstyle rules, for a person).",
            display_text(&check),
            display_text(&file)
        ))
        .weak(),
    )
}

/// The file and the check of a violation line at error level.
fn violation_parts(text: &str) -> Option<(String, String)> {
    let text = text.trim_start();
    let text = text.strip_prefix("[ant:checkstyle] ").unwrap_or(text);
    let maven = regex!(
        r"^\[(?:ERROR|WARN|WARNING)\] (\S+\.(?:java|kt|groovy|scala|xml|properties)):\[\d+(?:,\d+)?\] \([\w.-]+\) (\w+): (.+)$"
    );
    let logger = regex!(r"^\[ERROR\] (\S+\.(?:java|kt|groovy|scala|xml|properties)):\d+(?::\d+)?: (.+) \[(\w+)\]$");
    let (file, check) = if let Some(c) = maven.captures(text) {
        // Only errors fail the goal; a warning is printed and the build goes on.
        if !text.starts_with("[ERROR]") {
            return None;
        }
        (c[1].to_string(), c[2].to_string())
    } else {
        let c = logger.captures(text)?;
        (c[1].to_string(), c[3].to_string())
    };
    Some((file, check))
}

fn violations_found(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    let own = regex!(r"on project [^:]+: You have \d+ Checkstyle violations?\.|^(?:>\s*)?Checkstyle rule violations were found\. See the report at")
        .is_match(text.trim_start());
    own.then(|| {
        Hit::blocker(
            "Checkstyle found violations and failed the build (the first it printed, or its report; the project's \
             code or its Checkstyle rules, for a person).",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn violations_in_both_printed_forms() {
        crate::classify::catalogue::assert_reads(
            violation,
            &[
                "[ERROR] src\\main\\java\\com\\harborline\\billing\\InvoiceService.java:[14,8] (imports) \
                 UnusedImports: Unused import - java.util.List.",
                "[ERROR] src/main/java/org/spdx/Verify.java:[232] (coding) ModifiedControlVariable: Control \
                 variable 'verifyMsg' is modified.",
                "[ant:checkstyle] [ERROR] /home/runner/work/app/app/src/main/java/App.java:3:1: Wrong lexicographical \
                 order for 'java.util.List' import. [CustomImportOrder]",
                "[ERROR] D:\\a\\app\\app\\src\\App.java:12: Line is longer than 120 characters (found 131). [LineLength]",
            ],
            &[
                // A warning-level violation does not fail the goal.
                "[WARN] src/main/java/App.java:[3,1] (imports) AvoidStarImport: Using the '.*' form of import \
                 should be avoided - java.util.*.",
                "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-checkstyle-plugin:3.6.0:check \
                 (validate) on project billing: You have 1 Checkstyle violation. -> [Help 1]",
                "[ERROR] src/main/java/App.java:[14,8] could not be read",
            ],
        );
        let goal = violations_found(&Line::plain(
            "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-checkstyle-plugin:3.6.0:check (validate) \
             on project billing: You have 1 Checkstyle violation. -> [Help 1]",
        ))
        .expect("read");
        assert_eq!(goal.strength, Strength::Blocker);
        let line = Line::plain(
            "[ERROR] src/main/java/App.java:[3,1] (imports) UnusedImports: Unused import - java.util.List.",
        );
        assert_eq!(violation(&line).map(|h| h.strength), Some(Strength::Weak));
        assert!(violations_found(&Line::plain("docs: You have 3 Checkstyle violations to fix")).is_none());
    }

    use crate::classify::tests::analyze_text as analyze;

    const STEP: &str = "##[group]Run mvn -B -ntp verify\nmvn -B -ntp verify\n##[endgroup]\n\
        [INFO] --- checkstyle:3.6.0:check (validate) @ billing ---\n\
        [INFO] There is 1 error reported by Checkstyle 10.20.1 with config/checkstyle/checkstyle.xml ruleset.\n\
        [ERROR] src/main/java/com/acme/App.java:[14,8] (imports) UnusedImports: Unused import - java.util.List.\n";

    /// `failOnViolation` false: the goal logs the violation and goes on; a
    /// test fails later in the same `mvn verify`, and that is the failure.
    #[test]
    fn a_report_only_violation_does_not_outrank_a_later_failure() {
        let log = format!(
            "{STEP}[WARNING] checkstyle:check violations detected but failOnViolation set to false\n\
             [INFO] --- surefire:3.2.5:test (default-test) @ billing ---\n\
             [ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.05 s <<< FAILURE! -- in com.acme.AppTest\n\
             [ERROR] com.acme.AppTest.totals -- Time elapsed: 0.01 s <<< FAILURE!\n\
             org.opentest4j.AssertionFailedError: expected: <42> but was: <41>\n\
             [INFO] BUILD FAILURE\n\
             [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) \
             on project billing: There are test failures.\n\
             ##[error]Process completed with exit code 1.\n"
        );
        let analysis = analyze(&log);
        let root = analysis.root_cause().expect("a failure");
        assert!(!root.message.contains("Checkstyle"), "{root:?}");
    }

    /// The goal failed on its violations: the finding begins at the first.
    #[test]
    fn a_failing_check_is_located_at_its_first_violation() {
        let log = format!(
            "{STEP}[INFO] BUILD FAILURE\n\
             [ERROR] Failed to execute goal org.apache.maven.plugins:maven-checkstyle-plugin:3.6.0:check (validate) \
             on project billing: You have 1 Checkstyle violation. -> [Help 1]\n\
             ##[error]Process completed with exit code 1.\n"
        );
        let analysis = analyze(&log);
        let root = analysis.root_cause().expect("a failure");
        assert!(root.message.contains("Checkstyle found violations"), "{root:?}");
        assert_eq!(root.evidence[0].line, 6, "{root:?}");
    }
}
