//! Python linters: ruff and flake8 (pycodestyle's report format).
//!
//! Sources: flake8's default `--format` (`%(path)s:%(row)d:%(col)d: %(code)s
//! %(text)s`, from pycodestyle), which ruff's `concise` output and its `full`
//! output before 0.12.9 share (`{path}:{row}:{col}: {code} [*] {message}`, `[*]`
//! when ruff can fix it); ruff's `full` output from 0.12.9 (astral-sh/ruff#19415: `{code} [*]
//! {message}` with ` --> {path}:{row}:{col}` on the next line); ruff's
//! summary `Found {n} error[s].` (`Found {n} errors ({m} fixed, {k}
//! remaining).` with `--fix`). Codes are a rule prefix of capitals and a
//! number (`F401`, `E501`, `UP006`, `PLR0913`, `RUF100`).
//!
//! A lint finding is the project's code, never something a workflow edit
//! fixes: `unknown`, read on the tool's first diagnostic so a person lands on
//! it, not on pip's or the runner's lines around it.

use super::util::{located_below, regex};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "python_lint/diagnostic",
        grammar: "{path}.py:{row}:{col}: {code} [[*]] {message} (flake8, ruff concise and full before 0.12.9)",
        needles: &[".py:", ".pyi:", ".ipynb:"],
        check: diagnostic,
        examples: &[
            ex(
                "src/app/models.py:3:8: F401 [*] `json` imported but unused",
                Category::Unknown,
                None,
            ),
            ex(
                "./tests/test_api.py:88:80: E501 line too long (94 > 79 characters)",
                Category::Unknown,
                None,
            ),
        ],
    },
    Entry {
        id: "python_lint/ruff-location",
        grammar: "{code} [[*]] {message} (then) --> {path}.py:{row}:{col} (ruff's full output from 0.12.9)",
        needles: &["--> "],
        check: ruff_location,
        examples: &[ex_after(
            &["F841 Local variable `err` is assigned to but never used"],
            " --> src/pipeline/runner.py:88:13",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "python_lint/ruff-summary",
        grammar: "Found {n} error[s]. | Found {n} errors ({m} fixed, {k} remaining). (ruff; older tsc prints the \
                  first form too)",
        needles: &["Found "],
        check: ruff_summary,
        examples: &[ex("Found 2 errors.", Category::Unknown, None)],
    },
];

fn diagnostic(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^\S+\.(?:py|pyi|ipynb):\d+:\d+: [A-Z]{1,6}[0-9]{1,4}:? \S")
        .is_match(line.text.trim())
        .then(|| Hit::blocker("A Python linter (ruff, flake8) reported a problem in the code."))
}

fn ruff_location(line: &Line<'_>) -> Option<Hit> {
    located_below(
        line,
        &["py", "pyi", "ipynb"],
        regex!(r"^[A-Z]{1,6}[0-9]{1,4}(?: \[\*\])? \S"),
    )
    .then(|| Hit::blocker("ruff reported a problem in the code.").opened_on_previous_line())
}

fn ruff_summary(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Found [1-9]\d* errors?(?:\.| \(\d+ fixed, [1-9]\d* remaining\)\.)$")
        .is_match(line.text.trim())
        .then(|| Hit::blocker("The checker (ruff, or tsc's same summary) found problems in the code."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn reads_diagnostics_not_other_locations() {
        assert_reads(
            diagnostic,
            &[
                "src/app/models.py:3:8: F401 [*] `json` imported but unused",
                "pkg/cli.py:12:1: PLR0913 Too many arguments in function definition (6 > 5)",
                "pkg/cli.py:7:1: C0114: Missing module docstring (missing-module-docstring)",
            ],
            &[
                // A traceback's location, pytest's, grep's: not a lint code.
                "src/app/models.py:3: in <module>",
                "tests/test_x.py:14: AssertionError",
                "src/app/models.py:3:import json",
            ],
        );
        assert_reads(
            ruff_summary,
            &[
                "Found 2 errors.",
                "Found 1 error.",
                "Found 3 errors (2 fixed, 1 remaining).",
            ],
            &[
                "Found 0 errors.",
                "Found 3 errors (3 fixed, 0 remaining).",
                "Found 2 errors in 1 file",
            ],
        );
    }

    #[test]
    fn ruffs_new_location_line_needs_its_heading() {
        let recent = ["F401 [*] `json` imported but unused"];
        let hit = ruff_location(&Line {
            recent: &recent,
            ..Line::plain(" --> src/app/models.py:3:8")
        })
        .expect("read");
        assert!(hit.opened_on_previous_line);
        let other = ["error[E0432]: unresolved import `foo`"];
        assert!(
            ruff_location(&Line {
                recent: &other,
                ..Line::plain(" --> src/main.rs:3:5")
            })
            .is_none()
        );
    }
}
