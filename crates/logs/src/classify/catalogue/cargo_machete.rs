//! cargo-machete, which lists dependencies no code of a crate uses.
//!
//! Source: cargo-machete's `src/printers/stdout.rs`: `cargo-machete found
//! the following unused dependencies in {location}:` (`this directory` for
//! `.`), then per crate `{package} -- {manifest path}:` and one
//! tab-indented dependency name per line (and `⚠️  {dep} was marked as
//! ignored, but is actually used!`), then its advice (`If you believe
//! cargo-machete has detected an unused dependency incorrectly, …`, the
//! `[package.metadata.cargo-machete]` example, `--with-metadata`) and
//! `Done!`; the command exits 1.
//!
//! The names listed are dependencies the manifests declare and the code does
//! not use: nothing is missing (never `missing_dependency`). Removing them,
//! or listing one as ignored when it is used in a way the tool cannot see, is
//! a person's call: a blocker located at the heading.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "cargo_machete/unused-dependencies",
    grammar: "cargo-machete found the following unused dependencies in {location}: (then `{package} -- {manifest}:` \
              and one dependency per line)",
    needles: &["cargo-machete found the following unused dependencies"],
    check: unused_dependencies,
    examples: &[ex(
        "cargo-machete found the following unused dependencies in this directory:",
        Category::Unknown,
        None,
    )],
}];

fn unused_dependencies(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^cargo-machete found the following unused dependencies in .+:$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "cargo-machete found dependencies the manifests declare and no code uses (listed below its heading): \
                 nothing is missing; a person removes them, or lists one under `[package.metadata.cargo-machete] \
                 ignored` when it is used in a way the tool cannot see.",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unused_dependencies_are_a_blocker_never_a_missing_one() {
        for text in [
            "cargo-machete found the following unused dependencies in this directory:",
            "cargo-machete found the following unused dependencies in crates/api:",
        ] {
            let hit = unused_dependencies(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        crate::classify::catalogue::assert_reads(
            unused_dependencies,
            &[],
            &["cargo-machete didn't find any unused dependencies in this directory. Good job!"],
        );
    }
}
