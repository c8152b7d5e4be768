//! PlatformIO Core's package manager (`pio run`, `pio pkg install`).
//!
//! Source: PlatformIO Core 6 raises `UnknownPackageError` when no registry
//! package satisfies a requirement on the machine's system type, printed by
//! its CLI as `UnknownPackageError: Could not find the package with
//! '{owner}/{name} @ {spec}' requirements for your system '{systype}'`
//! (older releases: `Error: Could not find the package with '…' requirements
//! for your system '…'`, and PlatformIO 3/4's `Error: Could not find a
//! version that satisfies the requirement '{spec}' for your system
//! '{systype}'`). The line before names the manager installing it: `Tool
//! Manager: Installing {owner}/{name} @ {spec}` for a toolchain or tool,
//! `Library Manager: Installing …` for a library, `Platform Manager: …` for
//! a development platform. `{systype}` is `{os}_{machine}` of the machine
//! PlatformIO runs on (`linux_x86_64`, `linux_aarch64`, `darwin_arm64`,
//! `windows_amd64`).
//!
//! Toolchains and tools are native programs built per system type; many
//! have no `linux_aarch64` build (public reports in platformio-core and the
//! platforms' trackers). A toolchain or tool PlatformIO finds no build of on
//! an ARM64 machine is a tool unavailable for the job's architecture
//! (`optional_job`); the same message on an x86-64 machine, or for a
//! library or platform (source packages, the same on every machine), is a
//! requirement nothing in the registry satisfies: a version that does not
//! exist, for a person to correct.
//!
//! And `pio test`'s closing bar (`platformio/test/reports/stdout.py`,
//! `print_labeled_bar` around `{n} test cases: [{m} failed, ][{k} skipped,
//! ]{p} succeeded in {duration}`, padded with `=`), and each suite's bar,
//! `{env}:{suite} [FAILED] Took {s} seconds` padded with `-`: headings over
//! the failed case a test framework printed above (`unity`), never a cause.

use super::util::{regex, runner_hit};
use super::{Entry, ex, ex_after};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RunnerClass, RunnerFailure};
use crate::subject::display_text;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "platformio/test-summary",
        grammar: "=== {n} test cases: {m} failed, … succeeded in {duration} === | --- {env}:{suite} [FAILED] Took {s} \
                  seconds ---",
        needles: &[" test cases: ", " [FAILED] Took "],
        check: test_summary,
        examples: &[ex(
            "==== 3 test cases: 1 failed, 2 succeeded in 00:00:04.210 ====",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "platformio/unknown-package",
        grammar: "UnknownPackageError: Could not find the package with '{owner}/{name} @ {spec}' requirements for your \
              system '{systype}' | Error: Could not find the package with '{requirement}' requirements for your system \
              '{systype}' | Error: Could not find a version that satisfies the requirement '{spec}' for your system \
              '{systype}' (after `Tool Manager: Installing …` or `PackageManager: Installing {package} @ …`)",
        needles: &["requirements for your system '", "for your system '"],
        check: unknown_package,
        examples: &[
            ex_after(
                &["Tool Manager: Installing platformio/toolchain-gccarmnoneeabi @ >=1.60301.0,<1.80000.0"],
                "UnknownPackageError: Could not find the package with 'platformio/toolchain-gccarmnoneeabi @ \
             >=1.60301.0,<1.80000.0' requirements for your system 'linux_aarch64'",
                Category::OptionalJob,
                Some("tool_unavailable_for_architecture"),
            ),
            ex_after(
                &["Library Manager: Installing bblanchon/ArduinoJson @ ^8.0.0"],
                "UnknownPackageError: Could not find the package with 'bblanchon/ArduinoJson @ ^8.0.0' requirements for \
             your system 'linux_aarch64'",
                Category::Unknown,
                None,
            ),
            ex(
                "UnknownPackageError: Could not find the package with 'platformio/toolchain-xtensa-esp32 @ 99.0.0' \
             requirements for your system 'linux_x86_64'",
                Category::Unknown,
                None,
            ),
        ],
    },
];

fn test_summary(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let failed =
        regex!(r"^=+ \d+ test cases: (?:\d+ failed, |\d+ errored, )+(?:\d+ skipped, )?\d+ succeeded in \S+ =+$")
            .is_match(text)
            || regex!(r"^-+ [\w.-]+:\S+ \[(?:FAILED|ERRORED)\] Took [\d.]+ seconds -+$").is_match(text);
    failed.then(|| Hit::summary("pio test counted failed test cases (the failed case above says which)."))
}

/// The package PlatformIO names (`{owner}/{name} @ {spec}`, or the older
/// bare `{name}`): a toolchain or tool (`toolchain-*`, `tool-*`), a native
/// program built per system type.
fn native_tool(requirement: &str) -> bool {
    let name = requirement.split('@').next().unwrap_or("").trim();
    let name = name.rsplit('/').next().unwrap_or(name);
    name.starts_with("toolchain-") || name.starts_with("tool-")
}

/// The ARM64 machine a PlatformIO system type names.
fn arm64(systype: &str) -> Option<RunnerClass> {
    match systype {
        "linux_aarch64" | "linux_arm64" | "windows_arm64" | "windows_aarch64" => Some(RunnerClass::Arm64),
        "darwin_arm64" => Some(RunnerClass::MacosArm64),
        _ => None,
    }
}

fn unknown_package(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let (requirement, systype) = if let Some(c) = regex!(
        r"^(?:UnknownPackageError|Error): Could not find the package with '([^']+)' requirements for your system '([a-z0-9_]+)'$"
    )
    .captures(text)
    {
        (c[1].to_string(), c[2].to_string())
    } else {
        let c = regex!(
            r"^Error: Could not find a version that satisfies the requirement '([^']+)' for your system '([a-z0-9_]+)'$"
        )
        .captures(text)?;
        // PlatformIO 3/4 name the package on the line before only.
        let installing = line
            .recent
            .iter()
            .rev()
            .take(3)
            .find_map(|l| regex!(r"Installing (\S+) @ ").captures(l.trim()).map(|c| c[1].to_string()))
            .unwrap_or_default();
        (format!("{installing} @ {}", &c[1]), c[2].to_string())
    };
    // The manager installing it, when the line before says so: a library or a
    // platform is a source package, never built per machine.
    let manager = line.recent.iter().rev().take(3).find_map(|l| {
        regex!(r"^(Tool|Library|Platform) Manager: Installing ")
            .captures(l.trim())
            .map(|c| c[1].to_string())
    });
    let tool = native_tool(&requirement) && manager.as_deref().is_none_or(|m| m == "Tool");
    match arm64(&systype) {
        Some(class) if tool => Some(runner_hit(
            RunnerFailure::ToolUnavailableForArchitecture,
            Some(class),
            0.75,
            &format!(
                "PlatformIO has no build of '{}' for this machine's system ('{systype}'): the toolchain or tool is \
                 not built for ARM64, so the failure is tied to the runner's architecture.",
                display_text(&requirement)
            ),
        )),
        _ => Some(Hit::install_failure(format!(
            "PlatformIO found no package satisfying '{}' for the system '{systype}' (a version or name that does \
             not exist in its registry): correct the requirement in platformio.ini.",
            display_text(&requirement)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pio_test_s_bars_are_headings_only_when_a_case_failed() {
        use crate::classify::hit::Strength;
        for text in [
            "============= 7 test cases: 1 failed, 6 succeeded in 00:00:15.505 ==============",
            "==== 12 test cases: 2 failed, 1 skipped, 9 succeeded in 00:00:41.002 ====",
            "------------------------- native:test_frame [FAILED] Took 3.12 seconds -------------------------",
        ] {
            assert_eq!(
                test_summary(&Line::plain(text)).expect(text).strength,
                Strength::Summary,
                "{text}"
            );
        }
        crate::classify::catalogue::assert_reads(
            test_summary,
            &[],
            &[
                "============= 7 test cases: 7 succeeded in 00:00:15.505 ==============",
                "------------------------- native:test_crc [PASSED] Took 9.41 seconds -------------------------",
                "Tests: 7 test cases: 1 failed",
            ],
        );
    }

    fn read(before: &[&str], text: &str) -> (Category, Option<String>) {
        let line = Line {
            recent: before,
            ..Line::plain(text)
        };
        let hit = unknown_package(&line).expect(text);
        (hit.category, hit.subject)
    }

    #[test]
    fn a_toolchain_without_an_arm64_build_is_the_runner_s_architecture() {
        let toolchain = "Tool Manager: Installing platformio/toolchain-sdcc @ >=1.40100.0,<1.40401.0";
        assert_eq!(
            read(
                &[toolchain],
                "UnknownPackageError: Could not find the package with 'platformio/toolchain-sdcc @ \
                 >=1.40100.0,<1.40401.0' requirements for your system 'linux_aarch64'"
            ),
            (Category::OptionalJob, Some("tool_unavailable_for_architecture".into()))
        );
        // PlatformIO 3's form, the package named on the line before.
        assert_eq!(
            read(
                &["PackageManager: Installing toolchain-timsp430 @ ~1.40603.0", ""],
                "Error: Could not find a version that satisfies the requirement '~1.40603.0' for your system \
                 'linux_aarch64'"
            ),
            (Category::OptionalJob, Some("tool_unavailable_for_architecture".into()))
        );
        let hit = unknown_package(&Line {
            recent: &[toolchain],
            ..Line::plain(
                "UnknownPackageError: Could not find the package with 'platformio/toolchain-sdcc @ 1.40100.0' \
                 requirements for your system 'darwin_arm64'",
            )
        })
        .expect("read");
        assert!(!hit.fixable);
    }

    #[test]
    fn a_library_or_an_x86_64_machine_is_a_requirement_nothing_satisfies() {
        for (before, text) in [
            (
                "Library Manager: Installing bblanchon/ArduinoJson @ ^8.0.0",
                "UnknownPackageError: Could not find the package with 'bblanchon/ArduinoJson @ ^8.0.0' requirements \
                 for your system 'linux_x86_64'",
            ),
            // A library on ARM64 is a source package: its version is wrong.
            (
                "Library Manager: Installing bblanchon/ArduinoJson @ ^8.0.0",
                "UnknownPackageError: Could not find the package with 'bblanchon/ArduinoJson @ ^8.0.0' requirements \
                 for your system 'linux_aarch64'",
            ),
            (
                "Tool Manager: Installing platformio/toolchain-xtensa-esp32 @ 99.0.0",
                "UnknownPackageError: Could not find the package with 'platformio/toolchain-xtensa-esp32 @ 99.0.0' \
                 requirements for your system 'windows_amd64'",
            ),
            // A 32-bit ARM board computer is no ARM64 runner this project knows.
            (
                "Tool Manager: Installing platformio/toolchain-gccarmnoneeabi @ ~1.70201.0",
                "Error: Could not find the package with 'platformio/toolchain-gccarmnoneeabi @ ~1.70201.0' \
                 requirements for your system 'linux_armv7l'",
            ),
        ] {
            assert_eq!(read(&[before], text), (Category::Unknown, None), "{text}");
        }
        assert!(unknown_package(&Line::plain("echo \"for your system 'linux_aarch64'\"")).is_none());
    }
}
