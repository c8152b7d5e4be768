//! `autoheal report`: turn a failed run into an issue (or a comment on the open issue that
//! already tracks the same failure).

use std::sync::Arc;

use autoheal_engine::config::{Config, DEFAULT_CONFIG_PATH};
use autoheal_fixes::FailureInput;
use autoheal_logs::{Analysis, Failure, LogFile, LogInput, WorkflowFile};
use chrono::{DateTime, Utc};

use crate::api::IssueFilter;
use crate::client::GitHub;
use crate::config::RepoName;
use crate::dedupe::find_duplicate;
use crate::issue_text::{AnalysisRecord, fingerprint, issue_title, neutralize_line};
use crate::learning::{demotion, demotion_note};
use crate::loop_error::{LoopError, LoopResult};
use crate::loop_fetch::{RunEvidence, fetch_run, is_failed};
use crate::loop_progress::{Progress, silent};
use crate::loop_record::{HealRecord, MAX_RECORDED_FAILURES, encode_record};
use crate::loop_repo::{FixProposal, propose_fix};
use crate::loop_text::{
    LABEL_AUTO_HEAL, LABEL_NEEDS_MANUAL_FIX, LABEL_WORKFLOW_FAILURE, ProposalText, fenced, issue_body, repeat_comment,
};
use crate::models::{Issue, Label};
use crate::rollback::{Rollback, is_heal_branch, rollback_branch};

/// Evidence lines kept in the record and the issue.
const MAX_EVIDENCE_LINES: usize = 20;

/// How `report` runs. Extend with new fields; [`Default`] keeps callers compiling.
#[derive(Clone)]
pub struct ReportOptions {
    pub progress: Arc<dyn Progress>,
    /// "Now" for the 24-hour duplicate window; the system clock when `None`.
    pub now: Option<DateTime<Utc>>,
    /// Log analysis options; custom patterns from `.github/autoheal.yml` at the run's commit
    /// are added when `read_repo_config` is set.
    pub analysis: autoheal_logs::Options,
    pub read_repo_config: bool,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            progress: silent(),
            now: None,
            analysis: autoheal_logs::Options::default(),
            read_repo_config: true,
        }
    }
}

impl std::fmt::Debug for ReportOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportOptions")
            .field("now", &self.now)
            .field("read_repo_config", &self.read_repo_config)
            .finish_non_exhaustive()
    }
}

/// An issue report filed or commented on.
#[derive(Debug, Clone)]
pub struct FiledIssue {
    /// The issue as filed (a new one) or as found (a repeat).
    pub issue: Issue,
    /// What this run's analysis found.
    pub record: HealRecord,
    pub fixable: bool,
    /// Why reviewers' past rejections demoted this fix to a suggestion (no `auto-heal` label,
    /// so `heal` opens no PR); `None` when the fix may become a PR.
    pub demoted: Option<String>,
    /// The proposed diff (empty when nothing is fixable).
    pub diff: String,
    /// The full analysis, for callers that print or store it.
    pub analysis: Analysis,
}

#[derive(Debug, Clone)]
pub enum ReportOutcome {
    /// A new issue was opened.
    Filed(FiledIssue),
    /// An open issue with the same fingerprint, active within 24 hours, got a comment.
    Repeated(FiledIssue),
    /// The run failed on autoheal's own fix branch: its PR was closed and its issue labelled
    /// `needs-manual-fix` instead of stacking a second fix on the first.
    RolledBack { branch: String, rollback: Rollback },
    /// Nothing was filed (the run did not fail, was cancelled by hand, or failed on a fix
    /// branch whose PR is already closed or has no failed checks).
    Skipped { reason: String },
}

impl ReportOutcome {
    pub fn issue(&self) -> Option<&FiledIssue> {
        match self {
            ReportOutcome::Filed(filed) | ReportOutcome::Repeated(filed) => Some(filed),
            ReportOutcome::RolledBack { .. } | ReportOutcome::Skipped { .. } => None,
        }
    }
}

/// Files the issue for a failed run: fetch, analyze, propose a fix, dedupe, then write.
pub async fn report(gh: &GitHub, repo: &RepoName, run_id: u64, options: &ReportOptions) -> LoopResult<ReportOutcome> {
    let progress = options.progress.as_ref();
    let evidence = fetch_run(gh, repo, run_id, progress).await?;
    let conclusion = evidence.run.conclusion.as_deref().unwrap_or("unfinished");
    if !is_failed(evidence.run.conclusion.as_deref()) {
        return Ok(ReportOutcome::Skipped {
            reason: format!("run {run_id} concluded `{conclusion}`; nothing to report"),
        });
    }
    if evidence.is_manual_cancel() {
        return Ok(ReportOutcome::Skipped {
            reason: format!("run {run_id} was cancelled (no job timed out or failed); nothing to report"),
        });
    }
    let run = &evidence.run;
    if let Some(branch) = run.head_branch.as_deref().filter(|b| is_heal_branch(b)) {
        return roll_back(gh, repo, run_id, branch, progress).await;
    }
    progress.step(&format!("reading {} at {}", run.path, short(&run.head_sha)));
    let workflow = read_workflow(gh, repo, &run.path, &run.head_sha).await?;
    let mut analysis_options = options.analysis.clone();
    analysis_options.own_packages.push(repo.name.replace('-', "_"));
    let repo_config = if options.read_repo_config {
        read_repo_config(gh, repo, &run.head_sha).await?
    } else {
        Config::default()
    };
    analysis_options
        .custom_patterns
        .extend(autoheal_logs::classify::custom::from_config(&repo_config));
    let analysis = analyze(&evidence, workflow.as_ref(), &analysis_options)?;
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

    let proposal = match &workflow {
        Some((text, _)) if !inputs.is_empty() => {
            progress.step("generating the fix");
            propose_fix(gh, repo, &run.head_sha, &run.path, text, &inputs).await?
        }
        _ => FixProposal::default(),
    };
    let fixable = proposal.is_fixable();
    let record = build_record(&evidence, root, inputs, workflow.as_ref(), fixable);
    let message = root.map(|f| f.message.clone()).unwrap_or_else(|| {
        "autoheal did not recognize the cause of this failure in the logs; see the run for details.".to_string()
    });
    let proposal_text = if fixable {
        ProposalText::Fix {
            fixes: proposal
                .plan
                .fixes
                .iter()
                .map(|f| (f.title.as_str(), f.explanation.as_str()))
                .collect(),
            diff: &proposal.diff,
        }
    } else {
        ProposalText::Manual {
            reasons: manual_reasons(&proposal, workflow.is_some(), &run.path),
        }
    };

    progress.step("looking for an open issue with the same failure");
    let open = gh
        .list_issues(
            repo,
            &IssueFilter {
                labels: vec![LABEL_WORKFLOW_FAILURE.to_string()],
                ..IssueFilter::default()
            },
        )
        .await?;
    let now = options.now.unwrap_or_else(Utc::now);
    if let Some(existing) = find_duplicate(&open, &record.analysis.fingerprint, now) {
        progress.step(&format!("commenting on issue #{}", existing.number));
        gh.create_comment(repo, existing.number, &repeat_comment(&record))
            .await?;
        return Ok(ReportOutcome::Repeated(FiledIssue {
            issue: existing.clone(),
            record,
            fixable,
            demoted: None,
            diff: proposal.diff,
            analysis,
        }));
    }

    let demoted = if fixable {
        progress.step("checking how reviewers received earlier fixes");
        demotion(gh, repo, &record.analysis, repo_config.rejection_threshold).await?
    } else {
        None
    };
    let body = match &demoted {
        Some(why) => demoted_body(&record, &message, why, &proposal.diff),
        None => issue_body(&record, &message, &proposal_text),
    };
    let title = issue_title(&record.workflow_name, &record.analysis.category, &record.analysis.job);
    let labels: Vec<String> = if fixable && demoted.is_none() {
        vec![LABEL_AUTO_HEAL.into(), LABEL_WORKFLOW_FAILURE.into()]
    } else {
        vec![LABEL_WORKFLOW_FAILURE.into(), LABEL_NEEDS_MANUAL_FIX.into()]
    };
    progress.step("opening the issue");
    let created = gh.create_issue(repo, &title, &body, &labels).await?;
    let issue = Issue {
        number: created.number,
        html_url: created.html_url,
        title,
        body: Some(body),
        state: "open".into(),
        labels: labels.iter().map(|name| Label { name: name.clone() }).collect(),
        ..Issue::default()
    };
    Ok(ReportOutcome::Filed(FiledIssue {
        issue,
        record,
        fixable,
        demoted,
        diff: proposal.diff,
        analysis,
    }))
}

/// A failed run on a fix branch means the fix itself broke something: close its PR and hand
/// the issue to a person rather than report (and heal) the fix's own failure.
async fn roll_back(
    gh: &GitHub,
    repo: &RepoName,
    run_id: u64,
    branch: &str,
    progress: &dyn Progress,
) -> LoopResult<ReportOutcome> {
    progress.step(&format!(
        "run {run_id} failed on the fix branch `{branch}`; rolling the fix back"
    ));
    Ok(match rollback_branch(gh, repo, branch).await? {
        Some(rollback) => ReportOutcome::RolledBack {
            branch: branch.to_string(),
            rollback,
        },
        None => ReportOutcome::Skipped {
            reason: format!(
                "run {run_id} failed on the fix branch `{branch}`, which has no open pull request with failed checks; autoheal does not stack a second fix on its own"
            ),
        },
    })
}

/// The issue of a fix reviewers keep rejecting: the usual report, then why there is no PR and
/// the diff as a suggestion, all before the hidden record block.
fn demoted_body(record: &HealRecord, message: &str, why: &str, diff: &str) -> String {
    let manual = ProposalText::Manual {
        reasons: vec!["reviewers rejected this kind of fix before; see below".to_string()],
    };
    let mut body = issue_body(record, message, &manual);
    let suggestion = format!(
        "\n{}\n\n### Suggested change (not applied)\n\n{}\n\n",
        demotion_note(why),
        fenced("diff", diff)
    );
    let block = encode_record(record);
    match body.rfind(&block) {
        Some(at) => body.insert_str(at, &suggestion),
        None => body.push_str(&suggestion),
    }
    body
}

fn short(sha: &str) -> &str {
    sha.get(..7).unwrap_or(sha)
}

/// The workflow text and its blob sha at `sha`; `None` when it cannot be read (a deleted or
/// dynamic workflow): the report still goes out, without a fix.
async fn read_workflow(gh: &GitHub, repo: &RepoName, path: &str, sha: &str) -> LoopResult<Option<(String, String)>> {
    if path.is_empty() {
        return Ok(None);
    }
    let file = match gh.get_file(repo, path, sha).await {
        Ok(file) => file,
        Err(error) if error.is_not_found() => return Ok(None),
        Err(error) => return Err(error.into()),
    };
    Ok(decode_content(&file.content)
        .and_then(|b| String::from_utf8(b).ok())
        .map(|text| (text, file.sha)))
}

/// The bytes of a contents-API answer (base64 with line breaks).
pub(crate) fn decode_content(content: &str) -> Option<Vec<u8>> {
    use base64::Engine as _;
    let cleaned: String = content.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD.decode(cleaned).ok()
}

/// `.github/autoheal.yml` at the run's commit (the defaults when absent or unreadable; invalid
/// keys keep their defaults).
async fn read_repo_config(gh: &GitHub, repo: &RepoName, sha: &str) -> LoopResult<Config> {
    let bytes = match gh.get_file_bytes(repo, DEFAULT_CONFIG_PATH, sha).await {
        Ok(bytes) => bytes,
        Err(error) if error.is_not_found() || matches!(error, crate::Error::Decode { .. }) => {
            return Ok(Config::default());
        }
        Err(error) => return Err(error.into()),
    };
    Ok(Config::parse(DEFAULT_CONFIG_PATH, &bytes, &autoheal_engine::rules::rule_ids()).0)
}

fn analyze(
    evidence: &RunEvidence,
    workflow: Option<&(String, String)>,
    options: &autoheal_logs::Options,
) -> LoopResult<Analysis> {
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
        workflow: workflow.map(|(text, _)| WorkflowFile {
            path: &evidence.run.path,
            text,
        }),
        job_conclusion: evidence.run.conclusion.as_deref(),
    };
    autoheal_logs::analyze(&input, options).map_err(|e| LoopError::Analysis(e.to_string()))
}

fn build_record(
    evidence: &RunEvidence,
    root: Option<&Failure>,
    failures: Vec<FailureInput>,
    workflow: Option<&(String, String)>,
    fixable: bool,
) -> HealRecord {
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
    HealRecord {
        analysis: AnalysisRecord {
            version: 1,
            fingerprint: fingerprint(&run.path, &job, &category, subject.as_deref()),
            workflow_path: run.path.clone(),
            job,
            fix_type: fixable.then(|| category.clone()),
            category,
            subject,
            run_id: run.id,
            run_attempt: run.run_attempt,
            head_sha: run.head_sha.clone(),
            fixable,
        },
        workflow_name: run
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| run.path.clone()),
        workflow_blob_sha: workflow.map(|(_, sha)| sha.clone()).filter(|s| !s.is_empty()),
        run_url: run.html_url.clone(),
        head_branch: run.head_branch.clone(),
        failed_step,
        evidence: evidence_lines,
        failures,
    }
}

fn manual_reasons(proposal: &FixProposal, have_workflow: bool, path: &str) -> Vec<String> {
    if !have_workflow {
        return vec![format!(
            "the workflow file `{path}` could not be read at the run's commit, so no fix was generated"
        )];
    }
    let mut reasons: Vec<String> = proposal.plan.skipped.iter().map(|(_, r)| r.clone()).collect();
    reasons.dedup();
    reasons
}
