//! Nix.
//!
//! Sources: Nix's errors (`error: {message}`, `libutil/error.cc`): `experimental
//! Nix feature '{feature}' is disabled; add '--extra-experimental-features
//! {feature}' to enable it` (`libutil/config.cc`), `hash mismatch in
//! fixed-output derivation '{drv}':` with `specified:`/`got:` below it
//! (`libstore/build/derivation-goal.cc`), and `builder for '{drv}' failed with
//! exit code {n}` (the build's own output precedes it with `-L`, or follows as
//! `last {n} log lines:`). Downloads (`unable to download '{url}': HTTP error
//! {status}`) are read by `http` and `github_api` (a 429 by its host, GitHub's
//! JSON body by its message); Nix prints its retries at `warning:` level.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "nix/experimental-feature-disabled",
        grammar: "error: experimental Nix feature '{feature}' is disabled; add '--extra-experimental-features \
                  {feature}' to enable it",
        needles: &["experimental Nix feature '"],
        check: experimental_feature_disabled,
        examples: &[ex(
            "error: experimental Nix feature 'nix-command' is disabled; add '--extra-experimental-features \
             nix-command' to enable it",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "nix/hash-mismatch",
        grammar: "error: hash mismatch in fixed-output derivation '{drv}':",
        needles: &["hash mismatch in fixed-output derivation"],
        check: hash_mismatch,
        examples: &[ex(
            "error: hash mismatch in fixed-output derivation '/nix/store/8f0q-source.drv':",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "nix/builder-failed",
        grammar: "error: builder for '{drv}' failed with exit code {n}[;]",
        needles: &["error: builder for '"],
        check: builder_failed,
        examples: &[ex(
            "error: builder for '/nix/store/1a2b-cli-0.9.1.drv' failed with exit code 101",
            Category::Unknown,
            None,
        )],
    },
];

fn experimental_feature_disabled(line: &Line<'_>) -> Option<Hit> {
    line.text
        .trim_start()
        .starts_with("error: experimental Nix feature '")
        .then(|| {
            Hit::blocker(
                "Nix was run without an experimental feature the command needs (`nix-command`, `flakes`): enable it in \
             the Nix installer's configuration.",
            )
        })
}

fn hash_mismatch(line: &Line<'_>) -> Option<Hit> {
    line.text
        .trim_start()
        .starts_with("error: hash mismatch in fixed-output derivation '")
        .then(|| {
            Hit::blocker(
                "A fetched source's hash is not the one the Nix expression pins (the source changed or the pin is \
             wrong): a person updates the hash.",
            )
        })
}

fn builder_failed(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^error: builder for '[^']+' failed with exit code \d+")
        .is_match(line.text.trim_start())
        .then(|| Hit::blocker("A Nix derivation failed to build (its build log says why)."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn nix_errors_not_their_warnings() {
        assert_reads(
            builder_failed,
            &["error: builder for '/nix/store/x-a.drv' failed with exit code 2;"],
            &["warning: builder for '/nix/store/x-a.drv' failed with exit code 2; retrying"],
        );
        assert_reads(
            hash_mismatch,
            &["error: hash mismatch in fixed-output derivation '/nix/store/x-src.drv':"],
            &["  # error: hash mismatch in fixed-output derivation means the pin is stale"],
        );
    }
}
