//! Selenium and the browser drivers it starts.
//!
//! Source: ChromeDriver answers a new-session request for a browser of
//! another major version with `session not created: This version of
//! ChromeDriver only supports Chrome version {n}` and, on the next line,
//! `Current browser version is {version} with binary path {path}`
//! (msedgedriver: `This version of Microsoft Edge WebDriver only supports
//! Microsoft Edge version {n}`). Selenium's bindings raise it as
//! `SessionNotCreatedException` (Python's `selenium.common.exceptions.…:
//! Message: {message}`, Java's `org.openqa.selenium.…: Could not start a new
//! session. … Message: {message}`), which test runners repeat (pytest's `E`
//! lines and short summary).
//!
//! The driver the job puts first on `PATH` (a pinned `chromedriver` package
//! or a setup action's version) is older or newer than the browser on the
//! image, which updates on its own: a person aligns them (or lets Selenium
//! Manager pick the driver), a blocker.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "selenium/no-such-driver",
        grammar: "NoSuchDriverException: [Message: ]Unable to obtain [driver for ]{browser}[ using Selenium Manager][; …]",
        needles: &["NoSuchDriverException: "],
        check: no_such_driver,
        examples: &[ex(
            "E   selenium.common.exceptions.NoSuchDriverException: Message: Unable to obtain driver for chrome; For \
             documentation on this error, please visit: \
             https://www.selenium.dev/documentation/webdriver/troubleshooting/errors/driver_location",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "selenium/driver-browser-version",
        grammar: "… session not created: This version of ChromeDriver only supports Chrome version {n} | … This version \
              of Microsoft Edge WebDriver only supports Microsoft Edge version {n}",
        needles: &["session not created: This version of "],
        check: driver_browser_version,
        examples: &[ex(
            "selenium.common.exceptions.SessionNotCreatedException: Message: session not created: This version of \
         ChromeDriver only supports Chrome version 114",
            Category::Unknown,
            None,
        )],
    },
];

fn no_such_driver(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"NoSuchDriverException: (?:Message: )?Unable to obtain (?:driver for )?([A-Za-z]+)\b")
        .captures(line.text)?;
    Some(Hit::blocker(format!(
        "Selenium found no {} driver on PATH and Selenium Manager could not provide one (it downloads drivers: the \
         runner's network, a proxy, or its platform stopped it; its warning above says which). A person installs a \
         driver in the job or lets the runner reach the download.",
        &c[1]
    )))
}

fn driver_browser_version(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"session not created: This version of (ChromeDriver|Microsoft Edge WebDriver) only supports (?:Chrome|Microsoft Edge) version (\d+)\s*$"
    )
    .captures(line.text)?;
    Some(Hit::blocker(format!(
        "The browser driver does not match the browser: {} {} only drives that major version, and the image's \
         browser (updated with the image) is another (the next line names it). A person aligns the driver the job \
         puts on PATH with the browser, or lets Selenium Manager choose it.",
        &c[1], &c[2]
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selenium_manager_s_missing_driver_in_each_binding() {
        for text in [
            "E   selenium.common.exceptions.NoSuchDriverException: Message: Unable to obtain driver for chrome; For \
             documentation on this error, please visit: \
             https://www.selenium.dev/documentation/webdriver/troubleshooting/errors/driver_location",
            "selenium.common.exceptions.NoSuchDriverException: Message: Unable to obtain driver for firefox using \
             Selenium Manager.; For documentation on this error, please visit: …",
            "OpenQA.Selenium.NoSuchDriverException: Unable to obtain chrome using Selenium Manager; For \
             documentation on this error, please visit: …",
        ] {
            let hit = no_such_driver(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        assert!(no_such_driver(&Line::plain("except NoSuchDriverException: pass")).is_none());
    }

    #[test]
    fn the_drivers_version_refusal_in_each_binding() {
        for text in [
            "E   selenium.common.exceptions.SessionNotCreatedException: Message: session not created: This version \
             of ChromeDriver only supports Chrome version 114",
            "org.openqa.selenium.SessionNotCreatedException: Could not start a new session. Response code 500. \
             Message: session not created: This version of ChromeDriver only supports Chrome version 121",
            "session not created: This version of Microsoft Edge WebDriver only supports Microsoft Edge version 119",
        ] {
            let hit = driver_browser_version(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        crate::classify::catalogue::assert_reads(
            driver_browser_version,
            &[],
            &["if 'session not created: This version of ChromeDriver only supports Chrome version' in str(e):"],
        );
    }
}
