//! R.
//!
//! Source: R's `library()`/`loadNamespace()` error (`there is no package called
//! ‘{name}’`).

use super::util::{after, quoted};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, Ecosystem, SubjectDetail};

pub const ENTRIES: &[Entry] = &[Entry {
    id: "r/no-package",
    grammar: "Error in library({name}) : there is no package called ‘{name}’",
    needles: &["there is no package called"],
    check: no_package,
    examples: &[ex(
        "Error in library(ggplot2) : there is no package called ‘ggplot2’",
        Category::MissingDependency,
        Some("ggplot2"),
    )],
}];

fn no_package(line: &Line<'_>) -> Option<Hit> {
    let name = quoted(after(line.text, "there is no package called")?)?;
    let valid = !name.is_empty()
        && name.len() <= 100
        && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
    if !valid {
        return Some(Hit::blocker(
            "An R package is missing, but its name is not a plain package name.",
        ));
    }
    Some(
        Hit::cause(
            Category::MissingDependency,
            0.8,
            format!("R package '{name}' is not installed (add it to the project's dependencies, e.g. DESCRIPTION)."),
        )
        .with_subject(
            name,
            SubjectDetail::Package {
                ecosystem: Ecosystem::Cran,
                name: name.to_string(),
            },
        ),
    )
}
