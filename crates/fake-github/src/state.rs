//! In-memory state of the fake: repositories and what the tests seeded or the client wrote.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::git::GitStore;
use crate::http_util::Paging;

/// One issue or pull request (GitHub numbers both from one sequence).
#[derive(Debug, Clone, Default)]
pub struct IssueState {
    pub number: u64,
    pub title: String,
    pub body: String,
    pub labels: Vec<String>,
    pub state: String,
    pub created_at: String,
    pub updated_at: String,
    pub closed_at: Option<String>,
    pub user: String,
    pub assignees: Vec<String>,
    /// The `agent_assignment` object of the assignment that added Copilot, as sent.
    pub agent_assignment: Option<Value>,
    /// Set for pull requests.
    pub pull: Option<PullState>,
}

#[derive(Debug, Clone, Default)]
pub struct PullState {
    pub head: String,
    pub base: String,
    pub merged_at: Option<String>,
    /// Logins whose review is requested.
    pub requested_reviewers: Vec<String>,
    pub reviews: Vec<ReviewState>,
}

/// A submitted pull request review.
#[derive(Debug, Clone, Default)]
pub struct ReviewState {
    pub id: u64,
    pub user: String,
    /// `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED` or `DISMISSED`.
    pub state: String,
    pub body: String,
    pub submitted_at: String,
    /// The PR's head commit when the review was submitted.
    pub commit_id: String,
}

/// A Copilot cloud agent task started through `POST /agents/repos/{o}/{r}/tasks`.
#[derive(Debug, Clone, Default)]
pub struct AgentTask {
    pub prompt: String,
    pub base_ref: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct CommentState {
    pub id: u64,
    pub body: String,
    pub user: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Default)]
pub struct RepoState {
    pub full_name: String,
    /// Labels a new issue may not carry: creating one with any of them is refused with 422.
    pub refused_labels: std::collections::BTreeSet<String>,
    pub default_branch: String,
    pub git: GitStore,
    pub runs: BTreeMap<u64, Value>,
    /// run id -> jobs of the latest attempt
    pub jobs: BTreeMap<u64, Vec<Value>>,
    /// run id -> jobs of earlier attempts (returned only with `filter=all`)
    pub old_attempt_jobs: BTreeMap<u64, Vec<Value>>,
    pub run_logs_zip: BTreeMap<u64, Vec<u8>>,
    pub job_logs: BTreeMap<u64, Vec<u8>>,
    /// check run id -> annotations
    pub annotations: BTreeMap<u64, Vec<Value>>,
    /// commit sha or ref -> check runs
    pub check_runs: BTreeMap<String, Vec<Value>>,
    pub issues: BTreeMap<u64, IssueState>,
    pub comments: BTreeMap<u64, Vec<CommentState>>,
    /// login -> role (`read`, `triage`, `write`, `maintain`, `admin`); the owner is admin.
    pub collaborators: BTreeMap<String, String>,
    /// Members of the owning organization who are no collaborator: GitHub marks them
    /// `MEMBER` and, on a public repository, they read.
    pub members: BTreeSet<String>,
    /// login -> role of writers through a team whose organization membership is private
    /// (GitHub's default): the permission endpoint answers their role, but their comments
    /// and reviews carry `CONTRIBUTOR` to a token that cannot see the membership.
    pub private_members: BTreeMap<String, String>,
    /// Copilot (code review and the coding agent) is available to the repository.
    pub copilot: bool,
    /// Issues list their labels as plain strings, one of the two forms GitHub's issue
    /// schema allows (the other, the default, is objects with a `name`).
    pub labels_as_strings: bool,
    /// Files larger than this come from the contents API without their content
    /// (`encoding: "none"`), as GitHub does past 1 MB; `None` inlines every file.
    pub contents_inline_limit: Option<usize>,
    pub agent_tasks: Vec<AgentTask>,
}

/// What a recorded request was sent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    Api,
    BlobStorage,
}

/// A request the fake received, with secrets removed.
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    pub host: Host,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    /// Lower-case header names and values, without `authorization` and `cookie`.
    pub headers: Vec<(String, String)>,
    pub had_authorization: bool,
    pub body: Option<Value>,
}

impl RecordedRequest {
    pub fn is_write(&self) -> bool {
        !matches!(self.method.as_str(), "GET" | "HEAD" | "OPTIONS")
    }

    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query.as_deref()?.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key == name).then(|| crate::http_util::percent_decode(value))
        })
    }
}

/// A canned failure the next matching requests receive instead of the real answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaultKind {
    /// 429 with `Retry-After: secs`.
    TooManyRequests { retry_after_secs: u64 },
    /// 403 with `x-ratelimit-remaining: 0` and `x-ratelimit-reset: reset_at` (unix seconds).
    RateLimitExhausted { reset_at: i64 },
    /// A secondary limit as GitHub's docs allow it: 403, no `retry-after`, and an
    /// `x-ratelimit-remaining` above zero; only the message says it is a limit.
    SecondaryLimitForbidden,
    /// Any status with a GitHub-style `{"message": ...}` body (500, 502...).
    Status { status: u16, message: String },
    /// GitHub's refusal to touch `.github/workflows/` without the `workflows` permission.
    WorkflowsPermission { status: u16 },
    /// `200` with an empty list: a list read just before another client's write landed.
    EmptyList,
}

#[derive(Debug, Clone)]
pub struct Fault {
    pub method: Option<String>,
    pub path: String,
    pub remaining: usize,
    pub kind: FaultKind,
}

#[derive(Debug, Default)]
pub struct State {
    pub repos: BTreeMap<String, RepoState>,
    pub requests: Vec<RecordedRequest>,
    pub faults: Vec<Fault>,
    pub paging: Paging,
    pub next_issue_number: u64,
    pub next_comment_id: u64,
    /// Timestamps the fake stamps on what it creates (RFC 3339); `None` means the real clock.
    pub now: Option<String>,
    pub expected_token: Option<String>,
    /// Who the fake's writes are made by (the author of created issues and comments).
    pub login: String,
    /// What `GET /user` answers; `None` answers 403 like an installation token.
    pub token_login: Option<String>,
    /// Every search answers `incomplete_results: true` (GitHub's query timed out).
    pub search_incomplete: bool,
    /// GitHub's search rate limit, when a test plays it (`FakeGithub::limit_search`).
    pub search_limit: Option<SearchLimit>,
    /// Requests the fake answers late: `(method or any, path prefix, delay)`, the first match
    /// (`FakeGithub::delay_requests`).
    pub delays: Vec<(Option<String>, String, std::time::Duration)>,
}

impl State {
    /// How long the fake waits before it reads and answers a request to `path`.
    pub fn delay_of(&self, method: &str, path: &str) -> std::time::Duration {
        self.delays
            .iter()
            .find(|(m, prefix, _)| m.as_deref().is_none_or(|m| m == method) && path.starts_with(prefix.as_str()))
            .map_or(std::time::Duration::ZERO, |(_, _, delay)| *delay)
    }
}

/// GitHub's search rate limit as the fake plays it: `per_minute` searches in each minute of
/// `clock` (unix seconds the test moves on), counted from the first search of a window.
#[derive(Debug, Clone)]
pub struct SearchLimit {
    pub per_minute: u32,
    pub clock: std::sync::Arc<std::sync::atomic::AtomicI64>,
    pub window_start: Option<i64>,
    pub used: u32,
    /// Searches refused so far.
    pub refused: usize,
}

impl State {
    /// The key of the repository `name` names: the name it was created under, or the
    /// `full_name` it answers with after a rename (`FakeGithub::rename_repo`).
    pub fn repo_key(&self, name: &str) -> String {
        if self.repos.contains_key(name) {
            return name.to_string();
        }
        self.repos
            .iter()
            .find(|(_, repo)| repo.full_name.eq_ignore_ascii_case(name))
            .map_or_else(|| name.to_string(), |(key, _)| key.clone())
    }

    /// The repository `name` names (see [`State::repo_key`]).
    pub fn repo_named(&self, name: &str) -> Option<&RepoState> {
        self.repos.get(&self.repo_key(name))
    }

    pub fn now(&self) -> String {
        self.now
            .clone()
            .unwrap_or_else(|| chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string())
    }

    /// Takes the first fault that matches the request, counting it down.
    pub fn take_fault(&mut self, method: &str, path: &str) -> Option<FaultKind> {
        let index = self.faults.iter().position(|fault| {
            fault.remaining > 0 && fault.path == path && fault.method.as_deref().is_none_or(|m| m == method)
        })?;
        let fault = &mut self.faults[index];
        fault.remaining -= 1;
        let kind = fault.kind.clone();
        if fault.remaining == 0 {
            self.faults.remove(index);
        }
        Some(kind)
    }
}
