//! The Copilot stage: ask for a review of a heal PR, hand an unfixable failure to the coding
//! agent. Copilot is optional, so nothing here fails a run: when GitHub refuses (Copilot not
//! enabled, a token that may not ask: 403, 404, 422) or does not take the request, the issue
//! gets one note saying so and the run goes on.
//!
//! API shapes (see docs/ci-setup.md#copilot for sources): a review is requested by adding
//! `copilot-pull-request-reviewer[bot]` through `POST /repos/{o}/{r}/pulls/{n}/requested_reviewers`;
//! an issue goes to the coding agent through `POST /repos/{o}/{r}/issues/{n}/assignees` with
//! `copilot-swe-agent[bot]` and an `agent_assignment` (target repository, base branch, custom
//! instructions); when that is refused, `POST /agents/repos/{o}/{r}/tasks` starts an agent task.

use serde::Serialize;
use serde_json::json;

use super::issue::comment_once;
use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::decide::copilot::{COPILOT_AGENT, COPILOT_REVIEWER, is_copilot_agent, is_copilot_reviewer};
use crate::text::{copilot_note_marker, copilot_unavailable_note};

/// What a Copilot step did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CopilotStep {
    ReviewRequested,
    /// The issue is assigned to the coding agent.
    Assigned,
    /// The assignment was refused, and an agent task was started instead.
    TaskStarted,
    /// GitHub did not take it; the issue says so (once).
    Unavailable {
        reason: String,
    },
}

/// Requests a Copilot review on `pull`; notes on `issue` when that is not possible.
pub async fn request_review(gh: &GitHub, repo: &RepoName, pull: u64, issue: u64) -> CopilotStep {
    let reason = match gh.request_reviewers(repo, pull, &[COPILOT_REVIEWER]).await {
        Ok(requested) if gh.is_dry_run() || requested.iter().any(|l| is_copilot_reviewer(l)) => {
            return CopilotStep::ReviewRequested;
        }
        Ok(_) => "GitHub answered without adding Copilot as a reviewer".to_string(),
        Err(error) => error.to_string(),
    };
    unavailable(gh, repo, issue, "review", "request a Copilot review of the fix", reason).await
}

/// Hands `issue` to the coding agent with `task` as its instructions, on `base_branch`.
pub async fn hand_off(gh: &GitHub, repo: &RepoName, issue: u64, task: &str, base_branch: &str) -> CopilotStep {
    let agent = json!({
        "target_repo": repo.to_string(),
        "base_branch": base_branch,
        "custom_instructions": task,
    });
    let refused = match gh.add_assignees(repo, issue, &[COPILOT_AGENT], Some(&agent)).await {
        Ok(assignees) if gh.is_dry_run() || assignees.iter().any(|l| is_copilot_agent(l)) => {
            return CopilotStep::Assigned;
        }
        Ok(_) => "GitHub answered without assigning Copilot".to_string(),
        Err(error) => error.to_string(),
    };
    let prompt = format!("{task}\nThe issue with the full report is #{issue}.\n");
    match gh.start_agent_task(repo, &prompt, base_branch).await {
        Ok(()) => CopilotStep::TaskStarted,
        Err(error) => {
            let reason = format!("assigning the issue: {refused}; starting an agent task: {error}");
            unavailable(
                gh,
                repo,
                issue,
                "agent",
                "hand this failure to the Copilot coding agent",
                reason,
            )
            .await
        }
    }
}

/// Notes once on the issue that a step was not possible. A failure to post the note is
/// folded into the reason rather than failing the run.
async fn unavailable(gh: &GitHub, repo: &RepoName, issue: u64, step: &str, what: &str, reason: String) -> CopilotStep {
    let note = copilot_unavailable_note(step, what, &reason);
    let reason = match comment_once(gh, repo, issue, &copilot_note_marker(step), &note).await {
        Ok(_) => reason,
        Err(error) => format!("{reason} (the note on issue #{issue} failed too: {error})"),
    };
    CopilotStep::Unavailable { reason }
}
