//! lychee, the link checker (and lycheeverse/lychee-action, which runs it).
//!
//! Source: `lychee-bin/src/formatters/stats/compact.rs` (the default
//! report): `Issues found in {n} input(s). Find details below.`, then per
//! input a `[{source}]:` heading and one line per failed link, as the
//! response formatter prints it: `[{status}] {url} | {details}` (`[404]`,
//! `[ERROR]` for a network error, `[TIMEOUT]`), then the totals (`🔍 {n}
//! Total … 🚫 {n} Errors`). A broken link is the documentation's (or the
//! linked site's): a person's call. A line of that shape is read only under
//! the report's heading or an input's, so a link printed by another tool is
//! not lychee's.

use super::util::regex;
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "lychee/link-failed",
    grammar: "[{status}] {url} | {details} (under `Issues found in {n} input(s).` and `[{source}]:`)",
    needles: &["] http"],
    check: link_failed,
    examples: &[ex_after(
        &["Issues found in 1 input. Find details below.", "", "[README.md]:"],
        "[404] https://example.com/old-page | Rejected status code (this depends on your \"accept\" configuration): \
         Not Found",
        Category::Unknown,
        None,
    )],
}];

fn link_failed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\[(\d{3}|ERROR|TIMEOUT)\] (https?://\S+) \| ").captures(line.text.trim())?;
    let in_report = line.recent.iter().any(|l| {
        let l = l.trim();
        (l.starts_with("Issues found in ") && l.ends_with("Find details below."))
            || (l.starts_with('[') && l.ends_with("]:"))
    });
    if !in_report {
        return None;
    }
    Some(Hit::blocker(format!(
        "lychee found a broken link: {} answered {}. The link (or the site it points to) is the documentation's to \
         fix, or lychee's configuration to exclude (a manual fix).",
        display_text(&c[2]),
        display_text(&c[1])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_link_is_read_under_lychees_report() {
        let link = "[ERROR] https://relay.example.dev/api | Network error: error sending request for url \
                    (https://relay.example.dev/api)";
        let hit = link_failed(&Line {
            recent: &["Issues found in 1 input. Find details below.", "", "[docs/install.md]:"],
            ..Line::plain(link)
        })
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        // Outside the report: another tool's line of that shape.
        assert!(link_failed(&Line::plain(link)).is_none());
        assert!(
            link_failed(&Line {
                recent: &["[docs/install.md]:"],
                ..Line::plain("[INFO] https://example.com fetched")
            })
            .is_none()
        );
    }
}
