//! Yarn's Plug'n'Play resolver (`.pnp.cjs`, `.pnp.loader.mjs`), which Yarn 2+
//! installs instead of `node_modules` and which refuses a package the
//! requiring package does not declare.
//!
//! Source: `packages/yarnpkg-pnp/sources/loader/makeApi.ts` in yarnpkg/berry
//! (and its Rust port, pnp-rs), `UNDECLARED_DEPENDENCY`:
//! `Your application tried to access {dep}, but it isn't declared in your
//! dependencies; this makes the require call ambiguous and unsound.` when the
//! requirer is the project's own workspace, `{issuer} tried to access {dep},
//! but it isn't declared in its dependencies; …` when it is an installed
//! package, and for a peer dependency nobody provides `{issuer} tried to
//! access {dep} (a peer dependency) but it isn't provided by your application
//! | its ancestors; …`. Then `Required package: {dep}[ (via "{request}")]` and
//! `Required by: …`. Node prints the error as an uncaught exception
//! (`Error: …`), webpack as `Module not found: Error: …`.
//!
//! The missing package is `{dep}`; the fix is a `dependencies` entry in the
//! project's package.json (or, for another package's undeclared dependency,
//! Yarn's `packageExtensions`), which autoheal does not edit: not fixable. In
//! `pnpMode: loose` the resolver falls back and only warns, through Node's
//! warning channel (`(node:{pid}) [MODULE_NOT_FOUND] Error: …`): that line is
//! no failure.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, Ecosystem, SubjectDetail};
use crate::subject::is_npm_package;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "yarn_pnp/undeclared-dependency",
    grammar: "{Your application|issuer} tried to access {dep}, but it isn't declared in {your|its} dependencies; this \
              makes the require call ambiguous and unsound. | {issuer} tried to access {dep} (a peer dependency) but \
              it isn't provided by {your application|its ancestors}; this makes the require call ambiguous and \
              unsound.",
    needles: &["this makes the require call ambiguous and unsound"],
    check: undeclared_dependency,
    examples: &[
        ex(
            "Error: Your application tried to access lodash, but it isn't declared in your dependencies; this makes \
             the require call ambiguous and unsound.",
            Category::MissingDependency,
            Some("lodash"),
        ),
        ex(
            "Error: @acme/ui tried to access @floating-ui/dom, but it isn't declared in its dependencies; this makes \
             the require call ambiguous and unsound.",
            Category::MissingDependency,
            Some("@floating-ui/dom"),
        ),
        ex(
            "Module not found: Error: @storybook/core tried to access react-dom (a peer dependency) but it isn't \
             provided by your application; this makes the require call ambiguous and unsound.",
            Category::MissingDependency,
            Some("react-dom"),
        ),
        // Loose mode: Node's warning, the require went on.
        ex(
            "(node:4120) [MODULE_NOT_FOUND] Error: ts-jest tried to access eslint, but it isn't declared in its \
             dependencies; this makes the require call ambiguous and unsound.",
            Category::Unknown,
            None,
        ),
    ],
}];

fn undeclared_dependency(line: &Line<'_>) -> Option<Hit> {
    if regex!(r"^\(node:\d+\) \[MODULE_NOT_FOUND\]").is_match(line.text.trim_start()) {
        return Some(Hit::notice(
            "Yarn's PnP resolver (loose mode) warned about an undeclared dependency and let the require through.",
        ));
    }
    let c = regex!(
        r"(?:^|\s)(Your application|\S+) tried to access (\S+?)(?:,| \(a peer dependency\)) but it isn't (?:declared in (?:your|its) dependencies|provided by (?:your application|its ancestors)); this makes the require call ambiguous and unsound"
    )
    .captures(line.text)?;
    let (issuer, dep) = (&c[1], &c[2]);
    if !is_npm_package(dep) {
        return Some(Hit::blocker(
            "Yarn's PnP resolver refused a require of a package the requirer does not declare.",
        ));
    }
    let whose = if issuer == "Your application" {
        "the project's package.json does not declare it: add it to `dependencies` (or `devDependencies`)".to_string()
    } else {
        format!(
            "the package '{}' requires it without declaring it: declare it for that package with Yarn's \
             `packageExtensions` in .yarnrc.yml, or upgrade the package",
            crate::subject::display_text(issuer)
        )
    };
    Some(
        Hit::cause(
            Category::MissingDependency,
            0.8,
            format!(
                "Yarn's Plug'n'Play resolver refused the npm package '{dep}': {whose}. autoheal does not edit those \
                 files."
            ),
        )
        .with_subject(
            dep,
            SubjectDetail::Package {
                ecosystem: Ecosystem::Npm,
                name: dep.to_string(),
            },
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undeclared_dependencies() {
        crate::classify::catalogue::assert_reads(
            undeclared_dependency,
            &[
                "Error: Your application tried to access lodash, but it isn't declared in your dependencies; this \
                 makes the require call ambiguous and unsound.",
                "ERR! Error: @storybook/core tried to access @storybook/addon-essentials, but it isn't declared in \
                 its dependencies; this makes the require call ambiguous and unsound.",
            ],
            &[
                "Required package: lodash (via \"lodash/merge\")",
                "Error: Cannot find module 'lodash'",
            ],
        );
        let hit = undeclared_dependency(&Line::plain(
            "Error: Your application tried to access lodash, but it isn't declared in your dependencies; this makes \
             the require call ambiguous and unsound.",
        ))
        .expect("read");
        assert_eq!(hit.category, Category::MissingDependency);
        assert_eq!(hit.subject.as_deref(), Some("lodash"));
        // Another ecosystem's package: the project's manifest, never a fix.
        assert!(!hit.fixable);
        let package = undeclared_dependency(&Line::plain(
            "Error: @acme/ui tried to access @floating-ui/dom, but it isn't declared in its dependencies; this makes \
             the require call ambiguous and unsound.",
        ))
        .expect("read");
        assert!(package.message.contains("packageExtensions"), "{}", package.message);
        let loose = undeclared_dependency(&Line::plain(
            "(node:4120) [MODULE_NOT_FOUND] Error: ts-jest tried to access eslint, but it isn't declared in its \
             dependencies; this makes the require call ambiguous and unsound.",
        ))
        .expect("read");
        assert_eq!(loose.category, Category::Unknown);
        assert!(!loose.fixable);
    }
}
