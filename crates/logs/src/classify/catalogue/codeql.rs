//! github/codeql-action and the CodeQL CLI it runs.
//!
//! Sources: the CLI's finalize message when a language was detected but no
//! file of it was extracted, `CodeQL detected code written in {language} but
//! could not process any of it.` (often followed by `using the '{mode}' build
//! mode.`; the action relays it inside `Encountered a fatal error while
//! running "…". Exit code was 32 and error was: …`, the relay being later, so
//! the CLI's own line is where the report begins); `src/upload-lib.ts`
//! `getSarifFilePaths`: `Path does not exist: {sarif_file}` and `No SARIF
//! files found to upload in "{dir}".` (both `ConfigurationError`s). A SARIF
//! file is an analysis's output, written by the scanner step before the
//! upload, so the missing path is never a tracked file that moved: the step
//! that writes it, or the `sarif_file` input, is to check (not fixable).

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::knowledge::outputs::report_kind;
use crate::line::LineKind;
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "codeql/no-code-processed",
        grammar: "CodeQL detected code written in {language} but could not process any of it.",
        needles: &["but could not process any of it"],
        check: no_code_processed,
        examples: &[ex(
            "CodeQL detected code written in Java/Kotlin but could not process any of it. For more information, \
             review our troubleshooting guide at https://gh.io/troubleshooting-code-scanning/no-source-code-seen-during-build.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "codeql/sarif-path-missing",
        grammar: "Path does not exist: {sarif_file} | No SARIF files found to upload in \"{dir}\".",
        needles: &["Path does not exist: ", "No SARIF files found to upload in "],
        check: sarif_missing,
        examples: &[
            ex(
                "##[error]Path does not exist: trivy-results.sarif",
                Category::FileNotFound,
                Some("trivy-results.sarif"),
            ),
            ex(
                "##[error]No SARIF files found to upload in \"reports/sarif\".",
                Category::FileNotFound,
                Some("reports/sarif"),
            ),
        ],
    },
];

fn no_code_processed(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"^CodeQL detected code written in (.+?) but could not process any of it").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "CodeQL found {} code but extracted none of it: the build between init and analyze did not compile it \
         where CodeQL could trace it (a build mode, build command or container to set; a manual fix).",
        display_text(&c[1])
    )))
}

const SARIF_OUTPUT: &str = "The SARIF file to upload does not exist: the scanner step before the upload writes it; \
     check that step's output path and the upload's sarif_file.";

fn sarif_missing(line: &Line<'_>) -> Option<Hit> {
    // Only the action's error: the same words in a script's output say
    // nothing about SARIF.
    if line.kind != LineKind::Error {
        return None;
    }
    let text = line.text.trim();
    if let Some(rest) = text.strip_prefix("Path does not exist: ") {
        // Only a SARIF path: other actions print the same words. A SARIF
        // file is a report the run writes, never fixable (`path_hit`).
        let rest = rest.trim();
        return (report_kind(rest) == Some("SARIF report")).then(|| path_hit(rest, 0.75, SARIF_OUTPUT));
    }
    // The directory the SARIF files were to be in: made by the scanner too.
    let dir = regex!(r#"^No SARIF files found to upload in "([^"]+)"\.?$"#)
        .captures(text)?
        .get(1)?
        .as_str();
    Some(
        path_hit(
            dir,
            0.75,
            "No SARIF file is in the directory to upload: the scanner step before the upload writes them, so no \
             directory of the repository is where they went; check that step's output path and the upload's \
             sarif_file (a manual fix).",
        )
        .fixable(false),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cli_message_is_read_and_a_relay_is_not_its_start() {
        crate::classify::catalogue::assert_reads(
            no_code_processed,
            &["CodeQL detected code written in C/C++ but could not process any of it using the 'none' build mode."],
            &[
                "Encountered a fatal error while running \"codeql database finalize\". Exit code was 32 and error was: \
               CodeQL detected code written in Java/Kotlin but could not process any of it.",
            ],
        );
    }

    #[test]
    fn a_missing_sarif_file_is_not_fixable() {
        let error = |text| Line {
            kind: LineKind::Error,
            ..Line::plain(text)
        };
        let hit = sarif_missing(&error("Path does not exist: results/semgrep.sarif")).expect("read");
        assert_eq!(hit.category, Category::FileNotFound);
        assert!(!hit.fixable);
        let hit = sarif_missing(&error("No SARIF files found to upload in \"../results\".")).expect("read");
        assert_eq!(hit.category, Category::FileNotFound);
        assert!(!hit.fixable);
        // Another action's path, or the words outside an error, are not read.
        assert!(sarif_missing(&error("Path does not exist: dist/app.zip")).is_none());
        assert!(sarif_missing(&Line::plain("Path does not exist: results.sarif")).is_none());
    }
}
