//! Several failures of one run, fixed together: their fixes merge when they
//! touch different bytes, and a conflict is reported rather than guessed.

use autoheal_engine::Fix;
use autoheal_engine::fix::apply_fixes;
use autoheal_engine::repo::RepoFiles;

use crate::{FailureInput, Files, fixes_for};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// The fixes taken (the first verified fix of each failure that merges).
    pub fixes: Vec<Fix>,
    /// The edited files: path → new text.
    pub files: Files,
    /// Failures no fix was taken for, with the reason (manual fix needed,
    /// or a conflict with an earlier fix).
    pub skipped: Vec<(usize, String)>,
}

/// Fix each failure (root cause first, as diagnose orders them) and merge.
/// Fallback fixes ([`Fix::fallback`]) are never taken: a plan is what
/// `autoheal fix` and the heal loop apply without a person choosing.
pub fn plan(failures: &[FailureInput], workflow_path: &str, workflow_source: &str, repo: &dyn RepoFiles) -> Plan {
    let mut originals = Files::new();
    originals.insert(workflow_path.to_string(), workflow_source.to_string());
    let mut plan = Plan::default();
    for (i, failure) in failures.iter().enumerate() {
        let outcome = fixes_for(failure, workflow_path, workflow_source, repo);
        let fallback = outcome.fixes.iter().find(|f| f.fallback).map(|f| f.title.clone());
        let Some(fix) = outcome.fixes.into_iter().find(|f| !f.fallback) else {
            let reason = match fallback {
                Some(title) => format!(
                    "only a fallback fix exists (\"{title}\"), which hides the failure instead of repairing it; it is never \
                     applied automatically (see `autoheal diagnose` to apply it by hand)"
                ),
                None => outcome.manual_reason.unwrap_or_else(|| "no fix".into()),
            };
            plan.skipped.push((i, reason));
            continue;
        };
        if plan.fixes.contains(&fix) {
            continue;
        }
        for e in &fix.edits {
            if !originals.contains_key(&e.path) {
                if let Some(t) = repo.read(&e.path) {
                    originals.insert(e.path.clone(), t.into_owned());
                }
            }
        }
        let mut trial = plan.fixes.clone();
        trial.push(fix.clone());
        match apply_fixes(&originals, trial.iter()) {
            Ok(files) => {
                plan.fixes = trial;
                plan.files = files;
            }
            Err(e) => plan
                .skipped
                .push((i, format!("\"{}\" conflicts with an earlier fix: {e}", fix.title))),
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Category;
    use crate::test_support::PATH;
    use autoheal_engine::repo::NoRepo;

    const SRC: &str = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 20\n    steps:\n      - run: make test\n  arm:\n    runs-on: ubuntu-24.04-arm\n    steps:\n      - run: make test\n";

    fn timeout(job: &str, limit: u32) -> FailureInput {
        let mut f = FailureInput::new(Category::Timeout, None).in_job(job);
        f.timeout_minutes = Some(limit);
        f
    }

    #[test]
    fn fixes_to_different_jobs_merge() {
        let failures = [
            timeout("test", 20),
            FailureInput::new(Category::OptionalJob, None).in_job("arm"),
        ];
        let p = plan(&failures, PATH, SRC, &NoRepo);
        assert_eq!(p.fixes.len(), 2, "{:?}", p.skipped);
        let out = &p.files[PATH];
        assert!(
            out.contains("    timeout-minutes: 40\n")
                && out.contains("    runs-on: ubuntu-24.04-arm\n    continue-on-error: true\n"),
            "{out}"
        );
    }

    #[test]
    fn conflicting_fixes_are_reported_and_duplicates_dropped() {
        let failures = [timeout("test", 20), timeout("test", 20), timeout("test", 25)];
        let p = plan(&failures, PATH, SRC, &NoRepo);
        assert_eq!(p.fixes.len(), 1);
        assert_eq!(p.skipped.len(), 1);
        assert!(p.skipped[0].1.contains("conflicts"), "{:?}", p.skipped);
        assert!(p.files[PATH].contains("timeout-minutes: 40"));
    }
}
