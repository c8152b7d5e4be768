//! chart-testing (`ct`), Helm's chart linter and installer.
//!
//! Source: `pkg/chart/chart.go`, `PrintResults`: after linting or installing,
//! `ct` prints one line per chart between two delimiter lines, ` ✔︎ {chart}`
//! for a chart that passed and ` ✖︎ {chart} > {error}` for one that did not,
//! where `{chart}` is the chart's `String()`, `{name} => (version:
//! "{version}", path: "{path}")` (older releases print the chart's path
//! alone). Then the command fails with `Error: failed linting charts: failed
//! processing charts` (older: `Error linting charts: Error processing
//! charts`), a trailer that says only that some chart failed. The reason is
//! the chart's line: a version not bumped (`chart version not ok. Needs a
//! version bump!`), a failed `helm lint`, yamllint or yamale finding, a
//! maintainer check, an install that did not become ready. Each is a change
//! a person makes to the chart: a blocker, never fixable.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "chart_testing/chart-failed",
    grammar: " ✖︎ {name} => (version: \"{version}\", path: \"{path}\") > {error} | ✖︎ {chart path} > {error} (in a \
              step that runs ct)",
    needles: &["\u{2716}"],
    check: chart_failed,
    examples: &[ex(
        " \u{2716}\u{fe0e} ingest-worker => (version: \"0.4.2\", path: \"charts/ingest-worker\") > chart version not \
         ok. Needs a version bump! ",
        Category::Unknown,
        None,
    )],
}];

/// The step's script runs chart-testing (`ct lint`, `ct install`, `ct
/// lint-and-install`).
fn runs_ct(script: &str) -> bool {
    regex!(r"(?m)(?:^|[\s;&|(])ct\s+(?:lint|install|lint-and-install)\b").is_match(script)
}

fn chart_failed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\u{2716}\u{fe0e}? (.+?) > (.+)$").captures(line.text.trim())?;
    let chart = &c[1];
    let named = regex!(r#"^(\S+) => \(version: "[^"]*", path: "[^"]*"\)$"#).captures(chart);
    let name = match &named {
        Some(n) => n.get(1)?.as_str(),
        // The older form names the chart by its path alone: ct's only when
        // the step runs it (other tools print `✖ … > …` too).
        None if runs_ct(line.script) && !chart.contains(' ') => chart,
        None => return None,
    };
    Some(Hit::blocker(format!(
        "chart-testing failed the chart '{}': {} A change to the chart is a person's (a version bump, a lint or \
         schema finding, an install that did not become ready).",
        display_text(name),
        display_text(c[2].trim()),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_chart_line_not_a_passed_one_nor_another_tools_cross() {
        crate::classify::catalogue::assert_reads(
            chart_failed,
            &[
                " \u{2716}\u{fe0e} ingest-worker => (version: \"0.4.2\", path: \"charts/ingest-worker\") > chart \
                 version not ok. Needs a version bump! ",
                " \u{2716}\u{fe0e} api => (version: \"1.2.0\", path: \"charts/api\") > failed waiting for process: \
                 exit status 1",
            ],
            &[
                " \u{2714}\u{fe0e} ingest-worker => (version: \"0.4.3\", path: \"charts/ingest-worker\")",
                "Error: failed linting charts: failed processing charts",
                // Another CLI's cross mark, with no chart in it.
                "\u{2716} build failed > see the log above",
            ],
        );
        // The older form (the chart's path alone) where the step runs ct.
        let old = Line {
            script: "ct lint --target-branch main",
            ..Line::plain(" \u{2716}\u{fe0e} stable/mariadb > Chart version not ok. Needs a version bump!")
        };
        assert!(chart_failed(&old).is_some());
        assert!(chart_failed(&Line::plain(" \u{2716}\u{fe0e} stable/mariadb > Chart version not ok.")).is_none());
    }
}
