//! ktlint, the Kotlin linter (its CLI, and the Gradle plugins that run it).
//!
//! Source: ktlint's `plain` reporter (the default; `PlainReporter`, in
//! `com.pinterest.ktlint.cli.reporter.plain` since 1.0, module
//! `ktlint-cli-reporter-plain`, `com.pinterest.ktlint.reporter.plain`
//! before), which prints each lint error as `{file}:{line}:{column}:
//! {message} ({rule id})`, the rule id qualified by its rule set since ktlint
//! 0.48 (`standard:no-wildcard-imports`), an error it cannot autocorrect
//! suffixed ` (cannot be auto-corrected)` in older releases; its `afterAll`
//! then prints a blank line, `Summary error count (descending) by rule:` and
//! one `  {rule id}: {count}` line per rule. (The `plain-summary` reporter,
//! `PlainSummaryReporter`, prints only counts, under `Count (descending) of
//! autocorrected errors by rule:` and its uncorrected twin.) Its command line logs, at `WARN`,
//! `Lint has found errors than can be autocorrected using 'ktlint --format'`
//! (the words as ktlint prints them) and exits 1. A lint error is the
//! project's code, for a person (or `ktlint --format`); the first one printed
//! is where it shows.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "ktlint/lint-error",
        grammar: "{file}.kt[s]:{line}:{column}: {message} ({rule set}:{rule})",
        needles: &[".kt:", ".kts:"],
        check: lint_error,
        examples: &[ex(
            "app/src/main/java/org/acme/sync/SyncWorker.kt:5:1: Wildcard import (standard:no-wildcard-imports)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "ktlint/summary",
        grammar: "Summary error count (descending) by rule: (then `  {rule id}: {count}` lines)",
        needles: &["Summary error count (descending) by rule"],
        check: summary,
        examples: &[ex("Summary error count (descending) by rule:", Category::Unknown, None)],
    },
];

fn lint_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(\S+\.kts?):\d+:\d+: (.+) \(([a-z][\w-]*:[a-z][\w-]*)\)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "ktlint found a lint error ({}) in {} (the project's code, for a person, or `ktlint --format`).",
        display_text(&c[3]),
        display_text(&c[1])
    )))
}

fn summary(line: &Line<'_>) -> Option<Hit> {
    (line.text.trim() == "Summary error count (descending) by rule:")
        .then(|| Hit::summary("ktlint's count of lint errors by rule (the errors are listed above it)."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn lint_errors_and_their_summary() {
        crate::classify::catalogue::assert_reads(
            lint_error,
            &[
                "app/src/main/java/org/acme/sync/SyncWorker.kt:41:9: Missing newline after \"->\" \
                 (standard:multiline-if-else)",
                "/home/runner/work/app/app/build.gradle.kts:12:1: Unexpected blank line(s) before \"}\" \
                 (standard:no-blank-line-before-rbrace)",
                "C:\\a\\app\\app\\src\\Main.kt:3:5: Exceeded max line length (120) (standard:max-line-length)",
            ],
            &[
                // kotlinc's diagnostics have their own form (`e: file:///…`, `w: …`).
                "w: file:///home/runner/work/app/app/src/Main.kt:3:5 'x' is deprecated.",
                "src/Main.kt:3:5: see the docs (link)",
            ],
        );
        let hit = summary(&Line::plain("Summary error count (descending) by rule:")).expect("read");
        assert_eq!(hit.strength, Strength::Summary);
    }
}
