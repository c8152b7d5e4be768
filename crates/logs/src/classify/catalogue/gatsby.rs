//! Gatsby, the React site generator (`gatsby build`): its GraphQL query
//! errors.
//!
//! Source: `packages/gatsby-cli/src/structured-errors/error-map.ts` and the
//! CLI's reporter: a structured error prints as a heading, ` ERROR #{code}
//! {TYPE}` (`#85923  GRAPHQL`), a blank line, then its text; the GraphQL
//! query errors (`85901`, `85907`, `85923`, `85925`, …) open their text with
//! `There was an error in your GraphQL query:`, a blank line, then the
//! reason (`Cannot query field "{field}" on type "{type}".`), then advice and
//! `File: {path}:{line}:{column}`. Older releases printed the same text at
//! the reporter's `error` level (`error There was an error in your GraphQL query:`). A query that asks
//! for what the schema does not have is the site's code (or its data) to
//! fix: a person's call; the reason line is where the report says why.
//! Other error types relay other tools' messages (webpack's, a plugin's),
//! which their own entries read. The reason is read by the words of
//! graphql-js's messages ([`GRAPHQL_MESSAGES`]).

use super::util::regex;
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

const GRAPHQL_INTRO: &str = "There was an error in your GraphQL query:";

/// The reason is a GraphQL error: graphql-js's validation rules
/// (`src/validation/rules/`: `FieldsOnCorrectTypeRule`, `KnownArgumentNamesRule`,
/// `KnownTypeNamesRule`, `KnownFragmentNamesRule`, `ScalarLeafsRule`,
/// `NoUnusedFragmentsRule`, `NoUndefinedVariablesRule`,
/// `ValuesOfCorrectTypeRule`), its parser's `Syntax Error:` and its executor's
/// non-null error, by the words each message begins or turns on.
const GRAPHQL_MESSAGES: &[&str] = &[
    "Cannot query field ",
    "Unknown argument ",
    "Unknown type ",
    "Unknown fragment ",
    "must not have a selection",
    "must have a selection of subfields",
    "is never used",
    "is not defined by operation",
    "Expected value of type ",
    "Expected type ",
    "Syntax Error:",
    "Cannot return null for non-nullable field",
];

pub const ENTRIES: &[Entry] = &[Entry {
    id: "gatsby/graphql-query",
    grammar: " ERROR #{code}  GRAPHQL / (blank) / There was an error in your GraphQL query: / (blank) / {reason}",
    needles: GRAPHQL_MESSAGES,
    check: graphql_reason,
    examples: &[ex_after(
        &[" ERROR #85923  GRAPHQL", "", GRAPHQL_INTRO, ""],
        "Cannot query field \"slug\" on type \"MarkdownRemarkFields\".",
        Category::Unknown,
        None,
    )],
}];

fn graphql_reason(line: &Line<'_>) -> Option<Hit> {
    let reason = line.text.trim();
    if reason.is_empty() {
        return None;
    }
    let [.., intro, blank] = line.recent else {
        return None;
    };
    let intro = intro.trim();
    if !blank.trim().is_empty() || intro.strip_prefix("error ").unwrap_or(intro) != GRAPHQL_INTRO {
        return None;
    }
    // The structured form's heading is two lines above the intro; the older
    // form is the intro alone, at the reporter's `error` level.
    let structured =
        line.recent.len() >= 4 && regex!(r"^ERROR #\d+\s+GRAPHQL$").is_match(line.recent[line.recent.len() - 4].trim());
    if !structured && !intro.starts_with("error ") {
        return None;
    }
    Some(Hit::blocker(format!(
        "A Gatsby page's GraphQL query failed: {}. The query or the data it reads (a field no node has any \
         more, a schema a plugin no longer builds) is the site's to fix (a manual fix).",
        display_text(reason)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reason_under_either_form_of_the_intro_is_read() {
        let reason = "Cannot query field \"slug\" on type \"MarkdownRemarkFields\".";
        let hit = graphql_reason(&Line {
            recent: &[" ERROR #85923  GRAPHQL", "", GRAPHQL_INTRO, ""],
            ..Line::plain(reason)
        })
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(
            graphql_reason(&Line {
                recent: &[
                    "success onPreExtractQueries - 0.001s",
                    "error There was an error in your GraphQL query:",
                    ""
                ],
                ..Line::plain(reason)
            })
            .is_some()
        );
        // The intro quoted without its heading or level (a README), another
        // error type's text, and the advice further down are not read.
        assert!(
            graphql_reason(&Line {
                recent: &["# Troubleshooting", GRAPHQL_INTRO, ""],
                ..Line::plain(reason)
            })
            .is_none()
        );
        assert!(
            graphql_reason(&Line {
                recent: &[" ERROR #98123  WEBPACK", "", "Generating JavaScript bundles failed", ""],
                ..Line::plain("Can't resolve '../components/Card' in '/home/runner/work/site/site/src/pages'")
            })
            .is_none()
        );
        assert!(
            graphql_reason(&Line {
                recent: &[GRAPHQL_INTRO, "", reason, ""],
                ..Line::plain("It is recommended to explicitly type your GraphQL schema.")
            })
            .is_none()
        );
    }
}
