//! A fake GitHub REST API on 127.0.0.1 for tests.
//!
//! [`FakeGithub::start`] binds two listeners on ephemeral ports: the API host and a
//! "blob storage" host that log downloads redirect to (it rejects any request that carries an
//! `Authorization` header, so a leaked token fails the test). The server runs on its own
//! thread and runtime, so it keeps serving while a test blocks on a child process, and it
//! shuts down when the value is dropped.
//!
//! Tests seed state through the methods here, point the client at [`FakeGithub::url`],
//! then assert on [`FakeGithub::requests`] and the resulting state.

mod git;
mod http_util;
mod render;
mod routes;
mod state;

use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State as AxumState;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::Response;
use serde_json::Value;

pub use http_util::PageLinks;
pub use state::{FaultKind, Host, RecordedRequest};

use crate::http_util::{Query, error};
use crate::state::{CommentState, Fault, IssueState, PullState, RepoState, ReviewState, State};

struct Shared {
    state: Mutex<State>,
    api_base: String,
    blob_base: String,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking test thread must not wedge the server for the others.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A running fake GitHub. Dropping it stops the server.
pub struct FakeGithub {
    shared: Arc<Shared>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

/// An issue as a test seeds it.
#[derive(Debug, Clone, Default)]
pub struct SeedIssue {
    pub title: String,
    pub body: String,
    pub labels: Vec<String>,
    /// "open" (default when empty) or "closed".
    pub state: String,
    /// RFC 3339; the fake's clock when empty.
    pub created_at: String,
    pub updated_at: String,
    pub closed_at: Option<String>,
    /// Who opened it; the fake's own login (the bot) when empty.
    pub user: String,
}

/// A pull request as a test seeds it.
#[derive(Debug, Clone, Default)]
pub struct SeedPull {
    pub title: String,
    pub body: String,
    pub head: String,
    pub base: String,
    pub labels: Vec<String>,
    pub state: String,
    pub created_at: String,
    pub closed_at: Option<String>,
    pub merged_at: Option<String>,
}

/// A comment as the fake holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: u64,
    pub body: String,
    pub user: String,
}

/// An issue or pull request as the fake holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub number: u64,
    pub title: String,
    pub body: String,
    pub labels: Vec<String>,
    pub state: String,
    /// Head branch for pull requests.
    pub head: Option<String>,
    pub base: Option<String>,
}

impl FakeGithub {
    /// Starts the fake on 127.0.0.1 with ephemeral ports.
    ///
    /// # Panics
    /// When the loopback listeners or the runtime cannot be created (a broken test host).
    pub fn start() -> FakeGithub {
        // Bind with std so this works both inside and outside a tokio runtime; the server
        // gets its own runtime on its own thread.
        let bind = || {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback listener");
            listener.set_nonblocking(true).expect("non-blocking listener");
            listener
        };
        let (api_listener, blob_listener) = (bind(), bind());
        let api_base = format!("http://{}", api_listener.local_addr().expect("api addr"));
        let blob_base = format!("http://{}", blob_listener.local_addr().expect("blob addr"));
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                login: "github-actions[bot]".into(),
                ..State::default()
            }),
            api_base,
            blob_base,
        });
        let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
        let api_app = Router::new().fallback(api_handler).with_state(shared.clone());
        let blob_app = Router::new().fallback(blob_handler).with_state(shared.clone());
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("fake-github runtime");
            runtime.block_on(async move {
                let api_listener = tokio::net::TcpListener::from_std(api_listener).expect("api listener");
                let blob_listener = tokio::net::TcpListener::from_std(blob_listener).expect("blob listener");
                let (api_stop, api_stopped) = tokio::sync::oneshot::channel::<()>();
                let (blob_stop, blob_stopped) = tokio::sync::oneshot::channel::<()>();
                let api = axum::serve(api_listener, api_app).with_graceful_shutdown(async {
                    let _ = api_stopped.await;
                });
                let blob = axum::serve(blob_listener, blob_app).with_graceful_shutdown(async {
                    let _ = blob_stopped.await;
                });
                let api = tokio::spawn(async move { api.await });
                let blob = tokio::spawn(async move { blob.await });
                let _ = stopped.await;
                let _ = api_stop.send(());
                let _ = blob_stop.send(());
                // Keep-alive connections would hold graceful shutdown open; stop hard after a moment.
                let _ = tokio::time::timeout(std::time::Duration::from_millis(200), async {
                    let _ = api.await;
                    let _ = blob.await;
                })
                .await;
            });
            runtime.shutdown_background();
        });
        FakeGithub {
            shared,
            shutdown: Some(shutdown),
            thread: Some(thread),
        }
    }

    /// Base URL of the API, e.g. `http://127.0.0.1:41234` (pass as `--api-url`).
    pub fn url(&self) -> String {
        self.shared.api_base.clone()
    }

    /// Base URL of the blob-storage host that log downloads redirect to.
    pub fn blob_url(&self) -> String {
        self.shared.blob_base.clone()
    }

    fn with_repo<T>(&self, repo: &str, f: impl FnOnce(&mut RepoState) -> T) -> T {
        let mut state = self.shared.lock();
        let entry = state.repos.entry(repo.to_string()).or_insert_with(|| RepoState {
            full_name: repo.to_string(),
            default_branch: "main".into(),
            copilot: true,
            ..RepoState::default()
        });
        f(entry)
    }

    /// Maximum page size the fake serves (0 = GitHub's `per_page`); small values force pagination.
    pub fn set_page_size(&self, size: usize) {
        self.shared.lock().paging.max_page_size = size;
    }

    /// How `Link` URLs name the next page: `page=N` (default) or an opaque `after=` cursor.
    pub fn set_page_links(&self, links: PageLinks) {
        self.shared.lock().paging.links = links;
    }

    /// Refuses to create an issue carrying `label`, or to add it to an issue or pull request:
    /// 422 "Validation Failed" with an `errors` entry naming it (`resource: Label`, `field: name`, `code: invalid`, `value`), the
    /// shape GitHub's REST documentation gives validation errors.
    pub fn refuse_label(&self, repo: &str, label: &str) {
        self.with_repo(repo, |r| {
            r.refused_labels.insert(label.to_string());
        });
    }

    /// Renames (or transfers) the repository: it is served under `repo` and under
    /// `new_full_name`, as GitHub serves a renamed repository's API under its old name too,
    /// but everything it answers names it `new_full_name` (`full_name`, every `url`,
    /// `issue_url` and `html_url`), and search finds it by the new name.
    pub fn rename_repo(&self, repo: &str, new_full_name: &str) {
        self.with_repo(repo, |r| r.full_name = new_full_name.to_string());
    }

    /// Makes every search answer `incomplete_results: true`, as GitHub does when the query
    /// timed out before every match was found.
    pub fn set_search_incomplete(&self, incomplete: bool) {
        self.shared.lock().search_incomplete = incomplete;
    }

    /// Plays GitHub's search rate limit: `per_minute` searches in each minute of `clock` (unix
    /// seconds; the test's client reads it and its sleeps move it on). Every search answer
    /// carries `x-ratelimit-limit`, `-remaining`, `-used`, `-reset` and `-resource: search`, as
    /// GitHub's do; a search past the minute's budget is refused with 403 "API rate limit
    /// exceeded" and `x-ratelimit-remaining: 0`.
    pub fn limit_search(&self, per_minute: u32, clock: Arc<std::sync::atomic::AtomicI64>) {
        self.shared.lock().search_limit = Some(state::SearchLimit {
            per_minute,
            clock,
            window_start: None,
            used: 0,
            refused: 0,
        });
    }

    /// How many searches the limit of [`FakeGithub::limit_search`] refused.
    pub fn searches_refused(&self) -> usize {
        self.shared
            .lock()
            .search_limit
            .as_ref()
            .map_or(0, |limit| limit.refused)
    }

    /// Timestamp (RFC 3339) the fake stamps on what it creates; `None` for the real clock.
    pub fn set_now(&self, now: Option<&str>) {
        self.shared.lock().now = now.map(str::to_string);
    }

    /// Gives `login` a role in the repository: `read`, `triage`, `write`, `maintain` or
    /// `admin` (the owner is always admin; anyone else reads).
    pub fn add_collaborator(&self, repo: &str, login: &str, role: &str) {
        self.with_repo(repo, |r| {
            r.collaborators.insert(login.to_string(), role.to_string());
        });
    }

    /// Makes `login` a member of the organization owning the repository, with no role in it:
    /// GitHub marks their comments and reviews `MEMBER` and answers `read` for them.
    pub fn add_member(&self, repo: &str, login: &str) {
        self.with_repo(repo, |r| {
            r.members.insert(login.to_string());
        });
    }

    /// Gives `login` a role in the repository through a team of the owning organization
    /// while keeping their membership private: GitHub answers the role when asked, but marks
    /// their comments and reviews `CONTRIBUTOR`.
    pub fn add_private_member(&self, repo: &str, login: &str, role: &str) {
        self.with_repo(repo, |r| {
            r.private_members.insert(login.to_string(), role.to_string());
        });
    }

    /// Whether Copilot (code review, the coding agent, agent tasks) is available to the
    /// repository (default: yes). Without it, asking for a review or an assignment gets 422
    /// and starting a task 403, as GitHub answers.
    pub fn set_copilot(&self, repo: &str, enabled: bool) {
        self.with_repo(repo, |r| r.copilot = enabled);
    }

    /// Lists issues' labels as plain strings instead of objects (GitHub's schema allows both).
    pub fn set_labels_as_strings(&self, repo: &str, enabled: bool) {
        self.with_repo(repo, |r| r.labels_as_strings = enabled);
    }

    /// Files above `limit` bytes come from the contents API as `encoding: "none"` with empty
    /// `content`, as GitHub answers for files over 1 MB.
    pub fn set_contents_inline_limit(&self, repo: &str, limit: Option<usize>) {
        self.with_repo(repo, |r| r.contents_inline_limit = limit);
    }

    /// Adds a review to a pull request, made on the PR's current head commit.
    pub fn add_review(&self, repo: &str, pull: u64, user: &str, state: &str, body: &str) {
        let now = self.shared.lock().now();
        self.with_repo(repo, |r| {
            let id = r
                .issues
                .values()
                .filter_map(|i| i.pull.as_ref())
                .map(|p| p.reviews.len() as u64)
                .sum::<u64>()
                + 1;
            let head = r
                .issues
                .get(&pull)
                .and_then(|i| i.pull.as_ref())
                .and_then(|p| r.git.resolve(&p.head))
                .unwrap_or_default();
            if let Some(p) = r.issues.get_mut(&pull).and_then(|i| i.pull.as_mut()) {
                p.reviews.push(ReviewState {
                    id,
                    user: user.to_string(),
                    state: state.to_string(),
                    body: body.to_string(),
                    submitted_at: now,
                    commit_id: head,
                });
            }
        });
    }

    /// Reviewers requested on a pull request.
    pub fn requested_reviewers(&self, repo: &str, pull: u64) -> Vec<String> {
        self.with_repo(repo, |r| {
            r.issues
                .get(&pull)
                .and_then(|i| i.pull.as_ref())
                .map(|p| p.requested_reviewers.clone())
                .unwrap_or_default()
        })
    }

    /// Assignees of an issue and the `agent_assignment` sent with Copilot's assignment.
    pub fn assignment(&self, repo: &str, issue: u64) -> (Vec<String>, Option<Value>) {
        self.with_repo(repo, |r| {
            r.issues
                .get(&issue)
                .map(|i| (i.assignees.clone(), i.agent_assignment.clone()))
                .unwrap_or_default()
        })
    }

    /// The agent tasks started in the repository: (prompt, base_ref).
    pub fn agent_tasks(&self, repo: &str) -> Vec<(String, Option<String>)> {
        self.with_repo(repo, |r| {
            r.agent_tasks
                .iter()
                .map(|t| (t.prompt.clone(), t.base_ref.clone()))
                .collect()
        })
    }

    /// What `GET /user` answers: `Some(login)` for a user token, `None` (the default) for a
    /// 403 as installation tokens such as `GITHUB_TOKEN` get. A user token's issues, comments
    /// and pull requests are that user's; otherwise `github-actions[bot]`'s.
    pub fn set_token_login(&self, login: Option<&str>) {
        let mut state = self.shared.lock();
        state.token_login = login.map(str::to_string);
        state.login = login.unwrap_or("github-actions[bot]").to_string();
    }

    /// An App installation token acting as `login` (`name[bot]`): `GET /user` answers 403,
    /// and the token's issues, comments and pull requests are `login`'s.
    pub fn set_installation_login(&self, login: &str) {
        let mut state = self.shared.lock();
        state.token_login = None;
        state.login = login.to_string();
    }

    /// Requires `Authorization: Bearer <token>` on every API request (401 otherwise).
    pub fn require_token(&self, token: &str) {
        self.shared.lock().expected_token = Some(token.to_string());
    }

    /// Creates the repository (if needed) with the given default branch.
    pub fn add_repo(&self, repo: &str, default_branch: &str) {
        self.with_repo(repo, |r| r.default_branch = default_branch.to_string());
    }

    /// Commits `files` on `branch` (creating it) and returns the commit sha.
    pub fn commit_files(&self, repo: &str, branch: &str, files: &[(&str, &str)], message: &str) -> String {
        let files: Vec<(&str, &[u8])> = files.iter().map(|(path, text)| (*path, text.as_bytes())).collect();
        self.with_repo(repo, |r| r.git.commit_files(branch, &files, message))
    }

    /// File content at a branch, ref or commit sha.
    pub fn file_at(&self, repo: &str, reference: &str, path: &str) -> Option<String> {
        self.with_repo(repo, |r| {
            r.git
                .file_at(reference, path)
                .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
        })
    }

    /// Commit sha a branch points at.
    pub fn branch_sha(&self, repo: &str, branch: &str) -> Option<String> {
        self.with_repo(repo, |r| r.git.refs.get(&format!("heads/{branch}")).cloned())
    }

    /// Branch names in the repository.
    pub fn branches(&self, repo: &str) -> Vec<String> {
        self.with_repo(repo, |r| {
            r.git
                .refs
                .keys()
                .filter_map(|k| k.strip_prefix("heads/"))
                .map(str::to_string)
                .collect()
        })
    }

    /// Adds a workflow run (`run["id"]` must be a number). Fields GitHub always sends that the
    /// seed leaves out are filled in when the run is served: by default it ran on the default
    /// branch's head, in the repository itself (no fork), triggered by the owner.
    pub fn add_run(&self, repo: &str, run: Value) {
        let id = run["id"].as_u64().unwrap_or_default();
        self.with_repo(repo, |r| {
            r.runs.insert(id, run);
        });
    }

    /// Sets the jobs of the latest attempt of a run.
    pub fn set_jobs(&self, repo: &str, run_id: u64, jobs: Vec<Value>) {
        self.with_repo(repo, |r| {
            r.jobs.insert(run_id, jobs);
        });
    }

    /// Sets jobs of earlier attempts, returned only with `filter=all`.
    pub fn set_old_attempt_jobs(&self, repo: &str, run_id: u64, jobs: Vec<Value>) {
        self.with_repo(repo, |r| {
            r.old_attempt_jobs.insert(run_id, jobs);
        });
    }

    pub fn set_run_logs_zip(&self, repo: &str, run_id: u64, zip: Vec<u8>) {
        self.with_repo(repo, |r| {
            r.run_logs_zip.insert(run_id, zip);
        });
    }

    pub fn set_job_log(&self, repo: &str, job_id: u64, log: &str) {
        self.with_repo(repo, |r| {
            r.job_logs.insert(job_id, log.as_bytes().to_vec());
        });
    }

    pub fn set_annotations(&self, repo: &str, check_run_id: u64, annotations: Vec<Value>) {
        self.with_repo(repo, |r| {
            r.annotations.insert(check_run_id, annotations);
        });
    }

    /// Check runs for a commit sha (or ref name). A run may name its suite, `"check_suite":
    /// {"id": n, "head_branch": "b"}` (`null` for a fork's push, as GitHub gives it); by default
    /// it is in suite 1 of the branch whose head the commit is.
    pub fn set_check_runs(&self, repo: &str, reference: &str, runs: Vec<Value>) {
        self.with_repo(repo, |r| {
            r.check_runs.insert(reference.to_string(), runs);
        });
    }

    fn next_number(&self) -> u64 {
        let mut state = self.shared.lock();
        state.next_issue_number += 1;
        state.next_issue_number
    }

    /// Adds an issue and returns its number.
    pub fn add_issue(&self, repo: &str, seed: SeedIssue) -> u64 {
        let number = self.next_number();
        let now = self.shared.lock().now();
        let login = if seed.user.is_empty() {
            self.shared.lock().login.clone()
        } else {
            seed.user.clone()
        };
        let created = if seed.created_at.is_empty() {
            now
        } else {
            seed.created_at
        };
        let updated = if seed.updated_at.is_empty() {
            created.clone()
        } else {
            seed.updated_at
        };
        self.with_repo(repo, |r| {
            r.issues.insert(
                number,
                IssueState {
                    number,
                    title: seed.title,
                    body: seed.body,
                    labels: seed.labels,
                    state: if seed.state.is_empty() {
                        "open".into()
                    } else {
                        seed.state
                    },
                    created_at: created,
                    updated_at: updated,
                    closed_at: seed.closed_at,
                    user: login,
                    pull: None,
                    ..IssueState::default()
                },
            );
        });
        number
    }

    /// Adds a pull request and returns its number. The head branch is not required to exist.
    pub fn add_pull(&self, repo: &str, seed: SeedPull) -> u64 {
        let number = self.next_number();
        let now = self.shared.lock().now();
        let login = self.shared.lock().login.clone();
        let created = if seed.created_at.is_empty() {
            now
        } else {
            seed.created_at
        };
        self.with_repo(repo, |r| {
            r.issues.insert(
                number,
                IssueState {
                    number,
                    title: seed.title,
                    body: seed.body,
                    labels: seed.labels,
                    state: if seed.state.is_empty() {
                        "open".into()
                    } else {
                        seed.state
                    },
                    created_at: created.clone(),
                    updated_at: created,
                    closed_at: seed.closed_at,
                    user: login,
                    pull: Some(PullState {
                        head: seed.head,
                        base: seed.base,
                        merged_at: seed.merged_at,
                        ..PullState::default()
                    }),
                    ..IssueState::default()
                },
            );
        });
        number
    }

    /// Adds a comment to an issue or pull request and returns its id.
    pub fn add_comment(&self, repo: &str, number: u64, user: &str, body: &str) -> u64 {
        let id = {
            let mut state = self.shared.lock();
            state.next_comment_id += 1;
            state.next_comment_id
        };
        let now = self.shared.lock().now();
        self.with_repo(repo, |r| {
            r.comments.entry(number).or_default().push(CommentState {
                id,
                body: body.to_string(),
                user: user.to_string(),
                created_at: now,
            })
        });
        id
    }

    /// Every issue and pull request, by number.
    pub fn issues(&self, repo: &str) -> Vec<Issue> {
        self.with_repo(repo, |r| {
            r.issues
                .values()
                .map(|i| Issue {
                    number: i.number,
                    title: i.title.clone(),
                    body: i.body.clone(),
                    labels: i.labels.clone(),
                    state: i.state.clone(),
                    head: i.pull.as_ref().map(|p| p.head.clone()),
                    base: i.pull.as_ref().map(|p| p.base.clone()),
                })
                .collect()
        })
    }

    pub fn comments(&self, repo: &str, number: u64) -> Vec<Comment> {
        self.with_repo(repo, |r| {
            r.comments
                .get(&number)
                .map(|list| {
                    list.iter()
                        .map(|c| Comment {
                            id: c.id,
                            body: c.body.clone(),
                            user: c.user.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    }

    /// Marks a pull request merged (and closed) at `merged_at`.
    pub fn merge_pull(&self, repo: &str, number: u64, merged_at: &str) {
        self.with_repo(repo, |r| {
            if let Some(issue) = r.issues.get_mut(&number) {
                issue.state = "closed".into();
                issue.closed_at = Some(merged_at.to_string());
                if let Some(pull) = issue.pull.as_mut() {
                    pull.merged_at = Some(merged_at.to_string());
                }
            }
        });
    }

    /// The next `times` requests to `path` (exact path, any query; `method` None = any) get `kind`.
    pub fn inject_fault(&self, method: Option<&str>, path: &str, times: usize, kind: FaultKind) {
        self.shared.lock().faults.push(Fault {
            method: method.map(str::to_string),
            path: path.to_string(),
            remaining: times,
            kind,
        });
    }

    /// Requests to paths starting with `path_prefix` (`method` None = any) are answered
    /// `delay` late: the fake waits before it records, reads or changes anything, so a
    /// request the client gives up on during the wait leaves no trace (a slow or hostile
    /// server for the pass's time budget). Later calls add rules; the first match wins.
    pub fn delay_requests(&self, method: Option<&str>, path_prefix: &str, delay: std::time::Duration) {
        self.shared
            .lock()
            .delays
            .push((method.map(str::to_string), path_prefix.to_string(), delay));
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    /// Requests that were not GET/HEAD/OPTIONS.
    pub fn writes(&self) -> Vec<RecordedRequest> {
        self.requests().into_iter().filter(RecordedRequest::is_write).collect()
    }

    pub fn clear_requests(&self) {
        self.shared.lock().requests.clear();
    }
}

impl Drop for FakeGithub {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl std::fmt::Debug for FakeGithub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeGithub")
            .field("url", &self.shared.api_base)
            .finish_non_exhaustive()
    }
}

fn segments(path: &str) -> Vec<String> {
    path.split('/').filter(|s| !s.is_empty()).map(str::to_string).collect()
}

async fn api_handler(
    AxumState(shared): AxumState<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let delay = shared.lock().delay_of(method.as_str(), uri.path());
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let mut state = shared.lock();
    routes::record(&mut state, Host::Api, &method, &uri, &headers, &body);
    if let Some(kind) = state.take_fault(method.as_str(), uri.path()) {
        return routes::fault_response(kind);
    }
    if !routes::authorized(&state, &headers) {
        return error(StatusCode::UNAUTHORIZED, "Bad credentials");
    }
    let body_json = if body.is_empty() {
        None
    } else {
        match serde_json::from_slice::<Value>(&body) {
            Ok(value) => Some(value),
            Err(_) => return error(StatusCode::BAD_REQUEST, "Problems parsing JSON"),
        }
    };
    let limit_headers = if uri.path().starts_with("/search/") {
        match routes::count_search(&mut state) {
            Ok(headers) => headers,
            Err(refused) => return refused,
        }
    } else {
        Vec::new()
    };
    let request = routes::Request {
        method: &method,
        segments: segments(uri.path()),
        path: uri.path(),
        query: Query::parse(uri.query()),
        body: body_json,
    };
    let mut response = routes::api(&mut state, &shared.api_base, &shared.blob_base, request);
    for (name, value) in limit_headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

async fn blob_handler(
    AxumState(shared): AxumState<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut state = shared.lock();
    routes::record(&mut state, Host::BlobStorage, &method, &uri, &headers, &body);
    routes::blob(&state, &headers, &segments(uri.path()))
}

/// Labels of a seeded issue, for convenience in assertions.
pub fn label_names(labels: &[&str]) -> Vec<String> {
    labels.iter().map(|l| l.to_string()).collect()
}

#[cfg(test)]
mod tests;
