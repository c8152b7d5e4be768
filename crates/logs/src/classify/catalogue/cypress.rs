//! Cypress.
//!
//! Sources: the Cypress CLI's errors (`cli/lib/errors.js`): `The cypress npm
//! package is installed, but the Cypress binary is missing.` (the binary cache,
//! `~/.cache/Cypress`, was not restored with `node_modules`), and `Your system
//! is missing the dependency: Xvfb` (the only program it names; other missing
//! libraries are `Cypress failed to start.`). Its run summary (`✖  {n} of {m}
//! failed ({p}%)`) is read with the other test runners' counts.

use super::util::{command_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "cypress/binary-missing",
        grammar: "The cypress npm package is installed, but the Cypress binary is missing.",
        needles: &["but the Cypress binary is missing"],
        check: binary_missing,
        examples: &[ex(
            "The cypress npm package is installed, but the Cypress binary is missing.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "cypress/missing-dependency",
        grammar: "Your system is missing the dependency: {program}",
        needles: &["Your system is missing the dependency: "],
        check: missing_dependency,
        examples: &[ex(
            "Your system is missing the dependency: Xvfb",
            Category::MissingCommand,
            Some("Xvfb"),
        )],
    },
];

fn binary_missing(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::blocker(
        "Cypress's binary is not installed (its cache, ~/.cache/Cypress, was not restored with node_modules): the \
         job needs `npx cypress install` or that cache.",
    ))
}

fn missing_dependency(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Your system is missing the dependency: (\S+)$").captures(line.text.trim())?;
    Some(command_hit(&c[1], line, 0.7))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn only_the_program_cypress_names() {
        assert_reads(
            missing_dependency,
            &["Your system is missing the dependency: Xvfb"],
            &["Your system is missing the dependency: see https://on.cypress.io/required-dependencies for more"],
        );
    }
}
