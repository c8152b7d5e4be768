//! fastlane (its actions: match, gym, supply, pilot, …) and the output of
//! `fastlane_core`.
//!
//! Sources: fastlane's UI prints every message of a lane as `[{HH:MM:SS}]:
//! {message}` (`fastlane_core/ui/implementations/shell.rb`, the time prefix
//! unless `FASTLANE_HIDE_TIMESTAMP`). An action that gives up raises
//! (`UI.user_error!`, `UI.build_failure!`, `UI.crash!`): the lane prints the
//! message once with its time prefix, then the run's `fastlane summary`
//! table and `[{time}]: fastlane finished with errors`, and Commander's
//! runner (`fastlane_core/ui/fastlane_runner.rb`) repeats it in one of two
//! forms. A user error (`user_error!`, `build_failure!`: `FastlaneError`)
//! is aborted as `[!] {message}` at line start, right below the closing line
//! (`display_user_error!`). Any other exception, `crash!`'s `FastlaneCrash`
//! among them (match's readonly refusal is one), goes to
//! `handle_unknown_error!`: gh_inspector's block (`Looking for related GitHub
//! issues on fastlane/fastlane...`, up to three issues, a search link; not
//! time-prefixed) and then the exception re-raised with `[!] {message}` as
//! its message, which Ruby prints as `{file}:{n}:in `crash!': [!] {message}
//! (FastlaneCore::Interface::FastlaneCrash)` and a `\tfrom` backtrace (under
//! `bundle exec` after Bundler's `bundler: failed to load command: fastlane
//! (…)`; Bundler 1's `FastlaneCore::Interface::FastlaneCrash: [!] {message}`
//! with an indented backtrace; Ruby 3.4 quotes the method `'…#crash!'`). The
//! closing `[!]` repeats the error: the finding begins at its first printing
//! (`classify/mod.rs` keeps the step's recent time-prefixed messages,
//! [`record`], to find it). A line-start `[!]` is fastlane's only right after
//! its closing line (CLAide's `[!] ` prefix is CocoaPods' too,
//! `cocoapods.rs`); the raised form names fastlane's exception class and
//! needs no context (gh_inspector's block puts it out of the recent lines'
//! reach). A user error with `show_github_issues` (and a Spaceship error
//! with `preferred_error_info`) prints gh_inspector's block before its
//! line-start `[!]` too, so that `[!]` is also read right after the block's
//! end ([`after_issue_search`]); the block's issue titles and its own `Error:`
//! are quotes (`classify/quoted.rs`). The message is
//! the action's own (match's `No code signing identity found and can not
//! create a new one because you enabled `readonly``, supply's `Google Api
//! Error: {reason} - {message}`, gym's `Error packaging up the application`
//! after xcodebuild's own error): signing assets, store state and a build's
//! errors are a person's, never fixed.
//!
//! `fastlane_core`'s project reader runs `xcodebuild -showBuildSettings` with
//! a time limit of its own (`FASTLANE_XCODEBUILD_SETTINGS_TIMEOUT`, 3 s at
//! first, doubled on each of `FASTLANE_XCODEBUILD_SETTINGS_RETRIES` tries),
//! printing `Command timed out after {t} seconds on try {k} of {n}, trying
//! again with a {2t} second timeout...` (a retry, not the outcome) and at last
//! `xcodebuild -showBuildSettings timed out after {n} retries with a base
//! timeout of {t}. You can override the base timeout value with the
//! environment variable FASTLANE_XCODEBUILD_SETTINGS_TIMEOUT, …`: fastlane's
//! own limit on one command (usually package resolution making it slow),
//! never the job's time limit.

use super::util::regex;
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;
use crate::subject::display_text;

/// The entry of fastlane's closing `[!] {message}` (either form), whose
/// finding the scanner moves to the message's first printing ([`record`]).
pub const REPEAT: &str = "fastlane/finished-with-errors";

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "fastlane/show-build-settings-timeout",
        grammar: "xcodebuild -showBuildSettings timed out after {n} retries with a base timeout of {t}. You can \
                  override the base timeout value with the environment variable FASTLANE_XCODEBUILD_SETTINGS_TIMEOUT, …",
        needles: &["-showBuildSettings timed out after"],
        check: show_build_settings_timeout,
        examples: &[ex(
            "[03:11:24]: xcodebuild -showBuildSettings timed out after 4 retries with a base timeout of 3. You can \
             override the base timeout value with the environment variable FASTLANE_XCODEBUILD_SETTINGS_TIMEOUT, and \
             the number of retries with the environment variable FASTLANE_XCODEBUILD_SETTINGS_RETRIES ",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "fastlane/command-retry",
        grammar: "Command timed out after {t} seconds on try {k} of {n}, trying again with a {t2} second timeout...",
        needles: &["trying again with a "],
        check: command_retry,
        examples: &[ex(
            "[03:10:42]: Command timed out after 3 seconds on try 1 of 4, trying again with a 6 second timeout...",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: REPEAT,
        grammar: "[!] {message} (after `[{time}]: fastlane finished with errors`) | {file}:{n}:in `{method}': [!] \
                  {message} (FastlaneCore::Interface::{class})",
        needles: &["[!] "],
        check: finished_with_errors,
        examples: &[
            ex_after(
                &["[05:12:52]: fastlane finished with errors", ""],
                "[!] Google Api Error: Invalid request - Only releases with status draft may be created on draft app.",
                Category::Unknown,
                None,
            ),
            ex(
                "/Users/runner/work/app/app/vendor/bundle/ruby/3.3.0/gems/fastlane-2.226.0/fastlane_core/lib/\
                 fastlane_core/ui/interface.rb:129:in `crash!': [!] No code signing identity found and can not create \
                 a new one because you enabled `readonly` (FastlaneCore::Interface::FastlaneCrash)",
                Category::Unknown,
                None,
            ),
        ],
    },
];

/// The message of a fastlane UI line, `[{HH:MM:SS}]: {message}`.
pub(crate) fn record(text: &str) -> Option<&str> {
    let c = regex!(r"^\[\d{2}:\d{2}:\d{2}\]: (.*\S)\s*$").captures(text.trim_start())?;
    Some(c.get(1)?.as_str())
}

/// The message fastlane's closing `[!] {message}` repeats, in either form
/// (a line-start `[!]`, or the exception Ruby prints: [`raised`]).
pub(crate) fn repeated(text: &str) -> Option<&str> {
    let text = text.trim();
    let message = match text.strip_prefix("[!] ") {
        Some(message) => message,
        None => raised(text)?,
    }
    .trim();
    (!message.is_empty()).then_some(message)
}

/// The message of a fastlane exception re-raised as `[!] {message}` and
/// printed by Ruby: `{file}:{n}:in `{method}': [!] {message}
/// (FastlaneCore::Interface::{class})`, or Bundler 1's `{class}: [!]
/// {message}`. The class names fastlane, so no context is needed.
fn raised(text: &str) -> Option<&str> {
    let c = regex!(r"^\S.*:\d+:in [`'][^`']+': \[!\] (.+) \(FastlaneCore::Interface::\w+\)$")
        .captures(text)
        .or_else(|| regex!(r"^FastlaneCore::Interface::\w+: \[!\] (.+)$").captures(text))?;
    Some(c.get(1)?.as_str())
}

fn show_build_settings_timeout(line: &Line<'_>) -> Option<Hit> {
    let text = record(line.text).unwrap_or(line.text.trim());
    let c = regex!(r"^xcodebuild -showBuildSettings timed out after (\d+) retries with a base timeout of (\d+)\.")
        .captures(text)?;
    Some(Hit::blocker(format!(
        "fastlane gave up reading the project's build settings: `xcodebuild -showBuildSettings` exceeded fastlane's \
         own limit on that command ({} tries from {} seconds, FASTLANE_XCODEBUILD_SETTINGS_TIMEOUT and \
         FASTLANE_XCODEBUILD_SETTINGS_RETRIES), not the job's time limit; a slow package resolution or a busy \
         machine usually makes it slow.",
        &c[1], &c[2]
    )))
}

fn command_retry(line: &Line<'_>) -> Option<Hit> {
    let text = record(line.text).unwrap_or(line.text.trim());
    regex!(r"^Command timed out after \d+ seconds on try \d+ of \d+, trying again with a \d+ second timeout")
        .is_match(text)
        .then(|| Hit::notice("fastlane retries a command with a longer limit of its own (not the outcome)."))
}

/// The end of gh_inspector's report on fastlane's issues, which
/// `show_github_issues` prints between the closing line and the `[!]` of a
/// user error (`fastlane_core/ui/github_issue_inspector_reporter.rb`): the
/// last issue's URL line (`    https://github.com/fastlane/fastlane/issues/{n}
/// [{state}] {comments} 💬`), `and {n} more at: {search url}`, the macOS hint
/// `🔗  You can ⌘ + double-click on links …`, the empty report's
/// `…/issues/new` and `Run `fastlane env` …`, or the unreachable API's search
/// URL: one of them is within the six lines before the `[!]`.
fn after_issue_search(recent: &[&str]) -> bool {
    recent.iter().rev().take(6).any(|l| {
        let l = l.trim();
        regex!(
            r"^(?:https://github\.com/fastlane/fastlane/(?:issues/\d+ \[\w+\] \d+ 💬|issues/new|search\?q=\S*)|and \d+ more at: https://github\.com/fastlane/fastlane/search\?\S*)$"
        )
        .is_match(l)
            || l.starts_with("🔗  You can ⌘ + double-click on links")
            || l == "Run `fastlane env` to append the fastlane environment to your issue"
    })
}

fn finished_with_errors(line: &Line<'_>) -> Option<Hit> {
    let message = repeated(line.text)?;
    (raised(line.text.trim()).is_some()
        || line
            .recent
            .iter()
            .rev()
            .take(3)
            .any(|l| record(l) == Some("fastlane finished with errors"))
        || after_issue_search(line.recent))
    .then(|| {
        Hit::blocker(format!(
            "fastlane stopped: {} (an action's own error: signing assets, the store's state or the build's \
                 errors are a person's to fix).",
            display_text(message)
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closing_repeat_is_fastlane_s_only_after_its_closing_line() {
        let hit = finished_with_errors(&Line {
            recent: &["", "[05:21:34]: fastlane finished with errors", ""],
            ..Line::plain(
                "[!] No code signing identity found and can not create a new one because you enabled `readonly`",
            )
        })
        .expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
        // CocoaPods' CLAide prints `[!]` too.
        assert!(
            finished_with_errors(&Line {
                recent: &["Analyzing dependencies"],
                ..Line::plain("[!] CocoaPods could not find compatible versions for pod \"Firebase/Core\":")
            })
            .is_none()
        );
    }

    /// The `[!]` right after gh_inspector's report, in each of the report's
    /// endings; CocoaPods' `[!]` after its own issue search is not fastlane's.
    #[test]
    fn the_closing_repeat_after_the_issue_search_is_fastlane_s() {
        let text = "[!] The provided entity includes an attribute with a value that has already been used";
        for recent in [
            &[
                "    https://github.com/fastlane/fastlane/issues/21876 [closed] 14 💬",
                "    3 months ago",
                "",
                "",
            ][..],
            &[
                "and 37 more at: https://github.com/fastlane/fastlane/search?q=provided%20entity&type=Issues&utf8=✓",
                "",
                "🔗  You can ⌘ + double-click on links to open them directly in your browser.",
                "",
            ],
            &[
                "Found no similar issues. To create a new issue, please visit:",
                "https://github.com/fastlane/fastlane/issues/new",
                "Run `fastlane env` to append the fastlane environment to your issue",
                "",
            ],
            &[
                "Could not access the GitHub API, you may have better luck via the website.",
                "https://github.com/fastlane/fastlane/search?q=provided%20entity&type=Issues&utf8=✓",
                "Error: Faraday::ConnectionFailed",
                "",
            ],
        ] {
            let hit = finished_with_errors(&Line {
                recent,
                ..Line::plain(text)
            });
            assert!(hit.is_some(), "{recent:?}");
        }
        assert!(
            finished_with_errors(&Line {
                recent: &[
                    "Looking for related issues on cocoapods/cocoapods...",
                    " - Podfile.lock out of sync",
                    "   https://github.com/CocoaPods/CocoaPods/issues/12345 [closed] [3 comments]",
                    "",
                ],
                ..Line::plain("[!] CocoaPods could not find compatible versions for pod \"Firebase/Core\":")
            })
            .is_none()
        );
    }

    #[test]
    fn a_crash_is_read_in_the_form_ruby_prints_it() {
        let message = "No code signing identity found and can not create a new one because you enabled `readonly`";
        let ruby33 = format!(
            "/Users/runner/work/a/a/vendor/bundle/ruby/3.3.0/gems/fastlane-2.226.0/fastlane_core/lib/fastlane_core/ui/\
             interface.rb:129:in `crash!': [!] {message} (FastlaneCore::Interface::FastlaneCrash)"
        );
        let ruby34 = format!(
            "/opt/gems/fastlane_core/ui/interface.rb:129:in 'FastlaneCore::Interface#crash!': [!] {message} \
             (FastlaneCore::Interface::FastlaneCrash)"
        );
        let bundler1 = format!("FastlaneCore::Interface::FastlaneCrash: [!] {message}");
        for text in [&ruby33, &ruby34, &bundler1] {
            assert_eq!(repeated(text), Some(message), "{text}");
            // gh_inspector's block stands between it and fastlane's closing
            // line: the class alone says it is fastlane's.
            let hit = finished_with_errors(&Line {
                recent: &[
                    "",
                    "🔗  You can ⌘ + double-click on links to open them directly in your browser.",
                ],
                ..Line::plain(text)
            })
            .expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
            assert!(hit.message.contains("enabled `readonly`"), "{}", hit.message);
        }
        // Another program's exception, or fastlane's without its `[!]`.
        for text in [
            "/x/lib/foo.rb:3:in `bar': [!] boom (RuntimeError)",
            "/x/interface.rb:129:in `crash!': boom (FastlaneCore::Interface::FastlaneCrash)",
            "\tfrom /x/fastlane_core/ui/ui.rb:17:in `method_missing'",
        ] {
            assert_eq!(
                finished_with_errors(&Line::plain(text)).map(|h| h.message),
                None,
                "{text}"
            );
        }
    }

    #[test]
    fn records_and_repeats() {
        assert_eq!(record("[05:12:52]: Google Api Error: x "), Some("Google Api Error: x"));
        assert_eq!(record("05:12:52 Google"), None);
        assert_eq!(repeated("[!] Google Api Error: x"), Some("Google Api Error: x"));
        assert_eq!(repeated("[!]"), None);
    }

    #[test]
    fn fastlane_s_own_command_limit_is_no_job_limit() {
        let hit = show_build_settings_timeout(&Line::plain(
            "[03:11:24]: xcodebuild -showBuildSettings timed out after 4 retries with a base timeout of 3. You can \
             override the base timeout value with the environment variable FASTLANE_XCODEBUILD_SETTINGS_TIMEOUT",
        ))
        .expect("read");
        assert_eq!(hit.category, Category::Unknown);
        assert!(hit.message.contains("not the job's time limit"));
        crate::classify::catalogue::assert_reads(
            command_retry,
            &["[03:10:42]: Command timed out after 3 seconds on try 1 of 4, trying again with a 6 second timeout..."],
            &["Request timed out, trying again with a new connection"],
        );
    }
}
