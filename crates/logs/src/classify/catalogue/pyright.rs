//! Pyright, the Python type checker (its CLI, the npm and PyPI packages).
//!
//! Source: Pyright's CLI text report (`packages/pyright-internal/src/
//! pyright.ts`, `logDiagnosticToConsole` and `reportDiagnosticsAsText`):
//! each file with diagnostics is named on its own line, then each diagnostic
//! indented two spaces as `{path}:{line}:{column} - {error|warning|
//! information}: {message}`, continuation lines indented deeper and the rule
//! in parentheses at the end (`(reportArgumentType)`), and the run ends with
//! `{n} error[s], {n} warning[s], {n} information[s] ` (exit 1 when there
//! is an error). A warning (`reportMissingModuleSource`: a stub found but
//! not the package) does not fail the run: the first `error` says why the
//! step failed, the project's code, for a person.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "pyright/error",
        grammar: "  {path}:{line}:{column} - error: {message}[ ({rule})]",
        needles: &[" - error: "],
        check: error,
        examples: &[ex(
            "  /home/runner/work/a/a/src/a/io.py:41:23 - error: \"shape\" is not a known attribute of \"None\" \
             (reportOptionalMemberAccess)",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "pyright/summary",
        grammar: "{n} error[s], {n} warning[s], {n} information[s]",
        needles: &[" informations", " information "],
        check: summary,
        examples: &[ex("2 errors, 1 warning, 0 informations ", Category::Unknown, None)],
    },
];

fn error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(\S.*?\.pyi?):\d+:\d+ - error: \S").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "Pyright found a type error in {} (the project's code, for a person).",
        display_text(&c[1])
    )))
}

fn summary(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^[1-9]\d* errors?, \d+ warnings?, \d+ informations? ?$")
        .is_match(line.text.trim())
        .then(|| Hit::summary("Pyright's count of the diagnostics it listed above.").weak())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn an_error_is_the_blocker_a_warning_is_not_read_and_the_count_is_weak() {
        crate::classify::catalogue::assert_reads(
            error,
            &[
                "  /home/runner/work/a/a/src/a/io.py:41:23 - error: Argument of type \"str | None\" cannot be \
                 assigned to parameter \"path\" of type \"str\"",
                "  D:\\a\\a\\a\\src\\a\\stubs.pyi:3:1 - error: Import \"numpy\" could not be resolved \
                 (reportMissingImports)",
            ],
            &[
                "  /home/runner/work/a/a/src/a/config.py:3:8 - warning: Import \"yaml\" could not be resolved from \
                 source (reportMissingModuleSource)",
                "  /home/runner/work/a/a/src/a/io.py:5:1 - information: Code is unreachable",
                "src/a.ts:3:1 - error: not Python",
            ],
        );
        for text in [
            "2 errors, 1 warning, 0 informations ",
            "1 error, 0 warnings, 0 informations",
        ] {
            assert_eq!(
                summary(&Line::plain(text)).map(|h| h.strength),
                Some(Strength::Weak),
                "{text}"
            );
        }
        assert!(summary(&Line::plain("0 errors, 3 warnings, 0 informations ")).is_none());
    }
}
