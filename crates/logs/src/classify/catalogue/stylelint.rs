//! Stylelint, the CSS linter, and ESLint's message of the same shape.
//!
//! Sources: `lib/formatters/stringFormatter.mjs` (the default formatter): per
//! file a `{path}` heading, then one row per problem, `  {line}:{column}
//! {symbol}  {text}  {rule}`, the symbol `✖` for an error and `⚠` for a
//! warning (`×` and `‼` where the terminal has no Unicode), then `{symbol} {n}
//! problem(s) ({e} error(s), {w} warning(s))`. An error is the stylesheet's: a
//! person's call; the first row is where the report begins (a warning row does
//! not fail the run).
//!
//! `lib/utils/noFilesFoundError.mjs`: `No files matching the pattern
//! "{pattern}" were found.` (the patterns given, `!` ones left out, joined by
//! `, `), which the CLI prints as its stack (`NoFilesFoundError: {message}`);
//! ESLint's `NoFilesFoundError` (`lib/cli-engine/file-enumerator.js`, `lib/eslint/eslint-helpers.js`) prints the same
//! sentence under `Oops! Something went wrong! :(`. The pattern
//! is what the command was given, often a glob: the files it meant are not
//! where it looks (moved, or not generated yet). Reported as `file_not_found`
//! of the pattern, never fixable (a pattern is no path a moved-file search can
//! follow); several patterns at once are not one subject.

use super::util::{path_hit, regex};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "stylelint/no-files",
        grammar: "[NoFilesFoundError: |Error: ]No files matching the pattern \"{pattern}\" were found.",
        needles: &["No files matching the pattern"],
        check: no_files,
        examples: &[
            ex(
                "NoFilesFoundError: No files matching the pattern \"src/styles/**/*.scss\" were found.",
                Category::FileNotFound,
                Some("src/styles/**/*.scss"),
            ),
            ex(
                "No files matching the pattern \"src/**/*.css, src/**/*.scss\" were found.",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "stylelint/problem",
        grammar: "  {line}:{column}  ✖  {text}  {rule} (under a `{path}` heading)",
        needles: &["  ✖  ", "  ×  "],
        check: problem,
        examples: &[ex_after(
            &["src/components/Button/button.module.scss"],
            "  12:3  ✖  Unexpected unknown property \"colr\"   property-no-unknown",
            Category::Unknown,
            None,
        )],
    },
];

fn no_files(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"^(?:(?:NoFilesFoundError|Error): )?No files matching the pattern "(.+?)"(?: \(with disabling globs\))? were found\.$"#)
        .captures(line.text.trim())?;
    let pattern = &c[1];
    let message = "The linter found no file matching the pattern it was given: the files are not where the pattern \
                   looks (moved or renamed, or not generated yet). The pattern in the command is to fix (a manual \
                   fix: a pattern is no single path).";
    if pattern.contains(", ") {
        return Some(Hit::blocker(format!(
            "{message} The patterns were {}.",
            display_text(pattern)
        )));
    }
    Some(path_hit(pattern, 0.7, message).fixable(false))
}

fn problem(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\s*(\d+):(\d+)\s+[✖×]\s+(.+?)\s{2,}((?:@[a-z0-9-]+/)?[a-z][a-z0-9-]*(?:/[a-z0-9-]+)*)$")
        .captures(line.text.trim_end())?;
    // The row's file is the heading above the first row of a file; a later
    // row of the same file has a row above it.
    let under_file = line.recent.last().is_some_and(|l| {
        let l = l.trim();
        (!l.is_empty() && !l.contains(' ') && l.contains('.')) || regex!(r"^\s*\d+:\d+\s").is_match(l)
    });
    if !under_file {
        return None;
    }
    Some(Hit::blocker(format!(
        "Stylelint reported an error at line {}:{}: {} ({}). The stylesheet is to fix, or the rule to configure (a \
         manual fix).",
        &c[1],
        &c[2],
        display_text(&c[3]),
        display_text(&c[4])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_that_matched_nothing_is_a_missing_file_never_fixed() {
        for text in [
            "NoFilesFoundError: No files matching the pattern \"src/styles/**/*.scss\" were found.",
            "No files matching the pattern \"frontend/src/main.tsx\" were found.",
        ] {
            let hit = no_files(&Line::plain(text)).expect("read");
            assert_eq!((hit.category, hit.fixable), (Category::FileNotFound, false), "{text}");
        }
        let several = no_files(&Line::plain(
            "No files matching the pattern \"a/*.css, b/*.css\" were found.",
        ))
        .expect("read");
        assert_eq!((several.category, several.subject), (Category::Unknown, None));
        assert!(no_files(&Line::plain("echo No files matching the pattern were found")).is_none());
    }

    #[test]
    fn error_rows_are_read_under_their_file_and_warnings_are_not() {
        let row = "  27:1  ✖  Expected empty line before rule   rule-empty-line-before";
        assert!(
            problem(&Line {
                recent: &["src/layouts/grid.css"],
                ..Line::plain(row)
            })
            .is_some()
        );
        assert!(
            problem(&Line {
                recent: &["   8:14  ✖  Unexpected duplicate selector   no-duplicate-selectors"],
                ..Line::plain("  12:3  ×  Unexpected unknown property \"colr\"  property-no-unknown")
            })
            .is_some()
        );
        assert!(
            problem(&Line {
                recent: &["src/a.scss"],
                ..Line::plain("  3:1  ✖  Unexpected unknown at-rule \"@tailwind\"  scss/at-rule-no-unknown")
            })
            .is_some()
        );
        // A warning row, and the total, are not the failure.
        assert!(
            problem(&Line {
                recent: &["src/a.css"],
                ..Line::plain("  4:2  ⚠  Unexpected empty block  block-no-empty")
            })
            .is_none()
        );
        assert!(
            problem(&Line {
                recent: &[""],
                ..Line::plain("✖ 3 problems (3 errors, 0 warnings)")
            })
            .is_none()
        );
        // Not under a file heading: another tool's line of that shape.
        assert!(
            problem(&Line {
                recent: &["Running checks…"],
                ..Line::plain(row)
            })
            .is_none()
        );
    }
}
