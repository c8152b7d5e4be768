//! cargo-deny's bans check.
//!
//! Source: cargo-deny's `src/bans/diags.rs` (EmbarkStudios/cargo-deny): each
//! diagnostic is printed by codespan-reporting as `{severity}[{code}]:
//! {message}`, the code the kebab-case name of its `Code` (`banned`,
//! `not-allowed`, `duplicate`, `wildcard`, `build-script-not-allowed`,
//! `exact-features-mismatch`, `feature-not-explicitly-allowed`,
//! `feature-banned`, `default-feature-enabled`), the message naming the crate
//! (`crate '{name} = {version}' is explicitly banned`, `found {n} duplicate
//! entries for crate '{name}'`, …), and the run ends with `advisories ok, bans
//! FAILED, …`. The same `error[{word}]:` shape is `deno lint`'s (its rules are
//! other words), so the code and the `crate '` of the message decide. A
//! failed ban is the project's dependency policy (`deny.toml`) against its
//! dependency graph: a person changes one or the other, no install fixes it.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "cargo_deny/bans",
    grammar: "error[{code}]: {message naming crate '{name}'}",
    needles: &["error["],
    check: bans,
    examples: &[ex(
        "error[banned]: crate 'openssl = 0.10.68' is explicitly banned",
        Category::Unknown,
        None,
    )],
}];

fn bans(line: &Line<'_>) -> Option<Hit> {
    regex!(
        r"^error\[(?:banned|not-allowed|duplicate|wildcard|build-script-not-allowed|exact-features-mismatch|feature-not-explicitly-allowed|feature-banned|default-feature-enabled)\]: .*\bcrate '"
    )
    .is_match(line.text.trim_start())
    .then(|| {
        Hit::blocker(
            "cargo-deny's bans check failed: a dependency the project's deny.toml does not allow (change the \
             dependency or the policy).",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bans_codes_with_a_crate_not_deno_rules() {
        crate::classify::catalogue::assert_reads(
            bans,
            &[
                "error[banned]: crate 'openssl = 0.10.68' is explicitly banned",
                "error[duplicate]: found 2 duplicate entries for crate 'syn'",
                "error[wildcard]: found 1 wildcard dependency for crate 'xtask'",
                "error[not-allowed]: crate 'md5 = 0.7.0' is not explicitly allowed",
            ],
            &[
                "error[no-unused-vars]: `y` is never used",
                "error[banned]: a message that names no crate",
                "warning[duplicate]: found 2 duplicate entries for crate 'syn'",
                "error[E0425]: cannot find value `x` in this scope",
            ],
        );
    }
}
