//! Karma, the browser test runner.
//!
//! Source: karma's `lib/launchers/base.js` (`_execCommand`): when a launcher
//! has no command for its browser (karma-chrome-launcher looks for the
//! browser on the machine and in `{BROWSER}_BIN`), it logs `No binary for
//! {name} browser on your platform.\n  Please, set "{ENV_CMD}" env
//! variable.` at error level, disables restarts and reports the browser done.
//! Karma's logger prints it as `{DD MM YYYY HH:MM:SS.mmm}:ERROR [launcher]:
//! {message}`, the second line on its own. Karma's server then ends with no
//! browser captured; what it prints after (its bundler's progress, npm's
//! trailer) is a consequence.
//!
//! The browser is missing where the tests run (a container image without
//! Chrome, a runner without Firefox): a person installs it or sets the
//! variable, which a fix cannot know (a blocker).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "karma/no-browser-binary",
    grammar: "{timestamp}:ERROR [launcher]: No binary for {browser} browser on your platform.",
    needles: &["No binary for "],
    check: no_browser_binary,
    examples: &[ex(
        "07 12 2026 04:31:12.425:ERROR [launcher]: No binary for ChromeHeadless browser on your platform.",
        Category::Unknown,
        None,
    )],
}];

fn no_browser_binary(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"(?:^|\s|:)(?:ERROR \[launcher\]: )?No binary for (\S+) browser on your platform\.$")
        .captures(line.text.trim())?;
    if !line.text.contains("[launcher]") && !line.text.trim_start().starts_with("No binary for ") {
        return None;
    }
    Some(Hit::blocker(format!(
        "Karma found no {} browser to launch where the tests run (no binary on the machine, and its `*_BIN` \
         variable not set): the job's image or container lacks the browser; a person installs it or sets the \
         variable (CHROME_BIN for Chrome).",
        &c[1]
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn karmas_launcher_names_the_browser_it_could_not_find() {
        for text in [
            "07 12 2026 04:31:12.425:ERROR [launcher]: No binary for ChromeHeadless browser on your platform.",
            "21 09 2018 14:20:41.429:ERROR [launcher]: No binary for Firefox browser on your platform.",
            "No binary for ChromeHeadless browser on your platform.",
        ] {
            let hit = no_browser_binary(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        crate::classify::catalogue::assert_reads(
            no_browser_binary,
            &[],
            &[
                "  Please, set \"CHROME_BIN\" env variable.",
                "expect(log).toContain('No binary for ChromeHeadless browser on your platform.')",
            ],
        );
    }
}
