//! When a heal PR's checks failed, the fix did not work: which checks count as failed, and
//! which branches and PRs are heal's own.

use crate::models::{CheckRun, CheckSuite, PullRequest, WorkflowRun};
use crate::text::{FailedCheck, HEAL_BRANCH_PREFIX, LABEL_AUTO_HEAL, is_plain_url, neutralize_line};

/// Check conclusions that mean the fix broke something. `cancelled` is left out: a newer push
/// or a concurrency group cancels checks without anything being wrong.
const FAILED_CONCLUSIONS: [&str; 3] = ["failure", "timed_out", "startup_failure"];

/// Whether a branch is one `heal` pushes fixes to.
pub fn is_heal_branch(branch: &str) -> bool {
    branch.starts_with(HEAL_BRANCH_PREFIX)
}

/// The heal branch a run is on, when it is this repository's own branch: a fork may name
/// its pull request's branch `autoheal/…` (and push autoheal's fix commit unchanged), and
/// its run's failure must not roll the heal PR of that name back, nor skip the report of the
/// fork's own failure. `None` for any other run (a fork's, or one GitHub names no head
/// repository for).
pub fn own_heal_branch(run: &WorkflowRun) -> Option<&str> {
    let branch = run.head_branch.as_deref().filter(|b| is_heal_branch(b))?;
    let head = run.head_repository.as_ref()?;
    head.full_name
        .eq_ignore_ascii_case(&run.repository.full_name)
        .then_some(branch)
}

/// Whether a PR is one `heal` opened (its label or its branch).
pub fn is_heal_pull(pull: &PullRequest) -> bool {
    pull.labels.iter().any(|l| l.name.eq_ignore_ascii_case(LABEL_AUTO_HEAL)) || is_heal_branch(&pull.head.name)
}

/// Whether the PR may be rolled back at all: open, not merged, heal's own.
pub fn is_open_heal_pull(pull: &PullRequest) -> bool {
    pull.state == "open" && pull.merged_at.is_none() && is_heal_pull(pull)
}

/// The check runs of `runs` that belong to a suite of this repository's own `branch`: a commit
/// is public and content-addressed, so a fork can push a heal PR's commit unchanged to a
/// branch of its own and open a pull request, whose run (without the repository's secrets)
/// adds failed check runs to that very commit. GitHub's Checks API gives a suite of a push to a
/// fork's branch no `head_branch` (it sees pushes only in the repository the suite was created
/// in), so a fork's suite never names the heal branch, whatever the fork called its own. A run
/// whose suite is unknown does not count either: leaving a heal PR open with a failed check
/// (reviewers see it) is the safe direction; closing it on a fork's run is a denial of the fix.
pub fn own_branch_checks(runs: &[CheckRun], suites: &[CheckSuite], branch: &str) -> Vec<CheckRun> {
    let own: Vec<u64> = suites
        .iter()
        .filter(|suite| suite.head_branch.as_deref() == Some(branch))
        .map(|suite| suite.id)
        .collect();
    runs.iter()
        .filter(|run| run.check_suite.as_ref().is_some_and(|suite| own.contains(&suite.id)))
        .cloned()
        .collect()
}

/// The completed checks that failed, in name order.
pub fn failed_checks(runs: &[CheckRun]) -> Vec<FailedCheck> {
    let mut failed: Vec<FailedCheck> = runs
        .iter()
        .filter(|run| run.status == "completed")
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

#[cfg(test)]
mod tests {
    use super::*;

    fn run(name: &str, status: &str, conclusion: Option<&str>) -> CheckRun {
        CheckRun {
            name: name.into(),
            status: status.into(),
            conclusion: conclusion.map(str::to_string),
            html_url: Some(format!("https://github.com/o/r/runs/{name}")),
            ..CheckRun::default()
        }
    }

    #[test]
    fn only_the_checks_of_suites_on_the_repositorys_own_branch_count() {
        let on = |name: &str, suite: Option<u64>| CheckRun {
            check_suite: suite.map(|id| crate::models::CheckSuiteId { id }),
            ..run(name, "completed", Some("failure"))
        };
        let suite = |id: u64, branch: Option<&str>| CheckSuite {
            id,
            head_branch: branch.map(str::to_string),
        };
        let runs = [
            on("own", Some(1)),
            on("fork", Some(2)),
            on("other-branch", Some(3)),
            on("unknown-suite", Some(4)),
            on("no-suite", None),
        ];
        let suites = [
            suite(1, Some("autoheal/42-timeout")),
            suite(2, None),
            suite(3, Some("feature")),
        ];
        let kept: Vec<String> = own_branch_checks(&runs, &suites, "autoheal/42-timeout")
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(kept, ["own"]);
    }

    #[test]
    fn only_completed_failures_count() {
        let runs = [
            run("lint", "completed", Some("success")),
            run("test", "completed", Some("failure")),
            run("build", "completed", Some("timed_out")),
            run("deploy", "completed", Some("cancelled")),
            run("slow", "in_progress", None),
            run("te`st <b>", "completed", Some("failure")),
        ];
        let failed = failed_checks(&runs);
        let names: Vec<&str> = failed.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["build", "te`st ‹b›", "test"]);
        // The URL built from that name is not a plain URL, so it has no link.
        assert_eq!(failed[1].url, None);
        assert!(is_heal_branch("autoheal/12-timeout") && !is_heal_branch("main"));
    }

    #[test]
    fn only_this_repositorys_own_heal_branch_is_rolled_back() {
        use crate::models::RepoRef;
        let on = |head: Option<&str>, branch: &str| WorkflowRun {
            head_branch: Some(branch.into()),
            repository: RepoRef {
                full_name: "octo/app".into(),
            },
            head_repository: head.map(|h| RepoRef { full_name: h.into() }),
            ..WorkflowRun::default()
        };
        assert_eq!(
            own_heal_branch(&on(Some("Octo/App"), "autoheal/1-x")),
            Some("autoheal/1-x")
        );
        assert_eq!(own_heal_branch(&on(Some("mallory/app"), "autoheal/1-x")), None);
        assert_eq!(own_heal_branch(&on(None, "autoheal/1-x")), None);
        assert_eq!(own_heal_branch(&on(Some("octo/app"), "main")), None);
    }
}
