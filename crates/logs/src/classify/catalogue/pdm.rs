//! PDM, the Python package and project manager, running a command in the
//! project's environment (`pdm run`).
//!
//! Source: PDM's `cli/commands/run.py` (`TaskRunner.expand_command`) raises
//! `PdmUsageError` with `Command '{command}' is not found in your PATH.` when
//! the project's environment has no such program, and `Command '{command}'
//! is not a valid executable.` for a `./` or `../` path that is no file; PDM's
//! error handler prints an exception as `[{class}]: {message}` with the rich
//! markup rendered (`[PdmUsageError]: Command 'pytest' is not found in your
//! PATH.`). A program missing from the project's environment comes from the
//! project's dependency groups (a `--prod` install leaves the dev group out),
//! as with `uv run` and `poetry run` (`python.rs`): a missing command, never
//! fixed with a system install. `pdm run {name}` runs the script `{name}` of
//! `[tool.pdm.scripts]` when there is one (`TaskRunner.run`, `get_task`) and
//! otherwise looks `{name}` up as a program, so an undefined (misspelt,
//! removed) script gives the same `is not found in your PATH` as a program
//! the environment lacks: only a name that is a known program
//! (`knowledge::tools`) gets the dependency advice.

use super::util::{command_hit, path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "pdm/run-command-missing",
    grammar: "[PdmUsageError]: Command '{command}' is not found in your PATH. | [PdmUsageError]: Command '{path}' is \
              not a valid executable.",
    needles: &["[PdmUsageError]: Command '"],
    check: run_command_missing,
    examples: &[
        ex(
            "[PdmUsageError]: Command 'pytest' is not found in your PATH.",
            Category::MissingCommand,
            Some("pytest"),
        ),
        ex(
            "[PdmUsageError]: Command './scripts/gen_docs.sh' is not a valid executable.",
            Category::FileNotFound,
            Some("scripts/gen_docs.sh"),
        ),
    ],
}];

fn run_command_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\[PdmUsageError\]: Command '([^']+)' is (not found in your PATH|not a valid executable)\.$")
        .captures(line.text.trim())?;
    let name = &c[1];
    if &c[2] == "not a valid executable" {
        return Some(path_hit(
            name,
            0.7,
            "`pdm run` was given a script path that is not a file.",
        ));
    }
    let mut hit = command_hit(name, line, 0.8);
    if hit.category == Category::MissingCommand {
        hit.fixable = false;
        hit.message = if crate::knowledge::tools::is_known_tool(name) {
            format!(
                "`pdm run` found no command '{name}' in the project's environment: add the package that provides \
                 it to the project's dependencies or install its dependency group (`pdm install -G {{group}}`; \
                 `--prod` leaves the dev groups out). Not fixed by installing a system tool."
            )
        } else {
            format!(
                "`pdm run` found neither a script '{name}' in `[tool.pdm.scripts]` nor a program of that name in \
                 the project's environment: a misspelt or removed script, or a program of a dependency group the \
                 install left out. Not fixed by installing a system tool."
            )
        };
    }
    Some(hit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn a_command_the_projects_environment_lacks_is_not_fixed_on_the_system() {
        assert_reads(
            run_command_missing,
            &[
                "[PdmUsageError]: Command 'mypy' is not found in your PATH.",
                "[PdmUsageError]: Command '../tools/check' is not a valid executable.",
            ],
            &[
                "echo \"[PdmUsageError]: Command 'pytest' is not found in your PATH.\"",
                "[PdmUsageError]: Lock file does not exist",
            ],
        );
        let hit = run_command_missing(&Line::plain(
            "[PdmUsageError]: Command 'pytest' is not found in your PATH.",
        ))
        .expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::MissingCommand, Some("pytest"), false)
        );
        assert!(hit.message.contains("`pdm run`"), "{}", hit.message);
        assert!(hit.message.contains("dependency group"), "{}", hit.message);
    }

    /// `pdm run lint` with no script `lint` and no program `lint` prints the
    /// same message as a missing program: a name no known program has gets
    /// no advice to add a dependency that provides it.
    #[test]
    fn an_undefined_script_gets_no_dependency_advice() {
        let hit = run_command_missing(&Line::plain(
            "[PdmUsageError]: Command 'lint' is not found in your PATH.",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::MissingCommand, false));
        assert!(hit.message.contains("[tool.pdm.scripts]"), "{}", hit.message);
        assert!(!hit.message.contains("add the package"), "{}", hit.message);
    }
}
