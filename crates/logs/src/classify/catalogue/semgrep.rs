//! Semgrep's text output (`semgrep scan --error`, `semgrep ci`).
//!
//! Source: the text formatter (`Text_output.ml`, earlier `formatter/text.py`,
//! the severity icon added in 1.58.0): each finding is printed as its file,
//! then `{icon} {rule id}` where the icon is `❯❯❯❱` (critical), `❯❯❱` (error,
//! high), ` ❯❱` (warning, medium) or `  ❱` (info, low), then the message, a
//! `Details:` link and the `{line}┆ {code}` excerpt. `semgrep ci` prints only
//! the blocking findings there and ends with `Has findings for blocking rules
//! so exiting with code 1`. A finding is the code's (or the rule's
//! configuration's): a person's call; the first one printed is where the
//! report begins.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "semgrep/finding",
    grammar: "{❯❯❯❱|❯❯❱| ❯❱|  ❱} {rule id}",
    needles: &["❱ "],
    check: finding,
    examples: &[
        ex(
            "   ❯❯❱ python.lang.security.audit.subprocess-shell-true.subprocess-shell-true",
            Category::Unknown,
            None,
        ),
        ex(
            "    ❯❱ javascript.express.security.audit.xss.direct-response-write",
            Category::Unknown,
            None,
        ),
    ],
}];

fn finding(line: &Line<'_>) -> Option<Hit> {
    // The icon, one space, and the rule id alone on its line (ids are
    // dotted paths of word characters and dashes).
    let c = regex!(r"^(?:❯{0,3})❱ ([A-Za-z0-9_][\w.\-]*)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "Semgrep reported a finding of rule {}: the code is to fix, or the finding to triage (a manual fix).",
        display_text(&c[1])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_of_every_severity_icon() {
        crate::classify::catalogue::assert_reads(
            finding,
            &[
                "   ❯❯❯❱ generic.secrets.security.detected-aws-access-key-id-value",
                "   ❯❯❱ python.django.security.injection.sql.sql-injection-using-raw.sql-injection-using-raw",
                "    ❯❱ yaml.github-actions.security.run-shell-injection",
                "     ❱ my-local-rule",
            ],
            &[
                "  Has findings for blocking rules so exiting with code 1",
                "❯❯❱ a sentence with words",
                "→ ❱ not a finding",
            ],
        );
    }
}
