//! Android lint, run by the Android Gradle plugin (`lint{Variant}`).
//!
//! Sources: lint's text reporter (`TextReporter`), which writes each issue
//! as `{file}[:{line}]: {Severity}: {message} [{issue id}]` with the source
//! line and a `~~~` marker under it; the plugin's lint task, which prints
//! `Lint found {n} error[s], {m} warning[s]. First failure:` (lint's
//! `describeCounts`, which joins the counts with `,` or ` and`: `Lint found
//! 2 errors and 42 warnings. First failure:` too) and then the
//! first error in that form, the text report's path, and fails the task
//! with `Lint found errors in the project; aborting build.` (over advice on
//! `abortOnError` or a baseline). A lint error is the project's code or its
//! lint configuration, for a person; the first failure is where it shows.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "android_lint/error",
        grammar: "{file}[:{line}]: Error: {message} [{issue id}] (lint's text reporter) | Lint found {n} error[s], {m} \
                  warning[s]. First failure: (its heading)",
        needles: &[": Error: ", "First failure:"],
        check: lint_error,
        examples: &[ex(
            "/home/runner/work/app/app/app/src/main/java/org/acme/MainActivity.kt:64: Error: Call requires API \
             level 33 (current min is 26): android.app.Activity#getOnBackInvokedDispatcher [NewApi]",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "android_lint/aborting-build",
        grammar: "Lint found errors in the project; aborting build.",
        needles: &["Lint found errors in the project; aborting build"],
        check: aborting_build,
        examples: &[ex(
            "> Lint found errors in the project; aborting build.",
            Category::Unknown,
            None,
        )],
    },
];

fn lint_error(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if regex!(r"^Lint found \d+ errors?(?:(?:,| and) \d+ warnings?)?\. First failure:$").is_match(text) {
        return Some(Hit::summary(
            "Android lint found errors; the first one follows this line.",
        ));
    }
    let c = regex!(
        r"^((?:[A-Za-z]:)?[^:\s][^:]*\.(?:kt|java|xml|gradle|kts|properties|toml))(?::\d+)?: Error: (.+) \[(\w+)\]$"
    )
    .captures(text)?;
    Some(Hit::blocker(format!(
        "Android lint reported an error ({}) in {} (the code or the lint configuration, for a person).",
        display_text(&c[3]),
        display_text(&c[1])
    )))
}

fn aborting_build(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:>\s*)?Lint found errors in the project; aborting build\.?$")
        .is_match(line.text.trim())
        .then(|| Hit::summary("Android lint failed the build; its errors are printed before this line."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn lint_errors_and_the_tasks_headings() {
        crate::classify::catalogue::assert_reads(
            lint_error,
            &[
                "app/src/main/AndroidManifest.xml:18: Error: Missing permissions required by \
                 LocationManager.requestLocationUpdates: android.permission.ACCESS_FINE_LOCATION [MissingPermission]",
                "D:\\a\\app\\app\\app\\src\\main\\res\\values\\strings.xml: Error: \"app_name\" is not translated in \
                 \"de\" (German) [MissingTranslation]",
            ],
            &[
                // A warning is reported and the build goes on.
                "app/src/main/res/layout/main.xml:12: Warning: Hardcoded string \"Save\" [HardcodedText]",
                "src/app.ts:3: Error: something went wrong",
            ],
        );
        let heading = lint_error(&Line::plain("Lint found 2 errors, 17 warnings. First failure:")).expect("read");
        assert_eq!(heading.strength, Strength::Summary);
        // lint's `describeCounts` joins the counts with ` and` too.
        let and = lint_error(&Line::plain("Lint found 2 errors and 42 warnings. First failure:"));
        assert_eq!(and.map(|h| h.strength), Some(Strength::Summary));
        let abort = aborting_build(&Line::plain("> Lint found errors in the project; aborting build.")).expect("read");
        assert_eq!(abort.strength, Strength::Summary);
        assert!(
            aborting_build(&Line::plain(
                "echo Lint found errors in the project; aborting build. later"
            ))
            .is_none()
        );
    }
}
