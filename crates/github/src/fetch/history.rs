//! The auto-heal history of one repository as GitHub holds it: the issues `report` filed, the
//! PRs `heal` opened, the comments and reviews on those autoheal or a writer opened, and which
//! authors of an `/autoheal` command or a review may write. `stats` and the learning rule
//! (`decide::learning`) are pure functions over a [`History`]; [`fetch_history`] is the only
//! part that talks to GitHub.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::trust::{MAX_OUTSIDERS_ASKED, Vouch, Vouching, fetch_bot_login};
use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::client::endpoints::IssueFilter;
use crate::decide::commands::{Command, parse_command};
use crate::decide::learning::is_restrictive_review;
use crate::decide::trust::restrictive_check_rank;
use crate::error::{Error, Result};
use crate::models::{Comment, Issue, Label, PullRequest, Review};
use crate::record::{Record, decode};
use crate::text::{LABEL_AUTO_HEAL, LABEL_WORKFLOW_FAILURE};

/// Comment threads fetched at once.
const COMMENT_FETCH_CONCURRENCY: usize = 4;

/// The most issues and pull requests of one history whose comments (and, for a pull request,
/// reviews) are read, newest first. An issue form sets autoheal's labels for anyone, so the
/// labelled list is as long as a hostile repository makes it; only threads autoheal or a
/// writer opened are read, and at most this many of them (a few per day of a busy
/// repository's month). Older threads' `wrong-fix` commands and reviews are not counted;
/// their `never` and `allow` rules are read from the repository's comment list
/// ([`MAX_RULE_PAGES`]).
pub const MAX_THREADS_READ: usize = 200;

/// Pages of the repository's comments (100 each, newest first: every issue's and pull
/// request's, `GET …/issues/comments`) read for `/autoheal never` and `allow` rules said on
/// threads whose comments are not read whole (older than the newest [`MAX_THREADS_READ`], or
/// no autoheal thread at all). A rule holds until it is undone, so it must not expire because
/// newer threads pushed its own out of what is read (review82 M1); anyone can comment, so
/// the list is read only this far, and past it the rule threads are found through the search
/// ([`MAX_RULE_THREADS`]); [`History::notes`] says when a rule may still have been left.
pub const MAX_RULE_PAGES: usize = 10;

/// Pages of the repository's pull requests (100 each, newest first) read for the head commits
/// of the heal PRs whose reviews are read: `GET …/pulls?state=all` lists every pull request
/// the repository ever had, and only a few recent ones are heal's.
pub const MAX_PULL_PAGES: usize = 10;

/// The histories one pass has fetched, by repository: `heal --many` files many runs of a
/// repository, and each fixable one consults the acceptance record, which reviewers change
/// on a scale of days; one read per repository and pass, not one per run (each read lists
/// every labelled issue and up to [`MAX_THREADS_READ`] threads). Clones share the cache.
#[derive(Debug, Clone, Default)]
pub struct Histories(Arc<std::sync::Mutex<BTreeMap<String, Arc<History>>>>);

impl Histories {
    /// The repository's history, fetched the first time it is asked for (an error is not
    /// kept: the next run asks again).
    pub async fn get(&self, gh: &GitHub, repo: &RepoName) -> Result<Arc<History>> {
        let key = repo.to_string().to_ascii_lowercase();
        if let Some(known) = self.0.lock().ok().and_then(|known| known.get(&key).cloned()) {
            return Ok(known);
        }
        let history = Arc::new(fetch_history(gh, repo, None).await?);
        if let Ok(mut known) = self.0.lock() {
            known.insert(key, history.clone());
        }
        Ok(history)
    }
}

/// An RFC 3339 timestamp, or `None` when absent or malformed.
pub fn parse_time(raw: Option<&str>) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(raw?).ok().map(|t| t.with_timezone(&Utc))
}

/// Whether an issue or PR is an issue or a pull request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Issue,
    Pull,
}

/// One auto-heal issue or PR, with what the stats need already parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub number: u64,
    pub kind: ItemKind,
    /// "open" or "closed".
    pub state: String,
    pub labels: Vec<String>,
    pub body: String,
    pub created_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Set only for merged pull requests.
    pub merged_at: Option<DateTime<Utc>>,
    /// The hidden record of the body, when it has one.
    pub analysis: Option<Record>,
    /// Issue numbers this PR's body closes (`Fixes #N`, `Closes #N`, `Resolves #N`).
    pub fixes: Vec<u64>,
}

impl Item {
    /// From the issues API, which lists pull requests too (`pull_request.merged_at` is set for
    /// merged ones).
    pub fn from_issue(issue: &Issue) -> Item {
        let merged_at = issue.pull_request.as_ref().and_then(|pull| pull.merged_at.as_deref());
        Item::new(
            issue.number,
            if issue.is_pull_request() {
                ItemKind::Pull
            } else {
                ItemKind::Issue
            },
            &issue.state,
            &issue.labels,
            issue.body.as_deref().unwrap_or_default(),
            [Some(issue.created_at.as_str()), issue.closed_at.as_deref(), merged_at],
        )
    }

    /// From the pulls API.
    pub fn from_pull(pull: &PullRequest) -> Item {
        Item::new(
            pull.number,
            ItemKind::Pull,
            &pull.state,
            &pull.labels,
            pull.body.as_deref().unwrap_or_default(),
            [
                Some(pull.created_at.as_str()),
                pull.closed_at.as_deref(),
                pull.merged_at.as_deref(),
            ],
        )
    }

    fn new(number: u64, kind: ItemKind, state: &str, labels: &[Label], body: &str, times: [Option<&str>; 3]) -> Item {
        let [created_at, closed_at, merged_at] = times.map(parse_time);
        Item {
            number,
            kind,
            state: state.to_string(),
            labels: labels.iter().map(|l| l.name.clone()).collect(),
            body: body.to_string(),
            created_at,
            closed_at,
            merged_at: merged_at.filter(|_| kind == ItemKind::Pull),
            analysis: decode(body),
            fixes: if kind == ItemKind::Pull {
                closing_references(body)
            } else {
                Vec::new()
            },
        }
    }

    pub fn has_label(&self, name: &str) -> bool {
        self.labels.iter().any(|l| l.eq_ignore_ascii_case(name))
    }

    pub fn is_merged(&self) -> bool {
        self.merged_at.is_some()
    }

    pub fn is_closed_unmerged(&self) -> bool {
        self.state == "closed" && self.merged_at.is_none()
    }
}

/// Every auto-heal issue and PR of a repository; the comments, and for a PR the reviews and
/// head commit, of those [`fetch_history`] read; and the authors of an `/autoheal` command or a
/// review who may write to the repository.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub items: Vec<Item>,
    pub comments: BTreeMap<u64, Vec<Comment>>,
    /// The `/autoheal never` and `allow` comments of threads whose comments were not read
    /// whole, by thread, from the repository's comment list ([`MAX_RULE_PAGES`]).
    pub rules: BTreeMap<u64, Vec<Comment>>,
    pub reviews: BTreeMap<u64, Vec<Review>>,
    /// The head commit of each PR, to tell whether it changed after a review.
    pub head_shas: BTreeMap<u64, String>,
    /// Authors of a command or review vouched for (`fetch::trust::Vouching`: autoheal, the
    /// owner, or a collaborator with write access, asked for a bounded number of authors).
    pub writers: BTreeSet<String>,
    /// Owners, members and collaborators who commanded or reviewed restrictively but were
    /// not asked about (the asks ran out, or the token may not read permissions): their
    /// restrictive word (`never`, `wrong-fix`, a review requesting changes) counts and their
    /// permissive word does not, so what cannot be checked fails safe.
    pub unasked: BTreeSet<String>,
    /// What [`fetch_history`] left unread when a budget stopped it, in words for the user.
    pub notes: Vec<String>,
    /// Why the search for `/autoheal never` threads past the comment window could not be read
    /// whole (refused, incomplete, more than is read), when it could not: any category may
    /// then be under a rule not read, so every fixable failure is demoted (review84 M1).
    pub nevers_unread: Option<String>,
}

impl History {
    /// Builds a history from items and comments, keeping items sorted by number.
    pub fn new(mut items: Vec<Item>, comments: BTreeMap<u64, Vec<Comment>>) -> History {
        items.sort_by_key(|item| item.number);
        items.dedup_by_key(|item| item.number);
        History {
            items,
            comments,
            rules: BTreeMap::new(),
            reviews: BTreeMap::new(),
            head_shas: BTreeMap::new(),
            writers: BTreeSet::new(),
            unasked: BTreeSet::new(),
            notes: Vec::new(),
            nevers_unread: None,
        }
    }

    pub fn item(&self, number: u64) -> Option<&Item> {
        self.items
            .binary_search_by_key(&number, |item| item.number)
            .ok()
            .and_then(|index| self.items.get(index))
    }

    pub fn issues(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|item| item.kind == ItemKind::Issue)
    }

    pub fn pulls(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|item| item.kind == ItemKind::Pull)
    }

    pub fn comments_on(&self, number: u64) -> &[Comment] {
        self.comments.get(&number).map(Vec::as_slice).unwrap_or_default()
    }

    pub fn reviews_of(&self, number: u64) -> &[Review] {
        self.reviews.get(&number).map(Vec::as_slice).unwrap_or_default()
    }

    /// The analysis a PR fixes: its own hidden block, else the block of the first issue it
    /// closes that has one.
    pub fn pull_analysis<'a>(&'a self, pull: &'a Item) -> Option<&'a Record> {
        pull.analysis.as_ref().or_else(|| {
            pull.fixes
                .iter()
                .find_map(|number| self.item(*number).and_then(|issue| issue.analysis.as_ref()))
        })
    }
}

/// Issue numbers a body closes with GitHub's keywords (`fix`, `fixes`, `fixed`, `close`,
/// `closes`, `closed`, `resolve`, `resolves`, `resolved`, any case, optional colon), in order,
/// without repeats. References into other repositories (`owner/name#N`) are ignored.
pub fn closing_references(body: &str) -> Vec<u64> {
    const KEYWORDS: [&str; 9] = [
        "fix", "fixes", "fixed", "close", "closes", "closed", "resolve", "resolves", "resolved",
    ];
    let mut found = Vec::new();
    let words: Vec<&str> = body.split_whitespace().collect();
    for pair in words.windows(2) {
        let [keyword, target] = pair else { continue };
        let keyword = keyword.trim_end_matches(':').to_ascii_lowercase();
        if !KEYWORDS.contains(&keyword.as_str()) {
            continue;
        }
        let Some(digits) = target.strip_prefix('#') else {
            continue;
        };
        let digits: String = digits.chars().take_while(char::is_ascii_digit).collect();
        let rest = target.get(1 + digits.len()..).unwrap_or_default();
        // `#12` followed by punctuation is a reference; `#12abc` is not.
        if rest.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Ok(number) = digits.parse::<u64>()
            && !found.contains(&number)
        {
            found.push(number);
        }
    }
    found
}

/// Whether an item from the issues API belongs to auto-heal.
fn is_auto_heal(item: &Item) -> bool {
    item.has_label(LABEL_AUTO_HEAL) || item.has_label(LABEL_WORKFLOW_FAILURE) || item.analysis.is_some()
}

/// `since` as GitHub's query parameters want it.
pub fn stamp(time: DateTime<Utc>) -> String {
    time.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Fetches the history: every `auto-heal` issue and PR and every `workflow-failure` issue (all
/// pages, any state, updated at or after `since` when given) that autoheal or someone who may
/// write opened (an outsider's labelled issue carries no record autoheal wrote; openers GitHub
/// relates to the repository as owner, member or collaborator asked about through one
/// [`Vouching`], anyone else at no cost); the comments, and for a PR the reviews, of the newest
/// [`MAX_THREADS_READ`] of them; the `never` and `allow` rules said on any other thread
/// ([`fetch_rules`]: the newest [`MAX_RULE_PAGES`] pages of comments, then the search); and which authors
/// of an `/autoheal` command or a review may write, restrictive words first and then newest
/// first, through one [`Vouching`] that asks only about owners, members and collaborators
/// (`Vouching::vouch_as`: a bounded number of permission calls, however many accounts
/// comment, and none for outsiders; restrictive speakers left unasked are
/// [`History::unasked`]).
pub async fn fetch_history(gh: &GitHub, repo: &RepoName, since: Option<DateTime<Utc>>) -> Result<History> {
    let mut items = Vec::new();
    // Each item's opener and how GitHub relates them to the repository.
    let mut openers: BTreeMap<u64, (String, String)> = BTreeMap::new();
    for label in [LABEL_AUTO_HEAL, LABEL_WORKFLOW_FAILURE] {
        let filter = IssueFilter {
            labels: vec![label.to_string()],
            state: Some("all".into()),
            since: since.map(stamp),
        };
        let page = gh.list_issues_and_pulls(repo, &filter).await?;
        for issue in page.iter() {
            let item = Item::from_issue(issue);
            if is_auto_heal(&item) {
                openers.insert(
                    issue.number,
                    (
                        issue.author().unwrap_or_default().to_string(),
                        issue.author_association.clone(),
                    ),
                );
                items.push(item);
            }
        }
    }
    // No early return when no autoheal item exists yet: a maintainer's `never` on a policy
    // issue must hold from the first failure on (review83 M1), so the rules are read and
    // their speakers vouched for on that path too.
    let bot_login = fetch_bot_login(gh).await?;
    // Who opened an item and who steers autoheal are two decisions, each with its own
    // budget of calls: an outsider's issues must not use up the asks a maintainer's command
    // needs. Only what autoheal or a writer opened is history: an outsider's labelled issue
    // with a copied record would count in the stats and print what it likes there.
    let mut opened_by = Vouching::new(&bot_login);
    items.sort_by_key(|item| std::cmp::Reverse(item.number));
    let mut kept = Vec::new();
    for item in items {
        let Some((opener, association)) = openers.get(&item.number) else {
            continue;
        };
        // Only an owner, member or collaborator opener is asked about (`author_association`):
        // an outsider's labelled issues cost no ask.
        if opened_by.may_act_as(gh, repo, opener, association).await? {
            kept.push(item);
        }
    }
    let history = History::new(kept, BTreeMap::new());
    let mut numbers: Vec<u64> = history
        .items
        .iter()
        .rev()
        .take(MAX_THREADS_READ)
        .map(|item| item.number)
        .collect();
    numbers.reverse();
    let comments = fetch_comments(gh, repo, &numbers).await?;
    let mut notes = Vec::new();
    let mut nevers_unread = None;
    let rules = fetch_rules(gh, repo, since, &numbers, &mut notes, &mut nevers_unread).await?;
    let pulls: Vec<u64> = history
        .pulls()
        .map(|item| item.number)
        .filter(|number| numbers.contains(number))
        .collect();
    let reviews = fetch_reviews(gh, repo, &pulls).await?;
    let head_shas = if pulls.is_empty() {
        BTreeMap::new()
    } else {
        let (listed, more) = gh.list_newest_pulls(repo, "all", MAX_PULL_PAGES).await?;
        let read = listed.len();
        let head_shas: BTreeMap<u64, String> = listed
            .into_iter()
            .filter(|p| pulls.contains(&p.number))
            .map(|p| (p.number, p.head.sha))
            .collect();
        if more && head_shas.len() < pulls.len() {
            notes.push(format!(
                "read the newest {} pull requests of {repo} ({MAX_PULL_PAGES} pages) for heal PRs' head commits; {} older heal PRs count as not revised after review",
                read,
                pulls.len() - head_shas.len()
            ));
        }
        head_shas
    };
    // Restrictive words first (`never`, `wrong-fix`, a review requesting changes), each kind
    // newest first: a crowd of members or read-only collaborators saying `allow` or approving
    // cannot use up the asks before a maintainer's older `never` is reached. Anyone else
    // (GitHub's `author_association`) is asked about only for a restrictive word, within a
    // budget of its own, since a maintainer with a private organization membership reads as
    // `CONTRIBUTOR` or `NONE` (`Vouching::vouch_restrictive`). An owner, member or
    // collaborator left unasked when the asks run out counts the restrictive way
    // (`History::unasked`); an outsider left unasked does not count.
    let mut speakers: Vec<Speaker> = comments
        .values()
        .chain(rules.values())
        .flatten()
        .filter_map(|c| {
            let command = parse_command(c.text())?.ok()?;
            Some(Speaker {
                restrictive: command.is_restrictive(),
                at: c.created_at.as_str(),
                author: c.author(),
                association: c.author_association.as_str(),
            })
        })
        .chain(reviews.values().flatten().map(|r| Speaker {
            restrictive: is_restrictive_review(r),
            at: r.submitted_at.as_deref().unwrap_or_default(),
            author: r.author(),
            association: r.author_association.as_str(),
        }))
        .filter(|speaker| !speaker.author.ends_with("[bot]"))
        .collect();
    speakers.sort_by(|a, b| {
        b.restrictive.cmp(&a.restrictive).then_with(|| {
            if !a.restrictive {
                return b.at.cmp(a.at);
            }
            // Restrictive words by association rank. An owner's, member's or collaborator's
            // left unasked still counts, so among them the newest are asked first; anyone
            // else's left unasked does not count, so among them the oldest are asked first:
            // a rule stands until undone, and a crowd cannot have spoken before the
            // maintainer did (review84 H1).
            let (rank_a, rank_b) = (
                restrictive_check_rank(a.association),
                restrictive_check_rank(b.association),
            );
            rank_a
                .cmp(&rank_b)
                .then_with(|| if rank_a == 0 { b.at.cmp(a.at) } else { a.at.cmp(b.at) })
        })
    });
    let mut steering = Vouching::new(&bot_login);
    let mut writers = BTreeSet::new();
    let mut unasked = BTreeSet::new();
    for speaker in speakers {
        let vouch = if speaker.restrictive {
            steering
                .vouch_restrictive(gh, repo, speaker.author, speaker.association)
                .await?
        } else {
            steering.vouch_as(gh, repo, speaker.author, speaker.association).await?
        };
        match vouch {
            Vouch::Yes => {
                writers.insert(speaker.author.to_string());
            }
            Vouch::Unasked if speaker.restrictive => {
                unasked.insert(speaker.author.to_string());
            }
            Vouch::Unasked | Vouch::No => {}
        }
    }
    let unchecked = steering.outsiders_unchecked();
    if unchecked > 0 {
        notes.push(format!(
            "{unchecked} restrictive words (`never`, `wrong-fix`, requested changes) by accounts GitHub does not show as owner, member or collaborator of {repo} were not checked (the budget of {MAX_OUTSIDERS_ASKED} permission calls was spent, or the token may not read permissions) and did not count; a maintainer whose organization membership is private may be among them"
        ));
    }
    Ok(History {
        comments,
        rules,
        reviews,
        head_shas,
        writers,
        unasked,
        notes,
        nevers_unread,
        ..history
    })
}

/// Comments of each numbered thread, a few threads at a time.
pub async fn fetch_comments(gh: &GitHub, repo: &RepoName, numbers: &[u64]) -> Result<BTreeMap<u64, Vec<Comment>>> {
    each_thread(gh, repo, numbers, "issues/*/comments", |gh, repo, number| async move {
        gh.list_comments(&repo, number).await
    })
    .await
}

/// The `/autoheal never` and `allow` comments of every thread but `read` (whose comments were
/// read whole), by thread, said at or after `since` when given; a note in `notes` when some
/// could not be read. Who said them is vouched for with the other speakers.
///
/// First the newest [`MAX_RULE_PAGES`] pages of the repository's comments. When older
/// comments are left, anyone could have pushed a rule out of that window with drive-by
/// comments (review83 L1), so the threads carrying a rule are then found through GitHub's
/// search ([`search_rule_threads`]) and read, oldest first within a page budget
/// ([`MAX_RULE_THREAD_PAGES`]). Only when that search is refused, says
/// its results are incomplete or finds more threads than are read does a rule past the
/// window go uncounted, and the note says so and why; when it is the `never` search that
/// could not be read whole, `nevers_unread` says why, and every fixable failure is demoted.
async fn fetch_rules(
    gh: &GitHub,
    repo: &RepoName,
    since: Option<DateTime<Utc>>,
    read: &[u64],
    notes: &mut Vec<String>,
    nevers_unread: &mut Option<String>,
) -> Result<BTreeMap<u64, Vec<Comment>>> {
    let (listed, more) = gh
        .list_newest_repo_comments(repo, since.map(stamp).as_deref(), MAX_RULE_PAGES)
        .await?;
    let oldest = listed
        .iter()
        .filter_map(|c| parse_time(Some(&c.created_at)))
        .min()
        .map_or_else(|| "then".to_string(), stamp);
    let listed_count = listed.len();
    let named = named_by_github(gh, repo, &listed).await?;
    let mut said = Vec::new();
    let mut elsewhere = 0;
    for comment in listed {
        match comment.thread_in(&named) {
            Some(thread) => said.push((thread, comment)),
            None => elsewhere += 1,
        }
    }
    if elsewhere > 0 {
        notes.push(format!(
            "{elsewhere} of the {listed_count} comments listed for {repo} name a thread outside {named}, the repository GitHub named, and their `/autoheal never` and `allow` rules are not counted"
        ));
    }
    if more {
        let mut found = search_rule_threads(gh, &named, read).await;
        for (number, (comments, read_count, longer)) in read_rule_threads(gh, repo, &found.threads).await? {
            if longer {
                let why = format!(
                    "thread #{number} has more comments than the oldest {read_count} read ({MAX_RULE_THREAD_PAGES} pages)"
                );
                if found.never_threads.contains(&number) {
                    found.never_unread.push(why);
                } else {
                    found.allow_unread.push(why);
                }
            }
            let since_start = |c: &Comment| since.is_none_or(|s| parse_time(Some(&c.created_at)) >= Some(s));
            said.extend(comments.into_iter().filter(since_start).map(|c| (number, c)));
        }
        let problems: Vec<&str> = found
            .never_unread
            .iter()
            .chain(&found.allow_unread)
            .map(String::as_str)
            .collect();
        if !problems.is_empty() {
            notes.push(rules_read_in_part(repo, listed_count, &oldest, &problems.join(", ")));
        }
        if !found.never_unread.is_empty() {
            *nevers_unread = Some(found.never_unread.join(", "));
        }
    }
    let mut rules: BTreeMap<u64, Vec<Comment>> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for (thread, comment) in said {
        if read.contains(&thread) || !seen.insert(comment.id) {
            continue;
        }
        if let Some(Ok(Command::Never { .. } | Command::Allow { .. })) = parse_command(comment.text()) {
            rules.entry(thread).or_default().push(comment);
        }
    }
    // Oldest first within a thread, as a thread's own list is.
    for said in rules.values_mut() {
        said.sort_by(|a, b| (a.created_at.as_str(), a.id).cmp(&(b.created_at.as_str(), b.id)));
    }
    Ok(rules)
}

/// The repository as GitHub names it in each comment's `issue_url`: the configured name, or,
/// when some listed comment names another, the `full_name` of `GET /repos/{o}/{r}`. GitHub
/// serves a renamed or transferred repository under its old name too, but every URL it
/// answers names the new one, so matching the configured name dropped every rule without a
/// word (review83 L1).
async fn named_by_github(gh: &GitHub, repo: &RepoName, listed: &[Comment]) -> Result<RepoName> {
    if listed.iter().all(|comment| comment.thread_in(repo).is_some()) {
        return Ok(repo.clone());
    }
    let full_name = gh.get_repo(repo).await?.full_name;
    Ok(RepoName::parse(&full_name).unwrap_or_else(|_| repo.clone()))
}

/// The note of a rule read that stopped at the comment window and could not go past it.
/// Re-stamped: the note is autoheal's own Markdown in issue and pull request bodies.
fn rules_read_in_part(repo: &RepoName, listed: usize, oldest: &str, why: &str) -> String {
    format!(
        "read the newest {listed} comments of {repo} ({MAX_RULE_PAGES} pages) for `/autoheal never` and `allow` rules and {why}; a rule said before {oldest} outside the newest {MAX_THREADS_READ} autoheal threads is not counted"
    )
}

/// Pages (100 results each) of each search [`search_rule_threads`] makes.
pub const MAX_RULE_SEARCH_PAGES: usize = 2;

/// Threads found by [`search_rule_threads`] whose comments are read ([`MAX_RULE_THREAD_PAGES`]
/// pages each), oldest first.
pub const MAX_RULE_THREADS: usize = 100;

/// Pages (100 comments each) read of each thread [`search_rule_threads`] finds, oldest first.
/// A thread is read for its `never` and `allow` commands only, and anyone can add comments
/// to one, so it is not read whole (up to the list budget, 256 MiB). Oldest first because
/// comments are only ever appended: spam written after a maintainer's rule cannot push it out
/// of the oldest pages (read newest first, it could: anyone may append); hiding a rule takes
/// spam written before the maintainer spoke. A thread the `never` search found that is
/// longer than read may hold a later `never` in its unread part, so it demotes every fixable
/// failure ([`History::nevers_unread`]), as an unread search does; one only the `allow`
/// search found is noted (its unread `allow` reads the restrictive way).
pub const MAX_RULE_THREAD_PAGES: usize = 20;

/// What [`search_rule_threads`] found: the threads to read, those the `never` search found,
/// and in words what each word's searches could not read.
struct RuleThreads {
    threads: Vec<u64>,
    never_threads: BTreeSet<u64>,
    never_unread: Vec<String>,
    allow_unread: Vec<String>,
}

/// The `never` and `allow` commands of each numbered thread, read oldest first for at most
/// [`MAX_RULE_THREAD_PAGES`] pages ([`COMMENT_FETCH_CONCURRENCY`] threads at a time; only the
/// commands are kept), how many comments were read, and whether the thread had more.
async fn read_rule_threads(
    gh: &GitHub,
    repo: &RepoName,
    numbers: &[u64],
) -> Result<BTreeMap<u64, (Vec<Comment>, usize, bool)>> {
    each_thread(gh, repo, numbers, "issues/*/comments", |gh, repo, number| async move {
        let (comments, longer) = gh.list_oldest_comments(&repo, number, MAX_RULE_THREAD_PAGES).await?;
        let read_count = comments.len();
        let rules = comments
            .into_iter()
            .filter(|c| {
                matches!(
                    parse_command(c.text()),
                    Some(Ok(Command::Never { .. } | Command::Allow { .. }))
                )
            })
            .collect();
        Ok((rules, read_count, longer))
    })
    .await
}

/// The threads of `repo` but `read` whose comments say `/autoheal never` or `/autoheal allow`,
/// oldest first, at most [`MAX_RULE_THREADS`], and in words what could not be read. GitHub's
/// issue search (`GET /search/issues`, up to 1,000 results a query, its own rate limit of 30
/// requests a minute) with `in:comments` matches a thread by any of its comments; the phrase
/// is matched by words, so what it finds is read with the strict command grammar. Issues and
/// pull requests are asked for apart (`is:issue`, `is:pr`): a GitHub App acting for a user is
/// refused a query mixing them. Oldest first, because drive-by threads are new: to push a
/// rule's thread out, one must comment a rule phrase on as many threads older than it. The
/// `never` threads fill the budget before any `allow` thread: anyone can write "does autoheal
/// allow this?" on a hundred old threads, and a permissive match must not push a restrictive
/// one out (review84 M1).
async fn search_rule_threads(gh: &GitHub, repo: &RepoName, read: &[u64]) -> RuleThreads {
    let mut threads: Vec<u64> = Vec::new();
    let mut never_threads = BTreeSet::new();
    let mut unread = [Vec::new(), Vec::new()];
    for (word, unread) in ["never", "allow"].into_iter().zip(unread.iter_mut()) {
        let mut found = BTreeSet::new();
        for kind in ["issue", "pr"] {
            let q = format!("repo:{repo} \"/autoheal {word}\" in:comments is:{kind}");
            let searched = match gh.search_issues_oldest_first(&q, MAX_RULE_SEARCH_PAGES).await {
                Ok(searched) => searched,
                Err(Error::SearchLimited { budget_secs, .. }) => {
                    unread.push(format!(
                        "the search for `{word}` on {kind}s was held back by GitHub's search rate limit (30 searches a minute) past this pass's budget of {budget_secs}s of waiting"
                    ));
                    continue;
                }
                Err(error) => {
                    // The status, not GitHub's message: the note is autoheal's own words.
                    unread.push(match error.status() {
                        Some(status) => format!("the search for `{word}` on {kind}s was refused (HTTP {status})"),
                        None => format!("the search for `{word}` on {kind}s failed"),
                    });
                    continue;
                }
            };
            if searched.incomplete {
                unread.push(format!(
                    "GitHub's search for `{word}` on {kind}s answered incomplete results"
                ));
            }
            if searched.more {
                unread.push(format!(
                    "GitHub's search for `{word}` on {kind}s counted {} threads, of which the oldest {} were read",
                    searched.total_count,
                    searched.items.len()
                ));
            }
            found.extend(
                searched
                    .items
                    .iter()
                    .map(|issue| issue.number)
                    .filter(|n| !read.contains(n) && !threads.contains(n)),
            );
        }
        // Numbers grow with creation, issues and pull requests alike.
        let room = MAX_RULE_THREADS - threads.len();
        if found.len() > room {
            unread.push(format!(
                "the search found {} more threads with `{word}`, of which the oldest {room} were read",
                found.len()
            ));
        }
        threads.extend(found.into_iter().take(room));
        if word == "never" {
            never_threads = threads.iter().copied().collect();
        }
    }
    let [never_unread, allow_unread] = unread;
    threads.sort_unstable();
    RuleThreads {
        threads,
        never_threads,
        never_unread,
        allow_unread,
    }
}

/// The reviews of each numbered pull request, a few at a time.
pub async fn fetch_reviews(gh: &GitHub, repo: &RepoName, pulls: &[u64]) -> Result<BTreeMap<u64, Vec<Review>>> {
    each_thread(gh, repo, pulls, "pulls/*/reviews", |gh, repo, number| async move {
        gh.list_reviews(&repo, number).await
    })
    .await
}

/// An author of an `/autoheal` command or a review, as [`fetch_history`] orders them.
struct Speaker<'a> {
    /// A `never`, a `wrong-fix` or a review requesting changes (see [`History::unasked`]).
    restrictive: bool,
    at: &'a str,
    author: &'a str,
    association: &'a str,
}

/// `fetch` for each numbered thread, [`COMMENT_FETCH_CONCURRENCY`] at a time.
async fn each_thread<T, F, Fut>(
    gh: &GitHub,
    repo: &RepoName,
    numbers: &[u64],
    what: &str,
    fetch: F,
) -> Result<BTreeMap<u64, T>>
where
    T: Send + 'static,
    F: Fn(GitHub, RepoName, u64) -> Fut,
    Fut: std::future::Future<Output = Result<T>> + Send + 'static,
{
    let permits = Arc::new(Semaphore::new(COMMENT_FETCH_CONCURRENCY));
    let mut tasks = JoinSet::new();
    for &number in numbers {
        let work = fetch(gh.clone(), repo.clone(), number);
        let permits = permits.clone();
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await;
            (number, work.await)
        });
    }
    let mut all = BTreeMap::new();
    while let Some(joined) = tasks.join_next().await {
        let (number, found) = joined.map_err(|e| Error::Transport {
            method: "GET".into(),
            path: format!("{}/{what}", repo.path()),
            message: e.to_string(),
        })?;
        all.insert(number, found?);
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn closing_keywords_in_any_case_with_optional_colon() {
        let body = "Fixes #12.\nalso closes: #3, RESOLVED #40 and fix #12 again; fixes #7abc, see #9, Fixes owner/x#5";
        assert_eq!(closing_references(body), [12, 3, 40]);
        assert!(closing_references("no reference here #1").is_empty());
    }

    #[test]
    fn pull_items_from_the_issues_api_carry_merge_time_and_links() {
        let issue = Issue {
            number: 5,
            state: "closed".into(),
            body: Some("Fixes #2".into()),
            created_at: "2024-01-01T00:00:00Z".into(),
            pull_request: Some(crate::models::PullLink {
                merged_at: Some("2024-01-02T06:00:00Z".into()),
            }),
            ..Issue::default()
        };
        let item = Item::from_issue(&issue);
        assert_eq!(item.kind, ItemKind::Pull);
        assert_eq!(item.fixes, [2]);
        assert_eq!(item.merged_at, parse_time(Some("2024-01-02T06:00:00Z")));
        assert!(item.is_merged() && !item.is_closed_unmerged());
    }

    proptest! {
        #[test]
        fn closing_references_never_panic(body in ".{0,300}") {
            let found = closing_references(&body);
            let mut unique = found.clone();
            unique.dedup();
            prop_assert_eq!(found.len(), unique.len());
        }
    }
}
