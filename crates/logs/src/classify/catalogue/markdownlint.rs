//! markdownlint's command lines: markdownlint-cli2 (and
//! DavidAnson/markdownlint-cli2-action) and markdownlint-cli.
//!
//! Source: `markdownlint-cli2-formatter-default` (`{file}:{line}[:{column}]
//! {rule names joined by /} {description}[ [{detail}]][ [Context:
//! "{context}"]]`, from 0.18 with the severity, `error` or `warning`, before
//! the rule names) after its `Summary: {n} error(s)` line; markdownlint-cli
//! prints the same `{file}:{line}[:{column}] {names} {description}` lines.
//! Rule names are `MD{nnn}` and the rule's aliases (`MD013/line-length`). A
//! finding is the documentation's: a person's call; the first one printed is
//! where the report begins.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "markdownlint/finding",
    grammar: "{file}:{line}[:{column}] [error|warning ]MDnnn/{alias} {description} [{detail}]",
    needles: &[" MD0", " error MD", " warning MD"],
    check: finding,
    examples: &[
        ex(
            "README.md:12:81 error MD013/line-length Line length [Expected: 80; Actual: 112]",
            Category::Unknown,
            None,
        ),
        ex(
            "docs/faq.md:89 MD012/no-multiple-blanks Multiple consecutive blank lines [Expected: 1; Actual: 2]",
            Category::Unknown,
            None,
        ),
    ],
}];

fn finding(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(\S+?):(\d+)(?::\d+)? (?:(?:error|warning) )?(MD\d{3})(?:/[a-z0-9-]+)+ (.+)$")
        .captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "markdownlint reported {} at {}:{} ({}): the Markdown is to fix, or the rule to configure (a manual fix).",
        &c[3],
        display_text(&c[1]),
        &c[2],
        display_text(&c[4])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_of_both_command_lines() {
        crate::classify::catalogue::assert_reads(
            finding,
            &[
                "docs/onboarding/laptop.md:30 error MD031/blanks-around-fences Fenced code blocks should be \
                 surrounded by blank lines [Context: \"```bash\"]",
                "README.md:5 MD022/blanks-around-headings/blanks-around-headers Headings should be surrounded by \
                 blank lines",
            ],
            &[
                "Summary: 3 error(s)",
                "MD013/line-length: false",
                "src/app.ts:3:1 error TS2304: Cannot find name 'x'.",
            ],
        );
    }
}
