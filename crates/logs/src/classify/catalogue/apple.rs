//! Apple's command-line tools: the notary service client, notarytool
//! (`xcrun notarytool`), and hdiutil.
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

//!
//! codesign reports a Security framework error on the item it was signing as
//! `{path}: {errSec…}`; `errSecInternalComponent` is how it says it could not
//! use the signing identity's private key (the certificate is found, using
//! its key needs the keychain unlocked and its partition list to allow
//! codesign: a keychain a CI job created and did not unlock, or a login
//! keychain in a session without a window server; fastlane's #15185 and
//! #21291, dotnet/macios' #26189, electron-builder's #4455). xcodebuild
//! goes on with `Command CodeSign failed with a nonzero exit code` and `**
//! {BUILD|ARCHIVE} FAILED **`, which follow from it. The keychain setup is a
//! person's: never fixed.
//!
//! hdiutil (disk images, which `create-dmg`, Tauri's `bundle_dmg.sh` and
//! electron-builder's DMG target run) reports a refused verb as `hdiutil:
//! {verb} failed - {reason}` (`create failed - Resource busy`, a device the
//! disk image service has not released, a known intermittent failure on
//! macOS runners; `No space left on device`): the tool that ran it fails
//! after it, so this line is the reason. Never fixed (a rerun, or a person).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "apple/hdiutil-failed",
        grammar: "hdiutil: {verb} failed - {reason}",
        needles: &["hdiutil: "],
        check: hdiutil_failed,
        examples: &[ex("hdiutil: create failed - Resource busy", Category::Unknown, None)],
    },
    Entry {
        id: "apple/codesign-key-unusable",
        grammar: "{path}: errSecInternalComponent (codesign could not use the identity's private key)",
        needles: &[": errSecInternalComponent"],
        check: codesign_key_unusable,
        examples: &[ex(
            "/Users/ci/Library/Developer/Xcode/DerivedData/App/Build/Products/Release-iphoneos/App.app: \
             errSecInternalComponent",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "apple/notarization-invalid",
        grammar: "Current status: {Invalid|Rejected}…[Processing complete] (notarytool submit --wait)",
        needles: &["Current status: Invalid", "Current status: Rejected"],
        check: notarization_invalid,
        examples: &[ex(
            "Current status: Invalid..........Processing complete",
            Category::Unknown,
            None,
        )],
    },
];

fn codesign_key_unusable(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^\S.*: errSecInternalComponent$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "codesign could not use the signing identity's private key (errSecInternalComponent): the keychain \
                 holding it is locked or its key partition list does not allow codesign (`security unlock-keychain`, \
                 `security set-key-partition-list`); the job's keychain setup, for a person.",
            )
        })
}

fn hdiutil_failed(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^hdiutil: (\w+) failed - (.+)$").captures(line.text.trim())?;
    let reason = c[2].trim();
    // Only a busy device is the disk image service's intermittent failure; a
    // full disk or a missing mount point fails the rerun too.
    let busy = if reason.eq_ignore_ascii_case("Resource busy") {
        " (an intermittent failure of macOS runners' disk image service; a rerun usually passes)"
    } else {
        ""
    };
    Some(Hit::blocker(format!(
        "hdiutil could not {} the disk image: {}{busy}.",
        &c[1],
        crate::subject::display_text(reason)
    )))
}

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
    fn codesign_s_unusable_key_on_the_signed_item() {
        crate::classify::catalogue::assert_reads(
            codesign_key_unusable,
            &[
                "/Users/ci/Library/Developer/Xcode/DerivedData/Kelp/Build/Products/Release-iphoneos/Kelp.app: \
                 errSecInternalComponent",
                ".build/CmdKeyHappy.app: errSecInternalComponent",
                "dist/mac/App.app/Contents/Frameworks/Electron Framework.framework/Versions/A/Electron Framework: \
                 errSecInternalComponent",
            ],
            &[
                // The chain warning before it, xcodebuild's lines after it,
                // and the words in a script's own text.
                "Warning: unable to build chain to self-signed root for signer \"Apple Development: A (X)\"",
                "Command CodeSign failed with a nonzero exit code",
                "echo 'errSecInternalComponent means a locked keychain'",
            ],
        );
        let hit = codesign_key_unusable(&Line::plain(".build/App.app: errSecInternalComponent")).expect("read");
        assert_eq!((hit.category, hit.fixable), (Category::Unknown, false));
    }

    #[test]
    fn hdiutil_s_refusal_not_its_progress() {
        crate::classify::catalogue::assert_reads(
            hdiutil_failed,
            &[
                "hdiutil: create failed - Resource busy",
                "hdiutil: detach failed - No such file or directory",
            ],
            &["hdiutil: create: Creating disk image...", "created: /tmp/rw.dmg"],
        );
        let message = |text| hdiutil_failed(&Line::plain(text)).expect(text).message;
        assert!(message("hdiutil: create failed - Resource busy").contains("a rerun usually passes"));
        for text in [
            "hdiutil: create failed - No space left on device",
            "hdiutil: detach failed - No such file or directory",
        ] {
            let message = message(text);
            assert!(!message.contains("rerun") && !message.contains("busy"), "{message}");
        }
    }

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
