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
}
