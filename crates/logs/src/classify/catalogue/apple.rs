//! Apple's notary service client, notarytool (`xcrun notarytool`).
//!
//! Sources: notarytool's `submit --wait` output (Apple's "Customizing the
//! notarization workflow"): after the upload it polls, printing `Current
//! status: {status}....` and, when done, `Processing complete` with the
//! submission's `  id: {uuid}` and `  status: {Accepted|Invalid|Rejected}`. The
//! command itself succeeds whatever the verdict, so a script goes on and the
//! step fails later (stapler's `The staple and validate action failed! Error
//! 65.`, there being no ticket to staple): the verdict is the cause, and `xcrun
//! notarytool log {id}` says what Apple refused (an unsigned binary, no
//! hardened runtime). Signing is a person's: never fixed.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "apple/notarization-invalid",
    grammar: "Current status: {Invalid|Rejected}…[Processing complete] (notarytool submit --wait)",
    needles: &["Current status: Invalid", "Current status: Rejected"],
    check: notarization_invalid,
    examples: &[ex(
        "Current status: Invalid..........Processing complete",
        Category::Unknown,
        None,
    )],
}];

fn notarization_invalid(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^Current status: (?:Invalid|Rejected)\.*(?:Processing complete)?$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "Apple's notary service found the submission Invalid (`xcrun notarytool log {id}` says why: a binary \
                 not signed with a Developer ID, no hardened runtime, no secure timestamp).",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notary_service_s_refusal_not_its_progress() {
        crate::classify::catalogue::assert_reads(
            notarization_invalid,
            &[
                "Current status: Invalid..........Processing complete",
                "Current status: Rejected.",
            ],
            &[
                "Current status: In Progress.........",
                "Current status: Accepted........Processing complete",
            ],
        );
    }
}
