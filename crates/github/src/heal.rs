//! `autoheal heal`: turn an auto-heal issue into a fix branch and pull request, or (with a run
//! id) report the run first and heal the issue in the same go.
//!
//! The fix is regenerated against the workflow at the current head of the default branch, so
//! the pull request applies to what is there now, not to the failed commit. Reruns are
//! idempotent: the branch `autoheal/<run-id>-<category>` and its pull request are reused.

use std::sync::Arc;

use crate::client::GitHub;
use crate::config::RepoName;
use crate::error::Error;
use crate::issue_text::neutralize_line;
use crate::loop_error::{LoopError, LoopResult};
use crate::loop_progress::{Progress, silent};
use crate::loop_record::{HealRecord, decode_record};
use crate::loop_repo::{FixProposal, propose_fix};
use crate::loop_text::{LABEL_AUTO_HEAL, LABEL_NEEDS_MANUAL_FIX, PATCH_MARKER, fenced, patch_comment, pull_body};
use crate::models::{Issue, PullRequest};
use crate::report::{ReportOptions, ReportOutcome, decode_content, report};

/// What to heal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HealTarget {
    /// An issue filed by `report`.
    Issue(u64),
    /// A failed run: report it, then heal the issue.
    Run(u64),
}

/// How `heal` runs. Extend with new fields; [`Default`] keeps callers compiling.
#[derive(Clone, Debug)]
pub struct HealOptions {
    /// Options of the report step (`HealTarget::Run`); its progress sink is used throughout.
    pub report: ReportOptions,
}

impl Default for HealOptions {
    fn default() -> Self {
        HealOptions {
            report: ReportOptions {
                progress: silent(),
                ..ReportOptions::default()
            },
        }
    }
}

impl HealOptions {
    fn progress(&self) -> Arc<dyn Progress> {
        self.report.progress.clone()
    }
}

/// What heal did with one issue.
#[derive(Debug, Clone)]
pub enum HealOutcome {
    /// A new pull request was opened.
    Opened {
        issue: u64,
        branch: String,
        pull: PullRequest,
    },
    /// The pull request already existed; `changed` tells whether the branch or PR was updated.
    Updated {
        issue: u64,
        branch: String,
        pull: PullRequest,
        changed: bool,
    },
    /// Nothing to do (labels, a closed PR); the reason says why.
    Skipped { issue: Option<u64>, reason: String },
    /// No fix applies to the default branch's workflow (a comment says why).
    NoFix { issue: u64, reason: String },
    /// The run failed on a fix branch: its pull request was closed and the issues it fixed
    /// labelled `needs-manual-fix`; nothing new was filed or healed.
    RolledBack { pull: u64, issues: Vec<u64> },
}

/// Everything one `heal` call did.
#[derive(Debug, Clone)]
pub struct HealReport {
    /// The report step, for [`HealTarget::Run`].
    pub report: Option<ReportOutcome>,
    pub outcome: HealOutcome,
}

pub async fn heal(gh: &GitHub, repo: &RepoName, target: HealTarget, options: &HealOptions) -> LoopResult<HealReport> {
    match target {
        HealTarget::Issue(number) => {
            options.progress().step(&format!("reading issue #{number}"));
            let issue = gh.get_issue(repo, number).await?;
            let outcome = heal_issue(gh, repo, &issue, options).await?;
            Ok(HealReport { report: None, outcome })
        }
        HealTarget::Run(run_id) => {
            let reported = report(gh, repo, run_id, &options.report).await?;
            let outcome = match &reported {
                ReportOutcome::Filed(filed) | ReportOutcome::Repeated(filed) => {
                    heal_issue(gh, repo, &filed.issue, options).await?
                }
                ReportOutcome::RolledBack { rollback, .. } => HealOutcome::RolledBack {
                    pull: rollback.pr,
                    issues: rollback.issues.clone(),
                },
                ReportOutcome::Skipped { reason } => HealOutcome::Skipped {
                    issue: None,
                    reason: reason.clone(),
                },
            };
            Ok(HealReport {
                report: Some(reported),
                outcome,
            })
        }
    }
}

/// Heals one issue (already fetched): labels gate it, its hidden block drives it.
pub async fn heal_issue(gh: &GitHub, repo: &RepoName, issue: &Issue, options: &HealOptions) -> LoopResult<HealOutcome> {
    let progress = options.progress();
    let number = issue.number;
    if issue.has_label(LABEL_NEEDS_MANUAL_FIX) {
        return Ok(HealOutcome::Skipped {
            issue: Some(number),
            reason: format!("issue #{number} is labeled `{LABEL_NEEDS_MANUAL_FIX}`; autoheal leaves it to a person"),
        });
    }
    if !issue.has_label(LABEL_AUTO_HEAL) {
        return Ok(HealOutcome::Skipped {
            issue: Some(number),
            reason: format!("issue #{number} is not labeled `{LABEL_AUTO_HEAL}`; add the label to let autoheal fix it"),
        });
    }
    let record = issue
        .body
        .as_deref()
        .and_then(decode_record)
        .ok_or(LoopError::NoRecord { issue: number })?;

    let repository = gh.get_repo(repo).await?;
    let base = repository.default_branch;
    if base.is_empty() {
        return Err(LoopError::Invalid(format!("{repo} reports no default branch")));
    }
    let head = gh
        .get_branch_ref(repo, &base)
        .await?
        .ok_or_else(|| LoopError::Invalid(format!("the default branch `{base}` of {repo} does not exist")))?;
    let head_sha = head.object.sha;
    let path = record.analysis.workflow_path.clone();
    progress.step(&format!("generating the fix against {path} on `{base}`"));
    let file = match gh.get_file(repo, &path, &head_sha).await {
        Ok(file) => file,
        Err(error) if error.is_not_found() => {
            let reason = format!("`{path}` no longer exists on `{base}`");
            return no_fix(gh, repo, number, &head_sha, reason).await;
        }
        Err(error) => return Err(error.into()),
    };
    let Some(text) = decode_content(&file.content).and_then(|b| String::from_utf8(b).ok()) else {
        return no_fix(gh, repo, number, &head_sha, format!("`{path}` is not UTF-8 text")).await;
    };
    let mut failures = record.failures.clone();
    if record.workflow_blob_sha.as_deref() != Some(file.sha.as_str()) {
        // The file changed since the failed run: byte offsets no longer point at the same
        // place; job and step names still do.
        for failure in &mut failures {
            failure.offset = None;
        }
    }
    let proposal = propose_fix(gh, repo, &head_sha, &path, &text, &failures).await?;
    let files = proposal.changed_files();
    if !proposal.is_fixable() || files.is_empty() {
        let mut reasons: Vec<String> = proposal.plan.skipped.iter().map(|(_, r)| r.clone()).collect();
        reasons.dedup();
        let reason = if reasons.is_empty() {
            format!("no fix applies to `{path}` on `{base}` (was it fixed already?)")
        } else {
            reasons.join("; ")
        };
        return no_fix(gh, repo, number, &head_sha, reason).await;
    }

    let branch = record.branch();
    let pulls = gh.list_pulls_by_head(repo, &branch).await?;
    let open = pulls.iter().find(|p| p.state == "open").cloned();
    if open.is_none() {
        if let Some(closed) = pulls.iter().find(|p| p.state == "closed") {
            let how = if closed.merged_at.is_some() {
                "was merged"
            } else {
                "was closed without merging"
            };
            return Ok(HealOutcome::Skipped {
                issue: Some(number),
                reason: format!(
                    "pull request #{} for `{branch}` {how}; autoheal does not reopen it",
                    closed.number
                ),
            });
        }
    }

    let branch_current = branch_has(gh, repo, &branch, &head_sha, &files).await?;
    if !branch_current {
        progress.step(&format!("committing the fix to `{branch}`"));
        let message = commit_message(number, &proposal);
        if let Err(error) = gh.commit_files(repo, &branch, &head_sha, &files, &message).await {
            return Err(match error {
                Error::WorkflowsPermission { message, .. } => {
                    post_patch(gh, repo, number, &record, &proposal).await?;
                    LoopError::WorkflowsPermission {
                        issue: number,
                        detail: message,
                    }
                }
                other => other.into(),
            });
        }
    }

    let fixes: Vec<(&str, &str)> = proposal
        .plan
        .fixes
        .iter()
        .map(|f| (f.title.as_str(), f.explanation.as_str()))
        .collect();
    let title = pull_title(&proposal);
    let body = pull_body(number, &record, &fixes);
    match open {
        Some(pull) => {
            let stale = pull.title != title || pull.body.as_deref() != Some(body.as_str());
            let pull = if stale {
                progress.step(&format!("updating pull request #{}", pull.number));
                gh.update_pull(repo, pull.number, Some(&title), Some(&body), None)
                    .await?
            } else {
                pull
            };
            Ok(HealOutcome::Updated {
                issue: number,
                branch,
                pull,
                changed: stale || !branch_current,
            })
        }
        None => {
            progress.step(&format!("opening a pull request from `{branch}` into `{base}`"));
            let pull = gh.create_pull(repo, &title, &branch, &base, &body).await?;
            gh.add_labels(repo, pull.number, &[LABEL_AUTO_HEAL.to_string()]).await?;
            gh.create_comment(
                repo,
                number,
                &format!("autoheal opened #{} with the fix (branch `{branch}`).", pull.number),
            )
            .await?;
            Ok(HealOutcome::Opened {
                issue: number,
                branch,
                pull,
            })
        }
    }
}

fn pull_title(proposal: &FixProposal) -> String {
    let first = proposal
        .plan
        .fixes
        .first()
        .map_or("fix a workflow failure", |f| f.title.as_str());
    let more = match proposal.plan.fixes.len() {
        0 | 1 => String::new(),
        n => format!(" (+{} more)", n - 1),
    };
    neutralize_line(&format!("[auto-heal] {first}{more}").replace(['\n', '\r'], " "), 200)
}

fn commit_message(issue: u64, proposal: &FixProposal) -> String {
    let titles: Vec<&str> = proposal.plan.fixes.iter().map(|f| f.title.as_str()).collect();
    let first = titles.first().copied().unwrap_or("fix a workflow failure");
    let mut message = format!("autoheal: {first}\n\n");
    for title in titles.iter().skip(1) {
        message.push_str(&format!("- {title}\n"));
    }
    message.push_str(&format!("Fixes #{issue}\n"));
    message
}

/// Whether `branch` already holds exactly this fix on top of `head_sha` (a rerun).
async fn branch_has(
    gh: &GitHub,
    repo: &RepoName,
    branch: &str,
    head_sha: &str,
    files: &[(String, Vec<u8>)],
) -> LoopResult<bool> {
    let Some(existing) = gh.get_branch_ref(repo, branch).await? else {
        return Ok(false);
    };
    let tip = gh.get_commit(repo, &existing.object.sha).await?;
    if tip.parents.first().map(|p| p.sha.as_str()) != Some(head_sha) {
        return Ok(false);
    }
    for (path, bytes) in files {
        match gh.get_file_bytes(repo, path, &existing.object.sha).await {
            Ok(found) if &found == bytes => {}
            Ok(_) => return Ok(false),
            Err(error) if error.is_not_found() => return Ok(false),
            Err(error) => return Err(error.into()),
        }
    }
    Ok(true)
}

/// Posts the patch (once per identical patch) and opts the issue out of further attempts.
async fn post_patch(
    gh: &GitHub,
    repo: &RepoName,
    issue: u64,
    record: &HealRecord,
    proposal: &FixProposal,
) -> LoopResult<()> {
    let comment = patch_comment(record, &proposal.diff);
    let block = fenced("diff", &proposal.diff);
    let already = gh
        .list_comments(repo, issue)
        .await?
        .iter()
        .filter_map(|c| c.body.as_deref())
        .any(|body| body.contains(PATCH_MARKER) && body.contains(&block));
    if !already {
        gh.create_comment(repo, issue, &comment).await?;
    }
    gh.add_labels(repo, issue, &[LABEL_NEEDS_MANUAL_FIX.to_string()])
        .await?;
    Ok(())
}

/// Says on the issue (once per default-branch commit) why no fix was made.
async fn no_fix(gh: &GitHub, repo: &RepoName, issue: u64, head_sha: &str, reason: String) -> LoopResult<HealOutcome> {
    let marker = format!("<!-- autoheal:nofix {head_sha} -->");
    let already = gh
        .list_comments(repo, issue)
        .await?
        .iter()
        .any(|c| c.body.as_deref().is_some_and(|b| b.contains(&marker)));
    if !already {
        let body = format!(
            "{marker}\nautoheal could not make a fix against the current default branch: {}\n",
            crate::loop_text::prose(&reason)
        );
        gh.create_comment(repo, issue, &body).await?;
    }
    Ok(HealOutcome::NoFix { issue, reason })
}
