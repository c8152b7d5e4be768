//! Issues and comments.

use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::error::Result;
use crate::models::{Issue, Label};

/// Opens an issue and returns it as filed (GitHub's answer has only the number and URL that
/// matter; the rest is what was sent).
pub async fn file_issue(gh: &GitHub, repo: &RepoName, title: &str, body: &str, labels: &[String]) -> Result<Issue> {
    let created = gh.create_issue(repo, title, body, labels).await?;
    Ok(Issue {
        number: created.number,
        html_url: created.html_url,
        title: title.to_string(),
        body: Some(body.to_string()),
        state: "open".into(),
        labels: labels.iter().map(|name| Label { name: name.clone() }).collect(),
        user: created.user,
        created_at: created.created_at,
        updated_at: created.updated_at,
        ..Issue::default()
    })
}

/// Posts `body` unless a comment of the thread already contains `marker`.
pub async fn comment_once(gh: &GitHub, repo: &RepoName, number: u64, marker: &str, body: &str) -> Result<bool> {
    let already = gh
        .list_comments(repo, number)
        .await?
        .iter()
        .any(|c| c.text().contains(marker));
    if !already {
        gh.create_comment(repo, number, body).await?;
    }
    Ok(!already)
}
