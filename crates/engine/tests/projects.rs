//! Multi-file projects: every folder of `tests/projects/` is a small
//! repository (workflows, local actions anywhere, local reusable workflows),
//! written for the differential test against actionlint
//! (`cargo xtask eval diff-actionlint`, which shows where the two tools
//! disagree; `verdicts.txt` in a project records who is right). Here every
//! workflow and action metadata file of each project is linted with the
//! project as its repository view, and every finding of error or warning
//! severity (of the security audits, only the two actionlint also has:
//! hard-coded credentials and template injection) is compared with the
//! reviewed snapshot
//! `tests/snapshots/projects__<project>.snap`, so a change in what autoheal
//! says about them fails until it is reviewed
//! (`cargo insta test -p autoheal-engine --test projects`).

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use autoheal_engine::actionlint_config::{ACTIONLINT_CONFIG_PATHS, ActionlintConfig};
use autoheal_engine::config::Config;
use autoheal_engine::lint::{LintOptions, lint};
use autoheal_engine::repo::MemoryRepo;
use autoheal_engine::text::LineIndex;
use autoheal_engine::{Diagnostic, Severity};

/// Security audits with an actionlint counterpart (`credentials`, and the
/// untrusted inputs of its `expression` check); the other audits report on
/// nearly every file here and have their own tests.
const COMPARED_AUDITS: &[&str] = &["hardcoded-container-credentials", "template-injection"];

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn is_linted(rel: &str) -> bool {
    let yaml = rel.ends_with(".yml") || rel.ends_with(".yaml");
    let action = rel.ends_with("/action.yml") || rel.ends_with("/action.yaml");
    (yaml && rel.starts_with(".github/workflows/")) || action
}

/// The findings of one project: `file:line:column severity code: message`,
/// by file and position.
fn lint_project(dir: &Path) -> String {
    let mut paths = Vec::new();
    files_under(dir, &mut paths);
    let files: Vec<(String, String)> = paths
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n != "verdicts.txt"))
        .map(|p| {
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    let repo = MemoryRepo::new(files.clone());
    // The project's actionlint config adds its facts, as `autoheal check` reads it.
    let mut config = Config::default();
    if let Some((path, text)) = files
        .iter()
        .find(|(rel, _)| ACTIONLINT_CONFIG_PATHS.contains(&rel.as_str()))
    {
        ActionlintConfig::parse(path, text.as_bytes()).0.apply_to(&mut config);
    }
    let mut out = String::new();
    let mut linted: Vec<&(String, String)> = files.iter().filter(|(rel, _)| is_linted(rel)).collect();
    linted.sort();
    for (rel, text) in linted {
        let opts = LintOptions {
            repo: &repo,
            ..LintOptions::new(&config)
        };
        let idx = LineIndex::new(text);
        let mut diagnostics: Vec<Diagnostic> = lint(rel, text.as_bytes(), &opts)
            .into_iter()
            .filter(|d| d.severity >= Severity::Warning)
            .filter(|d| d.audit_severity.is_none() || COMPARED_AUDITS.contains(&d.rule))
            .collect();
        diagnostics.sort_by_key(|d| (d.range.start, d.code));
        for d in diagnostics {
            let at = idx.line_column(text, d.range.start);
            writeln!(
                out,
                "{rel}:{}:{} {} {}: {}",
                at.line,
                at.column,
                d.severity.as_str(),
                d.code,
                d.message
            )
            .unwrap();
        }
    }
    if out.is_empty() {
        out.push_str("(no findings)\n");
    }
    common::redact_data_date(&out)
}

/// Every snapshot of this crate (the rule fixtures' too) is redacted.
#[test]
fn no_snapshot_holds_the_runtime_datas_date() {
    assert_eq!(
        common::redact_data_date("x (as of 2026-12-06), y (as of soon)"),
        "x (as of [date]), y (as of soon)"
    );
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        assert_eq!(common::redact_data_date(&text), text, "{}", e.path().display());
    }
}

#[test]
fn projects() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/projects");
    let mut projects: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join(".github/workflows").is_dir())
        .collect();
    projects.sort();
    assert!(
        projects.len() >= 25,
        "expected the differential projects under {}",
        root.display()
    );
    for project in projects {
        let name = project.file_name().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(name, lint_project(&project));
    }
}
