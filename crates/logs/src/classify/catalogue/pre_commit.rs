//! pre-commit, the hook runner.
//!
//! Source: pre-commit's `run` output (`pre_commit/commands/run.py`,
//! `_full_msg`): one line per hook, `{name}{dots}{Passed|Failed|Skipped}`
//! padded with dots to the terminal width (79 columns in CI; the status's
//! colour under `--color=always` is removed where lines are read); under a failed hook, `- hook id: {id}`,
//! `- exit code: {n}` or `- files were modified by this hook`, then the
//! hook's own output. The first failed hook is where a person starts: the
//! tool output under it (a linter's diagnostic) is that hook's detail, and a
//! hook that only rewrote files asks for a commit of its changes.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "pre_commit/hook-failed",
    grammar: "{hook name}{dots}Failed",
    needles: &["...Failed"],
    check: hook_failed,
    examples: &[ex(
        "trim trailing whitespace.................................................Failed",
        Category::Unknown,
        None,
    )],
}];

fn hook_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    regex!(r"^\S.*?\.{3,}(?:\(no files to check\))?Failed$")
        .is_match(text.trim_end())
        .then(|| {
            Hit::blocker(
                "A pre-commit hook failed (the `- hook id:` lines under it say which, and whether it only rewrote \
                 files that need committing).",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_hook() {
        crate::classify::catalogue::assert_reads(
            hook_failed,
            &[
                "ruff.....................................................................Failed",
                "mypy.....................................................................Failed",
            ],
            &[
                "check yaml...............................................................Passed",
                "Installing...Failed to fetch",
                "  ...Failed",
            ],
        );
    }
}
