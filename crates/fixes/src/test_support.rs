//! Helpers for the golden tests beside each fix.

use autoheal_engine::fix::apply_fixes;
use autoheal_engine::repo::{MemoryRepo, NoRepo, RepoFiles};

use crate::{FailureInput, Files, FixOutcome, fixes_for};

pub const PATH: &str = ".github/workflows/ci.yml";

pub fn outcome(f: &FailureInput, src: &str) -> FixOutcome {
    fixes_for(f, PATH, src, &NoRepo)
}

/// Apply the first verified fix; panic with the reason when there is none.
pub fn apply_only(f: &FailureInput, src: &str) -> String {
    apply_with_repo(f, src, &NoRepo).remove(PATH).expect("workflow changed")
}

pub fn apply_with_repo(f: &FailureInput, src: &str, repo: &dyn RepoFiles) -> Files {
    let out = fixes_for(f, PATH, src, repo);
    let fix = out
        .fixes
        .first()
        .unwrap_or_else(|| panic!("no fix: {:?}", out.manual_reason));
    assert!(!fix.explanation.is_empty(), "every fix explains itself");
    let mut files = Files::new();
    files.insert(PATH.to_string(), src.to_string());
    for e in &fix.edits {
        if let Some(t) = repo.read(&e.path) {
            files.entry(e.path.clone()).or_insert_with(|| t.into_owned());
        }
    }
    let changed = apply_fixes(&files, [fix]).expect("fix applies");
    let mut all = files;
    all.extend(changed);
    all
}

pub fn manual_reason(f: &FailureInput, src: &str) -> String {
    let out = outcome(f, src);
    assert!(out.fixes.is_empty(), "expected no fix, got {:?}", out.fixes);
    out.manual_reason.expect("a reason")
}

pub fn repo(files: &[(&str, &str)]) -> MemoryRepo {
    MemoryRepo::new(files.iter().map(|(p, t)| (p.to_string(), t.to_string())))
}

/// Subjects crafted to inject shell or expressions: none may produce a fix.
pub use autoheal_logs::subject::HOSTILE_SUBJECTS as HOSTILE;
