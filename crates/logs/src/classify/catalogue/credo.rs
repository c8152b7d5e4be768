//! Credo, Elixir's static analysis (`mix credo`, `mix credo --strict`).
//!
//! Source: Credo's default output as its "Basic Usage" guide shows it and its
//! issue reports print it: issues grouped under a category heading, each as
//! `┃ [{tag}] {priority arrow} {message}` with `┃       {file}:{line}[:{col}]
//! #({scope})` under it, where `{tag}` is the category's letter (`C`
//! consistency, `D` design, `R` readability, `F` refactoring, `W` warning;
//! `--format oneline` prints the same tag) and the arrow the priority (`↑ ↗ →
//! ↘ ↓`); then `Analysis took …` and `{n} mods/funs, found {counts}.` (or
//! `found no issues.`). Credo's exit status is the sum of the categories
//! found (its `exit_status` per check, 1 to 16), so a failed step names the
//! categories, not a line. The first issue listed is the cause; the counts
//! are a heading over it. A finding is the code's, for a person.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "credo/issue",
    grammar: "┃ [{C|D|R|F|W}] {↑|↗|→|↘|↓} {message} | {n} mods/funs, found {counts}.",
    needles: &["┃ [", " mods/funs, found "],
    check: issue,
    examples: &[ex(
        "┃ [W] ↗ There should be no calls to `IO.inspect/1`.",
        Category::Unknown,
        None,
    )],
}];

fn issue(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if regex!(r"^\d+ mods/funs, found (?:\d+ [a-z ]+?(?:, | and )?)+\.$").is_match(text) {
        return Some(Hit::summary(
            "Credo found issues (its counts; the first issue above says which).",
        ));
    }
    let c = regex!(r"^┃ \[([CDRFW])\] [↑↗→↘↓] (\S.*)$").captures(text)?;
    let category = match &c[1] {
        "C" => "consistency",
        "D" => "design",
        "R" => "readability",
        "F" => "refactoring",
        _ => "warning",
    };
    Some(Hit::blocker(format!(
        "Credo reported a {category} issue: {} (the code's, for a person).",
        display_text(&c[2])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn an_issue_is_the_cause_and_the_counts_a_heading() {
        for text in [
            "┃ [W] ↗ There should be no calls to `IO.inspect/1`.",
            "┃ [R] → Modules should have a @moduledoc tag.",
            "┃ [F] ↘ Function is too complex (cyclomatic complexity is 13, max is 9).",
            "┃ [C] ↓ File is using tabs for indentation.",
        ] {
            let hit = issue(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
        }
        for text in [
            "412 mods/funs, found 1 warning, 1 code readability issue.",
            "520 mods/funs, found 1 software design suggestion.",
            "88 mods/funs, found 2 refactoring opportunities and 3 consistency issues.",
        ] {
            assert_eq!(
                issue(&Line::plain(text)).expect(text).strength,
                Strength::Summary,
                "{text}"
            );
        }
        crate::classify::catalogue::assert_reads(
            issue,
            &[],
            &[
                // The location under an issue, a heading, and no issues.
                "┃       lib/ledger/importer.ex:64:7 #(Ledger.Importer.parse_row)",
                "┃ ",
                "0 mods/funs, found nothing.",
                "412 mods/funs, found no issues.",
                "┃ [X] → not a Credo category",
            ],
        );
    }
}
