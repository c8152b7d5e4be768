//! Issues and comments.

use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::error::{Error, Invalid, Result};
use crate::models::{Issue, Label};
use crate::text::{LABEL_AUTO_HEAL, LABEL_NEEDS_MANUAL_FIX, REFUSED_LABELS_MARKER, refused_manual_fix_comment};

/// Opens an issue and returns it as filed (GitHub's answer has only the number and URL that
/// matter; the rest is what was sent, `labels` only those GitHub took).
///
/// GitHub refuses the whole issue with 422 "Validation Failed" when it refuses one of its
/// labels (an `errors` entry about the `Label` resource or the `labels` field). The failure
/// is still worth an issue, so it is filed again without the labels GitHub named (all of
/// them when it named none), and the body says which were refused and what that costs: the
/// duplicate check and `heal` find autoheal's issues by them.
pub async fn file_issue(gh: &GitHub, repo: &RepoName, title: &str, body: &str, labels: &[String]) -> Result<Issue> {
    let mut kept = labels.to_vec();
    let mut refused: Vec<String> = Vec::new();
    let created = loop {
        let body = if refused.is_empty() {
            body.to_string()
        } else {
            format!("{body}{}", refused_labels_note(&refused))
        };
        match gh.create_issue(repo, title, &body, &kept).await {
            Err(Error::Api {
                status: 422, invalid, ..
            }) if !kept.is_empty() && invalid.iter().any(is_about_labels) => {
                let named = named_labels(&invalid, &kept);
                kept.retain(|label| !named.contains(label));
                refused.extend(named);
            }
            other => break (other?, body),
        }
    };
    let (created, body) = created;
    Ok(Issue {
        number: created.number,
        html_url: created.html_url,
        title: title.to_string(),
        body: Some(body),
        state: "open".into(),
        labels: kept.iter().map(|name| Label { name: name.clone() }).collect(),
        user: created.user,
        created_at: created.created_at,
        updated_at: created.updated_at,
        ..Issue::default()
    })
}

/// Adds `labels` to an issue or pull request and returns those GitHub refused. `POST
/// …/issues/{n}/labels` is refused like an issue's creation (422 "Validation Failed" with
/// `errors` about the `Label` resource or the `labels` field); the labels it names (all of
/// them when it names none) are dropped and the rest added again, so each retry drops at
/// least one and it ends. What a missing label costs is the caller's to say.
pub async fn add_labels(gh: &GitHub, repo: &RepoName, number: u64, labels: &[String]) -> Result<Vec<String>> {
    let mut kept = labels.to_vec();
    let mut refused: Vec<String> = Vec::new();
    while !kept.is_empty() {
        match gh.add_labels(repo, number, &kept).await {
            Err(Error::Api {
                status: 422, invalid, ..
            }) if invalid.iter().any(is_about_labels) => {
                let named = named_labels(&invalid, &kept);
                kept.retain(|label| !named.contains(label));
                refused.extend(named);
            }
            other => {
                other?;
                break;
            }
        }
    }
    Ok(refused)
}

/// Labels an issue `needs-manual-fix`, so heal leaves it to a person. When GitHub refuses
/// that label, `auto-heal` is taken off instead (heal leaves an issue without it alone too,
/// `decide::gate::skip_reason`) and the issue says so once: the rollback and the posted
/// patch must stop heal whatever GitHub does with one label. Returns which of the two was
/// done, so what autoheal then writes about the issue says so.
pub async fn hand_to_a_person(gh: &GitHub, repo: &RepoName, issue: u64) -> Result<Handoff> {
    let refused = add_labels(gh, repo, issue, &[LABEL_NEEDS_MANUAL_FIX.to_string()]).await?;
    if refused.is_empty() {
        return Ok(Handoff::ManualFixLabel);
    }
    gh.remove_label(repo, issue, LABEL_AUTO_HEAL).await?;
    comment_once(
        gh,
        repo,
        issue,
        REFUSED_LABELS_MARKER,
        &refused_manual_fix_comment(&refused),
    )
    .await?;
    Ok(Handoff::AutoHealRemoved)
}

/// How [`hand_to_a_person`] stopped heal on an issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handoff {
    /// The issue is labelled `needs-manual-fix`.
    ManualFixLabel,
    /// GitHub refused `needs-manual-fix`, so the issue's `auto-heal` label was removed.
    AutoHealRemoved,
}

/// Whether a 422 entry is about an issue's labels.
fn is_about_labels(entry: &Invalid) -> bool {
    entry.resource.eq_ignore_ascii_case("label") || entry.field.eq_ignore_ascii_case("labels")
}

/// The labels of `sent` a 422 answer names as refused, or all of them when its label
/// entries name no value that was sent.
fn named_labels(invalid: &[Invalid], sent: &[String]) -> Vec<String> {
    let named: Vec<String> = sent
        .iter()
        .filter(|label| {
            invalid
                .iter()
                .filter(|entry| is_about_labels(entry))
                .any(|entry| entry.values.iter().any(|value| value.eq_ignore_ascii_case(label)))
        })
        .cloned()
        .collect();
    if named.is_empty() { sent.to_vec() } else { named }
}

/// What an issue filed without its refused labels says about them (autoheal's own label
/// names, as code).
pub fn refused_labels_note(refused: &[String]) -> String {
    let names: Vec<String> = refused.iter().map(|label| crate::text::inline(label)).collect();
    format!(
        "\n\n> [!NOTE]\n> GitHub refused the label(s) {} (422), so this issue was filed without them. autoheal finds its issues by its labels: until they can be set, a repeat of this failure is filed as a new issue and `heal` does not start from this one.\n",
        names.join(", ")
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(resource: &str, field: &str, values: &[&str]) -> Invalid {
        Invalid {
            resource: resource.into(),
            field: field.into(),
            code: "invalid".into(),
            values: values.iter().map(|v| v.to_string()).collect(),
        }
    }

    #[test]
    fn a_refused_label_is_the_one_named_else_every_label() {
        let sent = ["auto-heal".to_string(), "workflow-failure".to_string()];
        let named = named_labels(&[entry("Label", "name", &["Workflow-Failure"])], &sent);
        assert_eq!(named, ["workflow-failure"]);
        assert_eq!(named_labels(&[entry("Issue", "labels", &[])], &sent), sent);
        assert!(!is_about_labels(&entry("Issue", "title", &[])));
    }
}
