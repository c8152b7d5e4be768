//! Who is who: the repository permission of a user (the actor who triggered a run, the author
//! of an `/autoheal` comment) and the identity the token acts as.

use std::collections::BTreeMap;

use crate::client::GitHub;
use crate::client::config::RepoName;
use crate::decide::trust::{
    GITHUB_ACTIONS_BOT, is_app_account, is_autoheal, may_be_writer, may_hide_a_writer, may_write,
};
use crate::error::{Error, Result};
use crate::models::{CollaboratorPermission, Issue};

/// The most authors one decision asks GitHub about (see [`authors_who_may_act`]).
pub const MAX_AUTHORS_ASKED: usize = 10;

/// The most owners, members and collaborators one decision asks about for their restrictive
/// words (`never`, `wrong-fix`, a review requesting changes; [`Vouching::vouch_restrictive`]),
/// a budget of its own beside [`MAX_AUTHORS_ASKED`] (review82 L5). Such a word by one left
/// unasked counts unchecked (the safe reading, `History::unasked`), so a crowd of read-only
/// members of a large organization saying `never` past the asks turned a category off;
/// restrictive words are rare, so their budget is larger, and a crowd must be three times
/// larger. `stats` counts the restrictive words that counted unchecked.
pub const MAX_RESTRICTIVE_ASKED: usize = 30;

/// The most authors GitHub does not relate to the repository (see [`may_hide_a_writer`]) one
/// decision asks about, for their restrictive words only ([`Vouching::vouch_restrictive`]): a
/// budget of its own, so outsiders cannot crowd out members and members cannot crowd out a
/// maintainer whose membership is private.
pub const MAX_OUTSIDERS_ASKED: usize = 5;

/// A user's permission on the repository; `None` when GitHub knows no such user.
pub type Permission = Option<CollaboratorPermission>;

/// The login the token acts as, the one answer every check of "is this autoheal?"
/// (`decide::trust::is_autoheal`) compares with: `GET /user` for user tokens (PAT, App
/// user-to-server). An installation token cannot ask (GitHub answers 401/403/404; `GET /app`
/// and `GET /repos/{owner}/{repo}/installation` need the App's JWT), so then it is the App
/// login configured in `AUTOHEAL_BOT_LOGIN` (`ClientConfig::bot_login`: with
/// `actions/create-github-app-token`, its `app-slug` output), else `github-actions[bot]`, the
/// built-in `GITHUB_TOKEN`'s identity. An App token without the variable therefore does not
/// know its own issues (a failure is filed again instead of absorbed, `heal --issue` skips the
/// App's issue and says so): the safe direction. A rate limit (403 or 429) is returned as the
/// error it is, never taken for that refusal.
pub async fn fetch_bot_login(gh: &GitHub) -> Result<String> {
    match gh.get_authenticated_user().await {
        Ok(user) => Ok(user.login),
        // Only GitHub's refusal means "an installation token": a rate limit is also a 403 (or
        // 429), and taking it for one would make a user token autoheal's bot for this decision.
        Err(error)
            if !matches!(error, Error::RateLimited { .. }) && matches!(error.status(), Some(401 | 403 | 404)) =>
        {
            Ok(gh
                .config()
                .bot_login
                .clone()
                .unwrap_or_else(|| GITHUB_ACTIONS_BOT.to_string()))
        }
        Err(error) => Err(error),
    }
}

/// Whether autoheal may act on the record in `issue` (absorb a repeat failure into it, heal
/// the run it names, count its run as recorded): see [`author_may_act`] for its author, who
/// is asked about only when GitHub relates them to the repository as an owner, member or
/// collaborator ([`Vouching::opened`]). Labels and a copied hidden block prove nothing: an
/// issue form sets labels for anyone.
pub async fn may_act_on_records(gh: &GitHub, repo: &RepoName, issue: &Issue, bot_login: &str) -> Result<bool> {
    Vouching::new(bot_login).opened(gh, repo, issue).await
}

/// Whether what `author` wrote (an issue, a comment) may stand for autoheal's own record:
/// autoheal wrote it (`bot_login`, see [`is_autoheal`]), or its author may write to the
/// repository (the owner, or a collaborator with write access), who could commit the change
/// anyway.
pub async fn author_may_act(gh: &GitHub, repo: &RepoName, author: &str, bot_login: &str) -> Result<bool> {
    Vouching::new(bot_login).may_act(gh, repo, author).await
}

/// [`author_may_act`] over many issues and comments of one list, as cheap as a hostile
/// repository allows: autoheal and the owner are known without a call, every other author
/// is asked once, and only the first [`MAX_AUTHORS_ASKED`] of them (callers order them so
/// the authors whose word matters most come first); later ones count as not vouched for
/// ([`Vouch::Unasked`] to a caller that reads them the restrictive way). Anyone can open issues and comment, so a
/// thousand copies of a record by a thousand accounts must not cost a thousand calls; passing
/// over a genuine writer's copy only files a new issue or reports a run again (the safe
/// direction). A token that may not read permissions (401/403) cannot vouch for anyone it
/// would ask, and is not asked again.
#[derive(Debug)]
pub struct Vouching {
    bot_login: String,
    known: BTreeMap<String, bool>,
    asked: usize,
    restrictive_asked: usize,
    outsiders_asked: usize,
    /// Restrictive words of authors who may hide a writer ([`may_hide_a_writer`]) that were
    /// not checked (the budget was spent, or the token may not read permissions), and so
    /// did not count: said in the history's notes, since a maintainer's may be among them.
    outsiders_unchecked: usize,
    refused: bool,
}

/// Which budget of a [`Vouching`] an ask about an owner, member or collaborator spends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Budget {
    /// [`MAX_AUTHORS_ASKED`].
    General,
    /// [`MAX_RESTRICTIVE_ASKED`].
    Restrictive,
}

impl Vouching {
    pub fn new(bot_login: &str) -> Self {
        Vouching {
            bot_login: bot_login.to_string(),
            known: BTreeMap::new(),
            asked: 0,
            restrictive_asked: 0,
            outsiders_asked: 0,
            outsiders_unchecked: 0,
            refused: false,
        }
    }

    /// How many restrictive words of authors who may hide a writer went unchecked and did
    /// not count (see [`Vouching::vouch_restrictive`]).
    pub fn outsiders_unchecked(&self) -> usize {
        self.outsiders_unchecked
    }

    /// How many authors GitHub was asked about.
    pub fn asked(&self) -> usize {
        self.asked + self.restrictive_asked + self.outsiders_asked
    }

    /// [`Vouching::may_act`] for the author of a comment or review GitHub relates to the
    /// repository as `association` (its `author_association`): autoheal is known, and only an
    /// owner, member or collaborator ([`may_be_writer`]) is asked about; anyone else is not
    /// vouched for and uses none of the asks, so a crowd of outsiders cannot crowd out a
    /// maintainer.
    pub async fn may_act_as(&mut self, gh: &GitHub, repo: &RepoName, author: &str, association: &str) -> Result<bool> {
        Ok(self.vouch_as(gh, repo, author, association).await? == Vouch::Yes)
    }

    /// What [`Vouching::may_act_as`] knows of an author, telling "not vouched for" from "not
    /// asked": an owner, member or collaborator left over when the asks ran out (or the token
    /// may not read permissions) is [`Vouch::Unasked`], and the caller decides which reading
    /// of their word is the safe one.
    pub async fn vouch_as(&mut self, gh: &GitHub, repo: &RepoName, author: &str, association: &str) -> Result<Vouch> {
        if is_autoheal(author, &self.bot_login) || may_be_writer(association) {
            self.vouch(gh, repo, author, Budget::General).await
        } else {
            Ok(Vouch::No)
        }
    }

    /// [`Vouching::vouch_as`] for a restrictive word (`never`, `wrong-fix`, a request for
    /// changes), asking about an owner, member or collaborator within
    /// [`MAX_RESTRICTIVE_ASKED`], a budget of its own; an author GitHub does not relate to the repository but who may be a writer
    /// whose organization membership is private ([`may_hide_a_writer`]) is asked about too,
    /// within [`MAX_OUTSIDERS_ASKED`], a budget of its own. Past it, or when the token may not
    /// read permissions, such an author is [`Vouch::No`], never [`Vouch::Unasked`]: an
    /// outsider's word that was not checked must not count, or anyone could turn autoheal off.
    pub async fn vouch_restrictive(
        &mut self,
        gh: &GitHub,
        repo: &RepoName,
        author: &str,
        association: &str,
    ) -> Result<Vouch> {
        if is_autoheal(author, &self.bot_login) || may_be_writer(association) {
            return self.vouch(gh, repo, author, Budget::Restrictive).await;
        }
        if !may_hide_a_writer(association) || author.is_empty() || is_app_account(author) {
            return Ok(Vouch::No);
        }
        if let Some(known) = self.known.get(author) {
            return Ok(if *known { Vouch::Yes } else { Vouch::No });
        }
        if self.refused || self.outsiders_asked >= MAX_OUTSIDERS_ASKED {
            self.outsiders_unchecked += 1;
            return Ok(Vouch::No);
        }
        self.outsiders_asked += 1;
        let known = match gh.get_permission(repo, author).await {
            Ok(permission) => may_write(author, &repo.owner, &permission),
            Err(error) if matches!(error.status(), Some(401 | 403)) => {
                self.refused = true;
                self.outsiders_unchecked += 1;
                return Ok(Vouch::No);
            }
            Err(error) => return Err(error),
        };
        self.known.insert(author.to_string(), known);
        Ok(if known { Vouch::Yes } else { Vouch::No })
    }

    /// [`Vouching::may_act_as`] for the opener of an issue (its `author_association`): an
    /// outsider's labelled issue costs no ask, so a crowd of them cannot crowd out a
    /// maintainer's.
    pub async fn opened(&mut self, gh: &GitHub, repo: &RepoName, issue: &Issue) -> Result<bool> {
        self.may_act_as(gh, repo, issue.author().unwrap_or_default(), &issue.author_association)
            .await
    }

    pub async fn may_act(&mut self, gh: &GitHub, repo: &RepoName, author: &str) -> Result<bool> {
        Ok(self.vouch(gh, repo, author, Budget::General).await? == Vouch::Yes)
    }

    async fn vouch(&mut self, gh: &GitHub, repo: &RepoName, author: &str, budget: Budget) -> Result<Vouch> {
        if let Some(known) = self.known.get(author) {
            return Ok(if *known { Vouch::Yes } else { Vouch::No });
        }
        let known = if is_autoheal(author, &self.bot_login) {
            true
        } else if author.is_empty() || is_app_account(author) {
            // Another app's account, or the coding agent, is never vouched for (GitHub may
            // state `write` for it), so it is not asked about either.
            false
        } else if may_write(author, &repo.owner, &None) {
            true
        } else {
            let (asked, limit) = match budget {
                Budget::General => (&mut self.asked, MAX_AUTHORS_ASKED),
                Budget::Restrictive => (&mut self.restrictive_asked, MAX_RESTRICTIVE_ASKED),
            };
            if self.refused || *asked >= limit {
                return Ok(Vouch::Unasked);
            }
            *asked += 1;
            match gh.get_permission(repo, author).await {
                Ok(permission) => may_write(author, &repo.owner, &permission),
                Err(error) if matches!(error.status(), Some(401 | 403)) => {
                    self.refused = true;
                    return Ok(Vouch::Unasked);
                }
                Err(error) => return Err(error),
            }
        };
        self.known.insert(author.to_string(), known);
        Ok(if known { Vouch::Yes } else { Vouch::No })
    }
}

/// What a [`Vouching`] learned of one author.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vouch {
    /// Autoheal, the owner, or someone GitHub says may write.
    Yes,
    /// Known not to write: GitHub said so, or the author is an outsider, an app or nobody.
    No,
    /// Might write, but GitHub was not asked: the asks were spent or the token may not read
    /// permissions.
    Unasked,
}
