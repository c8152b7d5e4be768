//! size-limit, the JavaScript bundle-size budget (and
//! andresz1/size-limit-action, which runs it).
//!
//! Source: `packages/size-limit/create-reporter.js`: per checked entry its
//! name (or path), then for an entry over budget `Package size limit has
//! exceeded by {diff}` with `Size limit: {limit}` and `Size: {size} …`
//! under it, and at the end `Try to reduce size or increase limit at
//! {config}`; the process exits 1. A budget exceeded is the code's (or the
//! budget's) call: a person's. The first exceeded entry is where the report
//! says why.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "size_limit/exceeded",
    grammar: "Package size limit has exceeded by {size}",
    needles: &["Package size limit has exceeded by"],
    check: exceeded,
    examples: &[ex(
        "  Package size limit has exceeded by 1.34 kB",
        Category::Unknown,
        None,
    )],
}];

fn exceeded(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Package size limit has exceeded by (\d[\d.,]*\s?[kKMG]?i?B)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "size-limit found a bundle over its budget, by {}: the code that grew it, or the budget in the size-limit \
         configuration, is a person's call.",
        display_text(&c[1])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exceeded_budget_is_read_and_prose_is_not() {
        for text in [
            "  Package size limit has exceeded by 1.34 kB",
            "Package size limit has exceeded by 275 B",
            "Package size limit has exceeded by 1 KB",
        ] {
            let hit = exceeded(&Line::plain(text)).expect("read");
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        assert!(
            exceeded(&Line::plain(
                "# When the Package size limit has exceeded by too much, ask"
            ))
            .is_none()
        );
    }
}
