//! MkDocs in strict mode (`mkdocs build --strict`, or `strict: true` in
//! mkdocs.yml).
//!
//! Source: MkDocs' build command counts the records its loggers write at
//! warning level and above (`CountHandler`, set to `logging.WARNING`) when
//! strict, and after the build raises `Abort(f"Aborted with {msg} in strict
//! mode!")`, `msg` being `{n} {level}s` per level, joined by `, ` (`1
//! warnings`, `2 errors, 3 warnings`; `mkdocs/commands/build.py`). Each
//! record is printed by its `ColorFormatter` as `{levelname:<8}-  {message}`
//! (`mkdocs/__main__.py`): `WARNING -  Doc file 'a.md' contains a link …`,
//! `ERROR   -  …`. A warning fails the build only in strict mode, so the
//! abort line is what says the step failed, and the counted lines above it
//! say why: the scanner pins the abort's finding to the step's first counted
//! line ([`counted_record`], `classify/mod.rs`). What a warning reports (a
//! link whose target "is not found among documentation files", a page
//! missing from `nav`) is the documentation's to fix, never a file of the
//! workflow: a blocker.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

/// The entry id of the strict-mode abort.
pub const STRICT_ABORT: &str = "mkdocs/strict-abort";

pub const ENTRIES: &[Entry] = &[Entry {
    id: STRICT_ABORT,
    grammar: "Aborted with {n} {level}s[, {n} {level}s] in strict mode!",
    needles: &["in strict mode!"],
    check: strict_abort,
    examples: &[
        ex("Aborted with 1 warnings in strict mode!", Category::Unknown, None),
        ex(
            "Aborted with 2 errors, 5 warnings in strict mode!",
            Category::Unknown,
            None,
        ),
    ],
}];

fn strict_abort(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Aborted with \d+ [a-z]+s(?:, \d+ [a-z]+s)* in strict mode!$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "MkDocs aborted the build in strict mode (`--strict` or `strict: true`): every warning it logged fails \
                 it. Fix what the first `WARNING -` line reports (a link whose target is not among the documentation \
                 files, a page missing from `nav`): the documentation's to fix, not a file of the workflow.",
            )
        })
}

/// A record MkDocs' strict mode counts, as its formatter prints it: level
/// `WARNING`, `ERROR` or `CRITICAL`, padded to eight columns, then `-  `.
pub fn counted_record(text: &str) -> bool {
    regex!(r"^(?:WARNING|ERROR|CRITICAL) *-  \S").is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_strict_abort_and_the_records_it_counts() {
        crate::classify::catalogue::assert_reads(
            strict_abort,
            &[
                "Aborted with 1 warnings in strict mode!",
                "Aborted with 3 errors, 12 warnings in strict mode!",
                "  Aborted with 1 warnings in strict mode!",
            ],
            &[
                "Aborted with a BuildError!",
                "echo 'Aborted with 1 warnings in strict mode!'",
                "Aborted with warnings in strict mode!",
            ],
        );
        let hit = strict_abort(&Line::plain("Aborted with 1 warnings in strict mode!")).expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        for text in [
            "WARNING -  Doc file 'guide/install.md' contains a link 'configure.md', but the target is not found.",
            "ERROR   -  Error reading page 'x.md': boom",
            "CRITICAL-  x",
        ] {
            assert!(counted_record(text), "{text}");
        }
        for text in [
            "INFO    -  Cleaning site directory",
            "WARNING: pip is configured with locations that require TLS/SSL",
            "WARNING:root:x",
            "  WARNING -  indented",
        ] {
            assert!(!counted_record(text), "{text}");
        }
    }
}
