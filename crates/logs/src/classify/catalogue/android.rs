//! The Android SDK's command-line tools: sdkmanager and the emulator.
//!
//! Sources: sdkmanager's refusal of a package path it does not know, printed
//! with its `Warning: ` prefix although the command fails (`Failed to find
//! package '{path}'`, `SdkManagerCli`); the emulator's log lines
//! `{LEVEL} | {message}` (`ERROR   | …`, `INFO    | …`), where `x86_64 emulation
//! currently requires hardware acceleration!` with `CPU acceleration status:
//! /dev/kvm is not found` means the runner exposes no KVM. The emulator
//! action's `Timeout waiting for emulator to boot.` is its own
//! `emulator-boot-timeout`, never the job's time limit (an `##[error]` line
//! no entry reads).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "android/sdkmanager-package-not-found",
        grammar: "Warning: Failed to find package '{path}'",
        needles: &["Failed to find package '"],
        check: sdkmanager_package_not_found,
        examples: &[ex(
            "Warning: Failed to find package 'system-images;android-35;google_apis;x86_64'",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "android/emulator-error",
        grammar: "ERROR   | {message} (the emulator's log level, padded, then `| `)",
        needles: &["ERROR   | "],
        check: emulator_error,
        examples: &[ex(
            "ERROR   | x86_64 emulation currently requires hardware acceleration!",
            Category::Unknown,
            None,
        )],
    },
];

fn sdkmanager_package_not_found(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:Warning: )?Failed to find package '[^']+'$")
        .is_match(line.text.trim())
        .then(|| {
            Hit::install_failure(
                "sdkmanager does not know the package path (a system image or platform that does not exist for that \
                 API level, tag or ABI).",
            )
        })
}

fn emulator_error(line: &Line<'_>) -> Option<Hit> {
    let message = regex!(r"^ERROR\s+\| (.+)$").captures(line.text.trim())?;
    Some(Hit::blocker(if message[1].contains("requires hardware acceleration") {
        "The Android emulator needs KVM, which the runner does not expose (on hosted Linux runners a udev rule \
         enables /dev/kvm; other runners may have none)."
    } else {
        "The Android emulator failed to start."
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn sdkmanager_and_emulator_forms() {
        assert_reads(
            sdkmanager_package_not_found,
            &["Failed to find package 'platforms;android-99'"],
            &["Warning: Failed to find package 'x' in cache, downloading"],
        );
        assert_reads(
            emulator_error,
            &["ERROR   | Unknown AVD name [ci], use -list-avds to see valid list."],
            &["INFO    | Android emulator version 35.2.10.0"],
        );
    }
}
