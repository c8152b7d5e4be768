//! CocoaPods.
//!
//! Source: CocoaPods' resolver errors, printed with CLAide's `[!] ` prefix for
//! an informative error: `[!] CocoaPods could not find compatible versions for
//! pod "{name}":` (followed by the requirements and `None of your spec sources
//! contain a spec satisfying the dependency`) and `[!] Unable to find a
//! specification for `{name}``. Other `[!] ` lines are not read: Flutter's
//! `doctor` uses the same mark for a warning.

use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
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
}];

fn resolver(_: &Line<'_>) -> Option<Hit> {
    Some(Hit::install_failure(
        "CocoaPods found no version of a pod that satisfies the Podfile (out-of-date spec repos, a mistyped \
         name or version, or a missing source).",
    ))
}
