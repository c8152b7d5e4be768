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
//!
//! And `packer build`'s own waits (the communicator's `StepConnect`, as
//! hashicorp/packer's issues #229, #9128 and users' reports print it): a
//! builder's UI line `==> {builder}: Timeout waiting for SSH.` (`WinRM.` for
//! the WinRM communicator) when the machine did not answer within the
//! template's `ssh_timeout` (`winrm_timeout`; 5m by default): the machine's
//! network, image or key, Packer's own limit, not the job's. Packer then
//! cleans up and repeats the error in its closing report, `Build '{builder}'
//! errored after {duration}: {error}`, `--> {builder}: {error}` under `==>
//! Some builds didn't complete successfully and had errors:`, and `==>
//! Builds finished but no artifacts were created.`: headings over the
//! builder's line.

use super::util::{rate_limit_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RateLimitService};
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "packer/communicator-timeout",
        grammar: "==> {builder}: Timeout waiting for {SSH|WinRM}. | Build '{builder}' errored after {duration}: {error} \
                  | --> {builder}: {error} | ==> Builds finished but no artifacts were created.",
        needles: &[
            "Timeout waiting for ",
            "' errored after ",
            "Builds finished but no artifacts were created",
            "--> ",
        ],
        check: build_error,
        examples: &[ex(
            "==> amazon-ebs.ubuntu: Timeout waiting for SSH.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
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
    },
];

fn build_error(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    if let Some(c) = regex!(r"^==> ([\w.-]+): Timeout waiting for (SSH|WinRM)\.$").captures(text) {
        return Some(Hit::blocker(format!(
            "Packer's {} builder gave up waiting for {} on the machine it launched (the template's {}_timeout, \
             Packer's own limit, not the job's time limit): the machine's network, image or credentials are for a \
             person to check.",
            display_text(&c[1]),
            &c[2],
            c[2].to_ascii_lowercase()
        )));
    }
    let closing = regex!(r"^Build '[\w.-]+' errored after [^:]+: \S").is_match(text)
        || text == "==> Builds finished but no artifacts were created."
        || (regex!(r"^--> [\w.-]+: \S").is_match(text) && line.step_mentions("packer"));
    closing.then(|| Hit::summary("Packer's closing report of a failed build (the builder's error above says which)."))
}

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
    use crate::classify::hit::Strength;

    #[test]
    fn the_builder_s_own_wait_is_the_cause_and_the_closing_report_a_heading() {
        for text in [
            "==> amazon-ebs.ubuntu: Timeout waiting for SSH.",
            "==> azure-arm.windows: Timeout waiting for WinRM.",
            // Packer before HCL2 named the builder by its type alone.
            "==> amazon-ebs: Timeout waiting for SSH.",
        ] {
            let hit = build_error(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.strength),
                (Category::Unknown, Strength::Blocker),
                "{text}"
            );
            assert!(hit.message.contains("not the job's time limit"), "{}", hit.message);
        }
        let mut repeat = Line::plain("--> amazon-ebs.ubuntu: Timeout waiting for SSH.");
        repeat.script = "packer build ubuntu.pkr.hcl";
        assert_eq!(build_error(&repeat).expect("repeat").strength, Strength::Summary);
        for text in [
            "Build 'amazon-ebs.ubuntu' errored after 6 minutes 14 seconds: Timeout waiting for SSH.",
            "==> Builds finished but no artifacts were created.",
        ] {
            assert_eq!(
                build_error(&Line::plain(text)).expect(text).strength,
                Strength::Summary,
                "{text}"
            );
        }
        crate::classify::catalogue::assert_reads(
            build_error,
            &[],
            &[
                // The wait itself, a provisioner's line, an arrow no Packer step printed.
                "==> amazon-ebs.ubuntu: Waiting for SSH to become available...",
                "    amazon-ebs.ubuntu: Timeout waiting for SSH.",
                "--> web: exited with code 1",
                "Build 'amazon-ebs.ubuntu' finished after 9 minutes 2 seconds.",
            ],
        );
    }

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
