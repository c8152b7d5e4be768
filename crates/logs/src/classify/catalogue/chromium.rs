//! Chrome and Chromium's own fatal lines.
//!
//! Source: Chromium's logging (`base/logging.cc`) prints
//! `[{pid}:{tid}:{MMDD}/{HHMMSS.micros}:{LEVEL}:{file}({line})] {message}`
//! (`[{MMDD}/{time}:{LEVEL}:…]` without the ids in some processes). The
//! zygote host (`content/browser/zygote_host/zygote_host_impl_linux.cc`)
//! stops the browser with `FATAL` when no sandbox can be set up: `No usable
//! sandbox! …` (since Chrome 120 naming Ubuntu 23.10+'s AppArmor restriction
//! of unprivileged user namespaces, the cause on GitHub's ubuntu-24.04
//! images for a browser a tool downloaded), and with `Running as root
//! without --no-sandbox is not supported` in a container that runs as root.
//! Puppeteer, Playwright, Karma and mermaid-cli relay these lines under
//! their own headings (`Failed to launch the browser process!`); the
//! `ERROR:file_io_posix.cc(…)] open /sys/…: No such file or directory`
//! lines the crash reporter prints after are noise, not a missing file.
//!
//! The browser could not start on this machine: a person chooses the remedy
//! (an AppArmor profile, the sysctl, `--no-sandbox`, a non-root user), a
//! blocker. AppArmor is named only where the line names it: Chrome's older
//! `No usable sandbox! Update your kernel …` is also what a container whose
//! seccomp profile refuses user namespaces gives, on any image.

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "chromium/sandbox",
    grammar: "[{pid}:{tid}:{date}/{time}:FATAL:zygote_host_impl_linux.cc({n})] No usable sandbox! … | \
              [{…}:ERROR:zygote_host_impl_linux.cc({n})] Running as root without --no-sandbox is not supported. …",
    needles: &["No usable sandbox!", "Running as root without --no-sandbox"],
    check: sandbox,
    examples: &[ex(
        "[2291:2291:1207/043512.551390:FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox! If you are running \
         on Ubuntu 23.10+ or another Linux distro that has disabled unprivileged user namespaces with AppArmor, see \
         https://chromium.googlesource.com/chromium/src/+/main/docs/security/apparmor-userns-restrictions.md.",
        Category::Unknown,
        None,
    )],
}];

fn sandbox(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(
        r"\[[\d:/.]*:(?:FATAL|ERROR):zygote_host_impl_linux\.cc\(\d+\)\] (No usable sandbox!|Running as root without --no-sandbox is not supported)"
    )
    .captures(line.text)?;
    let apparmor = line.text.contains("AppArmor");
    Some(Hit::blocker(if c[1].starts_with("No usable") && apparmor {
        "Chrome could not start: it found no usable sandbox (on Ubuntu 23.10+ and GitHub's ubuntu-24.04 images, \
         AppArmor restricts the unprivileged user namespaces a downloaded Chrome's sandbox needs). A person chooses \
         the remedy: an AppArmor profile or the kernel setting for that Chrome, or --no-sandbox."
    } else if c[1].starts_with("No usable") {
        "Chrome could not start: it found no usable sandbox (no unprivileged user namespace and no setuid sandbox \
         here: a container's seccomp profile, the kernel's settings, or AppArmor on newer Ubuntu images refuse \
         them). A person chooses the remedy: what this machine or container allows, or --no-sandbox."
    } else {
        "Chrome could not start: it runs as root (a container's default user) without --no-sandbox, which Chrome \
         refuses. A person runs it as another user or passes --no-sandbox."
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chromes_fatal_sandbox_lines() {
        for text in [
            "[2291:2291:1207/043512.551390:FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox! Update your kernel \
             or see https://chromium.googlesource.com/chromium/src/+/master/docs/linux/suid_sandbox_development.md",
            "[0418/214027.785590:FATAL:zygote_host_impl_linux.cc(116)] No usable sandbox! Update your kernel",
            "[1207/041512.551:ERROR:zygote_host_impl_linux.cc(100)] Running as root without --no-sandbox is not \
             supported. See https://crbug.com/638180.",
        ] {
            let hit = sandbox(&Line::plain(text)).expect(text);
            assert_eq!((hit.category, hit.fixable), (Category::Unknown, false), "{text}");
        }
        crate::classify::catalogue::assert_reads(
            sandbox,
            &[],
            &[
                "[1207/043512.559127:ERROR:file_io_posix.cc(145)] open /sys/devices/system/cpu/cpu0/cpufreq/\
                 scaling_cur_freq: No such file or directory (2)",
                "# Workaround for 'No usable sandbox! Update your kernel' error",
            ],
        );
    }

    /// AppArmor is named only where Chrome's line names it (Chrome 120+'s
    /// text); the older `Update your kernel` text is also what a container's
    /// default seccomp profile gives, on any image.
    #[test]
    fn apparmor_is_named_only_where_the_line_names_it() {
        let read = |text: &str| sandbox(&Line::plain(text)).expect(text).message;
        let apparmor = read(
            "[2291:2291:1207/043512.551390:FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox! If you are \
             running on Ubuntu 23.10+ or another Linux distro that has disabled unprivileged user namespaces with \
             AppArmor, see https://chromium.googlesource.com/chromium/src/+/main/docs/security/\
             apparmor-userns-restrictions.md.",
        );
        assert!(apparmor.contains("AppArmor"), "{apparmor}");
        let kernel =
            read("[0418/214027.785590:FATAL:zygote_host_impl_linux.cc(116)] No usable sandbox! Update your kernel");
        assert!(
            !kernel.contains("AppArmor restricts") && kernel.contains("--no-sandbox"),
            "{kernel}"
        );
    }
}
