//! Puppeteer.
//!
//! Source: `puppeteer-core`'s `ProductLauncher.resolveExecutablePath` throws
//! `Could not find Chrome (ver. {version}). This can occur if either\n 1. you
//! did not perform an installation before running the script (e.g. `npx
//! puppeteer browsers install chrome`) or\n 2. your cache path is incorrectly
//! configured (which is: {cacheDir}).` (`Chrome Headless Shell`, `Firefox`
//! for the other browsers): the browser Puppeteer downloads at install time
//! is not in its cache (an install that skipped Puppeteer's postinstall, a
//! restored `node_modules` without `~/.cache/puppeteer`, `PUPPETEER_SKIP_DOWNLOAD`).
//! `@puppeteer/browsers`' `launch.js` throws `Failed to launch the browser
//! process!` followed by the browser's stderr and `TROUBLESHOOTING: …`
//! (older releases: `Failed to launch chrome!`): a heading whose cause is
//! the browser's own line below it.
//!
//! Its own waits throw `TimeoutError` (`puppeteer-core`'s `common/util.js`
//! `timeout()`: `Navigation timeout of {ms} ms exceeded` for `page.goto`
//! and `waitForNavigation`, whose default is 30000; `WaitTask`: `Waiting
//! failed: {ms}ms exceeded`, `Waiting for selector `{selector}` failed: …`):
//! Puppeteer's limit for the page, not the job's time limit; the page (or
//! the server behind it) is a person's to look at.
//!
//! The cache path is not a file of the repository, and the remedy (install
//! the browser, cache its directory, stop skipping the download) is a
//! person's: a blocker, never `file_not_found`.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "puppeteer/browser-not-installed",
        grammar: "Error: Could not find {browser} (ver. {version}). This can occur if either",
        needles: &["Could not find "],
        check: browser_not_installed,
        examples: &[ex(
            "Error: Could not find Chrome (ver. 131.0.6778.204). This can occur if either",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "puppeteer/own-timeout",
        grammar: "TimeoutError: Navigation timeout of {ms} ms exceeded | TimeoutError: Waiting failed: {ms}ms exceeded | \
                  TimeoutError: Waiting for selector `{selector}` failed: …",
        needles: &["TimeoutError: Navigation timeout of ", "TimeoutError: Waiting "],
        check: own_timeout,
        examples: &[ex(
            "TimeoutError: Navigation timeout of 30000 ms exceeded",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "puppeteer/launch-failed",
        grammar: "Error: Failed to launch the browser process! | Error: Failed to launch chrome!",
        needles: &["Failed to launch the browser process!", "Failed to launch chrome!"],
        check: launch_failed,
        examples: &[ex(
            "Error: Failed to launch the browser process!",
            Category::Unknown,
            None,
        )],
    },
];

fn own_timeout(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let ms = regex!(r"^TimeoutError: (?:Navigation timeout of (\d+) ms exceeded|Waiting (?:for selector `.+` )?failed: (?:Waiting failed: )?(\d+)ms exceeded)")
        .captures(text)
        .and_then(|c| c.get(1).or_else(|| c.get(2)))?;
    Some(Hit::blocker(format!(
        "Puppeteer's own wait for the page ran out ({} ms): the page did not load or the element did not appear in \
         time; not the job's time limit (the page, or the server behind it, is a person's to look at).",
        ms.as_str()
    )))
}

fn browser_not_installed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:Error: )?Could not find ([A-Za-z][\w ]*?) \(ver\. ([\w.-]+)\)\. This can occur if either$")
        .captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "Puppeteer could not find the {} {} it runs: the browser it downloads on install is not in its cache \
         (an install that skipped Puppeteer's download, or node_modules restored from a cache without \
         ~/.cache/puppeteer). A person installs it (`npx puppeteer browsers install`) or caches that directory too.",
        &c[1], &c[2]
    )))
}

fn launch_failed(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:Error: )?Failed to launch (?:the browser process|chrome)!$")
        .is_match(line.text.trim())
        .then(|| Hit::summary("Puppeteer could not start the browser; the browser's own lines below say why."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn puppeteer_s_own_waits_are_not_the_job_s_limit() {
        for text in [
            "TimeoutError: Navigation timeout of 30000 ms exceeded",
            "TimeoutError: Waiting for selector `#invoice-total` failed: Waiting failed: 5000ms exceeded",
            "  TimeoutError: Waiting failed: 10000ms exceeded",
        ] {
            let hit = own_timeout(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
            assert!(hit.message.contains("not the job's time limit"), "{}", hit.message);
        }
        crate::classify::catalogue::assert_reads(
            own_timeout,
            &[],
            &["    throw new TimeoutError(`Navigation timeout of ${ms} ms exceeded`, {"],
        );
    }

    #[test]
    fn puppeteers_missing_browser_and_launch_heading() {
        for text in [
            "Error: Could not find Chrome (ver. 131.0.6778.204). This can occur if either",
            "Could not find Chrome Headless Shell (ver. 131.0.6778.204). This can occur if either",
        ] {
            let hit = browser_not_installed(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        let heading = launch_failed(&Line::plain("Error: Failed to launch the browser process!")).expect("heading");
        assert_eq!(heading.strength, crate::classify::hit::Strength::Summary);
        crate::classify::catalogue::assert_reads(
            browser_not_installed,
            &[],
            &[
                "Could not find Chrome",
                "##[error]Could not find Chrome (ver. 1) in the docs",
            ],
        );
    }
}
