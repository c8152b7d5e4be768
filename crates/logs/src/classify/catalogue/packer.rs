//! Packer.
//!
//! Source: `packer init`'s plugin getter (`packer-plugin-sdk`'s GitHub
//! getter, hashicorp/packer#11330): a plugin's versions are listed through
//! the GitHub REST API, and when GitHub refuses with its rate limit the
//! getter reports `Plugin host rate limited the plugin getter. Try again in
//! {duration}.` (earlier releases: `List version or getting a plugin got rate
//! limited. Try again in {duration}.`), with `HINT: Set the
//! PACKER_GITHUB_API_TOKEN env var with a token to get more requests.`, under
//! `Failed getting the "{plugin}" plugin:`. The getter reads its token from
//! `PACKER_GITHUB_API_TOKEN` only (Packer's configuration docs), so the fix
//! that gives a step `GITHUB_TOKEN` would not reach it: a person sets it.

use super::util::{rate_limit_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RateLimitService};

pub const ENTRIES: &[Entry] = &[Entry {
    id: "packer/plugin-getter-rate-limited",
    grammar: "* Plugin host rate limited the plugin getter. Try again in {duration}. [HINT: Set the \
              PACKER_GITHUB_API_TOKEN env var …] | * List version or getting a plugin got rate limited. Try again in \
              {duration}.",
    needles: &["rate limited the plugin getter", "getting a plugin got rate limited"],
    check: plugin_getter_rate_limited,
    examples: &[ex(
        "\t* Plugin host rate limited the plugin getter. Try again in 14m7.402191305s. HINT: Set the \
         PACKER_GITHUB_API_TOKEN env var with a token to get more requests.",
        Category::RateLimit,
        Some("GitHub REST API"),
    )],
}];

fn plugin_getter_rate_limited(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:\* )?(?:Plugin host rate limited the plugin getter|List version or getting a plugin got rate limited)\. Try again in ")
        .is_match(line.text.trim())
        .then(|| {
            let mut hit = rate_limit_hit(
                RateLimitService::GithubRestPrimary,
                None,
                0.85,
                "packer init hit the GitHub API rate limit while listing a plugin's releases. Packer's plugin getter \
                 takes its token from PACKER_GITHUB_API_TOKEN, not from GITHUB_TOKEN: a person sets it (for \
                 example to the job's GITHUB_TOKEN), so no fix is made.",
            );
            hit.fixable = false;
            hit
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_releases_forms_and_never_fixable() {
        for text in [
            "\t* Plugin host rate limited the plugin getter. Try again in 3m52.820898337s. HINT: Set the \
             PACKER_GITHUB_API_TOKEN env var with a token to get more requests.",
            "        * List version or getting a plugin got rate limited. Try again in 13m28.672223s.",
        ] {
            let hit = plugin_getter_rate_limited(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::RateLimit, Some("GitHub REST API"), false)
            );
        }
        crate::classify::catalogue::assert_reads(
            plugin_getter_rate_limited,
            &[],
            &["Failed getting the \"github.com/hashicorp/amazon\" plugin:"],
        );
    }
}
