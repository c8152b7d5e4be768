//! Learning from review: which fix types and failure fingerprints reviewers accept, and which
//! to stop proposing as PRs. All state is read back from GitHub (the heal PRs' outcomes, the
//! hidden analysis blocks and `/autoheal` comments), so it survives ephemeral runners.
//!
//! The rule (also in `docs/metrics.md`): a heal PR is *rejected* when it was closed without
//! merging or a trusted reviewer commented `/autoheal wrong-fix` on it, *accepted* when it was
//! merged without such a comment, and *pending* while open. A fix type or fingerprint is
//! demoted when its rejections reach the threshold (`rejection-threshold`, default 2) and
//! outnumber its acceptances. A category named by a trusted `/autoheal never <category>` is
//! demoted until a later `/autoheal allow <category>`. A demoted failure is still filed as an
//! issue, with the diff as a suggestion and the `needs-manual-fix` label, but gets no PR.
//!
//! An open heal PR whose latest review from a trusted reviewer (someone with write access, or
//! Copilot's reviewer) requests changes is rejected too: the fix was not acceptable as it was.
//!
//! A comment is *trusted* when its author may write to the repository (the owner, or write,
//! maintain or admin permission, asked through the API when the history is fetched, for a
//! bounded number of authors: `History::writers`) and is not a bot. Anyone can comment on a
//! public issue, so nobody else steers autoheal. When more owners, members and collaborators
//! speak than are asked about, the restrictive word (`never`, `wrong-fix`, a review requesting
//! changes) of one left unasked counts and the permissive word does not (`History::unasked`):
//! a crowd cannot make autoheal do what a maintainer forbade.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::commands::{Command, parse_command};
use super::copilot::is_copilot_reviewer;
use crate::fetch::history::{History, Item};
use crate::models::{Comment, Review};
use crate::record::Record;

/// How reviewers received the PRs of one fix type or fingerprint.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Acceptance {
    pub accepted: u32,
    pub rejected: u32,
    pub pending: u32,
    /// Numbers of the rejected PRs, ascending.
    pub rejected_prs: Vec<u64>,
}

/// A `/autoheal never` that is in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NeverRule {
    /// The issue or PR the comment is on.
    pub on: u64,
    pub by: String,
}

/// The acceptance record of a repository.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AcceptanceRecord {
    pub by_fix_type: BTreeMap<String, Acceptance>,
    pub by_fingerprint: BTreeMap<String, Acceptance>,
    /// Categories demoted by `/autoheal never`, with where it was said.
    pub never_categories: BTreeMap<String, NeverRule>,
    /// Why some `/autoheal never` rules may be unread (`History::nevers_unread`): any
    /// category may be under one, so every fix is demoted while it is so.
    pub nevers_unread: Option<String>,
}

/// How a review ended for one heal PR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Accepted,
    Rejected,
    Pending,
}

/// Whether a comment may steer autoheal: its author is not a bot (autoheal's own comments
/// included) and may write to the repository, or, for a restrictive command (`never`,
/// `wrong-fix`), is an owner, member or collaborator nobody could ask about
/// (`History::unasked`: the restrictive reading is the safe one).
pub fn is_trusted(comment: &Comment, command: &Command, history: &History) -> bool {
    let author = comment.author();
    !author.is_empty()
        && !author.ends_with("[bot]")
        && (history.writers.contains(author) || (command.is_restrictive() && history.unasked.contains(author)))
}

fn trusted_commands<'a>(comments: &'a [Comment], history: &'a History) -> impl Iterator<Item = (&'a Comment, Command)> {
    comments
        .iter()
        .filter_map(|c| Some((c, parse_command(c.text())?.ok()?)))
        .filter(|(c, command)| is_trusted(c, command, history))
}

/// Whether a review rejects the pull request's fix: the learning rule counts a pull request
/// whose latest trusted review requests changes as rejected.
pub fn is_restrictive_review(review: &Review) -> bool {
    review.state == "CHANGES_REQUESTED"
}

/// Whether a review counts: Copilot's reviewer, or a person who may write, or, for a review
/// requesting changes, an owner, member or collaborator nobody could ask about
/// (`History::unasked`).
pub fn is_trusted_review(review: &Review, history: &History) -> bool {
    let author = review.author();
    is_copilot_reviewer(author)
        || (!author.ends_with("[bot]")
            && (history.writers.contains(author)
                || (is_restrictive_review(review) && history.unasked.contains(author))))
}

/// Whether the latest trusted review of an unmerged PR asks for changes.
fn changes_requested(pull: &Item, history: &History) -> bool {
    let latest = history
        .reviews_of(pull.number)
        .iter()
        .filter(|r| is_trusted_review(r, history) && r.state != "PENDING" && r.state != "DISMISSED")
        .max_by_key(|r| (r.submitted_at.clone(), r.id));
    !pull.is_merged() && latest.is_some_and(is_restrictive_review)
}

/// The verdict on one heal PR given the comments and reviews on it.
pub fn verdict(pull: &Item, history: &History) -> Verdict {
    let wrong_fix = trusted_commands(history.comments_on(pull.number), history)
        .any(|(_, command)| matches!(command, Command::WrongFix { .. }));
    let rejected_in_review = changes_requested(pull, history);
    if wrong_fix || rejected_in_review || pull.is_closed_unmerged() {
        Verdict::Rejected
    } else if pull.is_merged() {
        Verdict::Accepted
    } else {
        Verdict::Pending
    }
}

/// A trusted command and where and when it was said.
struct SaidCommand {
    at: Option<DateTime<Utc>>,
    id: u64,
    on: u64,
    by: String,
    command: Command,
}

fn tally(entry: &mut Acceptance, verdict: Verdict, pr: u64) {
    match verdict {
        Verdict::Accepted => entry.accepted += 1,
        Verdict::Pending => entry.pending += 1,
        Verdict::Rejected => {
            entry.rejected += 1;
            entry.rejected_prs.push(pr);
        }
    }
}

/// The acceptance record of a history. PRs without a fix type or fingerprint (no hidden
/// block on the PR or its issue) are left out of the respective table.
pub fn acceptance_record(history: &History) -> AcceptanceRecord {
    let mut record = AcceptanceRecord {
        nevers_unread: history.nevers_unread.clone(),
        ..AcceptanceRecord::default()
    };
    for pull in history.pulls() {
        let Some(analysis) = history.pull_analysis(pull) else {
            continue;
        };
        let verdict = verdict(pull, history);
        if let Some(fix_type) = analysis.fix_type.as_ref().filter(|t| !t.is_empty()) {
            tally(
                record.by_fix_type.entry(fix_type.clone()).or_default(),
                verdict,
                pull.number,
            );
        }
        if !analysis.fingerprint.is_empty() {
            tally(
                record.by_fingerprint.entry(analysis.fingerprint.clone()).or_default(),
                verdict,
                pull.number,
            );
        }
    }
    // `never` and `allow` from every thread, applied in the order they were written: the
    // threads read whole, and the rules of the others from the repository's comment list.
    let mut rules: Vec<SaidCommand> = Vec::new();
    for (&number, comments) in history.comments.iter().chain(&history.rules) {
        for (comment, command) in trusted_commands(comments, history) {
            rules.push(SaidCommand {
                at: crate::fetch::history::parse_time(Some(&comment.created_at)),
                id: comment.id,
                on: number,
                by: comment.author().to_string(),
                command,
            });
        }
    }
    rules.sort_by_key(|rule| (rule.at, rule.id));
    for SaidCommand { on, by, command, .. } in rules {
        match command {
            Command::Never { category } => {
                record.never_categories.insert(category, NeverRule { on, by });
            }
            Command::Allow { category } => {
                record.never_categories.remove(&category);
            }
            Command::WrongFix { .. } => {}
        }
    }
    record
}

fn demoted(entry: &Acceptance, threshold: u32) -> bool {
    entry.rejected >= threshold.max(1) && entry.rejected > entry.accepted
}

fn pr_list(prs: &[u64]) -> String {
    prs.iter().map(|n| format!("#{n}")).collect::<Vec<_>>().join(", ")
}

/// Why a failure with this analysis should get no PR, or `None` when it may get one. An
/// explicit `/autoheal never` wins, then the fingerprint's record, then the fix type's.
pub fn demotion_reason(record: &AcceptanceRecord, analysis: &Record, threshold: u32) -> Option<String> {
    let category = analysis.category.to_ascii_lowercase();
    if let Some(rule) = record.never_categories.get(&category) {
        return Some(format!(
            "@{} asked autoheal never to fix `{category}` failures in this repository (`/autoheal never {category}` on #{}); comment `/autoheal allow {category}` to undo",
            rule.by.replace('@', ""),
            rule.on
        ));
    }
    if let Some(why) = &record.nevers_unread {
        return Some(format!(
            "autoheal could not read every `/autoheal never` rule of this repository ({why}), and one may cover `{category}` failures; it opens pull requests again once the rules can be read whole"
        ));
    }
    let threshold = threshold.max(1);
    if let Some(entry) = record
        .by_fingerprint
        .get(&analysis.fingerprint)
        .filter(|e| demoted(e, threshold))
    {
        return Some(format!(
            "autoheal's fixes for this exact failure were rejected {} times ({}) and merged {} times; the rejection threshold is {threshold}",
            entry.rejected,
            pr_list(&entry.rejected_prs),
            entry.accepted
        ));
    }
    let fix_type = analysis.fix_type.as_deref()?;
    let entry = record.by_fix_type.get(fix_type).filter(|e| demoted(e, threshold))?;
    Some(format!(
        "autoheal's `{fix_type}` fixes were rejected {} times ({}) and merged {} times in this repository; the rejection threshold is {threshold}",
        entry.rejected,
        pr_list(&entry.rejected_prs),
        entry.accepted
    ))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::fetch::history::{ItemKind, parse_time};
    use crate::models::User;

    fn analysis(fingerprint: &str, fix_type: &str, category: &str) -> Record {
        Record {
            fingerprint: fingerprint.into(),
            fix_type: Some(fix_type.into()),
            category: category.into(),
            ..Record::default()
        }
    }

    /// The test's users who may write: `maint` writes, `admin` administers; `drive-by` reads
    /// and bots are not among them.
    fn writers() -> BTreeSet<String> {
        ["maint", "admin"].into_iter().map(str::to_string).collect()
    }

    fn history(items: Vec<Item>, comments: BTreeMap<u64, Vec<Comment>>) -> History {
        History {
            writers: writers(),
            ..History::new(items, comments)
        }
    }

    fn pull(number: u64, state: &str, merged: bool, record: Record) -> Item {
        Item {
            number,
            kind: ItemKind::Pull,
            state: state.into(),
            labels: vec!["auto-heal".into()],
            body: String::new(),
            created_at: parse_time(Some("2024-01-01T00:00:00Z")),
            closed_at: None,
            merged_at: parse_time(Some("2024-01-02T00:00:00Z")).filter(|_| merged),
            analysis: Some(record),
            fixes: Vec::new(),
        }
    }

    fn comment(id: u64, at: &str, who: &str, body: &str) -> Comment {
        Comment {
            id,
            body: Some(body.into()),
            user: Some(User { login: who.into() }),
            created_at: at.into(),
            author_association: "COLLABORATOR".into(),
            ..Comment::default()
        }
    }

    #[test]
    fn rejections_reaching_the_threshold_and_outnumbering_merges_demote() {
        let a = analysis("ci|build|timeout|", "timeout", "timeout");
        let mut comments = BTreeMap::new();
        // PR 3 was merged, then a maintainer said it was wrong: a rejection.
        comments.insert(
            3,
            vec![comment(1, "2024-01-03T00:00:00Z", "maint", "/autoheal wrong-fix")],
        );
        let history = history(
            vec![
                pull(1, "closed", false, a.clone()),
                pull(2, "closed", true, a.clone()),
                pull(3, "closed", true, a.clone()),
                pull(4, "open", false, a.clone()),
            ],
            comments,
        );
        let record = acceptance_record(&history);
        let entry = record.by_fix_type.get("timeout").cloned().unwrap_or_default();
        assert_eq!(
            (
                entry.accepted,
                entry.rejected,
                entry.pending,
                entry.rejected_prs.clone()
            ),
            (1, 2, 1, vec![1, 3])
        );
        let why = demotion_reason(&record, &a, 2).unwrap_or_default();
        assert!(why.contains("rejected 2 times (#1, #3) and merged 1 times"), "{why}");
        assert_eq!(demotion_reason(&record, &a, 3), None, "below the threshold");
        // The same fix type on another fingerprint is still demoted through the fix type.
        let other = analysis("other", "timeout", "timeout");
        assert!(demotion_reason(&record, &other, 2).is_some_and(|w| w.contains("`timeout` fixes")));
        // A fix type with more merges than rejections is not demoted.
        let mut good = history.clone();
        good.items.push(pull(5, "closed", true, a.clone()));
        assert_eq!(demotion_reason(&acceptance_record(&good), &a, 2), None);
    }

    #[test]
    fn never_and_allow_apply_in_order_and_only_from_trusted_authors() {
        let mut comments = BTreeMap::new();
        comments.insert(
            7,
            vec![
                comment(1, "2024-01-01T00:00:00Z", "maint", "/autoheal never dependency"),
                comment(2, "2024-01-02T00:00:00Z", "maint", "/autoheal allow dependency"),
                comment(3, "2024-01-03T00:00:00Z", "maint", "/autoheal never timeout"),
                comment(4, "2024-01-03T00:00:00Z", "drive-by", "/autoheal never syntax"),
                comment(
                    5,
                    "2024-01-03T00:00:00Z",
                    "github-actions[bot]",
                    "/autoheal never cache",
                ),
            ],
        );
        let record = acceptance_record(&history(Vec::new(), comments));
        let categories: Vec<&str> = record.never_categories.keys().map(String::as_str).collect();
        assert_eq!(categories, ["timeout"]);
        let why = demotion_reason(&record, &analysis("f", "timeout-minutes", "Timeout"), 2).unwrap_or_default();
        assert!(why.contains("`/autoheal never timeout` on #7"), "{why}");
        assert!(demotion_reason(&record, &analysis("f", "x", "dependency"), 2).is_none());
    }

    #[test]
    fn untrusted_wrong_fix_does_not_reject_a_merged_pr() {
        let a = analysis("f", "t", "c");
        let merged = pull(1, "closed", true, a);
        let spam = [comment(1, "2024-01-03T00:00:00Z", "x", "/autoheal wrong-fix")];
        let with = |comments: &[Comment]| history(vec![merged.clone()], [(1, comments.to_vec())].into());
        assert_eq!(verdict(&merged, &with(&spam)), Verdict::Accepted);
        let from_owner = [comment(1, "2024-01-03T00:00:00Z", "admin", "/autoheal wrong-fix")];
        assert_eq!(verdict(&merged, &with(&from_owner)), Verdict::Rejected);
    }

    fn review(id: u64, who: &str, state: &str, at: &str) -> Review {
        Review {
            id,
            user: Some(User { login: who.into() }),
            state: state.into(),
            submitted_at: Some(at.into()),
            commit_id: None,
            author_association: "COLLABORATOR".into(),
        }
    }

    #[test]
    fn a_trusted_request_for_changes_rejects_an_open_pr_until_a_later_approval() {
        let open = pull(1, "open", false, analysis("f", "t", "c"));
        let mut h = history(vec![open.clone()], BTreeMap::new());
        let verdict_with = |h: &mut History, reviews: Vec<Review>| {
            h.reviews.insert(1, reviews);
            verdict(&open, h)
        };
        assert_eq!(verdict_with(&mut h, vec![]), Verdict::Pending);
        let copilot = review(
            1,
            "copilot-pull-request-reviewer[bot]",
            "CHANGES_REQUESTED",
            "2024-01-03T00:00:00Z",
        );
        assert_eq!(verdict_with(&mut h, vec![copilot.clone()]), Verdict::Rejected);
        let drive_by = review(2, "drive-by", "CHANGES_REQUESTED", "2024-01-03T00:00:00Z");
        assert_eq!(verdict_with(&mut h, vec![drive_by]), Verdict::Pending, "not a writer");
        let approved = review(3, "maint", "APPROVED", "2024-01-04T00:00:00Z");
        assert_eq!(verdict_with(&mut h, vec![copilot, approved]), Verdict::Pending);
    }

    /// `member` spoke but was not asked about (`History::unasked`): their restrictive word
    /// counts, their permissive word does not.
    #[test]
    fn an_unasked_speakers_restrictive_word_counts_and_their_permissive_word_does_not() {
        let a = analysis("f", "t", "c");
        let merged = pull(1, "closed", true, a.clone());
        let open = pull(2, "open", false, a);
        let mut comments = BTreeMap::new();
        comments.insert(
            1,
            vec![
                comment(1, "2024-01-01T00:00:00Z", "maint", "/autoheal never timeout"),
                comment(2, "2024-01-02T00:00:00Z", "member", "/autoheal allow timeout"),
                comment(3, "2024-01-02T00:00:00Z", "member", "/autoheal never cache"),
                comment(4, "2024-01-03T00:00:00Z", "member", "/autoheal wrong-fix"),
            ],
        );
        let mut h = history(vec![merged.clone(), open.clone()], comments);
        h.reviews.insert(
            2,
            vec![
                review(1, "maint", "APPROVED", "2024-01-03T00:00:00Z"),
                review(2, "member", "CHANGES_REQUESTED", "2024-01-04T00:00:00Z"),
            ],
        );
        let asked = acceptance_record(&h);
        assert_eq!(asked.never_categories.keys().collect::<Vec<_>>(), ["timeout"]);
        assert_eq!(
            (verdict(&merged, &h), verdict(&open, &h)),
            (Verdict::Accepted, Verdict::Pending)
        );
        h.unasked.insert("member".into());
        let unasked = acceptance_record(&h);
        assert_eq!(
            unasked.never_categories.keys().collect::<Vec<_>>(),
            ["cache", "timeout"]
        );
        assert_eq!(
            (verdict(&merged, &h), verdict(&open, &h)),
            (Verdict::Rejected, Verdict::Rejected)
        );
        // A later approval by the unasked speaker does not lift their own request.
        h.reviews
            .entry(2)
            .or_default()
            .push(review(3, "member", "APPROVED", "2024-01-05T00:00:00Z"));
        assert_eq!(verdict(&open, &h), Verdict::Rejected);
    }
}
