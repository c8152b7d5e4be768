//! Terraform (and OpenTofu, which prints the same diagnostics).
//!
//! Source: Terraform's diagnostic rendering since 0.15
//! (`internal/command/format/diagnostic.go`): an error is drawn in a box whose
//! left edge is `│`, opening with `╷` and closing with `╵`, its first line
//! `│ Error: {summary}` and the detail below it. Only the boxed form is read: a
//! bare `Error: ` starts lines of many tools.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "terraform/error-diagnostic",
    grammar: "│ Error: {summary} (then `│ {detail}` lines, the box closed by `╵`)",
    needles: &["│ Error: "],
    check: error_diagnostic,
    examples: &[ex(
        "│ Error: Failed to query available provider packages",
        Category::Unknown,
        None,
    )],
}];

fn error_diagnostic(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^│ Error: (\S.*)$").captures(line.text.trim_start())?;
    let summary = c[1].trim_end();
    Some(Hit::blocker(format!(
        "Terraform reported an error: {}",
        crate::subject::display_text(summary)
    )))
}
