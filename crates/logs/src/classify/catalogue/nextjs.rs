//! Next.js's build (`next build`), its own messages (webpack's, which it
//! relays, are `webpack.rs`'s).
//!
//! Source: `packages/next/src/lib/typescript/diagnosticFormatter.ts`: a
//! TypeScript error of the build's type check is printed as
//! `{file}:{line}:{column}` and, on the next line, `Type error: {message}`
//! (then a code frame), under the build's `Failed to compile.` heading
//! (`packages/next/src/build/index.ts`). The error is the code's: a person's
//! call.

use super::util::regex;
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "nextjs/type-error",
    grammar: "Failed to compile. … {file}:{line}:{column} then Type error: {message}",
    needles: &["Type error: "],
    check: type_error,
    examples: &[ex_after(
        &["Failed to compile.", "", "./src/app/page.tsx:18:22"],
        "Type error: Property 'tier' does not exist on type 'Plan'.",
        Category::Unknown,
        None,
    )],
}];

fn type_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^Type error: (.+)$").captures(line.text.trim())?;
    let located = line
        .recent
        .last()
        .is_some_and(|l| regex!(r"^\S+\.[cm]?[jt]sx?:\d+:\d+$").is_match(l.trim()));
    let failed = line.recent.iter().any(|l| l.trim() == "Failed to compile.");
    if !(located && failed) {
        return None;
    }
    Some(Hit::blocker(format!(
        "Next.js's type check failed: {} (a code error: a manual fix).",
        display_text(&c[1])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_error_under_the_builds_heading() {
        let text = "Type error: Property 'tier' does not exist on type 'Plan'.";
        let hit = type_error(&Line {
            recent: &["Failed to compile.", "", "./src/app/account/PlanBadge.tsx:18:22"],
            ..Line::plain(text)
        })
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(type_error(&Line::plain(text)).is_none());
        assert!(
            type_error(&Line {
                recent: &["./src/a.ts:1:1"],
                ..Line::plain(text)
            })
            .is_none()
        );
    }
}
