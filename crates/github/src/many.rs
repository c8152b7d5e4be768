//! Healing many repositories: `autoheal heal --repos FILE | --org ORG --since 24h`.
//!
//! Each repository's recent failed runs are listed and handed, oldest first and one at a
//! time, to a per-run action (normally `report` + `heal`). Runs of one repository stay
//! sequential so the duplicate check sees the issue an earlier run filed; repositories run in
//! parallel up to a bound (a tokio semaphore). All tasks share one client and one rate-limit
//! budget: when GitHub says the budget is spent, or the pass's time budget runs out, no new
//! work starts and the rest is reported as deferred. A rerun resumes: runs already recorded in an issue (its hidden block) or a
//! repeat comment are not reported again, and heal reuses its branch and PR.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use tokio::sync::Semaphore;

use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::client::endpoints::IssueFilter;
use crate::decide::rollback::own_heal_branch;
use crate::error::{Error, Result};
use crate::fetch::history::{Histories, MAX_THREADS_READ, fetch_comments, parse_time, stamp};
use crate::fetch::trust::{Vouching, fetch_bot_login};
use crate::heal::{HealOptions, HealOutcome, HealTarget, heal};
use crate::models::WorkflowRun;
use crate::record::decode;
use crate::rollback::rollback_branch;
use crate::stats::run_link_id;
use crate::text::LABEL_WORKFLOW_FAILURE;

/// Repositories processed at once unless told otherwise.
pub const DEFAULT_CONCURRENCY: usize = 4;
/// Run conclusions worth reporting (`cancelled` covers timeouts; `report` skips manual cancels).
const FAILED_STATUSES: [&str; 2] = ["failure", "cancelled"];

/// What to do with one failed run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Work {
    /// A run nobody recorded yet: report it and heal the issue.
    Run { run_id: u64 },
    /// A run already filed as this issue by an earlier, perhaps interrupted, pass: heal the
    /// issue again (heal reuses its branch and PR, so nothing is duplicated).
    Issue { run_id: u64, issue: u64 },
    /// A run on one of autoheal's own fix branches failed: the fix broke the checks. Roll the
    /// PR back instead of stacking another fix on it.
    Rollback { run_id: u64, branch: String },
}

impl Work {
    pub fn run_id(&self) -> u64 {
        match self {
            Work::Run { run_id } | Work::Issue { run_id, .. } | Work::Rollback { run_id, .. } => *run_id,
        }
    }
}

/// What the action did with one run, as the summary counts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RunOutcome {
    /// A PR was opened or updated.
    Healed { issue: Option<u64>, pull: u64 },
    /// An issue was filed or commented on, without a PR (not fixable, demoted, skipped).
    Reported { issue: u64, note: String },
    /// Nothing was filed or changed; the note says why.
    Skipped { note: String },
    /// A heal PR was closed because its checks failed.
    RolledBack { pull: u64 },
}

/// The boxed future a [`RunAction`] returns.
pub type ActionFuture = Pin<Box<dyn Future<Output = std::result::Result<RunOutcome, ActionError>> + Send>>;
/// The per-run action: `report` + `heal` in production, a stub in tests.
pub type RunAction = Arc<dyn Fn(GitHub, RepoName, Work) -> ActionFuture + Send + Sync>;

/// Why the action failed on one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionError {
    pub message: String,
    /// GitHub's rate-limit budget is spent: stop starting new work everywhere.
    pub rate_limited: bool,
    /// The pass's time budget ran out (`--time-budget`): stop starting new work everywhere.
    pub out_of_time: bool,
}

impl From<Error> for ActionError {
    fn from(error: Error) -> Self {
        // By the root: a rate limit or the time budget met after a fix branch moved comes
        // wrapped in `Unfinished`, and spends the pass's budget all the same.
        ActionError {
            rate_limited: matches!(error.root(), Error::RateLimited { .. }),
            out_of_time: matches!(error.root(), Error::OutOfTime { .. }),
            message: error.to_string(),
        }
    }
}

/// Receives progress; the CLI draws a bar on a terminal and plain lines elsewhere.
pub trait ManyProgress: Send + Sync {
    /// Called once with the number of repositories.
    fn start(&self, _repos: usize) {}
    /// Called as each repository finishes (`done` of the total).
    fn finished(&self, _summary: &RepoSummary, _done: usize) {}
}

/// Reports nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl ManyProgress for NoProgress {}

/// One failed run and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RunResult {
    pub run_id: u64,
    pub outcome: Option<RunOutcome>,
    pub error: Option<String>,
}

/// What happened in one repository.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RepoSummary {
    pub repo: String,
    /// Failed runs in the window.
    pub failed_runs: usize,
    /// Runs an earlier pass fully recorded, left alone.
    pub already_done: usize,
    pub healed: usize,
    pub reported: usize,
    pub skipped: usize,
    pub rolled_back: usize,
    pub errors: usize,
    pub runs: Vec<RunResult>,
    /// The repository could not be scanned at all (listing its runs failed).
    pub error: Option<String>,
    /// Work not started because the shared rate-limit budget ran out; a rerun resumes it.
    pub deferred: usize,
    /// What a budget left unread in this repository, in words for the user.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl RepoSummary {
    /// Whether everything in the repository went through.
    pub fn is_ok(&self) -> bool {
        self.error.is_none() && self.errors == 0 && self.deferred == 0
    }
}

/// The whole multi-repository pass.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ManySummary {
    pub since: String,
    pub repos: Vec<RepoSummary>,
    /// GitHub's rate limit stopped the pass early.
    pub rate_limited: bool,
    /// The pass's time budget (`--time-budget`) stopped it early.
    pub out_of_time: bool,
}

impl ManySummary {
    pub fn failed_repos(&self) -> Vec<&RepoSummary> {
        self.repos.iter().filter(|r| !r.is_ok()).collect()
    }
}

/// How [`heal_many`] runs.
#[derive(Clone)]
pub struct ManyOptions {
    /// Failed runs created at or after this time are scanned.
    pub since: DateTime<Utc>,
    /// Repositories processed at once (at least 1).
    pub concurrency: usize,
    pub progress: Arc<dyn ManyProgress>,
}

impl ManyOptions {
    pub fn new(since: DateTime<Utc>) -> ManyOptions {
        ManyOptions {
            since,
            concurrency: DEFAULT_CONCURRENCY,
            progress: Arc::new(NoProgress),
        }
    }
}

/// A point in time (UTC), as `--since` yields it.
pub type Time = DateTime<Utc>;

/// The current time, for [`parse_since`].
pub fn now() -> Time {
    Utc::now()
}

/// `24h`, `90m`, `7d`, `2w` as a duration; `None` for anything else.
pub fn parse_window(raw: &str) -> Option<Duration> {
    let raw = raw.trim();
    let split = raw.find(|c: char| !c.is_ascii_digit())?;
    let (digits, unit) = raw.split_at(split);
    let amount: i64 = digits.parse().ok().filter(|n| *n > 0 && *n <= 100_000)?;
    match unit {
        "m" | "min" => Some(Duration::minutes(amount)),
        "h" => Some(Duration::hours(amount)),
        "d" => Some(Duration::days(amount)),
        "w" => Some(Duration::weeks(amount)),
        _ => None,
    }
}

/// A `--since` value: a window back from `now` (`24h`), an RFC 3339 time, or a date
/// (`2024-05-01`, midnight UTC).
pub fn parse_since(raw: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if let Some(window) = parse_window(raw) {
        return Some(now - window);
    }
    if let Some(time) = parse_time(Some(raw.trim())) {
        return Some(time);
    }
    let date = chrono::NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc())
}

/// Repositories from a `--repos` file: one `OWNER/NAME` a line; blank lines and `#` comments
/// are skipped, repeats dropped. Errors name the bad line.
pub fn parse_repo_list(text: &str) -> std::result::Result<Vec<RepoName>, String> {
    let mut repos = Vec::new();
    let mut seen = BTreeSet::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let repo = RepoName::parse(line).map_err(|e| format!("line {}: {e}", index + 1))?;
        if seen.insert(repo.clone()) {
            repos.push(repo);
        }
    }
    Ok(repos)
}

/// The organization's repositories (all pages), without archived or disabled ones.
pub async fn org_repos(gh: &GitHub, org: &str) -> Result<Vec<RepoName>> {
    let repos = gh.list_org_repos(org).await?;
    Ok(repos
        .into_iter()
        .filter(|r| r.archived != Some(true) && r.disabled != Some(true))
        .filter_map(|r| RepoName::parse(&r.full_name).ok())
        .collect())
}

/// Failed or cancelled runs created at or after `since`, all pages, oldest first.
pub async fn failed_runs(gh: &GitHub, repo: &RepoName, since: DateTime<Utc>) -> Result<Vec<WorkflowRun>> {
    let mut runs: BTreeMap<u64, WorkflowRun> = BTreeMap::new();
    for status in FAILED_STATUSES {
        for run in gh.list_runs(repo, status, &stamp(since)).await? {
            runs.insert(run.id, run);
        }
    }
    Ok(runs.into_values().collect())
}

/// Runs already recorded by an earlier pass: run id -> the issue filed for it (`Some`) or
/// `None` when the run only appears in a repeat comment; and, when more issues autoheal or a
/// writer opened are in the window than [`MAX_THREADS_READ`], a note saying the comments of
/// the older ones were not read (a run recorded only there is worked on again: its report
/// finds the open issue and comments a repeat, the safe direction).
pub async fn recorded_runs(
    gh: &GitHub,
    repo: &RepoName,
    since: DateTime<Utc>,
) -> Result<(BTreeMap<u64, Option<u64>>, Option<String>)> {
    let filter = IssueFilter {
        labels: vec![LABEL_WORKFLOW_FAILURE.to_string()],
        state: Some("all".into()),
        since: Some(stamp(since)),
    };
    let issues = gh.list_issues(repo, &filter).await?;
    // Only what autoheal or someone who may write wrote counts: an issue form sets the label
    // for anyone, and an outsider's copied record or run link would hide a failure from
    // every later pass. Who is asked once per author, for a bounded number of authors
    // (`Vouching`); who autoheal is, only when there is an issue.
    let mut vouching: Option<Vouching> = None;
    // An issue's opener and a comment's author come with GitHub's `author_association`: only
    // an owner, member or collaborator is asked about (`Vouching::may_act_as`), so outsiders'
    // labelled issues and comments cost no ask.
    let mut may_act = async |author: &str, association: &str| -> Result<bool> {
        let vouching = match &mut vouching {
            Some(vouching) => vouching,
            None => vouching.insert(Vouching::new(&fetch_bot_login(gh).await?)),
        };
        vouching.may_act_as(gh, repo, author, association).await
    };
    let mut recorded = BTreeMap::new();
    // autoheal comments a repeat only on an issue autoheal or a writer opened (the duplicate
    // check's rule), so only those threads are read: an outsider's hundred labelled issues
    // cost no comment list each.
    let mut numbers: Vec<u64> = Vec::new();
    for issue in &issues {
        if !may_act(issue.author().unwrap_or_default(), &issue.author_association).await? {
            continue;
        }
        numbers.push(issue.number);
        if let Some(record) = issue.body.as_deref().and_then(decode) {
            recorded.insert(record.run_id, Some(issue.number));
        }
    }
    // GitHub lists issues newest first: the newest threads are read.
    let note = (numbers.len() > MAX_THREADS_READ).then(|| {
        format!(
            "read the comments of the newest {MAX_THREADS_READ} of {} issues autoheal or a writer opened in the window; runs recorded only in older issues' comments are worked on again",
            numbers.len()
        )
    });
    numbers.truncate(MAX_THREADS_READ);
    for comments in fetch_comments(gh, repo, &numbers).await?.values() {
        for comment in comments {
            let text = comment.text();
            let run = decode(text).map(|r| r.run_id).or_else(|| run_link_id(text));
            if let Some(run) = run
                && may_act(comment.author(), &comment.author_association).await?
            {
                recorded.entry(run).or_insert(None);
            }
        }
    }
    Ok((recorded, note))
}

/// What to do with each failed run, given what an earlier pass recorded. `None` = done already.
pub fn plan_work(runs: &[WorkflowRun], recorded: &BTreeMap<u64, Option<u64>>) -> Vec<Option<Work>> {
    runs.iter()
        .map(|run| {
            if let Some(branch) = own_heal_branch(run) {
                return Some(Work::Rollback {
                    run_id: run.id,
                    branch: branch.to_string(),
                });
            }
            match recorded.get(&run.id) {
                None => Some(Work::Run { run_id: run.id }),
                Some(Some(issue)) => Some(Work::Issue {
                    run_id: run.id,
                    issue: *issue,
                }),
                Some(None) => None,
            }
        })
        .collect()
}

/// Shared across repositories: once GitHub's budget is spent, nobody starts new work.
#[derive(Debug, Default)]
struct Budget {
    /// GitHub's rate limit is spent.
    spent: AtomicBool,
    /// The pass's time budget ran out: every later request would fail at once.
    out_of_time: AtomicBool,
}

impl Budget {
    /// Why no new work may start, if something stopped the pass.
    fn stopped(&self) -> Option<&'static str> {
        if self.out_of_time.load(Ordering::SeqCst) {
            Some("the pass's time budget (--time-budget) ran out")
        } else if self.spent.load(Ordering::SeqCst) {
            Some("the rate-limit budget is spent")
        } else {
            None
        }
    }

    /// Note what `error` spent.
    fn note(&self, error: &ActionError) {
        if error.rate_limited {
            self.spent.store(true, Ordering::SeqCst);
        }
        if error.out_of_time {
            self.out_of_time.store(true, Ordering::SeqCst);
        }
    }
}

async fn heal_repo(
    gh: GitHub,
    repo: RepoName,
    since: DateTime<Utc>,
    action: RunAction,
    budget: Arc<Budget>,
) -> RepoSummary {
    let mut summary = RepoSummary {
        repo: repo.to_string(),
        ..RepoSummary::default()
    };
    if let Some(why) = budget.stopped() {
        summary.deferred = 1;
        summary.error = Some(format!("not scanned: {why}; rerun to resume"));
        return summary;
    }
    let mut notes = Vec::new();
    let scanned = async {
        let runs = failed_runs(&gh, &repo, since).await?;
        let (recorded, note) = if runs.is_empty() {
            (BTreeMap::new(), None)
        } else {
            recorded_runs(&gh, &repo, since).await?
        };
        notes.extend(note);
        Ok::<_, Error>((runs, recorded))
    };
    let scanned = scanned.await;
    summary.notes = notes;
    let (runs, recorded) = match scanned {
        Ok(found) => found,
        Err(error) => {
            let error = ActionError::from(error);
            if error.rate_limited || error.out_of_time {
                budget.note(&error);
                summary.deferred = 1;
            }
            summary.error = Some(error.message);
            return summary;
        }
    };
    summary.failed_runs = runs.len();
    for (run, work) in runs.iter().zip(plan_work(&runs, &recorded)) {
        let Some(work) = work else {
            summary.already_done += 1;
            continue;
        };
        if budget.stopped().is_some() {
            summary.deferred += 1;
            continue;
        }
        match action(gh.clone(), repo.clone(), work).await {
            Ok(outcome) => {
                match &outcome {
                    RunOutcome::Healed { .. } => summary.healed += 1,
                    RunOutcome::Reported { .. } => summary.reported += 1,
                    RunOutcome::Skipped { .. } => summary.skipped += 1,
                    RunOutcome::RolledBack { .. } => summary.rolled_back += 1,
                }
                summary.runs.push(RunResult {
                    run_id: run.id,
                    outcome: Some(outcome),
                    error: None,
                });
            }
            Err(error) => {
                budget.note(&error);
                summary.errors += 1;
                summary.runs.push(RunResult {
                    run_id: run.id,
                    outcome: None,
                    error: Some(error.message),
                });
            }
        }
    }
    summary
}

/// Scans every repository's failed runs since `options.since` and applies `action` to each
/// (see the module docs). A repository that fails (a 500 listing its runs, an error on one of
/// its runs) is reported in its summary; the others go on. Summaries keep the input order.
pub async fn heal_many(gh: &GitHub, repos: &[RepoName], options: &ManyOptions, action: RunAction) -> ManySummary {
    let permits = Arc::new(Semaphore::new(options.concurrency.max(1)));
    let budget = Arc::new(Budget::default());
    let done = Arc::new(AtomicUsize::new(0));
    options.progress.start(repos.len());
    let mut tasks = tokio::task::JoinSet::new();
    for (index, repo) in repos.iter().enumerate() {
        let (gh, repo, action, budget) = (gh.clone(), repo.clone(), action.clone(), budget.clone());
        let (permits, progress, done, since) = (permits.clone(), options.progress.clone(), done.clone(), options.since);
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await;
            let summary = heal_repo(gh, repo, since, action, budget).await;
            let finished = done.fetch_add(1, Ordering::SeqCst) + 1;
            progress.finished(&summary, finished);
            (index, summary)
        });
    }
    let mut summaries: Vec<Option<RepoSummary>> = vec![None; repos.len()];
    while let Some(joined) = tasks.join_next().await {
        if let Ok((index, summary)) = joined
            && let Some(slot) = summaries.get_mut(index)
        {
            *slot = Some(summary);
        }
    }
    let repos = repos
        .iter()
        .zip(summaries)
        .map(|(repo, summary)| {
            summary.unwrap_or_else(|| RepoSummary {
                repo: repo.to_string(),
                error: Some("the task for this repository stopped unexpectedly".into()),
                ..RepoSummary::default()
            })
        })
        .collect();
    ManySummary {
        since: options.since.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        repos,
        rate_limited: budget.spent.load(Ordering::SeqCst),
        out_of_time: budget.out_of_time.load(Ordering::SeqCst),
    }
}

/// The summary as a table, with the errors listed under it.
pub fn render_table(summary: &ManySummary) -> String {
    let width = summary.repos.iter().map(|r| r.repo.len()).max().unwrap_or(4).max(10);
    let mut out = format!(
        "{:<width$}  {:>6}  {:>6}  {:>8}  {:>7}  {:>8}  {:>4}  {:>8}  {:>6}  status\n",
        "repository", "failed", "healed", "reported", "skipped", "rollback", "done", "deferred", "errors"
    );
    for r in &summary.repos {
        let status = if r.error.is_some() {
            "FAILED"
        } else if !r.is_ok() {
            "partial"
        } else {
            "ok"
        };
        out.push_str(&format!(
            "{:<width$}  {:>6}  {:>6}  {:>8}  {:>7}  {:>8}  {:>4}  {:>8}  {:>6}  {status}\n",
            r.repo, r.failed_runs, r.healed, r.reported, r.skipped, r.rolled_back, r.already_done, r.deferred, r.errors
        ));
    }
    for r in &summary.repos {
        if let Some(error) = &r.error {
            out.push_str(&format!("\n{}: {error}", r.repo));
        }
        for note in &r.notes {
            out.push_str(&format!("\n{}: note: {note}", r.repo));
        }
        // Why a run got an issue and no pull request (not fixable, untrusted, demoted: an
        // unread rule search demotes a repository's whole pass, and the reason says so).
        for run in &r.runs {
            if let Some(RunOutcome::Reported { issue, note }) = &run.outcome {
                let note = note.strip_prefix("no pull request: ").unwrap_or(note);
                out.push_str(&format!(
                    "\n{}: run {}: issue #{issue} without a pull request: {note}",
                    r.repo, run.run_id
                ));
            }
        }
        for run in r.runs.iter().filter(|run| run.error.is_some()) {
            out.push_str(&format!(
                "\n{}: run {}: {}",
                r.repo,
                run.run_id,
                run.error.as_deref().unwrap_or_default()
            ));
        }
    }
    if summary.rate_limited {
        out.push_str("\nGitHub's rate limit stopped the pass; rerun the same command later to resume.");
    }
    if summary.out_of_time {
        out.push_str("\nThe pass's time budget (--time-budget) stopped it; rerun the same command to resume.");
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The production action: `report` + `heal` for new runs (`heal --run-id`), `heal` for runs an
/// earlier pass already filed (`heal --issue`), and [`crate::rollback::rollback_branch`] for
/// failed runs on autoheal's own fix branches.
pub fn heal_action(mut options: HealOptions) -> RunAction {
    // One pass reads each repository's history once, however many of its runs it files.
    options.report.histories = Histories::default();
    let options = Arc::new(options);
    Arc::new(move |gh: GitHub, repo: RepoName, work: Work| {
        let options = options.clone();
        Box::pin(async move {
            let target = match work {
                Work::Run { run_id } => HealTarget::Run(run_id),
                Work::Issue { issue, .. } => HealTarget::Issue(issue),
                Work::Rollback { branch, .. } => {
                    return Ok(match rollback_branch(&gh, &repo, &branch).await? {
                        Some(rolled) => RunOutcome::RolledBack { pull: rolled.pr },
                        None => RunOutcome::Skipped {
                            note: format!("no open heal PR with failed checks on {branch}"),
                        },
                    });
                }
            };
            let report = heal(&gh, &repo, target, &options).await?;
            Ok(outcome_of(report.outcome))
        }) as ActionFuture
    })
}

fn outcome_of(outcome: HealOutcome) -> RunOutcome {
    match outcome {
        HealOutcome::Opened { issue, pull, .. } | HealOutcome::Updated { issue, pull, .. } => RunOutcome::Healed {
            issue: Some(issue),
            pull: pull.number,
        },
        HealOutcome::NoFix { issue, reason } => RunOutcome::Reported { issue, note: reason },
        HealOutcome::PatchPosted { issue, .. } => RunOutcome::Reported {
            issue,
            note: "the token may not push workflow changes; the patch was posted on the issue".into(),
        },
        HealOutcome::Untrusted {
            issue: Some(issue),
            reason,
        } => RunOutcome::Reported { issue, note: reason },
        HealOutcome::Untrusted { issue: None, reason } => RunOutcome::Skipped { note: reason },
        HealOutcome::Skipped {
            issue: Some(issue),
            reason,
        } => RunOutcome::Reported { issue, note: reason },
        HealOutcome::Skipped { issue: None, reason } => RunOutcome::Skipped { note: reason },
        HealOutcome::RolledBack { pull, .. } => RunOutcome::RolledBack { pull },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_limit_or_the_time_budget_met_after_a_branch_moved_still_stops_the_pass() {
        let limited = Error::RateLimited {
            method: "POST".into(),
            path: "/repos/o/r/pulls".into(),
            status: 403,
            wait_secs: 3600,
        };
        let unfinished = |source: Error| Error::Unfinished {
            source: Box::new(source),
            left: "the branch holds the fix".into(),
        };
        let error = ActionError::from(unfinished(limited));
        assert!(error.rate_limited && !error.out_of_time, "{error:?}");
        assert!(error.message.ends_with("; the branch holds the fix"), "{error:?}");
        let out_of_time = Error::OutOfTime {
            budget_secs: 60,
            method: "POST".into(),
            path: "/repos/o/r/pulls".into(),
            in_flight: true,
            written: Vec::new(),
        };
        let error = ActionError::from(unfinished(out_of_time));
        assert!(error.out_of_time && !error.rate_limited, "{error:?}");
    }

    fn run(id: u64, branch: &str) -> WorkflowRun {
        let own = crate::models::RepoRef {
            full_name: "octo/app".into(),
        };
        WorkflowRun {
            id,
            head_branch: Some(branch.into()),
            repository: own.clone(),
            head_repository: Some(own),
            ..WorkflowRun::default()
        }
    }

    #[test]
    fn windows_dates_and_times() {
        let now = parse_time(Some("2024-05-02T12:00:00Z")).unwrap_or_default();
        assert_eq!(parse_since("24h", now), parse_time(Some("2024-05-01T12:00:00Z")));
        assert_eq!(parse_since("2d", now), parse_time(Some("2024-04-30T12:00:00Z")));
        assert_eq!(parse_since("2024-05-01", now), parse_time(Some("2024-05-01T00:00:00Z")));
        assert_eq!(
            parse_since("2024-05-01T06:00:00+02:00", now),
            parse_time(Some("2024-05-01T04:00:00Z"))
        );
        for bad in ["", "h", "0h", "24x", "-1h", "yesterday"] {
            assert_eq!(parse_since(bad, now), None, "{bad}");
        }
    }

    #[test]
    fn repo_lists_skip_comments_and_repeats_and_name_bad_lines() {
        let repos = parse_repo_list("# fleet\nocto/app\n\n  octo/api  # the API\nocto/app\n").unwrap_or_default();
        let names: Vec<String> = repos.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["octo/app", "octo/api"]);
        assert_eq!(
            parse_repo_list("octo/app\nnot a repo\n").err().as_deref(),
            Some("line 2: configuration error: repository `not a repo` is not OWNER/NAME")
        );
    }

    #[test]
    fn plan_resumes_and_rolls_back_fix_branches() {
        let runs = [
            run(1, "main"),
            run(2, "main"),
            run(3, "main"),
            run(4, "autoheal/1-timeout"),
            WorkflowRun {
                head_repository: Some(crate::models::RepoRef {
                    full_name: "mallory/app".into(),
                }),
                ..run(5, "autoheal/1-timeout")
            },
        ];
        let recorded = BTreeMap::from([(2, Some(10)), (3, None)]);
        assert_eq!(
            plan_work(&runs, &recorded),
            [
                Some(Work::Run { run_id: 1 }),
                Some(Work::Issue { run_id: 2, issue: 10 }),
                None,
                Some(Work::Rollback {
                    run_id: 4,
                    branch: "autoheal/1-timeout".into()
                }),
                // A fork's branch of that name is the fork's own failure.
                Some(Work::Run { run_id: 5 }),
            ]
        );
    }
}
