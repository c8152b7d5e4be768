//! The Tauri CLI's bundler (`tauri build`, also run by tauri-action).
//!
//! Sources: the CLI prints its errors as `{padding}Error {message}` (its
//! log's right-aligned action word). The bundler's failure is `failed to
//! bundle project: {reason}` (`tauri-bundler`'s `Error::BundlerError`), the
//! reason often a script or tool it ran (`error running bundle_dmg.sh`,
//! `` `failed to run {path}` ``): what that tool printed above says why
//! (hdiutil's `create failed - {reason}`, `apple.rs`), so the line is a
//! heading. With `bundle.createUpdaterArtifacts` and an updater public key,
//! the bundler signs the update artifacts and stops with `A public key has
//! been found, but no private key. Make sure to set
//! `TAURI_SIGNING_PRIVATE_KEY` environment variable.` when the secret is
//! not in the environment (not configured, or a fork's pull request): a
//! person's, never fixed. Tauri 1's CLI prints the same sentence naming
//! `TAURI_PRIVATE_KEY`, the variable it reads: the message names the one
//! the line names. tauri-action relays the CLI's failure as
//! `Command "{program} [{args}]" failed with exit code {n}`.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "tauri/updater-private-key-missing",
        grammar: "[Error ]A public key has been found, but no private key. Make sure to set \
                  `TAURI_SIGNING_PRIVATE_KEY` environment variable.",
        needles: &["A public key has been found, but no private key"],
        check: updater_private_key_missing,
        examples: &[ex(
            "       Error A public key has been found, but no private key. Make sure to set \
             `TAURI_SIGNING_PRIVATE_KEY` environment variable.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "tauri/bundle-failed",
        grammar: "[Error ]failed to bundle project: {reason}",
        needles: &["failed to bundle project"],
        check: bundle_failed,
        examples: &[ex(
            "       Error failed to bundle project: error running bundle_dmg.sh: `failed to run \
             /Users/runner/work/a/a/src-tauri/target/release/bundle/dmg/bundle_dmg.sh`",
            Category::Unknown,
            None,
        )],
    },
];

fn updater_private_key_missing(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:Error:?\s+)?A public key has been found, but no private key\.(?:.*?`(TAURI_\w+)`)?")
        .captures(line.text.trim())?;
    // Tauri 2 reads TAURI_SIGNING_PRIVATE_KEY, Tauri 1 TAURI_PRIVATE_KEY: the
    // line names the one this CLI reads.
    let variable = c.get(1).map_or_else(
        || "its private key variable".to_string(),
        |v| format!("`{}`", v.as_str()),
    );
    Some(Hit::blocker(format!(
        "Tauri's bundler signs the updater artifacts with {variable}, which is empty or unset in this run (a secret \
         not configured, or not given to a pull request from a fork). A secret is a person's to provide."
    )))
}

fn bundle_failed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:Error:?\s+)?failed to bundle project:?\s*(.*)$").captures(line.text.trim())?;
    Some(Hit::summary(format!(
        "Tauri's bundler failed: {} (what the tool it ran printed above says why).",
        display_text(c[1].trim())
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn the_updater_key_is_a_secret_and_the_bundler_s_line_a_heading() {
        let hit = updater_private_key_missing(&Line::plain(
            "       Error A public key has been found, but no private key. Make sure to set \
             `TAURI_SIGNING_PRIVATE_KEY` environment variable.",
        ))
        .expect("read");
        assert_eq!((hit.category, hit.strength), (Category::Unknown, Strength::Blocker));
        assert!(hit.message.contains("`TAURI_SIGNING_PRIVATE_KEY`"), "{}", hit.message);
        // Tauri 1's CLI reads another variable and names it.
        let v1 = updater_private_key_missing(&Line::plain(
            "       Error A public key has been found, but no private key. Make sure to set `TAURI_PRIVATE_KEY` \
             environment variable.",
        ))
        .expect("v1");
        assert!(v1.message.contains("`TAURI_PRIVATE_KEY`"), "{}", v1.message);
        assert!(!v1.message.contains("SIGNING"), "{}", v1.message);
        let hit = bundle_failed(&Line::plain(
            "failed to bundle project: `failed to run C:\\Users\\runneradmin\\AppData\\Local\\tauri\\WixTools314\\light.exe`",
        ))
        .expect("read");
        assert_eq!(hit.strength, Strength::Summary);
        assert!(bundle_failed(&Line::plain("- \"failed to bundle project\" / icon errors: see below")).is_none());
    }
}
