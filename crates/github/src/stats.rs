//! `autoheal stats`: how many failures were filed, how many fixes were proposed and merged,
//! how fast, per fix type, and which fixes did not stick. [`compute`] is pure over a
//! [`History`]; [`stats`] fetches the history and calls it. `docs/metrics.md` defines each
//! number.

use std::collections::{BTreeMap, BTreeSet};

use autoheal_engine::text::is_invisible_format;
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::decide::commands::parse_command;
use crate::decide::copilot::is_copilot_reviewer;
use crate::decide::learning::{is_restrictive_review, is_trusted, is_trusted_review};
use crate::error::Result;
use crate::fetch::history::{History, Item, fetch_history, parse_time};
use crate::models::Review;
use crate::record::{Record, decode};

/// The `by_fix_type` key for items without the hidden analysis block.
pub const UNKNOWN_FIX_TYPE: &str = "unknown";
/// The `by_fix_type` key for failures `report` found no fix for.
pub const NO_FIX_TYPE: &str = "none";
/// How many fingerprints `top_fingerprints` lists.
pub const TOP_FINGERPRINTS: usize = 10;

/// Counts and merge rate of one fix type.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FixTypeStats {
    pub issues_created: u64,
    pub prs_opened: u64,
    pub prs_merged: u64,
    pub prs_closed_unmerged: u64,
    pub prs_open: u64,
    /// merged ÷ (merged + closed unmerged); `null` while nothing was decided.
    pub merge_rate: Option<f64>,
}

/// How often one failure fingerprint occurred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FingerprintCount {
    pub fingerprint: String,
    /// Issues filed for it.
    pub issues: u64,
    /// Failed runs recorded for it: each issue plus each repeat-run comment on those issues.
    pub runs: u64,
}

/// A failure that came back after the PR that fixed it was merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recurrence {
    pub fingerprint: String,
    /// The merged PR that should have fixed it (the latest merged before the run).
    pub fixed_by_pr: u64,
    pub merged_at: String,
    /// The issue the repeat run was filed under or commented on.
    pub issue: u64,
    /// The repeat run, when the record names it.
    pub run_id: Option<u64>,
    pub seen_at: String,
}

/// `by_reviewer` key: PRs Copilot's reviewer reviewed.
pub const REVIEWER_COPILOT: &str = "copilot";
/// `by_reviewer` key: PRs a person (any non-bot account) reviewed.
pub const REVIEWER_PERSON: &str = "person";
/// `by_reviewer` key: PRs nobody reviewed.
pub const REVIEWER_NONE: &str = "unreviewed";

/// How the heal PRs one kind of reviewer reviewed fared.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReviewerStats {
    pub prs_reviewed: u64,
    /// PRs with at least one review of that state from this kind of reviewer.
    pub approved: u64,
    pub changes_requested: u64,
    pub commented: u64,
    /// PRs whose head commit moved after this kind of reviewer's review: the fix was revised
    /// in response (what `by_reviewer.copilot` says about Copilot changing the outcome).
    pub revised_after_review: u64,
    pub merged: u64,
    pub closed_unmerged: u64,
    pub open: u64,
    pub merge_rate: Option<f64>,
}

/// What `autoheal stats` reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    pub repo: String,
    /// Only items created at or after this time were counted (RFC 3339), when set.
    pub since: Option<String>,
    pub issues_created: u64,
    pub prs_opened: u64,
    pub prs_merged: u64,
    pub prs_closed_unmerged: u64,
    pub prs_open: u64,
    pub merge_rate: Option<f64>,
    /// Merged PRs whose `Fixes #N` issue is known, i.e. the sample of the two times below.
    pub merged_with_issue: u64,
    pub median_hours_to_merge: Option<f64>,
    pub p90_hours_to_merge: Option<f64>,
    pub by_fix_type: BTreeMap<String, FixTypeStats>,
    /// Heal PRs by who reviewed them: `copilot`, `person`, `unreviewed` (a PR reviewed by both
    /// counts under both).
    pub by_reviewer: BTreeMap<String, ReviewerStats>,
    pub top_fingerprints: Vec<FingerprintCount>,
    /// Distinct repeat runs seen after a merged fix for the same fingerprint.
    pub recurred_after_fix: u64,
    /// Restrictive words (`/autoheal never`, `wrong-fix`, a review requesting changes) that
    /// counted without a permission check: their author is an owner, member or collaborator
    /// left over when the asks ran out (`History::unasked`, review82 L5). More than a few
    /// means a crowd is steering autoheal off unchecked.
    pub restrictive_unchecked: u64,
    pub recurrences: Vec<Recurrence>,
}

fn rate(merged: u64, closed_unmerged: u64) -> Option<f64> {
    let decided = merged + closed_unmerged;
    (decided > 0).then(|| round2(merged as f64 / decided as f64))
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn stamp(time: DateTime<Utc>) -> String {
    time.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The median of sorted values (the mean of the middle two for an even count).
pub fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => sorted.get(n / 2).copied(),
        _ => Some((sorted.get(n / 2 - 1)? + sorted.get(n / 2)?) / 2.0),
    }
}

/// The nearest-rank percentile of sorted values: the smallest value with at least `pct`
/// percent of the values at or below it.
pub fn percentile(sorted: &[f64], pct: u32) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = (u64::from(pct) * n as u64).div_ceil(100).max(1) as usize;
    sorted.get(rank.min(n) - 1).copied()
}

fn fix_type_key(item: Option<&Record>) -> String {
    match item {
        None => UNKNOWN_FIX_TYPE.to_string(),
        Some(record) => record
            .fix_type
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| NO_FIX_TYPE.to_string()),
    }
}

fn in_window(time: Option<DateTime<Utc>>, since: Option<DateTime<Utc>>) -> bool {
    match (since, time) {
        (None, _) => true,
        (Some(since), Some(time)) => time >= since,
        (Some(_), None) => false,
    }
}

/// A run of a failure: the issue it was filed as, or a comment `report` added to that issue.
struct Occurrence {
    fingerprint: String,
    issue: u64,
    run_id: Option<u64>,
    at: DateTime<Utc>,
}

/// The run a repeat-failure comment records: the first `/actions/runs/<id>` link, else the
/// `run <id>` that `report`'s repeat comment names when it has no link.
pub fn run_link_id(text: &str) -> Option<u64> {
    let number_after = |mark: &str| {
        text.match_indices(mark).find_map(|(start, _)| {
            let digits: String = text
                .get(start + mark.len()..)?
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
    };
    number_after("/actions/runs/").or_else(|| {
        text.starts_with("The same failure happened again in ")
            .then(|| number_after(" again in run ").or_else(|| number_after(" again in [run ")))
            .flatten()
    })
}

/// Every recorded run of every fingerprinted issue. A comment records a run when it carries
/// a hidden analysis block (its fingerprint wins) or links to a workflow run.
fn occurrences(history: &History) -> Vec<Occurrence> {
    let mut found: Vec<Occurrence> = Vec::new();
    for issue in history.issues() {
        let Some(record) = &issue.analysis else { continue };
        if let Some(at) = issue.created_at {
            found.push(Occurrence {
                fingerprint: record.fingerprint.clone(),
                issue: issue.number,
                run_id: (record.run_id > 0).then_some(record.run_id),
                at,
            });
        }
        for comment in history.comments_on(issue.number) {
            let Some(at) = parse_time(Some(&comment.created_at)) else {
                continue;
            };
            let text = comment.text();
            let (fingerprint, run_id) = match decode(text) {
                Some(inner) => (inner.fingerprint, (inner.run_id > 0).then_some(inner.run_id)),
                None => match run_link_id(text) {
                    Some(run) => (record.fingerprint.clone(), Some(run)),
                    None => continue,
                },
            };
            found.push(Occurrence {
                fingerprint,
                issue: issue.number,
                run_id,
                at,
            });
        }
    }
    // One run is one occurrence, however many records mention it: keep the earliest.
    found.sort_by_key(|o| (o.at, o.issue));
    let mut seen = BTreeSet::new();
    found.retain(|o| o.run_id.is_none_or(|run| seen.insert((o.fingerprint.clone(), run))));
    found
}

fn count_pull(entry: &mut FixTypeStats, pull: &Item) {
    entry.prs_opened += 1;
    if pull.is_merged() {
        entry.prs_merged += 1;
    } else if pull.is_closed_unmerged() {
        entry.prs_closed_unmerged += 1;
    } else {
        entry.prs_open += 1;
    }
}

/// The stats of a history. Counts cover items created at or after `since` (all when `None`);
/// links (`Fixes #N`, fix types of linked issues) may reach items outside the window.
pub fn compute(repo: &str, history: &History, since: Option<DateTime<Utc>>) -> Stats {
    let mut stats = Stats {
        repo: repo.to_string(),
        since: since.map(stamp),
        ..Stats::default()
    };
    let mut totals = FixTypeStats::default();
    let mut hours = Vec::new();
    for issue in history.issues().filter(|i| in_window(i.created_at, since)) {
        stats.issues_created += 1;
        let key = fix_type_key(issue.analysis.as_ref());
        stats.by_fix_type.entry(key).or_default().issues_created += 1;
    }
    for pull in history.pulls().filter(|p| in_window(p.created_at, since)) {
        count_pull(&mut totals, pull);
        let key = fix_type_key(history.pull_analysis(pull));
        count_pull(stats.by_fix_type.entry(key).or_default(), pull);
        let linked_issue = pull
            .fixes
            .iter()
            .find_map(|n| history.item(*n).and_then(|i| i.created_at));
        if let (Some(merged), Some(created)) = (pull.merged_at, linked_issue) {
            let seconds = (merged - created).num_seconds();
            if seconds >= 0 {
                hours.push(seconds as f64 / 3600.0);
            }
        }
    }
    stats.prs_opened = totals.prs_opened;
    stats.prs_merged = totals.prs_merged;
    stats.prs_closed_unmerged = totals.prs_closed_unmerged;
    stats.prs_open = totals.prs_open;
    stats.merge_rate = rate(totals.prs_merged, totals.prs_closed_unmerged);
    for entry in stats.by_fix_type.values_mut() {
        entry.merge_rate = rate(entry.prs_merged, entry.prs_closed_unmerged);
    }
    hours.sort_by(f64::total_cmp);
    stats.merged_with_issue = hours.len() as u64;
    stats.median_hours_to_merge = median(&hours).map(round2);
    stats.p90_hours_to_merge = percentile(&hours, 90).map(round2);

    stats.by_reviewer = by_reviewer(history, since);
    let occurrences = occurrences(history);
    stats.top_fingerprints = top_fingerprints(history, &occurrences, since);
    stats.recurrences = recurrences(history, &occurrences, since);
    stats.recurred_after_fix = stats.recurrences.len() as u64;
    stats.restrictive_unchecked = restrictive_unchecked(history);
    stats
}

/// How many restrictive words of the history counted only because their author was left
/// unasked (see [`Stats::restrictive_unchecked`]).
fn restrictive_unchecked(history: &History) -> u64 {
    let unchecked = |author: &str| history.unasked.contains(author) && !history.writers.contains(author);
    let commands = history
        .comments
        .values()
        .chain(history.rules.values())
        .flatten()
        .filter(|c| unchecked(c.author()))
        .filter_map(|c| Some((c, parse_command(c.text())?.ok()?)))
        .filter(|(c, command)| command.is_restrictive() && is_trusted(c, command, history))
        .count();
    let reviews = history
        .reviews
        .values()
        .flatten()
        .filter(|r| unchecked(r.author()) && is_restrictive_review(r) && is_trusted_review(r, history))
        .count();
    (commands + reviews) as u64
}

/// The `by_reviewer` table (see [`ReviewerStats`]).
fn by_reviewer(history: &History, since: Option<DateTime<Utc>>) -> BTreeMap<String, ReviewerStats> {
    let mut table: BTreeMap<String, ReviewerStats> = BTreeMap::new();
    for pull in history.pulls().filter(|p| in_window(p.created_at, since)) {
        let reviews: Vec<&Review> = history
            .reviews_of(pull.number)
            .iter()
            .filter(|r| r.state != "PENDING")
            .collect();
        let copilot: Vec<&Review> = reviews
            .iter()
            .copied()
            .filter(|r| is_copilot_reviewer(r.author()))
            .collect();
        let people: Vec<&Review> = reviews
            .iter()
            .copied()
            .filter(|r| !is_copilot_reviewer(r.author()) && !r.author().ends_with("[bot]"))
            .collect();
        let head = history.head_shas.get(&pull.number);
        let mut tally = |key: &str, reviews: &[&Review]| {
            let entry = table.entry(key.to_string()).or_default();
            let has = |state: &str| reviews.iter().any(|r| r.state == state);
            entry.prs_reviewed += u64::from(!reviews.is_empty());
            entry.approved += u64::from(has("APPROVED"));
            entry.changes_requested += u64::from(has("CHANGES_REQUESTED"));
            entry.commented += u64::from(has("COMMENTED"));
            let revised = reviews.iter().any(|r| {
                r.commit_id
                    .as_ref()
                    .zip(head)
                    .is_some_and(|(reviewed, now)| reviewed != now)
            });
            entry.revised_after_review += u64::from(revised);
            if pull.is_merged() {
                entry.merged += 1;
            } else if pull.is_closed_unmerged() {
                entry.closed_unmerged += 1;
            } else {
                entry.open += 1;
            }
        };
        if !copilot.is_empty() {
            tally(REVIEWER_COPILOT, &copilot);
        }
        if !people.is_empty() {
            tally(REVIEWER_PERSON, &people);
        }
        if copilot.is_empty() && people.is_empty() {
            tally(REVIEWER_NONE, &[]);
        }
    }
    for entry in table.values_mut() {
        entry.merge_rate = rate(entry.merged, entry.closed_unmerged);
    }
    table
}

fn top_fingerprints(
    history: &History,
    occurrences: &[Occurrence],
    since: Option<DateTime<Utc>>,
) -> Vec<FingerprintCount> {
    let mut counts: BTreeMap<&str, FingerprintCount> = BTreeMap::new();
    let blank = |fingerprint: &str| FingerprintCount {
        fingerprint: fingerprint.to_string(),
        issues: 0,
        runs: 0,
    };
    for issue in history.issues().filter(|i| in_window(i.created_at, since)) {
        if let Some(record) = &issue.analysis {
            counts
                .entry(&record.fingerprint)
                .or_insert_with(|| blank(&record.fingerprint))
                .issues += 1;
        }
    }
    for occurrence in occurrences.iter().filter(|o| in_window(Some(o.at), since)) {
        counts
            .entry(&occurrence.fingerprint)
            .or_insert_with(|| blank(&occurrence.fingerprint))
            .runs += 1;
    }
    let mut ranked: Vec<FingerprintCount> = counts.into_values().collect();
    ranked.sort_by(|a, b| {
        b.runs
            .cmp(&a.runs)
            .then(b.issues.cmp(&a.issues))
            .then(a.fingerprint.cmp(&b.fingerprint))
    });
    ranked.truncate(TOP_FINGERPRINTS);
    ranked
}

/// Runs after a merged fix of the same fingerprint, each attributed to the latest fix merged
/// before it.
fn recurrences(history: &History, occurrences: &[Occurrence], since: Option<DateTime<Utc>>) -> Vec<Recurrence> {
    let mut fixes: Vec<(&str, DateTime<Utc>, u64)> = history
        .pulls()
        .filter_map(|pull| {
            let merged = pull.merged_at?;
            let record = history.pull_analysis(pull)?;
            Some((record.fingerprint.as_str(), merged, pull.number))
        })
        .collect();
    fixes.sort_by_key(|(_, merged, number)| (*merged, *number));
    let mut found = Vec::new();
    for occurrence in occurrences.iter().filter(|o| in_window(Some(o.at), since)) {
        let fix = fixes
            .iter()
            .rev()
            .find(|(fingerprint, merged, _)| *fingerprint == occurrence.fingerprint && occurrence.at > *merged);
        let Some((_, merged, pr)) = fix else { continue };
        found.push(Recurrence {
            fingerprint: occurrence.fingerprint.clone(),
            fixed_by_pr: *pr,
            merged_at: stamp(*merged),
            issue: occurrence.issue,
            run_id: occurrence.run_id,
            seen_at: stamp(occurrence.at),
        });
    }
    found
}

/// Fetches the auto-heal history of `repo` (all pages) and computes its stats.
pub async fn stats(gh: &GitHub, repo: &RepoName, since: Option<DateTime<Utc>>) -> Result<Stats> {
    let history = fetch_history(gh, repo, since).await?;
    Ok(compute(&repo.to_string(), &history, since))
}

/// Text from issue bodies without control characters, so it cannot drive the terminal, nor
/// the invisible and bidirectional format characters (the engine's one list), so it shows in
/// the order it is read.
fn printable(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_control() && !is_invisible_format(c))
        .collect()
}

/// The stats as a human reads them.
pub fn render_human(stats: &Stats) -> String {
    let percent = |rate: Option<f64>| rate.map_or("n/a".to_string(), |r| format!("{:.0}%", r * 100.0));
    let hours = |h: Option<f64>| h.map_or("n/a".to_string(), |h| format!("{h:.1} h"));
    let mut out = format!("auto-heal stats for {}", stats.repo);
    if let Some(since) = &stats.since {
        out.push_str(&format!(" since {since}"));
    }
    out.push_str(&format!(
        "\n\n  issues created        {}\n  PRs opened            {}\n  PRs merged            {}\n  closed without merge  {}\n  still open            {}\n  merge rate            {}\n  time to merge         median {}, p90 {} ({} PRs)\n  recurred after fix    {}\n",
        stats.issues_created,
        stats.prs_opened,
        stats.prs_merged,
        stats.prs_closed_unmerged,
        stats.prs_open,
        percent(stats.merge_rate),
        hours(stats.median_hours_to_merge),
        hours(stats.p90_hours_to_merge),
        stats.merged_with_issue,
        stats.recurred_after_fix,
    ));
    if stats.restrictive_unchecked > 0 {
        out.push_str(&format!(
            "  restrictive, unchecked {} (never, wrong-fix or changes requested by members left unasked)\n",
            stats.restrictive_unchecked
        ));
    }
    if !stats.by_fix_type.is_empty() {
        out.push_str("\n  fix type                  issues  PRs  merged  closed  open  merge rate\n");
        for (name, entry) in &stats.by_fix_type {
            let name = printable(name);
            out.push_str(&format!(
                "  {name:<24} {:>7} {:>4} {:>7} {:>7} {:>5}  {}\n",
                entry.issues_created,
                entry.prs_opened,
                entry.prs_merged,
                entry.prs_closed_unmerged,
                entry.prs_open,
                percent(entry.merge_rate)
            ));
        }
    }
    if !stats.by_reviewer.is_empty() {
        out.push_str(
            "\n  reviewed by     PRs  approved  changes  commented  revised  merged  closed  open  merge rate\n",
        );
        for (who, e) in &stats.by_reviewer {
            out.push_str(&format!(
                "  {who:<12} {:>6} {:>9} {:>8} {:>10} {:>8} {:>7} {:>7} {:>5}  {}\n",
                e.merged + e.closed_unmerged + e.open,
                e.approved,
                e.changes_requested,
                e.commented,
                e.revised_after_review,
                e.merged,
                e.closed_unmerged,
                e.open,
                percent(e.merge_rate)
            ));
        }
    }
    if !stats.top_fingerprints.is_empty() {
        out.push_str("\n  most frequent failures (runs, issues, fingerprint)\n");
        for entry in &stats.top_fingerprints {
            out.push_str(&format!(
                "  {:>5} {:>5}  {}\n",
                entry.runs,
                entry.issues,
                printable(&entry.fingerprint)
            ));
        }
    }
    if !stats.recurrences.is_empty() {
        out.push_str("\n  failures that came back after a merged fix\n");
        for r in &stats.recurrences {
            let run = r.run_id.map_or("?".to_string(), |id| id.to_string());
            out.push_str(&format!(
                "  {} (fixed by #{} at {}): run {run} at {} on #{}\n",
                printable(&r.fingerprint),
                r.fixed_by_pr,
                r.merged_at,
                r.seen_at,
                r.issue
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests;
