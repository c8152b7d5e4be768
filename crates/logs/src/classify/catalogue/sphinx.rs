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

use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

/// Sphinx's heading above the warning `-W` turned into an error.
pub const TREATED_AS_ERROR: &str = "Warning, treated as error:";

pub const ENTRIES: &[Entry] = &[Entry {
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
}];

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
}
