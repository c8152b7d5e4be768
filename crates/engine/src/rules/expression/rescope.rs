//! Which jobs a verification re-lint must check again for the expression
//! rule, when the edits touch only some jobs' own keys.
//!
//! A patched re-lint skips a rule whose reads ([`super::RULE`]'s
//! `reads`) the edits do not touch: its findings are those before, moved.
//! The same holds job by job for this rule. Its findings in a job depend on
//! the workflow-level keys (`on:`'s inputs, `env:`), the job's own subtree,
//! and, of other jobs, only which jobs there are and their `needs:`,
//! `uses:` and `outputs:` (`needs.<id>.outputs`, `on.workflow_call.outputs`);
//! its workflow-level findings depend on the same. So when every touched
//! path it reads lies inside a job and is none of those three keys, only
//! the jobs holding them can find anything new: the re-lint checks those
//! ([`super::walk::jobs`]), and the caller adds the errors before outside
//! them, moved ([`outside_jobs`]): verification counts a fix's errors by
//! message against the whole file's before, so an error a fix creates in
//! its job with the message of one in another job is new only if that
//! other one is counted too. A changed or new `uses:` of a step
//! counts only in a job with a step `id:`: the rule reads a step's action
//! only to type `steps.<id>.outputs`. Fixes of this rule's own are verified
//! on the whole file (the caller checks). Debug builds compare every scoped
//! re-lint with the whole one ([`mismatch`]).

use crate::diagnostic::Edit;
#[cfg(any(test, debug_assertions))]
use crate::lint::LintOptions;
use crate::model::Workflow;
use crate::rules::ReadPaths;
use crate::text::TextRange;
use crate::yaml::patch::{Segment, Touched, overlaps};
use crate::yaml::{Document, Node};

/// The ids of the jobs whose findings edits that touched `touched` can
/// change, or `None` when they can change findings outside their jobs
/// (a touched path read outside `jobs.<id>.<key>`, or at a `needs:`,
/// `uses:` or `outputs:` of a job, or a new job). `doc` is the edited tree.
pub(crate) fn jobs_to_recheck(touched: &Touched, doc: &Document) -> Option<Vec<String>> {
    let ReadPaths::Paths { paths, .. } = super::RULE.reads else {
        return None;
    };
    let mut jobs: Vec<String> = Vec::new();
    for path in &touched.paths {
        // A touched `${{` is not tied to a path: every touched path may
        // hold it.
        if !touched.expressions && !paths.iter().any(|p| overlaps(p, path)) {
            continue;
        }
        match path.as_slice() {
            [
                Segment::Key(top),
                Segment::Key(id),
                Segment::Key(steps),
                Segment::Item,
                Segment::Key(uses),
            ] if top == "jobs"
                && steps == "steps"
                && uses == "uses"
                && !touched.expressions
                && !has_step_ids(doc, id) => {}
            [Segment::Key(top), Segment::Key(id), Segment::Key(key), ..]
                if top == "jobs" && !matches!(key.as_str(), "needs" | "uses" | "outputs") =>
            {
                if !jobs.contains(id) {
                    jobs.push(id.clone());
                }
            }
            _ => return None,
        }
    }
    Some(jobs)
}

/// Whether a step of job `id` of `doc` (not inside a `parallel:` group, whose
/// steps' `uses:` are other paths) has an `id:`; when the job is not found,
/// true.
fn has_step_ids(doc: &Document, id: &str) -> bool {
    let steps = doc
        .root
        .as_ref()
        .and_then(|root| root.get("jobs"))
        .and_then(|jobs| jobs.get(id))
        .map(|job| job.get("steps").and_then(Node::as_sequence));
    match steps {
        Some(Some(steps)) => steps.iter().any(|s| s.get("id").is_some()),
        Some(None) => false,
        None => true,
    }
}

/// Of this rule's `errors` before `edits`, those outside the jobs `jobs` of
/// the edited tree `edited`, at their places after the edits (none of which
/// falls inside one of them): what a re-lint checking only `jobs` leaves
/// out of the whole re-lint's errors.
pub(crate) fn outside_jobs<T>(
    errors: impl IntoIterator<Item = (T, TextRange)>,
    edited: &Document,
    edits: &[&Edit],
    jobs: &[String],
) -> Vec<(T, TextRange)> {
    let spans: Vec<TextRange> = edited
        .root
        .as_ref()
        .map(|root| {
            Workflow::new(root)
                .jobs
                .iter()
                .filter(|j| jobs.iter().any(|id| id == j.id))
                .map(|j| j.entry.value.span)
                .collect()
        })
        .unwrap_or_default();
    let inside = |r: TextRange| spans.iter().any(|s| s.start <= r.start && r.end <= s.end);
    errors
        .into_iter()
        .map(|(e, r)| (e, crate::edit::moved_past(edits, r)))
        .filter(|(_, r)| !inside(*r))
        .collect()
}

/// How a re-lint of `text` (`source` with `edits`) checking only `jobs`
/// for this rule, completed by the errors before outside them (moved),
/// differs from a re-lint of the whole file; `None` when it does not.
#[cfg(any(test, debug_assertions))]
pub(crate) fn mismatch(
    path: &str,
    source: &str,
    text: &str,
    edits: &[&Edit],
    opts: &LintOptions<'_>,
    jobs: &[String],
) -> Option<String> {
    let rules: &[&crate::rules::Rule] = &[&super::RULE];
    let errors = |text: &str, doc: &crate::yaml::Document, jobs: Option<&[String]>| {
        crate::rules::relint_errors(
            path,
            text,
            doc,
            opts,
            rules,
            crate::rules::RelintScope { jobs, places: None },
        )
    };
    let edited = crate::yaml::parse(text.as_bytes());
    let original = crate::yaml::parse(source.as_bytes());
    let mut expected = errors(text, &edited, Some(jobs));
    expected.extend(outside_jobs(errors(source, &original, None), &edited, edits, jobs));
    let mut whole = errors(text, &edited, None);
    expected.sort();
    whole.sort();
    (expected != whole).then(|| {
        format!("the expression rule scoped to jobs {jobs:?} for edits {edits:?} finds {expected:?}, the whole re-lint {whole:?}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::yaml;

    fn key(k: &str) -> Segment {
        Segment::Key(k.to_string())
    }

    fn touched(paths: &[&[&str]], expressions: bool) -> Touched {
        Touched {
            paths: paths
                .iter()
                .map(|p| {
                    p.iter()
                        .map(|k| if *k == "-" { Segment::Item } else { key(k) })
                        .collect()
                })
                .collect(),
            expressions,
            plain_scalars: Vec::new(),
        }
    }

    /// Paths inside jobs scope the re-lint to their jobs; paths the rule
    /// does not read are left out, and so is a step's action in a job
    /// without step ids; anything that other jobs or the workflow level
    /// read makes it whole.
    #[test]
    fn only_paths_inside_jobs_scope_the_relint() {
        let doc = yaml::parse(
            b"on: push\njobs:\n  build:\n    steps:\n      - id: co\n        uses: actions/checkout@v5\n  test:\n    steps:\n      - uses: actions/checkout@v5\n",
        );
        let build_uses: &[&str] = &["jobs", "build", "steps", "-", "uses"];
        let test_uses: &[&str] = &["jobs", "test", "steps", "-", "uses"];
        let test_if: &[&str] = &["jobs", "test", "steps", "-", "if"];
        let timeout: &[&str] = &["jobs", "test", "timeout-minutes"];
        let jobs = |paths: &[&[&str]], expressions: bool| jobs_to_recheck(&touched(paths, expressions), &doc);
        let ids = |ids: &[&str]| Some(ids.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(jobs(&[build_uses, test_uses, timeout], false), ids(&["build"]));
        assert_eq!(jobs(&[test_uses, test_if], false), ids(&["test"]));
        // A `${{` may be in any of them.
        assert_eq!(jobs(&[build_uses, test_uses, timeout], true), ids(&["build", "test"]));
        for whole in [
            &["jobs", "build", "outputs", "x"][..],
            &["jobs", "build", "needs"],
            &["jobs", "build", "uses"],
            &["jobs", "deploy"],
            &["on", "workflow_call"],
        ] {
            assert_eq!(jobs(&[build_uses, whole], false), None, "{whole:?}");
        }
        // Read by nothing of this rule: no job to check.
        assert_eq!(jobs(&[&["permissions", "contents"], test_uses], false), ids(&[]));
    }

    /// Every rule fixture, edited everywhere the patch applies with entries
    /// and words the rule reads (step ids, conditions, actions, a job's
    /// outputs and needs, a changed word of any scalar): wherever the re-lint is scoped, it finds with
    /// the errors before outside the scoped jobs exactly what the whole
    /// re-lint finds.
    #[test]
    fn a_scoped_relint_finds_what_the_whole_one_finds() {
        let config = Config::default();
        let opts = LintOptions {
            verify_fixes: false,
            ..LintOptions::new(&config)
        };
        let path = ".github/workflows/f.yml";
        let (mut scoped, mut unchecked) = (0usize, 0usize);
        for (file, source, doc, errors) in crate::rules::test_support::clean_workflow_fixtures(path, &opts) {
            let edits = crate::rules::test_support::sweep_edits(
                &source,
                &doc,
                &[
                    "if: false",
                    "id: a",
                    "id: 1x",
                    "if: ${{ steps.a.outputs.b }}",
                    "uses: actions/checkout@v4",
                    "strategy: x",
                    "outputs: x",
                    "needs: a",
                ],
                &[
                    "if: false",
                    "id: a",
                    "uses: actions/checkout@v4",
                    "outputs: {}",
                    "needs: a",
                ],
            );
            for edit in &edits {
                let refs = [edit];
                let text = crate::fix::apply_edits("f.yml", &source, &refs).expect("edits apply");
                let Some((patched, touched)) = yaml::patch::apply_touched(&source, &doc, &refs, &text) else {
                    continue;
                };
                if errors
                    .iter()
                    .any(|r| edit.range.start <= r.end && r.start <= edit.range.end)
                {
                    continue;
                }
                let Some(jobs) = jobs_to_recheck(&touched, &patched) else {
                    continue;
                };
                scoped += 1;
                unchecked += usize::from(jobs.is_empty());
                if let Some(m) = mismatch(path, &source, &text, &refs, &opts, &jobs) {
                    panic!("{}: {m}", file.display());
                }
            }
        }
        eprintln!("{scoped} scoped re-lints compared, {unchecked} of them checking no job");
        assert!(
            scoped > 500 && unchecked > 100,
            "{scoped} scoped re-lints, {unchecked} checking no job"
        );
    }
}
