//! JSON shapes of issues, pull requests and comments as GitHub returns them.

use serde_json::{Value, json};

use crate::state::{CommentState, IssueState, RepoState};

pub fn issue(repo: &RepoState, base_url: &str, issue: &IssueState) -> Value {
    let mut value = json!({
        "number": issue.number,
        "title": issue.title,
        "body": issue.body,
        "state": issue.state,
        "labels": issue.labels.iter().map(|name| json!({ "name": name })).collect::<Vec<_>>(),
        "created_at": issue.created_at,
        "updated_at": issue.updated_at,
        "closed_at": issue.closed_at,
        "user": { "login": issue.user },
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
        "head": { "ref": pull.head, "sha": head_sha, "label": format!("{owner}:{}", pull.head) },
        "base": { "ref": pull.base },
        "html_url": format!("https://github.com/{}/pull/{}", repo.full_name, issue.number),
    })
}

pub fn comment(repo: &RepoState, number: u64, comment: &CommentState) -> Value {
    json!({
        "id": comment.id,
        "body": comment.body,
        "user": { "login": comment.user },
        "created_at": comment.created_at,
        "updated_at": comment.created_at,
        "html_url": format!("https://github.com/{}/issues/{number}#issuecomment-{}", repo.full_name, comment.id),
    })
}
