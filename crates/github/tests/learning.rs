//! Learning from review against the fake GitHub: demotion after N rejected PRs, and the
//! `/autoheal` comment commands.

use crate::common;

use autoheal_fake_github::{FakeGithub, FaultKind, SeedIssue, SeedPull};
use autoheal_github::decide::learning::{AcceptanceRecord, acceptance_record, demotion_reason};
use autoheal_github::fetch::history::{History, fetch_history};
use autoheal_github::record::{Record, encode};
use autoheal_github::text::demotion_note;
use common::{REPO, asked_about, client, fake, repo};

/// The learning stages in order: fetch the history, then decide.
async fn demotion(
    gh: &autoheal_github::GitHub,
    repo: &autoheal_github::RepoName,
    record: &Record,
    threshold: u32,
) -> autoheal_github::Result<Option<String>> {
    let history = fetch_history(gh, repo, None).await?;
    Ok(demotion_reason(&acceptance_record(&history), record, threshold))
}

fn analysis(fingerprint: &str, fix_type: &str, category: &str) -> Record {
    Record {
        version: 1,
        fingerprint: fingerprint.into(),
        category: category.into(),
        fix_type: Some(fix_type.into()),
        fixable: true,
        run_id: 1,
        ..Record::default()
    }
}

/// An issue for `record` and a heal PR fixing it; returns the PR number.
fn issue_and_pull(fake: &FakeGithub, record: &Record, run: u64) -> u64 {
    let issue = fake.add_issue(
        REPO,
        SeedIssue {
            title: "[auto-heal] CI: failure".into(),
            body: format!("summary\n{}", encode(record)),
            labels: vec!["auto-heal".into(), "workflow-failure".into()],
            created_at: "2024-04-01T00:00:00Z".into(),
            ..SeedIssue::default()
        },
    );
    fake.add_pull(
        REPO,
        SeedPull {
            title: "autoheal: fix".into(),
            body: format!("Fixes #{issue}\n\nThe fix."),
            head: format!("autoheal/{run}-{}", record.category),
            base: "main".into(),
            labels: vec!["auto-heal".into()],
            created_at: "2024-04-01T01:00:00Z".into(),
            ..SeedPull::default()
        },
    )
}

async fn reject(fake: &FakeGithub, gh: &autoheal_github::GitHub, pull: u64) {
    gh.close_pull(&repo(), pull).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        fake.issues(REPO)
            .iter()
            .find(|i| i.number == pull)
            .map(|i| i.state.clone()),
        Some("closed".to_string())
    );
}

#[tokio::test]
async fn a_fix_type_is_demoted_after_threshold_rejected_prs() {
    let fake = fake();
    fake.set_page_size(2);
    let (gh, _) = client(&fake);
    let timeout = analysis("ci|build|timeout|", "timeout-minutes", "timeout");
    let threshold = 2;

    let first = issue_and_pull(&fake, &timeout, 1);
    reject(&fake, &gh, first).await;
    let after_one = demotion(&gh, &repo(), &timeout, threshold)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(after_one, None, "one rejection is below the threshold of 2");

    let second = issue_and_pull(&fake, &timeout, 2);
    reject(&fake, &gh, second).await;
    let why = demotion(&gh, &repo(), &timeout, threshold)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("two rejections reach the threshold"));
    assert!(
        why.contains(&format!("rejected 2 times (#{first}, #{second}) and merged 0 times")),
        "{why}"
    );
    // Another failure with the same fix type is demoted through the fix type.
    let other = analysis("ci|test|timeout|", "timeout-minutes", "timeout");
    let why_other = demotion(&gh, &repo(), &other, threshold)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(why_other.is_some_and(|w| w.contains("`timeout-minutes` fixes")));
    // A higher threshold keeps it.
    let kept = demotion(&gh, &repo(), &timeout, 3)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept, None);
    assert!(demotion_note(&why).contains("did not open a pull request"));
    // Learning only reads.
    assert_eq!(fake.writes().len(), 2, "only the two closes of this test");
}

#[tokio::test]
async fn comment_commands_steer_the_record() {
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    let dependency = analysis("ci|build|dependency|left-pad", "pin-dependency", "dependency");
    // A merged PR a maintainer later called wrong: a rejection despite the merge.
    let merged = issue_and_pull(&fake, &dependency, 1);
    fake.merge_pull(REPO, merged, "2024-04-02T00:00:00Z");
    fake.add_comment(
        REPO,
        merged,
        "maint",
        "/autoheal wrong-fix it pinned the wrong major version",
    );
    // The bot quoting a command and a malformed command change nothing.
    fake.add_comment(REPO, merged, "github-actions[bot]", "/autoheal never dependency");
    fake.add_comment(REPO, merged, "maint", "/autoheal nevermind");

    let history = read_history(&gh).await;
    let record = acceptance_record(&history);
    let entry = record.by_fix_type.get("pin-dependency").cloned().unwrap_or_default();
    assert_eq!(
        (entry.accepted, entry.rejected, entry.rejected_prs),
        (0, 1, vec![merged])
    );
    assert!(record.never_categories.is_empty());
    assert_eq!(demotion(&gh, &repo(), &dependency, 2).await.ok().flatten(), None);
    let why = demotion(&gh, &repo(), &dependency, 1)
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(why.contains("this exact failure were rejected 1 times"), "{why}");

    // `never` demotes the whole category, whatever the fix type; `allow` lifts it.
    let open = issue_and_pull(&fake, &analysis("other", "x", "timeout"), 2);
    fake.set_now(Some("2024-04-03T00:00:00Z"));
    fake.add_comment(REPO, open, "maint", "/autoheal never timeout");
    let timeout = analysis("ci|lint|timeout|", "timeout-minutes", "timeout");
    let why = demotion(&gh, &repo(), &timeout, 5)
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(
        why.contains("@maint asked autoheal never to fix `timeout` failures"),
        "{why}"
    );
    assert!(why.contains(&format!("on #{open}")), "{why}");
    fake.set_now(Some("2024-04-04T00:00:00Z"));
    fake.add_comment(REPO, open, "maint", "/autoheal allow timeout");
    assert_eq!(demotion(&gh, &repo(), &timeout, 5).await.ok().flatten(), None);
}

#[tokio::test]
async fn changes_requested_by_copilot_or_a_maintainer_count_as_rejections() {
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "write");
    let (gh, _) = client(&fake);
    let timeout = analysis("ci|build|timeout|", "timeout-minutes", "timeout");
    let first = issue_and_pull(&fake, &timeout, 1);
    fake.add_review(
        REPO,
        first,
        "copilot-pull-request-reviewer[bot]",
        "CHANGES_REQUESTED",
        "wrong limit",
    );
    let second = issue_and_pull(&fake, &timeout, 2);
    fake.add_review(REPO, second, "maint", "CHANGES_REQUESTED", "no");
    // A drive-by reviewer's request for changes does not count.
    let third = issue_and_pull(&fake, &timeout, 3);
    fake.add_review(REPO, third, "drive-by", "CHANGES_REQUESTED", "meh");
    let history = read_history(&gh).await;
    let entry = acceptance_record(&history)
        .by_fix_type
        .get("timeout-minutes")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (entry.rejected, entry.pending, entry.rejected_prs),
        (2, 1, vec![first, second])
    );
    let why = demotion(&gh, &repo(), &timeout, 2)
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(why.contains(&format!("#{first}, #{second}")), "{why}");
}

/// A heal pull request of the `dependency` category (its issue filed on 2024-04-01) on which
/// `by` commented `/autoheal never dependency`; returns the pull request's number.
fn dependency_pull_with_a_never(fake: &FakeGithub, by: &str) -> u64 {
    let dependency = analysis("ci|build|dependency|left-pad", "pin-dependency", "dependency");
    fake.set_now(Some("2024-04-01T00:00:00Z"));
    let pull = issue_and_pull(fake, &dependency, 1);
    fake.add_comment(REPO, pull, by, "/autoheal never dependency");
    pull
}

/// The API paths `fake` was asked for since the last clear.
fn asked_paths(fake: &FakeGithub) -> Vec<String> {
    fake.requests().into_iter().map(|r| r.path).collect()
}

/// The acceptance history as heal reads it, without a cached one.
/// An issue with only a title and an author, as the rule threads and drive-by
/// issues of these tests are opened.
fn plain_issue(fake: &FakeGithub, title: &str, user: &str) -> u64 {
    fake.add_issue(
        REPO,
        SeedIssue {
            title: title.into(),
            user: user.into(),
            ..SeedIssue::default()
        },
    )
}

async fn read_history(gh: &autoheal_github::GitHub) -> History {
    fetch_history(gh, &repo(), None).await.unwrap_or_else(|e| panic!("{e}"))
}

/// Who stands behind the `never` of `category` in `record`, if anyone.
fn never_by<'a>(record: &'a AcceptanceRecord, category: &str) -> Option<&'a str> {
    record.never_categories.get(category).map(|rule| rule.by.as_str())
}

#[tokio::test]
async fn a_hostile_history_costs_a_bounded_number_of_calls() {
    use autoheal_github::fetch::history::MAX_THREADS_READ;
    use autoheal_github::fetch::trust::MAX_AUTHORS_ASKED;
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    let dependency = analysis("ci|build|dependency|left-pad", "pin-dependency", "dependency");
    fake.set_now(Some("2024-04-01T00:00:00Z"));
    let pull = issue_and_pull(&fake, &dependency, 1);
    // Anyone may label an issue through a form and comment anywhere: thirty outsiders' issues,
    // each with a command by its author, and thirty more outsiders commanding on the bot's PR.
    let mut outsiders = Vec::new();
    for i in 0..30 {
        let number = fake.add_issue(
            REPO,
            SeedIssue {
                title: "[auto-heal] CI: failure".into(),
                body: format!("copied\n{}", encode(&dependency)),
                labels: vec!["workflow-failure".into()],
                user: format!("mallory{i}"),
                ..SeedIssue::default()
            },
        );
        fake.add_comment(REPO, number, &format!("mallory{i}"), "/autoheal allow dependency");
        fake.add_comment(REPO, pull, &format!("eve{i}"), "/autoheal allow dependency");
        outsiders.push(number);
    }
    // The maintainer's word is the newest.
    fake.set_now(Some("2024-04-02T00:00:00Z"));
    fake.add_comment(REPO, pull, "maint", "/autoheal wrong-fix it pinned the wrong major");
    fake.clear_requests();
    let history = read_history(&gh).await;
    let paths = asked_paths(&fake);
    let outsiders_threads: Vec<&String> = paths
        .iter()
        .filter(|p| outsiders.iter().any(|n| p.ends_with(&format!("/issues/{n}/comments"))))
        .collect();
    assert!(outsiders_threads.is_empty(), "{outsiders_threads:?}");
    let asked = paths.iter().filter(|p| p.contains("/collaborators/")).count();
    // One budget for who opened the threads, one for who steers.
    assert!(asked <= 2 * MAX_AUTHORS_ASKED, "{asked} permission calls");
    assert!(history.writers.contains("maint"), "{:?}", history.writers);
    let entry = acceptance_record(&history)
        .by_fix_type
        .get("pin-dependency")
        .cloned()
        .unwrap_or_default();
    assert_eq!(entry.rejected_prs, [pull], "the maintainer's wrong-fix counts");

    // However many threads autoheal opened, the newest MAX_THREADS_READ are read.
    for run in 2..(MAX_THREADS_READ as u64 + 5) {
        fake.add_issue(
            REPO,
            SeedIssue {
                title: "[auto-heal] CI: failure".into(),
                body: format!(
                    "summary\n{}",
                    encode(&Record {
                        run_id: run,
                        ..dependency.clone()
                    })
                ),
                labels: vec!["auto-heal".into(), "workflow-failure".into()],
                ..SeedIssue::default()
            },
        );
    }
    fake.clear_requests();
    read_history(&gh).await;
    let paths = asked_paths(&fake);
    let (listed, threads): (Vec<&String>, Vec<&String>) = paths
        .iter()
        .filter(|p| p.ends_with("/comments") || p.ends_with("/reviews"))
        .partition(|p| p.ends_with("/issues/comments"));
    assert_eq!(threads.len(), MAX_THREADS_READ);
    // The older threads' rules: one page of the repository's comment list.
    assert_eq!(listed.len(), 1, "{listed:?}");
}

#[tokio::test]
async fn a_maintainers_never_outlives_newer_outsiders_commands_and_reviews() {
    use autoheal_github::fetch::trust::MAX_AUTHORS_ASKED;
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    let pull = dependency_pull_with_a_never(&fake, "maint");
    // Newer than the maintainer's word, more outsiders than the asks one decision has: some
    // command `allow`, the others review (GitHub marks each `NONE`, no collaborator).
    fake.set_now(Some("2024-04-02T00:00:00Z"));
    let outsiders: Vec<String> = (0..=MAX_AUTHORS_ASKED).map(|i| format!("eve{i}")).collect();
    for (i, outsider) in outsiders.iter().enumerate() {
        if i % 2 == 0 {
            fake.add_comment(REPO, pull, outsider, "/autoheal allow dependency");
        } else {
            fake.add_review(REPO, pull, outsider, "APPROVED", "fine by me");
        }
    }
    fake.clear_requests();
    let history = read_history(&gh).await;
    let record = acceptance_record(&history);
    assert_eq!(never_by(&record, "dependency"), Some("maint"), "{:?}", history.writers);
    let asked_about_outsiders: Vec<String> = asked_about(&fake, "eve");
    assert!(asked_about_outsiders.is_empty(), "{asked_about_outsiders:?}");
}

/// Organization members and read or triage collaborators are asked about (GitHub marks them
/// `MEMBER` or `COLLABORATOR`, and either may write), so a crowd of them saying `allow` after
/// a maintainer's `never` must not use up the asks before the maintainer is reached.
#[tokio::test]
async fn read_only_members_saying_allow_cannot_crowd_out_a_maintainers_never() {
    use autoheal_github::fetch::trust::MAX_AUTHORS_ASKED;
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    let pull = dependency_pull_with_a_never(&fake, "maint");
    // Newer than the maintainer's word: more read-only members (and read or triage
    // collaborators) than the asks one decision has, commanding `allow` or approving.
    fake.set_now(Some("2024-04-02T00:00:00Z"));
    for i in 0..=MAX_AUTHORS_ASKED {
        let member = format!("member{i}");
        match i % 4 {
            0 => fake.add_collaborator(REPO, &member, "read"),
            1 => fake.add_collaborator(REPO, &member, "triage"),
            _ => fake.add_member(REPO, &member),
        }
        if i % 2 == 0 {
            fake.add_comment(REPO, pull, &member, "/autoheal allow dependency");
        } else {
            fake.add_review(REPO, pull, &member, "APPROVED", "fine by me");
        }
    }
    fake.clear_requests();
    let history = read_history(&gh).await;
    let record = acceptance_record(&history);
    assert_eq!(never_by(&record, "dependency"), Some("maint"), "{:?}", history.writers);
    // The maintainer's `never` is asked about on the restrictive words' own budget.
    let asked = asked_about(&fake, "").len();
    assert!(asked <= MAX_AUTHORS_ASKED + 1, "{asked} permission calls");
}

/// When more owners, members and collaborators speak restrictively than can be asked about,
/// the ones left unasked are read the restrictive way: an older maintainer's `never` still
/// holds behind eleven newer read-only members' `never`s of other categories, while an
/// `allow` by a member nobody asked about does not count.
#[tokio::test]
async fn while_speakers_remain_unasked_the_restrictive_reading_wins() {
    use autoheal_github::fetch::trust::MAX_RESTRICTIVE_ASKED;
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    let pull = dependency_pull_with_a_never(&fake, "maint");
    for i in 0..=MAX_RESTRICTIVE_ASKED {
        fake.set_now(Some(&format!("2024-04-02T00:{i:02}:00Z")));
        let member = format!("member{i}");
        fake.add_member(REPO, &member);
        fake.add_comment(REPO, pull, &member, &format!("/autoheal never category{i}"));
    }
    fake.set_now(Some("2024-04-03T00:00:00Z"));
    fake.add_comment(REPO, pull, "member0", "/autoheal allow dependency");
    let history = read_history(&gh).await;
    let record = acceptance_record(&history);
    assert_eq!(
        never_by(&record, "dependency"),
        Some("maint"),
        "{:?} {:?}",
        history.writers,
        record.never_categories
    );
    // The newest members were asked about and read only: their `never`s do not count. The
    // oldest was not: their `never` counts, their later `allow` does not, and `stats` counts
    // the words that counted unchecked (the oldest member's and the maintainer's, whom the
    // asks did not reach either).
    let newest = format!("category{MAX_RESTRICTIVE_ASKED}");
    assert!(!record.never_categories.contains_key(&newest), "{record:?}");
    assert!(record.never_categories.contains_key("category0"), "{record:?}");
    let stats = autoheal_github::stats::compute(REPO, &history, None);
    assert_eq!(stats.restrictive_unchecked, 2, "{:?}", history.unasked);
}

/// Restrictive words have their own budget of asks (review82 L5): eleven read-only members
/// of a large organization saying `never` used up the ten asks every speaker shared, and the
/// oldest one's `never` counted unchecked, turning the category off.
#[tokio::test]
async fn a_crowd_of_members_past_the_shared_asks_is_still_checked() {
    use autoheal_github::fetch::trust::{MAX_AUTHORS_ASKED, MAX_RESTRICTIVE_ASKED};
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    let pull = dependency_pull_with_a_never(&fake, "maint");
    for i in 0..=MAX_AUTHORS_ASKED {
        fake.set_now(Some(&format!("2024-04-02T00:{i:02}:00Z")));
        let member = format!("member{i}");
        fake.add_member(REPO, &member);
        fake.add_comment(REPO, pull, &member, &format!("/autoheal never category{i}"));
    }
    fake.clear_requests();
    let history = read_history(&gh).await;
    let record = acceptance_record(&history);
    assert_eq!(never_by(&record, "dependency"), Some("maint"));
    assert!(!record.never_categories.contains_key("category0"), "{record:?}");
    assert!(history.unasked.is_empty(), "{:?}", history.unasked);
    assert_eq!(
        autoheal_github::stats::compute(REPO, &history, None).restrictive_unchecked,
        0
    );
    let asked = asked_about(&fake, "").len();
    assert!(asked <= MAX_RESTRICTIVE_ASKED, "{asked} permission calls");
}

/// The history keeps what autoheal or a writer opened, and an opener comes with GitHub's
/// `author_association`: eleven outsiders' labelled issues, newer than a maintainer's heal
/// issue, cost no permission call, so the maintainer is still asked about and their issue
/// stays in the history.
#[tokio::test]
async fn outsiders_issues_cost_no_asks_and_cannot_crowd_a_maintainers_issue_out_of_the_history() {
    use autoheal_github::fetch::trust::MAX_AUTHORS_ASKED;
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    let dependency = analysis("ci|build|dependency|left-pad", "pin-dependency", "dependency");
    let labelled = |user: &str, body: String| SeedIssue {
        title: "[auto-heal] CI: failure".into(),
        body,
        labels: vec!["auto-heal".into(), "workflow-failure".into()],
        created_at: "2024-04-01T00:00:00Z".into(),
        user: user.into(),
        ..SeedIssue::default()
    };
    let maintainers = fake.add_issue(REPO, labelled("maint", format!("summary\n{}", encode(&dependency))));
    for i in 0..=MAX_AUTHORS_ASKED {
        fake.add_issue(REPO, labelled(&format!("mallory{i}"), "Please look".into()));
    }
    fake.clear_requests();
    let history = read_history(&gh).await;
    let kept: Vec<u64> = history.items.iter().map(|item| item.number).collect();
    assert_eq!(kept, [maintainers]);
    let asked: Vec<String> = asked_about(&fake, "mallory");
    assert!(asked.is_empty(), "{asked:?}");
}

/// The head commits of heal PRs come from the repository's pull request list, which holds
/// every pull request it ever had: at most `MAX_PULL_PAGES` pages of it are read (newest
/// first), and the history says what was left out.
#[tokio::test]
async fn the_pull_request_list_is_read_up_to_its_page_cap_and_says_so() {
    use autoheal_github::fetch::history::MAX_PULL_PAGES;
    let fake = fake();
    let (gh, _) = client(&fake);
    let dependency = analysis("ci|build|dependency|left-pad", "pin-dependency", "dependency");
    fake.set_now(Some("2024-04-01T00:00:00Z"));
    issue_and_pull(&fake, &dependency, 1);
    for i in 0..=MAX_PULL_PAGES {
        fake.add_pull(
            REPO,
            SeedPull {
                title: format!("feature {i}"),
                head: format!("feature-{i}"),
                base: "main".into(),
                ..SeedPull::default()
            },
        );
    }
    fake.set_page_size(1);
    fake.clear_requests();
    let history = read_history(&gh).await;
    let pull_pages = asked_paths(&fake).into_iter().filter(|p| p.ends_with("/pulls")).count();
    assert_eq!(pull_pages, MAX_PULL_PAGES);
    assert!(history.head_shas.is_empty(), "{:?}", history.head_shas);
    assert!(
        history.notes.iter().any(|n| n.contains("1 older heal PRs")),
        "{:?}",
        history.notes
    );
}

/// A maintainer who writes through a team and keeps their organization membership private
/// (GitHub's default) reads as `CONTRIBUTOR`: their restrictive word is still asked about
/// and holds, while an outsider's `allow` costs no ask, and a crowd of outsiders' `never`s
/// costs at most their own small budget and counts for nothing.
#[tokio::test]
async fn a_private_members_never_holds_and_outsiders_cost_a_bounded_budget() {
    use autoheal_github::fetch::trust::{MAX_AUTHORS_ASKED, MAX_OUTSIDERS_ASKED};
    let fake = fake();
    fake.add_private_member(REPO, "alice", "maintain");
    let (gh, _) = client(&fake);
    let pull = dependency_pull_with_a_never(&fake, "alice");
    fake.set_now(Some("2024-04-02T00:00:00Z"));
    fake.add_comment(REPO, pull, "eve", "/autoheal allow dependency");
    fake.clear_requests();
    let history = read_history(&gh).await;
    let record = acceptance_record(&history);
    assert_eq!(never_by(&record, "dependency"), Some("alice"), "{:?}", history.writers);
    let asked_about_eve: Vec<String> = asked_about(&fake, "eve");
    assert!(asked_about_eve.is_empty(), "{asked_about_eve:?}");

    // Outsiders' `never`s, newer than everything and more than both budgets: each one asked
    // about reads, none counts, and the asks stay bounded.
    for i in 0..(MAX_AUTHORS_ASKED + MAX_OUTSIDERS_ASKED) {
        fake.set_now(Some(&format!("2024-04-03T00:{i:02}:00Z")));
        fake.add_comment(
            REPO,
            pull,
            &format!("mallory{i}"),
            &format!("/autoheal never category{i}"),
        );
    }
    // alice's `never` still stands (review84 H1: the crowd, newer, was asked about first and
    // spent the budget, and an `all` over an empty map passed), and nothing else counts.
    let history = only_alices_never_counts_within_the_outsiders_budget(&fake, &gh).await;
    // The words left unchecked are said.
    assert!(
        history.notes.iter().any(|n| n.contains("were not checked")),
        "{:?}",
        history.notes
    );
}

/// A crowd that GitHub shows as alice is shown (`CONTRIBUTOR`: private read-only members, or
/// anyone with a merged commit), all speaking after her, cannot spend the outsiders' budget
/// before her word is checked: restrictive words are checked oldest first (review84 H1).
#[tokio::test]
async fn a_private_members_never_outlasts_a_later_crowd_of_contributors() {
    use autoheal_github::fetch::trust::MAX_OUTSIDERS_ASKED;
    let fake = fake();
    fake.add_private_member(REPO, "alice", "maintain");
    let (gh, _) = client(&fake);
    let pull = dependency_pull_with_a_never(&fake, "alice");
    for i in 0..(MAX_OUTSIDERS_ASKED + 3) {
        let login = format!("reader{i}");
        fake.add_private_member(REPO, &login, "read");
        fake.set_now(Some(&format!("2024-04-03T00:{i:02}:00Z")));
        fake.add_comment(REPO, pull, &login, &format!("/autoheal never category{i}"));
    }
    only_alices_never_counts_within_the_outsiders_budget(&fake, &gh).await;
}

/// Reads the history after a crowd spoke: alice's `never` of `dependency` is the only rule
/// that counts, and the permission calls stay within the outsiders' budget.
async fn only_alices_never_counts_within_the_outsiders_budget(
    fake: &FakeGithub,
    gh: &autoheal_github::GitHub,
) -> History {
    use autoheal_github::fetch::trust::MAX_OUTSIDERS_ASKED;
    fake.clear_requests();
    let history = read_history(gh).await;
    let record = acceptance_record(&history);
    assert_eq!(
        never_by(&record, "dependency"),
        Some("alice"),
        "{:?}",
        record.never_categories
    );
    assert_eq!(record.never_categories.len(), 1, "{:?}", record.never_categories);
    let asked = asked_about(fake, "").len();
    assert!(asked <= MAX_OUTSIDERS_ASKED, "{asked} permission calls");
    history
}

/// A `never` holds however many threads are newer than its own (review82 M1): autoheal's own
/// issues, one per distinct failure and filed for untrusted runs too, pushed a maintainer's
/// thread out of the newest `MAX_THREADS_READ`, and the rule expired in silence.
#[tokio::test]
async fn a_never_outlives_newer_autoheal_issues() {
    use autoheal_github::fetch::history::MAX_THREADS_READ;
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    dependency_pull_with_a_never(&fake, "maint");
    fake.set_now(Some("2024-04-02T00:00:00Z"));
    for i in 0..=MAX_THREADS_READ {
        let timeout = analysis(&format!("ci|build{i}|timeout|"), "timeout", "timeout");
        fake.add_issue(
            REPO,
            SeedIssue {
                title: format!("[auto-heal] CI: timeout in build{i}"),
                body: format!("summary\n{}", encode(&timeout)),
                labels: vec!["workflow-failure".into()],
                ..SeedIssue::default()
            },
        );
    }
    let history = read_history(&gh).await;
    assert!(history.items.len() > MAX_THREADS_READ + 1, "{}", history.items.len());
    assert_eq!(
        never_by(&acceptance_record(&history), "dependency"),
        Some("maint"),
        "{:?}",
        history.notes
    );
    assert!(history.notes.is_empty(), "{:?}", history.notes);
}

/// A rule said on any thread counts (a maintainer's policy issue, never labelled): the
/// repository's comment list is read for them, newest first, for `MAX_RULE_PAGES` pages, and
/// when older comments are left the history says so rather than letting the rule expire in
/// silence.
#[tokio::test]
async fn a_rule_on_any_thread_counts_and_the_comment_budget_is_noted() {
    use autoheal_github::fetch::history::MAX_RULE_PAGES;
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    let dependency = analysis("ci|build|dependency|left-pad", "pin-dependency", "dependency");
    fake.set_now(Some("2024-04-01T00:00:00Z"));
    issue_and_pull(&fake, &dependency, 1);
    let policy = plain_issue(&fake, "CI policy", "maint");
    fake.set_now(Some("2024-04-01T02:00:00Z"));
    fake.add_comment(REPO, policy, "maint", "/autoheal never dependency");
    let history = read_history(&gh).await;
    assert_eq!(never_by(&acceptance_record(&history), "dependency"), Some("maint"));
    assert!(history.notes.is_empty(), "{:?}", history.notes);

    // More newer comments than the budget reads, one per page: the rule's thread is found
    // through the search and read whole (review83 L1), and nothing is left unread.
    fake.set_now(Some("2024-04-02T00:00:00Z"));
    for i in 0..MAX_RULE_PAGES {
        fake.add_comment(REPO, policy, "drive-by", &format!("me too {i}"));
    }
    fake.set_page_size(1);
    fake.clear_requests();
    let history = read_history(&gh).await;
    let listed = asked_paths(&fake)
        .into_iter()
        .filter(|p| p.ends_with("/issues/comments"))
        .count();
    assert_eq!(listed, MAX_RULE_PAGES);
    assert_eq!(never_by(&acceptance_record(&history), "dependency"), Some("maint"));
    assert!(history.notes.is_empty(), "{:?}", history.notes);

    // A search GitHub refuses (its own rate limit, a 422) or answers in part leaves the
    // permissive reading of the window, and the note says so and why.
    fake.inject_fault(
        Some("GET"),
        "/search/issues",
        1,
        FaultKind::Status {
            status: 422,
            message: "Validation Failed".into(),
        },
    );
    let history = read_history(&gh).await;
    assert_eq!(never_by(&acceptance_record(&history), "dependency"), None);
    assert!(
        history.notes.iter().any(|n| n.contains(&format!(
            "newest {MAX_RULE_PAGES} comments of {REPO} ({MAX_RULE_PAGES} pages)"
        )) && n.contains("before 2024-04-02T00:00:00Z")
            && n.contains("the search for `never` on issues was refused (HTTP 422)")),
        "{:?}",
        history.notes
    );
    fake.set_search_incomplete(true);
    let history = read_history(&gh).await;
    assert!(
        history.notes.iter().any(|n| n.contains("answered incomplete results")),
        "{:?}",
        history.notes
    );
}

/// A thousand drive-by comments after a maintainer's `never` on an old policy issue push it
/// out of the repository's newest comments (review83 L1): it was not counted, and the next
/// fixable failure of the category opened a pull request. The rule's thread is now found
/// through GitHub's search and read whole.
#[tokio::test]
async fn a_never_outlives_a_thousand_drive_by_comments() {
    use autoheal_github::fetch::history::MAX_RULE_PAGES;
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    fake.set_now(Some("2024-01-01T00:00:00Z"));
    let policy = plain_issue(&fake, "CI policy", "maint");
    fake.add_comment(REPO, policy, "maint", "/autoheal never dependency");
    fake.set_now(Some("2024-04-01T00:00:00Z"));
    let spam = plain_issue(&fake, "hello", "drive-by");
    for i in 0..MAX_RULE_PAGES * 100 {
        fake.add_comment(REPO, spam, "drive-by", &format!("+1 ({i})"));
    }
    let dependency = analysis("ci|build|dependency|left-pad", "pin-dependency", "dependency");
    fake.clear_requests();
    let reason = demotion(&gh, &repo(), &dependency, 3)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(reason.is_some(), "a dependency failure opens no PR");
    let searches = asked_paths(&fake)
        .into_iter()
        .filter(|p| p.ends_with("/search/issues"))
        .count();
    assert_eq!(searches, 4, "never and allow, on issues and on pull requests");
}

/// A renamed or transferred repository still configured by its old name (GitHub serves its
/// API there) names its new path in every comment's `issue_url`: every rule read from the
/// repository's comment list was dropped without a word (review83 L1). The name GitHub
/// answers with (`GET /repos/{o}/{r}`) is matched instead, and the search asks by it.
#[tokio::test]
async fn a_renamed_repository_configured_by_its_old_name_keeps_its_rules() {
    use autoheal_github::fetch::history::MAX_RULE_PAGES;
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    fake.set_now(Some("2024-04-01T00:00:00Z"));
    let policy = plain_issue(&fake, "CI policy", "maint");
    fake.add_comment(REPO, policy, "maint", "/autoheal never dependency");
    fake.rename_repo(REPO, "octo-org/app2");
    let history = read_history(&gh).await;
    assert_eq!(never_by(&acceptance_record(&history), "dependency"), Some("maint"));
    assert!(history.notes.is_empty(), "{:?}", history.notes);

    // Past the comment window the search asks by the new name too.
    fake.set_now(Some("2024-04-02T00:00:00Z"));
    for i in 0..MAX_RULE_PAGES {
        fake.add_comment(REPO, policy, "drive-by", &format!("me too {i}"));
    }
    fake.set_page_size(1);
    let history = read_history(&gh).await;
    assert_eq!(never_by(&acceptance_record(&history), "dependency"), Some("maint"));
    assert!(history.notes.is_empty(), "{:?}", history.notes);
}

/// A `never` said on a policy issue before autoheal ever filed anything holds (review83 M1):
/// with no autoheal issue or pull request yet, the rules were not read at all, and the first
/// fixable failure of the category opened the pull request the maintainer forbade.
#[tokio::test]
async fn a_policy_never_holds_before_the_first_autoheal_item() {
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    fake.set_now(Some("2024-04-01T00:00:00Z"));
    let policy = plain_issue(&fake, "Adopt autoheal", "maint");
    fake.add_comment(REPO, policy, "maint", "/autoheal never dependency");
    let history = read_history(&gh).await;
    assert!(history.items.is_empty(), "{:?}", history.items);
    assert_eq!(never_by(&acceptance_record(&history), "dependency"), Some("maint"));
    let dependency = analysis("ci|build|dependency|left-pad", "pin-dependency", "dependency");
    let reason = demotion(&gh, &repo(), &dependency, 3)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(reason.is_some(), "the first dependency failure opens no PR");
}

/// review84 M2: a repeat of an open auto-heal issue went straight to the fix, so a `never`
/// said on the issue after it was filed did not stop the pull request. Run 42 is filed and
/// healed to nothing (the default branch already holds the fix), the maintainer answers
/// `/autoheal never …` on the issue, the fix is reverted and run 43 fails the same way: it is
/// a repeat of the open issue, and heal must open no pull request, say why once on the issue,
/// and not say it again on a later repeat. `heal --issue` reads the rules too.
#[tokio::test]
async fn a_never_said_on_an_open_issue_stops_the_repeats_pull_request() {
    use crate::heal_fixtures::{dependency, seed};
    use autoheal_github::{HealOptions, HealOutcome, HealTarget, ReportOptions, ReportOutcome, heal};
    let fake = fake();
    fake.add_repo(REPO, "main");
    fake.add_collaborator(REPO, "maint", "maintain");
    fake.set_now(Some("2023-11-14T22:00:00Z"));
    let (gh, _) = client(&fake);
    let options = HealOptions {
        report: ReportOptions {
            now: chrono::DateTime::parse_from_rfc3339("2023-11-14T22:30:00Z")
                .ok()
                .map(|t| t.with_timezone(&chrono::Utc)),
            ..ReportOptions::default()
        },
    };
    let pulls = |fake: &FakeGithub| fake.issues(REPO).into_iter().filter(|i| i.head.is_some()).count();

    seed(&fake, REPO, "main", &dependency(42));
    fake.commit_files(
        REPO,
        "main",
        &[("requirements.txt", "pytest\nPyYAML\n")],
        "the fix by hand",
    );
    let first = heal(&gh, &repo(), HealTarget::Run(42), &options)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let Some(ReportOutcome::Filed(filed)) = &first.report else {
        panic!("{first:?}")
    };
    let issue = filed.issue.number;
    assert!(
        matches!(first.outcome, HealOutcome::NoFix { .. }),
        "{:?}",
        first.outcome
    );
    let category = filed.record.category.clone();
    fake.add_comment(REPO, issue, "maint", &format!("/autoheal never {category}"));

    // The hand fix is reverted; the same failure again, a repeat of the open issue.
    seed(&fake, REPO, "main", &dependency(43));
    let fresh = HealOptions {
        report: ReportOptions {
            histories: Default::default(),
            ..options.report.clone()
        },
    };
    let second = heal(&gh, &repo(), HealTarget::Run(43), &fresh)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(second.report, Some(ReportOutcome::Repeated(_))), "{second:?}");
    assert!(
        matches!(&second.outcome, HealOutcome::Skipped { reason, .. } if reason.contains("@maint") && reason.contains(&format!("/autoheal never {category}"))),
        "{:?}",
        second.outcome
    );
    assert_eq!(pulls(&fake), 0, "no pull request after the maintainer's never");
    let said = |fake: &FakeGithub| {
        fake.comments(REPO, issue)
            .iter()
            .filter(|c| c.body.contains("autoheal:demoted"))
            .count()
    };
    assert_eq!(said(&fake), 1);

    // `heal --issue` reads the rules as well, and says nothing twice.
    let third = heal(&gh, &repo(), HealTarget::Issue(issue), &fresh)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(third.outcome, HealOutcome::Skipped { .. }),
        "{:?}",
        third.outcome
    );
    assert_eq!(pulls(&fake), 0);
    assert_eq!(said(&fake), 1);
}

/// review84 M1: the rule search kept the oldest `MAX_RULE_THREADS` of the `never` and `allow`
/// matches together, so outsiders asking "what does /autoheal allow do?" on a hundred threads
/// older than the maintainer's policy issue cut it out, past a full comment window, and the
/// dependency failure opened a pull request. The `never` threads now come first; and when the
/// `never` search itself cannot be read whole (refused, incomplete, more than is read), every
/// fixable failure is demoted (an issue, no pull request) and the reason says why.
#[tokio::test]
async fn allow_questions_on_older_threads_cannot_crowd_out_a_never_and_an_unread_never_search_demotes() {
    use autoheal_github::fetch::history::{MAX_RULE_PAGES, MAX_RULE_THREADS};
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    fake.set_now(Some("2023-01-01T00:00:00Z"));
    let old: Vec<u64> = (0..MAX_RULE_THREADS)
        .map(|i| {
            fake.add_issue(
                REPO,
                SeedIssue {
                    title: format!("old issue {i}"),
                    user: "someone".into(),
                    ..SeedIssue::default()
                },
            )
        })
        .collect();
    fake.set_now(Some("2024-01-01T00:00:00Z"));
    let policy = plain_issue(&fake, "CI policy", "maint");
    fake.add_comment(REPO, policy, "maint", "/autoheal never dependency");
    fake.set_now(Some("2024-04-01T00:00:00Z"));
    for number in &old {
        fake.add_comment(REPO, *number, "drive-by", "what does /autoheal allow do?");
    }
    let spam = plain_issue(&fake, "hello", "drive-by");
    for i in 0..MAX_RULE_PAGES * 100 {
        fake.add_comment(REPO, spam, "drive-by", &format!("+1 ({i})"));
    }
    let dependency = analysis("ci|build|dependency|left-pad", "pin-dependency", "dependency");
    let history = read_history(&gh).await;
    assert_eq!(
        never_by(&acceptance_record(&history), "dependency"),
        Some("maint"),
        "{:?}",
        history.notes
    );

    // A refused search leaves the `never` rules unread: fail closed, and say why.
    fake.inject_fault(
        Some("GET"),
        "/search/issues",
        1,
        FaultKind::Status {
            status: 422,
            message: "Validation Failed".into(),
        },
    );
    let timeout = analysis("ci|build|timeout|", "timeout-minutes", "timeout");
    let why = demotion(&gh, &repo(), &timeout, 3)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("an unread never search opens no PR"));
    assert!(why.contains("HTTP 422"), "{why}");
    // So does an incomplete one.
    fake.set_search_incomplete(true);
    let why = demotion(&gh, &repo(), &dependency, 3)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(why.is_some());
    let why = demotion(&gh, &repo(), &timeout, 3)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_default();
    assert!(why.contains("incomplete"), "{why}");
}

/// A thread the rule search found was read whole, up to the list budget (256 MiB): anyone
/// may add comments to it. It is now read oldest first for `MAX_RULE_THREAD_PAGES` pages, so
/// spam appended after a maintainer's `never` cannot push it out; and since its unread part
/// may hold a later `never`, a `never` thread longer than that demotes every fixable failure
/// and says which thread. A thread only the `allow` search found is noted, nothing more.
#[tokio::test]
async fn a_found_thread_is_read_oldest_first_within_its_page_budget() {
    use autoheal_github::fetch::history::{MAX_RULE_PAGES, MAX_RULE_THREAD_PAGES};
    let fake = fake();
    fake.add_collaborator(REPO, "maint", "maintain");
    let (gh, _) = client(&fake);
    fake.set_now(Some("2024-01-01T00:00:00Z"));
    let policy = plain_issue(&fake, "CI policy", "maint");
    fake.add_comment(REPO, policy, "maint", "/autoheal never dependency");
    fake.set_now(Some("2024-04-01T00:00:00Z"));
    let spam = MAX_RULE_THREAD_PAGES + MAX_RULE_PAGES;
    for i in 0..spam {
        fake.add_comment(REPO, policy, "drive-by", &format!("+1 ({i})"));
    }
    fake.set_page_size(1);
    fake.clear_requests();
    let history = read_history(&gh).await;
    let thread_pages = asked_paths(&fake)
        .into_iter()
        .filter(|p| p.ends_with(&format!("/issues/{policy}/comments")))
        .count();
    assert_eq!(
        thread_pages,
        MAX_RULE_THREAD_PAGES,
        "{} comments in the thread",
        spam + 1
    );
    let record = acceptance_record(&history);
    assert_eq!(never_by(&record, "dependency"), Some("maint"));
    let timeout = analysis("ci|build|timeout|", "timeout-minutes", "timeout");
    let why = demotion_reason(&record, &timeout, 3).unwrap_or_default();
    assert!(
        why.contains(&format!(
            "thread #{policy} has more comments than the oldest {MAX_RULE_THREAD_PAGES} read"
        )),
        "{why}"
    );

    // An `allow` thread as long is noted, and demotes nothing.
    let fake = self::fake();
    let (gh, _) = client(&fake);
    fake.set_now(Some("2024-01-01T00:00:00Z"));
    let question = plain_issue(&fake, "question", "someone");
    fake.add_comment(REPO, question, "someone", "/autoheal allow timeout");
    for i in 0..spam {
        fake.add_comment(REPO, question, "drive-by", &format!("+1 ({i})"));
    }
    fake.set_page_size(1);
    let history = read_history(&gh).await;
    assert_eq!(demotion_reason(&acceptance_record(&history), &timeout, 3), None);
    assert!(
        history
            .notes
            .iter()
            .any(|n| n.contains(&format!("thread #{question} has more comments"))),
        "{:?}",
        history.notes
    );
}
