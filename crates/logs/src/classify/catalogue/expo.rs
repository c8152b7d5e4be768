//! Expo's EAS CLI (`eas build`, `eas submit`, `eas update`).
//!
//! Source: EAS CLI's login check, run before any command that acts for an
//! account: with no stored session and no `EXPO_TOKEN`, in a
//! non-interactive run it prints `An Expo user account is required to
//! proceed.` and `Either log in with eas login or set the EXPO_TOKEN
//! environment variable if you're using EAS CLI on CI (Learn more: …)`, then
//! the command's own `Error: {command} command failed.` (oclif's). The token
//! is a secret the run was not given (an unset repository secret, or a pull
//! request from a fork, whose runs get no secrets): a person's, never fixed;
//! the closing `command failed` line only follows it.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "expo/account-required",
    grammar: "An Expo user account is required to proceed. (then `Either log in with eas login or set the \
              EXPO_TOKEN environment variable …`)",
    needles: &["An Expo user account is required to proceed"],
    check: account_required,
    examples: &[ex(
        "An Expo user account is required to proceed.",
        Category::Unknown,
        None,
    )],
}];

fn account_required(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:Error: )?An Expo user account is required to proceed\.?$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "EAS CLI has no Expo account to act for: EXPO_TOKEN is empty or unset in this run (a secret not \
                 configured, or not given to a pull request from a fork). A secret is a person's to provide.",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_check_not_prose_about_it() {
        crate::classify::catalogue::assert_reads(
            account_required,
            &[
                "An Expo user account is required to proceed.",
                "Error: An Expo user account is required to proceed.",
            ],
            &["# An Expo user account is required to proceed when EXPO_TOKEN is unset (see README)"],
        );
    }
}
