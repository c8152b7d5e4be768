//! Filling an [`Analysis`]'s `fixes` from the fix generators, so
//! `diagnose --format json`, `fix` and the heal loop share one path.

use autoheal_engine::repo::RepoFiles;
use autoheal_logs::Analysis;

use crate::{FailureInput, FixOutcome, fixes_for};

/// Generate verified fixes for every failure of `analysis` against the
/// workflow `(path, text)`, store them as JSON in each failure's `fixes`,
/// and return the outcomes (with the reason when a human must fix it), in
/// failure order.
pub fn attach_fixes(
    analysis: &mut Analysis,
    workflow_path: &str,
    workflow_text: &str,
    repo: &dyn RepoFiles,
) -> Vec<FixOutcome> {
    let text_of = |p: &str| {
        if p == workflow_path {
            Some(workflow_text.to_string())
        } else {
            repo.read(p).map(|t| t.into_owned())
        }
    };
    analysis
        .failures
        .iter_mut()
        .map(|failure| {
            let outcome = fixes_for(&FailureInput::from(&*failure), workflow_path, workflow_text, repo);
            failure.fixes = outcome
                .fixes
                .iter()
                .map(|f| autoheal_engine::json::fix_json(f, &text_of))
                .collect();
            outcome
        })
        .collect()
}
