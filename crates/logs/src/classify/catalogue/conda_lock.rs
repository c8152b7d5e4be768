//! conda-lock, which solves a conda environment file for each platform and
//! writes a lock file.
//!
//! Source: conda-lock's `conda_solver.py` (`solve_conda`'s dry run): when the
//! solver it runs (conda, mamba or micromamba, `create --dry-run --json`)
//! exits non-zero, conda-lock prints `Could not lock the environment for
//! platform {platform}` first, then the solver's JSON `message` (libmamba's
//! `Could not solve for environment specs` and its problem tree, `└─ {spec}
//! does not exist (perhaps a typo or a missing channel).`), the `Command:`
//! it ran and its output, and re-raises the `CalledProcessError`. Its README
//! and issues show the same order. The first line names the platform the
//! specs cannot be met on (a package built for one platform only, a
//! channel missing): the environment file, for a person, so the solver's
//! lines below are its detail.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "conda_lock/could-not-lock",
    grammar: "Could not lock the environment for platform {platform} (then the solver's message and `Command:`)",
    needles: &["Could not lock the environment for platform"],
    check: could_not_lock,
    examples: &[ex(
        "Could not lock the environment for platform osx-arm64",
        Category::Unknown,
        None,
    )],
}];

fn could_not_lock(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Could not lock the environment for platform ([a-z0-9_-]+)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "conda-lock could not solve the environment for the platform {} (the solver's reasons follow): a package \
         or channel the environment file asks for is not available there, for a person.",
        display_text(&c[1])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_platform_it_could_not_lock_is_the_blocker() {
        for text in [
            "Could not lock the environment for platform osx-arm64",
            "Could not lock the environment for platform linux-aarch64",
            "Could not lock the environment for platform win-64",
        ] {
            let hit = could_not_lock(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
        }
        crate::classify::catalogue::assert_reads(
            could_not_lock,
            &[],
            &[
                "Could not lock the environment for platform osx-arm64 because",
                "echo Could not lock",
            ],
        );
    }
}
