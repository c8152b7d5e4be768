//! Rollback: when the checks on a heal PR fail, the fix did not work. Close the PR with a
//! comment naming the failed checks and mark the issue `needs-manual-fix`, so `heal` stops
//! (it skips such issues) instead of stacking a second fix on top.

use serde::Serialize;

use crate::client::GitHub;
use crate::config::RepoName;
use crate::error::Result;
use crate::history::{AUTO_HEAL_LABEL, HEAL_BRANCH_PREFIX, NEEDS_MANUAL_FIX_LABEL, closing_references};
use crate::issue_text::neutralize_line;
use crate::models::{CheckRun, PullRequest};

/// Marks autoheal's rollback comments so a rerun does not post them twice.
const ROLLBACK_MARKER: &str = "<!-- autoheal:rollback -->";
/// Check conclusions that mean the fix broke something. `cancelled` is left out: a newer push
/// or a concurrency group cancels checks without anything being wrong.
const FAILED_CONCLUSIONS: [&str; 3] = ["failure", "timed_out", "startup_failure"];

/// A check that failed on the heal PR's head commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedCheck {
    pub name: String,
    pub conclusion: String,
    pub url: Option<String>,
}

/// What [`rollback_if_checks_failed`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rollback {
    pub pr: u64,
    pub head_sha: String,
    /// The issues the PR was fixing, now labelled `needs-manual-fix`.
    pub issues: Vec<u64>,
    pub failed_checks: Vec<FailedCheck>,
}

/// Whether a branch is one `heal` pushes fixes to.
pub fn is_heal_branch(branch: &str) -> bool {
    branch.starts_with(HEAL_BRANCH_PREFIX)
}

/// Whether a PR is one `heal` opened (its label or its branch).
pub fn is_heal_pull(pull: &PullRequest) -> bool {
    pull.labels.iter().any(|l| l.name.eq_ignore_ascii_case(AUTO_HEAL_LABEL)) || is_heal_branch(&pull.head.name)
}

/// The completed checks that failed, in name order.
pub fn failed_checks(runs: &[CheckRun]) -> Vec<FailedCheck> {
    let mut failed: Vec<FailedCheck> = runs
        .iter()
        .filter(|run| run.status.as_deref().is_none_or(|s| s == "completed"))
        .filter_map(|run| {
            let conclusion = run.conclusion.as_deref()?;
            FAILED_CONCLUSIONS.contains(&conclusion).then(|| FailedCheck {
                name: neutralize_line(&run.name, 100),
                conclusion: conclusion.to_string(),
                url: run.html_url.clone().filter(|u| is_plain_url(u)),
            })
        })
        .collect();
    failed.sort_by(|a, b| a.name.cmp(&b.name));
    failed
}

/// An https URL that cannot break out of a Markdown link.
fn is_plain_url(url: &str) -> bool {
    url.starts_with("https://")
        && url
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '(' | ')' | '<' | '>' | '`' | '[' | ']' | '"'))
}

fn check_lines(failed: &[FailedCheck]) -> String {
    failed
        .iter()
        .map(|check| match &check.url {
            Some(url) => format!("- [`{}`]({url}): {}", check.name.replace('`', "'"), check.conclusion),
            None => format!("- `{}`: {}", check.name.replace('`', "'"), check.conclusion),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The comment on the closed PR.
pub fn pull_comment(head_sha: &str, failed: &[FailedCheck], issues: &[u64]) -> String {
    let issues = if issues.is_empty() {
        String::new()
    } else {
        let list: Vec<String> = issues.iter().map(|n| format!("#{n}")).collect();
        format!(
            " {} now labelled `{NEEDS_MANUAL_FIX_LABEL}`, so autoheal will not propose another fix on top of this one.",
            list.join(", ")
        )
    };
    format!(
        "{ROLLBACK_MARKER}\nautoheal closed this pull request because its checks failed on {}:\n\n{}\n\nThe proposed fix did not make the workflow pass.{issues}",
        short_sha(head_sha),
        check_lines(failed)
    )
}

/// The comment on each issue the PR was fixing.
pub fn issue_comment(pr: u64, failed: &[FailedCheck]) -> String {
    format!(
        "{ROLLBACK_MARKER}\nThe fix in #{pr} failed its checks, so autoheal closed it and stopped healing this issue:\n\n{}\n\nIt needs a manual fix. Remove the `{NEEDS_MANUAL_FIX_LABEL}` label to let autoheal try again.",
        check_lines(failed)
    )
}

fn short_sha(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

async fn comment_once(gh: &GitHub, repo: &RepoName, number: u64, body: &str) -> Result<()> {
    let existing = gh.list_comments(repo, number).await?;
    let already = existing
        .iter()
        .any(|c| c.body.as_deref().is_some_and(|b| b.starts_with(ROLLBACK_MARKER)));
    if !already {
        gh.create_comment(repo, number, body).await?;
    }
    Ok(())
}

/// When the open heal PR `pr` has failed checks on its head commit: labels the issues it
/// fixes `needs-manual-fix`, comments on the PR and the issues (once), and closes the PR.
/// `Ok(None)` when the PR is not open, not a heal PR, or no check failed (yet).
pub async fn rollback_if_checks_failed(gh: &GitHub, repo: &RepoName, pr: u64) -> Result<Option<Rollback>> {
    let pull = gh.get_pull(repo, pr).await?;
    if pull.state != "open" || pull.merged_at.is_some() || !is_heal_pull(&pull) {
        return Ok(None);
    }
    let reference = if pull.head.sha.is_empty() {
        pull.head.name.as_str()
    } else {
        pull.head.sha.as_str()
    };
    let failed = failed_checks(&gh.list_check_runs(repo, reference).await?);
    if failed.is_empty() {
        return Ok(None);
    }
    let issues = closing_references(pull.body.as_deref().unwrap_or_default());
    // Label first: once the issue says `needs-manual-fix`, heal leaves it alone even if a
    // later step fails.
    for &issue in &issues {
        gh.add_labels(repo, issue, &[NEEDS_MANUAL_FIX_LABEL.to_string()])
            .await?;
    }
    comment_once(gh, repo, pr, &pull_comment(&pull.head.sha, &failed, &issues)).await?;
    gh.close_pull(repo, pr).await?;
    for &issue in &issues {
        comment_once(gh, repo, issue, &issue_comment(pr, &failed)).await?;
    }
    Ok(Some(Rollback {
        pr,
        head_sha: pull.head.sha,
        issues,
        failed_checks: failed,
    }))
}

/// [`rollback_if_checks_failed`] for the open heal PR whose head is `branch`: what the monitor
/// calls when a run on an `autoheal/...` branch fails. `Ok(None)` for other branches.
pub async fn rollback_branch(gh: &GitHub, repo: &RepoName, branch: &str) -> Result<Option<Rollback>> {
    if !is_heal_branch(branch) {
        return Ok(None);
    }
    let pulls = gh.list_pulls_by_head(repo, branch).await?;
    let Some(open) = pulls.iter().find(|p| p.state == "open") else {
        return Ok(None);
    };
    rollback_if_checks_failed(gh, repo, open.number).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(name: &str, status: &str, conclusion: Option<&str>) -> CheckRun {
        CheckRun {
            name: name.into(),
            status: Some(status.into()),
            conclusion: conclusion.map(str::to_string),
            html_url: Some(format!("https://github.com/o/r/runs/{name}")),
            ..CheckRun::default()
        }
    }

    #[test]
    fn only_completed_failures_count() {
        let runs = [
            run("lint", "completed", Some("success")),
            run("test", "completed", Some("failure")),
            run("build", "completed", Some("timed_out")),
            run("deploy", "completed", Some("cancelled")),
            run("slow", "in_progress", None),
        ];
        let names: Vec<String> = failed_checks(&runs).into_iter().map(|c| c.name).collect();
        assert_eq!(names, ["build", "test"]);
    }

    #[test]
    fn comments_name_the_checks_and_the_label() {
        let failed = failed_checks(&[run("te`st <b>", "completed", Some("failure"))]);
        let text = pull_comment("0123456789abcdef0123", &failed, &[4]);
        assert!(text.starts_with(ROLLBACK_MARKER));
        assert!(text.contains("failed on 0123456789ab:"), "{text}");
        // The URL built from that name is not a plain URL, so the line has no link.
        assert!(text.contains("- `te'st ‹b›`: failure"), "{text}");
        let linked = failed_checks(&[run("test", "completed", Some("failure"))]);
        assert!(pull_comment("abc", &linked, &[]).contains("- [`test`](https://github.com/o/r/runs/test): failure"));
        assert!(text.contains("#4 now labelled `needs-manual-fix`"));
        assert!(issue_comment(9, &failed).contains("The fix in #9 failed its checks"));
        assert!(is_heal_branch("autoheal/12-timeout") && !is_heal_branch("main"));
    }
}
