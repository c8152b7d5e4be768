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
//!
//! A dependency built by rebar (`Mix.Tasks.Deps.Compile`'s
//! `handle_rebar_not_found`) when the manager is not installed: Mix prints
//! `Could not find "{manager}", which is needed to build dependency :{app}`,
//! `I can install a local copy which is just used by Mix` and asks `Shall I
//! install {manager}? (if running non-interactively, use "mix local.rebar
//! --force") [Yn]`; with no one to answer it raises `Could not find
//! "{manager}" to compile dependency :{app}, please ensure "{manager}" is
//! available` (on the prompt's line, which ends without a newline). The
//! manager (`rebar3`) is the missing command. Hex's `Package fetch failed
//! and no cached copy available` follows the reason Hex printed on the line
//! before ([`super::hex`]), so it is only that reason's consequence.

use super::util::{command_hit, regex};
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
        id: "elixir/rebar-not-found",
        grammar: "Could not find \"{manager}\", which is needed to build dependency :{app}",
        needles: &["which is needed to build dependency"],
        check: rebar_not_found,
        examples: &[ex(
            "Could not find \"rebar3\", which is needed to build dependency :telemetry",
            Category::MissingCommand,
            Some("rebar3"),
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

fn rebar_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"^Could not find "([\w.-]+)", which is needed to build dependency :\w+$"#)
        .captures(line.text.trim())?;
    Some(command_hit(&c[1], line, 0.8))
}

fn mix_error(line: &Line<'_>) -> Option<Hit> {
    // Mix's raise may follow its own prompt on the same line.
    let at = line.text.find("** (Mix) ")?;
    let message = &line.text[at + "** (Mix) ".len()..];
    let before = line.text[..at].trim();
    if !before.is_empty() && !before.ends_with("[Yn]") {
        return None;
    }
    let follows = |needle: &str| line.recent.iter().any(|l| l.contains(needle));
    // The consequence of a reason printed just before it (Hex's download
    // failure, the missing rebar), which its own entry reads.
    if (message.starts_with("Package fetch failed") && follows("Request failed ("))
        || (message.starts_with("Could not find \"") && follows("which is needed to build dependency"))
    {
        return Some(Hit::blocker("Mix stopped after the error printed just before.").weak());
    }
    Some(Hit::blocker("Mix stopped with an error."))
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
            rebar_not_found,
            &["Could not find \"rebar3\", which is needed to build dependency :ranch"],
            &["Could not find Hex, which is needed to build dependency :jason"],
        );
        let after_rebar = Line {
            recent: &["Could not find \"rebar3\", which is needed to build dependency :ranch"],
            ..Line::plain(
                "Shall I install rebar3? (if running non-interactively, use \"mix local.rebar --force\") [Yn] ** (Mix) \
                 Could not find \"rebar3\" to compile dependency :ranch, please ensure \"rebar3\" is available",
            )
        };
        assert_eq!(
            mix_error(&after_rebar).map(|h| h.strength),
            Some(crate::classify::hit::Strength::Weak)
        );
        assert_reads(
            unchecked_dependencies,
            &["Unchecked dependencies for environment dev:"],
            &["Unchecked dependencies for environment test: see below"],
        );
    }
}
