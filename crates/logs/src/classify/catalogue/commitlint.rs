//! commitlint (`@commitlint/cli`, wagoid/commitlint-github-action).
//!
//! Source: `@commitlint/format` (`format.ts`): per commit, `⧗   input:
//! {message's first line}`, then one line per problem, `✖   {message}
//! [{rule}]` for an error (`⚠   …` for a warning), then `✖   found {n}
//! problems, {m} warnings` and `ⓘ   Get help: {url}`. The action fails with
//! `You have commit messages with errors` and that report. A commit message
//! is a person's to rewrite; the first problem is where the report says why.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "commitlint/problem",
    grammar: "✖   {message} [{rule}]",
    needles: &["✖   "],
    check: problem,
    examples: &[ex(
        "✖   subject may not be empty [subject-empty]",
        Category::Unknown,
        None,
    )],
}];

fn problem(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^✖   (.+) \[([a-z][a-z-]*)\]$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "commitlint rejected a commit message: {} (`{}`). The commit message is to rewrite (a manual fix).",
        display_text(&c[1]),
        &c[2]
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commitlints_problems_not_its_totals() {
        crate::classify::catalogue::assert_reads(
            problem,
            &["✖   type must be one of [build, chore, ci, docs, feat, fix] [type-enum]"],
            &[
                "✖   found 2 problems, 0 warnings",
                "⚠   body must have leading blank line [body-leading-blank]",
                "⧗   input: fix stuff",
            ],
        );
    }
}
