//! Typed GitHub endpoints: one method per REST call autoheal makes. Lists follow every page.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use http::Method;
use serde_json::{Value, json};

use super::GitHub;
use super::config::RepoName;
use crate::error::{Error, Result};
use crate::models::{
    Annotation, Assigned, CheckRun, CheckSuite, CollaboratorPermission, Comment, FileContent, GitCommit, GitRef, Issue,
    Job, OrgRepo, PullRequest, Repository, Review, ReviewRequested, Sha, Tree, TreeEntry, User, WorkflowRun,
};

/// One page of `GET /search/issues` as GitHub answers it.
#[derive(Debug, serde::Deserialize)]
struct SearchAnswer {
    total_count: u64,
    incomplete_results: bool,
    items: Vec<Issue>,
}

/// What [`GitHub::search_issues_oldest_first`] found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Searched {
    /// The matches read, oldest first.
    pub items: Vec<Issue>,
    /// How many matches GitHub counted.
    pub total_count: u64,
    /// GitHub said a page's results were incomplete (its query timed out).
    pub incomplete: bool,
    /// Matches were left past the pages read.
    pub more: bool,
}

/// Escapes a value for use as one URL path segment or query value.
pub fn encode_component(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Escapes a repository path (keeps the slashes).
fn encode_path(raw: &str) -> String {
    raw.split('/').map(encode_component).collect::<Vec<_>>().join("/")
}

fn decode_base64(path: &str, file: &FileContent) -> Result<Vec<u8>> {
    if file.encoding != "base64" {
        return Err(Error::Decode {
            path: path.to_string(),
            message: format!("encoding `{}`", file.encoding),
        });
    }
    let cleaned: String = file.content.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    BASE64.decode(cleaned).map_err(|e| Error::Decode {
        path: path.to_string(),
        message: e.to_string(),
    })
}

/// Filters for [`GitHub::list_issues`].
#[derive(Debug, Clone, Default)]
pub struct IssueFilter {
    /// Every label must be present.
    pub labels: Vec<String>,
    /// "open" (default), "closed" or "all".
    pub state: Option<String>,
    /// Only issues updated at or after this ISO 8601 time.
    pub since: Option<String>,
}

impl GitHub {
    pub async fn get_repo(&self, repo: &RepoName) -> Result<Repository> {
        self.get_json(&repo.path()).await
    }

    pub async fn get_run(&self, repo: &RepoName, run_id: u64) -> Result<WorkflowRun> {
        let mut run: WorkflowRun = self.get_json(&format!("{}/actions/runs/{run_id}", repo.path())).await?;
        run.normalize_path();
        Ok(run)
    }

    /// Jobs of the run's latest attempt, all pages.
    pub async fn list_run_jobs(&self, repo: &RepoName, run_id: u64) -> Result<Vec<Job>> {
        self.get_all(
            &format!("{}/actions/runs/{run_id}/jobs?filter=latest", repo.path()),
            Some("jobs"),
        )
        .await
    }

    /// The run's log archive (zip bytes), bounded by `max_log_bytes`.
    pub async fn download_run_logs(&self, repo: &RepoName, run_id: u64) -> Result<Vec<u8>> {
        self.download_redirected(&format!("{}/actions/runs/{run_id}/logs", repo.path()))
            .await
    }

    /// One job's plain-text log, bounded by `max_log_bytes`.
    pub async fn download_job_logs(&self, repo: &RepoName, job_id: u64) -> Result<Vec<u8>> {
        self.download_redirected(&format!("{}/actions/jobs/{job_id}/logs", repo.path()))
            .await
    }

    /// Annotations of a check run (a job), all pages.
    pub async fn list_annotations(&self, repo: &RepoName, check_run_id: u64) -> Result<Vec<Annotation>> {
        self.get_all(&format!("{}/check-runs/{check_run_id}/annotations", repo.path()), None)
            .await
    }

    /// Check runs for a commit sha or ref, all pages.
    pub async fn list_check_runs(&self, repo: &RepoName, reference: &str) -> Result<Vec<CheckRun>> {
        let path = format!("{}/commits/{}/check-runs", repo.path(), encode_component(reference));
        self.get_all(&path, Some("check_runs")).await
    }

    /// Check suites for a commit sha or ref, all pages.
    pub async fn list_check_suites(&self, repo: &RepoName, reference: &str) -> Result<Vec<CheckSuite>> {
        let path = format!("{}/commits/{}/check-suites", repo.path(), encode_component(reference));
        self.get_all(&path, Some("check_suites")).await
    }

    /// A file's metadata and raw (base64) content at a ref.
    pub async fn get_file(&self, repo: &RepoName, path: &str, reference: &str) -> Result<FileContent> {
        let url = format!(
            "{}/contents/{}?ref={}",
            repo.path(),
            encode_path(path),
            encode_component(reference)
        );
        self.get_json(&url).await
    }

    /// A file's bytes at a ref (base64 decoded). GitHub leaves the content out of the
    /// contents API's answer for a file over 1 MB (`encoding: "none"`); the blobs API, which
    /// serves up to 100 MB, reads it then.
    pub async fn get_file_bytes(&self, repo: &RepoName, path: &str, reference: &str) -> Result<Vec<u8>> {
        self.get_file_bytes_within(repo, path, reference, u64::MAX).await
    }

    /// [`Self::get_file_bytes`] of a file of at most `limit` bytes; a larger one (by the size
    /// the contents API states, or by what arrives) is `TooLarge`, and its blob is never
    /// downloaded.
    pub async fn get_file_bytes_within(
        &self,
        repo: &RepoName,
        path: &str,
        reference: &str,
        limit: u64,
    ) -> Result<Vec<u8>> {
        let too_large = || Error::TooLarge {
            what: format!("{path} at {reference}"),
            limit,
        };
        let file = self.get_file(repo, path, reference).await?;
        if file.size > limit {
            return Err(too_large());
        }
        let bytes = if file.encoding == "none" {
            self.get_blob(repo, &file.sha).await?
        } else {
            decode_base64(path, &file)?
        };
        if bytes.len() as u64 > limit {
            return Err(too_large());
        }
        Ok(bytes)
    }

    /// A blob's bytes (base64 decoded).
    pub async fn get_blob(&self, repo: &RepoName, sha: &str) -> Result<Vec<u8>> {
        let path = format!("{}/git/blobs/{}", repo.path(), encode_component(sha));
        let blob: FileContent = self.get_json(&path).await?;
        decode_base64(&path, &blob)
    }

    /// Every entry of a tree, recursively (GitHub says `truncated` past its limits).
    pub async fn get_tree(&self, repo: &RepoName, tree_sha: &str) -> Result<Tree> {
        self.get_json(&format!(
            "{}/git/trees/{}?recursive=1",
            repo.path(),
            encode_component(tree_sha)
        ))
        .await
    }

    /// Creates or updates one file on a branch through the contents API; returns the commit sha.
    pub async fn put_file(
        &self,
        repo: &RepoName,
        path: &str,
        branch: &str,
        content: &[u8],
        message: &str,
        previous_blob_sha: Option<&str>,
    ) -> Result<String> {
        let mut body = json!({ "message": message, "content": BASE64.encode(content), "branch": branch });
        if let (Some(sha), Some(map)) = (previous_blob_sha, body.as_object_mut()) {
            map.insert("sha".into(), json!(sha));
        }
        #[derive(Default, serde::Deserialize)]
        struct Written {
            commit: Sha,
        }
        let answer: Written = self
            .write_json(
                Method::PUT,
                &format!("{}/contents/{}", repo.path(), encode_path(path)),
                &body,
            )
            .await?;
        Ok(answer.commit.sha)
    }

    /// Issues (not pull requests) matching the filter, all pages, newest first.
    pub async fn list_issues(&self, repo: &RepoName, filter: &IssueFilter) -> Result<Vec<Issue>> {
        let all = self.list_issues_and_pulls(repo, filter).await?;
        Ok(all.into_iter().filter(|issue| !issue.is_pull_request()).collect())
    }

    /// Issue search oldest first (`sort=created&order=asc`) for at most `pages` pages of 100,
    /// with what GitHub says of the answer's completeness: `total_count` (all matches, of
    /// which search serves at most the first 1,000) and `incomplete_results` (the query timed
    /// out and the items are a part of the matches). Pages are asked for by number, as the
    /// search documentation pages them, through the client's search window
    /// (`GitHub::search_get`: spaced and retried by GitHub's search rate limit).
    pub async fn search_issues_oldest_first(&self, q: &str, pages: usize) -> Result<Searched> {
        let mut found = Searched::default();
        for page in 1..=pages {
            let path = format!(
                "/search/issues?q={}&sort=created&order=asc&per_page=100&page={page}",
                encode_component(q)
            );
            let answer: SearchAnswer = super::decode(&path, &self.search_get(&path).await?.body)?;
            found.total_count = answer.total_count;
            found.incomplete |= answer.incomplete_results;
            let empty = answer.items.is_empty();
            found.items.extend(answer.items);
            if empty || found.items.len() as u64 >= answer.total_count {
                return Ok(found);
            }
        }
        found.more = (found.items.len() as u64) < found.total_count;
        Ok(found)
    }

    pub async fn get_issue(&self, repo: &RepoName, number: u64) -> Result<Issue> {
        self.get_json(&format!("{}/issues/{number}", repo.path())).await
    }

    pub async fn create_issue(&self, repo: &RepoName, title: &str, body: &str, labels: &[String]) -> Result<Issue> {
        let payload = json!({ "title": title, "body": body, "labels": labels });
        self.write_json(Method::POST, &format!("{}/issues", repo.path()), &payload)
            .await
    }

    /// Changes title/body/state of an issue; `None` leaves a field alone.
    pub async fn update_issue(
        &self,
        repo: &RepoName,
        number: u64,
        title: Option<&str>,
        body: Option<&str>,
        state: Option<&str>,
    ) -> Result<Issue> {
        let payload = changed_fields(title, body, state);
        self.write_json(Method::PATCH, &format!("{}/issues/{number}", repo.path()), &payload)
            .await
    }

    /// Comments on an issue or pull request, all pages, oldest first.
    pub async fn list_comments(&self, repo: &RepoName, number: u64) -> Result<Vec<Comment>> {
        self.get_all(&format!("{}/issues/{number}/comments", repo.path()), None)
            .await
    }

    /// The comments of one issue or pull request, oldest first (the order GitHub lists them
    /// in), up to `pages` pages of 100, and whether there were more.
    pub async fn list_oldest_comments(
        &self,
        repo: &RepoName,
        number: u64,
        pages: usize,
    ) -> Result<(Vec<Comment>, bool)> {
        self.get_pages(&format!("{}/issues/{number}/comments", repo.path()), None, pages)
            .await
    }

    /// The repository's comments on all its issues and pull requests, newest first, updated
    /// at or after `since` when given, up to `pages` pages of 100, and whether there were
    /// more.
    pub async fn list_newest_repo_comments(
        &self,
        repo: &RepoName,
        since: Option<&str>,
        pages: usize,
    ) -> Result<(Vec<Comment>, bool)> {
        let mut path = format!("{}/issues/comments?sort=created&direction=desc", repo.path());
        if let Some(since) = since {
            path.push_str(&format!("&since={}", encode_component(since)));
        }
        self.get_pages(&path, None, pages).await
    }

    pub async fn create_comment(&self, repo: &RepoName, number: u64, body: &str) -> Result<Comment> {
        self.write_json(
            Method::POST,
            &format!("{}/issues/{number}/comments", repo.path()),
            &json!({ "body": body }),
        )
        .await
    }

    /// Adds labels to an issue or pull request. GitHub creates a label on first use; a server
    /// that answers 404 instead (the label does not exist yet) gets the labels created
    /// (`POST …/labels`; 422 "already_exists" is fine) and the add sent once more.
    pub async fn add_labels(&self, repo: &RepoName, number: u64, labels: &[String]) -> Result<()> {
        let path = format!("{}/issues/{number}/labels", repo.path());
        let body = json!({ "labels": labels });
        match self.write_json::<Value>(Method::POST, &path, &body).await {
            Err(error) if error.is_not_found() => {
                for label in labels {
                    self.create_label(repo, label).await?;
                }
                let _: Value = self.write_json(Method::POST, &path, &body).await?;
                Ok(())
            }
            other => other.map(|_| ()),
        }
    }

    /// Creates a repository label; one that already exists (422) is not an error.
    pub async fn create_label(&self, repo: &RepoName, name: &str) -> Result<()> {
        let path = format!("{}/labels", repo.path());
        match self
            .write_json::<Value>(Method::POST, &path, &json!({ "name": name }))
            .await
        {
            Err(error) if error.status() == Some(422) => Ok(()),
            other => other.map(|_| ()),
        }
    }

    /// Removes a label; a label that is not there is not an error.
    pub async fn remove_label(&self, repo: &RepoName, number: u64, label: &str) -> Result<()> {
        let path = format!("{}/issues/{number}/labels/{}", repo.path(), encode_component(label));
        match self.request(Method::DELETE, &path, None).await {
            Ok(_) => Ok(()),
            Err(error) if error.is_not_found() => Ok(()),
            Err(error) => Err(error),
        }
    }

    /// A branch ref, or `None` when the branch does not exist.
    pub async fn get_branch_ref(&self, repo: &RepoName, branch: &str) -> Result<Option<GitRef>> {
        match self
            .get_json(&format!("{}/git/ref/heads/{}", repo.path(), encode_path(branch)))
            .await
        {
            Ok(found) => Ok(Some(found)),
            Err(error) if error.is_not_found() => Ok(None),
            Err(error) => Err(error),
        }
    }

    pub async fn create_branch(&self, repo: &RepoName, branch: &str, sha: &str) -> Result<GitRef> {
        let body = json!({ "ref": format!("refs/heads/{branch}"), "sha": sha });
        self.write_json(Method::POST, &format!("{}/git/refs", repo.path()), &body)
            .await
    }

    pub async fn update_branch(&self, repo: &RepoName, branch: &str, sha: &str, force: bool) -> Result<GitRef> {
        let path = format!("{}/git/refs/heads/{}", repo.path(), encode_path(branch));
        self.write_json(Method::PATCH, &path, &json!({ "sha": sha, "force": force }))
            .await
    }

    pub async fn create_blob(&self, repo: &RepoName, content: &[u8]) -> Result<String> {
        let body = json!({ "content": BASE64.encode(content), "encoding": "base64" });
        let created: Sha = self
            .write_json(Method::POST, &format!("{}/git/blobs", repo.path()), &body)
            .await?;
        Ok(created.sha)
    }

    /// A tree on top of `base_tree` with the given entries changed; returns its sha.
    pub async fn create_tree(&self, repo: &RepoName, base_tree: Option<&str>, entries: &[TreeEntry]) -> Result<String> {
        let tree: Vec<Value> = entries
            .iter()
            .map(|e| json!({ "path": e.path, "mode": e.mode, "type": "blob", "sha": e.blob_sha }))
            .collect();
        let mut body = json!({ "tree": tree });
        if let (Some(base), Some(map)) = (base_tree, body.as_object_mut()) {
            map.insert("base_tree".into(), json!(base));
        }
        let created: Sha = self
            .write_json(Method::POST, &format!("{}/git/trees", repo.path()), &body)
            .await?;
        Ok(created.sha)
    }

    pub async fn get_commit(&self, repo: &RepoName, sha: &str) -> Result<GitCommit> {
        self.get_json(&format!("{}/git/commits/{}", repo.path(), encode_component(sha)))
            .await
    }

    pub async fn create_commit(
        &self,
        repo: &RepoName,
        message: &str,
        tree: &str,
        parents: &[String],
    ) -> Result<GitCommit> {
        let body = json!({ "message": message, "tree": tree, "parents": parents });
        self.write_json(Method::POST, &format!("{}/git/commits", repo.path()), &body)
            .await
    }

    /// Pull requests whose head is `branch` in this repository (any state), all pages. The
    /// `head` filter is GitHub's; the branch is checked again here, so a server that ignores
    /// the filter cannot hand heal or rollback another branch's pull request to update or close.
    pub async fn list_pulls_by_head(&self, repo: &RepoName, branch: &str) -> Result<Vec<PullRequest>> {
        let head = encode_component(&format!("{}:{branch}", repo.owner));
        let pulls = self
            .get_all(&format!("{}/pulls?state=all&head={head}", repo.path()), None)
            .await?;
        Ok(headed_by(pulls, branch))
    }

    /// Pull requests in a state ("open", "closed", "all"), all pages.
    pub async fn list_pulls(&self, repo: &RepoName, state: &str) -> Result<Vec<PullRequest>> {
        self.get_all(
            &format!("{}/pulls?state={}", repo.path(), encode_component(state)),
            None,
        )
        .await
    }

    /// The newest pull requests in `state`, up to `pages` pages of 100, and whether there
    /// were more.
    pub async fn list_newest_pulls(
        &self,
        repo: &RepoName,
        state: &str,
        pages: usize,
    ) -> Result<(Vec<PullRequest>, bool)> {
        self.get_pages(
            &format!(
                "{}/pulls?state={}&sort=created&direction=desc",
                repo.path(),
                encode_component(state)
            ),
            None,
            pages,
        )
        .await
    }

    pub async fn get_pull(&self, repo: &RepoName, number: u64) -> Result<PullRequest> {
        self.get_json(&format!("{}/pulls/{number}", repo.path())).await
    }

    pub async fn create_pull(
        &self,
        repo: &RepoName,
        title: &str,
        head: &str,
        base: &str,
        body: &str,
    ) -> Result<PullRequest> {
        let payload = json!({ "title": title, "head": head, "base": base, "body": body });
        self.write_json(Method::POST, &format!("{}/pulls", repo.path()), &payload)
            .await
    }

    /// Changes title/body/state of a pull request; `None` leaves a field alone.
    pub async fn update_pull(
        &self,
        repo: &RepoName,
        number: u64,
        title: Option<&str>,
        body: Option<&str>,
        state: Option<&str>,
    ) -> Result<PullRequest> {
        let payload = changed_fields(title, body, state);
        self.write_json(Method::PATCH, &format!("{}/pulls/{number}", repo.path()), &payload)
            .await
    }

    pub async fn close_pull(&self, repo: &RepoName, number: u64) -> Result<PullRequest> {
        self.update_pull(repo, number, None, None, Some("closed")).await
    }

    /// Issues and pull requests (the issues API lists both) matching the filter, all pages.
    pub async fn list_issues_and_pulls(&self, repo: &RepoName, filter: &IssueFilter) -> Result<Vec<Issue>> {
        let mut query = vec![format!(
            "state={}",
            encode_component(filter.state.as_deref().unwrap_or("open"))
        )];
        if !filter.labels.is_empty() {
            let labels: Vec<String> = filter.labels.iter().map(|l| encode_component(l)).collect();
            query.push(format!("labels={}", labels.join(",")));
        }
        if let Some(since) = &filter.since {
            query.push(format!("since={}", encode_component(since)));
        }
        self.get_all(&format!("{}/issues?{}", repo.path(), query.join("&")), None)
            .await
    }

    /// Runs with this status or conclusion created at or after `created_since` (RFC 3339),
    /// all pages, without the runs of pull requests' merge commits.
    pub async fn list_runs(&self, repo: &RepoName, status: &str, created_since: &str) -> Result<Vec<WorkflowRun>> {
        let path = format!(
            "{}/actions/runs?status={}&created={}&exclude_pull_requests=true",
            repo.path(),
            encode_component(status),
            encode_component(&format!(">={created_since}"))
        );
        let mut runs: Vec<WorkflowRun> = self.get_all(&path, Some("workflow_runs")).await?;
        runs.iter_mut().for_each(WorkflowRun::normalize_path);
        Ok(runs)
    }

    /// An organization's repositories, all pages.
    pub async fn list_org_repos(&self, org: &str) -> Result<Vec<OrgRepo>> {
        self.get_all(&format!("/orgs/{}/repos?type=all", encode_component(org)), None)
            .await
    }

    /// What `user` may do in the repository; `None` when GitHub knows no such user (404).
    pub async fn get_permission(&self, repo: &RepoName, user: &str) -> Result<Option<CollaboratorPermission>> {
        let path = format!("{}/collaborators/{}/permission", repo.path(), encode_component(user));
        match self.get_json(&path).await {
            Ok(found) => Ok(Some(found)),
            Err(error) if error.is_not_found() => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// The account the token acts as (`GET /user`). Installation tokens, the built-in
    /// `GITHUB_TOKEN` among them, get 403 here.
    pub async fn get_authenticated_user(&self) -> Result<User> {
        self.get_json("/user").await
    }

    /// Reviews submitted on a pull request, all pages, oldest first.
    pub async fn list_reviews(&self, repo: &RepoName, pull: u64) -> Result<Vec<Review>> {
        self.get_all(&format!("{}/pulls/{pull}/reviews", repo.path()), None)
            .await
    }

    /// Requests reviews (`POST /pulls/{n}/requested_reviewers`); returns who is requested now.
    pub async fn request_reviewers(&self, repo: &RepoName, pull: u64, reviewers: &[&str]) -> Result<Vec<String>> {
        let answer: ReviewRequested = self
            .write_json(
                Method::POST,
                &format!("{}/pulls/{pull}/requested_reviewers", repo.path()),
                &json!({ "reviewers": reviewers }),
            )
            .await?;
        Ok(answer.requested_reviewers.into_iter().map(|u| u.login).collect())
    }

    /// Adds assignees to an issue, with the `agent_assignment` options GitHub reads when one
    /// of them is Copilot's coding agent; returns the assignees now.
    pub async fn add_assignees(
        &self,
        repo: &RepoName,
        issue: u64,
        assignees: &[&str],
        agent_assignment: Option<&Value>,
    ) -> Result<Vec<String>> {
        let mut body = json!({ "assignees": assignees });
        if let (Some(agent), Some(map)) = (agent_assignment, body.as_object_mut()) {
            map.insert("agent_assignment".into(), agent.clone());
        }
        let answer: Assigned = self
            .write_json(
                Method::POST,
                &format!("{}/issues/{issue}/assignees", repo.path()),
                &body,
            )
            .await?;
        Ok(answer.assignees.into_iter().map(|u| u.login).collect())
    }

    /// Starts a Copilot cloud agent task (`POST /agents/repos/{owner}/{repo}/tasks`, public
    /// preview, user-to-server tokens only).
    pub async fn start_agent_task(&self, repo: &RepoName, prompt: &str, base_ref: &str) -> Result<()> {
        let path = format!("/agents/repos/{}/{}/tasks", repo.owner, repo.name);
        let _: Value = self
            .write_json(Method::POST, &path, &json!({ "prompt": prompt, "base_ref": base_ref }))
            .await?;
        Ok(())
    }

    /// The commit sha a branch, tag or sha names (`GET /repos/{o}/{r}/commits/{ref}`).
    pub async fn resolve_commit(&self, repo: &RepoName, reference: &str) -> Result<String> {
        let commit: Sha = self
            .get_json(&format!("{}/commits/{}", repo.path(), encode_component(reference)))
            .await?;
        Ok(commit.sha)
    }
}

/// The PATCH body for an issue or pull request: only the fields given.
fn changed_fields(title: Option<&str>, body: Option<&str>, state: Option<&str>) -> Value {
    let mut payload = serde_json::Map::new();
    for (key, value) in [("title", title), ("body", body), ("state", state)] {
        if let Some(value) = value {
            payload.insert(key.into(), json!(value));
        }
    }
    Value::Object(payload)
}

/// The pull requests of `pulls` whose head branch is `branch`.
fn headed_by(pulls: Vec<PullRequest>, branch: &str) -> Vec<PullRequest> {
    pulls.into_iter().filter(|p| p.head.name == branch).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_branchs_own_pull_requests_are_kept_whatever_the_server_sent() {
        let pull = |number: u64, head: &str| PullRequest {
            number,
            head: crate::models::BranchRef {
                name: head.into(),
                ..Default::default()
            },
            ..Default::default()
        };
        let kept = headed_by(
            vec![
                pull(1, "autoheal/7-timeout"),
                pull(2, "main"),
                pull(3, "autoheal/7-timeout-2"),
            ],
            "autoheal/7-timeout",
        );
        assert_eq!(kept.iter().map(|p| p.number).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn base64_content_may_be_wrapped() {
        let file = FileContent {
            sha: "s".into(),
            encoding: "base64".into(),
            content: "b246\nIHB1\r\nc2g=\n".into(),
            size: 8,
        };
        assert_eq!(decode_base64("f", &file).ok().as_deref(), Some(&b"on: push"[..]));
        let large = FileContent {
            encoding: "none".into(),
            ..file
        };
        assert!(decode_base64("f", &large).is_err_and(|e| e.to_string().contains("encoding `none`")));
    }

    #[test]
    fn encodes_components_and_paths() {
        assert_eq!(encode_component("a b/c:d"), "a%20b%2Fc%3Ad");
        assert_eq!(encode_path(".github/workflows/c i.yml"), ".github/workflows/c%20i.yml");
    }
}
