//! actionlint run as a step of a job (rhysd/actionlint, its download script
//! or Docker image, reviewdog's action).
//!
//! Source: `error.go` (`Error.PrettyPrint` / the default format
//! `{{.Filepath}}:{{.Line}}:{{.Column}}: {{.Message}} [{{.Kind}}]`), then a
//! code frame (`  |` lines with a `^~~~` marker); the exit status is 1 when
//! any error was found. A finding is the workflow's, found by a linter the
//! project runs: a person's call (autoheal's own `check` may fix some of
//! them, which is not this diagnosis); the first printed is where the report
//! begins.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "actionlint/finding",
    grammar: "{file}:{line}:{column}: {message} [{kind}]",
    needles: &[".yml:", ".yaml:"],
    check: finding,
    examples: &[ex(
        ".github/workflows/ci.yml:9:14: label \"ubuntu-20.4\" is unknown. if it is a custom label for self-hosted \
         runner, set list of labels in actionlint.yaml config file [runner-label]",
        Category::Unknown,
        None,
    )],
}];

fn finding(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(\S+\.ya?ml):(\d+):(\d+): (.+) \[([a-z][a-z0-9-]*)\]$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "actionlint reported a `{}` error at {}:{}: {} (the workflow is to fix: a manual fix).",
        &c[5],
        display_text(&c[1]),
        &c[2],
        display_text(&c[4])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actionlints_default_format() {
        crate::classify::catalogue::assert_reads(
            finding,
            &[
                ".github/workflows/nightly.yml:21:24: property \"sha\" is not defined in object type {event: object} \
               [expression]",
            ],
            &[
                ".github/workflows/ci.yml:3:1: some text without a kind",
                "config.yaml:4:2: mapping values are not allowed in this context",
                "  |",
            ],
        );
    }
}
