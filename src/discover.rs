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
/// `action.{yml,yaml}` under `.github/`.
pub fn repo_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let workflows = root.join(".github").join("workflows");
    if let Ok(entries) = std::fs::read_dir(&workflows) {
        let mut v: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file() && is_yaml(p))
            .collect();
        v.sort();
        out.extend(v);
    }
    let mut actions = Vec::new();
    walk(&root.join(".github"), &mut |p| {
        if is_action_file(p) {
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

fn walk(dir: &Path, f: &mut dyn FnMut(&Path)) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.filter_map(|e| e.ok()) {
        let p = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            let name = e.file_name();
            if name == "node_modules" || name == ".git" || name == "target" {
                continue;
            }
            walk(&p, f);
        } else if ft.is_file() {
            f(&p);
        }
    }
}
