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
//!
//! Older releases coded every diagnostic by its check's letter and a number
//! instead (cargo-deny's diagnostics pages before the codes became names:
//! "`B001` - crate is explicitly banned", "`B004` - found duplicate entries
//! for crate", "`L001` - failed to satisfy license requirements"; `A` for
//! advisories, `S` for sources): `error[B001]: …`. That shape (one capital
//! letter and three digits) is neither `deno lint`'s (lower-case words) nor
//! rustc's (`E` and four digits), so the letter alone names the check.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "cargo_deny/bans",
        grammar: "error[{code}]: {message naming crate '{name}'}",
        needles: &["error["],
        check: bans,
        examples: &[ex(
            "error[banned]: crate 'openssl = 0.10.68' is explicitly banned",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "cargo_deny/numbered-code",
        grammar: "error[{A|B|L|S}{nnn}]: {message} (cargo-deny before its codes were names)",
        needles: &["error["],
        check: numbered_code,
        examples: &[ex(
            "error[L001]: failed to satisfy license requirements",
            Category::Unknown,
            None,
        )],
    },
];

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

fn numbered_code(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^error\[([ABLS])\d{3}\]: ").captures(line.text.trim_start())?;
    Some(Hit::blocker(match &c[1] {
        "A" => {
            "cargo-deny's advisories check failed: a RustSec advisory (a vulnerability, an unmaintained or yanked \
             crate) against a dependency (update or replace it, or accept the advisory in deny.toml)."
        }
        "B" => {
            "cargo-deny's bans check failed: a dependency the project's deny.toml does not allow (change the \
             dependency or the policy)."
        }
        "L" => {
            "cargo-deny's licenses check failed: a dependency's license is not one the project's deny.toml accepts \
             (change the dependency or the policy)."
        }
        _ => {
            "cargo-deny's sources check failed: a dependency comes from a registry or git source the project's \
             deny.toml does not allow (change the dependency or the policy)."
        }
    }))
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

    /// Older cargo-deny's numbered codes name the check by their letter
    /// (review88 L4): no longer unread, and still `unknown` (a policy, not
    /// an install).
    #[test]
    fn older_numbered_codes_name_their_check() {
        for (text, check) in [
            ("error[B001]: crate 'openssl = 0.10.68' is explicitly banned", "bans"),
            ("error[B004]: found 2 duplicate entries for crate 'syn'", "bans"),
            ("error[L001]: failed to satisfy license requirements", "licenses"),
            ("error[A001]: Potential segfault in the time crate", "advisories"),
            ("error[S003]: detected git source from disallowed host", "sources"),
        ] {
            let hit = crate::classify::catalogue::Catalogue::get()
                .classify(&Line::plain(text))
                .unwrap_or_else(|| panic!("not read: {text}"));
            assert_eq!(hit.entry, "cargo_deny/numbered-code", "{text}");
            assert_eq!(hit.category, Category::Unknown, "{text}");
            assert!(
                hit.message.contains(&format!("cargo-deny's {check} check")),
                "{}",
                hit.message
            );
        }
        crate::classify::catalogue::assert_reads(
            numbered_code,
            &[],
            &[
                "error[E0425]: cannot find value `x` in this scope",
                "error[no-unused-vars]: `y` is never used",
                "warning[B004]: found 2 duplicate entries for crate 'syn'",
                "error[B0001]: four digits",
                "error[X001]: another letter",
            ],
        );
    }
}
