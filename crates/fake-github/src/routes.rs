//! Request dispatch for the API host and the blob-storage host.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Value, json};

use crate::git::Commit;
use crate::http_util::{Paging, Query, error, json_response, not_found, page_response, paginate, percent_decode};
use crate::render;
use crate::state::{CommentState, FaultKind, Host, IssueState, PullState, RecordedRequest, RepoState, State};

const WORKFLOWS_REFUSAL: &str = "refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission";

pub struct Request<'a> {
    pub method: &'a Method,
    pub segments: Vec<String>,
    pub path: &'a str,
    pub query: Query,
    pub body: Option<Value>,
}

pub fn record(state: &mut State, host: Host, method: &Method, uri: &Uri, headers: &HeaderMap, body: &Bytes) {
    let kept = headers
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "authorization" | "cookie" | "proxy-authorization"))
        .map(|(name, value)| {
            (
                name.as_str().to_string(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    state.requests.push(RecordedRequest {
        host,
        method: method.as_str().to_string(),
        path: uri.path().to_string(),
        query: uri.query().map(str::to_string),
        headers: kept,
        had_authorization: headers.contains_key(header::AUTHORIZATION),
        body: serde_json::from_slice(body).ok(),
    });
}

/// Counts a search against [`State::search_limit`]: the rate-limit headers its answer
/// carries (none when no limit is played), or GitHub's refusal once the window's searches
/// are spent.
pub fn count_search(state: &mut State) -> Result<Vec<(&'static str, String)>, Response> {
    let Some(limit) = state.search_limit.as_mut() else {
        return Ok(Vec::new());
    };
    let now = limit.clock.load(std::sync::atomic::Ordering::SeqCst);
    let start = match limit.window_start {
        Some(start) if now < start + 60 => start,
        _ => {
            limit.window_start = Some(now);
            limit.used = 0;
            now
        }
    };
    let refused = limit.used >= limit.per_minute;
    if refused {
        limit.refused += 1;
    } else {
        limit.used += 1;
    }
    let headers = vec![
        ("x-ratelimit-limit", limit.per_minute.to_string()),
        ("x-ratelimit-remaining", (limit.per_minute - limit.used).to_string()),
        ("x-ratelimit-used", limit.used.to_string()),
        ("x-ratelimit-reset", (start + 60).to_string()),
        ("x-ratelimit-resource", "search".to_string()),
    ];
    if !refused {
        return Ok(headers);
    }
    let mut response = error(StatusCode::FORBIDDEN, "API rate limit exceeded for user ID 1.");
    for (name, value) in headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(name, value);
        }
    }
    Err(response)
}

pub fn fault_response(kind: FaultKind) -> Response {
    match kind {
        FaultKind::TooManyRequests { retry_after_secs } => {
            let mut response = error(
                StatusCode::TOO_MANY_REQUESTS,
                "You have exceeded a secondary rate limit.",
            );
            response
                .headers_mut()
                .insert("retry-after", HeaderValue::from(retry_after_secs));
            response
        }
        FaultKind::RateLimitExhausted { reset_at } => {
            let reset = reset_at;
            let mut response = error(StatusCode::FORBIDDEN, "API rate limit exceeded for installation.");
            let headers = response.headers_mut();
            headers.insert("x-ratelimit-remaining", HeaderValue::from(0));
            headers.insert("x-ratelimit-limit", HeaderValue::from(5000));
            headers.insert("x-ratelimit-reset", HeaderValue::from(reset));
            response
        }
        FaultKind::SecondaryLimitForbidden => {
            let mut response = error(
                StatusCode::FORBIDDEN,
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            );
            let headers = response.headers_mut();
            headers.insert("x-ratelimit-remaining", HeaderValue::from(4000));
            headers.insert("x-ratelimit-limit", HeaderValue::from(5000));
            response
        }
        FaultKind::Status { status, message } => error(
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            &message,
        ),
        FaultKind::WorkflowsPermission { status } => error(
            StatusCode::from_u16(status).unwrap_or(StatusCode::FORBIDDEN),
            WORKFLOWS_REFUSAL,
        ),
        FaultKind::EmptyList => json_response(StatusCode::OK, json!([])),
    }
}

pub fn authorized(state: &State, headers: &HeaderMap) -> bool {
    let Some(expected) = &state.expected_token else {
        return true;
    };
    let Some(got) = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    got == format!("Bearer {expected}") || got == format!("token {expected}")
}

pub fn blob(state: &State, headers: &HeaderMap, segments: &[String]) -> Response {
    if headers.contains_key(header::AUTHORIZATION) {
        return error(
            StatusCode::FORBIDDEN,
            "blob storage received an Authorization header: token leaked",
        );
    }
    let [_, kind, owner, name, id] = segments else {
        return not_found();
    };
    let Some(repo) = state.repo_named(&format!("{owner}/{name}")) else {
        return not_found();
    };
    let Ok(id) = id.parse::<u64>() else { return not_found() };
    let (bytes, content_type) = match kind.as_str() {
        "runs" => (repo.run_logs_zip.get(&id), "application/zip"),
        "jobs" => (repo.job_logs.get(&id), "text/plain"),
        _ => (None, ""),
    };
    match bytes {
        Some(bytes) => ([(header::CONTENT_TYPE, content_type)], bytes.clone()).into_response(),
        None => not_found(),
    }
}

pub fn api(state: &mut State, api_base: &str, blob_base: &str, req: Request<'_>) -> Response {
    let segs: Vec<&str> = req.segments.iter().map(String::as_str).collect();
    if let ["search", "issues"] = segs.as_slice() {
        return search_issues(state, api_base, &req);
    }
    if let ["orgs", org, "repos"] = segs.as_slice() {
        return org_repos(state, api_base, &req, org);
    }
    if let ["agents", "repos", owner, name, "tasks"] = segs.as_slice()
        && req.method == Method::POST
    {
        return agent_task(state, &format!("{owner}/{name}"), &req);
    }
    if let ["user"] = segs.as_slice() {
        return match &state.token_login {
            Some(login) => json_response(StatusCode::OK, json!({ "login": login })),
            None => error(StatusCode::FORBIDDEN, "Resource not accessible by integration"),
        };
    }
    let ["repos", owner, name, rest @ ..] = segs.as_slice() else {
        return not_found();
    };
    // A renamed repository is served under its old name and its new one, as GitHub does.
    let full_name = state.repo_key(&format!("{owner}/{name}"));
    let paging = state.paging;
    let login = state.login.clone();
    let now = state.now();
    let next_issue = state.next_issue_number + 1;
    let next_comment = state.next_comment_id + 1;
    let Some(repo) = state.repos.get_mut(&full_name) else {
        return not_found();
    };
    let ctx = Ctx {
        api_base,
        blob_base,
        paging,
        login,
        now,
        req: &req,
    };
    let method = req.method.clone();
    let (response, used) = match (&method, rest) {
        (&Method::GET, []) => (repo_json(repo), Used::None),
        (&Method::GET, ["actions", "runs"]) => (list_runs(repo, &ctx), Used::None),
        (&Method::GET, ["actions", "runs", id]) => {
            let found = repo.runs.get(&parse(id)).map(|seed| render::run(repo, seed, &ctx.now));
            (lookup(found.as_ref()), Used::None)
        }
        (&Method::GET, ["actions", "runs", id, "jobs"]) => (jobs(repo, &ctx, parse(id)), Used::None),
        (&Method::GET, ["actions", "runs", id, "logs"]) => (redirect(repo, &ctx, "runs", parse(id)), Used::None),
        (&Method::GET, ["actions", "jobs", id]) => {
            let id = parse(id);
            let job = repo.jobs.iter().find_map(|(run, jobs)| {
                let job = jobs.iter().find(|job| job["id"].as_u64() == Some(id))?;
                Some(render::job(repo, api_base, job, *run))
            });
            (lookup(job.as_ref()), Used::None)
        }
        (&Method::GET, ["actions", "jobs", id, "logs"]) => (redirect(repo, &ctx, "jobs", parse(id)), Used::None),
        (&Method::GET, ["check-runs", id, "annotations"]) => {
            let items = repo.annotations.get(&parse(id)).cloned().unwrap_or_default();
            let items = items.iter().map(render::annotation).collect();
            (ctx.page(items, Value::Array), Used::None)
        }
        (&Method::GET, ["commits", reference, "check-runs"]) => {
            let (_, seeds) = check_seeds(repo, reference);
            let items: Vec<Value> = seeds.iter().map(|(run, suite)| render::check_run(run, suite)).collect();
            let total = items.len();
            (
                ctx.page(items, |items| json!({ "total_count": total, "check_runs": items })),
                Used::None,
            )
        }
        (&Method::GET, ["commits", reference, "check-suites"]) => {
            let (sha, seeds) = check_seeds(repo, reference);
            let mut items: Vec<Value> = Vec::new();
            for (_, suite) in &seeds {
                if !items.iter().any(|known| known["id"] == suite["id"]) {
                    items.push(render::check_suite(suite, &sha));
                }
            }
            let total = items.len();
            (
                ctx.page(items, |items| json!({ "total_count": total, "check_suites": items })),
                Used::None,
            )
        }
        (&Method::GET, ["commits", reference]) => match repo.git.resolve(reference) {
            Some(sha) => (json_response(StatusCode::OK, json!({ "sha": sha })), Used::None),
            None => (
                unprocessable(&format!("No commit found for SHA: {reference}")),
                Used::None,
            ),
        },
        (&Method::GET, ["collaborators", user, "permission"]) => (permission(repo, &percent_decode(user)), Used::None),
        (&Method::GET, ["contents", path @ ..]) => (get_contents(repo, &ctx, &path.join("/")), Used::None),
        (&Method::PUT, ["contents", path @ ..]) => (put_contents(repo, &ctx, &path.join("/")), Used::None),
        (&Method::GET, ["issues"]) => (list_issues(repo, &ctx), Used::None),
        (&Method::POST, ["issues"]) => create_issue(repo, &ctx, next_issue),
        (&Method::GET, ["issues", "comments"]) => (repo_comments(repo, &ctx), Used::None),
        (&Method::GET, ["issues", n]) => {
            let value = repo
                .issues
                .get(&parse(n))
                .map(|issue| render::issue(repo, api_base, issue));
            (lookup(value.as_ref()), Used::None)
        }
        (&Method::PATCH, ["issues", n]) | (&Method::PATCH, ["pulls", n]) => {
            (update_issue(repo, &ctx, parse(n)), Used::None)
        }
        (&Method::GET, ["issues", n, "comments"]) => {
            let number = parse(n);
            let items = repo.comments.get(&number).map(|list| {
                list.iter()
                    .map(|comment| render::comment(repo, api_base, number, comment))
                    .collect::<Vec<_>>()
            });
            (ctx.page(items.unwrap_or_default(), Value::Array), Used::None)
        }
        (&Method::POST, ["issues", n, "comments"]) => add_comment(repo, &ctx, parse(n), next_comment),
        (&Method::POST, ["issues", n, "labels"]) => (add_labels(repo, &ctx, parse(n)), Used::None),
        // Labels are not stored apart from issues; the fake creates one on first use, as GitHub does.
        (&Method::POST, ["labels"]) => match ctx.body_str("name") {
            Some(name) => (
                json_response(StatusCode::CREATED, json!({ "name": name, "color": "ededed" })),
                Used::None,
            ),
            None => (unprocessable("name is required"), Used::None),
        },
        (&Method::DELETE, ["issues", n, "labels", label]) => {
            (remove_label(repo, parse(n), &percent_decode(label)), Used::None)
        }
        (&Method::GET, ["git", "ref", reference @ ..]) => (get_ref(repo, &reference.join("/")), Used::None),
        (&Method::GET, ["git", "refs", reference @ ..]) if !reference.is_empty() => {
            (get_ref(repo, &reference.join("/")), Used::None)
        }
        (&Method::POST, ["git", "refs"]) => (create_ref(repo, &ctx), Used::None),
        (&Method::PATCH, ["git", "refs", reference @ ..]) => (update_ref(repo, &ctx, &reference.join("/")), Used::None),
        (&Method::POST, ["git", "blobs"]) => (create_blob(repo, &ctx), Used::None),
        (&Method::GET, ["git", "blobs", sha]) => (get_blob(repo, sha), Used::None),
        (&Method::POST, ["git", "trees"]) => (create_tree(repo, &ctx), Used::None),
        (&Method::GET, ["git", "trees", sha]) => (get_tree(repo, sha), Used::None),
        (&Method::POST, ["git", "commits"]) => (create_commit(repo, &ctx), Used::None),
        (&Method::GET, ["git", "commits", sha]) => (get_commit(repo, sha), Used::None),
        (&Method::GET, ["pulls"]) => (list_pulls(repo, &ctx), Used::None),
        (&Method::POST, ["pulls"]) => create_pull(repo, &ctx, next_issue),
        (&Method::POST, ["pulls", n, "requested_reviewers"]) => (request_reviewers(repo, &ctx, parse(n)), Used::None),
        (&Method::GET, ["pulls", n, "reviews"]) => {
            let number = parse(n);
            let items = repo
                .issues
                .get(&number)
                .and_then(|i| i.pull.as_ref())
                .map(|pull| pull.reviews.iter().map(|r| render::review(repo, r)).collect::<Vec<_>>());
            match items {
                Some(items) => (ctx.page(items, Value::Array), Used::None),
                None => (not_found(), Used::None),
            }
        }
        (&Method::POST, ["issues", n, "assignees"]) => (add_assignees(repo, &ctx, parse(n)), Used::None),
        (&Method::GET, ["pulls", n]) => {
            let value = repo
                .issues
                .get(&parse(n))
                .filter(|i| i.pull.is_some())
                .map(|i| render::pull(repo, i));
            (lookup(value.as_ref()), Used::None)
        }
        _ => (not_found(), Used::None),
    };
    match used {
        Used::Issue => state.next_issue_number = next_issue,
        Used::Comment => state.next_comment_id = next_comment,
        Used::None => {}
    }
    response
}

enum Used {
    None,
    Issue,
    Comment,
}

struct Ctx<'a> {
    api_base: &'a str,
    blob_base: &'a str,
    paging: Paging,
    login: String,
    now: String,
    req: &'a Request<'a>,
}

impl Ctx<'_> {
    fn page(&self, items: Vec<Value>, wrap: impl FnOnce(Vec<Value>) -> Value) -> Response {
        let page = paginate(items, &self.req.query, self.paging, self.api_base, self.req.path);
        page_response(page, wrap)
    }

    fn body_str(&self, key: &str) -> Option<&str> {
        self.req.body.as_ref()?.get(key)?.as_str()
    }
}

fn parse(raw: &str) -> u64 {
    raw.parse().unwrap_or(u64::MAX)
}

fn lookup(value: Option<&Value>) -> Response {
    match value {
        Some(value) => json_response(StatusCode::OK, value.clone()),
        None => not_found(),
    }
}

fn unprocessable(message: &str) -> Response {
    error(StatusCode::UNPROCESSABLE_ENTITY, message)
}

/// Copilot's reviewer bot, as `requested_reviewers` names it.
const COPILOT_REVIEWER: &str = "copilot-pull-request-reviewer[bot]";
/// Copilot's coding agent, as `assignees` names it.
const COPILOT_AGENT: &str = "copilot-swe-agent[bot]";

/// `POST /repos/{o}/{r}/pulls/{n}/requested_reviewers`: Copilot's reviewer only when Copilot is
/// available (422 otherwise, as GitHub answers for a reviewer it cannot add).
fn request_reviewers(repo: &mut RepoState, ctx: &Ctx<'_>, number: u64) -> Response {
    let wanted = string_list(ctx.req.body.as_ref().and_then(|b| b.get("reviewers")));
    if wanted.iter().any(|r| r == COPILOT_REVIEWER) && !repo.copilot {
        return unprocessable(
            "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the octo/app repository.",
        );
    }
    let Some(issue) = repo.issues.get_mut(&number).filter(|i| i.pull.is_some()) else {
        return not_found();
    };
    if let Some(pull) = issue.pull.as_mut() {
        for login in wanted {
            if !pull.requested_reviewers.contains(&login) {
                pull.requested_reviewers.push(login);
            }
        }
    }
    let issue = issue.clone();
    json_response(StatusCode::CREATED, render::pull(repo, &issue))
}

/// `POST /repos/{o}/{r}/issues/{n}/assignees`, with Copilot's `agent_assignment`.
fn add_assignees(repo: &mut RepoState, ctx: &Ctx<'_>, number: u64) -> Response {
    let wanted = string_list(ctx.req.body.as_ref().and_then(|b| b.get("assignees")));
    let copilot_available = repo.copilot;
    if wanted.iter().any(|a| a == COPILOT_AGENT) && !copilot_available {
        return unprocessable("Copilot coding agent is not enabled for this repository");
    }
    let Some(issue) = repo.issues.get_mut(&number) else {
        return not_found();
    };
    for login in wanted {
        if login == COPILOT_AGENT {
            issue.agent_assignment = ctx.req.body.as_ref().and_then(|b| b.get("agent_assignment")).cloned();
        }
        if !issue.assignees.contains(&login) {
            issue.assignees.push(login);
        }
    }
    let issue = issue.clone();
    json_response(StatusCode::CREATED, render::issue(repo, ctx.api_base, &issue))
}

/// `POST /agents/repos/{o}/{r}/tasks`: 403 without Copilot.
fn agent_task(state: &mut State, full_name: &str, req: &Request<'_>) -> Response {
    let Some(repo) = state.repos.get_mut(full_name) else {
        return not_found();
    };
    if !repo.copilot {
        return error(
            StatusCode::FORBIDDEN,
            "Copilot coding agent is not enabled for this repository",
        );
    }
    let Some(prompt) = req.body.as_ref().and_then(|b| b.get("prompt")).and_then(Value::as_str) else {
        return unprocessable("prompt is required");
    };
    let id = format!("task-{}", repo.agent_tasks.len() + 1);
    repo.agent_tasks.push(crate::state::AgentTask {
        prompt: prompt.to_string(),
        base_ref: req
            .body
            .as_ref()
            .and_then(|b| b.get("base_ref"))
            .and_then(Value::as_str)
            .map(str::to_string),
    });
    json_response(StatusCode::CREATED, json!({ "id": id, "state": "queued" }))
}

/// `GET /repos/{o}/{r}/collaborators/{user}/permission`: the seeded role, `admin` for the
/// owner, and `read` for anyone else (a public repository).
fn permission(repo: &RepoState, user: &str) -> Response {
    let role = if user == render::owner(repo) {
        "admin".to_string()
    } else {
        repo.collaborators
            .get(user)
            .or_else(|| repo.private_members.get(user))
            .cloned()
            .unwrap_or_else(|| "read".into())
    };
    // The legacy field maps maintain to write and triage to read.
    let legacy = match role.as_str() {
        "maintain" => "write",
        "triage" => "read",
        other => other,
    };
    json_response(
        StatusCode::OK,
        json!({ "permission": legacy, "role_name": role, "user": { "login": user } }),
    )
}

fn repo_json(repo: &RepoState) -> Response {
    json_response(
        StatusCode::OK,
        json!({
            "full_name": repo.full_name,
            "name": repo.full_name.split('/').nth(1),
            "default_branch": repo.default_branch,
            "html_url": format!("https://github.com/{}", repo.full_name),
        }),
    )
}

/// Runs newest first, filtered by `status` (a status or a conclusion) and `created`
/// (`>=TIME`, compared as RFC 3339 text).
fn list_runs(repo: &RepoState, ctx: &Ctx<'_>) -> Response {
    let query = &ctx.req.query;
    let field = |run: &Value, key: &str| run.get(key).and_then(Value::as_str).map(str::to_string);
    let mut items: Vec<Value> = repo
        .runs
        .values()
        .filter(|run| {
            query.get("status").is_none_or(|wanted| {
                field(run, "status").as_deref() == Some(wanted) || field(run, "conclusion").as_deref() == Some(wanted)
            })
        })
        .filter(|run| {
            query
                .get("created")
                .and_then(|c| c.strip_prefix(">="))
                .is_none_or(|from| field(run, "created_at").is_some_and(|at| at.as_str() >= from))
        })
        .map(|run| render::run(repo, run, &ctx.now))
        .collect();
    items.reverse();
    let total = items.len();
    ctx.page(items, |items| json!({ "total_count": total, "workflow_runs": items }))
}

/// Repositories whose owner is `org`.
fn org_repos(state: &State, api_base: &str, req: &Request<'_>, org: &str) -> Response {
    let items: Vec<Value> = state
        .repos
        .values()
        .filter(|repo| repo.full_name.split('/').next() == Some(org))
        .map(|repo| json!({ "full_name": repo.full_name, "default_branch": repo.default_branch, "archived": false }))
        .collect();
    if items.is_empty() {
        return not_found();
    }
    let page = paginate(items, &req.query, state.paging, api_base, req.path);
    page_response(page, Value::Array)
}

fn jobs(repo: &RepoState, ctx: &Ctx<'_>, run: u64) -> Response {
    if !repo.runs.contains_key(&run) {
        return not_found();
    }
    let mut items = repo.jobs.get(&run).cloned().unwrap_or_default();
    if ctx.req.query.get("filter") == Some("all") {
        let mut all = repo.old_attempt_jobs.get(&run).cloned().unwrap_or_default();
        all.append(&mut items);
        items = all;
    }
    let items: Vec<Value> = items
        .iter()
        .map(|job| render::job(repo, ctx.api_base, job, run))
        .collect();
    let total = items.len();
    ctx.page(items, |items| json!({ "total_count": total, "jobs": items }))
}

fn redirect(repo: &RepoState, ctx: &Ctx<'_>, kind: &str, id: u64) -> Response {
    let exists = match kind {
        "runs" => repo.run_logs_zip.contains_key(&id),
        _ => repo.job_logs.contains_key(&id),
    };
    if !exists {
        return not_found();
    }
    let location = format!(
        "{}/blob/{kind}/{}/{id}?sig=fake-signature",
        ctx.blob_base, repo.full_name
    );
    let mut response = StatusCode::FOUND.into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

fn get_contents(repo: &RepoState, ctx: &Ctx<'_>, path: &str) -> Response {
    let reference = ctx.req.query.get("ref").unwrap_or(&repo.default_branch).to_string();
    match repo.git.file_at(&reference, path) {
        Some((sha, bytes)) if repo.contents_inline_limit.is_some_and(|limit| bytes.len() > limit) => json_response(
            StatusCode::OK,
            json!({
                "type": "file", "encoding": "none", "path": path, "name": path.rsplit('/').next(),
                "sha": sha, "size": bytes.len(), "content": "",
            }),
        ),
        Some((sha, bytes)) => json_response(
            StatusCode::OK,
            json!({
                "type": "file",
                "encoding": "base64",
                "path": path,
                "name": path.rsplit('/').next(),
                "sha": sha,
                "size": bytes.len(),
                // GitHub wraps base64 at 60 columns; clients must cope with the newlines.
                "content": wrap_base64(&BASE64.encode(&bytes)),
            }),
        ),
        None => not_found(),
    }
}

fn wrap_base64(encoded: &str) -> String {
    encoded
        .as_bytes()
        .chunks(60)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn put_contents(repo: &mut RepoState, ctx: &Ctx<'_>, path: &str) -> Response {
    let branch = ctx.body_str("branch").unwrap_or(&repo.default_branch).to_string();
    let Some(bytes) = ctx
        .body_str("content")
        .and_then(|c| BASE64.decode(c.replace('\n', "")).ok())
    else {
        return unprocessable("content is not valid base64");
    };
    let existing = repo.git.file_at(&branch, path).map(|(sha, _)| sha);
    if existing.is_some() && existing.as_deref() != ctx.body_str("sha") {
        return error(StatusCode::CONFLICT, "sha does not match");
    }
    let message = ctx.body_str("message").unwrap_or("update").to_string();
    let commit = repo.git.commit_files(&branch, &[(path, &bytes)], &message);
    let blob = repo.git.file_at(&commit, path).map(|(sha, _)| sha);
    json_response(
        StatusCode::OK,
        json!({ "content": { "path": path, "sha": blob }, "commit": { "sha": commit } }),
    )
}

fn issue_matches_labels(issue: &IssueState, labels: Option<&str>) -> bool {
    labels.is_none_or(|wanted| {
        wanted
            .split(',')
            .filter(|l| !l.is_empty())
            .all(|label| issue.labels.iter().any(|have| have == label))
    })
}

fn state_matches(issue: &IssueState, wanted: Option<&str>) -> bool {
    match wanted.unwrap_or("open") {
        "all" => true,
        state => issue.state == state,
    }
}

fn list_issues(repo: &RepoState, ctx: &Ctx<'_>) -> Response {
    let query = &ctx.req.query;
    let since = query.get("since");
    let mut items: Vec<&IssueState> = repo
        .issues
        .values()
        .filter(|issue| state_matches(issue, query.get("state")) && issue_matches_labels(issue, query.get("labels")))
        .filter(|issue| since.is_none_or(|since| issue.updated_at.as_str() >= since))
        .collect();
    // GitHub lists newest first by default.
    items.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.number.cmp(&a.number)));
    let items = items
        .into_iter()
        .map(|issue| render::issue(repo, ctx.api_base, issue))
        .collect();
    ctx.page(items, Value::Array)
}

fn string_list(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_str().or_else(|| item.get("name").and_then(Value::as_str)))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// GitHub's 422 "Validation Failed" for the labels of `labels` the repository refuses
/// (`FakeGithub::refuse_label`), one `errors` entry each, or `None` when it takes them all.
fn refused_labels(repo: &RepoState, labels: &[String], docs: &str) -> Option<Response> {
    let refused: Vec<Value> = labels
        .iter()
        .filter(|label| repo.refused_labels.contains(*label))
        .map(|label| json!({ "resource": "Label", "field": "name", "code": "invalid", "value": label }))
        .collect();
    if refused.is_empty() {
        return None;
    }
    let answer = json!({
        "message": "Validation Failed",
        "errors": refused,
        "documentation_url": format!("https://docs.github.com/rest/{docs}"),
    });
    Some(json_response(StatusCode::UNPROCESSABLE_ENTITY, answer))
}

fn create_issue(repo: &mut RepoState, ctx: &Ctx<'_>, number: u64) -> (Response, Used) {
    let Some(title) = ctx.body_str("title").map(str::to_string) else {
        return (unprocessable("title is required"), Used::None);
    };
    let labels = string_list(ctx.req.body.as_ref().and_then(|b| b.get("labels")));
    if let Some(refusal) = refused_labels(repo, &labels, "issues#create-an-issue") {
        return (refusal, Used::None);
    }
    let issue = IssueState {
        number,
        title,
        body: ctx.body_str("body").unwrap_or_default().to_string(),
        labels,
        state: "open".into(),
        created_at: ctx.now.clone(),
        updated_at: ctx.now.clone(),
        closed_at: None,
        user: ctx.login.clone(),
        pull: None,
        ..IssueState::default()
    };
    let value = render::issue(repo, ctx.api_base, &issue);
    repo.issues.insert(number, issue);
    (json_response(StatusCode::CREATED, value), Used::Issue)
}

fn update_issue(repo: &mut RepoState, ctx: &Ctx<'_>, number: u64) -> Response {
    let Some(issue) = repo.issues.get_mut(&number) else {
        return not_found();
    };
    if ctx.req.segments.get(3).map(String::as_str) == Some("pulls") && issue.pull.is_none() {
        return not_found();
    }
    if let Some(title) = ctx.body_str("title") {
        issue.title = title.to_string();
    }
    if let Some(body) = ctx.body_str("body") {
        issue.body = body.to_string();
    }
    if let Some(state) = ctx.body_str("state") {
        if state == "closed" && issue.state != "closed" {
            issue.closed_at = Some(ctx.now.clone());
        }
        issue.state = state.to_string();
    }
    if let Some(labels) = ctx.req.body.as_ref().and_then(|b| b.get("labels")) {
        issue.labels = string_list(Some(labels));
    }
    issue.updated_at = ctx.now.clone();
    let issue = issue.clone();
    let value = if issue.pull.is_some() && ctx.req.segments.get(3).map(String::as_str) == Some("pulls") {
        render::pull(repo, &issue)
    } else {
        render::issue(repo, ctx.api_base, &issue)
    };
    json_response(StatusCode::OK, value)
}

/// The seeded check runs of a commit (by sha or ref) with each one's suite: the seed's own
/// `check_suite` (`id`, `head_branch`), else suite 1 of the branch of this repository whose
/// head the commit is (GitHub Actions' suite of a push or a same-repository pull request), or
/// of no branch when none is. Returns the resolved sha too.
fn check_seeds(repo: &RepoState, reference: &str) -> (String, Vec<(Value, Value)>) {
    let sha = repo.git.resolve(reference).unwrap_or_else(|| reference.to_string());
    let runs = repo
        .check_runs
        .get(&sha)
        .or_else(|| repo.check_runs.get(reference))
        .cloned()
        .unwrap_or_default();
    let branch = repo
        .git
        .refs
        .iter()
        .find(|(name, head)| name.starts_with("heads/") && **head == sha)
        .and_then(|(name, _)| name.strip_prefix("heads/"))
        .map(str::to_string);
    let seeds = runs
        .into_iter()
        .map(|run| {
            let suite = run
                .get("check_suite")
                .cloned()
                .unwrap_or_else(|| json!({ "id": 1, "head_branch": branch }));
            (run, suite)
        })
        .collect();
    (sha, seeds)
}

/// `GET /repos/{o}/{r}/issues/comments`: every comment of the repository's issues and pull
/// requests, by `sort` (`created`, the default, or `updated`; the fake's comments are never
/// edited, so both are the creation time) in `direction` (`asc` or `desc`; GitHub ignores it
/// without `sort`, and lists by ascending id then), updated at or after `since`.
fn repo_comments(repo: &RepoState, ctx: &Ctx<'_>) -> Response {
    let query = &ctx.req.query;
    let mut all: Vec<(u64, &CommentState)> = repo
        .comments
        .iter()
        .flat_map(|(number, list)| list.iter().map(move |comment| (*number, comment)))
        .filter(|(_, comment)| {
            query
                .get("since")
                .is_none_or(|since| comment.created_at.as_str() >= since)
        })
        .collect();
    if query.get("sort").is_some() {
        all.sort_by(|(_, a), (_, b)| (a.created_at.as_str(), a.id).cmp(&(b.created_at.as_str(), b.id)));
        if query.get("direction") == Some("desc") {
            all.reverse();
        }
    } else {
        all.sort_by_key(|(_, comment)| comment.id);
    }
    let items = all
        .into_iter()
        .map(|(number, comment)| render::comment(repo, ctx.api_base, number, comment))
        .collect();
    ctx.page(items, Value::Array)
}

fn add_comment(repo: &mut RepoState, ctx: &Ctx<'_>, number: u64, id: u64) -> (Response, Used) {
    let Some(issue) = repo.issues.get_mut(&number) else {
        return (not_found(), Used::None);
    };
    let Some(body) = ctx.body_str("body") else {
        return (unprocessable("body is required"), Used::None);
    };
    issue.updated_at = ctx.now.clone();
    let comment = CommentState {
        id,
        body: body.to_string(),
        user: ctx.login.clone(),
        created_at: ctx.now.clone(),
    };
    let value = render::comment(repo, ctx.api_base, number, &comment);
    repo.comments.entry(number).or_default().push(comment);
    (json_response(StatusCode::CREATED, value), Used::Comment)
}

fn add_labels(repo: &mut RepoState, ctx: &Ctx<'_>, number: u64) -> Response {
    let labels = string_list(ctx.req.body.as_ref().and_then(|b| b.get("labels")));
    if let Some(refusal) = refused_labels(repo, &labels, "issues/labels#add-labels-to-an-issue") {
        return refusal;
    }
    let Some(issue) = repo.issues.get_mut(&number) else {
        return not_found();
    };
    for label in labels {
        if !issue.labels.contains(&label) {
            issue.labels.push(label);
        }
    }
    issue.updated_at = ctx.now.clone();
    json_response(
        StatusCode::OK,
        Value::Array(issue.labels.iter().map(|name| json!({ "name": name })).collect()),
    )
}

fn remove_label(repo: &mut RepoState, number: u64, label: &str) -> Response {
    let Some(issue) = repo.issues.get_mut(&number) else {
        return not_found();
    };
    let before = issue.labels.len();
    issue.labels.retain(|have| have != label);
    if issue.labels.len() == before {
        return error(StatusCode::NOT_FOUND, "Label does not exist");
    }
    json_response(
        StatusCode::OK,
        Value::Array(issue.labels.iter().map(|name| json!({ "name": name })).collect()),
    )
}

fn ref_json(reference: &str, sha: &str) -> Value {
    json!({ "ref": format!("refs/{reference}"), "object": { "sha": sha, "type": "commit" } })
}

fn get_ref(repo: &RepoState, reference: &str) -> Response {
    let short = reference.strip_prefix("refs/").unwrap_or(reference);
    match repo.git.refs.get(short) {
        Some(sha) => json_response(StatusCode::OK, ref_json(short, sha)),
        None => not_found(),
    }
}

fn create_ref(repo: &mut RepoState, ctx: &Ctx<'_>) -> Response {
    let (Some(full), Some(sha)) = (ctx.body_str("ref"), ctx.body_str("sha")) else {
        return unprocessable("ref and sha are required");
    };
    let Some(short) = full.strip_prefix("refs/") else {
        return unprocessable("ref must start with refs/");
    };
    if repo.git.refs.contains_key(short) {
        return unprocessable("Reference already exists");
    }
    if !repo.git.commits.contains_key(sha) {
        return unprocessable("Object does not exist");
    }
    repo.git.refs.insert(short.to_string(), sha.to_string());
    json_response(StatusCode::CREATED, ref_json(short, sha))
}

fn update_ref(repo: &mut RepoState, ctx: &Ctx<'_>, reference: &str) -> Response {
    let short = reference.strip_prefix("refs/").unwrap_or(reference).to_string();
    let Some(sha) = ctx.body_str("sha") else {
        return unprocessable("sha is required");
    };
    let Some(current) = repo.git.refs.get(&short).cloned() else {
        return unprocessable("Reference does not exist");
    };
    if !repo.git.commits.contains_key(sha) {
        return unprocessable("Object does not exist");
    }
    let force = ctx
        .req
        .body
        .as_ref()
        .and_then(|b| b.get("force"))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let fast_forward = repo.git.commits.get(sha).is_some_and(|c| c.parents.contains(&current)) || current == sha;
    if !force && !fast_forward {
        return unprocessable("Update is not a fast forward");
    }
    repo.git.refs.insert(short.clone(), sha.to_string());
    json_response(StatusCode::OK, ref_json(&short, sha))
}

fn create_blob(repo: &mut RepoState, ctx: &Ctx<'_>) -> Response {
    let Some(content) = ctx.body_str("content") else {
        return unprocessable("content is required");
    };
    let bytes = match ctx.body_str("encoding").unwrap_or("utf-8") {
        "base64" => match BASE64.decode(content.replace('\n', "")) {
            Ok(bytes) => bytes,
            Err(_) => return unprocessable("content is not valid base64"),
        },
        _ => content.as_bytes().to_vec(),
    };
    let sha = repo.git.put_blob(bytes);
    json_response(StatusCode::CREATED, json!({ "sha": sha }))
}

fn get_blob(repo: &RepoState, sha: &str) -> Response {
    match repo.git.blobs.get(sha) {
        Some(bytes) => json_response(
            StatusCode::OK,
            json!({ "sha": sha, "encoding": "base64", "content": wrap_base64(&BASE64.encode(bytes)), "size": bytes.len() }),
        ),
        None => not_found(),
    }
}

fn create_tree(repo: &mut RepoState, ctx: &Ctx<'_>) -> Response {
    let mut entries: BTreeMap<String, String> = match ctx.body_str("base_tree") {
        Some(base) => match repo.git.trees.get(base) {
            Some(entries) => entries.clone(),
            None => return unprocessable("base_tree does not exist"),
        },
        None => BTreeMap::new(),
    };
    let items = ctx
        .req
        .body
        .as_ref()
        .and_then(|b| b.get("tree"))
        .and_then(Value::as_array)
        .cloned();
    for item in items.unwrap_or_default() {
        let Some(path) = item.get("path").and_then(Value::as_str) else {
            return unprocessable("path is required");
        };
        match (item.get("sha"), item.get("content").and_then(Value::as_str)) {
            (Some(Value::Null), _) => {
                entries.remove(path);
            }
            (Some(Value::String(sha)), _) => {
                if !repo.git.blobs.contains_key(sha) {
                    return unprocessable("tree.sha is not a blob");
                }
                entries.insert(path.to_string(), sha.clone());
            }
            (_, Some(content)) => {
                let sha = repo.git.put_blob(content.as_bytes().to_vec());
                entries.insert(path.to_string(), sha);
            }
            _ => return unprocessable("tree entry needs sha or content"),
        }
    }
    let sha = repo.git.put_tree(entries);
    json_response(StatusCode::CREATED, json!({ "sha": sha }))
}

fn get_tree(repo: &RepoState, sha: &str) -> Response {
    match repo.git.trees.get(sha) {
        Some(entries) => {
            let tree: Vec<Value> = entries
                .iter()
                .map(|(path, blob)| {
                    let size = repo.git.blobs.get(blob).map_or(0, Vec::len);
                    json!({ "path": path, "mode": "100644", "type": "blob", "sha": blob, "size": size })
                })
                .collect();
            json_response(StatusCode::OK, json!({ "sha": sha, "tree": tree, "truncated": false }))
        }
        None => not_found(),
    }
}

fn create_commit(repo: &mut RepoState, ctx: &Ctx<'_>) -> Response {
    let Some(tree) = ctx.body_str("tree").map(str::to_string) else {
        return unprocessable("tree is required");
    };
    if !repo.git.trees.contains_key(&tree) {
        return unprocessable("tree does not exist");
    }
    let parents = string_list(ctx.req.body.as_ref().and_then(|b| b.get("parents")));
    if parents.iter().any(|p| !repo.git.commits.contains_key(p)) {
        return unprocessable("parent does not exist");
    }
    let message = ctx.body_str("message").unwrap_or_default().to_string();
    let sha = repo.git.put_commit(Commit {
        tree: tree.clone(),
        parents: parents.clone(),
        message: message.clone(),
    });
    json_response(StatusCode::CREATED, commit_json(&sha, &tree, &parents, &message))
}

fn commit_json(sha: &str, tree: &str, parents: &[String], message: &str) -> Value {
    json!({
        "sha": sha,
        "tree": { "sha": tree },
        "parents": parents.iter().map(|p| json!({ "sha": p })).collect::<Vec<_>>(),
        "message": message,
    })
}

fn get_commit(repo: &RepoState, sha: &str) -> Response {
    match repo.git.commits.get(sha) {
        Some(commit) => json_response(
            StatusCode::OK,
            commit_json(sha, &commit.tree, &commit.parents, &commit.message),
        ),
        None => not_found(),
    }
}

fn head_matches(repo: &RepoState, pull: &PullState, wanted: Option<&str>) -> bool {
    wanted.is_none_or(|wanted| {
        let owner = repo.full_name.split('/').next().unwrap_or_default();
        match wanted.split_once(':') {
            Some((who, branch)) => who == owner && branch == pull.head,
            None => wanted == pull.head,
        }
    })
}

fn list_pulls(repo: &RepoState, ctx: &Ctx<'_>) -> Response {
    let query = &ctx.req.query;
    let mut items: Vec<&IssueState> = repo
        .issues
        .values()
        .filter(|issue| {
            issue
                .pull
                .as_ref()
                .is_some_and(|pull| head_matches(repo, pull, query.get("head")))
        })
        .filter(|issue| state_matches(issue, query.get("state")))
        .filter(|issue| {
            query
                .get("base")
                .is_none_or(|base| issue.pull.as_ref().is_some_and(|p| p.base == base))
        })
        .collect();
    items.sort_by_key(|issue| std::cmp::Reverse(issue.number));
    let items = items.into_iter().map(|issue| render::pull(repo, issue)).collect();
    ctx.page(items, Value::Array)
}

fn create_pull(repo: &mut RepoState, ctx: &Ctx<'_>, number: u64) -> (Response, Used) {
    let (Some(title), Some(head), Some(base)) = (ctx.body_str("title"), ctx.body_str("head"), ctx.body_str("base"))
    else {
        return (unprocessable("title, head and base are required"), Used::None);
    };
    let head = head.rsplit(':').next().unwrap_or(head).to_string();
    if !repo.git.refs.contains_key(&format!("heads/{head}")) || !repo.git.refs.contains_key(&format!("heads/{base}")) {
        return (
            unprocessable("Validation Failed: head or base does not exist"),
            Used::None,
        );
    }
    let duplicate = repo
        .issues
        .values()
        .any(|i| i.state == "open" && i.pull.as_ref().is_some_and(|p| p.head == head));
    if duplicate {
        // GitHub's shape: a generic message, the reason in `errors[].message`.
        let body = json!({
            "message": "Validation Failed",
            "errors": [{
                "resource": "PullRequest",
                "code": "custom",
                "message": format!("A pull request already exists for {}:{head}.", repo.full_name.split('/').next().unwrap_or_default()),
            }],
            "documentation_url": "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
        });
        return (json_response(StatusCode::UNPROCESSABLE_ENTITY, body), Used::None);
    }
    let issue = IssueState {
        number,
        title: title.to_string(),
        body: ctx.body_str("body").unwrap_or_default().to_string(),
        labels: Vec::new(),
        state: "open".into(),
        created_at: ctx.now.clone(),
        updated_at: ctx.now.clone(),
        closed_at: None,
        user: ctx.login.clone(),
        pull: Some(PullState {
            head,
            base: base.to_string(),
            merged_at: None,
            ..PullState::default()
        }),
        ..IssueState::default()
    };
    let value = render::pull(repo, &issue);
    repo.issues.insert(number, issue);
    (json_response(StatusCode::CREATED, value), Used::Issue)
}

type IssueFilter = Box<dyn Fn(&IssueState) -> bool>;

/// Supports the qualifiers the client uses: `repo:`, `is:open|closed|issue|pr`, `label:`,
/// `in:comments`; other words and `"quoted phrases"` must appear (any case) in the title or
/// body, or with `in:comments` in a comment. Newest first, or oldest first for
/// `sort=created&order=asc`. [`State::search_incomplete`] marks every answer incomplete.
fn search_issues(state: &State, api_base: &str, req: &Request<'_>) -> Response {
    let q = req.query.get("q").unwrap_or_default().to_string();
    let mut repo_name = None;
    let mut filters: Vec<IssueFilter> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    let mut in_comments = false;
    for word in search_terms(&q) {
        match word.split_once(':') {
            Some(("repo", name)) => repo_name = Some(name.to_string()),
            Some(("is", "open")) => filters.push(Box::new(|i| i.state == "open")),
            Some(("is", "closed")) => filters.push(Box::new(|i| i.state == "closed")),
            Some(("is", "issue")) => filters.push(Box::new(|i| i.pull.is_none())),
            Some(("is", "pr")) => filters.push(Box::new(|i| i.pull.is_some())),
            Some(("in", "comments")) => in_comments = true,
            Some(("label", label)) => {
                let label = label.trim_matches('"').to_string();
                filters.push(Box::new(move |i| i.labels.contains(&label)));
            }
            _ => texts.push(word.trim_matches('"').to_lowercase()),
        }
    }
    // By the name the repository answers with, as the client asks after a rename.
    let Some(repo) = repo_name.and_then(|name| state.repos.values().find(|r| r.full_name.eq_ignore_ascii_case(&name)))
    else {
        return unprocessable("search needs a repo: qualifier naming a known repository");
    };
    let has_text = |issue: &IssueState, text: &str| {
        if in_comments {
            repo.comments
                .get(&issue.number)
                .is_some_and(|list| list.iter().any(|c| c.body.to_lowercase().contains(text)))
        } else {
            issue.title.to_lowercase().contains(text) || issue.body.to_lowercase().contains(text)
        }
    };
    let oldest_first = req.query.get("sort") == Some("created") && req.query.get("order") == Some("asc");
    let mut issues: Vec<&IssueState> = repo.issues.values().collect();
    if !oldest_first {
        issues.reverse();
    }
    let items: Vec<Value> = issues
        .into_iter()
        .filter(|issue| filters.iter().all(|f| f(issue)) && texts.iter().all(|t| has_text(issue, t)))
        .map(|issue| render::issue(repo, api_base, issue))
        .collect();
    let total = items.len();
    let incomplete = state.search_incomplete;
    let page = paginate(items, &req.query, state.paging, api_base, req.path);
    page_response(
        page,
        |items| json!({ "total_count": total, "incomplete_results": incomplete, "items": items }),
    )
}

/// A search query's terms: words split at spaces, a `"quoted phrase"` (also after a
/// qualifier's colon) one term.
fn search_terms(q: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut term = String::new();
    let mut quoted = false;
    for c in q.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                term.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !term.is_empty() {
                    terms.push(std::mem::take(&mut term));
                }
            }
            c => term.push(c),
        }
    }
    if !term.is_empty() {
        terms.push(term);
    }
    terms
}
