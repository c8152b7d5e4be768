//! semantic-release.
//!
//! Source: semantic-release's logger (signale, scope `[semantic-release]`,
//! plugins `[@semantic-release/{plugin}]`) and its errors
//! (`SemanticReleaseError` with a `code`): a failed step is announced as
//! `[{time}] [semantic-release] › ✘  Failed step "{step}" of plugin
//! "{plugin}"` (older releases `✖`), then each error as `… › ✘  {CODE}
//! {message}` (`ENOGHTOKEN No GitHub token specified.`, `EINVALIDNPMTOKEN
//! Invalid npm token.`, …) followed by its documentation. The coded line says
//! why; the "Failed step" line is its heading. Tokens, permissions and
//! configuration: for a person.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "semantic_release/error",
    grammar: "[{time}] [semantic-release] › ✘  {CODE} {message} | [{time}] [semantic-release] › ✘  Failed step \
              \"{step}\" of plugin \"{plugin}\" (a heading)",
    needles: &["[semantic-release] › ✘", "[semantic-release] › ✖"],
    check: error,
    examples: &[
        ex(
            "[4:21:07 PM] [semantic-release] › ✘  ENOGHTOKEN No GitHub token specified.",
            Category::Unknown,
            None,
        ),
        ex(
            "[4:21:07 PM] [semantic-release] › ✘  Failed step \"verifyConditions\" of plugin \
             \"@semantic-release/github\"",
            Category::Unknown,
            None,
        ),
    ],
}];

fn error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"\[semantic-release\] › [✘✖]\s+(.+)$").captures(line.text)?;
    let message = c[1].trim();
    if message.starts_with("Failed step ") {
        return Some(Hit::summary(format!(
            "semantic-release: {}",
            crate::subject::display_text(message)
        )));
    }
    if let Some(coded) = regex!(r"^(E[A-Z0-9]+) (.+)$").captures(message) {
        return Some(Hit::blocker(format!(
            "semantic-release stopped with {}: {}",
            &coded[1],
            crate::subject::display_text(&coded[2])
        )));
    }
    Some(Hit::blocker(format!(
        "semantic-release stopped: {}",
        crate::subject::display_text(message)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_coded_error_under_its_failed_step() {
        let heading = error(&Line::plain(
            "[4:21:07 PM] [semantic-release] › ✘  Failed step \"verifyConditions\" of plugin \"@semantic-release/github\"",
        ))
        .expect("read");
        assert_eq!(heading.strength, Strength::Summary);
        let coded = error(&Line::plain(
            "[11:44:06] [semantic-release] › ✖  ENOGHTOKEN No GitHub token specified.",
        ))
        .expect("read");
        assert_eq!((coded.category, coded.strength), (Category::Unknown, Strength::Blocker));
        assert!(coded.message.contains("ENOGHTOKEN"));
        assert!(
            error(&Line::plain(
                "[4:21:07 PM] [semantic-release] › ✔  Allowed to push to the Git repository"
            ))
            .is_none()
        );
    }
}
