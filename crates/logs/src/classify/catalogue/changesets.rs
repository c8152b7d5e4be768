//! changesets' publish command (`changeset publish`, run by
//! changesets/action).
//!
//! Source: `packages/cli/src/commands/publish/npm-utils.ts`
//! (`internalPublish`): when the publish tool exits non-zero, changesets
//! reads npm's `--json` error and logs `an error occurred while publishing
//! {pkg}: {code}` with its summary and detail, then npm's stderr, then
//! `packages failed to publish:` and the list. Its logger
//! (`@changesets/logger`) starts every line with `🦋  error `. The line names
//! the package and npm's code (`E402` for a scoped package published
//! without public access, `E403`, `EOTP`, `ENEEDAUTH`): the registry
//! refused, a person's call; npm's own `npm error code …` lines relayed below
//! it say the same again.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "changesets/publish-failed",
    grammar: "🦋  error an error occurred while publishing {package}: {code} {summary}",
    needles: &["an error occurred while publishing "],
    check: publish_failed,
    examples: &[ex(
        "🦋  error an error occurred while publishing @acme/ui: E403 403 Forbidden - PUT \
         https://registry.npmjs.org/@acme%2fui - You cannot publish over the previously published versions: 1.2.0.",
        Category::Unknown,
        None,
    )],
}];

fn publish_failed(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"^🦋  error an error occurred while publishing (\S+?):(?: (\S+))?").captures(line.text.trim_start())?;
    let code = c.get(2).map_or("", |m| m.as_str());
    Some(Hit::blocker(format!(
        "changesets could not publish {}: the registry refused it{} (the credentials, the package's access, a version \
         already published): a person's call.",
        display_text(&c[1]),
        if code.is_empty() {
            String::new()
        } else {
            format!(" ({})", display_text(code))
        }
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_publish_is_a_persons_call() {
        crate::classify::catalogue::assert_reads(
            publish_failed,
            &[
                "🦋  error an error occurred while publishing @orbit-ui/icons: E402 Payment Required - PUT \
                 https://registry.npmjs.org/@orbit-ui%2ficons - You must sign up for private packages ",
                "🦋  error an error occurred while publishing pkg-a: ",
            ],
            &[
                "🦋  error packages failed to publish:",
                "toast.error('An error occurred while publishing')",
            ],
        );
        let hit = publish_failed(&Line::plain(
            "🦋  error an error occurred while publishing @acme/ui: EOTP This operation requires a one-time password.",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        assert!(
            hit.message.contains("@acme/ui") && hit.message.contains("EOTP"),
            "{}",
            hit.message
        );
    }
}
