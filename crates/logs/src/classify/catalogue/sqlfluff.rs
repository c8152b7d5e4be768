//! SQLFluff, the SQL linter (`sqlfluff lint`, also with its dbt templater).
//!
//! Source: SQLFluff's CLI formatter (`src/sqlfluff/cli/formatters.py`,
//! `format_filename` and `format_violation`): each file with violations is
//! headed `== [{path}] FAIL`, then each violation is one row `L: {line:>3} |
//! P: {position:>3} | {code} | {description}`, the description wrapped onto
//! continuation rows that start with spaces and `| ` and, since 2.0, end with
//! the rule's name in brackets (`[layout.indent]`); the run ends with `All
//! Finished 📜 🎉!` and exits 1 when a file failed. Its pull request #1090
//! and users' reports show the same rows. A violation is the project's SQL,
//! for a person (or `sqlfluff fix`): the first row says what and where.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "sqlfluff/violation",
        grammar: "L: {line} | P: {position} | {code} | {description}",
        needles: &["| P:"],
        check: violation,
        examples: &[ex(
            "L:   7 | P:   5 | LT02 | Expected indent of 8 spaces.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "sqlfluff/file-failed",
        grammar: "== [{path}] FAIL",
        needles: &["] FAIL"],
        check: file_failed,
        examples: &[ex("== [models/staging/stg_orders.sql] FAIL", Category::Unknown, None)],
    },
];

fn violation(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^L:\s*\d+ \| P:\s*\d+ \|\s*([A-Z]{1,3}\d{0,3}) \| \S").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "SQLFluff found a {} violation in the project's SQL (for a person, or `sqlfluff fix`).",
        display_text(&c[1])
    )))
}

fn file_failed(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^== \[[^\]]+\] FAIL$")
        .is_match(line.text.trim())
        .then(|| Hit::summary("SQLFluff's heading of a file with violations (listed below it).").weak())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_first_violation_row_is_the_blocker_and_the_file_heading_weak() {
        crate::classify::catalogue::assert_reads(
            violation,
            &[
                "L:   7 | P:   5 | LT02 | Expected indent of 8 spaces.",
                "L:  12 | P:  28 | LT01 | Expected only single space before 'AS' keyword. Found",
                "L:   3 | P:   8 |  TMP | Undefined jinja template variable: 'something'",
                "L:   3 | P:  21 | L013 | Column expression without alias. Use explicit `AS`",
            ],
            &[
                "                       | [layout.indent]",
                "| L: 7 | P: 5 | a markdown table |",
            ],
        );
        let hit = file_failed(&Line::plain("== [models/staging/stg_orders.sql] FAIL")).expect("read");
        assert_eq!(hit.strength, Strength::Weak);
        assert!(file_failed(&Line::plain("== [models/a.sql] PASS")).is_none());
    }
}
