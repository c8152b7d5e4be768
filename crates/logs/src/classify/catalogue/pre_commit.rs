//! pre-commit, the hook runner.
//!
//! Source: pre-commit's `run` output (`pre_commit/commands/run.py`,
//! `_full_msg`): one line per hook, `{name}{dots}{Passed|Failed|Skipped}`
//! padded with dots to `cols - 1` columns (`_compute_cols`: at least 79; the status's
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

/// pre-commit pads every hook line to `cols - 1` columns, and `cols` is at
/// least 80 (`_compute_cols`), so a shorter `…...Failed` is another tool's
/// text. `(no files to check)` only ever precedes `Skipped`.
const PADDED_WIDTH: usize = 79;

fn hook_failed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_end();
    // A wide (CJK) character counts two columns in pre-commit's `_len_cjk`:
    // counting every non-ASCII one as two keeps such names readable.
    let width: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    (width >= PADDED_WIDTH && regex!(r"^\S.*?\.{3,}Failed$").is_match(text)).then(|| {
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
                // Not padded to pre-commit's width: another tool's words.
                "Installing...Failed",
                "Build....................Failed",
                // Only `Skipped` follows this postfix.
                "ruff.......................................................(no files to check)Failed",
            ],
        );
    }
}
