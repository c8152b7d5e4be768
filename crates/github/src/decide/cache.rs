//! When the hidden record of an issue may stand in for the run's logs.
//!
//! Logs expire (90 days by default) and can be deleted; the record keeps the diagnosed
//! failures so a later `heal --issue` can still fix what was found. But an issue body is
//! untrusted: anyone can open an issue that copies the format and names another package. So
//! the record is used only when autoheal opened the issue (`decide::trust::is_autoheal`, the
//! one rule of which identity is autoheal's) under a login of its own (not
//! `github-actions[bot]`, which every workflow of the repository writes as:
//! `decide::trust::is_shared_identity`), and the record
//! describes the very run it names (same run, attempt, commit and workflow), and only when
//! the logs can no longer be read. Otherwise the analysis is recomputed from the run.

use autoheal_fixes::FailureInput;

use crate::decide::trust::{is_autoheal, is_shared_identity};
use crate::models::{Issue, WorkflowRun};
use crate::record::{Record, decode};

/// The recorded failures, when the record may be used for `run`; why not otherwise.
pub fn cached_failures(issue: &Issue, bot_login: &str, run: &WorkflowRun) -> Result<Vec<FailureInput>, String> {
    let author = issue.author().unwrap_or_default();
    if !is_autoheal(author, bot_login) {
        return Err(format!(
            "issue #{} was opened by `{author}`, not by autoheal (`{bot_login}`), so its hidden record is not used",
            issue.number
        ));
    }
    if is_shared_identity(bot_login) {
        return Err(format!(
            "autoheal writes as `{bot_login}`, as every workflow of this repository does with its `GITHUB_TOKEN`, so the record of issue #{} may be another workflow's and is not used (a personal access token, or a GitHub App token with `AUTOHEAL_BOT_LOGIN`, gives autoheal a login of its own)",
            issue.number
        ));
    }
    let record: Record = issue
        .body
        .as_deref()
        .and_then(decode)
        .ok_or_else(|| format!("issue #{} has no readable record", issue.number))?;
    let matches = record.run_id == run.id
        && record.run_attempt == run.attempt()
        && record.head_sha == run.head_sha
        && record.workflow_path == run.path;
    if !matches {
        return Err(format!(
            "the record of issue #{} does not describe run {} (attempt, commit or workflow differ)",
            issue.number, run.id
        ));
    }
    // What a record claims about where its names came from (autoheal's tables, a runner
    // that called itself self-hosted) no grammar can check, and an issue body can be edited
    // by anyone who may write: the names stand (every generator checks them against its
    // grammar and what the repository already trusts), the claims do not.
    Ok(record
        .failures
        .into_iter()
        .map(FailureInput::without_provenance_claims)
        .collect())
}

#[cfg(test)]
mod tests {
    use autoheal_fixes::Category;

    use super::*;
    use crate::models::User;
    use crate::record::encode;

    fn run() -> WorkflowRun {
        WorkflowRun {
            id: 42,
            run_attempt: Some(1),
            head_sha: "abc".into(),
            path: ".github/workflows/ci.yml".into(),
            ..WorkflowRun::default()
        }
    }

    fn issue(author: &str, record: &Record) -> Issue {
        Issue {
            number: 3,
            body: Some(format!("x\n{}", encode(record))),
            user: Some(User { login: author.into() }),
            ..Issue::default()
        }
    }

    fn record() -> Record {
        Record {
            run_id: 42,
            run_attempt: 1,
            head_sha: "abc".into(),
            workflow_path: ".github/workflows/ci.yml".into(),
            failures: vec![FailureInput::new(Category::MissingDependency, Some("requests"))],
            ..Record::default()
        }
    }

    /// A record claims where its names came from (autoheal's tables, a runner that called
    /// itself self-hosted), which no grammar can check: those claims are dropped, so the
    /// names must pass what the repository already trusts, as any log's would.
    #[test]
    fn a_records_claims_of_provenance_are_not_taken() {
        let bot = "heal-app[bot]";
        let mut claims = record();
        claims.failures[0].known_distribution = true;
        claims.failures[0].confirmed_runner = Some("ubuntu-latest".into());
        let failures = cached_failures(&issue(bot, &claims), bot, &run()).unwrap_or_default();
        assert_eq!(failures.len(), 1);
        assert!(!failures[0].known_distribution);
        assert_eq!(failures[0].confirmed_runner, None);
        assert_eq!(failures[0].subject(), Some("requests"));
    }

    /// `github-actions[bot]` is every workflow's `GITHUB_TOKEN`: a workflow that copies an
    /// issue's text into an issue of its own writes a record under the very login autoheal
    /// assumes when it cannot learn its own, so that login's records never stand in for logs.
    #[test]
    fn a_record_under_the_login_every_workflow_shares_is_not_used() {
        let shared = "github-actions[bot]";
        let refused = cached_failures(&issue(shared, &record()), shared, &run());
        assert!(
            refused
                .as_ref()
                .is_err_and(|why| why.contains("may be another workflow's")),
            "{refused:?}"
        );
        // The same record under a login of autoheal's own (a user token's, a configured App's)
        // stands in.
        assert_eq!(
            cached_failures(&issue("heal-user", &record()), "heal-user", &run()).map(|f| f.len()),
            Ok(1)
        );
    }

    #[test]
    fn only_the_bots_own_record_of_the_same_run_is_used() {
        let bot = "heal-bot";
        assert_eq!(
            cached_failures(&issue(bot, &record()), bot, &run()).map(|f| f.len()),
            Ok(1)
        );
        let forged = cached_failures(&issue("mallory", &record()), bot, &run());
        assert!(forged.is_err_and(|why| why.contains("opened by `mallory`")));
        // Who counts as autoheal is the one rule of `decide::trust::is_autoheal`: exactly the
        // login the token acts as. An App installation token's record stands in when its login
        // is configured (`AUTOHEAL_BOT_LOGIN`); without it the token reads as
        // `github-actions[bot]`, and no other app's issue counts.
        assert_eq!(
            cached_failures(&issue("heal-app[bot]", &record()), "heal-app[bot]", &run()).map(|f| f.len()),
            Ok(1)
        );
        assert!(cached_failures(&issue("heal-app[bot]", &record()), "github-actions[bot]", &run()).is_err());
        assert!(cached_failures(&issue("heal-app[bot]", &record()), bot, &run()).is_err());
        assert!(cached_failures(&issue("renovate[bot]", &record()), "heal-bot", &run()).is_err());
        assert!(cached_failures(&issue("mallory", &record()), "heal-bot", &run()).is_err());
        let mut other_commit = record();
        other_commit.head_sha = "def".into();
        assert!(cached_failures(&issue(bot, &other_commit), bot, &run()).is_err());
    }
}
