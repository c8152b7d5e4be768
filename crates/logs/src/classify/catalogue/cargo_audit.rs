//! cargo-audit, which checks Cargo.lock against the RustSec advisory
//! database.
//!
//! Source: cargo-audit's text presenter (`src/presenter.rs` in
//! rustsec/rustsec's `cargo-audit`): each finding is a block of aligned
//! `{Key}: {value}` lines, `Crate:     {name}`, `Version:   {version}`,
//! `Title:`, `Date:`, `ID:        RUSTSEC-{year}-{n}`, `URL:`, `Solution:`
//! and a `Dependency tree:`; vulnerabilities are printed before warnings
//! (`Warning:   unmaintained` and the like, which fail the run only with
//! `--deny`), and the run ends with `error: {n} vulnerabilit{y|ies} found!`
//! (exit 1). The first block of a failed run is therefore a vulnerability.
//!
//! An advisory is a person's call (upgrade, replace or ignore it in
//! `audit.toml`): a blocker located at the first finding; the count only
//! repeats it.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "cargo_audit/finding",
        grammar: "Crate:     {name} (then `Version:`, `Title:`, `Date:`, `ID: RUSTSEC-…`, `URL:`, `Solution:`)",
        needles: &["Crate:  "],
        check: finding,
        examples: &[ex("Crate:     idna", Category::Unknown, None)],
    },
    Entry {
        id: "cargo_audit/count",
        grammar: "error: {n} vulnerabilit{y|ies} found! | error: {n} denied warning[s] found!",
        needles: &[
            " vulnerability found!",
            " vulnerabilities found!",
            " warnings found!",
            " warning found!",
        ],
        check: count,
        examples: &[ex("error: 1 vulnerability found!", Category::Unknown, None)],
    },
];

fn finding(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Crate:\s{2,}([A-Za-z0-9_-]+)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "cargo-audit found a RustSec advisory for the crate `{}` in Cargo.lock (its ID and solution follow): \
         upgrading, replacing or accepting it is a person's call.",
        &c[1]
    )))
}

fn count(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^error: [1-9]\d* (?:vulnerabilit(?:y|ies)|(?:denied )?warnings?) found!$")
        .is_match(line.text.trim())
        .then(|| Hit::summary("cargo-audit counted the advisories it listed above.").weak())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_first_finding_is_the_blocker_and_the_count_repeats_it() {
        let hit = finding(&Line::plain("Crate:     idna")).expect("finding");
        assert_eq!((hit.category, hit.strength), (Category::Unknown, Strength::Blocker));
        for text in [
            "error: 1 vulnerability found!",
            "error: 3 vulnerabilities found!",
            "error: 2 denied warnings found!",
        ] {
            assert_eq!(
                count(&Line::plain(text)).map(|h| h.strength),
                Some(Strength::Weak),
                "{text}"
            );
        }
        crate::classify::catalogue::assert_reads(finding, &[], &["Crate: idna is fine", "Crate:     "]);
    }
    /// In a whole step the count line stays a heading: the root is the
    /// first finding's `Crate:` line, wherever the count is printed.
    #[test]
    fn the_count_does_not_move_the_root_off_the_first_finding() {
        let log = "##[group]Run cargo audit\ncargo audit\n##[endgroup]\n\
                   \x20   Fetching advisory database from `https://github.com/RustSec/advisory-db.git`\n\
                   \x20     Loaded 812 security advisories (from /home/runner/.cargo/advisory-db)\n\
                   \x20   Scanning Cargo.lock for vulnerabilities (241 crate dependencies)\n\
                   Crate:     idna\nVersion:   0.5.0\nTitle:     `idna` accepts Punycode labels that do not produce any non-ASCII when decoded\n\
                   ID:        RUSTSEC-2024-0421\nSolution:  Upgrade to >=1.0.0\n\
                   Crate:     ring\nVersion:   0.17.8\nID:        RUSTSEC-2025-0009\nSolution:  Upgrade to >=0.17.12\n\
                   error: 2 vulnerabilities found!\n##[error]Process completed with exit code 1.\n";
        let analysis = crate::classify::tests::analyze_text(log);
        let root = analysis.root_cause().expect("a failure");
        assert_eq!(root.category, Category::Unknown);
        assert_eq!(
            root.evidence.first().map(|e| e.text.as_str()),
            Some("Crate:     idna"),
            "{root:?}"
        );
    }
}
