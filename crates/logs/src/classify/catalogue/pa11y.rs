//! pa11y-ci, the accessibility test runner built on Pa11y.
//!
//! Source: `lib/reporters/cli.js` (the default reporter): `Running Pa11y on
//! {n} URLs:`, one ` > {url} - {n} errors` line per page, then, when a page
//! failed, `Errors in {url}:` and one bullet per issue, ` • {message}` (word
//! wrapped, continued three spaces in) with its selector and context under
//! it, or ` • Error: {message}` for a page Pa11y could not test, and last `✘
//! {passes}/{total} URLs passed`. An accessibility error is the page's: a
//! person's call; the first bullet of the first failed page is where the
//! report says why.

use super::util::regex;
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "pa11y/issue",
    grammar: " • {message} (the first bullet under `Errors in {url}:`)",
    needles: &[" • "],
    check: issue,
    examples: &[ex_after(
        &["Errors in http://localhost:4000/contact/:", ""],
        " • This textinput element does not have a name available to an accessibility",
        Category::Unknown,
        None,
    )],
}];

fn issue(line: &Line<'_>) -> Option<Hit> {
    let message = regex!(r"^ • (\S.*)$").captures(line.text.trim_end())?;
    // The first bullet: the page's heading, then a blank line.
    let [.., heading, blank] = line.recent else {
        return None;
    };
    let page = regex!(r"^Errors in (\S+):$").captures(heading.trim())?;
    if !blank.trim().is_empty() {
        return None;
    }
    Some(Hit::blocker(format!(
        "pa11y-ci found accessibility errors on {}: {}. The page is to fix, or pa11y-ci's configuration (a \
         threshold, an ignored rule) to change (a manual fix).",
        display_text(&page[1]),
        display_text(message[1].trim_end())
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_issue_of_a_failed_page_is_read() {
        let hit = issue(&Line {
            recent: &["", "Errors in http://localhost:4000/contact/:", ""],
            ..Line::plain(" • Error: net::ERR_CONNECTION_REFUSED at http://localhost:4000/contact/")
        })
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        // A later bullet, and a bullet of another tool's list, are not.
        assert!(
            issue(&Line {
                recent: &["   (#email)", ""],
                ..Line::plain(" • This button element does not have a name available to an accessibility API.")
            })
            .is_none()
        );
        assert!(
            issue(&Line {
                recent: &["Changes:", ""],
                ..Line::plain(" • bump lodash to 4.17.21")
            })
            .is_none()
        );
    }
}
