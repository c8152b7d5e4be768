//! Sphinx (`sphinx-build`).
//!
//! Source: `sphinx/util/logging.py` (`WarningIsErrorFilter`): with `-W`
//! (`--fail-on-warning`), Sphinx before 8.1 stops at the first warning and
//! prints `Warning, treated as error:` on its own line, then the warning's
//! text (`{location}:{message}`, the location a source file and line) on the
//! next (`sphinx/cmd/build.py`, `handle_exception`). The warning is the
//! documentation's (a broken reference, a missing document): a person's
//! call; the heading says nothing of it, so the finding is on the warning.
//! A warning without a source location (a configuration's) is not read.
//!
//! From Sphinx 8.1 (sphinx-doc/sphinx#12743, "No longer exit on the first
//! warning when `--fail-on-warning` is used"), and before it with `-W
//! --keep-going`, the build goes on: each warning is logged where it happens,
//! as `{location}: WARNING: {message}` (`WARNING: {message}` without a
//! location; `ERROR:` and `CRITICAL:` records likewise). From 8.1 the build
//! ends with `sphinx/application.py`'s summary `build finished with problems,
//! {n} warning[s] (with warnings treated as errors).` (the status is
//! `finished with problems` because `-W` sets it). Before 8.1, `-W
//! --keep-going` turns `warningiserror` off in `Sphinx.__init__` and sets
//! status 1 at the end of `build` when warnings were logged, so the summary
//! is `build finished with problems, {n} warning[s].`, without the
//! parenthetical (a builder that sets the status itself, linkcheck on a
//! broken link, ends the same way; `build succeeded, {n} warnings.` is a
//! build that did not fail). The summary says the step failed; the first
//! record logged before it says why: the scanner pins the summary's finding
//! to the step's first such record after Sphinx's `Running Sphinx v{version}`
//! banner ([`started`], [`counted_record`], `classify/mod.rs`), as it does
//! MkDocs' strict abort; a `WARNING: …` printed before it (pip's `WARNING:
//! Running pip as the 'root' user …` in a step that installs, then builds)
//! is not Sphinx's.

use super::util::regex;
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

/// Sphinx's heading above the warning `-W` turned into an error.
pub const TREATED_AS_ERROR: &str = "Warning, treated as error:";

/// The entry id of the summary a `-W` build that went on ends with.
pub const WARNINGS_AS_ERRORS: &str = "sphinx/warnings-treated-as-errors";

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: WARNINGS_AS_ERRORS,
        grammar: "build finished with problems, {n} warning[s][ (with warnings treated as errors)].",
        needles: &["(with warnings treated as errors)", "build finished with problems, "],
        check: warnings_as_errors,
        examples: &[
            ex(
                "build finished with problems, 3 warnings (with warnings treated as errors).",
                Category::Unknown,
                None,
            ),
            ex(
                "build finished with problems, 1 warning (with warnings treated as errors).",
                Category::Unknown,
                None,
            ),
            ex("build finished with problems, 2 warnings.", Category::Unknown, None),
        ],
    },
    Entry {
        id: "sphinx/warning-treated-as-error",
        grammar: "Warning, treated as error: then {location}:{message} on the next line",
        // The warning's location: a source file of the documentation (a
        // docstring's is `{module}.py:docstring of {name}:{line}`).
        needles: &[".rst:", ".md:", ".py:", ".txt:", ".ipynb:", ".inc:"],
        check: warning_as_error,
        examples: &[ex_after(
            &["Warning, treated as error:"],
            "/home/runner/work/docs/docs/docs/index.rst:12:toctree contains reference to nonexisting document 'usage'",
            Category::Unknown,
            None,
        )],
    },
];

fn warnings_as_errors(line: &Line<'_>) -> Option<Hit> {
    let caps = regex!(r"^build finished with problems, \d+ warnings?( \(with warnings treated as errors\))?\.$")
        .captures(line.text.trim())?;
    Some(Hit::blocker(if caps.get(1).is_some() {
        "Sphinx built the documentation with warnings treated as errors (`-W`/`--fail-on-warning`) and logged \
         warnings: each one fails the build. Fix what the first `WARNING:` line reports (a broken reference, a \
         document missing from a toctree, a docstring's markup): the documentation's source is to fix (a manual fix)."
    } else {
        "Sphinx's build finished with problems after logging warnings (before Sphinx 8.1, `-W --keep-going` fails \
         the build this way; a builder such as linkcheck also fails it on what it reports). Fix what the first \
         `WARNING:` line reports (a broken reference, a broken link, a document missing from a toctree): the \
         documentation's source is to fix (a manual fix)."
    }))
}

/// Sphinx's banner, logged when the application starts (`Sphinx.__init__`):
/// its records come after it.
pub fn started(text: &str) -> bool {
    regex!(r"^Running Sphinx v\d").is_match(text.trim())
}

/// A record Sphinx's warning stream counts, as it prints it: its location
/// (a source file and line, or a docstring's) and `: `, or nothing, then
/// `WARNING: `, `ERROR: ` or `CRITICAL: ` and the message.
pub fn counted_record(text: &str) -> bool {
    regex!(r"^(?:\S[^\s:]*(?::[^:]*)*: )?(?:WARNING|ERROR|CRITICAL): \S").is_match(text.trim_end())
}

fn warning_as_error(line: &Line<'_>) -> Option<Hit> {
    if line.recent.last().map(|l| l.trim()) != Some(TREATED_AS_ERROR) {
        return None;
    }
    let text = line.text.trim();
    if text.is_empty() {
        return None;
    }
    Some(Hit::blocker(format!(
        "Sphinx stopped on a warning `-W` makes an error: {} The documentation's source is to fix (a manual fix).",
        display_text(text)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_line_under_the_heading_is_read() {
        let warning = "/w/docs/install.rst:41:undefined label: 'configuration'";
        let hit = warning_as_error(&Line {
            recent: &["writing output... [ 67%] install", "", TREATED_AS_ERROR],
            ..Line::plain(warning)
        })
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(hit.message.contains("undefined label"), "{}", hit.message);
        assert!(warning_as_error(&Line::plain(warning)).is_none());
        assert!(
            warning_as_error(&Line {
                recent: &[TREATED_AS_ERROR, warning],
                ..Line::plain("##[error]Process completed with exit code 2.")
            })
            .is_none()
        );
    }

    /// Sphinx 8.1's summary of a `-W` build, the one of `-W --keep-going`
    /// before 8.1 (no parenthetical: `warningiserror` was turned off, the
    /// status set to 1 for the warnings), and the records they count.
    #[test]
    fn the_summary_of_a_build_that_went_on_and_its_records() {
        crate::classify::catalogue::assert_reads(
            warnings_as_errors,
            &[
                "build finished with problems, 2 warnings (with warnings treated as errors).",
                "build finished with problems, 1 warning (with warnings treated as errors).",
                "build finished with problems, 2 warnings.",
                "build finished with problems, 1 warning.",
            ],
            &[
                "build succeeded, 2 warnings.",
                "build finished with problems.",
                "echo 'build finished with problems, 2 warnings (with warnings treated as errors).'",
                "echo 'build finished with problems, 2 warnings.'",
            ],
        );
        for record in [
            "/home/runner/work/p/p/docs/api.rst:12: WARNING: py:class reference target not found: Foo [ref.class]",
            "/w/p/src/p/core.py:docstring of p.core.run:3: WARNING: Unexpected indentation. [docutils]",
            "WARNING: html_static_path entry '_static' does not exist",
            "/w/docs/index.rst:5: ERROR: Unknown directive type \"autosummary\".",
            "D:\\a\\p\\p\\docs\\index.rst:7: WARNING: duplicate label intro",
        ] {
            assert!(counted_record(record), "{record}");
        }
        for other in [
            "WARNING -  Doc file 'a.md' contains a link 'b.md', but the target is not found.",
            "reading sources... [ 50%] api",
            "npm WARN deprecated glob@7.2.3",
            "build finished with problems, 2 warnings (with warnings treated as errors).",
        ] {
            assert!(!counted_record(other), "{other}");
        }
        assert!(started("Running Sphinx v8.1.3"));
        assert!(started("Running Sphinx v3.3.1+"));
        assert!(!started("echo Running Sphinx"));
        assert!(!started(
            "WARNING: Running pip as the 'root' user can result in broken permissions"
        ));
    }
}
