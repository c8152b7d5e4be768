//! pypa/gh-action-pypi-publish's trusted-publishing exchange.
//!
//! Source: the action's `oidc-exchange.py`. It fails through `die(msg)`,
//! which prints `::error::trusted publishing exchange failure: {msg}` (older
//! releases: `Trusted publishing exchange failure: `); the message is the
//! text of one of its templates, which begins on the next line, since the
//! runner turns only the command's first line into the `##[error]`
//! annotation. When the index refuses the token exchange, the template is
//! `Token request failed: the server refused the request for the following
//! reasons:` and then one line per error of the index's answer, `* `{code}`:
//! {description}` (the codes PyPI documents in its trusted-publishers
//! troubleshooting page: `invalid-publisher`, `invalid-payload`,
//! `invalid-token`, `not-enabled`, …), followed by the claims of the token
//! and a link. The reason line is the finding: the heading above it says only
//! that the exchange failed. A refusal is the publisher's configuration on the
//! index (its repository, workflow file name and environment must match the
//! token's claims), never the workflow's to fix by itself. The other
//! templates (the token could not be retrieved: `id-token: write` missing;
//! the audience or the index's answer malformed) are left to the heading.

use super::util::regex;
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

/// The template line under which the index's reasons are listed.
const REFUSED: &str = "Token request failed: the server refused the request for the following reasons:";

pub const ENTRIES: &[Entry] = &[Entry {
    id: "pypi_publish/exchange-refused",
    grammar: "Token request failed: the server refused the request for the following reasons: … * `{code}`: \
              {description}",
    needles: &["* `"],
    check: exchange_refused,
    examples: &[ex_after(
        &[REFUSED, ""],
        "* `invalid-publisher`: valid token, but no corresponding publisher (Publisher with matching claims was not \
         found)",
        Category::Unknown,
        None,
    )],
}];

fn exchange_refused(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\* `([a-z][a-z0-9-]*)`: (.+)$").captures(line.text.trim())?;
    // The token's claims, listed further down as `* `{claim}`: `{value}``,
    // are data.
    if c[2].starts_with('`') || !line.recent.iter().any(|l| l.trim() == REFUSED) {
        return None;
    }
    let why = match &c[1] {
        "invalid-publisher" => {
            "no trusted publisher on the index matches this run's token (the project's publisher names another \
             repository, workflow file or environment, or the project does not exist yet and has no pending \
             publisher): a person fixes the publisher on the index or the job's `environment:`"
        }
        "not-enabled" => "the index has trusted publishing disabled: a person uses an API token meanwhile",
        _ => "the index refused the run's identity token",
    };
    Some(Hit::blocker(format!(
        "PyPI's trusted-publishing exchange was refused ({}): {why}. The index said: {}",
        display_text(&c[1]),
        display_text(&c[2])
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn a_refusal_reason_under_the_exchange_template_is_the_cause() {
        let recent = ["##[error]trusted publishing exchange failure: ", REFUSED, ""];
        let line = Line {
            recent: &recent,
            ..Line::plain(
                "* `invalid-publisher`: valid token, but no corresponding publisher (Publisher with matching claims \
                 was not found)",
            )
        };
        let hit = exchange_refused(&line).expect("read");
        assert_eq!(
            (hit.category, hit.fixable, hit.strength),
            (Category::Unknown, false, Strength::Blocker)
        );
        assert!(hit.message.contains("environment"), "{}", hit.message);
        // The claims listed further down are data, and a bullet elsewhere
        // (a changelog, a markdown list) is not the index's answer.
        for (recent, text) in [
            (
                &[][..],
                "* `invalid-publisher`: valid token, but no corresponding publisher",
            ),
            (&recent[..], "* `sub`: `repo:acme/pkg:environment:release`"),
            (&recent[..], "- `invalid-publisher`: x"),
        ] {
            let line = Line {
                recent,
                ..Line::plain(text)
            };
            assert!(exchange_refused(&line).is_none(), "{text}");
        }
    }
}
