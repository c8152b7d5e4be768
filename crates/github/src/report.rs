//! `autoheal report`: turn a failed run into an issue (or a comment on the open issue that
//! already tracks the same failure).
//!
//! The call reads the pipeline's stages in order: fetch the run, decide what kind of run it
//! is, fetch what the analysis needs, analyze, decide (trust, dedupe, demotion), act.

use std::sync::Arc;

use autoheal_engine::config::Config;
use chrono::{DateTime, Utc};

use crate::act;
use crate::act::copilot::CopilotStep;
use crate::analyze::{self, Diagnosis};
use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::client::endpoints::IssueFilter;
use crate::decide::copilot::may_hand_off;
use crate::decide::dedupe::duplicate_candidates;
use crate::decide::filing::{IssueKind, issue_kind};
use crate::decide::learning::{acceptance_record, demotion_reason};
use crate::decide::triage::{Triage, triage};
use crate::decide::trust::{Route, RunTrust, content_author, is_app_account, judge, route};
use crate::error::Result;
use crate::fetch::files::{Snapshot, fetch_snapshot};
use crate::fetch::history::Histories;
use crate::fetch::repo::{DefaultHead, fetch_config, fetch_default_head};
use crate::fetch::run::{RunEvidence, fetch_run};
use crate::fetch::trust::{Vouching, fetch_bot_login};
use crate::models::Issue;
use crate::progress::{Progress, silent};
use crate::record::Record;
use crate::rollback::{Rollback, rollback_branch};
use crate::text::{
    AgentTask, LABEL_WORKFLOW_FAILURE, ProposalText, agent_task, issue_body, issue_title, repeat_comment,
};

/// How `report` runs. Extend with new fields; [`Default`] keeps callers compiling.
#[derive(Clone)]
pub struct ReportOptions {
    pub progress: Arc<dyn Progress>,
    /// "Now" for the 24-hour duplicate window; the system clock when `None`.
    pub now: Option<DateTime<Utc>>,
    /// Log analysis options; custom patterns from `.github/autoheal.yml` on the default
    /// branch are added when `read_repo_config` is set.
    pub analysis: autoheal_logs::Options,
    pub read_repo_config: bool,
    /// Histories already read in this pass (the acceptance record; see [`Histories`]).
    pub histories: Histories,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            progress: silent(),
            now: None,
            analysis: autoheal_logs::Options::default(),
            read_repo_config: true,
            histories: Histories::default(),
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
    pub record: Record,
    pub fixable: bool,
    /// Why reviewers' past rejections demoted this fix to a suggestion (no `auto-heal` label,
    /// so `heal` opens no PR); `None` when the fix may become a PR.
    pub demoted: Option<String>,
    /// Why the run is not trusted to choose a fix (a fork, an actor without write access)
    /// when `heal.untrusted-runs: report` made the issue an analysis only.
    pub untrusted: Option<String>,
    /// Whether the run itself is trusted (its commit is this repository's and its actor may
    /// write), whatever the policy did with it. Only trusted runs reach an agent.
    pub trusted: bool,
    /// The proposed diff (empty when nothing is fixable).
    pub diff: String,
    /// The hand-off to the Copilot coding agent (`copilot.assign-unfixable`), when tried.
    pub copilot: Option<CopilotStep>,
    /// The full analysis, for callers that print or store it.
    pub analysis: autoheal_logs::Analysis,
    /// Why the workflow file was not read (over a budget, too large), when it was not.
    pub workflow_unread: Option<String>,
    /// What the review history left unread when deciding the fix may become a pull request
    /// (`History::notes`); the issue's body says it, and so does the pull request's.
    pub read_notes: Vec<String>,
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
    /// Nothing was filed (the run did not fail, was cancelled by hand, came from an untrusted
    /// source under `heal.untrusted-runs: off`, or failed on a fix branch whose PR is already
    /// closed or has no failed checks).
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

/// A failed run read and diagnosed: the fetch and analysis stages `report` and `heal --issue`
/// share, and the trust decision that comes with them.
#[derive(Debug, Clone)]
pub(crate) struct Examined {
    pub evidence: RunEvidence,
    pub head: DefaultHead,
    pub config: Config,
    /// The files at the run's commit.
    pub snapshot: Snapshot,
    pub diagnosis: Diagnosis,
    pub trust: RunTrust,
    pub route: Route,
}

/// Fetches what the analysis of a failed run needs, analyzes it, and judges its trust.
pub(crate) async fn examine(
    gh: &GitHub,
    repo: &RepoName,
    evidence: RunEvidence,
    options: &ReportOptions,
) -> Result<Examined> {
    // Fetch: the default branch (policy is read there), the actor's permission, the files.
    let head = fetch_default_head(gh, repo).await?;
    examine_at(gh, repo, evidence, head, options).await
}

/// [`examine`] with the default branch's head already read.
pub(crate) async fn examine_at(
    gh: &GitHub,
    repo: &RepoName,
    evidence: RunEvidence,
    head: DefaultHead,
    options: &ReportOptions,
) -> Result<Examined> {
    let progress = options.progress.as_ref();
    let run = &evidence.run;
    let config = if options.read_repo_config {
        fetch_config(gh, repo, &head.sha).await?
    } else {
        Config::default()
    };
    // An app's account or the coding agent is never a writer (`judge` says so), so its
    // permission is not asked.
    let permission = match run.trigger_login().filter(|l| !is_app_account(l)) {
        Some(login) => gh.get_permission(repo, login).await?,
        None => None,
    };
    // Whose push or pull request it is, when someone else started this attempt.
    let author_permission = match content_author(run).filter(|l| !is_app_account(l)) {
        Some(login) => gh.get_permission(repo, login).await?,
        None => None,
    };
    progress.step(&format!("reading {} at {}", run.path, short(&run.head_sha)));
    let snapshot = fetch_snapshot(gh, repo, &run.head_sha, &run.path).await?;
    // Analyze.
    progress.step("diagnosing the failure");
    let analysis_options = analyze::analysis_options(&options.analysis, repo, &config);
    let mut diagnosis = analyze::diagnose(&evidence, &snapshot, &analysis_options)?;
    // Decide: may this run choose what is committed?
    // Against the name GitHub answers with: a renamed repository configured by its old name
    // judged every run of its own "another repository's" and healed none.
    let trust = judge(run, &head.own_name(repo), &permission, &author_permission);
    let route = route(&trust, config.untrusted_runs);
    // An untrusted run healed anyway (`untrusted-runs: heal`): its commit's files (a fork's
    // workflow, lock files, requirements) are its author's, so the fix the issue shows is
    // the one heal commits, made against the default branch.
    if !trust.is_trusted() && route == Route::Heal && run.head_sha != head.sha {
        progress.step(&format!("reading {} on the default branch", run.path));
        let base = fetch_snapshot(gh, repo, &head.sha, &run.path).await?;
        let record = &mut diagnosis.record;
        diagnosis.proposal = analyze::propose_for_record(&base, record, &record.failures);
        analyze::record_proposal(record, &diagnosis.proposal);
    }
    Ok(Examined {
        evidence,
        head,
        config,
        snapshot,
        diagnosis,
        trust,
        route,
    })
}

/// Files the issue for a failed run: fetch, analyze, decide (trust, dedupe, demotion), write.
pub async fn report(gh: &GitHub, repo: &RepoName, run_id: u64, options: &ReportOptions) -> Result<ReportOutcome> {
    Ok(report_run(gh, repo, run_id, options).await?.0)
}

/// [`report`], also handing back the examined run (for `heal --run-id`, which goes on).
pub(crate) async fn report_run(
    gh: &GitHub,
    repo: &RepoName,
    run_id: u64,
    options: &ReportOptions,
) -> Result<(ReportOutcome, Option<Examined>)> {
    let progress = options.progress.as_ref();
    let evidence = fetch_run(gh, repo, run_id, progress).await?;
    match triage(&evidence) {
        Triage::Skip(reason) => return Ok((ReportOutcome::Skipped { reason }, None)),
        Triage::RollBack { branch } => return Ok((roll_back(gh, repo, run_id, &branch, progress).await?, None)),
        Triage::Report => {}
    }
    let examined = examine(gh, repo, evidence, options).await?;
    let outcome = file(gh, repo, &examined, options).await?;
    Ok((outcome, Some(examined)))
}

/// The decide and act stages of `report` for an examined run.
async fn file(gh: &GitHub, repo: &RepoName, examined: &Examined, options: &ReportOptions) -> Result<ReportOutcome> {
    let progress = options.progress.as_ref();
    let Examined {
        diagnosis,
        route,
        config,
        evidence,
        trust,
        head,
        ..
    } = examined;
    if let Route::Ignore(reason) = route {
        return Ok(ReportOutcome::Skipped {
            reason: format!("run {}: {reason}", evidence.run.id),
        });
    }
    let untrusted = match route {
        Route::ReportOnly(why) => Some(why.clone()),
        _ => None,
    };
    let mut record = diagnosis.record.clone();
    if untrusted.is_some() {
        // Nothing is proposed for an untrusted run, so nothing is recorded as proposed.
        record.fixable = false;
        record.fix_type = None;
    }
    let fixable = record.fixable;

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
    let filed = |issue: Issue, demoted: Option<String>, record: Record, read_notes: Vec<String>| FiledIssue {
        issue,
        record,
        fixable,
        demoted,
        untrusted: untrusted.clone(),
        trusted: trust.is_trusted(),
        diff: if fixable {
            diagnosis.proposal.diff.clone()
        } else {
            String::new()
        },
        analysis: diagnosis.analysis.clone(),
        copilot: None,
        workflow_unread: diagnosis.workflow_unread.clone(),
        read_notes,
    };
    // The newest recent issue carrying the failure's fingerprint whose author may act on it;
    // who autoheal is, and who may write, is asked only when some issue carries it, once per
    // author and for a bounded number of authors (anyone can open issues).
    let candidates = duplicate_candidates(&open, &record.fingerprint, now);
    let mut duplicate = None;
    if !candidates.is_empty() {
        let mut vouching = Vouching::new(&fetch_bot_login(gh).await?);
        for candidate in candidates {
            if vouching.opened(gh, repo, candidate).await? {
                duplicate = Some(candidate);
                break;
            }
        }
    }
    if let Some(existing) = duplicate {
        progress.step(&format!("commenting on issue #{}", existing.number));
        gh.create_comment(repo, existing.number, &repeat_comment(&record))
            .await?;
        return Ok(ReportOutcome::Repeated(filed(
            existing.clone(),
            None,
            record,
            Vec::new(),
        )));
    }

    // Demotion needs the history, which is only worth fetching for a fix that may become a PR.
    let (demoted, read_notes) = if fixable && *route == Route::Heal {
        progress.step("checking how reviewers received earlier fixes");
        let history = options.histories.get(gh, repo).await?;
        for note in &history.notes {
            progress.step(note);
        }
        let demoted = demotion_reason(&acceptance_record(&history), &record, config.rejection_threshold);
        (demoted, history.notes.clone())
    } else {
        (None, Vec::new())
    };
    let kind = issue_kind(diagnosis, route, demoted.as_deref());
    let proposal = match &kind {
        IssueKind::Fix => ProposalText::Fix {
            fixes: diagnosis.proposal.fixes(),
            diff: &diagnosis.proposal.diff,
        },
        IssueKind::Demoted { note } => ProposalText::Suggestion {
            note,
            diff: &diagnosis.proposal.diff,
        },
        IssueKind::Untrusted { note } => ProposalText::Note { note },
        IssueKind::Manual { reasons } => ProposalText::Manual {
            reasons: reasons.clone(),
        },
    };
    let body = issue_body(&record, &diagnosis.message, &proposal, &read_notes);
    let title = issue_title(&record.workflow_name, &record.category, &record.job);
    progress.step("opening the issue");
    let labels = kind.labels();
    let issue = act::issue::file_issue(gh, repo, &title, &body, &labels).await?;
    let refused: Vec<&str> = labels
        .iter()
        .filter(|label| !issue.has_label(label))
        .map(String::as_str)
        .collect();
    if !refused.is_empty() {
        progress.step(&format!(
            "GitHub refused the label(s) {} (422); issue #{} was filed without them, and its body says so",
            refused.join(", "),
            issue.number
        ));
    }
    let copilot = match &kind {
        IssueKind::Manual { reasons } if may_hand_off(&config.copilot, &kind, trust.is_trusted()) => {
            progress.step(&format!("handing issue #{} to the Copilot coding agent", issue.number));
            let task = agent_task(&AgentTask {
                issue: issue.number,
                record: &record,
                message: &diagnosis.message,
                reasons,
                lines: diagnosis.root_lines(),
            });
            Some(act::copilot::hand_off(gh, repo, issue.number, &task, &head.branch).await)
        }
        _ => None,
    };
    Ok(ReportOutcome::Filed(FiledIssue {
        copilot,
        ..filed(issue, demoted, record, read_notes)
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
) -> Result<ReportOutcome> {
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

fn short(sha: &str) -> &str {
    sha.get(..7).unwrap_or(sha)
}
