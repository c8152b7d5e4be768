//! The Android SDK's command-line tools (sdkmanager, the emulator) and the
//! Android Gradle plugin's own checks.
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
//!
//! The Android Gradle plugin's AAR metadata check (`CheckAarMetadataTask`,
//! task `check{Variant}AarMetadata`) lists each library that needs a newer
//! compile SDK under Gradle's `{n} issue[s] {was|were} found when checking AAR
//! metadata:` as `{n}.  Dependency '{coordinates}' requires libraries and
//! applications that depend on it to compile against version {api} or later
//! of the Android APIs.` (wrapped over lines, then `:{module} is currently
//! compiled against android-{api}.`): the module's `compileSdk` is a person's
//! choice (or the dependency's version), never fixed.
//!
//! The emulator refuses an AVD whose system image is not of the host's
//! architecture (`android/android-emu`'s `main.cpp`, since emulator 30.x on
//! Apple silicon and ARM64 Linux): `Avd's CPU Architecture '{abi}' is not
//! supported by the QEMU2 emulator on {host} host.` (newer releases add
//! `System image must match the host architecture.`), printed as `PANIC: …`
//! or at the `FATAL` level of its log. On an `aarch64` host (an ARM64 runner,
//! an Apple-silicon Mac: hosted `macos-14` and later) an x86 or x86_64 image
//! is the runner's architecture, the job's `optional_job`; the emulator action
//! then waits until its own `Timeout waiting for emulator to boot.`, which
//! only follows. On an `x86_64` host an ARM image is the workflow's choice of
//! image, for a person.
//!
//! The plugin's native build (CXX) checks the NDK it is given: `[CXX1101]
//! NDK at {path} did not have a source.properties file` (older releases of
//! the plugin print the sentence without its `[CXX1101]` code, e.g. under
//! `stripDebugDebugSymbols`) when the directory holds no complete NDK (an interrupted install, or a cache restored over
//! part of one), for a person to reinstall or clear.
//!
//! AAPT2, which the plugin runs to compile and link resources, reports each
//! problem as `{file}:{line}: error: {message}`; the plugin relays it as
//! `[ERROR: ]{file}:{line}[:{col}]: AAPT: error: {message}` (a resource,
//! attribute or style that is not defined: `resource string/{name} (aka
//! {package}:string/{name}) not found.`) where the task fails, before Gradle's
//! failure report repeats it under `> Android resource linking failed`. A
//! code or resource mistake for a person, never fixed; the first line it is
//! printed on is where it shows.
//!
//! The plugin runs AAPT2 as daemons it downloads from Google's Maven
//! repository (`com.android.tools.build:aapt2:{version}:{os}`, whose
//! classifiers are `linux`, `osx` and `windows`: the Linux build is x86-64
//! only) and relays what a daemon printed as `AAPT2 aapt2-{version}-{os}
//! Daemon #{n}: Unexpected error output: {text}`, then fails the task with
//! `AAPT2 aapt2-{version}-{os} Daemon #{n}: Daemon startup failed`. On an
//! ARM64 Linux runner the x86-64 binary cannot start: the kernel refuses it
//! and the JDK's process launcher hands it to `/bin/sh` (OpenJDK's
//! `childproc.c` retries an `ENOEXEC` as a shell script), whose dash reads the
//! ELF bytes as a script (`{path}: 1: {path}: Syntax error: "(" unexpected`),
//! or qemu-user, where installed, fails to find the x86-64 loader. On a job
//! whose hosted image says ARM64 that is the runner's architecture, the
//! job's `optional_job`; elsewhere the daemon's failure is for a person.

use super::util::{regex, runner_hit};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::{Category, RunnerClass, RunnerFailure};

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "android/aapt2-daemon",
        grammar: "AAPT2 aapt2-{version}-{os} Daemon #{n}: Unexpected error output: {text} | AAPT2 aapt2-{version}-{os} \
                  Daemon #{n}: Daemon startup failed",
        needles: &["AAPT2 aapt2-"],
        check: aapt2_daemon,
        examples: &[ex(
            "   > AAPT2 aapt2-8.7.3-12006047-linux Daemon #0: Daemon startup failed",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "android/aapt-error",
        grammar: "[ERROR: ]{file}:{line}[:{col}]: AAPT: error: {message} (AAPT2 through the Android Gradle plugin)",
        needles: &["AAPT: error: "],
        check: aapt_error,
        examples: &[ex(
            "ERROR: /home/runner/work/app/app/src/main/res/layout/main.xml:12: AAPT: error: resource \
             color/brand (aka org.example:color/brand) not found.",
            Category::Unknown,
            None,
        )],
    },
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
        id: "android/aar-metadata-compile-sdk",
        grammar: "{n}.  Dependency '{coordinates}' requires libraries and applications that depend on it to compile \
                  against version {api} or later of the Android APIs. (AGP's CheckAarMetadataTask)",
        needles: &["requires libraries and applications that"],
        check: aar_metadata_compile_sdk,
        examples: &[ex(
            "       1.  Dependency 'androidx.core:core:1.15.0' requires libraries and applications that",
            Category::Unknown,
            None,
        )],
    },
    Entry {
        id: "android/emulator-avd-architecture",
        grammar: "[PANIC: |FATAL {pad}| ]Avd's CPU Architecture '{abi}' is not supported by the QEMU2 emulator on \
                  {host} host.[ System image must match the host architecture.]",
        needles: &["is not supported by the QEMU2 emulator on"],
        check: emulator_avd_architecture,
        examples: &[ex(
            "FATAL        | Avd's CPU Architecture 'x86_64' is not supported by the QEMU2 emulator on aarch64 host. \
             System image must match the host architecture.",
            Category::OptionalJob,
            Some("architecture_mismatch"),
        )],
    },
    Entry {
        id: "android/ndk-incomplete",
        grammar: "[> ][[CXX1101] ]NDK at {path} did not have a source.properties file",
        needles: &["did not have a source.properties file"],
        check: ndk_incomplete,
        examples: &[ex(
            "> [CXX1101] NDK at /usr/local/lib/android/sdk/ndk/26.1.10909125 did not have a source.properties file",
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

fn aar_metadata_compile_sdk(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:\d+\.\s+)?Dependency '[^']+' requires libraries and applications that(?: depend on it|$)")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "A library needs a newer compile SDK than the module's `compileSdk` (the Android Gradle plugin's AAR \
                 metadata check): raise compileSdk or keep the library's older version, a person's choice.",
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

fn emulator_avd_architecture(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"Avd's CPU Architecture '([^']+)' is not supported by the QEMU2 emulator on (\S+) host")
        .captures(line.text)?;
    let (abi, host) = (crate::subject::display_text(&c[1]), &c[2]);
    if host == "aarch64" && (abi.starts_with("x86") || abi == "i686") {
        let runner = line
            .runner
            .filter(|r| matches!(r, RunnerClass::Arm64 | RunnerClass::MacosArm64));
        return Some(runner_hit(
            RunnerFailure::ArchitectureMismatch,
            runner,
            0.8,
            &format!(
                "The Android emulator cannot run an {abi} system image on this ARM64 machine: the job's runner is \
                 ARM64 (an Apple-silicon Mac or an ARM64 Linux machine), so the failure is tied to the runner's \
                 architecture (an arm64-v8a image, or an x86-64 runner, would boot)."
            ),
        ));
    }
    Some(Hit::blocker(format!(
        "The Android emulator cannot run an {abi} system image on this {} machine: choose an image of the host's \
         architecture.",
        crate::subject::display_text(host)
    )))
}

fn ndk_incomplete(line: &Line<'_>) -> Option<Hit> {
    regex!(r"^(?:> )?(?:\[CXX1101\] )?NDK at .+ did not have a source\.properties file")
        .is_match(line.text.trim())
        .then(|| {
            Hit::blocker(
                "The Android Gradle plugin found an incomplete NDK (no source.properties: an interrupted install, or a \
                 cache restored over part of one): reinstall that NDK version or drop the cached directory.",
            )
        })
}

/// An AAPT2 daemon that printed an error or could not start: on an ARM64
/// Linux runner (its hosted image said so) the Linux build, x86-64 only, is
/// the runner's architecture; elsewhere a failure for a person. A relayed
/// `exec format error` or qemu line on a runner of unknown architecture is
/// left to the shell's reading of those words.
fn aapt2_daemon(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim();
    let c = regex!(r"^(?:>\s*)?AAPT2 aapt2-[\w.-]+?-(linux|osx|windows) Daemon #\d+: (Unexpected error output|Daemon startup failed)")
        .captures(text)?;
    let (os, what) = (&c[1], &c[2]);
    if os == "linux" && line.runner == Some(RunnerClass::Arm64) {
        return Some(runner_hit(
            RunnerFailure::ArchitectureMismatch,
            Some(RunnerClass::Arm64),
            0.8,
            "AAPT2's Linux build, which the Android Gradle plugin downloads, is x86-64 only and cannot start on this \
             ARM64 runner: the failure is tied to the runner's architecture (an x86-64 runner builds it; \
             android.aapt2FromMavenOverride can point to an ARM64 AAPT2).",
        ));
    }
    let lower = text.to_ascii_lowercase();
    if lower.contains("exec format error") || lower.contains("qemu-") {
        return None;
    }
    Some(if what == "Daemon startup failed" {
        Hit::summary("An AAPT2 daemon of the Android Gradle plugin could not start (its own output is above).")
    } else {
        Hit::blocker(format!(
            "An AAPT2 daemon of the Android Gradle plugin printed an error: {}",
            crate::subject::display_text(text.split_once("Unexpected error output: ").map_or(text, |(_, t)| t))
        ))
    })
}

/// AAPT2's error about a resource, as the Android Gradle plugin relays it.
fn aapt_error(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:ERROR:\s*)?\S+:\d+(?::\d+)?(?:-\d+)?: AAPT: error: (.+)$").captures(line.text.trim())?;
    Some(Hit::blocker(format!(
        "Android resource linking failed (AAPT2): {}",
        crate::subject::display_text(c[1].trim())
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_x86_image_on_an_arm64_host_is_the_runner_s_architecture() {
        for text in [
            "FATAL        | Avd's CPU Architecture 'x86_64' is not supported by the QEMU2 emulator on aarch64 host. \
             System image must match the host architecture.",
            "PANIC: Avd's CPU Architecture 'x86' is not supported by the QEMU2 emulator on aarch64 host.",
        ] {
            let hit = emulator_avd_architecture(&Line::plain(text)).expect(text);
            assert_eq!(
                (hit.category, hit.subject.as_deref(), hit.fixable),
                (Category::OptionalJob, Some("architecture_mismatch"), false)
            );
        }
        // An ARM image on an x86-64 runner is the workflow's choice.
        let hit = emulator_avd_architecture(&Line::plain(
            "PANIC: Avd's CPU Architecture 'arm64' is not supported by the QEMU2 emulator on x86_64 host.",
        ))
        .expect("read");
        assert_eq!(hit.category, Category::Unknown);
        crate::classify::catalogue::assert_reads(
            ndk_incomplete,
            &[
                "> [CXX1101] NDK at C:\\Android\\sdk\\ndk\\21.4.7075529 did not have a source.properties file",
                // Older plugins: the same sentence without its code.
                "> NDK at /Users/dev/Library/Android/sdk/ndk/25.1.8937393 did not have a source.properties file",
                "NDK at ~/Library/Android/sdk/ndk-bundle did not have a source.properties file",
            ],
            &[
                "NDK at /opt/ndk has a source.properties file",
                "echo 'NDK at /opt/ndk did not have a source.properties file'",
            ],
        );
    }

    /// AAPT2's line as the plugin relays it, with and without `ERROR:`, and
    /// inside Gradle's report; not prose that names AAPT.
    #[test]
    fn aapt_errors_are_read_where_the_plugin_prints_them() {
        crate::classify::catalogue::assert_reads(
            aapt_error,
            &[
                "ERROR: /home/runner/work/tally/tally/app/src/main/res/layout/activity_settings.xml:41: AAPT: error: \
                 resource string/settings_export_title (aka org.fernhill.tally:string/settings_export_title) not found.",
                "     ERROR: D:\\a\\app\\app\\src\\main\\res\\values\\styles.xml:4: AAPT: error: style attribute \
                 'attr/colorPrimaryVariant (aka org.example:attr/colorPrimaryVariant)' not found.",
                "/Users/runner/work/app/app/android/app/src/main/res/drawable/launch_background.xml:8: AAPT: error: \
                 resource mipmap/launch_image (aka org.example:mipmap/launch_image) not found.",
                "app/src/main/res/values-he/strings.xml:13:5-61: AAPT: error: resource attr/x (aka org.example:attr/x) \
                 not found.",
            ],
            &["   > Android resource linking failed", "echo AAPT: error: see the docs"],
        );
    }
    use crate::classify::catalogue::assert_reads;

    /// The x86-64-only Linux AAPT2 on an ARM64 image is the runner's
    /// architecture; the same words elsewhere are a failure for a person.
    #[test]
    fn aapt2_on_an_arm64_linux_runner_is_the_runner_s_architecture() {
        let dash = "AAPT2 aapt2-8.7.3-12006047-linux Daemon #0: Unexpected error output: /home/runner/.gradle/caches/\
                    8.11.1/transforms/5f0e/transformed/aapt2-8.7.3-12006047-linux/aapt2: 1: /home/runner/.gradle/\
                    caches/8.11.1/transforms/5f0e/transformed/aapt2-8.7.3-12006047-linux/aapt2: Syntax error: \"(\" \
                    unexpected";
        let arm = Line {
            runner: Some(RunnerClass::Arm64),
            ..Line::plain(dash)
        };
        let hit = aapt2_daemon(&arm).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::OptionalJob, Some("architecture_mismatch"), false)
        );
        // On an x86-64 image, or a runner that printed no image: not the architecture.
        for runner in [Some(RunnerClass::Hosted), None, Some(RunnerClass::MacosArm64)] {
            let line = Line {
                runner,
                ..Line::plain(dash)
            };
            assert_eq!(
                aapt2_daemon(&line).map(|h| h.category),
                Some(Category::Unknown),
                "{runner:?}"
            );
        }
        // The macOS build on an Apple-silicon Mac is not the Linux one.
        let osx = Line {
            runner: Some(RunnerClass::Arm64),
            ..Line::plain("   > AAPT2 aapt2-8.7.3-12006047-osx Daemon #0: Daemon startup failed")
        };
        assert_eq!(aapt2_daemon(&osx).map(|h| h.category), Some(Category::Unknown));
        // qemu-user's or the kernel's words are the shell entry's to read.
        assert!(
            aapt2_daemon(&Line::plain(
                "AAPT2 aapt2-8.8.2-12006047-linux Daemon #2: Unexpected error output: qemu-x86_64: Could not open \
                 '/lib64/ld-linux-x86-64.so.2': No such file or directory"
            ))
            .is_none()
        );
    }

    #[test]
    fn sdkmanager_emulator_and_agp_forms() {
        assert_reads(
            sdkmanager_package_not_found,
            &["Failed to find package 'platforms;android-99'"],
            &["Warning: Failed to find package 'x' in cache, downloading"],
        );
        assert_reads(
            aar_metadata_compile_sdk,
            &[
                "1.  Dependency 'androidx.activity:activity:1.9.3' requires libraries and applications that",
                "Dependency 'androidx.core:core:1.15.0' requires libraries and applications that depend on it to \
                 compile against version 35 or later of the Android APIs.",
            ],
            &["This library requires libraries and applications that use it to enable desugaring."],
        );
        assert_reads(
            emulator_error,
            &["ERROR   | Unknown AVD name [ci], use -list-avds to see valid list."],
            &["INFO    | Android emulator version 35.2.10.0"],
        );
    }
}
