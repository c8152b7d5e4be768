//! tox 4's own refusals.
//!
//! Sources: tox 4 logs an environment it could not set up or a command it
//! would not run as `failed with {reason}` for its `Fail` exceptions
//! (`session/cmd/run/single.py`), through its log handler (`report.py`),
//! whose format puts the environment's name first: `{env}: {message}`, and at
//! `-vv` also the milliseconds since start, the level's initial and the
//! source line (`{env}: {ms} E {message} [{path}:{line}]`). Two reasons are
//! read: a command outside the environment that the configuration does not
//! allow (`{cmd} is not allowed, use allowlist_externals to allow it`, or
//! `{cmd} (resolves to {path}) is not allowed, …`, from
//! `execute/local_sub_process`), and an interpreter it cannot find when
//! `skip_missing_interpreters` is off (`NoInterpreter`: `could not find
//! python interpreter matching any of the specs {spec}[, {spec}…]`, in
//! `tox_env/python/api.py`; with it on, tox prints `{env}: skipped because
//! could not find python interpreter with spec(s): {spec}`, a skip and no
//! failure). Each is the project's tox configuration or the job's Python
//! set-up, which a person decides: `unknown`. (tox's `{env}: FAIL code {n}`
//! and `evaluation failed :(` only say that a command failed; the command's
//! own output says why.) tox 3 printed neither form (`ERROR: InterpreterNotFound:
//! {python}`, `ERROR: InvocationError for command {cmd}`, its summary's
//! `ERROR:  {env}: commands failed`), so another tool's `{name}: failed with
//! {text}` line is not read as tox's.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "tox/environment-failed",
    grammar: "{env}: [{ms} E ]failed with {reason}[ [{path}:{line}]] (tox 4; {reason} is `{cmd}[ (resolves to \
              {path})] is not allowed, use allowlist_externals to allow it` or `could not find python interpreter \
              matching any of the specs {spec}[, {spec}…]`)",
    needles: &[": failed with ", " E failed with "],
    check: environment_failed,
    examples: &[
        ex(
            "py311: failed with make is not allowed, use allowlist_externals to allow it",
            Category::Unknown,
            None,
        ),
        ex(
            "py313: failed with could not find python interpreter matching any of the specs py313",
            Category::Unknown,
            None,
        ),
    ],
}];

fn environment_failed(line: &Line<'_>) -> Option<Hit> {
    // An environment's name: factors of letters, digits, `_` and `.` joined
    // by `-` (`py311-django42`, `3.12`), tox's packaging environment `.pkg`,
    // or `root` outside any environment.
    let c =
        regex!(r"^\.?[\w.]+(?:-[\w.]+)*: (?:\d+ E )?failed with (.+?)(?: \[\S+:\d+\])?$").captures(line.text.trim())?;
    let reason = &c[1];
    if regex!(r"^\S.* is not allowed, use allowlist_externals to allow it$").is_match(reason) {
        Some(Hit::blocker(
            "tox would not run a command the environment does not allow: add it to `allowlist_externals`.",
        ))
    } else if regex!(r"^could not find python interpreter matching any of the specs \S").is_match(reason) {
        Some(Hit::blocker(
            "tox found no interpreter for the environment: set up that Python version before tox runs.",
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn reads_tox_refusals_not_other_failed_with_lines() {
        assert_reads(
            environment_failed,
            &[
                "py311: failed with make is not allowed, use allowlist_externals to allow it",
                "unit: failed with coverage (resolves to /usr/bin/coverage) is not allowed, use allowlist_externals \
                 to allow it",
                "lint: failed with could not find python interpreter matching any of the specs python3.9",
                "py39-django42: failed with could not find python interpreter matching any of the specs py39, \
                 python3.9",
                // `-vv`: the milliseconds, the level's initial, the source line.
                "py311: 1532 E failed with make is not allowed, use allowlist_externals to allow it \
                 [tox/session/cmd/run/single.py:59]",
            ],
            &[
                "  py311: FAIL code 1 (6.10 seconds)",
                "The build failed with exit code 2",
                "error: task failed with exit status 1: see above",
                // Another tool's `{name}: failed with {text}`.
                "build: failed with exit code 2",
                "deploy: failed with status 500",
                "py311: failed with an error nobody in tox writes",
                // tox's skip of a missing interpreter is not a failure, and
                // its wording never follows `failed with`.
                "py310: skipped because could not find python interpreter with spec(s): py310",
                "py313: failed with could not find python interpreter with spec(s): py313",
                // tox 3's forms.
                "ERROR:  py37: InterpreterNotFound: python3.7",
                "ERROR: InvocationError for command /usr/bin/make (exited with code 2)",
                "ERROR:   py311: commands failed",
                // The refusal quoted in a script, not at the start of tox's line.
                "echo \"py311: failed with make is not allowed, use allowlist_externals to allow it\"",
                "hint: py311 failed with make is not allowed, use allowlist_externals to allow it",
            ],
        );
    }
}
