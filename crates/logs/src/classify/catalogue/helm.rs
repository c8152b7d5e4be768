//! Helm.
//!
//! Sources: Helm 3's `LocateChart` (`pkg/action/install.go`), which answers a
//! chart path that is not there with `path "{path}" not found` (the CLI prints
//! errors as `Error: {message}`), and the release actions' wrapped errors
//! (`INSTALLATION FAILED: {reason}`, `UPGRADE FAILED: {reason}`, `ROLLBACK
//! FAILED`, `UNINSTALLATION FAILED`, `cmd/helm`). `--wait`'s `timed out waiting
//! for the condition` is Helm's own `--timeout`, not the job's time limit.

use super::util::{path_hit, regex};
use super::{Entry, ex};
use crate::classify::hit::{Hit, Line};
use crate::report::Category;

pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "helm/chart-path-not-found",
        grammar: "Error: path \"{path}\" not found",
        needles: &["Error: path \""],
        check: chart_path_not_found,
        examples: &[ex(
            "Error: path \"./charts/api\" not found",
            Category::FileNotFound,
            Some("charts/api"),
        )],
    },
    Entry {
        id: "helm/release-failed",
        grammar: "Error: {INSTALLATION|UPGRADE|ROLLBACK|UNINSTALLATION} FAILED: {reason}",
        needles: &[" FAILED: "],
        check: release_failed,
        examples: &[ex(
            "Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress",
            Category::Unknown,
            None,
        )],
    },
];

fn chart_path_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r#"^Error: path "([^"]+)" not found$"#).captures(line.text.trim())?;
    Some(path_hit(&c[1], 0.7, "Helm was given a chart path that does not exist."))
}

fn release_failed(line: &Line<'_>) -> Option<Hit> {
    let c =
        regex!(r"^Error: (?:INSTALLATION|UPGRADE|ROLLBACK|UNINSTALLATION) FAILED: (.+)$").captures(line.text.trim())?;
    Some(Hit::blocker(if c[1].contains("timed out waiting for the condition") {
        "Helm's release did not become ready within Helm's own --timeout (the workloads' readiness, not the job's \
         time limit)."
    } else {
        "Helm could not install or upgrade the release (its reason follows on the same line)."
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::catalogue::assert_reads;

    #[test]
    fn helm_forms_only() {
        assert_reads(
            release_failed,
            &["Error: INSTALLATION FAILED: timed out waiting for the condition"],
            &["BUILD FAILED: see above", "Error: INSTALL FAILED: x"],
        );
        assert_reads(
            chart_path_not_found,
            &["Error: path \"deploy/web\" not found"],
            &["Error: path \"deploy/web\" not found in index"],
        );
    }
}
