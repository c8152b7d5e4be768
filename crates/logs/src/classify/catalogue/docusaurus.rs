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

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "docusaurus/broken-links",
    grammar: "[ERROR] Error: Docusaurus found broken {links|anchors}! | [cause]: Error: Docusaurus found broken …!",
    needles: &["Docusaurus found broken "],
    check: broken_links,
    examples: &[ex(
        "[ERROR] Error: Docusaurus found broken links!",
        Category::Unknown,
        None,
    )],
}];

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
