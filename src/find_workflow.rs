//! Which workflow file a log belongs to, when `--workflow` is not given:
//! the file GitHub names (`Invalid workflow file: .github/workflows/x.yml#L7`,
//! `::error file=…`, also an `action.yml`), else the only workflow of the
//! repository that defines a job the log names. `diagnose` and `fix` share it.

use std::path::{Path, PathBuf};

use autoheal_logs::Analysis;
use autoheal_logs::subject::workspace_path;

use crate::discover;
use crate::logs_input::repo_relative;

/// A workflow (or action metadata) file found for the log, and why.
pub struct Found {
    pub path: PathBuf,
    pub reason: String,
}

pub fn find(analysis: &Analysis, root: &Path) -> Option<Found> {
    if let Some((named, line)) = analysis.workflow_reference() {
        // The name comes from the log: only a plain path inside the root.
        if let Some(rel) = workspace_path(named) {
            let path = root.join(&rel);
            if path.is_file() && discover::is_yaml(&path) {
                let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
                return Some(Found {
                    path,
                    reason: format!("the log names {rel}{at}"),
                });
            }
        }
    }
    let candidates: Vec<(String, String)> = discover::repo_files(root)
        .into_iter()
        .filter(|p| p.parent().and_then(|d| d.file_name()) == Some("workflows".as_ref()))
        .filter_map(|p| {
            let text = crate::files::read_regular(&p, crate::check::READ_LIMIT).ok()?;
            Some((repo_relative(&p, Some(root)), String::from_utf8(text).ok()?))
        })
        .collect();
    let (i, reason) = autoheal_logs::mapping::locate_workflow(analysis, &candidates)?;
    Some(Found {
        path: root.join(&candidates[i].0),
        reason,
    })
}
