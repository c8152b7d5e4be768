//! Stage 2 of the pipeline, pure: what the fetched run and files mean. The logs crate finds
//! the root cause and maps it onto the workflow; the fixes crate plans a verified fix over
//! an in-memory view of the repository ([`RepoView`]). Nothing here touches the network.

pub mod repo_view;

use std::collections::BTreeMap;

use autoheal_engine::config::Config;
use autoheal_fixes::{FailureInput, Plan, plan, unified_diff};
use autoheal_logs::{Analysis, Failure, LogFile, LogInput, WorkflowFile};

pub use self::repo_view::RepoView;
use crate::client::config::RepoName;
use crate::error::{Error, Result};
use crate::fetch::files::Snapshot;
use crate::fetch::run::RunEvidence;
use crate::record::{MAX_RECORDED_FAILURES, RECORD_VERSION, Record, fingerprint};
use crate::text::neutralize_line;

/// Evidence lines kept in the record and the issue.
const MAX_EVIDENCE_LINES: usize = 20;

/// The fix for a set of failures, with the unified diff a reviewer reads.
#[derive(Debug, Clone, Default)]
pub struct FixProposal {
    pub plan: Plan,
    /// Original text of every file the plan edits.
    pub originals: BTreeMap<String, String>,
    /// Unified diffs of every edited file, concatenated.
    pub diff: String,
    /// Why the plan was thrown away although it had fixes (it was made without a file it
    /// looked for).
    pub refused: Option<String>,
}

impl FixProposal {
    pub fn is_fixable(&self) -> bool {
        self.refused.is_none() && !self.plan.fixes.is_empty() && !self.plan.files.is_empty()
    }

    /// Edited files whose content differs from the original.
    pub fn changed_files(&self) -> Vec<(String, Vec<u8>)> {
        if !self.is_fixable() {
            return Vec::new();
        }
        self.plan
            .files
            .iter()
            .filter(|(path, new)| self.originals.get(*path) != Some(*new))
            .map(|(path, new)| (path.clone(), new.as_bytes().to_vec()))
            .collect()
    }

    /// Titles and explanations of the fixes.
    pub fn fixes(&self) -> Vec<(&str, &str)> {
        self.plan
            .fixes
            .iter()
            .map(|f| (f.title.as_str(), f.explanation.as_str()))
            .collect()
    }

    pub fn titles(&self) -> Vec<&str> {
        self.plan.fixes.iter().map(|f| f.title.as_str()).collect()
    }

    /// Why there is no fix, one reason per skipped failure.
    pub fn reasons(&self) -> Vec<String> {
        let mut reasons: Vec<String> = self.refused.iter().cloned().collect();
        reasons.extend(self.plan.skipped.iter().map(|(_, r)| r.clone()));
        reasons.dedup();
        reasons
    }
}

/// What a failed run means.
#[derive(Debug, Clone)]
pub struct Diagnosis {
    /// The full analysis, for callers that print or store it.
    pub analysis: Analysis,
    /// The record of the run; `fixable` and `fix_type` say whether `proposal` has a fix.
    pub record: Record,
    /// The root cause, in a sentence.
    pub message: String,
    /// The fix against the run's own commit.
    pub proposal: FixProposal,
    /// Why the workflow file at the run's commit was not read ([`workflow_unread`]); the
    /// failure then comes from the logs alone and has no fix.
    pub workflow_unread: Option<String>,
}

impl Diagnosis {
    /// The workflow lines the root cause maps to, when the analysis placed it.
    pub fn root_lines(&self) -> Option<(u32, u32)> {
        let root = self
            .analysis
            .failures
            .iter()
            .find(|f| !f.consequence)
            .or(self.analysis.failures.first())?;
        let span = root.span.as_ref()?;
        Some((span.start.line, span.end.line))
    }
}

/// The analyzer options for a repository: its own package name (a module named like the
/// repository is the project's own) and the custom log patterns of its config.
pub fn analysis_options(base: &autoheal_logs::Options, repo: &RepoName, config: &Config) -> autoheal_logs::Options {
    let mut options = base.clone();
    options.own_packages.push(repo.name.replace('-', "_"));
    options
        .custom_patterns
        .extend(autoheal_logs::classify::custom::from_config(config));
    options
}

/// Diagnoses the run and plans the fix against the files at its commit.
pub fn diagnose(evidence: &RunEvidence, snapshot: &Snapshot, options: &autoheal_logs::Options) -> Result<Diagnosis> {
    let run = &evidence.run;
    let workflow_unread = workflow_unread(snapshot, &run.path);
    let workflow = snapshot.text(&run.path).filter(|_| workflow_unread.is_none());
    let analysis = analyze_logs(evidence, workflow, options)?;
    let root = analysis
        .failures
        .iter()
        .find(|f| !f.consequence)
        .or(analysis.failures.first());
    let inputs: Vec<FailureInput> = analysis
        .failures
        .iter()
        .filter(|f| !f.consequence)
        .take(MAX_RECORDED_FAILURES)
        .map(FailureInput::from)
        .collect();
    let proposal = match (&workflow_unread, inputs.is_empty()) {
        (None, false) => propose(snapshot, &run.path, &inputs),
        _ => FixProposal::default(),
    };
    let mut record = build_record(evidence, root, inputs, snapshot);
    record_proposal(&mut record, &proposal);
    let message = root.map(|f| f.message.clone()).unwrap_or_else(|| {
        "autoheal did not recognize the cause of this failure in the logs; see the run for details.".to_string()
    });
    Ok(Diagnosis {
        analysis,
        record,
        message,
        proposal,
        workflow_unread,
    })
}

/// Why autoheal did not read the workflow file at `path` of the snapshot, naming the file
/// and the budget: it was not fetched (absent, too large, not UTF-8) or its YAML is over a
/// budget of the reader (an alias bomb, nesting too deep: `autoheal_engine::yaml::limits`).
/// `None` when it was read.
pub fn workflow_unread(snapshot: &Snapshot, path: &str) -> Option<String> {
    let Some(text) = snapshot.text(path) else {
        let why = snapshot
            .unread
            .get(path)
            .map_or("it could not be fetched", String::as_str);
        return Some(format!("autoheal did not read the workflow file `{path}`: {why}"));
    };
    let doc = autoheal_engine::yaml::parse(text.as_bytes());
    let over = doc.over_budget()?;
    let line = autoheal_engine::LineIndex::new(text)
        .line_column(text, over.range.start)
        .line;
    Some(format!(
        "autoheal did not read the workflow file `{path}`, which is over a budget of its YAML reader at line {line}: {}",
        over.message
    ))
}

/// What the record says about a proposal: fixable, and by which fix type,
/// exactly when the proposal changes a file.
pub(crate) fn record_proposal(record: &mut Record, proposal: &FixProposal) {
    record.fixable = proposal.is_fixable();
    record.fix_type = record.fixable.then(|| record.category.clone());
}

/// Plans fixes for the recorded failures against another snapshot of the
/// repository (the default branch's): when the workflow file there is not
/// the blob the run used, byte offsets no longer point at the same place,
/// so only job and step names locate the failure.
pub fn propose_for_record(snapshot: &Snapshot, record: &Record, failures: &[FailureInput]) -> FixProposal {
    let path = &record.workflow_path;
    let mut failures = failures.to_vec();
    if record.workflow_blob_sha.as_deref() != snapshot.blob_sha(path) {
        for failure in &mut failures {
            failure.offset = None;
        }
    }
    propose(snapshot, path, &failures)
}

/// Plans fixes for `failures` in the workflow at `workflow_path` of the snapshot.
pub fn propose(snapshot: &Snapshot, workflow_path: &str, failures: &[FailureInput]) -> FixProposal {
    if let Some(why) = workflow_unread(snapshot, workflow_path) {
        return FixProposal {
            refused: Some(format!("{why}, so no fix was generated")),
            ..FixProposal::default()
        };
    }
    let Some(workflow) = snapshot.text(workflow_path) else {
        return FixProposal::default();
    };
    let view = RepoView::new(snapshot);
    let plan = plan(failures, workflow_path, workflow, &view);
    let mut originals = BTreeMap::new();
    let mut diff = String::new();
    for (path, new) in &plan.files {
        let old = snapshot.text(path).unwrap_or_default().to_string();
        if &old != new {
            diff.push_str(&unified_diff(path, &old, new));
        }
        originals.insert(path.clone(), old);
    }
    let unfetched = view.unfetched();
    let refused = (!plan.fixes.is_empty() && !unfetched.is_empty()).then(|| {
        format!(
            "the fix looked for {} in the repository, which autoheal did not read, so it was not trusted",
            unfetched
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    });
    FixProposal {
        plan,
        originals,
        diff,
        refused,
    }
}

fn analyze_logs(evidence: &RunEvidence, workflow: Option<&str>, options: &autoheal_logs::Options) -> Result<Analysis> {
    let annotation_docs: Vec<(String, Vec<u8>)> = evidence
        .annotations
        .iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(job, list)| (job.clone(), serde_json::to_vec(list).unwrap_or_default()))
        .collect();
    let input = LogInput {
        logs: evidence
            .logs
            .iter()
            .map(|log| LogFile {
                job: log.job.as_deref(),
                bytes: &log.bytes,
            })
            .collect(),
        annotations: annotation_docs
            .iter()
            .map(|(job, bytes)| LogFile { job: Some(job), bytes })
            .collect(),
        workflow: workflow.map(|text| WorkflowFile {
            path: &evidence.run.path,
            text,
        }),
        job_conclusion: evidence.run.conclusion.as_deref(),
    };
    autoheal_logs::analyze(&input, options).map_err(|e| Error::Analysis(e.to_string()))
}

fn build_record(
    evidence: &RunEvidence,
    root: Option<&Failure>,
    failures: Vec<FailureInput>,
    snapshot: &Snapshot,
) -> Record {
    let run = &evidence.run;
    let first_failed = evidence.failed_jobs().next();
    let job = root
        .and_then(|f| f.job.clone())
        .or_else(|| first_failed.map(|j| j.name.clone()))
        .unwrap_or_else(|| "unknown job".to_string());
    let category = root.map_or("unknown", |f| f.category.as_str()).to_string();
    let subject = root.and_then(|f| f.subject.clone());
    // The jobs API names the step as the workflow does; the log only knows its `Run …` title.
    let failed_step = evidence
        .jobs
        .iter()
        .find(|j| j.name == job)
        .or(first_failed)
        .and_then(|j| j.failed_step())
        .map(|s| s.name.clone())
        .or_else(|| root.and_then(|f| f.step.as_ref()).and_then(|s| s.name.clone()));
    let evidence_lines = root
        .map(|f| {
            f.evidence
                .iter()
                .take(MAX_EVIDENCE_LINES)
                .map(|e| neutralize_line(&e.text, 300))
                .collect()
        })
        .unwrap_or_default();
    Record {
        version: RECORD_VERSION,
        fingerprint: fingerprint(&run.path, &job, &category, subject.as_deref()),
        workflow_path: run.path.clone(),
        job,
        fix_type: None,
        category,
        subject,
        run_id: run.id,
        run_attempt: run.attempt(),
        head_sha: run.head_sha.clone(),
        fixable: false,
        workflow_name: run
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| run.path.clone()),
        workflow_blob_sha: snapshot.blob_sha(&run.path).map(str::to_string),
        run_url: run.html_url.clone(),
        head_branch: run.head_branch.clone(),
        failed_step,
        evidence: evidence_lines,
        failures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATH: &str = ".github/workflows/ci.yml";

    fn with_workflow(text: &str) -> Snapshot {
        Snapshot {
            files: [(PATH.to_string(), text.to_string())].into(),
            ..Snapshot::default()
        }
    }

    #[test]
    fn a_workflow_over_a_budget_or_not_fetched_is_named_with_the_budget() {
        assert_eq!(workflow_unread(&with_workflow("on: push\njobs: {}\n"), PATH), None);
        let deep = format!("on: push\nx:\n  {}y\n", "- ".repeat(300));
        let why = workflow_unread(&with_workflow(&deep), PATH).expect("over the depth budget");
        assert!(
            why.starts_with(&format!("autoheal did not read the workflow file `{PATH}`"))
                && why.contains("at line 3: YAML nested 257 levels deep"),
            "{why}"
        );
        let fixes = propose(&with_workflow(&deep), PATH, &[]);
        assert_eq!(fixes.refused, Some(format!("{why}, so no fix was generated")));
        let too_big = Snapshot {
            unread: [(PATH.to_string(), "it is larger than 1 MiB".to_string())].into(),
            ..Snapshot::default()
        };
        assert_eq!(
            workflow_unread(&too_big, PATH).as_deref(),
            Some("autoheal did not read the workflow file `.github/workflows/ci.yml`: it is larger than 1 MiB")
        );
    }
}
