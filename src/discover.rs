//! Which files `check` lints when given a directory or nothing at all.

use std::path::{Path, PathBuf};

/// Walk up from `start` to the directory holding `.git` or `.github`.
pub fn repo_root(start: &Path) -> Option<PathBuf> {
    let mut dir = start.canonicalize().ok()?;
    loop {
        if dir.join(".git").exists() || dir.join(".github").is_dir() {
            return Some(dir);
        }
        if !dir.pop() {
            return None;
        }
    }
}

pub fn is_yaml(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("yml" | "yaml"))
}

fn is_action_file(path: &Path) -> bool {
    matches!(
        path.file_name().and_then(|n| n.to_str()),
        Some("action.yml" | "action.yaml")
    )
}

/// The files of a repository: `.github/workflows/*.{yml,yaml}` plus every
/// `action.{yml,yaml}` anywhere in it, outside tool directories and outside
/// nested projects (a directory below the root with its own `.git` or
/// `.github`: a submodule, a vendored repository, a test fixture laid out
/// as a repository). A nested project's actions are its own: `uses: ./x`
/// in it resolves against its root, and its fixtures may be broken on
/// purpose. Name such a directory to lint it as the repository it is.
pub fn repo_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let workflows = root.join(".github").join("workflows");
    if let Ok(entries) = std::fs::read_dir(&workflows) {
        let mut v: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            // Not only regular files: `check` reports the unreadable ones
            // and skips FIFOs and devices with a notice.
            .filter(|p| is_yaml(p) && !p.is_dir())
            .collect();
        v.sort();
        out.extend(v);
    }
    // Every action of the repository, wherever it lives (a root
    // `action.yml`, `actions/<name>/action.yml`, `.github/actions/...`);
    // the workflows directory holds workflows only.
    let mut actions = Vec::new();
    walk_project(root, &mut |p| {
        if is_action_file(p) && !p.starts_with(&workflows) {
            actions.push(p.to_path_buf());
        }
    });
    actions.sort();
    out.extend(actions);
    out
}

/// Files to lint under a directory the user named: its repository layout
/// when it has one, else every YAML file below it.
pub fn dir_files(dir: &Path) -> Vec<PathBuf> {
    if dir.join(".github").is_dir() {
        return repo_files(dir);
    }
    let mut out = Vec::new();
    walk(dir, &mut |p| {
        if is_yaml(p) {
            out.push(p.to_path_buf());
        }
    });
    out.sort();
    out
}

/// The error for a directory (or the repository, without paths) with
/// nothing to lint: what was looked for, and what to pass instead.
pub fn nothing_to_check(dir: &Path, cwd: &Path) -> String {
    let shown = crate::check::display_path(dir, cwd);
    let shown = if shown.is_empty() { ".".to_string() } else { shown };
    if dir.join(".github").is_dir() {
        format!(
            "no workflow files in {shown}/.github/workflows (*.yml, *.yaml) and no action.yml under {shown}; \
             add a workflow there, or pass the files to check"
        )
    } else {
        format!(
            "no YAML files under {shown}; pass a repository root (the directory holding .github/), \
             a workflow or action.yml file, or `-` to read stdin"
        )
    }
}

/// Every non-directory entry under `dir`, with an explicit stack: a
/// repository can nest directories as deep as paths allow.
fn walk(dir: &Path, f: &mut dyn FnMut(&Path)) {
    walk_where(dir, &|_| true, f)
}

/// [`walk`], without descending into nested projects (see [`repo_files`]).
fn walk_project(root: &Path, f: &mut dyn FnMut(&Path)) {
    walk_where(root, &|d| !(d.join(".git").exists() || d.join(".github").is_dir()), f)
}

fn walk_where(dir: &Path, enter: &dyn Fn(&Path) -> bool, f: &mut dyn FnMut(&Path)) {
    let mut todo = vec![dir.to_path_buf()];
    while let Some(dir) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.filter_map(|e| e.ok()) {
            let p = e.path();
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                let name = e.file_name();
                let tool_dir = name
                    .to_str()
                    .is_some_and(|n| autoheal_fs_repo::SKIPPED_DIRS.contains(&n));
                if !tool_dir && enter(&p) {
                    todo.push(p);
                }
            } else {
                // Files, links and special files alike; readers decide.
                f(&p);
            }
        }
    }
}
