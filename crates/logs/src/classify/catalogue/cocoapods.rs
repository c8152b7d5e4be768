//! CocoaPods.
//!
//! Source: CocoaPods' resolver errors, printed with CLAide's `[!] ` prefix for
//! an informative error: `[!] CocoaPods could not find compatible versions for
//! pod "{name}":` (followed by the requirements and `None of your spec sources
//! contain a spec satisfying the dependency`) and `[!] Unable to find a
//! specification for `{name}``. The CDN source's download failure
//! (`cocoapods-core`'s `CDNSource`: `[!] CDN: {repo} URL couldn't be
//! downloaded: {url} Response: {status} {body}`): a 429 is the CDN's rate
//! limit (a service autoheal names no remedy for), any other answer a failed
//! fetch of the specs. Other `[!] ` lines are not read: Flutter's `doctor`
//! uses the same mark for a warning.
//!
//! The `[CP] Check Pods Manifest.lock` build phase CocoaPods adds to the app
//! target compares `Podfile.lock` with `Pods/Manifest.lock` and, when they
//! differ (or `Pods/` is missing), prints `error: The sandbox is not in sync
//! with the Podfile.lock. Run 'pod install' or update your CocoaPods
//! installation.` and exits 1, which xcodebuild reports as its build failure:
//! `pod install` did not run after the lock file changed, or a `Pods/` cache
//! from another lock file was restored. A person's (or a `pod install` step),
//! never fixed here.

use super::util::{rate_limit_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RateLimitService};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "cocoapods/cdn-download",
        grammar: "[!] CDN: {repo} URL couldn't be downloaded: {url} Response: {status} {body}",
        needles: &["URL couldn't be downloaded: "],
        check: cdn_download,
        examples: &[ex(
            "[!] CDN: trunk URL couldn't be downloaded: https://cdn.cocoapods.org/all_pods_versions_a_7_5.txt \
             Response: 429 ",
            Category::RateLimit,
            Some("a service"),
        )],
    },
    Entry {
        id: "cocoapods/sandbox-not-in-sync",
        grammar: "error: The sandbox is not in sync with the Podfile.lock. Run 'pod install' or update your \
                  CocoaPods installation.",
        needles: &["The sandbox is not in sync with the Podfile.lock"],
        check: sandbox_not_in_sync,
        examples: &[ex(
            "error: The sandbox is not in sync with the Podfile.lock. Run 'pod install' or update your CocoaPods \
             installation.",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "cocoapods/resolver",
        grammar: "[!] CocoaPods could not find compatible versions for pod \"{name}\": | [!] Unable to find a \
              specification for `{name}`",
        needles: &[
            "[!] CocoaPods could not find compatible versions",
            "[!] Unable to find a specification for",
        ],
        check: resolver,
        examples: &[ex(
            "[!] CocoaPods could not find compatible versions for pod \"FirebaseAnalytics\":",
            Category::Unknown,
            None,
        )],
    },
];

fn cdn_download(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^\[!\] CDN: \S+ URL couldn't be downloaded: (\S+) Response: (.*)$")
        .captures(line.text.trim_start())?;
    if regex!(r"^429\b").is_match(c[2].trim()) {
        return Some(rate_limit_hit(
            RateLimitService::Other,
            None,
            0.8,
            "CocoaPods' CDN (cdn.cocoapods.org) answered 429 Too Many Requests.",
        ));
    }
    Some(Hit::install_failure(
        "CocoaPods could not download a spec from its CDN (a network or CDN failure): run `pod install` again.",
    ))
}

fn sandbox_not_in_sync(line: &Line<'_>) -> Option<Hit> {
    regex!(r"(?:^|\s)error: The sandbox is not in sync with the Podfile\.lock\.")
        .is_match(line.text)
        .then(|| {
            Hit::blocker(
                "CocoaPods' Check Pods Manifest.lock phase: Pods/Manifest.lock does not match Podfile.lock (`pod \
                 install` did not run after the lock file changed, or a Pods cache from another lock file was \
                 restored).",
            )
        })
}

fn resolver(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::install_failure(
        "CocoaPods found no version of a pod that satisfies the Podfile (out-of-date spec repos, a mistyped \
         name or version, or a missing source).",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_check_phase_as_xcodebuild_and_xcbeautify_print_it() {
        crate::classify::catalogue::assert_reads(
            sandbox_not_in_sync,
            &[
                "error: The sandbox is not in sync with the Podfile.lock. Run 'pod install' or update your CocoaPods \
                 installation.",
                "❌ error: The sandbox is not in sync with the Podfile.lock. Run 'pod install' or update your \
                 CocoaPods installation.",
            ],
            &["echo \"error: The sandbox is not in sync with the Podfile.lock\" >&2"],
        );
    }

    /// The CDN's 429 is a rate limit; another answer is a failed fetch.
    #[test]
    fn the_cdns_answer_decides() {
        let hit = cdn_download(&Line::plain(
            "[!] CDN: trunk URL couldn't be downloaded: https://cdn.cocoapods.org/Specs/d/a/2/A/5.1/A.podspec.json \
             Response: 429 ",
        ))
        .expect("429");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::RateLimit, Some("a service"), false)
        );
        let hit = cdn_download(&Line::plain(
            "[!] CDN: trunk URL couldn't be downloaded: https://cdn.cocoapods.org/x.txt Response: 503 Service Unavailable",
        ))
        .expect("503");
        assert_eq!(hit.category, Category::Unknown);
        assert!(
            cdn_download(&Line::plain(
                "echo CDN: trunk URL couldn't be downloaded: x Response: 429"
            ))
            .is_none()
        );
    }
}
