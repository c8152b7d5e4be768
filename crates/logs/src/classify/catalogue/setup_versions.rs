//! Setup actions that list the versions they have when the one asked for is
//! missing: setup-java and ruby/setup-ruby.
//!
//! Sources: actions/setup-java's distribution installers (`Could not find
//! satisfied version for SemVer '{range}'.` with `Available versions: {v},
//! {v}, …` on the next line of the same message; the lists are of the
//! distribution's builds for the runner's OS and architecture, and the
//! message names neither), and ruby/setup-ruby (`Unknown version {v} for
//! {engine} on {platform}` and, on the next line, `available versions for
//! {engine} on {platform}: {list}`, where the platform ends with the
//! architecture on ARM64: `ubuntu-24.04-arm64`, `macos-14-arm64`).
//!
//! The version list decides, so each entry reads the list's line with the
//! heading just before it and locates the finding on the heading
//! (`Hit::opened_lines_above`). A version older than every build listed
//! for an ARM64 machine is a build nobody made for that architecture (Temurin
//! 8 on Apple silicon, Ruby 2.7 on Linux ARM64): a tool missing for the
//! architecture, `optional_job`. A version inside or above the list is a
//! version that does not exist (a typo, a release not out yet), and on an x64
//! machine any miss is one: `unknown`, a person picks a version. For
//! setup-java the architecture comes from the job's hosted image (the log's
//! `Runner Image`); with no image (self-hosted, an excerpt) nothing says it
//! is ARM64, so the miss stays `unknown`.

use super::util::{regex, runner_hit};
use super::{Entry, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RunnerClass, RunnerFailure};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "setup_versions/java-semver-unsatisfied",
        grammar: "Could not find satisfied version for SemVer '{range}'. (then) Available versions: {v}, {v}, … \
                  (actions/setup-java)",
        needles: &["Available versions: "],
        check: java_semver_unsatisfied,
        examples: &[ex_after(
            &["Error: Could not find satisfied version for SemVer '8'. "],
            "Available versions: 21.0.5+11.0.LTS, 17.0.13+11, 11.0.25+9, 11.0.15+10",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "setup_versions/ruby-unknown-version",
        grammar: "Unknown version {v} for {engine} on {platform} (then) available versions for {engine} on \
                  {platform}: {list} (ruby/setup-ruby)",
        needles: &["available versions for "],
        check: ruby_unknown_version,
        examples: &[
            ex_after(
                &["Error: Unknown version 2.7 for ruby on ubuntu-24.04-arm64"],
                "        available versions for ruby on ubuntu-24.04-arm64: 3.0.0, 3.0.7, 3.3.6, 3.4.1, head",
                Category::OptionalJob,
                Some("tool_unavailable_for_architecture"),
            ),
            // Inside the list's range: a version that does not exist.
            ex_after(
                &["Error: Unknown version 3.9 for ruby on ubuntu-24.04-arm64"],
                "        available versions for ruby on ubuntu-24.04-arm64: 3.0.0, 3.3.6, 3.4.1, head",
                Category::Unknown,
                None,
            ),
            ex_after(
                &["Error: Unknown version 2.4 for ruby on ubuntu-24.04"],
                "        available versions for ruby on ubuntu-24.04: 2.5.9, 2.6.10, 2.7.8, 3.0.7",
                Category::Unknown,
                None,
            ),
        ],
    },
];

/// The action's error, at the start of its line as the runner prints it
/// (`##[error]`, the web UI's `Error: `): the same words inside a step's
/// output (a test raising them, an echo) are not the action's verdict, and
/// reading them could make an ARM64 job `continue-on-error`.
fn action_error(heading: &str) -> &str {
    let text = heading.trim_start();
    let text = text.strip_prefix("##[error]").unwrap_or(text);
    text.strip_prefix("Error: ").unwrap_or(text)
}

fn java_semver_unsatisfied(line: &Line<'_>) -> Option<Hit> {
    let heading = action_error(line.recent.last()?);
    let asked = regex!(r"^Could not find satisfied version for SemVer '([^']+)'").captures(heading)?;
    let list = line.text.trim().strip_prefix("Available versions: ")?;
    let asked = java_major(&asked[1])?;
    let listed: Vec<Vec<u32>> = list.split(',').filter_map(|v| java_major(v.trim())).collect();
    let arm64 = line
        .runner
        .filter(|r| matches!(r, RunnerClass::Arm64 | RunnerClass::MacosArm64));
    let hit = match arm64 {
        Some(class) if older_than_all(&asked, &listed) => runner_hit(
            RunnerFailure::ToolUnavailableForArchitecture,
            Some(class),
            0.75,
            "setup-java lists no build of this Java version for the job's ARM64 machine (its hosted image), only \
             newer ones: the failure is tied to the runner's architecture.",
        ),
        _ => Hit::blocker(
            "setup-java has no build of the requested Java version for this runner: choose a version it lists (or \
             another distribution).",
        ),
    };
    Some(hit.opened_on_previous_line())
}

fn ruby_unknown_version(line: &Line<'_>) -> Option<Hit> {
    let heading = action_error(line.recent.last()?);
    let c = regex!(r"^Unknown version (\S+) for ([a-z]+) on ([A-Za-z0-9.-]+)").captures(heading)?;
    let (asked, engine, platform) = (&c[1], &c[2], &c[3]);
    let prefix = format!("available versions for {engine} on {platform}: ");
    let list = line.text.trim().strip_prefix(prefix.as_str())?;
    let asked = numeric_version(asked)?;
    let listed: Vec<Vec<u32>> = list.split(',').filter_map(|v| numeric_version(v.trim())).collect();
    let arm64 = platform.ends_with("-arm64") || platform.ends_with("-arm");
    let hit = if arm64 && older_than_all(&asked, &listed) {
        let class = if platform.starts_with("macos") {
            RunnerClass::MacosArm64
        } else {
            RunnerClass::Arm64
        };
        runner_hit(
            RunnerFailure::ToolUnavailableForArchitecture,
            Some(class),
            0.8,
            "setup-ruby has no build of this version for the ARM64 platform, only newer ones: the failure is tied \
             to the runner's architecture.",
        )
    } else {
        Hit::blocker("setup-ruby has no build of the requested version for this platform: choose a version it lists.")
    };
    Some(hit.opened_on_previous_line())
}

/// `8`, `1.8`, `8.0.x`, `17.0.2+8`, `21.0.5+11.0.LTS` → the feature release
/// (`[8]`, `[17]`): Java versions compare by it, and `1.x` is Java `x`.
fn java_major(v: &str) -> Option<Vec<u32>> {
    let parts = numeric_version(v)?;
    Some(match parts.as_slice() {
        [1, minor, ..] => vec![*minor],
        [major, ..] => vec![*major],
        [] => return None,
    })
}

/// The leading dotted numbers of a version (`2.7` → `[2, 7]`, `3.0.7` →
/// `[3, 0, 7]`, `head` → none).
pub(super) fn numeric_version(v: &str) -> Option<Vec<u32>> {
    let lead = regex!(r"^\d+(?:\.\d+)*").find(v)?;
    lead.as_str().split('.').map(|p| p.parse().ok()).collect()
}

/// Every listed version is newer than the one asked for, compared on as many
/// components as the request names (`2.7` against `3.0.0` compares `[2, 7]`
/// with `[3, 0]`). An empty list proves nothing.
fn older_than_all(asked: &[u32], listed: &[Vec<u32>]) -> bool {
    !listed.is_empty()
        && listed.iter().all(|v| {
            let head: Vec<u32> = (0..asked.len()).map(|i| v.get(i).copied().unwrap_or(0)).collect();
            head.as_slice() > asked
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::SubjectDetail;

    fn java(runner: Option<RunnerClass>, asked: &str, list: &str) -> Option<Hit> {
        let heading = format!("Could not find satisfied version for SemVer '{asked}'. ");
        let recent = [heading.as_str()];
        let text = format!("Available versions: {list}");
        java_semver_unsatisfied(&Line {
            recent: &recent,
            runner,
            ..Line::plain(&text)
        })
    }

    const TEMURIN_AARCH64_MAC: &str = "21.0.5+11.0.LTS, 17.0.13+11, 11.0.25+9, 11.0.15+10";

    #[test]
    fn an_older_java_than_every_arm64_build_is_missing_for_the_architecture() {
        for asked in ["8", "1.8", "8.0.x"] {
            let hit = java(Some(RunnerClass::MacosArm64), asked, TEMURIN_AARCH64_MAC).expect("read");
            assert_eq!(hit.category, Category::OptionalJob, "{asked}");
            assert_eq!(hit.opened_lines_above, 1);
            assert!(matches!(
                hit.detail,
                SubjectDetail::Runner {
                    failure: RunnerFailure::ToolUnavailableForArchitecture,
                    runner: Some(RunnerClass::MacosArm64),
                    ..
                }
            ));
        }
        let linux = java(Some(RunnerClass::Arm64), "8", TEMURIN_AARCH64_MAC).expect("read");
        assert_eq!(linux.category, Category::OptionalJob);
    }

    #[test]
    fn a_java_miss_is_unknown_without_arm64_evidence_or_inside_the_list() {
        // x64 hosted image, or no image at all (self-hosted, an excerpt).
        for runner in [Some(RunnerClass::Hosted), None] {
            let hit = java(runner, "8", TEMURIN_AARCH64_MAC).expect("read");
            assert_eq!(hit.category, Category::Unknown);
        }
        // A version not released yet, or between the listed ones.
        for asked in ["27", "12"] {
            let hit = java(Some(RunnerClass::MacosArm64), asked, TEMURIN_AARCH64_MAC).expect("read");
            assert_eq!(hit.category, Category::Unknown, "{asked}");
        }
        // The heading quoted inside a test's output is not setup-java's.
        let quoted = "    at Installer.resolve: Could not find satisfied version for SemVer '8'. ";
        let recent = [quoted];
        let text = format!("Available versions: {TEMURIN_AARCH64_MAC}");
        let line = Line {
            recent: &recent,
            runner: Some(RunnerClass::MacosArm64),
            ..Line::plain(&text)
        };
        assert!(java_semver_unsatisfied(&line).is_none());
        // No heading before the list: another tool's list.
        let plain = Line::plain("Available versions: 1.2.0, 1.3.0");
        assert!(java_semver_unsatisfied(&plain).is_none());
    }

    #[test]
    fn versions_compare_on_the_components_asked_for() {
        assert!(older_than_all(&[2, 7], &[vec![3, 0, 0], vec![3, 4, 1]]));
        assert!(!older_than_all(&[3, 0], &[vec![3, 0, 0], vec![3, 4, 1]]));
        assert!(!older_than_all(&[2, 7], &[]));
        assert_eq!(java_major("21.0.5+11.0.LTS"), Some(vec![21]));
        assert_eq!(java_major("1.8"), Some(vec![8]));
        assert_eq!(numeric_version("head"), None);
    }

    #[test]
    fn ruby_reads_the_platform_and_its_list() {
        let hit = |heading: &str, list: &str| {
            let recent = [heading];
            ruby_unknown_version(&Line {
                recent: &recent,
                ..Line::plain(list)
            })
        };
        let mac = hit(
            "Error: Unknown version 2.6 for ruby on macos-14-arm64",
            "available versions for ruby on macos-14-arm64: 2.7.8, 3.0.7, 3.3.6",
        )
        .expect("read");
        assert!(matches!(
            mac.detail,
            SubjectDetail::Runner {
                runner: Some(RunnerClass::MacosArm64),
                ..
            }
        ));
        // setup-ruby's own error, as the runner prints it; the same words inside a step's
        // output (a spec raising them, an echo) are not setup-ruby's verdict, and reading
        // them would make an ARM64 job `continue-on-error`.
        for quoted in [
            "     RuntimeError: Unknown version 2.6 for ruby on macos-14-arm64",
            "expected: Unknown version 2.6 for ruby on macos-14-arm64",
            "echo Unknown version 2.6 for ruby on macos-14-arm64",
        ] {
            assert!(
                hit(quoted, "available versions for ruby on macos-14-arm64: 2.7.8, 3.0.7").is_none(),
                "{quoted}"
            );
        }
        for own in [
            "##[error]Unknown version 2.6 for ruby on macos-14-arm64",
            "  Unknown version 2.6 for ruby on macos-14-arm64",
        ] {
            assert!(
                hit(own, "available versions for ruby on macos-14-arm64: 2.7.8, 3.0.7").is_some(),
                "{own}"
            );
        }
        // The list must be the heading's: another platform's list is not.
        assert!(
            hit(
                "Error: Unknown version 2.6 for ruby on macos-14-arm64",
                "available versions for ruby on ubuntu-24.04: 2.7.8"
            )
            .is_none()
        );
    }
}
