//! Docusaurus, the documentation site generator (`docusaurus build`).
//!
//! Source: `packages/docusaurus/src/server/brokenLinks.ts`: with
//! `onBrokenLinks: 'throw'` (the default) the build fails with `Docusaurus
//! found broken links!`, then `Please check the pages of your site in the
//! list below, …` and `Exhaustive list of all broken links found:` with one
//! `- On source page path = {path}:` / `-> linking to {link}` group per page;
//! `onBrokenAnchors` says `Docusaurus found broken anchors!` the same way.
//! The CLI prints the error through `@docusaurus/logger` (`[ERROR] `), under
//! its heading `Unable to build website for locale {locale}.` (from v3 as
//! the error's `[cause]:`). A broken link is the documentation's: a person's
//! call; the reason line is where the report says why. At `warn` the same
//! sentence is a `[WARNING]` and fails nothing.
//!
//! Source: `packages/docusaurus/src/server/plugins/moduleShorthand.ts`
//! (`resolveModuleName`, v2.x and v3.x): a plugin, theme or preset the
//! site's config names that `require.resolve` finds under none of its
//! name patterns fails with `Docusaurus was unable to resolve the
//! "{name}" {plugin|theme|preset}. Make sure one of the following packages
//! are installed:` and one `- {package}` line per pattern (`getNamePatterns`:
//! the name itself, then `@docusaurus/{type}-{name}` and
//! `docusaurus-{type}-{name}` for an unscoped name, `@{scope}/docusaurus-
//! {type}-{rest}` for a scoped one). The config names the package outright
//! when the name is already a full package name (`@docusaurus/plugin-
//! ideal-image`, `docusaurus-plugin-sass`, `@easyops-cn/docusaurus-search-
//! local`: the patterns add `docusaurus-{type}-` to a name that is not one):
//! that package is missing from the project's package.json (or its install
//! did not run), never fixable, as autoheal does not edit package.json. A
//! shorthand (`ideal-image`) leaves the package one of the listed patterns,
//! which the log cannot decide: unknown.

use super::node::npm_package_hit;
use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "docusaurus/broken-links",
        grammar: "[ERROR] Error: Docusaurus found broken {links|anchors}! | [cause]: Error: Docusaurus found broken …!",
        needles: &["Docusaurus found broken "],
        check: broken_links,
        examples: &[ex(
            "[ERROR] Error: Docusaurus found broken links!",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "docusaurus/module-unresolved",
        grammar: "[ERROR] Error: Docusaurus was unable to resolve the \"{name}\" {plugin|theme|preset}. Make sure one of \
                  the following packages are installed:",
        needles: &["Docusaurus was unable to resolve the \""],
        check: module_unresolved,
        examples: &[
            ex(
                "[ERROR] Error: Docusaurus was unable to resolve the \"@docusaurus/theme-mermaid\" theme. Make sure one \
                 of the following packages are installed:",
                Category::MissingDependency,
                Some("@docusaurus/theme-mermaid"),
            ),
            ex(
                "Error: Docusaurus was unable to resolve the \"ideal-image\" plugin. Make sure one of the following \
                 packages are installed:",
                Category::Unknown,
                None,
            ),
        ],
    },
];

fn module_unresolved(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r#"^(?:\[ERROR\] )?(?:Error: )?Docusaurus was unable to resolve the "([^"\s]+)" (plugin|theme|preset)\. Make sure one of the following packages are installed:$"#
    )
    .captures(line.text.trim())?;
    let (name, kind) = (&c[1], &c[2]);
    let resolver = format!("Docusaurus cannot load the {kind} its config names,");
    if names_a_full_package(name, kind)
        && let Some(hit) = npm_package_hit(name, &resolver)
    {
        return Some(hit.fixable(false));
    }
    Some(Hit::blocker(format!(
        "Docusaurus cannot resolve the {kind} '{}' its config names by a shorthand: the package is one of those listed \
         under the message, which the log does not decide (add the right one to package.json; a person's call).",
        display_text(name)
    )))
}

/// Whether the config's `name` is a package name rather than a shorthand
/// Docusaurus expands (`getNamePatterns`): the expansions put
/// `docusaurus-{kind}-` (or `{kind}-` under `@docusaurus/`) before a
/// shorthand, so a name already of that form is the package itself.
fn names_a_full_package(name: &str, kind: &str) -> bool {
    let rest = match name.strip_prefix('@').and_then(|n| n.split_once('/')) {
        Some((_, rest)) => rest,
        None if name.starts_with('@') => return false,
        None => return name.starts_with("docusaurus-"),
    };
    rest.starts_with("docusaurus-") || rest.starts_with(&format!("{kind}-"))
}

fn broken_links(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:\[ERROR\] |\[cause\]: )?(?:Error: )?Docusaurus found broken (links|anchors)!$")
        .captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "Docusaurus found broken {} in the site and stopped the build (`onBrokenLinks: 'throw'`): the pages listed \
         under the message link to paths that do not exist. The links (or the moved pages) are the documentation's \
         to fix (a manual fix).",
        &c[1]
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_package_name_is_the_missing_dependency_and_a_shorthand_is_not() {
        crate::classify::catalogue::assert_manifest_dependency(
            module_unresolved,
            &[
                (
                    "[ERROR] Error: Docusaurus was unable to resolve the \"@docusaurus/plugin-ideal-image\" plugin. Make \
                 sure one of the following packages are installed:",
                    Some("@docusaurus/plugin-ideal-image"),
                ),
                (
                    "Error: Docusaurus was unable to resolve the \"docusaurus-plugin-sass\" plugin. Make sure one of the \
                 following packages are installed:",
                    Some("docusaurus-plugin-sass"),
                ),
                (
                    "[ERROR] Error: Docusaurus was unable to resolve the \"@easyops-cn/docusaurus-search-local\" theme. \
                 Make sure one of the following packages are installed:",
                    Some("@easyops-cn/docusaurus-search-local"),
                ),
                // Shorthands: the package is one of the listed patterns.
                (
                    "[ERROR] Error: Docusaurus was unable to resolve the \"content-docs\" plugin. Make sure one of the \
                 following packages are installed:",
                    None,
                ),
                (
                    "[ERROR] Error: Docusaurus was unable to resolve the \"@docusaurus/ideal-image\" plugin. Make sure \
                 one of the following packages are installed:",
                    None,
                ),
                (
                    "Error: Docusaurus was unable to resolve the \"@acme\" preset. Make sure one of the following \
                 packages are installed:",
                    None,
                ),
            ],
        );
        // A candidate line under the message, and the words in a how-to.
        for text in [
            "- @docusaurus/plugin-ideal-image",
            "If the build says Docusaurus was unable to resolve the \"x\" plugin, run yarn install",
        ] {
            assert!(module_unresolved(&Line::plain(text)).is_none(), "{text}");
        }
    }

    #[test]
    fn the_thrown_report_is_read_and_its_warning_is_not() {
        crate::classify::catalogue::assert_reads(
            broken_links,
            &[
                "[ERROR] Error: Docusaurus found broken links!",
                "  [cause]: Error: Docusaurus found broken links!",
                "Error: Docusaurus found broken anchors!",
            ],
            &[
                "[WARNING] Docusaurus found broken anchors!",
                "[ERROR] Unable to build website for locale en.",
                "## Error: Docusaurus found broken links! (how to fix it)",
            ],
        );
    }
}
