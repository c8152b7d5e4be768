//! typos (crate-ci/typos, its CLI and action).
//!
//! Source: `crates/typos-cli/src/bin/typos-cli/report.rs` (the brief and
//! long reports): a misspelling is `error: `{typo}` should be
//! `{correction}`` (several corrections joined by `, `) or ``error: `{typo}`
//! is disallowed``, then `  --> {path}:{line}:{column}` and a code frame;
//! the exit status is 2 when any was found. A misspelling is the text's: a
//! person's call (or `--write-changes`); the first printed is where the
//! report begins.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "typos/misspelling",
    grammar: "error: `{typo}` should be `{correction}` | error: `{typo}` is disallowed",
    needles: &["` should be `", "` is disallowed"],
    check: misspelling,
    examples: &[ex("error: `teh` should be `the`", Category::Unknown, None)],
}];

fn misspelling(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^error: `([^`]+)` (?:should be `.+`|is disallowed)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "typos found the misspelling `{}`: the text is to fix, or the word to allow in typos' configuration (a \
         manual fix).",
        display_text(&c[1])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_lines() {
        crate::classify::catalogue::assert_reads(
            misspelling,
            &[
                "error: `recieved` should be `received`",
                "error: `ba` should be `by`, `be`",
                "error: `fo` is disallowed",
            ],
            &["warning: `x` should be `y`", "  --> ./README.md:14:9"],
        );
    }
}
