//! The Snyk CLI (`snyk test`, `snyk container test`).
//!
//! Source: the CLI's text report (snyk/cli, `src/lib/formatters`), as its
//! documentation shows it: the issues (`✗ {title} [{Severity} Severity][{url}]
//! in {package}`, grouped under `Issues to fix by upgrading:` and the like),
//! then the project's metadata (`Organization:`, `Package manager:`, …) and
//! the summary `Tested {n} dependencies for known issues, found {m} issues,
//! {p} vulnerable paths.` (a container scan: `found {m} issues.`). With
//! issues at or above `--severity-threshold` the command exits 1. The summary
//! is the failure: vulnerable dependencies for a person to upgrade or accept,
//! never a missing package. `✔ Tested {n} dependencies for known issues, no
//! vulnerable paths found.` is a pass.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "snyk/issues-found",
    grammar: "Tested {n} dependencies for known issues, found {m} issues[, {p} vulnerable paths].",
    needles: &["dependencies for known issues, found"],
    check: issues_found,
    examples: &[ex(
        "Tested 412 dependencies for known issues, found 3 issues, 5 vulnerable paths.",
        Category::Unknown,
        None,
    )],
}];

fn issues_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Tested (\d+) dependencies for known issues, found (\d+) issues?\b").captures(line.text.trim())?;
    (&c[2] != "0").then(|| {
        Hit::blocker(format!(
            "Snyk found {} known vulnerabilities among {} dependencies (listed above): upgrade the packages it names, \
             or accept the issues in Snyk's policy.",
            &c[2], &c[1]
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_with_issues() {
        crate::classify::catalogue::assert_reads(
            issues_found,
            &[
                "Tested 412 dependencies for known issues, found 3 issues, 5 vulnerable paths.",
                "Tested 382 dependencies for known issues, found 958 issues.",
            ],
            &[
                "✔ Tested 42 dependencies for known issues, no vulnerable paths found.",
                "Tested 42 dependencies for known issues, found 0 issues, 0 vulnerable paths.",
                "  ✗ Cross-site Scripting (XSS) [High Severity][https://security.snyk.io/vuln/SNYK-JS-SEND-7926862] in send@0.18.0",
            ],
        );
        let hit = issues_found(&Line::plain(
            "Tested 412 dependencies for known issues, found 3 issues, 5 vulnerable paths.",
        ))
        .expect("read");
        assert_eq!(hit.category, Category::Unknown);
        assert!(!hit.fixable);
    }
}
