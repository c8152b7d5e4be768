//! Python linters and type checkers: ruff, flake8 (pycodestyle's report
//! format) and mypy.
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
//! mypy (`mypy/errors.py`, `mypy/messages.py`, `mypy/stubinfo.py`) prints
//! `{path}:{line}: error: {message}  [{code}]` and ends with `Found {n}
//! error[s] in {m} file[s] (checked {k} source file[s])`; for a third-party
//! module whose types ship as a separate stub distribution it prints
//! `error: Library stubs not installed for "{module}"  [import-untyped]` with
//! `note: Hint: "python3 -m pip install {distribution}"` on the next line (the
//! distribution from its stubinfo table, `types-{name}` or `{name}-stubs`):
//! that distribution is missing from the job.
//!
//! A lint finding is the project's code, never something a workflow edit
//! fixes: `unknown`, read on the tool's first diagnostic so a person lands on
//! it, not on pip's or the runner's lines around it.

use super::util::{located_below, regex};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, SubjectDetail};

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
    Entry {
        id: "python_lint/mypy-stub-hint",
        grammar: "{path}:{line}: note: Hint: \"python3 -m pip install {distribution}\" (under mypy's `{path}:{line}: \
                  error: Library stubs not installed for \"{module}\"`)",
        needles: &["note: Hint: \"python3 -m pip install "],
        check: mypy_stub_hint,
        examples: &[ex_after(
            &["src/app/config.py:4: error: Library stubs not installed for \"yaml\"  [import-untyped]"],
            "src/app/config.py:4: note: Hint: \"python3 -m pip install types-PyYAML\"",
            Category::MissingDependency,
            Some("types-PyYAML"),
        )],
    },
    Entry {
        id: "python_lint/mypy-error",
        grammar: "{path}.py[i]:{line}: error: {message}  [{code}] | Found {n} error[s] in {m} file[s] (checked {k} \
                  source file[s])",
        needles: &[": error: ", " file (checked ", " files (checked "],
        check: mypy_error,
        examples: &[ex(
            "src/app/models.py:41: error: Incompatible return value type (got \"str\", expected \"int\")  [return-value]",
            Category::Unknown,
            None,
        )],
    },
];

/// mypy's hint under its "Library stubs not installed" error names the stub
/// distribution; the error line (just before it, same location) says which
/// module. Only a stub distribution's name is taken (`types-…`, `…-stubs`).
/// Not fixable: the stub is a type-check dependency (installing the module's
/// runtime distribution would be the wrong fix), and its name is the log's
/// own, which no table vouches for, so the message says what to add by hand.
fn mypy_stub_hint(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"^(\S+:\d+): note: Hint: "python3 -m pip install ([A-Za-z0-9][A-Za-z0-9._-]*)"$"#)
        .captures(line.text.trim())?;
    let (location, distribution) = (&c[1], &c[2]);
    let heading = line.recent.last()?;
    let h =
        regex!(r#"^(\S+:\d+): error: Library stubs not installed for "([A-Za-z_][\w.]*)""#).captures(heading.trim())?;
    if &h[1] != location
        || !crate::subject::is_distribution(distribution)
        || !(distribution.starts_with("types-") || distribution.ends_with("-stubs"))
    {
        return None;
    }
    let module = h[2].to_string();
    Some(
        Hit::cause(
            Category::MissingDependency,
            0.85,
            format!(
                "mypy has no type information for '{module}': its stub distribution {distribution} is not installed \
                 where mypy runs (mypy's own hint names it). Add {distribution} by hand to the requirements that \
                 install mypy (or to mypy's `additional_dependencies` under pre-commit)."
            ),
        )
        .with_subject(
            distribution,
            SubjectDetail::Module {
                module,
                distribution: distribution.to_string(),
                known: false,
                python: line.python,
            },
        )
        .fixable(false)
        .opened_on_previous_line(),
    )
}

fn mypy_error(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if regex!(r"^Found [1-9]\d* errors? in \d+ files? \(checked \d+ source files?\)$").is_match(text) {
        return Some(Hit::summary("mypy found type errors (its summary)."));
    }
    // The stub error is decided by the hint under it.
    (regex!(r"^\S+\.pyi?:\d+: error: .+  \[[a-z][a-z-]*\]$").is_match(text)
        && !text.contains(": error: Library stubs not installed for "))
    .then(|| Hit::blocker("mypy reported a type error in the code."))
}

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
    fn mypys_stub_hint_names_the_distribution_under_its_error() {
        let read = |text: &str, recent: &[&str]| {
            mypy_stub_hint(&Line {
                recent,
                ..Line::plain(text)
            })
        };
        let error = ["src/a.py:4: error: Library stubs not installed for \"requests\"  [import-untyped]"];
        let hit = read(
            "src/a.py:4: note: Hint: \"python3 -m pip install types-requests\"",
            &error,
        )
        .expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.opened_lines_above == 1),
            (Category::MissingDependency, Some("types-requests"), true)
        );
        // The log chose the name and a type-check dependency is not the
        // runtime one: never fixable, never a known distribution.
        assert!(!hit.fixable);
        assert!(matches!(hit.detail, SubjectDetail::Module { known: false, .. }));
        // Another location's hint, a distribution that is not a stub
        // package, or no error above: not read.
        assert!(
            read(
                "src/b.py:9: note: Hint: \"python3 -m pip install types-requests\"",
                &error
            )
            .is_none()
        );
        assert!(read("src/a.py:4: note: Hint: \"python3 -m pip install requests\"", &error).is_none());
        assert!(read("src/a.py:4: note: Hint: \"python3 -m pip install types-requests\"", &[]).is_none());
        assert_reads(
            mypy_error,
            &[
                "Found 3 errors in 2 files (checked 40 source files)",
                "pkg/a.pyi:3: error: Name \"x\" is not defined  [name-defined]",
            ],
            &[
                "src/a.py:4: error: Library stubs not installed for \"yaml\"  [import-untyped]",
                "src/main.rs:3: error: x  [y]",
                "Found 0 errors in 0 files (checked 3 source files)",
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
        assert_eq!(hit.opened_lines_above, 1);
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
