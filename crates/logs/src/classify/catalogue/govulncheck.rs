//! govulncheck, the Go vulnerability scanner (`golang.org/x/vuln`), and
//! golang/govulncheck-action, which runs it.
//!
//! Source: `internal/scan/text.go` (the text handler, since v1.0): each
//! finding opens with `Vulnerability #{n}: {id}` (an OSV id, `GO-{year}-{n}`),
//! then its summary, `More info: https://pkg.go.dev/vuln/{id}`, `Module:
//! {path}` or `Standard library`, `Found in: {module}@{version}`, `Fixed in:
//! …` and, for findings the code reaches, `Example traces found:` with
//! `#{n}: {file}.go:{line}:{col}: {caller} calls {callee}` lines (quoted
//! source positions, not errors). The run ends with `Your code is affected
//! by {n} vulnerabilit{y|ies} from {where}.`, and the command exits 3 when
//! the code is affected (`-show verbose` adds `=== Package Results ===` and
//! `=== Module Results ===` sections below the symbol results, numbered from
//! #1 again: the first finding of the step is the symbol result's).
//!
//! A known vulnerability is a person's call (raise the module or the Go
//! toolchain to the fixed version, or accept it): a blocker, located at the
//! first finding.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "govulncheck/vulnerability",
        grammar: "Vulnerability #{n}: {id} (then its summary, `More info:`, `Module: {path}` | `Standard library`, \
                  `Found in:`, `Fixed in:`)",
        needles: &["Vulnerability #"],
        check: vulnerability,
        examples: &[ex("Vulnerability #1: GO-2025-3563", Category::Unknown, None)],
    },
    Entry {
        id: "govulncheck/affected-summary",
        grammar: "Your code is affected by {n} vulnerabilit{y|ies} from {where}.",
        needles: &["Your code is affected by "],
        check: affected_summary,
        examples: &[ex(
            "Your code is affected by 1 vulnerability from the Go standard library.",
            Category::Unknown,
            None,
        )],
    },
];

fn vulnerability(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Vulnerability #\d+: ((?:GO|CVE|GHSA)-[\w-]+)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "govulncheck found the known vulnerability {} in code the module builds (its module or the Go standard \
         library, and the version that fixes it, follow in the log): raising the dependency or the Go toolchain is a \
         person's call.",
        &c[1]
    )))
}

fn affected_summary(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Your code is affected by [1-9]\d* vulnerabilit(?:y|ies) from ")
        .is_match(line.text.trim())
        .then(|| Hit::summary("govulncheck found vulnerabilities the code reaches; each is listed above."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn each_finding_is_a_blocker_and_the_count_a_summary() {
        for text in ["Vulnerability #1: GO-2025-3563", "Vulnerability #12: GO-2024-2687"] {
            let hit = vulnerability(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength, hit.fixable),
                (Category::Unknown, Strength::Blocker, false)
            );
        }
        let summary = affected_summary(&Line::plain(
            "Your code is affected by 2 vulnerabilities from 1 module and the Go standard library.",
        ))
        .expect("summary");
        assert_eq!(summary.strength, Strength::Summary);
        crate::classify::catalogue::assert_reads(
            vulnerability,
            &[],
            &[
                "      #1: cmd/gateway/main.go:64:29: gateway.main calls http.ListenAndServe",
                "Vulnerability #1 is fixed in v1.2.3",
            ],
        );
        crate::classify::catalogue::assert_reads(
            affected_summary,
            &[],
            &["Your code is affected by 0 vulnerabilities."],
        );
    }
    /// In a whole step the closing count stays a heading: the root is the
    /// first `Vulnerability #` block.
    #[test]
    fn the_affected_count_does_not_move_the_root_off_the_first_finding() {
        let log = "##[group]Run govulncheck ./...\ngovulncheck ./...\n##[endgroup]\n\
                   === Symbol Results ===\n\nVulnerability #1: GO-2025-3563\n\
                   \x20   Request smuggling due to acceptance of invalid chunked data in net/http\n\
                   \x20 More info: https://pkg.go.dev/vuln/GO-2025-3563\n  Standard library\n\
                   \x20   Found in: net/http/internal@go1.23.6\n    Fixed in: net/http/internal@go1.23.8\n\n\
                   Vulnerability #2: GO-2025-3447\n\n\
                   Your code is affected by 2 vulnerabilities from the Go standard library.\n\
                   This scan also found 0 vulnerabilities in packages you import and 3\n\
                   vulnerabilities in modules you require, but your code doesn't appear to call these\n\
                   vulnerabilities.\n##[error]Process completed with exit code 3.\n";
        let analysis = crate::classify::tests::analyze_text(log);
        let root = analysis.root_cause().expect("a failure");
        assert_eq!(root.category, Category::Unknown);
        assert_eq!(
            root.evidence.first().map(|e| e.text.as_str()),
            Some("Vulnerability #1: GO-2025-3563"),
            "{root:?}"
        );
    }
}
