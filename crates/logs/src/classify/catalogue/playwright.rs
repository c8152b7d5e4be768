//! Playwright.
//!
//! Sources: playwright-core's browser registry, which fails a launch whose
//! browser was never downloaded with `{browserType}.launch: Executable doesn't
//! exist at {path}` and a boxed hint to run `npx playwright install`, and a
//! Linux host without the browsers' system libraries with `Host system is
//! missing dependencies to run browsers.` (`npx playwright install-deps`). The
//! test runner's own summary (`{n} failed`) is read with the other test
//! runners' counts in `python.rs`; its `Test timeout of {ms}ms exceeded.` is a
//! test's own limit, never the job's.
//!
//! A browser that was not downloaded is neither a missing command nor a
//! missing file of the workflow: the job lacks `npx playwright install
//! --with-deps` (or restored a cache for another Playwright version), which a
//! person adds.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "playwright/browser-not-installed",
    grammar: "{browserType}.launch: Executable doesn't exist at {path} | Host system is missing dependencies to run \
              browsers.",
    needles: &[
        ".launch: Executable doesn't exist at",
        "Host system is missing dependencies to run browsers",
    ],
    check: browser_not_installed,
    examples: &[ex(
        "    Error: browserType.launch: Executable doesn't exist at \
         /home/runner/.cache/ms-playwright/chromium_headless_shell-1169/chrome-linux/headless_shell",
        Category::Unknown,
        None,
    )],
}];

fn browser_not_installed(line: &Line<'_>) -> Option<Hit> {
    let text = line.text;
    if regex!(r"\w+\.launch: Executable doesn't exist at \S").is_match(text) {
        return Some(Hit::blocker(
            "Playwright's browser is not installed on the runner: the job needs `npx playwright install \
             --with-deps` (or its browser cache is for another Playwright version).",
        ));
    }
    text.contains("Host system is missing dependencies to run browsers")
        .then(|| {
            Hit::blocker(
                "The runner lacks the system libraries Playwright's browsers need: the job needs `npx playwright \
             install-deps` (or `install --with-deps`).",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn launch_failures_not_their_mention() {
        assert_reads(
            browser_not_installed,
            &[
                "Error: firefox.launch: Executable doesn't exist at /home/runner/.cache/ms-playwright/firefox-1471/firefox",
                "║ Host system is missing dependencies to run browsers. ║",
            ],
            &["// launch: Executable doesn't exist at startup is retried"],
        );
    }
}
