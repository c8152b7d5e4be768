//! JSON shapes of issues, pull requests and comments as GitHub returns them.

use serde_json::{Map, Value, json};

use crate::state::{CommentState, IssueState, RepoState, ReviewState};

/// The login that owns the repository (`octo` of `octo/app`): an admin of it.
pub fn owner(repo: &RepoState) -> &str {
    repo.full_name.split('/').next().unwrap_or_default()
}

/// How GitHub relates `login` to the repository in an `author_association`: the owner, a
/// seeded collaborator (any role), a member of the owning organization, a private member
/// (`CONTRIBUTOR`, as a token that cannot see the membership reads them), or no one (`NONE`).
pub fn association(repo: &RepoState, login: &str) -> &'static str {
    if login.eq_ignore_ascii_case(owner(repo)) {
        "OWNER"
    } else if repo.collaborators.contains_key(login) {
        "COLLABORATOR"
    } else if repo.members.contains(login) {
        "MEMBER"
    } else if repo.private_members.contains_key(login) {
        "CONTRIBUTOR"
    } else {
        "NONE"
    }
}

/// Fills in the fields GitHub always sends that a seed left out.
fn fill(value: &mut Value, defaults: Value) {
    let (Some(map), Value::Object(defaults)) = (value.as_object_mut(), defaults) else {
        return;
    };
    for (key, default) in defaults {
        map.entry(key).or_insert(default);
    }
}

fn repo_ref(full_name: &str) -> Value {
    json!({
        "full_name": full_name,
        "name": full_name.split('/').nth(1),
        "owner": { "login": full_name.split('/').next() },
    })
}

/// A workflow run as GitHub serves it: the seed, plus what GitHub always sends. Unless the
/// seed says otherwise, the run's commit is in the repository itself (no fork) and the
/// repository's owner triggered it.
pub fn run(repo: &RepoState, seed: &Value, now: &str) -> Value {
    let mut value = seed.clone();
    let id = seed["id"].as_u64().unwrap_or_default();
    let owner = owner(repo);
    let mut defaults = Map::new();
    for (key, default) in [
        ("name", Value::Null),
        ("path", json!(".github/workflows/ci.yml")),
        ("head_branch", json!(repo.default_branch)),
        (
            "head_sha",
            json!(repo.git.resolve(&repo.default_branch).unwrap_or_default()),
        ),
        ("event", json!("push")),
        ("status", json!("completed")),
        ("conclusion", Value::Null),
        ("run_attempt", json!(1)),
        (
            "html_url",
            json!(format!("https://github.com/{}/actions/runs/{id}", repo.full_name)),
        ),
        ("created_at", json!(now)),
        ("updated_at", json!(now)),
        ("repository", repo_ref(&repo.full_name)),
        ("head_repository", repo_ref(&repo.full_name)),
        ("actor", json!({ "login": owner })),
        ("triggering_actor", json!({ "login": owner })),
    ] {
        defaults.insert(key.to_string(), default);
    }
    fill(&mut value, Value::Object(defaults));
    value
}

/// A job as GitHub serves it: the seed plus what GitHub always sends.
pub fn job(repo: &RepoState, base_url: &str, seed: &Value, run_id: u64) -> Value {
    let mut value = seed.clone();
    let id = seed["id"].as_u64().unwrap_or_default();
    fill(
        &mut value,
        json!({
            "run_id": run_id,
            "status": "completed",
            "conclusion": null,
            "check_run_url": format!("{base_url}/repos/{}/check-runs/{id}", repo.full_name),
            "html_url": format!("https://github.com/{}/actions/runs/{run_id}/job/{id}", repo.full_name),
            "steps": [],
        }),
    );
    if let Some(steps) = value.get_mut("steps").and_then(Value::as_array_mut) {
        for step in steps {
            fill(step, json!({ "status": "completed", "conclusion": null }));
        }
    }
    value
}

/// An annotation as GitHub serves it.
pub fn annotation(seed: &Value) -> Value {
    let mut value = seed.clone();
    fill(
        &mut value,
        json!({
            "path": ".github", "start_line": 1, "end_line": 1, "start_column": null, "end_column": null,
            "annotation_level": null, "title": null, "message": null, "raw_details": null,
        }),
    );
    value
}

/// A check run as GitHub serves it, in `suite` (of which a run names only the `id`).
pub fn check_run(seed: &Value, suite: &Value) -> Value {
    let mut value = seed.clone();
    if let Some(map) = value.as_object_mut() {
        map.insert("check_suite".into(), json!({ "id": suite["id"] }));
    }
    fill(
        &mut value,
        json!({ "status": "completed", "conclusion": null, "html_url": null }),
    );
    value
}

/// A check suite as GitHub serves it: GitHub Actions' suite on `sha`, on the seed's
/// `head_branch` (`null` for a push to a fork's branch).
pub fn check_suite(seed: &Value, sha: &str) -> Value {
    json!({
        "id": seed["id"],
        "head_branch": seed.get("head_branch").cloned().unwrap_or(Value::Null),
        "head_sha": sha,
        "status": "completed",
        "conclusion": null,
        "app": { "id": 15368, "slug": "github-actions" },
    })
}

pub fn issue(repo: &RepoState, base_url: &str, issue: &IssueState) -> Value {
    let mut value = json!({
        "number": issue.number,
        "title": issue.title,
        "body": issue.body,
        "state": issue.state,
        "labels": issue
            .labels
            .iter()
            .map(|name| if repo.labels_as_strings { json!(name) } else { json!({ "name": name }) })
            .collect::<Vec<_>>(),
        "created_at": issue.created_at,
        "updated_at": issue.updated_at,
        "closed_at": issue.closed_at,
        "user": { "login": issue.user },
        "author_association": association(repo, &issue.user),
        "assignees": issue.assignees.iter().map(|login| json!({ "login": login })).collect::<Vec<_>>(),
        "html_url": format!("https://github.com/{}/issues/{}", repo.full_name, issue.number),
        "url": format!("{base_url}/repos/{}/issues/{}", repo.full_name, issue.number),
    });
    if let (Some(pull), Some(map)) = (&issue.pull, value.as_object_mut()) {
        map.insert(
            "pull_request".into(),
            json!({
                "url": format!("{base_url}/repos/{}/pulls/{}", repo.full_name, issue.number),
                "merged_at": pull.merged_at,
            }),
        );
    }
    value
}

pub fn pull(repo: &RepoState, issue: &IssueState) -> Value {
    let pull = issue.pull.clone().unwrap_or_default();
    let head_sha = repo.git.resolve(&pull.head).unwrap_or_default();
    let owner = repo.full_name.split('/').next().unwrap_or_default();
    json!({
        "number": issue.number,
        "title": issue.title,
        "body": issue.body,
        "state": issue.state,
        "labels": issue.labels.iter().map(|name| json!({ "name": name })).collect::<Vec<_>>(),
        "created_at": issue.created_at,
        "updated_at": issue.updated_at,
        "closed_at": issue.closed_at,
        "merged_at": pull.merged_at,
        "merged": pull.merged_at.is_some(),
        "user": { "login": issue.user },
        "author_association": association(repo, &issue.user),
        "requested_reviewers": pull.requested_reviewers.iter().map(|login| json!({ "login": login })).collect::<Vec<_>>(),
        "head": { "ref": pull.head, "sha": head_sha, "label": format!("{owner}:{}", pull.head) },
        "base": { "ref": pull.base, "sha": repo.git.resolve(&pull.base).unwrap_or_default() },
        "html_url": format!("https://github.com/{}/pull/{}", repo.full_name, issue.number),
    })
}

pub fn review(repo: &RepoState, review: &ReviewState) -> Value {
    json!({
        "id": review.id,
        "user": { "login": review.user },
        "author_association": association(repo, &review.user),
        "state": review.state,
        "body": review.body,
        "submitted_at": review.submitted_at,
        "commit_id": review.commit_id,
    })
}

pub fn comment(repo: &RepoState, base_url: &str, number: u64, comment: &CommentState) -> Value {
    json!({
        "id": comment.id,
        "issue_url": format!("{base_url}/repos/{}/issues/{number}", repo.full_name),
        "body": comment.body,
        "user": { "login": comment.user },
        "author_association": association(repo, &comment.user),
        "created_at": comment.created_at,
        "updated_at": comment.created_at,
        "html_url": format!("https://github.com/{}/issues/{number}#issuecomment-{}", repo.full_name, comment.id),
    })
}
