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
//!
//! Current releases (`Text_output.ml`, `matches_output`) print `❰❰ Blocking
//! ❱❱` on the line right below a finding's rule id when the rule's metadata
//! lists the `block` action (`dev.semgrep.actions`, `is_blocking`); the
//! findings are sorted by file, so a non-blocking one may come first. A
//! blocking finding is what fails `semgrep ci`: once a step printed the
//! marker, its findings without one are weak and the marked finding, on the
//! rule id's line, is where the report begins (`MARKED_FINDINGS`,
//! `classify/mod.rs`). Without any marker (older releases, `semgrep scan
//! --error`, where every finding fails the step) the first finding is.

use super::util::regex;
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

/// The entry id of a finding's rule line.
pub const FINDING: &str = "semgrep/finding";
/// The entry id of the `❰❰ Blocking ❱❱` marker under a finding's rule line.
pub const BLOCKING: &str = "semgrep/blocking-finding";

/// The marker semgrep prints under a blocking finding's rule id.
const BLOCKING_MARKER: &str = "❰❰ Blocking ❱❱";

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: BLOCKING,
        grammar: "{icon} {rule id} then ❰❰ Blocking ❱❱ on the next line",
        needles: &[BLOCKING_MARKER],
        check: blocking,
        examples: &[ex_after(
            &["   ❯❯❱ python.lang.security.audit.eval-detected.eval-detected"],
            "          ❰❰ Blocking ❱❱",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: FINDING,
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
    },
];

/// The rule id of a finding's rule line: the icon, one space, and the id
/// alone on its line (ids are dotted paths of word characters and dashes).
fn rule_id(text: &str) -> Option<&str> {
    regex!(r"^(?:❯{0,3})❱ ([A-Za-z0-9_][\w.\-]*)$")
        .captures(text.trim())
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

fn finding(line: &Line<'_>) -> Option<Hit> {
    let id = rule_id(line.text)?;
    Some(Hit::blocker(format!(
        "Semgrep reported a finding of rule {}: the code is to fix, or the finding to triage (a manual fix).",
        display_text(id)
    )))
}

/// The marker alone on its line, right below a rule line: the finding
/// begins on that rule line.
fn blocking(line: &Line<'_>) -> Option<Hit> {
    if line.text.trim() != BLOCKING_MARKER {
        return None;
    }
    let id = rule_id(line.recent.last()?)?;
    Some(
        Hit::blocker(format!(
            "Semgrep reported a blocking finding of rule {} (its policy blocks on it, so it fails `semgrep ci`): the \
             code is to fix, or the finding to triage (a manual fix).",
            display_text(id)
        ))
        .opened_on_previous_line(),
    )
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

    /// The marker names the rule line above it; alone, or under anything
    /// else, it is not read.
    #[test]
    fn the_blocking_marker_belongs_to_the_rule_line_above() {
        let rule = "   ❯❯❱ javascript.lang.security.detect-child-process.detect-child-process";
        let hit = blocking(&Line {
            recent: &["    src/app.js", rule],
            ..Line::plain("          ❰❰ Blocking ❱❱")
        })
        .expect("read");
        assert_eq!(hit.opened_lines_above, 1);
        assert!(hit.message.contains("detect-child-process"), "{}", hit.message);
        assert!(blocking(&Line::plain("          ❰❰ Blocking ❱❱")).is_none());
        assert!(
            blocking(&Line {
                recent: &[rule, "          Detected calls to child_process."],
                ..Line::plain("          ❰❰ Blocking ❱❱")
            })
            .is_none()
        );
    }
}
