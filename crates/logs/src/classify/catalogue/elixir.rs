//! Elixir: Mix and ExUnit.
//!
//! Sources: Mix's dependency check (`Mix.Tasks.Deps.Loadpaths`), which lists
//! `Unchecked dependencies for environment {env}:` with each dependency's
//! status (`the dependency is not available, run "mix deps.get"`) and stops
//! with `** (Mix) Can't continue due to errors on dependencies`; Mix's
//! `could not compile dependency :{app}, "mix compile" failed.` when a
//! dependency does not build (`Mix.Dep`); every error Mix raises is printed as
//! `** (Mix) {message}` (`Mix.Error` through `Mix.CLI`); ExUnit's summary
//! `{n} tests, {n} failures` (with `{n} doctests, ` / `{n} properties, ` before
//! it and `, {n} excluded` / `, {n} skipped` / `, {n} invalid` after it,
//! `ExUnit.CLIFormatter`).
//!
//! A dependency that was not fetched is not a missing package: the project
//! lists it, and the job skipped `mix deps.get` (or restored a broken deps
//! cache); a person decides.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "elixir/unchecked-dependencies",
        grammar: "Unchecked dependencies for environment {env}: (then `* {dep} ({kind})` and its status)",
        needles: &["Unchecked dependencies for environment"],
        check: unchecked_dependencies,
        examples: &[ex(
            "Unchecked dependencies for environment test:",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "elixir/dependency-compile-failed",
        grammar: "could not compile dependency :{app}, \"mix compile\" failed. …",
        needles: &["could not compile dependency :"],
        check: dependency_compile_failed,
        examples: &[ex(
            "could not compile dependency :bcrypt_elixir, \"mix compile\" failed. Errors may have been logged above.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "elixir/mix-error",
        grammar: "** (Mix) {message}",
        needles: &["** (Mix) "],
        check: mix_error,
        examples: &[ex(
            "** (Mix) The task \"phx.digest\" could not be found",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "elixir/exunit-summary",
        grammar: "[{n} doctests, ][{n} properties, ]{n} tests, {n} failures[, {n} excluded][, {n} skipped] (ExUnit; \
                  `1 test, 1 failure` in the singular)",
        needles: &[" tests, ", " test, "],
        check: exunit_summary,
        examples: &[ex(
            "3 doctests, 48 tests, 1 failure, 2 excluded",
            Category::Unknown,
            None,
        )],
    },
];

fn unchecked_dependencies(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Unchecked dependencies for environment \w+:$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "Mix found dependencies of the project that were not fetched or do not match mix.lock: the job runs \
             Mix before `mix deps.get` (or restored a stale deps cache).",
            )
        })
}

fn dependency_compile_failed(line: &Line<'_>) -> Option<Hit> {
    line.text
        .trim_start()
        .starts_with("could not compile dependency :")
        .then(|| {
            Hit::install_failure(
                "A Mix dependency failed to compile (the lines above it say why: often a native build tool or library \
             that is not installed).",
            )
        })
}

fn mix_error(line: &Line<'_>) -> Option<Hit> {
    line.text
        .trim_start()
        .starts_with("** (Mix) ")
        .then(|| Hit::blocker("Mix stopped with an error."))
}

fn exunit_summary(line: &Line<'_>) -> Option<Hit> {
    regex!(
        r"^(?:\d+ (?:doctests?|properties|property), )*\d+ tests?, [1-9]\d* failures?(?:, \d+ (?:excluded|skipped|invalid))*$"
    )
    .is_match(line.text.trim())
    .then(|| Hit::blocker("ExUnit tests failed."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn exunit_summary_with_failures_only() {
        assert_reads(
            exunit_summary,
            &[
                "48 tests, 1 failure",
                "1 test, 1 failure",
                "2 properties, 10 tests, 3 failures, 1 skipped",
            ],
            &[
                "48 tests, 0 failures",
                "Ran 48 tests, 1 failure in the last run was flaky",
            ],
        );
    }

    #[test]
    fn mix_lines_as_mix_prints_them() {
        assert_reads(
            mix_error,
            &["** (Mix) Can't continue due to errors on dependencies"],
            &["echo '** (Mix)' is how mix reports"],
        );
        assert_reads(
            unchecked_dependencies,
            &["Unchecked dependencies for environment dev:"],
            &["Unchecked dependencies for environment test: see below"],
        );
    }
}
