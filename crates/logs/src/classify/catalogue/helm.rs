//! Helm.
//!
//! Sources: Helm 3's `LocateChart` (`pkg/action/install.go`), which answers a
//! chart path that is not there with `path "{path}" not found` (the CLI prints
//! errors as `Error: {message}`), and the release actions' wrapped errors
//! (`INSTALLATION FAILED: {reason}`, `UPGRADE FAILED: {reason}`, `ROLLBACK
//! FAILED`, `UNINSTALLATION FAILED`, `cmd/helm`). `--wait`'s `timed out waiting
//! for the condition` is Helm's own `--timeout`, not the job's time limit.
//! `helm push` (`pkg/pusher/ocipusher.go`) takes only a chart archive (a
//! directory is `cannot push directory, must provide chart archive (.tgz)`)
//! and answers a path that is not there with `{path}: no such file`. The
//! archive is `helm package`'s output, named `{chart}-{version}.tgz` after
//! Chart.yaml's version: a missing one did not move, the step that names it
//! (a tag's `v`, another version) or the packaging is the person's to fix.

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
        id: "helm/push-archive-not-found",
        grammar: "Error: {path}: no such file (helm push)",
        needles: &[": no such file"],
        check: push_archive_not_found,
        examples: &[ex(
            "Error: dist/ledger-api-v0.9.2.tgz: no such file",
            Category::FileNotFound,
            Some("dist/ledger-api-v0.9.2.tgz"),
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

/// `helm push`'s missing chart archive: shown, never fixed (the archive is
/// the run's output; see the module documentation).
fn push_archive_not_found(line: &Line<'_>) -> Option<Hit> {
    let c = regex!(r"^(?:Error: )?(\S+\.tgz): no such file$").captures(line.text.trim())?;
    let hit = path_hit(
        &c[1],
        0.7,
        "helm push was given a chart archive that does not exist: `helm package` names it {chart}-{version}.tgz after \
         Chart.yaml's version, so the step's name for it (a tag with its `v`, another version) or the packaging is \
         what to check (a manual fix).",
    );
    Some(hit.fixable(false))
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
            push_archive_not_found,
            &[
                "Error: charts-dist/app-1.4.0.tgz: no such file",
                "dist/ledger-api-v0.9.2.tgz: no such file",
            ],
            &[
                // Not an archive (helm push refuses a directory first), or
                // another program's wording.
                "Error: charts/app: no such file",
                "Error: open dist/app-1.0.0.tgz: no such file or directory",
                "cat: dist/app-1.0.0.tgz: No such file or directory",
            ],
        );
        let hit =
            push_archive_not_found(&Line::plain("Error: dist/ledger-api-v0.9.2.tgz: no such file")).expect("read");
        assert_eq!(
            (hit.category, hit.subject.as_deref(), hit.fixable),
            (Category::FileNotFound, Some("dist/ledger-api-v0.9.2.tgz"), false)
        );
        assert_reads(
            chart_path_not_found,
            &["Error: path \"deploy/web\" not found"],
            &["Error: path \"deploy/web\" not found in index"],
        );
    }
}
