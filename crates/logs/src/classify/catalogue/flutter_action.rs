//! subosito/flutter-action, which installs the Flutter SDK from Google's
//! release manifests (`releases_{linux|macos|windows}.json`).
//!
//! Source: the action's `setup.sh`: it filters the manifest of the runner's
//! OS by channel, version (a prefix, or `any`) and `dart_sdk_arch` (the
//! `architecture` input, lower-cased), and when no release is left prints
//! `Unable to determine Flutter version for channel: {channel} version:
//! {version} architecture: {arch}` and exits 1. Its manifest download is
//! silent (`curl --silent`), so the same line also follows a failed download
//! or a version that does not exist on any machine (subosito/flutter-action
//! issues #188, #279): the line alone is not the architecture.
//!
//! Which host builds Google publishes for ARM64 (read from those issues and
//! flutter/flutter's): macOS from Flutter 3.0 (Apple silicon; 2.x ran under
//! Rosetta, issue #297), Windows from 3.44 (flutter/flutter #62597), Linux
//! none (flutter-action #345: the Linux manifest lists x64 only). So an
//! `arm64` request is the architecture's failure when the version is older
//! than every ARM64 build (before 3.0), or when the job runs on an ARM64
//! Linux or Windows machine (the hosted image its set-up printed) and the
//! version is older than 3.44. Otherwise (an Apple-silicon Mac with 3.x, a
//! version pattern such as `any`, or a machine the log does not name) the
//! line is reported for a person, as is any other architecture.

use super::setup_versions::numeric_version;
use super::util::{regex, runner_hit};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RunnerClass, RunnerFailure};

pub const ENTRIES: &[Entry] = &[Entry {
    id: "flutter_action/version-not-in-manifest",
    grammar: "Unable to determine Flutter version for channel: {channel} version: {version} architecture: {arch}",
    needles: &["Unable to determine Flutter version for channel"],
    check: version_not_in_manifest,
    examples: &[
        // No ARM64 host build of any Flutter 2.x.
        ex(
            "Unable to determine Flutter version for channel: stable version: 2.10.5 architecture: arm64",
            Category::OptionalJob,
            Some("tool_unavailable_for_architecture"),
        ),
        // A 3.x on a machine the line does not name: a person decides.
        ex(
            "Unable to determine Flutter version for channel: stable version: 3.27.1 architecture: arm64",
            Category::Unknown,
            None,
        ),
        ex(
            "Unable to determine Flutter version for channel: stable version: any architecture: x64",
            Category::Unknown,
            None,
        ),
    ],
}];

fn version_not_in_manifest(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"Unable to determine Flutter version for channel: (\S+) version: (\S+) architecture: (\S+)")
        .captures(line.text)?;
    let (version, arch) = (&c[2], c[3].to_ascii_lowercase());
    let asked = numeric_version(version).filter(|v| !v.is_empty());
    if arch == "arm64" {
        let older_than = |major: u32, minor: u32| asked.as_ref().is_some_and(|v| v.as_slice() < &[major, minor][..]);
        let on_arm_linux_or_windows = line.runner == Some(RunnerClass::Arm64);
        if older_than(3, 0) || (on_arm_linux_or_windows && older_than(3, 44)) {
            return Some(runner_hit(
                RunnerFailure::ToolUnavailableForArchitecture,
                Some(if on_arm_linux_or_windows || line.runner.is_none() {
                    RunnerClass::Arm64
                } else {
                    RunnerClass::MacosArm64
                }),
                0.8,
                "flutter-action found no Flutter release of this version built for ARM64 (Google publishes none \
                 for Linux, and for macOS and Windows only from 3.0 and 3.44): the failure is tied to the runner's \
                 architecture.",
            ));
        }
    }
    Some(Hit::blocker(
        "flutter-action found no Flutter release matching the channel, version and architecture in Google's release \
         manifest: a version that does not exist, or a manifest download that failed (the action fetches it \
         silently).",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(runner: Option<RunnerClass>, text: &str) -> Option<Hit> {
        version_not_in_manifest(&Line {
            runner,
            ..Line::plain(text)
        })
    }

    #[test]
    fn arm64_is_the_architecture_only_where_no_build_exists() {
        let line = "Unable to determine Flutter version for channel: stable version: 3.27.1 architecture: arm64";
        // A hosted ARM64 Linux or Windows image: no 3.27 build for it.
        let hit = on(Some(RunnerClass::Arm64), line).expect("read");
        assert_eq!(hit.category, Category::OptionalJob);
        assert!(!hit.fixable);
        // Apple silicon has 3.x builds: a missing version or a failed download.
        assert_eq!(
            on(Some(RunnerClass::MacosArm64), line).expect("read").category,
            Category::Unknown
        );
        assert_eq!(on(None, line).expect("read").category, Category::Unknown);
        // Windows on ARM has builds from 3.44 on; the log cannot tell it from Linux.
        let newer = "Unable to determine Flutter version for channel: stable version: 3.44.2 architecture: arm64";
        assert_eq!(
            on(Some(RunnerClass::Arm64), newer).expect("read").category,
            Category::Unknown
        );
        // A pattern names no version to compare.
        let any = "Unable to determine Flutter version for channel: stable version: any architecture: arm64";
        assert_eq!(
            on(Some(RunnerClass::Arm64), any).expect("read").category,
            Category::Unknown
        );
        // Before 3.0 no ARM64 host build anywhere.
        let old = "Unable to determine Flutter version for channel: stable version: 2.10.5 architecture: arm64";
        assert_eq!(
            on(Some(RunnerClass::MacosArm64), old).expect("read").category,
            Category::OptionalJob
        );
        // x64: a version or download problem.
        let x64 = "Unable to determine Flutter version for channel: stable version: 3.27.1 architecture: x64";
        assert_eq!(
            on(Some(RunnerClass::Hosted), x64).expect("read").category,
            Category::Unknown
        );
    }
}
