//! The Angular CLI (`ng build`, `ng test`, `ng serve`, … through a target's
//! builder).
//!
//! Source: `packages/angular/cli/src/command-builder/architect-base-command-module.ts`
//! (`getArchitectTargetOptions`): when resolving the target's builder fails
//! with `MODULE_NOT_FOUND`, the CLI throws `Could not find the '{builder}'
//! builder's node package.` (printed as `Error: {message}`), after warning
//! `Node packages may not be installed. Try installing with '{pm}
//! install'.` when the workspace has no `node_modules` at all. A builder is
//! named `{package}:{name}` (`@angular-devkit/build-angular:application`,
//! `@angular/build:karma`, `@angular-builders/jest:run`); the package part is
//! an npm package the project's package.json declares (a dependency missing
//! from it, or an install that did not run): never fixable, autoheal does not
//! edit package.json. A builder given by a path (`./tools/builders:lint`) is
//! the workspace's own code, not a package.

use super::node::npm_package_hit;
use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "angular/builder-package-missing",
    grammar: "[Error: ]Could not find the '{package}:{builder}' builder's node package.",
    needles: &["builder's node package"],
    check: builder_package_missing,
    examples: &[
        ex(
            "Error: Could not find the '@angular-devkit/build-angular:application' builder's node package.",
            Category::MissingDependency,
            Some("@angular-devkit/build-angular"),
        ),
        ex(
            "An unhandled exception occurred: Could not find the './tools/builders:lint' builder's node package.",
            Category::Unknown,
            None,
        ),
    ],
}];

fn builder_package_missing(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"Could not find the '([^':\s]+):([^'\s]+)' builder's node package\.$").captures(line.text.trim())?;
    let package = &c[1];
    let no_install = line
        .recent
        .iter()
        .any(|l| l.contains("Node packages may not be installed."));
    let resolver = if no_install {
        "The Angular CLI found no node_modules (no install ran in this step's directory), so it cannot load its \
         target's builder from"
    } else {
        "The Angular CLI cannot load its target's builder from"
    };
    Some(
        npm_package_hit(package, resolver)
            .map(|hit| hit.fixable(false))
            .unwrap_or_else(|| {
                Hit::blocker(format!(
                    "The Angular CLI cannot load the builder '{}': it is not an npm package but the workspace's own \
                     code (angular.json names it by a path), which is a person's to fix.",
                    display_text(&format!("{package}:{}", &c[2]))
                ))
            }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builders_package_is_the_missing_dependency_and_a_path_is_not() {
        crate::classify::catalogue::assert_manifest_dependency(
            builder_package_missing,
            &[
                (
                    "Error: Could not find the '@angular/build:unit-test' builder's node package.",
                    Some("@angular/build"),
                ),
                (
                    "Could not find the '@angular-builders/jest:run' builder's node package.",
                    Some("@angular-builders/jest"),
                ),
                (
                    "Error: Could not find the './tools/builders:lint' builder's node package.",
                    None,
                ),
            ],
        );
        // Without a builder name of that shape: not this message.
        assert!(builder_package_missing(&Line::plain("Could not find the builder's node package.")).is_none());
        // The CLI's warning says no install ran: the message says so.
        let hit = builder_package_missing(&Line {
            recent: &["Node packages may not be installed. Try installing with 'npm install'."],
            ..Line::plain("Error: Could not find the '@angular/build:application' builder's node package.")
        })
        .expect("read");
        assert!(hit.message.contains("no node_modules"), "{}", hit.message);
    }
}
