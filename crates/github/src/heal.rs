//! `autoheal heal`: turn a failed run, or an issue `report` filed, into a fix branch and pull
//! request.
//!
//! Each call reads the pipeline's stages in order: fetch (the run, the repository's files,
//! permissions) → analyze (pure) → decide (trust, labels, what the branch already holds) →
//! act (branch, pull request, comments). The fix is regenerated against the head of the
//! default branch, so the pull request applies to what is there now. Reruns are idempotent:
//! the branch `autoheal/<run-id>-<category>` and its pull request are reused.
//!
//! `heal --issue N` takes nothing from the issue body but the run it names: it checks that
//! the run belongs to this repository and re-analyzes it through the API. The recorded
//! failures stand in for the logs only when the logs are gone and the issue is the bot's own
//! (see `decide::cache`).

use std::sync::Arc;

use autoheal_engine::config::CopilotConfig;
use autoheal_fixes::FailureInput;

use crate::act;
use crate::act::branch::Pushed;
use crate::act::copilot::CopilotStep;
use crate::analyze::{self, FixProposal};
use crate::client::GitHub;
use crate::client::config::BOT_LOGIN_VAR;
use crate::client::config::RepoName;
use crate::decide::cache::cached_failures;
use crate::decide::copilot::wants_review;
use crate::decide::gate::{named_run, skip_reason};
use crate::decide::learning::{acceptance_record, demotion_reason};
use crate::decide::trust::Route;
use crate::error::{Error, Result};
use crate::fetch::files::{Snapshot, fetch_snapshot};
use crate::fetch::history::Histories;
use crate::fetch::repo::{DefaultHead, fetch_default_head};
use crate::fetch::run::fetch_run;
use crate::fetch::trust::{fetch_bot_login, may_act_on_records};
use crate::models::{Issue, PullRequest};
use crate::progress::{Progress, silent};
use crate::record::Record;
use crate::report::{Examined, ReportOptions, ReportOutcome, examine_at, report_run};
use crate::text::{
    DEMOTED_MARKER, PATCH_MARKER, commit_message, demoted_comment, fenced, no_fix_comment, no_fix_marker,
    patch_comment, pull_body, pull_title,
};

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
    /// A new pull request was opened; `copilot` says whether a Copilot review was asked for.
    Opened {
        issue: u64,
        branch: String,
        pull: PullRequest,
        copilot: Option<CopilotStep>,
    },
    /// The pull request already existed; `changed` tells whether the branch or PR was updated.
    Updated {
        issue: u64,
        branch: String,
        pull: PullRequest,
        changed: bool,
        copilot: Option<CopilotStep>,
    },
    /// GitHub refused to let the token change `.github/workflows/`: the patch was posted on the
    /// issue, which is now labeled `needs-manual-fix`. An expected outcome with the built-in
    /// `GITHUB_TOKEN`, not an error (the CLI exits 0 with a notice).
    PatchPosted { issue: u64, branch: String, detail: String },
    /// The run is not trusted to choose a fix (a fork, an actor without write access): no
    /// branch, no pull request.
    Untrusted { issue: Option<u64>, reason: String },
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

pub async fn heal(gh: &GitHub, repo: &RepoName, target: HealTarget, options: &HealOptions) -> Result<HealReport> {
    match target {
        HealTarget::Issue(number) => {
            let outcome = heal_issue(gh, repo, number, options).await?;
            Ok(HealReport { report: None, outcome })
        }
        HealTarget::Run(run_id) => heal_run(gh, repo, run_id, options).await,
    }
}

/// `heal --run-id`: report the run, then heal the issue with this run's own analysis.
async fn heal_run(gh: &GitHub, repo: &RepoName, run_id: u64, options: &HealOptions) -> Result<HealReport> {
    let (reported, examined) = report_run(gh, repo, run_id, &options.report).await?;
    let outcome = match (&reported, examined) {
        (ReportOutcome::Filed(filed) | ReportOutcome::Repeated(filed), Some(examined)) => {
            if let Some(why) = &filed.untrusted {
                HealOutcome::Untrusted {
                    issue: Some(filed.issue.number),
                    reason: why.clone(),
                }
            } else if let Some(why) = &filed.demoted {
                // Why the issue was filed without `auto-heal`, not only that it was.
                HealOutcome::Skipped {
                    issue: Some(filed.issue.number),
                    reason: format!("no pull request: {why}"),
                }
            } else if let Some(reason) = skip_reason(&filed.issue) {
                HealOutcome::Skipped {
                    issue: Some(filed.issue.number),
                    reason,
                }
            } else {
                // A repeat heals the open issue on the branch of the run it was filed for.
                let issue_run = named_run(&filed.issue).unwrap_or(filed.record.run_id);
                let branch = Record {
                    run_id: issue_run,
                    ..filed.record.clone()
                }
                .branch();
                let fix = FixRequest {
                    issue: filed.issue.number,
                    record: &filed.record,
                    failures: filed.record.failures.clone(),
                    branch,
                    copilot: examined.config.copilot,
                    histories: &options.report.histories,
                    rejection_threshold: examined.config.rejection_threshold,
                };
                let progress = options.progress();
                let snapshot = Some(&examined.snapshot);
                heal_fix(gh, repo, fix, &examined.head, snapshot, progress.as_ref()).await?
            }
        }
        (ReportOutcome::RolledBack { rollback, .. }, _) => HealOutcome::RolledBack {
            pull: rollback.pr,
            issues: rollback.issues.clone(),
        },
        (ReportOutcome::Skipped { reason }, _) => HealOutcome::Skipped {
            issue: None,
            reason: reason.clone(),
        },
        (ReportOutcome::Filed(filed) | ReportOutcome::Repeated(filed), None) => HealOutcome::Skipped {
            issue: Some(filed.issue.number),
            reason: "the run was not examined".into(),
        },
    };
    Ok(HealReport {
        report: Some(reported),
        outcome,
    })
}

/// `heal --issue N`: re-read the run the issue names and heal the issue with that analysis.
async fn heal_issue(gh: &GitHub, repo: &RepoName, number: u64, options: &HealOptions) -> Result<HealOutcome> {
    let progress = options.progress();
    // Fetch the issue; decide whether heal may touch it and which run it is about.
    progress.step(&format!("reading issue #{number}"));
    let issue = gh.get_issue(repo, number).await?;
    if let Some(reason) = skip_reason(&issue) {
        return Ok(HealOutcome::Skipped {
            issue: Some(number),
            reason,
        });
    }
    if let Some(reason) = outsiders_issue(gh, repo, &issue).await? {
        return Ok(HealOutcome::Skipped {
            issue: Some(number),
            reason,
        });
    }
    let run_id = named_run(&issue).ok_or(Error::NoRecord { issue: number })?;
    let foreign = || Error::ForeignRun {
        issue: number,
        run: run_id,
        repo: repo.to_string(),
    };
    // Fetch the run through this repository's own path: another repository's run is a 404.
    let evidence = match fetch_run(gh, repo, run_id, progress.as_ref()).await {
        Ok(evidence) => evidence,
        Err(error) if error.is_not_found() => return Err(foreign()),
        Err(error) => return Err(error),
    };
    // Against the name GitHub answers for the repository, as `report` judges a run (review84
    // L3): a renamed or transferred repository is served under its old name too, but its
    // runs carry the new one.
    let head = fetch_default_head(gh, repo).await?;
    if !evidence
        .run
        .repository
        .full_name
        .eq_ignore_ascii_case(&head.own_name(repo))
    {
        return Err(foreign());
    }
    let examined = examine_at(gh, repo, evidence, head, &options.report).await?;
    match &examined.route {
        Route::Heal => {}
        Route::ReportOnly(why) | Route::Ignore(why) => {
            return Ok(HealOutcome::Untrusted {
                issue: Some(number),
                reason: why.clone(),
            });
        }
    }
    let failures = match failures_of(gh, &issue, &examined).await? {
        Ok(failures) => failures,
        Err(reason) => return no_fix(gh, repo, number, &examined.head.sha, reason).await,
    };
    let record = &examined.diagnosis.record;
    let fix = FixRequest {
        issue: number,
        record,
        failures,
        branch: record.branch(),
        copilot: examined.config.copilot,
        histories: &options.report.histories,
        rejection_threshold: examined.config.rejection_threshold,
    };
    heal_fix(
        gh,
        repo,
        fix,
        &examined.head,
        Some(&examined.snapshot),
        progress.as_ref(),
    )
    .await
}

/// Why `issue` is no trigger for `heal --issue`: it was opened neither by autoheal nor by
/// someone who may write to the repository. Labels are no proof (an issue form sets them for
/// whoever opens it), and an outsider's copy of a record would heal a run whose own issue a
/// maintainer opted out or whose fixes reviewers rejected, and tie the bot's pull request
/// to the outsider's text.
async fn outsiders_issue(gh: &GitHub, repo: &RepoName, issue: &Issue) -> Result<Option<String>> {
    let bot = fetch_bot_login(gh).await?;
    if may_act_on_records(gh, repo, issue, &bot).await? {
        return Ok(None);
    }
    let author = issue.author().unwrap_or_default();
    if author.ends_with("[bot]") {
        // Another app's account, or autoheal's own App whose login the token cannot learn.
        return Ok(Some(format!(
            "issue #{} was opened by the app `{author}`, not by autoheal (`{bot}`); autoheal heals only its own issues and those of people with write access (with a GitHub App's token, set `{BOT_LOGIN_VAR}` to the App's slug)",
            issue.number
        )));
    }
    Ok(Some(format!(
        "issue #{} was opened by `{author}`, who cannot write to this repository; autoheal heals only its own issues and those of people with write access",
        issue.number
    )))
}

/// The failures to fix: the fresh analysis of the run when its logs were read, else the
/// issue's record when it may stand in (the bot's own issue, the same run); why not otherwise.
async fn failures_of(
    gh: &GitHub,
    issue: &Issue,
    examined: &Examined,
) -> Result<std::result::Result<Vec<FailureInput>, String>> {
    let fresh = &examined.diagnosis.record.failures;
    let read_logs =
        !examined.evidence.logs.is_empty() || examined.evidence.annotations.iter().any(|(_, a)| !a.is_empty());
    if read_logs {
        return Ok(Ok(fresh.clone()));
    }
    let bot = fetch_bot_login(gh).await?;
    Ok(cached_failures(issue, &bot, &examined.evidence.run).map_err(|why| {
        format!(
            "the logs of run {} can no longer be read, and {why}",
            examined.evidence.run.id
        )
    }))
}

/// One fix to make: for which issue, from which analysis, on which branch, and whether
/// Copilot reviews it.
struct FixRequest<'a> {
    issue: u64,
    record: &'a Record,
    failures: Vec<FailureInput>,
    branch: String,
    copilot: CopilotConfig,
    /// The review histories of this pass (cached per repository), read before any commit.
    histories: &'a Histories,
    rejection_threshold: u32,
}

/// Regenerates the fix against the default branch and pushes it as a branch and a PR.
async fn heal_fix(
    gh: &GitHub,
    repo: &RepoName,
    fix: FixRequest<'_>,
    head: &DefaultHead,
    run_snapshot: Option<&Snapshot>,
    progress: &dyn Progress,
) -> Result<HealOutcome> {
    let FixRequest {
        issue,
        record,
        failures,
        branch,
        copilot,
        histories,
        rejection_threshold,
    } = fix;
    // Decide: the rules and rejections as they are now. A repeat of an open issue and
    // `heal --issue` reach this point without report's demotion check, and a `never` said
    // after the issue was filed must still stop the pull request (review84 M2).
    let history = histories.get(gh, repo).await?;
    if let Some(why) = demotion_reason(&acceptance_record(&history), record, rejection_threshold) {
        act::issue::comment_once(gh, repo, issue, DEMOTED_MARKER, &demoted_comment(&why)).await?;
        return Ok(HealOutcome::Skipped {
            issue: Some(issue),
            reason: format!("no pull request: {why}"),
        });
    }
    let read_notes = &history.notes;
    let path = &record.workflow_path;
    let base = &head.branch;
    // Fetch the default branch's files (the run's own when it ran on that very commit).
    progress.step(&format!("generating the fix against {path} on `{base}`"));
    let fetched;
    let snapshot = match run_snapshot.filter(|s| s.commit == head.sha) {
        Some(same) => same,
        None => {
            fetched = fetch_snapshot(gh, repo, &head.sha, path).await?;
            &fetched
        }
    };
    if snapshot.text(path).is_none() {
        let reason = match snapshot.unread.get(path) {
            Some(why) => format!("autoheal did not read `{path}` on `{base}`: {why}"),
            None => format!("`{path}` no longer exists on `{base}`"),
        };
        return no_fix(gh, repo, issue, &head.sha, reason).await;
    }
    // Analyze: the fix against today's workflow (by job and step names when the file
    // changed since the failed run).
    let proposal = analyze::propose_for_record(snapshot, record, &failures);
    let files = proposal.changed_files();
    if files.is_empty() {
        let reasons = proposal.reasons();
        let reason = if reasons.is_empty() {
            format!("no fix applies to `{path}` on `{base}` (was it fixed already?)")
        } else {
            reasons.join("; ")
        };
        return no_fix(gh, repo, issue, &head.sha, reason).await;
    }
    // Fetch the branch's pull requests; decide whether one was already settled.
    let pulls = gh.list_pulls_by_head(repo, &branch).await?;
    let open = pulls.iter().find(|p| p.state == "open").cloned();
    if open.is_none()
        && let Some(closed) = pulls.iter().find(|p| p.state == "closed")
    {
        let how = if closed.merged_at.is_some() {
            "was merged"
        } else {
            "was closed without merging"
        };
        return Ok(HealOutcome::Skipped {
            issue: Some(issue),
            reason: format!(
                "pull request #{} for `{branch}` {how}; autoheal does not reopen it",
                closed.number
            ),
        });
    }
    // Act: the branch, then the pull request.
    progress.step(&format!("committing the fix to `{branch}`"));
    let message = commit_message(issue, &proposal.titles());
    let pushed = act::branch::push_fix(gh, repo, &branch, &head.sha, &files, &message).await?;
    if let Pushed::WorkflowsRefused(detail) = pushed {
        post_patch(gh, repo, issue, record, &proposal).await?;
        return Ok(HealOutcome::PatchPosted { issue, branch, detail });
    }
    let title = pull_title(&proposal.titles());
    let body = pull_body(issue, record, &proposal.fixes(), read_notes);
    // A failure from here on (the pass's time budget running out among them) leaves the
    // branch moved without its pull request: the error says so, and what a rerun does.
    let left = match &open {
        None => format!(
            "the branch `{branch}` now holds the fix, but no pull request was opened for it; `autoheal heal` again opens it (the branch is reused)"
        ),
        Some(pull) => format!(
            "the branch `{branch}` of pull request #{} now holds the new fix, but the pull request's title and body may still describe the old one; `autoheal heal` again updates them",
            pull.number
        ),
    };
    let unfinished = |error: Error| match (&pushed, error) {
        (Pushed::Committed, unfinished @ Error::Unfinished { .. }) => unfinished,
        (Pushed::Committed, error) => Error::Unfinished {
            source: Box::new(error),
            left: left.clone(),
        },
        (_, error) => error,
    };
    let (pull, opened, changed) = match open {
        Some(pull) => {
            progress.step(&format!("updating pull request #{}", pull.number));
            let (pull, refreshed) = act::pull::refresh_pull(gh, repo, pull, &title, &body)
                .await
                .map_err(unfinished)?;
            (pull, false, refreshed || pushed == Pushed::Committed)
        }
        None => {
            progress.step(&format!("opening a pull request from `{branch}` into `{base}`"));
            match act::pull::open_pull(gh, repo, issue, &branch, base, &title, &body).await {
                Ok(pull) => (pull, true, true),
                // Another heal opened it since the list above: refresh that one.
                Err(error) if act::pull::is_already_open(&error) => {
                    let pulls = gh.list_pulls_by_head(repo, &branch).await.map_err(unfinished)?;
                    let Some(pull) = pulls.into_iter().find(|p| p.state == "open") else {
                        return Err(unfinished(error));
                    };
                    progress.step(&format!("updating pull request #{}", pull.number));
                    let (pull, refreshed) = act::pull::refresh_pull(gh, repo, pull, &title, &body)
                        .await
                        .map_err(unfinished)?;
                    (pull, false, refreshed || pushed == Pushed::Committed)
                }
                Err(error) => return Err(unfinished(error)),
            }
        }
    };
    // A new or changed fix gets Copilot's review when the repository asks for it.
    let copilot = if wants_review(&copilot, changed) {
        progress.step(&format!("requesting a Copilot review of #{}", pull.number));
        Some(act::copilot::request_review(gh, repo, pull.number, issue).await)
    } else {
        None
    };
    Ok(if opened {
        HealOutcome::Opened {
            issue,
            branch,
            pull,
            copilot,
        }
    } else {
        HealOutcome::Updated {
            issue,
            branch,
            pull,
            changed,
            copilot,
        }
    })
}

/// Posts the patch (once per identical patch) and opts the issue out of further attempts.
async fn post_patch(gh: &GitHub, repo: &RepoName, issue: u64, record: &Record, proposal: &FixProposal) -> Result<()> {
    let comment = patch_comment(record, &proposal.diff);
    let already = gh
        .list_comments(repo, issue)
        .await?
        .iter()
        .any(|c| c.text().contains(PATCH_MARKER) && c.text().contains(&fenced("diff", &proposal.diff)));
    if !already {
        gh.create_comment(repo, issue, &comment).await?;
    }
    act::issue::hand_to_a_person(gh, repo, issue).await?;
    Ok(())
}

/// Says on the issue (once per default-branch commit) why no fix was made.
async fn no_fix(gh: &GitHub, repo: &RepoName, issue: u64, head_sha: &str, reason: String) -> Result<HealOutcome> {
    act::issue::comment_once(
        gh,
        repo,
        issue,
        &no_fix_marker(head_sha),
        &no_fix_comment(head_sha, &reason),
    )
    .await?;
    Ok(HealOutcome::NoFix { issue, reason })
}
