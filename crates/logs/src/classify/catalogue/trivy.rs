//! Trivy's scan report (`trivy image|fs|repo`, table format).
//!
//! Source: Trivy's table writer (`pkg/report/table`): each target is a
//! heading, an `=` underline, then `Total: {n} ({SEVERITY}: {k}, …)` and the
//! table. With `--exit-code 1` the command fails when any finding is left
//! after the severity filter. A non-zero total is the failure: vulnerable
//! packages for a person to upgrade or accept. Trivy's own fatal errors
//! (a DB download a registry refused) are read by the registry entries.

use super::util::regex;
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "trivy/findings-total",
    grammar: "Total: {n} ({SEVERITY}: {k}, …) (under a target's `=` underline)",
    needles: &["Total: "],
    check: findings_total,
    examples: &[ex_after(
        &[
            "ghcr.io/kestrel/ledger-api:7c1e9b2 (debian 12.8)",
            "================================================",
        ],
        "Total: 2 (HIGH: 1, CRITICAL: 1)",
        Category::Unknown,
        None,
    )],
}];

fn findings_total(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Total: (\d+) \((?:UNKNOWN|LOW|MEDIUM|HIGH|CRITICAL): \d+(?:, [A-Z]+: \d+)*\)$")
        .captures(line.text.trim())?;
    let underlined = line
        .recent
        .last()
        .is_some_and(|l| l.trim().len() >= 3 && l.trim().chars().all(|ch| ch == '='));
    (underlined && &c[1] != "0").then(|| {
        Hit::blocker(format!(
            "Trivy found {} vulnerabilities at or above the severity asked for (listed below it): upgrade the \
             packages, or accept them in .trivyignore.",
            &c[1]
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after_underline(text: &str) -> Option<Hit> {
        findings_total(&Line {
            recent: &["app (alpine 3.20.3)", "==========================="],
            ..Line::plain(text)
        })
    }

    #[test]
    fn a_non_zero_total_under_its_target() {
        assert!(after_underline("Total: 2 (HIGH: 1, CRITICAL: 1)").is_some());
        assert!(after_underline("Total: 0 (HIGH: 0, CRITICAL: 0)").is_none());
        // Without the target's underline, `Total:` is anyone's word.
        assert!(findings_total(&Line::plain("Total: 2 (HIGH: 1, CRITICAL: 1)")).is_none());
        assert!(after_underline("Total: 3 files").is_none());
    }
}
