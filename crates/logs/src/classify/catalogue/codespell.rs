//! codespell, the spelling checker (and codespell-project/actions-codespell).
//!
//! Source: `codespell_lib/_codespell.py` (`parse_file`): each misspelling is
//! printed as `{filename}:{line}: {word} ==> {fixes}` (fixes joined by `, `,
//! then ` | {reason}` when the dictionary gives one), and the exit status is
//! 65 (`EX_DATAERR`) when any was found. A misspelling is the text's: a
//! person's call (or `--write-changes`); the first printed is where the
//! report begins.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "codespell/misspelling",
    grammar: "{file}:{line}: {word} ==> {fix}[, {fix}][ | {reason}]",
    needles: &[" ==> "],
    check: misspelling,
    examples: &[ex(
        "./src/relay/client.py:88: recieve ==> receive",
        Category::Unknown,
        None,
    )],
}];

fn misspelling(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(\S+):(\d+): (\S+) ==> ([^|]+?)(?: \| .*)?$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "codespell found `{}` (for `{}`) at {}:{}: the text is to fix, or the word to ignore (a manual fix).",
        display_text(&c[3]),
        display_text(&c[4]),
        display_text(&c[1]),
        &c[2]
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codespells_lines() {
        crate::classify::catalogue::assert_reads(
            misspelling,
            &[
                "./docs/usage.md:14: seperate ==> separate",
                "src/a.c:3: thier ==> their, there | proper noun",
            ],
            &["echo a ==> b", "x => y", "Step 3: build ==> deploy pipeline"],
        );
    }
}
