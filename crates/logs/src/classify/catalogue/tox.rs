//! tox 4's own refusals.
//!
//! Sources: tox 4 reports an environment it could not set up or a command it
//! would not run as `{env}: failed with {reason}` (its `Fail` exceptions,
//! raised while the environment is set up or a command is resolved): a
//! command outside the environment that the configuration does not allow
//! (`{cmd} is not allowed, use allowlist_externals to allow it`), an
//! interpreter it cannot find (`could not find python interpreter with
//! spec(s): {spec}` when `skip_missing_interpreters` is off). Each is the
//! project's tox configuration or the job's Python set-up, which a person
//! decides: `unknown`. (tox's `{env}: FAIL code {n}` and `evaluation failed
//! :(` only say that a command failed; the command's own output says why.)

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "tox/environment-failed",
    grammar: "{env}: failed with {reason} (tox 4: `{cmd} is not allowed, use allowlist_externals to allow it`, `could \
              not find python interpreter with spec(s): {spec}`)",
    needles: &[": failed with "],
    check: environment_failed,
    examples: &[
        ex(
            "py311: failed with make is not allowed, use allowlist_externals to allow it",
            Category::Unknown,
            None,
        ),
        ex(
            "py313: failed with could not find python interpreter with spec(s): py313",
            Category::Unknown,
            None,
        ),
    ],
}];

fn environment_failed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^([\w.-]+): failed with (.+)$").captures(line.text.trim())?;
    let reason = &c[2];
    let hit = if reason.contains("allowlist_externals") {
        Hit::blocker("tox would not run a command the environment does not allow: add it to `allowlist_externals`.")
    } else if reason.contains("could not find python interpreter") {
        Hit::blocker("tox found no interpreter for the environment: set up that Python version before tox runs.")
    } else {
        Hit::blocker("tox could not set up or run the environment.")
    };
    Some(hit)
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
                "lint: failed with could not find python interpreter with spec(s): python3.9",
            ],
            &[
                "  py311: FAIL code 1 (6.10 seconds)",
                "The build failed with exit code 2",
                "error: task failed with exit status 1: see above",
            ],
        );
    }
}
