//! vcpkg's versioning (baseline) errors, printed by `vcpkg install` and by
//! the manifest install its CMake toolchain runs (`-- Running vcpkg install`).
//!
//! Source: vcpkg-tool's messages as its pull requests #130 and #1203 show
//! them and users' logs quote them (microsoft/vcpkg#34808): `error: while checking out baseline
//! from commit '{sha}', failed to `git show` versions/baseline.json. This may
//! be fixed by fetching commits with `git fetch`.` (git's own `fatal:` line
//! follows), `error: the baseline does not contain an entry for port {port}`,
//! and `error: this vcpkg instance requires a manifest with a specified
//! baseline in order to interact with ports.`. Each stops the install before
//! any port builds: the manifest's `builtin-baseline` against the vcpkg
//! checkout the job uses (the runner image's `VCPKG_INSTALLATION_ROOT` is a
//! clone of its own date, older than a newer baseline). Whether to fetch that
//! history, pin vcpkg to the baseline or move the baseline is a person's call.
//! CMake's `vcpkg install failed.` under `vcpkg.cmake`'s `CMake Error` that
//! follows is its consequence (`build_tools` reads that heading as a summary).

use super::util::regex;
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[Entry {
    id: "vcpkg/baseline",
    grammar: "error: while checking out baseline from commit '{sha}', failed to `git show` versions/baseline.json. … | \
              error: the baseline does not contain an entry for port {port} | error: this vcpkg instance requires a \
              manifest with a specified baseline in order to interact with ports.",
    needles: &[
        "while checking out baseline from commit",
        "the baseline does not contain an entry for port",
        "requires a manifest with a specified baseline",
    ],
    check: baseline,
    examples: &[
        ex(
            "error: while checking out baseline from commit 'b1e15efef6758eaa0beb0a8732cfa66f6a68a81d', failed to `git \
             show` versions/baseline.json. This may be fixed by fetching commits with `git fetch`.",
            Category::Unknown,
            None,
        ),
        ex(
            "error: the baseline does not contain an entry for port coin-or-ipopt",
            Category::Unknown,
            None,
        ),
    ],
}];

fn baseline(line: &Line<'_>) -> Option<Hit> {
    let text = line.text.trim_start();
    let text = text.strip_prefix("error: ").or_else(|| text.strip_prefix("Error: "))?;
    if let Some(c) = regex!(r"^while checking out baseline from commit '([0-9a-f]{7,40})'").captures(text) {
        return Some(Hit::blocker(format!(
            "vcpkg could not read its baseline at commit {}: that commit is not in the vcpkg checkout the job uses (a \
             runner image's clone is older than a newer `builtin-baseline`, or a shallow clone). Fetch that vcpkg \
             history, pin vcpkg to the baseline, or move the baseline: a person's call.",
            &c[1]
        )));
    }
    if let Some(c) = regex!(r"^the baseline does not contain an entry for port ([a-z0-9-]+)").captures(text) {
        return Some(Hit::blocker(format!(
            "vcpkg's baseline has no version of port {}: the port is newer than the manifest's baseline (or comes \
             from another registry); moving the baseline or adding an override is a person's call.",
            &c[1]
        )));
    }
    text.starts_with("this vcpkg instance requires a manifest with a specified baseline")
        .then(|| {
            Hit::blocker(
                "vcpkg needs a `builtin-baseline` in `vcpkg.json` (or a `vcpkg-configuration.json` default registry) \
                 before it installs ports; which commit is a person's call.",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::hit::Strength;

    #[test]
    fn each_baseline_refusal_is_a_blocker_naming_what_it_lacks() {
        let checkout = baseline(&Line::plain(
            "error: while checking out baseline from commit 'b1e15efef6758eaa0beb0a8732cfa66f6a68a81d', failed to \
             `git show` versions/baseline.json. This may be fixed by fetching commits with `git fetch`.",
        ))
        .expect("read");
        assert_eq!(
            (checkout.category, checkout.strength),
            (Category::Unknown, Strength::Blocker)
        );
        assert!(checkout.message.contains("b1e15efef6758eaa0beb0a8732cfa66f6a68a81d"));
        let port = baseline(&Line::plain(
            "error: the baseline does not contain an entry for port x86-simd-sort",
        ))
        .expect("read");
        assert!(port.message.contains("x86-simd-sort"));
        crate::classify::catalogue::assert_reads(
            baseline,
            &[
                "error: this vcpkg instance requires a manifest with a specified baseline in order to interact with \
               ports. Please add 'builtin-baseline' to the manifest.",
            ],
            &[
                "echo while checking out baseline from commit 'abc1234'",
                "note: the baseline does not contain an entry for port zlib",
            ],
        );
    }
}
