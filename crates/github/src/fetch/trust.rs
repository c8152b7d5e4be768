//! Who is who: the repository permission of a user (the actor who triggered a run, the author
//! of an `/autoheal` comment) and the identity the token acts as.

use std::collections::{BTreeMap, BTreeSet};

use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::decide::dedupe::is_autoheal;
use crate::decide::trust::may_write;
use crate::error::Result;
use crate::models::{CollaboratorPermission, Issue};

/// The identity of the built-in `GITHUB_TOKEN`, which cannot ask `GET /user` who it is.
pub const GITHUB_ACTIONS_BOT: &str = "github-actions[bot]";

/// A user's permission on the repository; `None` when GitHub knows no such user.
pub type Permission = Option<CollaboratorPermission>;

/// The permission of each login (each asked once).
pub async fn fetch_permissions(
    gh: &GitHub,
    repo: &RepoName,
    logins: impl IntoIterator<Item = &str>,
) -> Result<BTreeMap<String, Permission>> {
    let unique: BTreeSet<&str> = logins.into_iter().filter(|l| !l.is_empty()).collect();
    let mut found = BTreeMap::new();
    for login in unique {
        found.insert(login.to_string(), gh.get_permission(repo, login).await?);
    }
    Ok(found)
}

/// The login the token acts as: `GET /user` for user tokens (PAT, App user-to-server), and
/// `github-actions[bot]` when GitHub answers 401/403/404, as it does for installation tokens
/// (the built-in `GITHUB_TOKEN` among them). An App installation token therefore reads as
/// `github-actions[bot]` too; that only makes the issue-body cache unusable for it, which is
/// the safe direction (heal then re-reads the run's logs or does nothing).
pub async fn fetch_bot_login(gh: &GitHub) -> Result<String> {
    match gh.get_authenticated_user().await {
        Ok(user) => Ok(user.login),
        Err(error) if matches!(error.status(), Some(401 | 403 | 404)) => Ok(GITHUB_ACTIONS_BOT.to_string()),
        Err(error) => Err(error),
    }
}

/// Whether autoheal may act on the record in `issue` (absorb a repeat failure into it, heal
/// the run it names, count its run as recorded): see [`author_may_act`] for its author.
/// Labels and a copied hidden block prove nothing: an issue form sets labels for anyone.
pub async fn may_act_on_records(gh: &GitHub, repo: &RepoName, issue: &Issue, bot_login: &str) -> Result<bool> {
    author_may_act(gh, repo, issue.author().unwrap_or_default(), bot_login).await
}

/// Whether what `author` wrote (an issue, a comment) may stand for autoheal's own record:
/// autoheal wrote it (`bot_login`, see [`is_autoheal`]), or its author may write to the
/// repository (the owner, or a collaborator with write access), who could commit the change
/// anyway.
pub async fn author_may_act(gh: &GitHub, repo: &RepoName, author: &str, bot_login: &str) -> Result<bool> {
    if is_autoheal(author, bot_login) {
        return Ok(true);
    }
    if author.is_empty() {
        return Ok(false);
    }
    if may_write(author, &repo.owner, &None) {
        return Ok(true);
    }
    // A token that may not read permissions (403) cannot vouch for the author: not theirs to
    // act on, and no reason to fail the whole report.
    match gh.get_permission(repo, author).await {
        Ok(permission) => Ok(may_write(author, &repo.owner, &permission)),
        Err(error) if matches!(error.status(), Some(401 | 403)) => Ok(false),
        Err(error) => Err(error),
    }
}
