//! PHP's Composer.
//!
//! Source: Composer's messages (`Composer could not find a composer.json file in
//! {dir}`, `Your requirements could not be resolved to an installable set of
//! packages.`).

use super::util::path_hit;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "php/composer",
    grammar: "Composer could not find a composer.json file in {dir} | Your requirements could not be resolved to an \
              installable set of packages.",
    needles: &[
        "could not find a composer.json",
        "could not be resolved to an installable set",
    ],
    check: composer,
    examples: &[ex(
        "Composer could not find a composer.json file in /home/runner/work/site/site",
        Category::FileNotFound,
        Some("composer.json"),
    )],
}];

fn composer(line: &Line<'_>) -> Option<Hit> {
    if line.text.contains("composer.json") {
        return Some(path_hit(
            "composer.json",
            0.75,
            "Composer found no composer.json where it ran (a wrong working directory, or no checkout).",
        ));
    }
    Some(Hit::install_failure(
        "Composer could not resolve the package requirements.",
    ))
}
